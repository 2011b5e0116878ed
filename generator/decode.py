"""Decode: seed bytes to normalised text (BOMs, legacy encodings, line endings, odd spaces)."""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES, badness

from generator import codepages
from generator.chars import strip_unsafe
from generator.codepages import Guess
from generator.errors import SeedError
from generator.model import RawSeed

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7"]
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def _mojibake_hint() -> re.Pattern[str]:
    """Characters of which every mojibake pattern ftfy looks for contains at least one.

    ftfy checks a whole text against its badness expression before it tries any repair, which costs more than
    the rest of decoding together. Each of that expression's alternatives needs a character other than ASCII,
    typographic quotes and dashes (ftfy's 'common' and punctuation categories): a text without any is returned
    as it is by ftfy too, so the check can be skipped (tests/test_properties.py holds us to that).
    """
    everyday = "".join(MOJIBAKE_CATEGORIES[k] for k in ("common", "start_punctuation", "end_punctuation"))
    ranges = "".join(v for k, v in MOJIBAKE_CATEGORIES.items() if k not in ("common", "start_punctuation",
                                                                              "end_punctuation"))
    literals = {c for c in BADNESS_RE.pattern if ord(c) > 127} - set(everyday)
    return re.compile("[" + ranges + "".join(re.escape(c) for c in sorted(literals)) + "]")


_MOJIBAKE_HINT = _mojibake_hint()


def read_bytes(name: str, data: bytes) -> Guess:
    """Bytes to text (BOMs, then UTF-8, then a guess at the legacy encoding) with the encoding used and, for a
    legacy encoding, any doubt about the guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Guess(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                raise SeedError(name, f"invalid {encoding} text after its byte-order mark") from None
    if b"\x00" in data[:8192]:
        raise SeedError(name, "binary file, not text")
    try:
        return Guess(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise SeedError(name, "binary file, not text")
    # Without a byte-order mark and without NUL bytes the text is not UTF-16/32, whatever the detector thinks.
    guessed = codepages.guess(data, _WIDE)
    if guessed is None:
        raise SeedError(name, "cannot detect the text encoding")
    return guessed


def _looks_binary(data: bytes) -> bool:
    """True for data with many control bytes (images, archives) rather than text in some encoding."""
    sample = data[:8192]
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 100)


def normalise_text(text: str) -> str:
    """Repair mojibake; normalise line endings and odd spaces; strip control and bidi characters; NFC; strip
    trailing blanks."""
    # Only the encoding repair: quotes, ligatures and widths stay as the author wrote them.
    if _MOJIBAKE_HINT.search(text):
        text = ftfy.fix_encoding(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x85", "\n")
    text = _SPACES.sub(" ", text)
    text = strip_unsafe(text)  # after the line endings: CR and NEL became newlines
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


def decode(seed: RawSeed) -> str:
    """Seed bytes to clean text; raise SeedError for binary or empty input."""
    return decode_checked(seed)[0]


def decode_checked(seed: RawSeed) -> tuple[str, str | None]:
    """Seed bytes to clean text, and why its guessed legacy encoding may be wrong (None when it is UTF-8 or sure);
    raise SeedError for binary or empty input."""
    guessed = read_bytes(seed.name, seed.data)
    text = normalise_text(guessed.text)
    if not text.strip():
        raise SeedError(seed.name, "empty file")
    doubt = guessed.doubt
    if doubt is None and guessed.encoding in codepages.SINGLE_BYTE and badness(text):
        doubt = (f"the text still looks garbled after reading it as {codepages.NAMES[guessed.encoding]}: save the "
                 "file as UTF-8")
    return text, doubt

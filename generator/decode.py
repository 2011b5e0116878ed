"""Decode: seed bytes to normalised text (BOMs, legacy encodings, line endings, odd spaces)."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from generator.model import RawSeed, SeedError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab and newline never belong in an article.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\u2028\u2029\ufeff]")
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def decode_bytes(name: str, data: bytes) -> str:
    """Decode bytes to text, trying BOMs, then UTF-8, then a charset detector."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise SeedError(name, f"invalid {encoding} text after its byte-order mark") from None
    if b"\x00" in data[:8192]:
        raise SeedError(name, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise SeedError(name, "cannot detect the text encoding")
    return str(best)


def normalise_text(text: str) -> str:
    """Normalise line endings, odd spaces and control characters; NFC; strip trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


def decode(seed: RawSeed) -> str:
    """Seed bytes to clean text; raise SeedError for binary or empty input."""
    text = normalise_text(decode_bytes(seed.name, seed.data))
    if not text.strip():
        raise SeedError(seed.name, "empty file")
    return text

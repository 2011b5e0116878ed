"""Paths: ASCII slugs that are never empty and never collide, joins that stay inside a folder, and file names as
they may be shown (escaped) or refused."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path

MAX_SLUG = 80


_HAN = re.compile(r"[\u3400-\u9fff]")
_APOSTROPHES = re.compile(r"['’‘`]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; Chinese is spelled in pinyin ("北汽集团" -> "bei-qi-ji-tuan")."""
    text = _APOSTROPHES.sub("", text)  # "BAIC’s" and "BAIC's" both give "baics"
    if _HAN.search(text):
        from pypinyin import lazy_pinyin  # its dictionaries take 0.15 s to load; most builds never need them

        text = " ".join(lazy_pinyin(text))
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", text.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


def seed_slug(title: str, seed: str) -> str:
    """A slug for a briefing: from its title, or from a hash of the seed name when the title has no ASCII."""
    slug = slugify(title)
    if len(slug) < 3:
        slug = "briefing-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10]
    return slug


def unique_slugs(wanted: list[str]) -> list[str]:
    """Resolve collisions in order: the second "x" becomes "x-2", and so on."""
    taken: set[str] = set()
    result = []
    for slug in wanted:
        candidate, n = slug, 1
        while candidate in taken:
            n += 1
            candidate = f"{slug}-{n}"
        taken.add(candidate)
        result.append(candidate)
    return result


def is_plain_relative(relative: str) -> bool:
    """A relative path of ordinary names ("briefings/a.md"): joined under a folder without symbolic links (a new
    one), it stays inside it, so safe_join's look at the disk is not needed."""
    return (all(part not in ("", ".", "..") for part in relative.split("/"))
            and "\\" not in relative and "\x00" not in relative)


def safe_join(base: Path, relative: str) -> Path:
    """Join `relative` under `base`, refusing anything that would land outside it."""
    if not relative or relative.startswith(("/", "\\")) or "\\" in relative or "\x00" in relative:
        raise ValueError(f"unsafe output path: {relative!r}")
    root = base.resolve()
    target = (root / relative).resolve()
    if not target.is_relative_to(root) or target == root:
        raise ValueError(f"output path escapes {base}: {relative!r}")
    return target


# Characters a file name may not hold: controls (newline, ESC), line and paragraph separators, invisible formatting
# (bidi overrides, zero-width characters) and surrogates, which stand for bytes that are not UTF-8.
_UNSHOWABLE = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))
_NAMED = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _unshowable(char: str) -> bool:
    return char in _NAMED or (not " " <= char <= "~" and unicodedata.category(char) in _UNSHOWABLE)


def shown(name: str | os.PathLike[str]) -> str:
    """A file name as it may be shown in a log line, an annotation or a Markdown report: every character that could
    break the line, move the cursor, colour the terminal or reorder the text is written as an escape (`\\n`,
    `\\x1b`, `\\u202e`), a byte that is not UTF-8 as `\\xe9`, and a backslash as `\\\\`; other names are unchanged."""
    text = os.fspath(name)
    if text.isascii() and text.isprintable() and "\\" not in text:
        return text
    out = []
    for char in text:
        if not _unshowable(char):
            out.append(char)
        elif char in _NAMED:
            out.append(_NAMED[char])
        elif "\udc80" <= char <= "\udcff":  # a byte that is not UTF-8, as the file system decoder keeps it
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


def name_problem(name: str, what: str = "file") -> str | None:
    """Why a file name cannot become a URL, a YAML value and a log line safely, or None when it can."""
    if name.isascii() and name.isprintable():
        return None
    kinds = {unicodedata.category(char) for char in name}
    if "Cs" in kinds:
        return f"{what} name is not valid UTF-8; rename it"
    if kinds & {"Cc", "Zl", "Zp"}:
        return f"{what} name holds a control character or line break; rename it"
    if "Cf" in kinds:
        return f"{what} name holds an invisible formatting character (such as a right-to-left override); rename it"
    return None

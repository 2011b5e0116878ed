"""Repeated blocks: a carousel or a sticky widget that repeats the same paragraph keeps only its first copy."""

from __future__ import annotations

from generator.lexicon.text import words
from generator.model import Doc, Kind


def _key(text: str) -> str:
    """The line with its white space runs made single spaces, case-folded. White space other than a space is
    not printable: a printable line without double or outer spaces has nothing to change."""
    if text.isprintable() and "  " not in text and not text.startswith(" ") and not text.endswith(" "):
        return text.casefold()
    return " ".join(text.split()).casefold()


def apply(doc: Doc) -> Doc:
    """Mark every later copy of a line already seen (short lines such as list bullets may repeat)."""
    keys = [_key(line.text) for line in doc.lines if line.is_content]
    if len(set(keys)) == len(keys):
        return doc  # nothing repeats
    seen: set[str] = set()
    lines = list(doc.lines)
    marked = False
    for index, line in enumerate(lines):
        if not line.is_content:
            continue
        key = _key(line.text)
        if key in seen and len(words(key)) >= 6:
            lines[index] = line.mark(Kind.REPEAT, "repeats")
            marked = True
        seen.add(key)
    return doc.with_lines(lines) if marked else doc

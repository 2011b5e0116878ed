"""Repeated blocks: a carousel or a sticky widget that repeats the same paragraph keeps only its first copy."""

from __future__ import annotations

from generator.clean.text import words
from generator.model import Doc, Kind


def apply(doc: Doc) -> Doc:
    """Mark every later copy of a line already seen (short lines such as list bullets may repeat)."""
    seen: set[str] = set()
    lines = list(doc.lines)
    for index, line in enumerate(lines):
        if not line.is_content:
            continue
        key = " ".join(line.text.split()).casefold()
        if key in seen and len(words(key)) >= 6:
            lines[index] = line.mark(Kind.REPEAT, "repeats")
        seen.add(key)
    return doc.with_lines(lines)

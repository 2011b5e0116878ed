"""Zones: where on a page the article runs (the first line of running text, the last substantial paragraph)."""

from __future__ import annotations

from generator.lexicon.text import is_prose, words
from generator.model import Doc, Line


def body_start(doc: Doc) -> int:
    """Index of the first content line that reads as running text, the headline aside (len(lines) if none)."""
    for index, line in enumerate(doc.lines):
        if line.is_content and is_prose(line.text) and index != doc.title_index:
            return index
    return len(doc.lines)


def substantial(line: Line) -> bool:
    """A paragraph long enough that chrome is unlikely to follow it within the article."""
    return line.is_content and (len(line.text) >= 150 or (len(words(line.text)) >= 20 and is_prose(line.text)))


def last_substantial(doc: Doc) -> int:
    """Index of the last substantial content paragraph (-1 if none)."""
    for index in range(len(doc.lines) - 1, -1, -1):
        if substantial(doc.lines[index]):
            return index
    return -1

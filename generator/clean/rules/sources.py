"""Source and reprint lines ("Source: Beijing Daily", "Article: Auto Review")."""

from __future__ import annotations

from generator.clean.base import mark_lines
from generator.lexicon.labels import SOURCE_LABEL, source_name
from generator.lexicon.text import words
from generator.model import Doc, Kind, Line


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    match = SOURCE_LABEL.match(line.text.strip())
    if match and len(words(source_name(match.group("name")))) <= 8:
        return Kind.SOURCE
    return None


def apply(doc: Doc) -> Doc:
    """Mark source lines."""
    return mark_lines(doc, "sources", _classify, max_chars=240)

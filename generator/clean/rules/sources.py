"""Source and reprint lines ("Source: Beijing Daily", "Article: Auto Review")."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.clean.text import words
from generator.model import Doc, Kind, Line

SOURCE_LABEL = re.compile(
    r"^(?:source|sources|article|via|from|reprinted from|originally published (?:in|by|on)|republished from|"
    r"courtesy of|来源|文章来源|稿件来源|出处)\s*[:：]\s*(?P<name>.+)$",
    re.I,
)


def source_name(value: str) -> str:
    """The publication part of a source line's value ("Xinhua| 2024-01-11 17:03|Editor: x" -> "Xinhua")."""
    return re.split(r"\s*[|｜·•]\s*|\s{2,}|\s+(?=\d{4}[-/.年])", value.strip())[0].strip()


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    match = SOURCE_LABEL.match(line.text.strip())
    if match and len(words(source_name(match.group("name")))) <= 8:
        return Kind.SOURCE
    return None


def apply(doc: Doc) -> Doc:
    """Mark source lines."""
    return mark_lines(doc, "sources", _classify, max_chars=240)

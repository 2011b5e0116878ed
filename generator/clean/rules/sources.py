"""Source and reprint lines ("Source: Beijing Daily", "Article: Auto Review")."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.clean.text import words
from generator.model import Doc, Kind, Line

_LABELS = (
    r"source|sources|article|via|from|reprinted from|originally published (?:in|by|on)|republished from|"
    r"courtesy of|来源|文章来源|稿件来源|出处"
)
SOURCE_LABEL = re.compile(rf"^(?:{_LABELS})\s*[:：]\s*(?P<name>.+)$", re.I)
_FIRST = re.compile(rf"^\s*(?:{_LABELS})\s*[:：]", re.I)  # how SOURCE_LABEL starts, after any white space
_NAME_END = re.compile(r"\s*[|｜·•]\s*|\s{2,}|\s+(?=\d{4}[-/.年])")


def source_name(value: str) -> str:
    """The publication part of a source line's value ("Xinhua| 2024-01-11 17:03|Editor: x" -> "Xinhua")."""
    return _NAME_END.split(value.strip())[0].strip()


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    match = SOURCE_LABEL.match(line.text.strip())
    if match and len(words(source_name(match.group("name")))) <= 8:
        return Kind.SOURCE
    return None


def apply(doc: Doc) -> Doc:
    """Mark source lines."""
    return mark_lines(doc, "sources", _classify, max_chars=240, trigger=_FIRST.match)

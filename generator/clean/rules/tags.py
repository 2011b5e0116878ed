"""Tag and keyword lines ("Tags: BYD, Hungary, Europe")."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.model import Doc, Kind, Line

_LABEL = r"(?:tags?|tagged(?: with)?|keywords?|key words|topics?|filed under|categor(?:y|ies)|标签|关键词)\s*[:：]"
_TAGS = re.compile(rf"^{_LABEL}", re.I)


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    return Kind.TAGS if _TAGS.match(line.text.strip()) and len(line.text) < 300 else None


def apply(doc: Doc) -> Doc:
    """Mark tag lines."""
    return mark_lines(doc, "tags", _classify, max_chars=300)

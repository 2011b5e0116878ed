"""Address lines: a line that only gives the article's own address ("https://…/2024/05/story/", "Source:
https://…", "原文链接：https://…"; lexicon/addresses.py says what one is), which extract/origin.py reads as the
link to the original article."""

from __future__ import annotations

from generator.clean.base import mark_lines
from generator.lexicon.addresses import is_address_line
from generator.model import Doc, Kind, Line


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    return Kind.SOURCE if is_address_line(line.text) else None


def _trigger(text: str) -> bool:
    return "://" in text


def apply(doc: Doc) -> Doc:
    """Mark address lines as source lines."""
    return mark_lines(doc, "addresses", _classify, max_chars=2_200, trigger=_trigger)

"""Split header and footer rows that pack several widgets into one line ("Date: …    Source: …")."""

from __future__ import annotations

import re

from generator.clean.base import body_start, last_substantial, replace_line
from generator.clean.rules.dates import is_date_line
from generator.clean.text import ends_sentence, words
from generator.extract.dates import DATE_START, find_dates
from generator.model import Doc, Line

_GAP = re.compile(r"\s{3,}|\t+")
_LABEL = r"\s*+(?:(?:date|dated|published|posted|time)\s*+)?(?:[:：]\s*+)?"
_DATE_LABEL = re.compile(rf"^{_LABEL}$", re.I)
# How a line that _DATE_LABEL can read up to its first date starts.
_DATE_FIRST = re.compile(rf"^{_LABEL}{DATE_START}", re.I)


def _fields(line: Line) -> list[str] | None:
    if not _GAP.search(line.text):
        return None  # one part only
    parts = [p.strip() for p in _GAP.split(line.text) if p.strip()]
    if len(parts) < 2 or any(len(p) > 80 or ends_sentence(p) for p in parts):
        return None
    return parts


def _date_prefix(line: Line) -> list[str] | None:
    """Split "date 2025-12-01 Some headline" into the date and the rest."""
    if not _DATE_FIRST.match(line.text):
        return None
    found = find_dates(line.text)
    if not found or not _DATE_LABEL.match(line.text[: found[0].start]) or is_date_line(line.text):
        return None
    rest = line.text[found[0].end :].strip(" -|·:")
    if len(words(rest)) < 3:
        return None
    return [line.text[: found[0].end].strip(), rest]


def apply(doc: Doc) -> Doc:
    """Split packed rows outside the article body into one line per field."""
    index = 0
    start, last = body_start(doc), last_substantial(doc)
    while index < len(doc.lines):
        line = doc.lines[index]
        outside = index < start or index > last
        parts = (_fields(line) or _date_prefix(line)) if outside and line.is_content else None
        if parts:
            new = [Line(text=p, number=line.number, blank_before=line.blank_before if i == 0 else 0)
                   for i, p in enumerate(parts)]
            doc = replace_line(doc, index, new)
            start, last = body_start(doc), last_substantial(doc)
        index += len(parts) if parts else 1
    return doc

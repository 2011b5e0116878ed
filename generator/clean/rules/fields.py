"""Split header and footer rows that pack several widgets into one line ("Date: …    Source: …")."""

from __future__ import annotations

import re
from dataclasses import replace

from generator.clean.rules.dates import is_date_line
from generator.lexicon.dates import DATE_START, find_dates
from generator.lexicon.text import ends_sentence, is_prose, words
from generator.lexicon.zones import body_start, last_substantial, substantial
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
    # Where the body starts and ends is asked again after each split (a part may be prose or substantial), but
    # kept up to date from the parts rather than found by reading the page again: a page of 10,000 packed rows
    # took minutes that way.
    start, last = body_start(doc), last_substantial(doc)
    lines, title = list(doc.lines), doc.title_index
    out: list[Line] = []
    for old in range(len(lines)):
        line, index = lines[old], len(out)
        outside = index < start or index > last
        parts = (_fields(line) or _date_prefix(line)) if outside and line.is_content else None
        if not parts:
            out.append(line)
            continue
        new = [Line(text=p, number=line.number, blank_before=line.blank_before if i == 0 else 0)
               for i, p in enumerate(parts)]
        out += new
        shift = len(new) - 1
        if title is not None and title > index:
            title += shift
        prose = [index + i for i, part in enumerate(new)
                 if part.is_content and is_prose(part.text) and index + i != title]
        if index < start:
            start = prose[0] if prose else start + shift
        elif index == start:
            start = prose[0] if prose else _first_prose(lines, old + 1, len(out), title)
        heavy = [index + i for i, part in enumerate(new) if substantial(part)]
        if index < last:
            last += shift
        elif index == last:
            last = heavy[-1] if heavy else _last_before(out, index)
        elif heavy:
            last = heavy[-1]
    if len(out) == len(lines):
        return doc
    return replace(doc, lines=tuple(out), title_index=title)


def _first_prose(lines: list[Line], first: int, offset: int, title: int | None) -> int:
    """body_start over lines[first:], not yet split, whose first is at `offset` in the new page (the page's
    length if none is prose)."""
    for i in range(first, len(lines)):
        if lines[i].is_content and is_prose(lines[i].text) and offset + i - first != title:
            return offset + i - first
    return offset + len(lines) - first


def _last_before(out: list[Line], index: int) -> int:
    """last_substantial among the lines before `index` (-1 if none)."""
    for i in range(index - 1, -1, -1):
        if substantial(out[i]):
            return i
    return -1

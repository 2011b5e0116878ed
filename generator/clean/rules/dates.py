"""Publish-time lines ("Publishtime:1970-01-01 08:00:00 Views:27", "Updated: Jan 18, 2024 17:40")."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.lexicon.dates import DATELINE, could_hold_date, find_dates, is_relative
from generator.lexicon.text import is_upper, words
from generator.lexicon.zones import body_start
from generator.model import Doc, Kind, Line

_LABELS = re.compile(
    r"\b(?:publish(?:ed)?(?:\s*time|\s*on|\s*date)?|posted(?:\s+on)?|updated(?:\s+on)?|last updated|"
    r"date|dated|time|release(?:d)?|pubdate|modified|created|on)\b|发布(?:时间|日期)?|更新(?:时间)?|时间|日期",
    re.I,
)
_TRAIL = re.compile(
    r"\b(?:by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|views?\s*+(?:[:：]\s*+)?[\d,]+|(?<![\d,])[\d,]++\s*+views?|"
    r"reading time\s*+(?:[:：]\s*+)?\d++\s*+min\w*|\d+\s*min(?:ute)?s?\s*read|ago)\b",
    re.I,
)
_NOISE = re.compile(r"[\s|·•:：,()\[\]/-]+")
_AGO = re.compile(r"(?<!\d)\d++\s*+(?:hours?|hrs?|minutes?|mins?|days?|weeks?|seconds?)\s++ago|\d{1,2}:\d{2}", re.I)
_STAMP_PARTS = re.compile(r"\s[|｜·•]\s")


def is_date_line(text: str) -> bool:
    """True when the line is a date or time stamp with at most a few labels or counters around it."""
    if not could_hold_date(text):
        return False
    spans = find_dates(text)
    rest = text
    for found in reversed(spans):
        rest = rest[: found.start] + " " + rest[found.end :]
    if not spans and not is_relative(text):
        return False
    rest = _AGO.sub(" ", rest)
    rest = _LABELS.sub(" ", _TRAIL.sub(" ", rest))
    # A stamp row may name the outlet between separators: "By X | AUTO LEDGER DAILY | Updated: …".
    parts = [p for p in _STAMP_PARTS.split(rest) if p.strip()]
    if len(parts) > 1:
        rest = " ".join(p for p in parts if not (is_upper(p) and len(words(p)) <= 5))
    return len(words(_NOISE.sub(" ", rest))) <= 2


def _classify(line: Line, above_body: bool) -> Kind | None:
    text = line.text.strip()
    if DATELINE.match(text):
        return None  # a wire dateline opens the first paragraph; the paragraph stays
    if len(text) <= 120 and (above_body or len(words(text)) <= 8) and is_date_line(text):
        return Kind.DATE
    return None


def apply(doc: Doc) -> Doc:
    """Mark date and time stamp lines."""
    start = body_start(doc)
    return mark_lines(doc, "dates", lambda line, index, _: _classify(line, index < start), max_chars=120)

"""Dates: find calendar dates in a line of text and judge whether they are plausible publication dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_TIME = (
    r"(?:[ T,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?"
    r"(?:\s*(?:(?:UTC|GMT|CST|BJT|HKT|SGT|CET|CEST|EST|EDT|PST|PDT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
    r"|[+-]\d{2}:?\d{2}))?)?"
)

# Each pattern names its parts; `order` says how to read two small numbers (ambiguous day/month).
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (order, re.compile(pattern + _TIME, re.I))
    for order, pattern in (
        ("ymd", r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
        ("ymd", r"(?<![\d/.-])(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d/])"),
        ("dmy?", r"(?<![\d/.-])(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-]\s?(?P<y>(?:19|20)\d{2})(?![\d/])"),
        ("md y", r"(?<![\d/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})\s+(?P<y>(?:19|20)\d{2})(?!\d)"),
        ("text", r"(?<![\w])" + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})(?!\d)"),
        ("text", r"(?<![\w\d])(?P<d>\d{1,2})-" + _MON + r"-(?P<y>(?:19|20)\d{2})(?!\d)"),
        ("text", r"(?<![\w\d])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON
         + r",?\s+(?P<y>(?:19|20)\d{2})(?!\d)"),
    )
)
_RELATIVE = re.compile(
    r"\b(?:\d+|an?|one|few)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago\b"
    r"|\b(?:yesterday|today|just now)\b|(?<!\d)\d++\s*+(?:分钟|小时|天)前",
    re.I,
)
# "BEIJING, Nov. 30 (Xinhua) --": a wire-service dateline gives month and day only.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]{2,40}),\s+" + _MON
    + r"\s+(?P<d>\d{1,2})\s*\((?P<agency>[A-Z][A-Za-z .]{1,30})\)\s*(?:--|—|–|-)",
    re.I,
)


@dataclass(frozen=True)
class Found:
    """A date found in text: ISO string and the span it covers."""

    iso: str
    start: int
    end: int


def _make(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _read(order: str, m: re.Match[str]) -> str | None:
    parts = m.groupdict()
    year = int(parts["y"])
    if order == "ymd":
        return _make(year, int(parts["m"]), int(parts["d"]))
    if order == "text":
        return _make(year, MONTHS[parts["mon"].lower().rstrip(".")], int(parts["d"]))
    a, b = int(parts["a"]), int(parts["b"])
    if a > 12 >= b:
        return _make(year, b, a)  # day first: 16/08/2024
    if b > 12 >= a:
        return _make(year, a, b)  # month first: 08/16/2024
    # Ambiguous: dotted and dashed forms are day-first in most of the world, slashed forms month-first.
    if order == "dmy?" and m.group(0)[len(parts["a"])] in ".-":
        return _make(year, b, a)
    return _make(year, a, b)


# How every date find_dates reads starts (ignoring case): a digit or a month's name.
DATE_START = r"(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
# What every date find_dates reads holds: a 19xx or 20xx year (the quick test), before 年 or a separator and a
# digit, or after a separator (day first), or after "/day " (month first), or after a month's name; and what every
# relative time is_relative reads holds: one of its words. Case as the patterns themselves ignore it.
_YEAR_OR_WORD = re.compile(r"19\d\d|20\d\d|ago|yesterday|today|just now|前", re.I)
_DATE_SHAPE = re.compile(
    r"(?:19|20)\d\d(?:\s*年|[-/.]\d)|[/.-]\s?(?:19|20)\d\d|/\d{1,2}\s+(?:19|20)\d\d|"
    r"\A(?>[\s\S]*?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))[\s\S]*?(?:19|20)\d\d",
    re.I,
)
_RELATIVE_WORD = re.compile(r"ago|yesterday|today|just now|前", re.I)


def could_hold_date(text: str) -> bool:
    """False when find_dates and is_relative surely find nothing in `text` (a quick test before either)."""
    if _YEAR_OR_WORD.search(text) is None:
        return False
    return _DATE_SHAPE.search(text) is not None or _RELATIVE_WORD.search(text) is not None


def find_dates(text: str) -> list[Found]:
    """Every calendar date written in `text`, in order of position, without overlaps."""
    found: list[Found] = []
    for order, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            iso = _read(order, m)
            if iso:
                found.append(Found(iso, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def is_relative(text: str) -> bool:
    """True when `text` gives a relative time such as "3 hours ago"."""
    return bool(_RELATIVE.search(text))


def plausible(iso: str, today: dt.date) -> bool:
    """A publication date is plausible after 1980, before tomorrow, and not the Unix epoch placeholder."""
    day = dt.date.fromisoformat(iso)
    return dt.date(1980, 1, 1) < day <= today and not (day.month == 1 and day.day == 1 and day.year == 1970)

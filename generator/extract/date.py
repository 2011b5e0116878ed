"""Date: the publication date from the page's date lines, never from numbers inside the article text."""

from __future__ import annotations

import datetime as dt

from generator.lexicon.dates import DATELINE, MONTHS, find_dates, plausible
from generator.lexicon.zones import body_start
from generator.model import Doc, Kind

# Lines that can carry the publication date: stamps, bylines, source rows, the headline row.
_DATED_KINDS = (Kind.DATE, Kind.BYLINE, Kind.SOURCE, Kind.TITLE, Kind.MASTHEAD, Kind.COUNTER)


def publication_date(doc: Doc, today: dt.date) -> str | None:
    """The first plausible date on a date, byline or source line; else a wire dateline's date."""
    start = body_start(doc)
    for index, line in enumerate(doc.lines):
        if line.kind in _DATED_KINDS and (index < start or line.kind is Kind.DATE):
            found = find_dates(line.text)
            if found:
                # The first stamp on a line is the publication; an "Updated" stamp may follow.
                good = [f.iso for f in found if plausible(f.iso, today)]
                if good:
                    return good[0]
                if line.kind is Kind.DATE:
                    return None  # an epoch or future placeholder: the page's own date is unknown
    return _dateline(doc, today)


def _dateline(doc: Doc, today: dt.date) -> str | None:
    """The date of a wire dateline ("BEIJING, Nov. 30 (Xinhua) --") in the year a page stamp gives."""
    for line in doc.lines:
        if not line.is_content:
            continue
        match = DATELINE.match(line.text)
        if not match:
            return None
        month, day = MONTHS[match.group("mon").lower().rstrip(".")], int(match.group("d"))
        years = [int(f.iso[:4]) for other in doc.lines for f in find_dates(other.text) if not other.is_content]
        for year in years:
            try:
                iso = dt.date(year, month, day).isoformat()
            except ValueError:
                continue
            if plausible(iso, today):
                return iso
        return None
    return None

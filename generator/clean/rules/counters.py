"""View, comment, like and reading-time counters ("Views:27", "12 Comments", "6 min read", a bare "437")."""

from __future__ import annotations

import re

from generator.clean.base import body_start, mark_lines
from generator.model import Doc, Kind, Line

_COUNTER = re.compile(
    r"(?:views?|reads?|hits|clicks|pageviews|visits|阅读(?:量|数)?|浏览(?:量|数)?|点击(?:量|数)?)\s*[:：]?\s*[\d,.]+k?"
    r"|[\d,.]+k?\s*(?:views?|reads?|hits|comments?|replies|likes|shares)"
    r"|(?:comments?|replies|likes)\s*[:：(（]?\s*[\d,.]+k?\s*[)）]?"
    r"|(?:reading time\s*[:：]?\s*)?\d+\s*(?:-\s*\d+\s*)?min(?:ute)?s?(?:\s+read)?"
    r"|\d+\s*分钟阅读",
    re.I,
)
_SEP = re.compile(r"[\s|·•,/]+")


def _only_counters(text: str) -> bool:
    return bool(_COUNTER.search(text)) and not _SEP.sub("", _COUNTER.sub(" ", text))


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    text = line.text.strip()
    if _only_counters(text):
        return Kind.COUNTER
    # A bare number above the article body is a view counter, never content.
    if index < body_start(doc) and re.fullmatch(r"[\d,.]+k?", text):
        return Kind.COUNTER
    return None


def apply(doc: Doc) -> Doc:
    """Mark counters."""
    return mark_lines(doc, "counters", _classify, max_chars=80)

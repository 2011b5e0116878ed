"""View, comment, like and reading-time counters ("Views:27", "12 Comments", "6 min read", a bare "437")."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.lexicon.zones import body_start
from generator.model import Doc, Kind, Line

_COUNTER = re.compile(
    r"(?:views?|reads?|hits|clicks|pageviews|visits|阅读(?:量|数)?|浏览(?:量|数)?|点击(?:量|数)?)\s*+(?:[:：]\s*+)?[\d,.]+k?"
    r"|(?<![\d,.])[\d,.]++k?\s*+(?:views?|reads?|hits|comments?|replies|likes|shares)"
    r"|(?:comments?|replies|likes)\s*+(?:[:：(（]\s*+)?[\d,.]+k?\s*[)）]?"
    r"|(?:reading time\s*+(?:[:：]\s*+)?)?(?<!\d)\d++\s*+(?:-\s*+\d++\s*+)?min(?:ute)?s?(?:\s+read)?"
    r"|(?<!\d)\d++\s*+分钟阅读",
    re.I,
)
_SEP = re.compile(r"[\s|·•,/]+")
_NUMBER = re.compile(r"[\d,.]+k?")
# Found in every line _classify marks. A line of counters and separators starts, after separators, where a
# counter does: on the first character of one of _COUNTER's alternatives (a bare number starts the same way).
_FIRST = re.compile(
    r"^[\s|·•,/]*(?:[\d,.]|views?|reads?|reading|hits|clicks|pageviews|visits|阅读|浏览|点击|comments?|replies|likes)",
    re.I,
)


def _only_counters(text: str) -> bool:
    return bool(_COUNTER.search(text)) and not _SEP.sub("", _COUNTER.sub(" ", text))


def _classify(line: Line, above_body: bool) -> Kind | None:
    text = line.text.strip()
    if _only_counters(text):
        return Kind.COUNTER
    # A bare number above the article body is a view counter, never content.
    if above_body and _NUMBER.fullmatch(text):
        return Kind.COUNTER
    return None


def apply(doc: Doc) -> Doc:
    """Mark counters."""
    start = body_start(doc)
    return mark_lines(doc, "counters", lambda line, index, _: _classify(line, index < start),
                      max_chars=80, trigger=_FIRST.match)

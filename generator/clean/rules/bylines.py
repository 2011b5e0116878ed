"""Bylines and staff credits ("By Sun Lei", "Author: Liu Yan | Layout: …", "Tomasz Weber, Brussels correspondent")."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.lexicon.labels import BYLINE_LABEL, ROLE, ROLES, signed
from generator.lexicon.text import is_person_name, person_names, words
from generator.lexicon.zones import body_start
from generator.model import Doc, Kind, Line

# Agency credit trailers: "Reporting by A and B; Editing by C".
_TRAILER_START = r"\(?(?:additional )?(?:reporting|writing|editing|compiled|translated|produced) by"
_TRAILER = re.compile(rf"^(?:{_TRAILER_START})\b", re.I)
_ROW_PARTS = re.compile(r"\s*[|·•]\s*|\s{2,}")
_LABEL_END = re.compile(r"[:：]\s*$")
# A credit to the desk, not a person: "By staff writers", "By our correspondent", "By a staff reporter".
_DESK = re.compile(rf"^by\s+(?:our\s+|the\s+|a\s+)?(?:[\w-]+\s+){{0,2}}{ROLES}$", re.I)


def _credit_row(text: str) -> bool:
    """True when every part of a row is a labelled credit ("Author: X | Layout: Y | Design: Z")."""
    parts = [p.strip() for p in _ROW_PARTS.split(text) if p.strip()]
    return bool(parts) and all(_labelled(p) for p in parts)


def _labelled(part: str) -> bool:
    """A credit such as "Layout: Zheng Xueqin" or "By Sun Lei"."""
    label = BYLINE_LABEL.match(part)
    if not label or label.end() == 0 or len(words(part)) > 7:
        return False
    rest = part[label.end():]
    return bool(_LABEL_END.search(part[: label.end()])) or person_names(rest) is not None


def _classify(line: Line, above_body: bool, under: Line | None) -> Kind | None:
    text = line.text.strip()
    if len(text) > 140:
        return None
    if _DESK.match(text):
        return Kind.BYLINE
    label = BYLINE_LABEL.match(text)
    if label and label.end() > 0 and _credit_row(text):
        return Kind.BYLINE
    if _TRAILER.match(text) and len(words(text)) <= 40:
        return Kind.BYLINE
    role = ROLE.match(text)
    if role and is_person_name(role.group("name")):
        return Kind.BYLINE
    # A name alone is a byline only where a byline goes: not right above the page's own signed credit.
    if above_body and is_person_name(text) and not (under is not None and signed(under.text.strip())):
        return Kind.BYLINE
    return None


def apply(doc: Doc) -> Doc:
    """Mark bylines and staff credits."""
    start = body_start(doc)
    lines = doc.lines

    def classify(line: Line, index: int, _: Doc) -> Kind | None:
        return _classify(line, index < start, lines[index + 1] if index + 1 < len(lines) else None)

    return mark_lines(doc, "bylines", classify, max_chars=140)

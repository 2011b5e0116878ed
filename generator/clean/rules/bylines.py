"""Bylines and staff credits ("By Sun Lei", "Author: Liu Yan | Layout: …", "Tomasz Weber, Brussels correspondent")."""

from __future__ import annotations

import re

from generator.clean.base import body_start, mark_lines
from generator.clean.text import is_person_name, person_names, words
from generator.model import Doc, Kind, Line

BYLINE_LABEL = re.compile(
    r"^(?:by|written by|words by|story by|reporting by|text|author|authors|writer|reporter|correspondent|"
    r"editor|edited by|chief editor|responsible editor|web editor|layout|design|designer|photos?|photography|"
    r"proofread(?:ing|er)?|translat(?:ed by|or|ion)|作者|记者|编辑|责任编辑|责编|文|图|撰文|摄影)\b\s*[:：]?\s*",
    re.I,
)
ROLE = re.compile(
    r"^(?P<name>.+?)\s*[,|–—-]\s*(?:our\s+|a\s+)?(?:[\w-]+\s+){0,3}(?:correspondent|reporter|editor|writer|columnist|"
    r"contributor|analyst|staff|bureau chief|journalist)s?$",
    re.I,
)


# Agency credit trailers: "Reporting by A and B; Editing by C".
_TRAILER = re.compile(r"^(?:\(?(?:additional )?(?:reporting|writing|editing|compiled|translated|produced) by)\b", re.I)


def _credit_row(text: str) -> bool:
    """True when every part of a row is a labelled credit ("Author: X | Layout: Y | Design: Z")."""
    parts = [p.strip() for p in re.split(r"\s*[|·•]\s*|\s{2,}", text) if p.strip()]
    return bool(parts) and all(_labelled(p) for p in parts)


def _labelled(part: str) -> bool:
    """A credit such as "Layout: Zheng Xueqin" or "By Sun Lei"."""
    label = BYLINE_LABEL.match(part)
    if not label or label.end() == 0 or len(words(part)) > 7:
        return False
    rest = part[label.end():]
    return bool(re.search(r"[:：]\s*$", part[: label.end()])) or person_names(rest) is not None


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    text = line.text.strip()
    if len(text) > 140:
        return None
    label = BYLINE_LABEL.match(text)
    if label and label.end() > 0 and _credit_row(text):
        return Kind.BYLINE
    if _TRAILER.match(text) and len(words(text)) <= 40:
        return Kind.BYLINE
    role = ROLE.match(text)
    if role and is_person_name(role.group("name")):
        return Kind.BYLINE
    if index < body_start(doc) and is_person_name(text):
        return Kind.BYLINE
    return None


def apply(doc: Doc) -> Doc:
    """Mark bylines and staff credits."""
    return mark_lines(doc, "bylines", _classify, max_chars=140)

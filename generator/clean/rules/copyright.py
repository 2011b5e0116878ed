"""Copyright, licence, disclaimer and legal-footer lines ("© 2024 … All rights reserved", "ICP No.")."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.lexicon.text import holds_any, is_prose, words
from generator.model import Doc, Kind, Line

_STRONG = re.compile(r"©|\(c\)\s*\d{4}|all rights reserved|版权所有|\bICP\b|备案|^copyright\b", re.I)
_OPENS = re.compile(r"^(?:copyright|©)", re.I)
_LEGAL = re.compile(
    r"\bcopyright\b|\bdisclaimer\s*[:：]|"
    r"reproduction (?:\w++ ){0,30}without (?:\w+ )?permission|without (?:prior )?(?:written )?permission|"
    r"\bterms (?:of (?:use|service)|and conditions)\b|\bprivacy(?: policy)?\s*(?:\||$)|\bsite ?map\b|"
    r"\bcontact us\b|\bsponsor(?:ed by)?\s*[:：]|\battachments?\s*[:：]|\bpowered by\b|"
    r"^(?:terms|privacy|contact|about us|advertise)(?:\s*[|·]\s*\w+(?: \w+)?)+$",
    re.I,
)
# A literal of every alternative of _STRONG, and of _LEGAL ("map" for "site ?map", "permission" for both
# "... without ... permission"): _classify marks only lines that one of the two finds something in.
_STRONG_NEEDLES = ("©", "(c)", "all rights reserved", "版权所有", "icp", "备案", "copyright")
_NEEDLES = (
    *_STRONG_NEEDLES, "disclaimer", "permission", "terms", "privacy", "map", "contact", "sponsor", "attachment",
    "powered by", "about us", "advertise",
)


def trigger(text: str) -> bool:
    """False when _classify surely leaves a line with this text alone. A line of 200 characters or more is prose
    (is_prose), which _LEGAL alone does not mark: it needs _STRONG."""
    return holds_any(text, _STRONG_NEEDLES if len(text.strip()) >= 200 else _NEEDLES)


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    text = line.text.strip()
    if len(words(text)) > 30:  # a long line is a notice only when it opens like one
        return Kind.COPYRIGHT if _OPENS.match(text) and _STRONG.search(text) else None
    if _STRONG.search(text) or (_LEGAL.search(text) and not is_prose(text)):
        return Kind.COPYRIGHT
    return None


def apply(doc: Doc) -> Doc:
    """Mark legal footer lines."""
    return mark_lines(doc, "copyright", _classify, max_chars=1500, trigger=trigger)

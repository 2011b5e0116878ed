"""Advertisement and sponsorship labels."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.model import Doc, Kind, Line

_AD = re.compile(
    r"^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content| post)?|promoted|paid (?:content|post)|"
    r"partner content|广告|推广)\s*[:：]?$",
    re.I,
)


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    return Kind.ADVERT if _AD.match(line.text.strip().strip("-–—[]()")) else None


def apply(doc: Doc) -> Doc:
    """Mark advertisement labels."""
    return mark_lines(doc, "adverts", _classify, max_chars=40)

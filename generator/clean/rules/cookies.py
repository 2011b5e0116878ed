"""Cookie-consent banners."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.model import Doc, Kind, Line

_COOKIE = re.compile(r"\bcookies?\b", re.I)
_CONSENT = re.compile(
    r"\b(?:accept|consent|agree|continu\w*|brows\w*|privacy|settings|experience|decline|reject)\b", re.I
)


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    if _COOKIE.search(line.text) and _CONSENT.search(line.text) and len(line.text) < 400:
        return Kind.COOKIE
    return None


def apply(doc: Doc) -> Doc:
    """Mark cookie banners and their Accept/Decline rows."""
    return mark_lines(doc, "cookies", _classify, max_chars=400)

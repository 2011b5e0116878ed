"""Navigation menus, section menus and breadcrumbs ("Home | News | Auto", "You are here: Home > Auto")."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.clean.text import ends_sentence, split_fields, words
from generator.model import Doc, Kind, Line

_BREADCRUMB_LABEL = re.compile(
    r"^(?:you are here|current location|current position|location|当前位置|您的位置|位置)\s*[:：]", re.I
)
_CRUMB = re.compile(r"\s(?:>|›|»|/|→)\s|^(?:home|首页)\s*(?:>|›|»|/|→)", re.I)
_MENU_LABEL = re.compile(r"^(?:sections?|menu|categories|channels?|topics?|navigation)\s*[:：]\s*", re.I)
_MENU_WORDS = re.compile(
    r"^(?:skip to (?:main )?content|skip navigation|back to top|top|loading\.*|close|"
    r"home|menu|search|subscribe|sign in|sign up|log ?in|log ?out|register|edition[:：]?.*|about|contact|"
    r"english|中文|more|newsletters?|podcasts?|videos?|photos?|opinion|latest|account|my account)$",
    re.I,
)


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    text = line.text.strip()
    if _BREADCRUMB_LABEL.match(text):
        return Kind.NAV
    crumbs = _CRUMB.search(text) and len(words(text)) <= 12 and not ends_sentence(text)
    if crumbs and (re.search(r"\s(?:>|›|»|→)\s", text) or re.match(r"^(?:home|首页)\b", text, re.I)):
        return Kind.NAV
    fields = split_fields(_MENU_LABEL.sub("", text))
    # Menus hold words; a row with figures in it is a table row or a stat line, not navigation.
    menu_like = all(len(words(f)) <= 3 and not ends_sentence(f) and not re.search(r"\d", f) for f in fields)
    if len(fields) >= 3 and menu_like:
        return Kind.NAV
    if fields and all(_MENU_WORDS.match(f) for f in fields) and len(words(text)) <= 8:
        return Kind.NAV
    return None


def apply(doc: Doc) -> Doc:
    """Mark menus and breadcrumbs."""
    return mark_lines(doc, "navigation", _classify, max_chars=300)

"""Navigation menus, section menus and breadcrumbs ("Home | News | Auto", "You are here: Home > Auto")."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.lexicon.labels import CRUMB_ARROWS
from generator.lexicon.text import ends_sentence, split_fields, words
from generator.model import Doc, Kind, Line

_CRUMB_LABEL = r"(?:you are here|current location|current position|当前位置|您的位置)\s*[:：]"
_BREADCRUMB_LABEL = re.compile(rf"^{_CRUMB_LABEL}", re.I)
# "Location:" alone also opens a fact in a list ("Location: Szeged, near the border"): a trail only with a step.
_LOCATION_LABEL = re.compile(r"^(?:location|位置)\s*[:：]", re.I)
_CRUMB = re.compile(rf"\s(?:{CRUMB_ARROWS}|/)\s|^(?:home|首页)\s*(?:{CRUMB_ARROWS}|/)", re.I)
_MENU_HEAD = r"(?:sections?|menu|categories|channels?|topics?|navigation)\s*[:：]\s*"
_MENU_LABEL = re.compile(rf"^{_MENU_HEAD}", re.I)
_MENU_WORD = (
    r"skip to (?:main )?content|skip navigation|back to top|top|loading\.*|close|"
    r"home|menu|search|subscribe|sign in|sign up|log ?in|log ?out|register|edition[:：]?.*|about|contact|"
    r"english|中文|more|newsletters?|podcasts?|videos?|photos?|opinion|latest|account|my account"
)
_MENU_WORDS = re.compile(rf"^(?:{_MENU_WORD})$", re.I)
_ARROW = re.compile(rf"\s(?:{CRUMB_ARROWS})\s")
_HOME_FIRST = r"(?:home|首页)\b"
_HOME = re.compile(rf"^{_HOME_FIRST}", re.I)
_DIGIT = re.compile(r"\d")
# What a line _classify marks holds: a field separator (SEPARATORS) or crumb arrow (_ARROW), all of which have
# white space before them, or else, first, a breadcrumb label, "Home", or a menu word after an optional menu label.
_SEPARATED = re.compile(r"\s(?:[|›»>/·•–—→]\s|\s\s)")
_FIRST = re.compile(rf"^\s*(?:{_CRUMB_LABEL}|{_HOME_FIRST}|(?:{_MENU_HEAD})?(?:{_MENU_WORD}))", re.I)


def trigger(text: str) -> bool:
    """False when _classify surely leaves a line with this text alone."""
    return _SEPARATED.search(text) is not None or _FIRST.match(text) is not None


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    text = line.text.strip()
    if _BREADCRUMB_LABEL.match(text) or (_LOCATION_LABEL.match(text) and _CRUMB.search(text)):
        return Kind.NAV
    crumbs = _CRUMB.search(text) and len(words(text)) <= 12 and not ends_sentence(text)
    if crumbs and (_ARROW.search(text) or _HOME.match(text)):
        return Kind.NAV
    fields = split_fields(_MENU_LABEL.sub("", text))
    # Menus hold words; a row with figures in it is a table row or a stat line, not navigation.
    menu_like = all(len(words(f)) <= 3 and not ends_sentence(f) and not _DIGIT.search(f) for f in fields)
    if len(fields) >= 3 and menu_like:
        return Kind.NAV
    if fields and all(_MENU_WORDS.match(f) for f in fields) and len(words(text)) <= 8:
        return Kind.NAV
    return None


def apply(doc: Doc) -> Doc:
    """Mark menus and breadcrumbs."""
    return mark_lines(doc, "navigation", _classify, max_chars=300, trigger=trigger)

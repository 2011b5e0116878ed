"""Newsletter and subscription prompts ("Subscribe to our newsletter", "Email address    Sign up")."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.lexicon.text import holds_any, words
from generator.model import Doc, Kind, Line

_PROMPT = re.compile(
    r"\bnewsletters?\b|\bsubscribe\b|\bsign[ -]?up\b|\bin your inbox\b|\benter your e-?mail\b|\be-?mail address\b|"
    r"\bget (?:our|the) (?:latest|daily|weekly)\b|\bunsubscribe\b|订阅",
    re.I,
)
# A literal of every alternative of _PROMPT, the only lines _classify marks.
_NEEDLES = (
    "newsletter", "subscribe", "sign up", "sign-up", "signup", "in your inbox", "enter your e", "mail address",
    "get our ", "get the ", "订阅",
)


def trigger(text: str) -> bool:
    """False when _classify surely leaves a line with this text alone."""
    return holds_any(text, _NEEDLES)


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    text = line.text.strip()
    return Kind.NEWSLETTER if len(words(text)) <= 20 and _PROMPT.search(text) else None


def apply(doc: Doc) -> Doc:
    """Mark newsletter prompts."""
    return mark_lines(doc, "newsletter", _classify, max_chars=220, trigger=trigger)

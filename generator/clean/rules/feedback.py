"""Feedback and contact-form prompts ("Suggestions & Feedbacks", "leave a message … we will reply")."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.lexicon.text import holds_any, words
from generator.model import Doc, Kind, Line

_FEEDBACK = re.compile(
    r"suggestions?\s*(?:&|and)\s*feedbacks?|^feedbacks?$|^online message$|leave (?:us )?(?:a |your )?message|"
    r"we will (?:reply|respond|get back)|your contact information|leave your (?:information|contact|details)|"
    r"was this (?:article|page) helpful|report an? (?:error|typo|correction)|send (?:us )?(?:a )?(?:tip|feedback)",
    re.I,
)
# A literal of every alternative of _FEEDBACK, the only lines _classify marks.
_NEEDLES = (
    "feedback", "online message", "leave ", "we will ", "your contact information", "helpful", "report a", "send ",
)


def trigger(text: str) -> bool:
    """False when _classify surely leaves a line with this text alone."""
    return holds_any(text, _NEEDLES)


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    text = line.text.strip()
    return Kind.FEEDBACK if len(words(text)) <= 40 and _FEEDBACK.search(text) else None


def apply(doc: Doc) -> Doc:
    """Mark feedback prompts."""
    return mark_lines(doc, "feedback", _classify, max_chars=320, trigger=trigger)

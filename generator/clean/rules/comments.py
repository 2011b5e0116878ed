"""Comment-form chrome ("Leave a Reply", "Your email address will not be published", "3 comments")."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.lexicon.text import holds_any
from generator.model import Doc, Kind, Line

_COMMENT = re.compile(
    r"^(?:leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|"
    r"cancel reply|comments? are closed|log in to (?:comment|reply)|\d+\s+(?:comments?|replies|responses)|"
    r"(?:no|view|show|load|read) (?:all )?comments?|comments?(?:\s*\(\d+\))?|发表评论|评论)\s*[:：]?$"
    r"|your email address will not be published|required fields are marked",
    re.I,
)
# How the alternatives of _COMMENT anchored at the start begin, and the two that are not.
_FIRST = re.compile(
    r"^\s*(?:leave a|post a|add a|join the|cancel reply|comment|log in to|\d|no |view |show |load |read |"
    r"发表评论|评论)",
    re.I,
)
_NEEDLES = ("your email address will not be published", "required fields are marked")


def trigger(text: str) -> bool:
    """False when _classify surely leaves a line with this text alone."""
    return _FIRST.match(text) is not None or holds_any(text, _NEEDLES)


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    return Kind.COMMENTS if _COMMENT.search(line.text.strip()) and len(line.text) < 200 else None


def apply(doc: Doc) -> Doc:
    """Mark comment-form chrome."""
    return mark_lines(doc, "comments", _classify, max_chars=200, trigger=trigger)

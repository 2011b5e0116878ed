"""Comment-form chrome ("Leave a Reply", "Your email address will not be published", "3 comments")."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.model import Doc, Kind, Line

_COMMENT = re.compile(
    r"^(?:leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|"
    r"cancel reply|comments? are closed|log in to (?:comment|reply)|\d+\s+(?:comments?|replies|responses)|"
    r"(?:no|view|show|load|read) (?:all )?comments?|comments?(?:\s*\(\d+\))?|发表评论|评论)\s*[:：]?$"
    r"|your email address will not be published|required fields are marked",
    re.I,
)


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    return Kind.COMMENTS if _COMMENT.search(line.text.strip()) and len(line.text) < 200 else None


def apply(doc: Doc) -> Doc:
    """Mark comment-form chrome."""
    return mark_lines(doc, "comments", _classify, max_chars=200)

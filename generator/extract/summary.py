"""Summary: the lede, cut at a sentence end to at most about 300 characters."""

from __future__ import annotations

import re

from generator.extract.title import EDITORS_NOTE
from generator.lexicon.dates import DATELINE

LIMIT = 300
MIN_LENGTH = 120  # a lede shorter than this borrows sentences from the next paragraph


def summarise(paragraphs: list[str]) -> str:
    """The lede from the plain text of the paragraphs: sentences from the first real ones, at most LIMIT characters,
    at least one sentence."""
    out = ""
    for text in paragraphs:
        if not out and (len(text) < 40 or EDITORS_NOTE.match(text)):
            continue
        match = DATELINE.match(text)
        if match:
            text = text[match.end():].strip()
        for sentence in re.split(r"(?<=[.!?。])\s+", text):
            if out and len(out) + len(sentence) + 1 > LIMIT:
                return out
            out = f"{out} {sentence}".strip()
        if len(out) >= MIN_LENGTH:
            break
    if len(out) > LIMIT:
        out = out[: LIMIT - 1].rsplit(" ", 1)[0] + "…"
    if not out and paragraphs:
        out = paragraphs[0][:LIMIT]
    return out or "No summary available."

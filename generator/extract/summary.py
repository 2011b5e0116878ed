"""Summary: the lede, cut at a sentence end to at most about 300 characters."""

from __future__ import annotations

import re
from functools import lru_cache

from generator.extract.dates import DATELINE
from generator.extract.title import EDITORS_NOTE
from generator.markup import unlink

_MD = re.compile(r"\\([\\`*_\[\]<>|#~.)])|\*|__|`")
_MARKUP = re.compile(r"[\[\\*_`&]")  # a character that a link, _MD or an entity needs
LIMIT = 300
MIN_LENGTH = 120  # a lede shorter than this borrows sentences from the next paragraph


@lru_cache(maxsize=1024)  # the pipeline asks for each paragraph's plain text several times
def plain(markdown: str) -> str:
    """Markdown inline text to plain text (links to their words, escapes and emphasis dropped)."""
    if not _MARKUP.search(markdown):
        return " ".join(markdown.split())
    text = unlink(markdown)
    text = _MD.sub(r"\1", text)  # an escape keeps its character; emphasis marks (no group) go
    return " ".join(text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").split())


def summarise(paragraphs: list[str]) -> str:
    """The lede: sentences from the first real paragraphs, at most LIMIT characters, at least one sentence."""
    out = ""
    for paragraph in paragraphs:
        text = plain(paragraph)
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
        out = plain(paragraphs[0])[:LIMIT]
    return out or "No summary available."

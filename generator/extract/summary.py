"""Summary: the lede, cut at a sentence end to at most about 300 characters."""

from __future__ import annotations

import re

from generator.extract.dates import DATELINE

_MD = re.compile(r"\\([\\`*_\[\]<>|#~.)])|\*\*|__|`")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_NOTE = re.compile(r"^(?:this (?:article|piece|column|story|post)|the author|editor'?s note|note)\b", re.I)
LIMIT = 300


def plain(markdown: str) -> str:
    """Markdown inline text to plain text (links to their words, escapes and emphasis dropped)."""
    text = _LINK.sub(r"\1", markdown)
    text = _MD.sub(lambda m: m.group(1) or "", text)
    return " ".join(text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").split())


def summarise(paragraphs: list[str]) -> str:
    """The first real paragraph, shortened at a sentence boundary to at most LIMIT characters."""
    for paragraph in paragraphs:
        text = plain(paragraph)
        if len(text) < 40 or _NOTE.match(text):
            continue
        match = DATELINE.match(text)
        if match:
            text = text[match.end():].strip()
        if len(text) <= LIMIT:
            return text
        sentences = re.split(r"(?<=[.!?。])\s+", text)
        out = ""
        for sentence in sentences:
            if len(out) + len(sentence) + 1 > LIMIT:
                break
            out = f"{out} {sentence}".strip()
        return out or text[: LIMIT - 1].rsplit(" ", 1)[0] + "…"
    fallback = plain(paragraphs[0]) if paragraphs else ""
    return fallback[:LIMIT] or "No summary available."

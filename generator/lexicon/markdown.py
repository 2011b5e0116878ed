"""Markdown text: the one escaper (text shown literally) and its inverse for inline Markdown (plain text)."""

from __future__ import annotations

import re

from generator.markup import ENTITY, unlink
from generator.model import Block, BlockKind

MARKUP_CHARS = "\\`*_[]>|#{}<&"  # every character escape() may change
# Characters that turn text into markup if left alone: Python-Markdown (MkDocs) honours a backslash before each;
# "<" and "&" are written as entities instead.
_SPECIAL = re.compile(r"([\\`*_\[\]>|#{}])")
_ESCAPED = re.compile(r"\\([\\`*_\[\]<>|#~.)])|\*|__|`")
_MARKUP = re.compile(r"[\[\\*_`&]")  # a character that a link, an escape, emphasis or an entity needs


def escape(text: str, ampersands: bool = True) -> str:
    """`text` as Markdown that shows it literally, raw HTML included. With `ampersands` false, an "&" is only
    escaped where it would start an entity ("&amp;" stays as written, "R&D" stays "R&D")."""
    if ampersands or ENTITY.search(text):
        text = text.replace("&", "&amp;")
    return _SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")


def plain(markdown: str) -> str:
    """Inline Markdown as plain text: links to their words, escapes and emphasis dropped, white space collapsed."""
    if not _MARKUP.search(markdown):
        return " ".join(markdown.split())
    text = unlink(markdown)
    text = _ESCAPED.sub(r"\1", text)  # an escape keeps its character; emphasis marks (no group) go
    return " ".join(text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").split())


def make_block(kind: BlockKind, text: str, level: int = 0) -> Block:
    """A block of the article from its Markdown, with its plain text worked out once."""
    return Block(kind, text, level, plain(text))

"""Editor Markdown: split an editor-written seed into top-level blocks with markdown-it-py and drop chrome blocks."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from generator.clean import MARKDOWN_RULES, clean
from generator.model import Block, Doc, Line

_PARSER = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
_KINDS = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "table_open": "table",
    "blockquote_open": "quote",
    "fence": "code",
    "code_block": "code",
    "html_block": "html",
    "hr": "other",
}
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)


def escape_html(text: str) -> str:
    """Make raw HTML in editor Markdown show as text, leaving code spans alone."""
    out, last = [], 0
    for match in _CODE_SPAN.finditer(text):
        out.append(text[last : match.start()].replace("<", "&lt;"))
        out.append(match.group(0))
        last = match.end()
    out.append(text[last:].replace("<", "&lt;"))
    return "".join(out)


def blocks_of(body: str) -> list[tuple[Block, int]]:
    """Top-level blocks of a Markdown body, each with its first line number (0-based)."""
    lines = body.split("\n")
    found: list[tuple[Block, int]] = []
    for token in _PARSER.parse(body):
        if token.level != 0 or token.nesting == -1 or token.map is None:
            continue
        kind = _KINDS.get(token.type, "other")
        start, end = token.map
        source = "\n".join(lines[start:end]).strip("\n")
        if kind == "code":
            found.append((Block("code", source), start))
            continue
        level = int(token.tag[1]) if kind == "heading" else 0
        text = escape_html(source) if kind != "html" else source.replace("<", "&lt;")
        found.append((Block("paragraph" if kind == "html" else kind, text, level), start))
    return found


def heading_text(block: Block) -> str:
    """The words of a heading block without its # marks."""
    return re.sub(r"^#{1,6}\s+|\s+#+\s*$", "", block.text.splitlines()[0]).strip()


def editor_blocks(name: str, body: str, title: str | None) -> tuple[str | None, list[Block]]:
    """(title, blocks): the first H1 becomes the title when none is given; chrome paragraphs are dropped."""
    found = blocks_of(body)
    doc = Doc(name=name, lines=tuple(
        Line(text=" ".join(block.text.split()), number=start + 1, blank_before=1) for block, start in found
    ))
    doc = clean(doc, MARKDOWN_RULES)
    kept: list[Block] = []
    for (block, _), line in zip(found, doc.lines, strict=True):
        if block.kind in ("paragraph", "other") and not line.is_content:
            continue
        if block.kind == "heading" and block.level == 1:
            text = heading_text(block)
            if title is None:
                title = text
                continue
            if text.casefold() == title.casefold():
                continue
        kept.append(block)
    return title, kept

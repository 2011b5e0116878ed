"""Editor Markdown: split an editor-written seed into top-level blocks with markdown-it-py and drop chrome blocks."""

from __future__ import annotations

import html
import re
import urllib.parse

from markdown_it import MarkdownIt

from generator.clean import MARKDOWN_RULES, clean
from generator.lexicon.markdown import make_block
from generator.markup import code_spans
from generator.model import Block, BlockKind, Doc, Line
from generator.sanitise import web_url

# Only the blocks are wanted: the inline rules are off (they cost time, quadratic time on some hostile lines).
_PARSER = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table").disable("inline")
_KINDS = {
    "heading_open": BlockKind.HEADING,
    "paragraph_open": BlockKind.PARAGRAPH,
    "bullet_list_open": BlockKind.LIST,
    "ordered_list_open": BlockKind.LIST,
    "table_open": BlockKind.TABLE,
    "blockquote_open": BlockKind.QUOTE,
    "fence": BlockKind.CODE,
    "code_block": BlockKind.CODE,
    "hr": BlockKind.OTHER,
}


# Possessive where giving back could not help (a title may use the white space after "(" when there is no
# target), and no "[" in the text or "(" in a parenthesised title: each attempt then reads ahead only to the
# next bracket, so a line of brackets is read once, not once per bracket.
_INLINE_LINK = re.compile(
    r"(!?)\[([^\[\]\n]*)\]\(\s*+<?((?:[^()\s<>]++|\([^()\s]*\))*+)>?"
    r"(?:(?:\s++|(?<=\s))(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*+\)"
)
_REF_DEF = re.compile(r"(?m)^( {0,3}\[[^\]\n]+\]:\s*)<?(\S+?)>?(\s.*)?$")


def unsafe_target(target: str) -> bool:
    """True for link targets with a scheme other than the web's (javascript:, data:, vbscript:, file:, ...), also
    when written with entities or percent-escapes: such a link is shown as its text (the sanitiser would leave it
    without a target, and MkDocs would warn about it as a broken relative link)."""
    return not web_url(html.unescape(urllib.parse.unquote(target)))


def _defuse(text: str) -> str:
    """Escape raw HTML and attribute lists, and unlink unsafe targets, in Markdown outside code spans."""
    text = text.replace("<", "&lt;").replace("{", "\\{").replace("}", "\\}")
    text = _INLINE_LINK.sub(lambda m: m.group(2) if unsafe_target(m.group(3)) else m.group(0), text)
    return _REF_DEF.sub(lambda m: m.group(1) + "#" if unsafe_target(m.group(2)) else m.group(0), text)


def escape_html(text: str) -> str:
    """Make editor Markdown safe to publish: raw HTML shows as text, attribute lists ({ onclick=... }) are
    plain braces, and links to javascript:, data: and other non-web schemes lose their target."""
    out, last = [], 0
    for start, end in code_spans(text):
        out.append(_defuse(text[last:start]))
        out.append(text[start:end])
        last = end
    out.append(_defuse(text[last:]))
    return "".join(out)


def blocks_of(body: str) -> list[tuple[Block, int]]:
    """Top-level blocks of a Markdown body, each with its first line number (0-based)."""
    lines = body.split("\n")
    found: list[tuple[Block, int]] = []
    for token in _PARSER.parse(body):
        if token.level != 0 or token.nesting == -1 or token.map is None:
            continue
        start, end = token.map
        source = "\n".join(lines[start:end]).strip("\n")
        if token.type == "html_block":  # raw HTML is shown as text, in a paragraph
            found.append((make_block(BlockKind.PARAGRAPH, source.replace("<", "&lt;")), start))
            continue
        kind = _KINDS.get(token.type, BlockKind.OTHER)
        if kind is BlockKind.CODE:
            found.append((make_block(kind, source), start))
            continue
        level = int(token.tag[1]) if kind is BlockKind.HEADING else 0
        found.append((make_block(kind, escape_html(source), level), start))
    return found


def heading_text(block: Block) -> str:
    """The words of a heading block without its # marks."""
    return re.sub(r"^#{1,6}\s+|(?<!\s)\s++#++\s*+$", "", block.text.splitlines()[0]).strip()


def editor_blocks(name: str, body: str, title: str | None) -> tuple[str | None, list[Block]]:
    """(title, blocks): the first H1 becomes the title when none is given; chrome paragraphs are dropped."""
    found = blocks_of(body)
    doc = Doc(name=name, lines=tuple(
        Line(text=" ".join(block.text.split()), number=start + 1, blank_before=1) for block, start in found
    ))
    doc = clean(doc, MARKDOWN_RULES)
    kept: list[Block] = []
    for (block, _), line in zip(found, doc.lines, strict=True):
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.OTHER) and not line.is_content:
            continue
        if block.kind is BlockKind.HEADING and block.level == 1:
            text = heading_text(block)
            if title is None:
                title = text
                continue
            if text.casefold() == title.casefold():
                continue
        kept.append(block)
    return title, kept

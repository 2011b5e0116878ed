"""Structure: turn the content lines of a cleaned page into Markdown blocks (headings, lists, paragraphs)."""

from __future__ import annotations

import re

from generator.lexicon.markdown import MARKUP_CHARS, escape, make_block
from generator.lexicon.text import ends_sentence, has_words, title_case_ratio, words
from generator.lexicon.zones import body_start
from generator.model import Block, BlockKind, Doc, Line

BULLET = re.compile(r"^(?:[•·‣▪●○◦■□➢►▶✓✔]|[-*–—](?=\s))\s*")
NUMBERED = re.compile(r"^(?P<n>\d{1,2})[.)、]\s+")
_QUOTES = "\"'“”‘’「」『』"
# The author's own **bold** and *italics* survive; every other markup character is escaped.
_EMPHASIS = re.compile(r"(\*\*[^*\n]+?\*\*|(?<![\w*])\*[^*\s](?:[^*\n]*?[^*\s])?\*(?![\w*]))")
_SYNTAX = re.compile("[" + re.escape(MARKUP_CHARS) + "]")
_NUMBER_START = re.compile(r"^(\d{1,9})([.)])(\s)")


def escape_inline(text: str) -> str:
    """Escape Markdown and HTML syntax in scraped text, keeping the author's **bold** and *italics*."""
    if not _SYNTAX.search(text):
        return text
    parts = _EMPHASIS.split(text)
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            mark = "**" if part.startswith("**") else "*"
            out.append(mark + _escape(part[len(mark) : -len(mark)]) + mark)
        else:
            out.append(_escape(part))
    return "".join(out)


def _escape(text: str) -> str:
    return escape(text, ampersands=False)  # "R&D" stays as the page wrote it: Markdown shows a lone "&" as it is


def _escape_block_start(text: str) -> str:
    """Stop a paragraph from starting a list, heading or quote by accident ("2023. The year …")."""
    return _NUMBER_START.sub(r"\1\\\2\3", text) if text[:1].isdigit() else text


def _collapse(text: str) -> str:
    return " ".join(text.split())


def is_heading(text: str, following: str | None) -> bool:
    """A short stand-alone line (`text`, its spaces collapsed) that introduces the text after it."""
    if following is None:
        return False
    if len(text) > 130:
        return False
    n = len(words(text))
    if not 1 <= n <= 16:
        return False
    if text[0] in _QUOTES and text[-1] in _QUOTES:
        return False  # a pull quote
    if BULLET.match(text) or NUMBERED.match(text) or text.endswith((":", "：", ",", ";", "…")):
        return False
    if text.startswith("**") and text.endswith("**"):
        return False  # a bold label introducing a list, not a section
    if ends_sentence(text) and not (text.endswith(".") and title_case_ratio(text) >= 0.8 and n >= 4):
        return text.endswith("?") and n <= 12
    if not (text[0].isupper() or text[0].isdigit() or text[0] in _QUOTES or not text[0].isascii()):
        return False
    after = following.strip()
    return has_words(after, 8) or bool(BULLET.match(after) or NUMBERED.match(after)) or after.startswith("**")


_CELL_SPLIT = re.compile(r"(?:(?<!\s)\s++)?\|\s*+|\t+")


def _cells(text: str) -> list[str]:
    """Cells of a scraped table row ("BYD | 3.02 million | +62%" or tab-separated)."""
    if "|" not in text and "\t" not in text:
        return []
    return [cell for cell in _CELL_SPLIT.split(text.strip().strip("|")) if cell != ""]


def _table(rows: list[list[str]]) -> Block:
    """A Markdown table; the first scraped row is the header."""
    width = max(len(row) for row in rows)
    padded = [row + [""] * (width - len(row)) for row in rows]
    out = ["| " + " | ".join(escape_inline(cell) for cell in padded[0]) + " |", "|" + "---|" * width]
    out += ["| " + " | ".join(escape_inline(cell) for cell in row) + " |" for row in padded[1:]]
    return make_block(BlockKind.TABLE, "\n".join(out))


def to_blocks(lines: list[Line]) -> list[Block]:
    """Group content lines into Markdown blocks."""
    blocks: list[Block] = []
    items: list[str] = []
    ordered = False

    def flush() -> None:
        nonlocal items
        if items:
            blocks.append(make_block(BlockKind.LIST, "\n".join(items)))
            items = []

    rows: list[list[str]] = []
    collapsed = [_collapse(line.text) for line in lines]
    for index, line in enumerate(lines):
        cells = _cells(line.text)
        if len(cells) >= 2 and (rows and line.blank_before == 0 and len(cells) == len(rows[0]) or not rows):
            following = lines[index + 1] if index + 1 < len(lines) else None
            if rows or (following is not None and following.blank_before == 0
                        and len(_cells(following.text)) == len(cells)):
                flush()
                rows.append(cells)
                continue
        if rows:
            blocks.append(_table(rows))
            rows = []
        text = collapsed[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        bullet, number = BULLET.match(text), NUMBERED.match(text)
        if bullet and len(text) > bullet.end():
            if items and ordered:
                flush()
            ordered = False
            items.append("- " + escape_inline(text[bullet.end():]))
            continue
        if number and items and ordered:
            items.append(f"{number.group('n')}. " + escape_inline(text[number.end():]))
            continue
        flush()
        if number and following is not None and NUMBERED.match(collapsed[index + 1]):
            ordered = True
            items.append(f"{number.group('n')}. " + escape_inline(text[number.end():]))
            continue
        if is_heading(text, following.text if following is not None else None):
            blocks.append(make_block(BlockKind.HEADING, "## " + escape_inline(text.rstrip(".")), level=2))
        else:
            blocks.append(make_block(BlockKind.PARAGRAPH, _escape_block_start(escape_inline(text))))
    flush()
    if rows:
        blocks.append(_table(rows))
    return blocks


def structure(doc: Doc) -> list[Block]:
    """Blocks of the article body: the content lines after the headline; a deck under it is set in italics."""
    start = (doc.title_index + 1) if doc.title_index is not None else 0
    body = body_start(doc)
    deck = [line for line in doc.lines[start:body] if line.is_content and doc.title_index is not None]
    blocks = [make_block(BlockKind.DECK, "*" + escape_inline(_collapse(line.text)) + "*") for line in deck]
    lines = [line for line in doc.lines[max(start, body if deck else start):] if line.is_content]
    return blocks + to_blocks(lines)

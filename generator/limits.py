"""Limits on what MkDocs is given, so that no accepted seed makes Python-Markdown slow or deep.

Python-Markdown rebuilds a paragraph's text for every inline match (an escape, an entity, an emphasis mark, a
link), and reads ahead from every "[" to its "]": a paragraph full of markup costs the square of its length. It
also recurses once per level of nesting (two or more frames per list level) and fails with RecursionError past
Python's limit. The measures here are conservative and read the text the same way whichever Markdown reader is
right about the details: they count characters and indentation rather than parse.

- An editor's body, and the article left of a scraped page after cleaning, is at most MAX_ARTICLE_CHARS characters.
- No line of an editor's body is nested deeper than MAX_BLOCK_DEPTH levels: each two columns of indentation, each
  ">" and each list or admonition marker at the start of the line count one (Python-Markdown needs four columns a
  level, CommonMark two).
- No paragraph of an editor's body nests emphasis, link brackets or parentheses deeper than MAX_INLINE_DEPTH
  (a run of "*" or "_" that can open counts its length until a run that can close takes it back; a closer after
  a backtick never takes back an opener before it, since the two may be split by a code span).
- No paragraph of an editor's body, and no line of a scraped article, holds more than MAX_MARKUP characters that
  Markdown reads as markup. Every emphasis or link needs two of them, so this alone keeps inline nesting below
  half of it, whatever a reader pairs with what.
- A title, source, author, summary or address is at most MAX_FIELD_CHARS characters: listing pages print them.
"""

from __future__ import annotations

import re
import unicodedata

from generator.errors import SeedError
from generator.lexicon.markdown import MARKUP_CHARS

MAX_ARTICLE_CHARS = 100_000
MAX_BLOCK_DEPTH = 32
MAX_INLINE_DEPTH = 32
MAX_MARKUP = 1_000
# Metadata printed, escaped, into listing pages (each escaped character is an inline match there too).
MAX_FIELD_CHARS = {"title": 300, "source": 200, "author": 200, "summary": 1_000, "url": 2_000}
# Characters that start a Python-Markdown inline match in an editor's Markdown, or become one ("<" is written
# as an entity, "{" and "}" are escaped), and closing brackets (a link needs two marks like emphasis does).
EDITOR_MARKUP = "\\`*_[]<&{}"
SCRAPED_MARKUP = MARKUP_CHARS  # what structure.escape_inline escapes or writes as an entity in scraped text

_PREFIX = re.compile(r"[ \t]*+(?:(?:[-*+]|\d{1,9}[.)]|!!!|\?\?\?)(?=[ \t]|$)[ \t]*+|>[ \t]*+)*+")
_MARKER = re.compile(r">|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)|!!!|\?\?\?")
_INLINE = re.compile(r"\\[^\w\s]|`|[\[\]()]|\*++|_++")


def _columns(prefix: str) -> int:
    """Columns of white space in a line prefix, tabs stopping at multiples of four."""
    column = spaces = 0
    for char in prefix:
        if char == "\t":
            step = 4 - column % 4
            column += step
            spaces += step
        else:
            column += 1
            spaces += char == " "
    return spaces


def block_depth(line: str) -> int:
    """How deeply a line may be nested in lists, quotes and admonitions: half its columns of indentation plus
    the markers at its start."""
    prefix = _PREFIX.match(line).group()  # type: ignore[union-attr]
    return _columns(prefix) // 2 + len(_MARKER.findall(prefix))


def _kind(char: str) -> str:
    """"space", "punct" or "other", as CommonMark tells the sides of a delimiter run apart."""
    if not char or char.isspace():
        return "space"
    return "punct" if unicodedata.category(char)[0] in "PS" else "other"


def inline_depth(paragraph: str) -> int:
    """The deepest that emphasis, link brackets and parentheses nest in a paragraph, counted so that a reader
    cannot nest deeper (a run that can both open and close opens what it does not close)."""
    stacks: dict[str, list[int]] = {"*": [], "_": [], "[": [], "(": []}
    tick = -1  # where the last backtick was: nothing before it is closed by anything after it
    deepest = 0
    for token in _INLINE.finditer(paragraph):
        at, mark = token.start(), token.group()
        first = mark[0]
        if first == "\\":
            continue  # an escaped character is text to both readers
        if first == "`":
            tick = at
            continue
        if first in "[(":
            stacks[first].append(at)
        elif first in "])":
            stack = stacks["[" if first == "]" else "("]
            if stack and stack[-1] > tick:
                stack.pop()
            continue
        else:
            before, after = _kind(paragraph[at - 1 : at]), _kind(paragraph[token.end() : token.end() + 1])
            left = after != "space" and (after != "punct" or before != "other")
            right = before != "space" and (before != "punct" or after != "other")
            if first == "_" and left and right and before == after == "other":
                continue  # inside a word: "snake_case" opens and closes nothing in either reader
            stack, run = stacks[first], len(mark)
            if right:
                while run and stack and stack[-1] > tick:
                    stack.pop()
                    run -= 1
            if left and run:
                stack.extend([at] * run)
        deepest = max(deepest, sum(map(len, stacks.values())))
    return deepest


def markup_count(text: str, markup: str) -> int:
    """How many characters of `text` are in `markup`."""
    return sum(map(text.count, markup))


def paragraphs(body: str) -> list[tuple[int, str]]:
    """The blank-line-separated chunks of a body, each with the 0-based line it starts on: no emphasis or link of
    either Markdown reader reaches across a blank line."""
    found: list[tuple[int, str]] = []
    lines: list[str] = []
    for number, line in enumerate([*body.split("\n"), ""]):
        if line.strip():
            lines.append(line)
        elif lines:
            found.append((number - len(lines), "\n".join(lines)))
            lines = []
    return found


def check_editor_body(name: str, body: str, first_line: int) -> None:
    """Raise SeedError (with the line at fault; `first_line` is the body's line in the seed) when the body of an
    editor's seed is over a limit."""
    if len(body) > MAX_ARTICLE_CHARS:
        raise SeedError(name, f"the article is {len(body):,} characters long, over the {MAX_ARTICLE_CHARS:,}-character "
                              "limit for a briefing", first_line)
    for number, line in enumerate(body.split("\n")):
        depth = block_depth(line)
        if depth > MAX_BLOCK_DEPTH:
            raise SeedError(name, f"the line starts {depth:,} levels deep in lists, quotes or indentation (each "
                                  f"marker or two columns of white space is a level), more than {MAX_BLOCK_DEPTH}",
                            first_line + number)
    for number, chunk in paragraphs(body):
        depth = inline_depth(chunk)
        if depth > MAX_INLINE_DEPTH:
            raise SeedError(name, f"emphasis, brackets or parentheses nested {depth:,} deep in one paragraph, more "
                                  f"than {MAX_INLINE_DEPTH}", first_line + number)
        count = markup_count(chunk, EDITOR_MARKUP) if len(chunk) > MAX_MARKUP else 0  # shorter: never over
        if count > MAX_MARKUP:
            raise SeedError(name, f"a paragraph holds {count:,} Markdown marks ({_shown(EDITOR_MARKUP)}), more "
                                  f"than {MAX_MARKUP:,}", first_line + number)


def check_scraped_article(name: str, lines: list[tuple[str, int]]) -> None:
    """Raise SeedError when the article left of a scraped page after cleaning ((text, line number) of each
    content line) is over a limit."""
    size = sum(len(text) for text, _ in lines)
    if size > MAX_ARTICLE_CHARS:
        raise SeedError(name, f"the article is {size:,} characters long after removing site chrome, over the "
                              f"{MAX_ARTICLE_CHARS:,}-character limit for a briefing")
    for text, number in lines:
        _check_scraped_line(name, text, number)


def _check_scraped_line(name: str, text: str, number: int) -> None:
    """Raise SeedError when a line of a scraped article holds more markup characters than Markdown can escape
    cheaply."""
    count = markup_count(text, SCRAPED_MARKUP) if len(text) > MAX_MARKUP else 0  # shorter: never over
    if count > MAX_MARKUP:
        raise SeedError(name, f"the line holds {count:,} characters that Markdown would have to escape "
                              f"({_shown(SCRAPED_MARKUP)}), more than {MAX_MARKUP:,}", number)


def check_fields(name: str, fields: dict[str, str | None]) -> None:
    """Raise SeedError when a title, source, author, summary or address is longer than MAX_FIELD_CHARS allows."""
    for key, value in fields.items():
        limit = MAX_FIELD_CHARS[key]
        if value is not None and len(value) > limit:
            raise SeedError(name, f"the {key} is {len(value):,} characters long, over the {limit:,}-character limit")


def _shown(chars: str) -> str:
    return " ".join(chars)

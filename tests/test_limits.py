"""generator/limits.py: what MkDocs is given stays small and shallow enough for Python-Markdown, and ordinary
editor Markdown is well inside every limit."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import markdown
import pytest
from test_site import EDITOR_TEXT

from generator import frontmatter
from generator.errors import SeedError
from generator.limits import (
    EDITOR_MARKUP,
    MAX_ARTICLE_CHARS,
    MAX_BLOCK_DEPTH,
    MAX_INLINE_DEPTH,
    MAX_MARKUP,
    block_depth,
    check_editor_body,
    inline_depth,
    markup_count,
    paragraphs,
)

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "toc"]  # mkdocs.yml's markdown_extensions


def contributing_examples() -> list[str]:
    """The editor seeds CONTRIBUTING.md shows (its ```markdown blocks)."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return re.findall(r"```markdown\n(.*?)```", text, re.S)


ORDINARY = """An ordinary briefing uses **bold**, *italics*, `code`, [links](https://example.com/a_(b)) and
snake_case_names, with **比亚迪**发布 glued to Chinese text and (asides with `code` in them).

- A list with **bold** items
    - nested under a *second* level
        1. and a third, [with a link](https://example.com)

> A quote
> > inside a quote

!!! note "An admonition"
    With **bold** text.

| Maker | Sales |
| --- | --- |
| **BYD** | 3.02 million |
"""


@pytest.mark.parametrize("body", [ORDINARY, frontmatter.split("x.md", EDITOR_TEXT)[1], *contributing_examples()])
def test_ordinary_editor_markdown_is_well_inside_every_limit(body: str) -> None:
    check_editor_body("x.md", frontmatter.split("x.md", body)[1], 1)
    assert max(block_depth(line) for line in body.split("\n")) <= 6
    for _, chunk in paragraphs(body):
        assert inline_depth(chunk) <= 3
        assert markup_count(chunk, EDITOR_MARKUP) < 100


@pytest.mark.parametrize(("line", "depth"), [
    ("text", 0), ("- a", 1), ("    - a", 3), ("> > - 1. a", 6), ("\t\t- x", 5), ("- " * 3000 + "a", 4500),
    ("!!! note", 1), ("    code with - dashes", 2),
])
def test_block_depth_counts_markers_and_half_the_indentation(line: str, depth: int) -> None:
    assert block_depth(line) == depth


@pytest.mark.parametrize(("text", "depth"), [
    ("*a " * 50 + "a*" * 50, 50),
    ("**a** " * 100, 2),  # a flat run of bold phrases nests nothing
    ("**比亚迪**发布" * 20, 2),
    ("snake_case_name " * 100, 0),
    ("[a](b) " * 100, 1),
    ("[`]`" * 40, 40),  # a "]" after a backtick may be inside a code span: it closes nothing
    ("[\\]" * 40, 40),  # nor does an escaped one
    ("[" * 3000 + "a" + "](x)" * 3000, 3000),
    ("(" * 40, 40),
])
def test_inline_depth(text: str, depth: int) -> None:
    assert inline_depth(text) == depth


def test_paragraphs_are_split_at_blank_lines_with_their_first_line() -> None:
    assert paragraphs("a\nb\n\n\nc\n  \nd") == [(0, "a\nb"), (4, "c"), (6, "d")]


@pytest.mark.parametrize(("body", "message"), [
    ("x" * (MAX_ARTICLE_CHARS + 1), "x.md:5: error: the article is 100,001 characters long, over the 100,000"),
    ("a\n\n" + "- " * 40 + "a", "x.md:7: error: the line starts 60 levels deep in lists, quotes or indentation"),
    ("a\n\n" + "*a " * 40 + "a*" * 40, "x.md:7: error: emphasis, brackets or parentheses nested 40 deep"),
    ("a\n\n" + "&" * 1001, "x.md:7: error: a paragraph holds 1,001 Markdown marks"),
])
def test_a_body_over_a_limit_is_reported_with_its_line(body: str, message: str) -> None:
    with pytest.raises(SeedError) as caught:
        check_editor_body("x.md", body, 5)
    assert str(caught.value).startswith(message)


def at_the_limits() -> str:
    """An editor body at every limit at once: the worst that is accepted."""
    parts = [
        "The worst an editor's seed may be: every limit reached, none passed.",
        "".join("    " * level + "- item\n" for level in range(MAX_BLOCK_DEPTH // 2)),  # 16 levels, 4 columns each
        ">" * MAX_BLOCK_DEPTH + " a quote 32 deep",
        "*a " * MAX_INLINE_DEPTH + "a*" * MAX_INLINE_DEPTH,
        "    " * 15 + "- " + "*a " * 16 + "a*" * 16,  # emphasis inside the deepest list item
        "[`]`" * MAX_INLINE_DEPTH + " word" * 6_000,  # brackets Python-Markdown reads to the paragraph's end
        "<" * (MAX_MARKUP - 1),  # each an entity: an inline match
    ]
    body = "\n\n".join(parts) + "\n\n"
    filler = "BYD sold more cars than ever in the third quarter, the company said. "
    body += "\n\n".join(filler * 10 for _ in range((MAX_ARTICLE_CHARS - len(body) - 1000) // (len(filler) * 10 + 2)))
    assert len(body) <= MAX_ARTICLE_CHARS
    return body


def test_the_worst_accepted_body_needs_under_half_of_pythons_recursion_limit() -> None:
    body = at_the_limits()
    check_editor_body("x.md", body, 1)  # accepted
    depth = len(_stack())
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + limit // 2)
    try:
        html = markdown.markdown(body, extensions=EXTENSIONS)
    finally:
        sys.setrecursionlimit(limit)
    assert html.count("<em>") >= MAX_INLINE_DEPTH


def _stack() -> list[object]:
    frames, frame = [], sys._getframe()
    while frame is not None:
        frames.append(frame)
        frame = frame.f_back
    return frames

"""Structure: content lines to Markdown blocks."""

from __future__ import annotations

from generator.clean import to_doc
from generator.editor import editor_blocks
from generator.lexicon.markdown import plain
from generator.structure import escape_inline, to_blocks

PROSE = "The carmaker said on Monday that it would expand production at its plant in Hefei to meet demand."


def blocks(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in to_blocks(list(to_doc("t.txt", text).lines))]


def test_short_line_before_a_paragraph_is_a_heading() -> None:
    assert blocks(f"{PROSE}\n\nWhy Hungary\n\n{PROSE}")[1] == ("heading", "## Why Hungary")


def test_title_case_heading_may_end_with_a_period_but_a_sentence_may_not() -> None:
    assert blocks(f"Driven by Innovation, BAIC Speeds up the Process.\n\n{PROSE}")[0][0] == "heading"
    assert blocks(f"The deal still needs approval by regulators.\n\n{PROSE}")[0][0] == "paragraph"


def test_pull_quotes_and_list_intros_are_not_headings() -> None:
    assert blocks(f'"Let employees see the value of struggle"\n\n{PROSE}')[0][0] == "paragraph"
    assert blocks(f"What we know so far:\n\n• Location: Szeged\n\n{PROSE}")[0][0] == "paragraph"


def test_bullets_and_numbers_become_lists() -> None:
    got = blocks(f"{PROSE}\n  • **Stake:** 20%\n  • Board: two seats\n1. First\n2. Second\n\n{PROSE}")
    assert got[1] == ("list", "- **Stake:** 20%\n- Board: two seats")
    assert got[2] == ("list", "1. First\n2. Second")


def test_runs_of_spaces_collapse() -> None:
    assert blocks("In July, a fiery-red month, BAIC    Group forges ahead with faith and passion.")[0][1] == (
        "In July, a fiery-red month, BAIC Group forges ahead with faith and passion."
    )


def test_raw_html_and_link_syntax_are_escaped_but_emphasis_kept() -> None:
    assert escape_inline('<script>alert(1)</script> [x](javascript:alert(1)) **bold** *it*') == (
        "&lt;script\\>alert(1)&lt;/script\\> \\[x\\](javascript:alert(1)) **bold** *it*"
    )


def test_a_paragraph_starting_with_a_year_does_not_become_a_list() -> None:
    assert blocks("2023. The year BYD overtook Tesla in quarterly sales of battery electric cars worldwide.")[0][1] == (
        "2023\\. The year BYD overtook Tesla in quarterly sales of battery electric cars worldwide."
    )


def test_pipe_rows_become_a_table() -> None:
    got = blocks(f"{PROSE}\n\nBrand | 2023\nBYD | 3.02 million\nTesla | 1.8 million\n\n{PROSE}")
    assert got[1] == ("table", "| Brand | 2023 |\n|---|---|\n| BYD | 3.02 million |\n| Tesla | 1.8 million |")


def test_each_block_carries_its_plain_text() -> None:
    """Structure and the editor's parser work out a block's plain text once, as plain() gives it."""
    scraped = to_blocks(list(to_doc("t.txt", f"{PROSE}\n\nWhy *Hungary*\n\n• [Stake](x): 20% <b>\n\n{PROSE}").lines))
    body = "# Title\n\nA [link](https://example.com) and **bold** text.\n\n- one\n- two\n"
    _, edited = editor_blocks("e.md", body, None)
    for block in (*scraped, *edited):
        assert block.plain == plain(block.text)
    assert [b.plain for b in edited] == ["A link and bold text.", "- one - two"]

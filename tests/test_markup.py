"""generator/markup.py: the scanners find exactly what the regular expressions they replace found, in linear time."""

from __future__ import annotations

import re
import signal
import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.editor import escape_html
from generator.markup import code_spans, protected_spans, unlink

# The expressions the scanners replace (quadratic or worse on a line of brackets or backticks).
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
PROTECTED = re.compile(r"(?=[!\[`<&])(?:!?\[[^\]]*\]\([^)]*\)|\[[^\]]*\]|`+[^`]*`+|<[^>\s]+>|&#?\w+;)")
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)

MARKUP = st.lists(st.sampled_from(["!", "[", "]", "(", ")", "`", "``", "<", ">", "&", ";", "#", "a", " ", "\n",
                                   "&amp;", "](", "[a]", "x)"]), max_size=30).map("".join)


@settings(max_examples=3000, deadline=None)
@given(MARKUP)
@example("![a](b) [c] `d` <e> &amp; [f](g (h) i)")
@example("``a```b`")
def test_the_scanners_find_what_the_expressions_found(text: str) -> None:
    assert unlink(text) == LINK.sub(r"\1", text)
    assert protected_spans(text) == [m.span() for m in PROTECTED.finditer(text)]
    assert code_spans(text) == [m.span() for m in CODE_SPAN.finditer(text)]


class Slow(Exception):
    """A call ran past its bound."""


def _alarm(signum: int, frame: object) -> None:
    raise Slow


HOSTILE = ["[", "[a](", "`", "``a", "![", "](", "[`]", "<", "&a", "[x] ", "(", "` `"]


@pytest.mark.parametrize("unit", HOSTILE)
def test_the_scanners_are_linear_on_hostile_lines(unit: str) -> None:
    """A megabyte of one shape takes well under a second (the expressions took minutes to hours); a hang is
    interrupted and fails the test."""
    text = unit * (1_000_000 // len(unit))
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, 20)
    try:
        start = time.perf_counter()
        unlink(text)
        protected_spans(text)
        code_spans(text)
        escape_html(text)
        took = time.perf_counter() - start
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
    assert took < 10, took


@pytest.mark.parametrize("text", [
    "See [the filing](https://example.com/a-very-long-path-to-the-filing>x)",  # 7 s with the old _INLINE_LINK
    "See [the filing](https://example.com/" + "a" * 5_000 + ">x)",  # would never have finished
    "[a](" * 50_000,
    "`" * 100_000,
    "x " + "[" * 200_000,
])
def test_editor_escaping_is_linear_and_keeps_defusing(text: str) -> None:
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, 20)
    try:
        start = time.perf_counter()
        escaped = escape_html("[x](javascript:alert(1)) `<b>` <i> " + text)
        took = time.perf_counter() - start
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
    assert took < 10, took
    assert "javascript:" not in escaped
    assert escaped.startswith("x `<b>` &lt;i> ")  # code spans are kept as written, raw HTML outside them is not

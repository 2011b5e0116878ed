"""The per-seed pipeline is linear in the page: a scraped page or an editor's seed made of thousands of lines of
hostile shapes goes through in well under the bound (a page of 10,000 packed rows once took 97 s: the fields
rule looked for the article body again after every row it split; 8,000 date rows and links 1.9 s, growing as
the square: the headline rule looked for each candidate line in every chrome line)."""

from __future__ import annotations

import datetime as dt
import signal
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.entities.recognise import Recogniser
from generator.errors import SeedError
from generator.load import load_registry
from generator.model import Briefing, RawSeed
from generator.pipeline import process_seed

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"
LINES = 10_000
BOUND = 20  # seconds for one seed; linear work takes a fraction of one
SHAPES = (
    "a{i}\tb{i}", "Date: 2024-01-{d:02}    Source: Xinhua    Views: {i}", "Home | News | Autos | {i}", "- item {i}",
    "{i}. point", "By Sun Lei {i}", "Views: {i}", "Share to WeChat", "Copyright © 2024 Site {i}. All rights reserved.",
    "BYD sold {i} cars in the quarter, the company said on Friday in a filing, adding that deliveries rose again.",
    "## Heading {i}", "| a | b | {i} |", "[link {i}](x)", "北汽集团发布新战略{i}", "A" * 150 + "{i}", "( [ * _ ` {i}",
    "Posted on December {d}, 2023 by Li Wei", "Photo: Reuters {i}", "Related: story {i}", "> quoted {i}",
    "    indented {i}", "*a {i}* _b_", "Reporting by A{i} and B; Editing by C", "{i} views | 3 min read",
)


class Slow(Exception):
    """The seed ran past BOUND."""


def _alarm(signum: int, frame: object) -> None:
    raise Slow


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    return Recogniser(load_registry(FIXTURE_DATA))


def page(kinds: list[int], blank: bool) -> str:
    """LINES lines cycling through the shapes `kinds`, numbered so that no two are the same."""
    separator = "\n\n" if blank else "\n"
    lines = [SHAPES[kinds[n % len(kinds)]].format(i=n, d=n % 28 + 1) for n in range(LINES)]
    return "A headline for a page of hostile lines\n\n" + separator.join(lines) + "\n"


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kinds=st.lists(st.integers(0, len(SHAPES) - 1), min_size=1, max_size=4), blank=st.booleans(),
       markdown=st.booleans())
@example(kinds=[0], blank=False, markdown=False)  # the packed rows that took 97 s
@example(kinds=[1, 19], blank=False, markdown=False)  # headline candidates, each looked for in all the chrome
@example(kinds=[1, 2, 6], blank=True, markdown=False)
@example(kinds=[3, 20, 19], blank=False, markdown=True)
def test_a_page_of_thousands_of_hostile_lines_goes_through_quickly(
        recogniser: Recogniser, kinds: list[int], blank: bool, markdown: bool) -> None:
    text = page(kinds, blank)
    name = "x.md" if markdown else "x.txt"
    if markdown:
        text = "---\ntitle: Hostile lines\n---\n\n" + text
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, BOUND)
    try:
        start = time.perf_counter()
        result = process_seed(RawSeed(name, text.encode("utf-8")), dt.date(2026, 1, 1), recogniser)
        took = time.perf_counter() - start
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
    assert isinstance(result, Briefing | SeedError)
    assert "could not be processed" not in str(result)
    assert took < BOUND

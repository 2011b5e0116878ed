"""Triggers only save time: every rule marks exactly the lines it marks with its trigger ignored.

mark_lines skips a line when the rule's trigger finds nothing in it, so a trigger that misses a line the
classifier would mark changes the output. These tests run each rule with and without its trigger over the
pages in the repository and over generated lines: lines each of the rule's patterns matches, and lines made of
the words written in its patterns, alone or run together, in odd letter case and with white space left at
either end. Only the triggers whose removal costs the build time are left (bench/README.md).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import generator.lexicon.dates as extract_dates
from generator.clean import RULES, Rule, base, clean, to_doc
from generator.clean.rules.dates import could_hold_date
from generator.decode import decode
from generator.errors import SeedError
from generator.lexicon import text as helpers
from generator.lexicon.text import folded
from generator.model import Doc, RawSeed

ROOT = Path(__file__).parents[2]
PAGES = sorted(
    [*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/fixtures/**/*.txt"), *ROOT.glob("tests/hostile/seeds/**/*.txt"),
     *ROOT.glob("tests/golden/sources/*.txt")]
)
FIXTURES = sorted((ROOT / "tests/clean/fixtures").glob("*.txt"))
MODULES = {rule.name: sys.modules[rule.apply.__module__] for rule in RULES}


def _ignoring_trigger(doc, rule, classify, max_chars=None, trigger=None):  # type: ignore[no-untyped-def]
    return base.mark_lines(doc, rule, classify, max_chars)


@contextmanager
def _no_triggers() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        for module in MODULES.values():
            if hasattr(module, "mark_lines"):
                patch.setattr(module, "mark_lines", _ignoring_trigger)
        yield


def _marks(doc: Doc) -> list[tuple[str, str, str]]:
    return [(line.text, line.kind, line.rule) for line in doc.lines]


def _outcome(rule: Rule, doc: Doc) -> object:
    """The lines `rule` marks in `doc`, or the error it raises (the same either way, too)."""
    try:
        return _marks(rule.apply(doc))
    except Exception as error:  # noqa: BLE001 - a crash must not be skipped past either
        return repr(error)


def _check(doc: Doc, names: list[str] | None = None, chain: bool = True) -> None:
    """Each rule (of `names`), on `doc` as it is and (with `chain`) after the rules before it, marks the same lines
    either way."""
    before = [doc]
    for rule in RULES[:-1]:
        try:
            before.append(rule.apply(before[-1]) if chain else doc)
        except Exception:  # noqa: BLE001 - the rules after it are checked on the page as it was
            before.append(before[-1])
    runs = [(rule, state) for rule, after in zip(RULES, before, strict=True) if names is None or rule.name in names
            for state in {id(doc): doc, id(after): after}.values()]
    fast = [_outcome(rule, state) for rule, state in runs]
    with _no_triggers():
        slow = [_outcome(rule, state) for rule, state in runs]
    assert fast == slow


def _text(path: Path) -> str:
    """A page as a build decodes it ("" for a seed it rejects)."""
    try:
        return decode(RawSeed(path.name, path.read_bytes()))
    except SeedError:
        return ""


CORPUS_LINES = sorted({line.strip() for path in PAGES + FIXTURES for line in _text(path).split("\n")} - {"", "."})


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_pages(path: Path) -> None:
    """Whole pages from the repository."""
    _check(to_doc(path.name, _text(path)))


def test_corpus_lines() -> None:
    """Every line of every page and rule fixture, as a page's first line and between two paragraphs (rules judge
    lines above the body differently)."""
    paragraph = "The carmaker said on Monday that it would expand production at its plant in Hefei to meet demand."
    for line in CORPUS_LINES:
        for page in (f"{line}\n\n{paragraph}", f"{paragraph}\n\n{line}\n\n{paragraph}"):
            _check(to_doc("line.txt", page))


def test_chain() -> None:
    """The whole chain on the rule fixtures, as a build runs it."""
    for path in FIXTURES:
        page = _text(path)
        fast = _marks(clean(to_doc(path.name, page)))
        with _no_triggers():
            slow = _marks(clean(to_doc(path.name, page)))
        assert fast == slow, path.name


def _odd_case(line: str, how: int) -> str:
    """`line` in another letter case, or with the letters case-insensitive patterns equate with i, s and k."""
    if how == 0:
        return line.upper()
    if how == 1:
        return line.title()
    if how == 2:
        return line.swapcase()
    return line.replace("i", "ı").replace("I", "İ").replace("s", "ſ").replace("k", "\u212a")


def _patterns(*namespaces: object) -> list[re.Pattern[str]]:
    found = {value.pattern: value for space in namespaces for value in vars(space).values()
             if isinstance(value, re.Pattern)}
    if extract_dates in namespaces:
        found.update((pattern.pattern, pattern) for _, pattern in extract_dates._PATTERNS)
    return [found[key] for key in sorted(found)]


def _literal_words(patterns: list[re.Pattern[str]]) -> list[str]:
    """The words written in the patterns' source, escapes such as \\b left out: "copyright", "版权所有"."""
    sources = (re.sub(r"\\.", " ", pattern.pattern) for pattern in patterns)
    return sorted({word for source in sources for word in re.findall(r"[^\W\d_]{2,}", source)})


def _word_lines(patterns: list[re.Pattern[str]]) -> st.SearchStrategy[str]:
    """Lines run together from the patterns' own words, numbers, and the punctuation the rules look for."""
    token = st.one_of(
        st.sampled_from(_literal_words(patterns)),
        st.sampled_from(["7", "27", "1.2k", "2024", "1999", "12/09", "(", ")", "[", "]", "（", "）", "】", "©", ":",
                         "：", "|", "/", ">", "»", "·", "-", ".", ",", "Ann Lee", "年", "月", "日", "前"]),
    )
    sep = st.sampled_from(["", " ", "  ", "   ", " | ", ": ", "/"])
    line = st.lists(st.tuples(token, sep), min_size=1, max_size=8).map(lambda parts: "".join(a + b for a, b in parts))
    return st.one_of(line, st.builds(_odd_case, line, st.integers(0, 3)))


def _lines(patterns: list[re.Pattern[str]]) -> st.SearchStrategy[str]:
    """Lines that the patterns match: alone, amid other text or run together, in any letter case."""
    matching = st.one_of([st.from_regex(pattern, fullmatch=True) for pattern in patterns])
    part = st.one_of(matching, st.sampled_from(CORPUS_LINES), st.text(alphabet="Ab c12,.:|", max_size=12))
    sep = st.sampled_from(["", " ", ", ", " | ", "   ", ": "])
    joined = st.builds(lambda a, s, b, t, c: a + s + b + t + c, part, sep, matching, sep, st.one_of(st.just(""), part))
    plain = st.one_of(matching, joined)
    return st.one_of(plain, st.builds(_odd_case, plain, st.integers(0, 3)), _word_lines(patterns),
                     st.text(max_size=40))


# The rules that still pass mark_lines a trigger.
TRIGGERED = ["addresses", "captions", "copyright", "counters", "feedback", "navigation", "newsletter"]
PAD = st.sampled_from(["", " ", "\t", "\u3000", "\u00a0 "])
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", TRIGGERED)
def test_generated_lines(name: str) -> None:
    """Generated pages for each rule, with white space left at either end of some lines."""
    line = _lines(_patterns(MODULES[name]) + _patterns(helpers, extract_dates))

    @SETTINGS
    @given(st.lists(st.tuples(PAD, line, PAD), min_size=1, max_size=6))
    def check(rows: list[tuple[str, str, str]]) -> None:
        doc = to_doc("generated.txt", "\n\n".join(line for _, line, _ in rows))
        _check(doc, [name])
        pads = [(before, after) for before, _, after in rows]
        padded = [replace(line, text=pads[i % len(pads)][0] + line.text + pads[i % len(pads)][1])
                  for i, line in enumerate(doc.lines)]
        _check(doc.with_lines(padded), [name])

    check()


def _finds_date(line: str) -> bool:
    try:
        return bool(extract_dates.find_dates(line)) or extract_dates.is_relative(line)
    except KeyError:  # find_dates takes "sepember" for a month, then has no such month: after a year, as always
        return True


@settings(max_examples=500, deadline=None)
@given(_lines(_patterns(extract_dates)))
def test_could_hold_date(line: str) -> None:
    """could_hold_date holds wherever find_dates or is_relative finds something (is_date_line relies on it)."""
    assert could_hold_date(line) or not _finds_date(line)


def test_folded_finds_what_ignorecase_matches() -> None:
    """folded() turns every character that re.IGNORECASE matches with an ASCII letter or digit, or with a character
    of the rules' needles, into that character (the promise holds_any relies on)."""
    needles = {n for module in MODULES.values() for n in getattr(module, "_NEEDLES", ())}
    wanted = set("abcdefghijklmnopqrstuvwxyz0123456789") | {c for n in needles for c in n}
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF)
    for char in sorted(wanted):
        for found in re.finditer(re.escape(char), everything, re.I):
            assert folded(found.group()) == char, (char, hex(ord(found.group())))

"""The cleaner's shortcuts give what the plain definitions give: each is checked against the definition."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.clean.rules import fields, repeats
from generator.lexicon import labels, text
from generator.lexicon.dates import find_dates
from generator.lexicon.text import ends_sentence, is_upper, words

ANY_TEXT = st.text(max_size=80)
ASCII_TEXT = st.text(alphabet=st.characters(max_codepoint=127), max_size=80)
SETTINGS = settings(max_examples=500, deadline=None)


@SETTINGS
@given(st.one_of(ASCII_TEXT, ANY_TEXT))
def test_words(line: str) -> None:
    """ASCII text takes a faster pattern to the same words."""
    assert words(line) == (*text._WORD.findall(line), *text.HAN.findall(line))


@SETTINGS
@given(st.one_of(ASCII_TEXT, ANY_TEXT, st.text(alphabet="ABCdé É1 .-", max_size=12)))
def test_is_upper(line: str) -> None:
    """ASCII text is judged without a loop over its characters."""
    letters = [c for c in line if c.isalpha() and c.lower() != c.upper()]
    assert is_upper(line) == (len(letters) >= 3 and all(c.isupper() for c in letters))


def test_only_the_space_is_printable_white_space() -> None:
    """What the repeats rule's shortcut relies on: str.split() splits only at a space in a printable line."""
    assert [hex(i) for i in range(0x110000) if chr(i).isspace() and chr(i).isprintable()] == ["0x20"]


@SETTINGS
@given(st.one_of(ANY_TEXT, st.text(alphabet=" \t\u3000\xa0aBß", max_size=12)))
def test_repeat_key(line: str) -> None:
    assert repeats._key(line) == " ".join(line.split()).casefold()


def _site_suffix(line: str) -> str | None:
    """labels.site_suffix as written before it looked for a dash first."""
    match = labels.SITE_SUFFIX.search(line.strip())
    if not match or ends_sentence(line):
        return None
    head = line[: match.start()]
    glued = match.group(0)[0] in "-–—|"
    if glued and head.split()[-1][:1].isupper():
        return None
    return match.group("site") if len(words(head)) >= 4 else None


HEADLINE = st.builds(
    lambda head, dash, site: head + dash + site,
    st.from_regex(r"[A-Za-z]{1,8}( [A-Za-z0-9']{1,8}){0,6}", fullmatch=True),
    st.sampled_from([" - ", " | ", "-", "—", " – ", "|", " ", "."]),
    st.from_regex(r"[A-Z][A-Za-z0-9.]{0,8}( [A-Z][a-z]{0,5}){0,3}[.!?]?", fullmatch=True),
)


@SETTINGS
@given(st.one_of(HEADLINE, ANY_TEXT))
def test_site_suffix(line: str) -> None:
    assert labels.site_suffix(line) == _site_suffix(line)


LABELLED_DATE = st.builds(
    lambda label, date, rest: label + date + rest,
    st.from_regex(fields._DATE_LABEL, fullmatch=True),
    st.sampled_from(["2025-12-01", "1 Dec 2025", "Dec. 1, 2025", "12/01/2025", "2025年12月1日", "01.12.2025 08:00"]),
    st.sampled_from(["", " Some headline here", " | More text follows it"]),
)


@SETTINGS
@given(st.one_of(LABELLED_DATE, ANY_TEXT))
def test_date_prefix_first(line: str) -> None:
    """_DATE_FIRST holds for every line whose first date only a label comes before."""
    try:
        found = find_dates(line)
    except KeyError:  # find_dates takes "sepember" for a month (generator/lexicon/dates.py)
        return
    if found and fields._DATE_LABEL.match(line[: found[0].start]):
        assert fields._DATE_FIRST.match(line)

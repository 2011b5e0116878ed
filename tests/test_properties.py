"""Property-based tests: the decoder, cleaner, slugger and front-matter writer hold for any input."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

import ftfy
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import frontmatter
from generator.clean import clean, to_doc
from generator.decode import _MOJIBAKE_HINT, decode
from generator.entities.recognise import Recogniser
from generator.errors import SeedError
from generator.model import Kind, RawSeed, Registry
from generator.paths import safe_join, seed_slug, slugify
from generator.pipeline import make_briefing

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = dt.date(2026, 11, 25)
EMPTY = Recogniser(Registry(companies={}, topics={}))

# Lines of the kinds a scraped page is made of, to build article-shaped inputs.
SENTENCE = st.from_regex(
    r"[A-Z][a-z]{2,9}( [a-z]{2,9}){9,25}( [0-9]{1,4}(,[0-9]{3})? (yuan|cars|percent))?\.", fullmatch=True
)
HEADLINE = st.from_regex(r"[A-Z][a-z]{2,9}( [A-Za-z]{2,9}){3,10}", fullmatch=True)
CHROME = st.sampled_from([
    "Share To weixin sina", "Home | News | Auto | Tech", "Posted on May 3, 2024 by Sun Lei", "By Zhou Jing",
    "Views:27", "Leave a Reply", "Copyright © 2024 Some Site. All rights reserved.", "Tags: BYD, NIO",
    "Related news", "Subscribe to our newsletter", "Advertisement", "Source: Xinhua", "(Photo/VCG)",
    "12/09 2025", "437", "• A bullet point with a few words in it", "1. A numbered item",
    "<script>alert(1)</script>", "[x](javascript:alert(1)) { onclick=alert(1) }", "北汽集团发布新战略",
])
LINE = st.one_of(SENTENCE, HEADLINE, CHROME, st.text(max_size=80))
PAGE = st.lists(LINE, min_size=1, max_size=25).map(lambda lines: "\n\n".join(lines))
# A scraped article: chrome, a headline, more chrome, then body sentences with chrome between them.
ARTICLE = st.tuples(
    st.lists(CHROME, max_size=4), HEADLINE, st.lists(CHROME, max_size=3),
    st.lists(st.one_of(SENTENCE, SENTENCE, HEADLINE, CHROME), min_size=1, max_size=20),
).map(lambda parts: "\n\n".join([*parts[0], parts[1], *parts[2], *parts[3]]))


def kept(text: str) -> str:
    """What the cleaner keeps of a page (the headline and the content lines), as a page again."""
    doc = clean(to_doc("p.txt", text))
    return "\n\n".join(line.text for line in doc.lines if line.is_content or line.kind is Kind.TITLE)


@SETTINGS
@given(st.binary(max_size=4000))
def test_decoder_never_raises_anything_but_a_seed_error(data: bytes) -> None:
    try:
        text, message = decode(RawSeed("x.txt", data)), ""
    except SeedError as exc:
        text, message = "", str(exc)
    if message:
        assert message.startswith("x.txt")
        assert "\n" not in message
    else:
        assert "\r" not in text
        assert text.endswith("\n")


@SETTINGS
@given(st.one_of(PAGE, st.text(max_size=2000)), st.sampled_from(["p.txt", "p.md"]))
def test_the_per_seed_pipeline_never_raises_anything_but_a_seed_error(text: str, name: str) -> None:
    try:
        briefing, message = make_briefing(RawSeed(name, text.encode("utf-8")), TODAY, EMPTY), ""
    except SeedError as exc:
        briefing, message = None, str(exc)
    assert "\n" not in message
    if briefing is not None:
        assert briefing.meta.title
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", briefing.slug)
        assert "<script" not in briefing.body


@SETTINGS
@given(ARTICLE)
def test_cleaning_is_idempotent(text: str) -> None:
    once = kept(text)
    assert kept(once) == once


@SETTINGS
@given(st.text())
def test_slugs_are_ascii_stable_and_stay_inside_the_output(title: str) -> None:
    slug = seed_slug(title, "seed.txt")
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert slug == seed_slug(title, "seed.txt")
    readable = slugify(title)
    assert slug == readable if len(readable) >= 3 else slug.startswith("briefing-")
    base = Path("/tmp/out")
    assert safe_join(base, f"briefings/{slug}.md").is_relative_to(base.resolve())


SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text())


FIELDS = st.one_of(SCALAR, st.lists(st.text()), st.lists(st.dictionaries(st.text(), SCALAR, min_size=1)),
                   st.dictionaries(st.text(), SCALAR))


@SETTINGS
@given(st.dictionaries(st.text(min_size=1), FIELDS), st.text())
def test_front_matter_round_trips(data: dict, title: str) -> None:
    data = {"title": title, **data}
    text = frontmatter.dump(data)
    assert text.startswith("---\n")
    assert text.endswith("---\n")
    assert yaml.safe_load(text[4:-4]) == data


# Strings built from the characters YAML treats specially, so that every quoting decision gets exercised.
YAML_TRICKY = st.text(alphabet=st.sampled_from(list(" -?:,[]{}#&*!|>'\"%@`.~\\\t\n\r\x85\u2028\ufeff\x7f"
                                                 "0123456789aeflnorstuxyNTY_+eE.:")), max_size=12)


@SETTINGS
@given(st.lists(st.tuples(YAML_TRICKY, st.one_of(YAML_TRICKY, st.lists(YAML_TRICKY))), min_size=1))
def test_front_matter_round_trips_strings_made_of_yaml_syntax(pairs: list) -> None:
    data = dict(pairs)
    text = frontmatter.dump(data)
    assert yaml.safe_load(text[4:-4]) == data


EVERYDAY = st.text(alphabet=st.one_of(
    st.characters(max_codepoint=0x7F),
    st.sampled_from(list("\xa0\xad·´–—―…’‘‚“„•‹«»¡¿©®˝”›™΄΅")),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x3000, max_codepoint=0x303F),
))


@SETTINGS
@given(EVERYDAY)
def test_texts_skipped_by_the_mojibake_hint_are_ones_ftfy_leaves_alone(text: str) -> None:
    if not _MOJIBAKE_HINT.search(text):
        assert ftfy.fix_encoding(text) == text


# Names of every shape the registry has: several words, joiners, "&", exact case, one word inside another,
# non-ASCII letters, Chinese.
PHRASES = [
    ("Beijing Hyundai", "bh", False), ("Beijing", "bj", False), ("BEIJING brand", "bb", True),
    ("Dongfeng-Nissan", "dn", False), ("Dongfeng", "df", False), ("Dongfeng Peugeot Citroën", "dpc", False),
    ("Citroën", "ci", False), ("NIO", "nio", True), ("NIO Inc", "nioinc", True), ("smart", "smart", True),
    ("Mercedes & Smart", "ms", False), ("e-tron", "et", True), ("Great Wall", "gw", False), ("GAC", "gac", True),
    ("price war", "pw", False), ("EV", "ev", True), ("北汽", "baic", False), ("eπ", "epi", False),
]
PHRASE_WORDS = ["Beijing", "BEIJING", "beijing", "Hyundai", "HYUNDAI", "brand", "Brand", "Dongfeng", "Nissan",
                "nissan", "Peugeot", "Citroën", "CITROËN", "Citroen", "NIO", "Nio", "nio", "Inc", "smart", "Smart",
                "Mercedes", "e", "tron", "TRON", "Great", "wall", "Wall", "GAC", "Gac", "price", "war", "EV", "ev",
                "北汽", "eπ", "EΠ", "Straße", "İstanbul", "Kelvin", "\u212aelvin", "x_y", "_Beijing", "2024"]
GAPS = [" ", " ", " ", "  ", "\n", "-", "–", " & ", "&", ", ", ". ", "'s ", "/", "", "“", "é", "’s "]


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(PHRASE_WORDS), st.sampled_from(GAPS)), max_size=40))
def test_the_whole_phrase_scan_finds_what_the_word_by_word_check_finds(parts: list[tuple[str, str]]) -> None:
    _assert_the_scan_finds_what_the_word_by_word_check_finds("".join(word + gap for word, gap in parts))


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from([w for w in PHRASE_WORDS if w.isascii()]),
                          st.sampled_from([g for g in GAPS if g.isascii()] + ["(", "_", ".", "9"])), max_size=40))
def test_the_ascii_scan_finds_what_the_word_by_word_check_finds(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in parts)
    assert text.isascii()
    _assert_the_scan_finds_what_the_word_by_word_check_finds(text)


def _assert_the_scan_finds_what_the_word_by_word_check_finds(text: str) -> None:
    from generator.entities.phrases import PhraseMatcher

    fast = PhraseMatcher(PHRASES)
    slow = PhraseMatcher(PHRASES)
    slow._whole = None  # every start checked word by word, in Python
    assert fast._whole is not None
    assert fast.find(text) == slow.find(text)
    assert fast.keys(text) == [m.key for m in slow.find(text)]


@SETTINGS
@given(st.text(alphabet="No.#PhaseLlvMmdGnrti 2\u00a0\n_x", max_size=60), st.integers(0, 60))
def test_a_label_before_a_figure_is_found_as_the_plain_pattern_finds_it(text: str, start: int) -> None:
    from generator.extract.figures import _labelled

    start = min(start, len(text))
    plain = re.compile(r"(?:\bNo\.?|#|\b[Pp]hase|\b[Ll]evel|\b[Mm]odel|\b[Gg]eneration|\bL)\s*$")
    assert _labelled(text, start) == bool(plain.search(text, max(0, start - 32), start))


PATH_PART = st.sampled_from(["a", "b", "companies", "page", "2.md", "byd.md", ".", "..", "", "x y"])


@SETTINGS
@given(st.lists(PATH_PART, min_size=1, max_size=5).map("/".join),
       st.lists(PATH_PART, min_size=1, max_size=5).map("/".join).filter(bool))
def test_relative_links_are_the_ones_posixpath_gives(from_page: str, to_page: str) -> None:
    from generator.paging import relative

    assert relative(from_page, to_page) == posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


# Text made of what the word and sentence patterns care about: letters (Latin, accented, capital I with a dot, the
# Kelvin sign), digits, joiners, stops (English and Chinese), quotes, brackets, white space and Han characters.
PROSE_TEXT = st.text(alphabet="aBcZé\u0130\u212a09_'’.&,%-!?()\"“ \t\u00a0\n。；汽车", max_size=80)


@SETTINGS
@given(PROSE_TEXT, st.integers(0, 12))
def test_counting_words_up_to_a_number_agrees_with_counting_them_all(text: str, count: int) -> None:
    from generator.lexicon.text import has_words, words

    assert has_words(text, count) == (len(words(text)) >= count)


@SETTINGS
@given(PROSE_TEXT.map(lambda text: text.encode("ascii", "ignore").decode()))
def test_an_ascii_line_lowered_at_once_has_the_words_lowered_one_by_one(text: str) -> None:
    from generator.lexicon.text import ascii_words_lowered, words

    assert ascii_words_lowered(text) == ["" if word[0].isdigit() else word.lower() for word in words(text)]


@SETTINGS
@given(PROSE_TEXT)
def test_sentences_split_where_the_look_behind_pattern_splits_them(text: str) -> None:
    from generator.extract.figures import _sentences

    pattern = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘'(])|(?<=[。！？；])")
    expected, start = [], 0
    for piece in pattern.finditer(text):
        if piece.start() > start:
            expected.append((start, text[start : piece.start()]))
        start = piece.end()
    if start < len(text):
        expected.append((start, text[start:]))
    assert _sentences(text) == expected


@SETTINGS
@given(PROSE_TEXT)
def test_a_sentence_lowered_at_once_has_the_words_lowered_one_by_one(text: str) -> None:
    from generator.lexicon.measures import _TOKEN, _words

    assert list(_words(text)) == [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]


@SETTINGS
@given(PROSE_TEXT.map(lambda text: text.encode("ascii", "ignore").decode()))
def test_the_stems_of_an_ascii_line_are_its_words_lowered_one_by_one(text: str) -> None:
    from generator.clean.span import _CONTENT_WORD, _stems
    from generator.lexicon.text import SMALL_WORDS

    lowered = [word.lower() for word in _CONTENT_WORD.findall(text)]
    assert _stems(text) == {word[:5] for word in lowered if word not in SMALL_WORDS}

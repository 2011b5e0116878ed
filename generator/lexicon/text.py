"""Small predicates over one line of text, shared by the cleaning rules."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

_WORD = re.compile(r"[^\W\d_][\w'’.&-]*|\d[\d,.]*%?", re.U)
_ASCII_WORD = re.compile(_WORD.pattern, re.A)  # the same words in ASCII text, found faster
_ASCII_WORD_OR_FIGURE = re.compile(r"([^\W\d_][\w'’.&-]*)|\d[\d,.]*%?", re.A)  # the same, a figure found as ""
# Han characters: CJK ideographs of the unified block, extension A, the compatibility block and extensions B to H.
HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN = re.compile(f"[{HAN_CHARS}]")
_CONTENT_WORD = re.compile(r"[^\W\d_][\w'’]*")
_NAME_SPLIT = re.compile(r"(?:(?<!\s)\s++)?(?:,|&|\band\b|、)\s*+")
BULLETS = "•·▪●◦‣"  # scraped pages set share bars, menus and credits as one-item lists
_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’)\]]*$")
SMALL_WORDS = frozenset(
    [
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "onto", "or",
        "over", "per", "so", "the", "to", "up", "via", "vs", "with", "within", "without", "is", "are", "was", "were",
        "be", "its", "it", "than", "that", "this",
    ]
)
_THREE_CAPITALS = re.compile(r"^(?:[^A-Z]*+[A-Z]){3}")
SEPARATORS = re.compile(r"\s(?:\||›|»|>|/|·|•|–|—)\s|\s{3,}")


# Twenty rules ask the same questions about the lines of one page: answers are cached per line text, enough for
# a long page (a larger cache holds megabytes of word lists for nothing).
_cached = lru_cache(maxsize=1024)


@_cached
def words(text: str) -> tuple[str, ...]:
    """The words of `text` (Han characters count one each)."""
    if text.isascii():
        return tuple(_ASCII_WORD.findall(text))
    return (*_WORD.findall(text), *HAN.findall(text))


def has_words(text: str, count: int) -> bool:
    """len(words(text)) >= count; in ASCII text the words are counted only up to `count` (a paragraph is not split
    to learn that it is longer than a label)."""
    if text.isascii():
        return count <= 0 or next(islice(_ASCII_WORD.finditer(text), count - 1, None), None) is not None
    return len(words(text)) >= count


def ascii_words_lowered(text: str) -> list[str]:
    """words() of ASCII `text` in lower case, with "" for each figure (a word that starts with a digit): one scan of
    the lower-cased text, where lowering word by word takes a Python step a word."""
    return _ASCII_WORD_OR_FIGURE.findall(text.lower())


@_cached
def folded(text: str) -> str:
    """`text` lower-cased for substring tests that stand in for case-insensitive patterns: a lower-case literal
    that such a pattern matches in `text` is found in folded(text). Beyond str.lower, re.IGNORECASE also equates
    i with İ and ı and s with ſ (str.lower keeps ı and ſ and turns İ into i and a combining dot)."""
    low = text.lower()
    if low.isascii():
        return low
    return low.replace("\u0307", "").replace("ı", "i").replace("ſ", "s")


def holds_any(text: str, needles: tuple[str, ...]) -> bool:
    """True when folded(text) contains one of `needles`: literals, in lower case, of a case-insensitive pattern."""
    low = folded(text)
    for needle in needles:  # noqa: SIM110 - a loop takes half the time of any() over a generator
        if needle in low:
            return True
    return False


@_cached
def ends_sentence(text: str) -> bool:
    """True when the line ends like a sentence."""
    return bool(_SENTENCE_END.search(text.rstrip()))


@_cached
def is_prose(text: str) -> bool:
    """A line that reads as running text: long enough and sentence-shaped."""
    if len(text) >= 200:
        return True
    n = len(words(text))
    if n >= 30:
        return True
    # A title-case line ending in "?" or "." is a headline or heading, not running text.
    return n >= 10 and ends_sentence(text) and title_case_ratio(text) < 0.6


@_cached
def is_titleish(text: str) -> bool:
    """Short, headline-shaped: no sentence ending, few words."""
    n = len(words(text))
    return 1 <= n <= 30 and len(text) <= 220 and not text.rstrip().endswith((",", ";"))


@_cached
def title_case_ratio(text: str) -> float:
    """Share of the content words of `text` that start with a capital letter."""
    content = [w for w in _CONTENT_WORD.findall(text) if w.lower() not in SMALL_WORDS]
    if not content:
        return 0.0
    return sum(1 for w in content if w[0].isupper()) / len(content)


@_cached
def is_upper(text: str) -> bool:
    """True when every cased letter in `text` is upper case (an all-caps masthead)."""
    if text.isascii():
        return text == text.upper() and _THREE_CAPITALS.match(text) is not None
    letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


_NAME_PART = r"[A-Z][a-z'’]+|[A-Z]\.|[A-Z][a-z]*-[A-Z][a-z]+"  # "Derby-bound" is not a name
PERSON = re.compile(rf"(?:{_NAME_PART})(?:\s(?:van|von|de|da|der|bin|al)?\s?(?:{_NAME_PART})){{1,3}}")
HAN_NAME = re.compile(f"[{HAN_CHARS}]{{2,4}}")
NOT_NAME_WORDS = frozenset(
    re.findall(
        r"\w+",
        "the and of for news auto daily review post times home more share menu search subscribe login sign world "
        "china beijing group motor motors press media agency editor staff reporter report updated posted comments "
        "brief desk dispatch monitor wire weekly journal herald insight insights magazine tribune gazette asia europe "
        "trade mobility markets business tech technology network online today weekly notes digest bulletin "
        # words that join a headline's words, never a name's ("Fergie Cautious When Traveling")
        "but from into onto over with within without are was were its than that this when where why how after "
        "before amid says said",
    )
)


@_cached
def is_person_name(text: str, allow_caps: bool = False) -> bool:
    """True when `text` is just a person's name ("Sophie Tan", "刘岩"; "ZHAO YIMENG" only with allow_caps)."""
    text = text.strip()
    if allow_caps and is_upper(text):
        text = text.title()
    if HAN_NAME.fullmatch(text):
        return True
    if not PERSON.fullmatch(text):
        return False
    return not any(part.lower().strip(".") in NOT_NAME_WORDS for part in text.split())


def person_names(text: str) -> list[str] | None:
    """The names in "Zhang Yan and Brenda Goh" / "A, B & C", or None when any part is not a name."""
    parts = [p.strip() for p in _NAME_SPLIT.split(text.strip()) if p.strip()]
    if not parts or not all(is_person_name(p, allow_caps=True) for p in parts):
        return None
    return [p.title() if is_upper(p) else p for p in parts]


def split_fields(text: str) -> list[str]:
    """Split a widget row on its separators (pipes, bullets, wide gaps)."""
    return [part.strip() for part in SEPARATORS.split(text) if part.strip()]


def without_bullet(text: str) -> str:
    """The text without a leading list bullet ("• Share on Twitter" is "Share on Twitter"); a bullet alone stays."""
    if not text or text[0] not in BULLETS:
        return text
    return text[1:].lstrip() or text

"""The headline: pick it among the lines above the body; everything above it is masthead chrome."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from generator.lexicon.labels import site_suffix
from generator.lexicon.text import is_person_name, is_titleish, is_upper, words
from generator.lexicon.zones import body_start
from generator.model import Doc, Kind

_META = (Kind.DATE, Kind.BYLINE, Kind.SOURCE)
_NON_WORD = re.compile(r"\W+")
_MENU_BAR = re.compile(r"\s[|]\s")
# The headline is one of the first headline-shaped lines above the body (28 at most on the dev and web sets):
# each is looked for in all the chrome, so a page of thousands of them would cost their number times its size.
_CANDIDATES = 200


@lru_cache(maxsize=4096)
def _normal(text: str) -> str:
    suffix = site_suffix(text)
    if suffix:
        text = text[: text.rfind(suffix)]
    return _NON_WORD.sub(" ", text).strip().lower()


def headline_shaped(text: str) -> bool:
    """Could this line be a headline? (not a masthead, menu or name)"""
    n = len(words(text))
    if not is_titleish(text) or n < 2 or is_person_name(text):
        return False
    if _MENU_BAR.search(text) and not site_suffix(text):
        return False  # a menu row, not "Headline | Site"
    return not (is_upper(text) and n <= 6)


def _chrome(doc: Doc) -> str:
    """The normal forms of the chrome lines (a site name in the copyright or source line), one a line: a normal
    form holds no line break, so it is found in this text only inside one of them."""
    return "\n".join(_normal(line.text) for line in doc.lines
                     if not line.is_content and line.kind not in (Kind.TITLE, Kind.REPEAT))


def _named_in_chrome(chrome: str, text: str) -> bool:
    """True when the line's words recur in a chrome line."""
    key = _normal(text)
    return bool(key) and key in chrome


def apply(doc: Doc) -> Doc:
    """Mark the headline as TITLE and the content lines above it as masthead."""
    start = body_start(doc)
    lines = list(doc.lines)
    shaped = [i for i in range(start) if lines[i].is_content and headline_shaped(lines[i].text)][:_CANDIDATES]
    chrome = _chrome(doc) if shaped else ""
    candidates = [i for i in shaped if not _named_in_chrome(chrome, lines[i].text)]
    if not candidates:
        return doc

    def beside_meta(i: int) -> bool:
        return any(0 <= j < len(lines) and lines[j].kind in _META for j in (i - 1, i + 1))

    adjacent = [i for i in candidates if beside_meta(i)]
    long_enough = [i for i in candidates if len(words(lines[i].text)) >= 4]
    pick = (adjacent or long_enough or candidates)[0]
    for i in range(pick):
        if lines[i].is_content:
            lines[i] = lines[i].mark(Kind.MASTHEAD, "headline")
    lines[pick] = lines[pick].mark(Kind.TITLE, "headline")
    for i in range(pick + 1, start):
        if lines[i].is_content and len(words(lines[i].text)) < 4:
            lines[i] = lines[i].mark(Kind.WIDGET, "headline")  # player labels and buttons between headline and body
    title = _normal(lines[pick].text)
    title_words = title.split()
    longest = max(title_words, key=len, default="")
    for i in range(pick + 1, len(lines)):
        if not lines[i].is_content:
            continue
        text = lines[i].text
        low = text.lower()
        # A line whose normal form is the headline's contains all of its words: a cheap test first.
        if longest in low and all(w in low for w in title_words) and _normal(text) == title:
            lines[i] = lines[i].mark(Kind.TITLE, "headline")  # the headline repeated in the body
    return replace(doc, lines=tuple(lines), title_index=pick)

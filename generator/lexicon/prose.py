"""Prose: how much a line reads as running text: function-word density (jusText's stoplists) or, in Chinese,
punctuation and length."""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from generator.lexicon.dates import DATELINE
from generator.lexicon.text import HAN, ascii_words_lowered, ends_sentence, words


def stoplist(language: str) -> frozenset[str]:
    """jusText's list of function words for `language` ("English"), read from its package data: only the data is
    used, so jusText's code (which needs lxml) is never imported."""
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("justext is not installed (see pyproject.toml)")
    path = Path(spec.submodule_search_locations[0]) / "stoplists" / f"{language}.txt"
    return frozenset(path.read_text(encoding="utf-8").split())


# Briefings are mostly English, and scraped pages quote other European languages; a line is judged by the language
# whose function words it holds most of (as jusText picks one stoplist per page).
LANGUAGES = ("English", "French", "German", "Spanish", "Portuguese", "Italian", "Dutch")
_STOPLISTS = tuple(stoplist(language) for language in LANGUAGES)
RUNNING = 0.30  # this share of function words makes running text


def _density(lowered: list[str]) -> float:
    """The share of `lowered` that is function words of the language it holds most of."""
    if not lowered:
        return 0.0
    best = 0
    for stopwords in _STOPLISTS:
        best = max(best, sum(map(stopwords.__contains__, lowered)))
        if best / len(lowered) >= RUNNING:
            break  # English comes first and settles most lines: no other language can change the verdict
    return best / len(lowered)


SAMPLE = 40  # words
_CJK_PUNCT = re.compile(r"[，。、；：！？“”「」（）]")


@lru_cache(maxsize=4096)
def prose_score(text: str) -> float:
    """Positive for a line of running text (about its number of words), negative for a label, a menu entry or a
    link; 0 for a line that could be either."""
    # The density of the first SAMPLE words is the line's: a paragraph does not change its nature half-way. Figures
    # are neither kind of word.
    if text.isascii():
        found = ascii_words_lowered(text)
        n = len(found)
        lowered = [word for word in found[:SAMPLE] if word]
    else:
        han = len(HAN.findall(text))
        if han >= 10 and han * 3 >= len(text):  # a Chinese line (an English one may quote a few Chinese names)
            punct = len(_CJK_PUNCT.findall(text))
            if han >= 30 and punct >= 2:
                return han / 4
            return -2.0 if punct == 0 else 0.0
        tokens = words(text)
        n = len(tokens)
        lowered = [t.lower() for t in tokens[:SAMPLE] if not t[0].isdigit()]
    if n == 0:
        return -1.0
    stop = _density(lowered)
    sentence = ends_sentence(text)
    if DATELINE.match(text):
        return float(n)  # "BEIJING, Nov. 30 (Xinhua) --": the article's first paragraph, however short
    if n >= 10 and stop >= RUNNING and (sentence or n >= 20):
        return float(n)
    if n >= 20 and stop >= 0.20:
        return n / 2
    if sentence and n >= 6 and stop >= 0.25:
        return 0.0
    return -max(2.0, n / 2)

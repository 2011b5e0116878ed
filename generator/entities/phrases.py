"""Phrases: find many names in a text at once, leftmost-longest, whole words only, in linear time.

Latin names are matched token by token through an index keyed by each name's first word, so the cost
does not grow with the size of the registry. Chinese names (no spaces between words) are matched as
character strings.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W_]+", re.U)
_HAN = re.compile(r"[\u3400-\u9fff]")
# What may stand between two words of a name for the text to still be that name.
_JOINERS = {" ", "-", "–", "‑"}


@dataclass(frozen=True)
class Match:
    """One phrase found in a text."""

    key: Hashable
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Entry:
    words: tuple[str, ...]  # as written, or case-folded when matching ignores case
    gaps: tuple[str, ...]  # the characters between consecutive words
    key: Hashable
    exact_case: bool


def _gap(text: str) -> str:
    return " " if text.isspace() else re.sub(r"\s+", " ", text)


class PhraseMatcher:
    """A compiled set of phrases, each with a key and a case rule."""

    def __init__(self, phrases: Iterable[tuple[str, Hashable, bool]]) -> None:
        """`phrases`: (phrase, key, exact_case) triples; the first key given for a phrase wins."""
        self._index: dict[str, list[_Entry]] = {}
        han: dict[str, Hashable] = {}
        seen: set[tuple[str, bool]] = set()
        for phrase, key, exact_case in phrases:
            phrase = " ".join(phrase.split())
            if not phrase or (phrase, exact_case) in seen:
                continue
            seen.add((phrase, exact_case))
            if _HAN.search(phrase):
                han.setdefault(phrase, key)
                continue
            spans = [m.span() for m in _TOKEN.finditer(phrase)]
            if not spans:
                continue
            words = tuple(phrase[a:b] if exact_case else phrase[a:b].casefold() for a, b in spans)
            gaps = tuple(_gap(phrase[spans[i][1] : spans[i + 1][0]]) for i in range(len(spans) - 1))
            self._index.setdefault(words[0].casefold(), []).append(_Entry(words, gaps, key, exact_case))
        for entries in self._index.values():
            entries.sort(key=lambda e: -len(e.words))  # longest first: "Beijing Hyundai" before "Beijing"
        ordered = sorted(han, key=lambda p: (-len(p), p))
        self._han = re.compile("|".join(map(re.escape, ordered))) if ordered else None
        self._han_keys = han

    def _fits(self, entry: _Entry, text: str, tokens: list[tuple[int, int]], i: int) -> bool:
        if i + len(entry.words) > len(tokens):
            return False
        for n, word in enumerate(entry.words):
            a, b = tokens[i + n]
            got = text[a:b]
            if (got if entry.exact_case else got.casefold()) != word:
                return False
            if n:
                gap = _gap(text[tokens[i + n - 1][1] : a])
                want = entry.gaps[n - 1]
                if gap != want and not (gap in _JOINERS and want in _JOINERS):
                    return False
        return True

    def find(self, text: str) -> list[Match]:
        """Every phrase in `text`, leftmost-longest, without overlaps, in order of position."""
        found: list[Match] = []
        tokens = [m.span() for m in _TOKEN.finditer(text)]
        i = 0
        while i < len(tokens):
            a, b = tokens[i]
            for entry in self._index.get(text[a:b].casefold(), ()):
                if self._fits(entry, text, tokens, i):
                    end = tokens[i + len(entry.words) - 1][1]
                    found.append(Match(entry.key, a, end, text[a:end]))
                    i += len(entry.words)
                    break
            else:
                i += 1
        if self._han is not None:
            taken = [(m.start, m.end) for m in found]
            for m in self._han.finditer(text):
                if not any(s < m.end() and m.start() < e for s, e in taken):
                    found.append(Match(self._han_keys[m.group(0)], m.start(), m.end(), m.group(0)))
            found.sort(key=lambda m: m.start)
        return found

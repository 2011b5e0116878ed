"""Phrases: find many names in a text at once, leftmost-longest, whole words only, in linear time.

One regular expression, built as a trie of every whole name (case-insensitive), finds the places where a name
is written and the longest name there: the scan runs in C and its cost hardly grows with the size of the
registry. Python then only applies the case rules, through an index keyed by a name's first two words. Chinese
names (no spaces between words) are matched as character strings.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from generator.lexicon.text import HAN

_TOKEN = re.compile(r"[^\W_]+", re.U)
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
    phrase: str  # as written, spaces normalised


def _atoms(entry: _Entry) -> tuple[str, ...]:
    """The whole-phrase scan's path for `entry`: its case-folded characters, a gap pattern between words."""
    atoms: list[str] = []
    for index, word in enumerate(entry.words):
        if index:
            atoms.append(_gap_pattern(entry.gaps[index - 1]))
        atoms.extend(map(re.escape, word.casefold()))
    return tuple(atoms)


def _scannable(phrase: str) -> bool:
    """Whether str.lower() folds every character of `phrase` to the one character str.casefold() gives (true of
    ASCII and most letters; not of "ß", which case-folds to two characters)."""
    return all(c.casefold() == c.lower() and len(c.casefold()) == 1 for c in phrase)


_Trie = dict[str, "_Trie"]  # atom -> the rest of the sequences; "" marks the end of one


def _trie_pattern(sequences: list[tuple[str, ...]], end: str = "") -> str:
    """A regular expression matching exactly `sequences` of atoms (each a regular expression, usually one
    escaped character), each followed by `end`, factored as a trie ("bai(?:c|du)") so that the engine never
    tries them one by one; longer sequences are tried first."""
    trie: _Trie = {}
    for sequence in sequences:
        node = trie
        for atom in sequence:
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        if "" in node:
            branches.append(end)
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(trie) if sequences else ""


_WORD_END = r"(?![^\W_])"


def _gap_pattern(gap: str) -> str:
    """A regular expression for the text between two words that `_end` accepts for phrase gap `gap`."""
    if gap in _JOINERS:
        return r"(?:\s+|[-–‑])"
    return "".join(r"\s+" if part.isspace() else re.escape(part) for part in re.split(r"(\s+)", gap) if part)


def _gap(text: str) -> str:
    return " " if text.isspace() else re.sub(r"\s+", " ", text)


class PhraseMatcher:
    """A compiled set of phrases, each with a key and a case rule."""

    def __init__(self, phrases: Iterable[tuple[str, Hashable, bool]]) -> None:
        """`phrases`: (phrase, key, exact_case) triples; the first key given for a phrase wins."""
        # first word -> second word ("" for one-word phrases) -> phrases, longest first
        self._index: dict[str, dict[str, list[_Entry]]] = {}
        han: dict[str, Hashable] = {}
        seen: set[tuple[str, bool]] = set()
        for phrase, key, exact_case in phrases:
            phrase = " ".join(phrase.split())
            if not phrase or (phrase, exact_case) in seen:
                continue
            seen.add((phrase, exact_case))
            if HAN.search(phrase):
                han.setdefault(phrase, key)
                continue
            spans = [m.span() for m in _TOKEN.finditer(phrase)]
            if not spans:
                continue
            words = tuple(phrase[a:b] if exact_case else phrase[a:b].casefold() for a, b in spans)
            gaps = tuple(_gap(phrase[spans[i][1] : spans[i + 1][0]]) for i in range(len(spans) - 1))
            second = words[1].casefold() if len(words) > 1 else ""
            entry = _Entry(words, gaps, key, exact_case, phrase)
            self._index.setdefault(words[0].casefold(), {}).setdefault(second, []).append(entry)
        for buckets in self._index.values():
            for entries in buckets.values():
                entries.sort(key=lambda e: -len(e.words))  # longest first: "Beijing Hyundai" before "Beijing"
        ordered = sorted(han, key=lambda p: (-len(p), p))
        self._han = re.compile("|".join(map(re.escape, ordered))) if ordered else None
        self._han_keys = han
        self._starts = self._starts_pattern()
        self._whole, self._spellings = self._whole_pattern()

    def _starts_pattern(self) -> re.Pattern[str] | None:
        """Where a phrase may start: its first word, followed by its second word when it has more than one.

        Checking the second word in the same scan keeps a common first word ("The Paper", "in-car") from
        making a candidate of every "the" and "in" in the text.
        """
        sequences: set[tuple[str, ...]] = set()
        for first, buckets in self._index.items():
            for second, entries in buckets.items():
                head = tuple(map(re.escape, first))
                if not second:
                    sequences.add(head)
                    continue
                for gap in {entry.gaps[0] for entry in entries}:
                    sequences.add((*head, _gap_pattern(gap), *map(re.escape, second)))
        if not sequences:
            return None
        pattern = _trie_pattern(sorted(sequences), _WORD_END)
        return re.compile(rf"(?<![^\W_])(?:{pattern})", re.I)

    def _whole_pattern(self) -> tuple[re.Pattern[str] | None, dict[str, tuple[_Entry, ...]]]:
        """Every whole phrase, case-folded, in one trie after the character before it (to be run over case-folded
        text, which the engine matches twice as fast as it matches ignoring case); and the entries by case-folded
        spelling, in the index's order.

        The character before a phrase is matched with an ASCII set (anything but a-z and 0-9): the engine finds the
        places to try with a quick scan for a character of the set, in C, where a look-behind ("no letter before")
        would be tried at every character. A non-ASCII letter or digit before a phrase is ruled out by _scan_whole().

        None when some phrase holds a character that str.lower() does not fold as str.casefold() does ("ß"):
        find() then checks every possible start in Python.
        """
        paths: dict[tuple[str, ...], list[_Entry]] = {}
        for buckets in self._index.values():
            for entries in buckets.values():
                for entry in entries:
                    if not _scannable(entry.phrase):
                        return None, {}
                    paths.setdefault(_atoms(entry), []).append(entry)
        if not paths:
            return None, {}
        # Spellings that differ only in joiners ("Dongfeng Nissan", "Dongfeng-Nissan") share a path: each of them
        # names all of the path's entries.
        spellings = {entry.phrase.casefold(): tuple(entries) for entries in paths.values() for entry in entries}
        pattern = _trie_pattern(sorted(paths), _WORD_END)
        return re.compile(rf"[^a-z0-9]({pattern})"), spellings

    @staticmethod
    def _end(entry: _Entry, text: str, a: int, b: int) -> int:
        """Where `entry` ends if it is written at text[a:], whose first word ends at b; -1 if it is not."""
        if (text[a:b] if entry.exact_case else text[a:b].casefold()) != entry.words[0]:
            return -1
        end = b
        for word, want in zip(entry.words[1:], entry.gaps, strict=True):
            token = _TOKEN.search(text, end)
            if token is None:
                return -1
            gap = _gap(text[end : token.start()])
            if gap != want and not (gap in _JOINERS and want in _JOINERS):
                return -1
            got = token.group(0)
            if (got if entry.exact_case else got.casefold()) != word:
                return -1
            end = token.end()
        return end

    def _at(self, text: str, a: int) -> tuple[Match | None, int]:
        """The longest phrase starting at `a` whose case rules hold, word by word; and where to look next."""
        b = _TOKEN.match(text, a).end()  # type: ignore[union-attr] # a start is a word
        buckets = self._index.get(text[a:b].casefold(), {})
        following = _TOKEN.search(text, b) if len(buckets) > 1 or "" not in buckets else None
        entries = buckets.get(following.group(0).casefold(), []) if following else []
        for entry in (*entries, *buckets.get("", ())):
            end = self._end(entry, text, a, b)
            if end >= 0:
                return Match(entry.key, a, end, text[a:end]), end
        return None, b

    def _scan_whole(self, text: str, folded: str, keys_only: bool = False) -> list[Any]:
        """The phrases the whole-phrase scan finds in `folded` (`text` lower-cased, as long), checked against their
        case rules (only their keys with `keys_only`). The quick check settles most: the phrase is written in
        ASCII, spelt as a phrase is, and that phrase's first entry ignores case or is written exactly so; any
        other is looked at word by word (the longest phrase starting there that holds), and the scan resumes
        after it."""
        assert self._whole is not None
        found: list[Any] = []
        spellings = self._spellings
        ascii_text = text.isascii()
        scanned = " " + folded  # so that a phrase at the start has a character before it
        # finditer(scanned, pos) finds the phrases that start at `pos` or later in `folded`. A phrase ends with a
        # letter or digit (the end of its last word), so the character after it is never its own.
        pos = 0
        while True:
            for hit in self._whole.finditer(scanned, pos):
                a = hit.start(1) - 1
                if not ascii_text and scanned[a].isalnum():
                    pos = a + 1  # a letter or digit outside ASCII comes before: no phrase starts at `a`
                    break
                entries = spellings.get(hit.group(1))
                entry = entries[0] if entries else None
                if keys_only and ascii_text and entry is not None and not entry.exact_case:
                    found.append(entry.key)  # no case to check, and no place or text to keep
                    continue
                end = hit.end() - 1
                written = text[a:end]
                if entry is not None and written.isascii() and (not entry.exact_case or written == entry.phrase):
                    found.append(entry.key if keys_only else Match(entry.key, a, end, written))
                    continue
                match, resume = self._at(text, a)
                if match is not None:
                    found.append(match.key if keys_only else match)
                if resume < end:
                    pos = resume
                    break
            else:
                return found

    def _scan_starts(self, text: str) -> list[Match]:
        """The phrases found by checking, word by word, each place the start scan finds."""
        found: list[Match] = []
        pos: int | None = 0
        while self._starts is not None and pos is not None:
            hit, pos = self._starts.search(text, pos), None
            if hit is not None:
                match, pos = self._at(text, hit.start())
                if match is not None:
                    found.append(match)
        return found

    def keys(self, text: str) -> list[Hashable]:
        """The keys of find(text), in order (found without making a Match of each phrase)."""
        folded = self._folded(text)
        if folded is None or (self._han is not None and not text.isascii() and HAN.search(text)):
            return [m.key for m in self.find(text)]
        return self._scan_whole(text, folded, keys_only=True)

    def find(self, text: str) -> list[Match]:
        """Every phrase in `text`, leftmost-longest, without overlaps, in order of position."""
        folded = self._folded(text)
        found = self._scan_starts(text) if folded is None else self._scan_whole(text, folded)
        if self._han is not None and not text.isascii():
            taken = [(m.start, m.end) for m in found]
            for m in self._han.finditer(text):
                if not any(s < m.end() and m.start() < e for s, e in taken):
                    found.append(Match(self._han_keys[m.group(0)], m.start(), m.end(), m.group(0)))
            found.sort(key=lambda m: m.start)
        return found

    def _folded(self, text: str) -> str | None:
        """`text` lower-cased when the whole-phrase scan can run over it: the lower-cased text is the case-folded
        text, character for character."""
        if self._whole is None:
            return None
        folded = text.lower()
        return folded if len(folded) == len(text) and (text.isascii() or folded == text.casefold()) else None

"""Similar: find texts that are the same as, or nearly the same as, another text (the same story scraped twice).

A text is compared as the set of its word shingles: every run of SHINGLE consecutive words, lower-cased, with
punctuation dropped and each Han character counted as a word. Two texts are the *same* when their words are
the same (one digest each), and *nearly the same* when their shingle sets overlap enough: a Jaccard similarity
of at least NEAR, or at least CONTAINED of the smaller text's shingles found in the larger one (a scrape cut
short, or one with a paragraph of chrome left over).

No pair is compared unless it is likely to match, so the cost grows with the number of texts, not its square:
each text keeps a sample of its shingle hashes (those divisible by SAMPLE; every hash of a short text), an
inverted index maps each sampled hash to the texts holding it, and only texts that share enough samples to
reach the thresholds are compared in full. The hashes are stable (BLAKE2b, not Python's salted hash()), so the
same corpus gives the same answers on every run.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from generator.lexicon.text import HAN_CHARS

SHINGLE = 5  # words per shingle
SAMPLE = 8  # a long text indexes one shingle hash in SAMPLE
SHORT = 64  # a text with fewer shingles than this indexes all of them
NEAR = 0.6  # Jaccard similarity at or above which two texts are nearly the same (unrelated articles: < 0.05)
CONTAINED = 0.8  # share of the smaller text's shingles inside the larger one that also counts as nearly the same
MIN_CONTAINED = 40  # ...when the smaller text has at least this many shingles
CANDIDATE = 0.5  # compare in full when the sampled estimate reaches this share of a threshold
ARTICLE_SHARE = 0.2  # the article is at least this share of a scraped page's shingles (for likely_within)
MAX_POSTING = 1000  # a sampled hash held by more texts than this is common phrasing, not evidence

_TOKEN = re.compile(rf"[{HAN_CHARS}]|[^\W_{HAN_CHARS}]+")


def words(text: str) -> list[str]:
    """The lower-cased words of `text`: runs of letters and digits, and single Han characters."""
    return _TOKEN.findall(text.casefold())


@dataclass
class _Hasher:
    """Stable 64-bit hashes of words (BLAKE2b, cached: a corpus repeats its vocabulary) and of shingles."""

    cache: dict[str, int] = field(default_factory=dict)

    def shingles(self, tokens: list[str]) -> set[int]:
        cache = self.cache
        for token in set(tokens).difference(cache):
            cache[token] = int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "big")
        hashes = list(map(cache.__getitem__, tokens))
        if len(hashes) < SHINGLE:
            return {hash(tuple(hashes))} if hashes else set()
        # hash() of a tuple of ints is the same on every run (only str and bytes hashes are salted) and well mixed.
        return set(map(hash, zip(*(hashes[i:] for i in range(SHINGLE)), strict=False)))


@dataclass(frozen=True)
class Match:
    """Another text that is the same as, or nearly the same as, the one asked about."""

    key: str
    similarity: float  # 1.0 when identical; otherwise the larger of Jaccard and containment
    identical: bool


@dataclass(frozen=True)
class _Entry:
    digest: bytes
    size: int  # number of distinct shingles
    sample: frozenset[int]
    text: str


class SimilarityIndex:
    """Texts by key; ask which others are the same or nearly the same as one of them."""

    def __init__(self, keep_text: bool = True) -> None:
        """With `keep_text` off the index answers only `likely_within` (it cannot compare texts in full)."""
        self._keep_text = keep_text
        self._hasher = _Hasher()
        self._entries: dict[str, _Entry] = {}
        self._postings: dict[int, list[str]] = {}
        self._by_digest: dict[bytes, list[str]] = {}
        self.comparisons = 0  # full shingle-set comparisons made so far (to keep the index honest in tests)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def add(self, key: str, text: str) -> None:
        """Index `text` under `key` (a key can be added once)."""
        if key in self._entries:
            raise ValueError(f"{key!r} is already indexed")
        tokens = words(text)
        digest = hashlib.blake2b(" ".join(tokens).encode("utf-8"), digest_size=16).digest() if self._keep_text else b""
        shingles = self._hasher.shingles(tokens)
        sample = frozenset(shingles if len(shingles) < SHORT else (h for h in shingles if h % SAMPLE == 0))
        self._entries[key] = _Entry(digest, len(shingles), sample, text if self._keep_text else "")
        self._by_digest.setdefault(digest, []).append(key)
        for value in sample:
            self._postings.setdefault(value, []).append(key)

    def matches(self, key: str) -> list[Match]:
        """Every other text the same as or nearly the same as `key`'s: most similar first, then by key."""
        if not self._keep_text:
            raise ValueError("this index keeps no text to compare")
        entry = self._entries[key]
        if entry.size == 0:
            return []
        found = {other: Match(other, 1.0, True) for other in self._by_digest[entry.digest] if other != key}
        shared: Counter[str] = Counter()
        for value in entry.sample:
            posting = self._postings[value]
            if len(posting) <= MAX_POSTING:
                shared.update(posting)
        shingles: set[int] | None = None
        for other, count in shared.items():
            if other == key or other in found or not self._likely(entry, self._entries[other], count):
                continue
            if shingles is None:
                shingles = self._shingles(entry)
            similarity = self._compare(shingles, self._shingles(self._entries[other]))
            if similarity is not None:
                found[other] = Match(other, similarity, False)
        return sorted(found.values(), key=lambda m: (-m.similarity, m.key))

    def likely_within(self, text: str) -> list[str]:
        """Keys whose indexed text may hold enough of `text` for the two to be nearly the same once cleaned up.

        Meant for an index of raw pages, asked about the cleaned text A of one seed. A raw page B holds its own
        cleaned text, so whatever chrome surrounds it, B shares with A at least the shingles a match needs:
        NEAR (or CONTAINED) of A's when A is the smaller, and CONTAINED of B's article when B's is, taking an
        article to be at least ARTICLE_SHARE of its page. Judged loosely from the samples, so as to miss
        nothing; the few keys returned are then cleaned and compared in full."""
        shingles = self._hasher.shingles(words(text))
        if not shingles:
            return []
        shared: Counter[str] = Counter()
        for value in shingles:
            posting = self._postings.get(value)
            if posting and len(posting) <= MAX_POSTING:
                shared.update(posting)
        out = []
        for key, count in shared.items():
            page = self._entries[key].size
            estimate = count * (1 if page < SHORT else SAMPLE)
            need = NEAR * len(shingles)
            if len(shingles) >= MIN_CONTAINED:
                need = min(need, CONTAINED * max(MIN_CONTAINED, ARTICLE_SHARE * page))
            if estimate >= need * CANDIDATE:
                out.append(key)
        return sorted(out)

    def _shingles(self, entry: _Entry) -> set[int]:
        return self._hasher.shingles(words(entry.text))

    @staticmethod
    def _likely(a: _Entry, b: _Entry, shared_samples: int) -> bool:
        """Could the pair reach a threshold, judging by the samples they share?"""
        scale = 1 if a.size < SHORT and b.size < SHORT else SAMPLE
        common = min(shared_samples * scale, a.size, b.size)
        jaccard = common / (a.size + b.size - common)
        contained = common / min(a.size, b.size)
        return jaccard >= NEAR * CANDIDATE or (
            min(a.size, b.size) >= MIN_CONTAINED and contained >= CONTAINED * CANDIDATE
        )

    def _compare(self, a: set[int], b: set[int]) -> float | None:
        """The pair's similarity when it reaches a threshold, else None."""
        self.comparisons += 1
        common = len(a & b)
        if not common:
            return None
        jaccard = common / len(a | b)
        smaller = min(len(a), len(b))
        contained = common / smaller if smaller >= MIN_CONTAINED else 0.0
        if jaccard >= NEAR or contained >= CONTAINED:
            return max(jaccard, contained)
        return None

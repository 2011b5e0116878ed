"""Recognise: find registry companies and topics in a briefing's text, ranked by how central they are, and name its
source as the registry spells it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import cast

from generator.entities.phrases import PhraseMatcher
from generator.lexicon.outlets import display_case, outlet_key
from generator.lexicon.text import HAN
from generator.model import Registry, Source


def exact_case_name(alias: str) -> bool:
    """Company names match only as printed when they are acronyms, all caps, camel case or lower case
    ("NIO", "BEIJING brand", "BluePark", "smart"); other names match in any case ("geely", "Geely")."""
    if HAN.search(alias):
        return False
    tokens = re.findall(r"[A-Za-z]+", alias)
    if not any(c.isupper() for c in alias):
        return True
    return len(alias) <= 4 or any(
        (len(t) >= 2 and t.isupper()) or any(c.isupper() for c in t[1:]) for t in tokens
    )


def exact_case_keyword(phrase: str) -> bool:
    """Topic keywords match in any case unless they are acronyms ("EV", "JV", "LFP", "ICVs")."""
    return any(len(t) >= 2 and sum(c.isupper() for c in t) >= 2 for t in re.findall(r"[A-Za-z]+", phrase))


@dataclass(frozen=True)
class Mention:
    """One mention of a registry entry in a text."""

    slug: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Recogniser:
    """Matchers compiled once from a registry."""

    registry: Registry

    @cached_property
    def _companies(self) -> PhraseMatcher:
        return PhraseMatcher(
            (name, company.slug, exact_case_name(name))
            for company in self.registry.companies.values()
            for name in company.names
        )

    @cached_property
    def _keywords(self) -> PhraseMatcher:
        return PhraseMatcher(
            (k.phrase, (topic.slug, k.phrase, k.weight), exact_case_keyword(k.phrase))
            for topic in self.registry.topics.values()
            for k in topic.keywords
        )

    @cached_property
    def _recent(self) -> Callable[[str], tuple[Mention, ...]]:
        """mentions() remembering the last few hundred texts: recognising a briefing's companies and finding
        their first mentions read the same paragraphs (plain text and Markdown are mostly the same string)."""

        @lru_cache(maxsize=256)
        def find(text: str) -> tuple[Mention, ...]:
            return tuple(Mention(str(m.key), m.start, m.end, m.text) for m in self._companies.find(text))

        return find

    @cached_property
    def _outlets(self) -> dict[str, Source]:
        return {outlet_key(name): source for source in self.registry.sources.values() for name in source.names}

    @cached_property
    def _acronyms(self) -> frozenset[str]:
        """Registry names printed in capitals ("BAIC", "CAAM"): never title-cased inside an outlet's name."""
        names = [n for c in self.registry.companies.values() for n in c.names]
        names += [n for s in self.registry.sources.values() for n in s.names]
        return frozenset(w for name in names for w in name.split() if w.isupper())

    def source(self, name: str) -> Source | None:
        """The registry's outlet with `name` as its name or an alias (in any case, spacing, with or without a
        leading "The")."""
        return self._outlets.get(outlet_key(name))

    def source_name(self, name: str | None, printed: bool) -> str | None:
        """The registry's spelling of an outlet; an unknown one as given, or, when `printed` on a page in
        capitals, in title case where that is clearly safe."""
        if not name:
            return name
        known = self.source(name)
        if known is not None:
            return known.name
        return display_case(name, self._acronyms) if printed else name

    def mentions(self, text: str) -> tuple[Mention, ...]:
        """Every company mention in `text`, leftmost-longest, without overlaps."""
        return self._recent(text)

    def company_mentions(self, text: str) -> tuple[tuple[str, int, int], ...]:
        """Where `text` names a company (not an institution such as a ministry or an association): its slug, start
        and end."""
        companies = self.registry.companies
        return tuple((m.slug, m.start, m.end) for m in self.mentions(text) if not companies[m.slug].is_institution)

    def companies(self, title: str, paragraphs: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(companies, institutions) named in the title and body, most central first."""
        score: dict[str, float] = {}
        first: dict[str, int] = {}
        offset = 0
        for index, text in enumerate([title, *paragraphs]):
            for mention in self.mentions(text):
                weight = 3.0 if index == 0 else 1.5 if index == 1 else 1.0
                score[mention.slug] = score.get(mention.slug, 0.0) + weight
                first.setdefault(mention.slug, offset + mention.start)
            offset += len(text) + 1
        ranked = sorted(score, key=lambda slug: (-score[slug], first[slug], slug))
        companies = tuple(s for s in ranked if not self.registry.companies[s].is_institution)
        institutions = tuple(s for s in ranked if self.registry.companies[s].is_institution)
        return companies, institutions

    def topic_scores(self, title: str, paragraphs: list[str], named: tuple[str, ...] = ()) -> dict[str, int]:
        """Each topic's score: keyword weight times mentions (at most three per keyword), a title mention
        counting as two more; plus the topic's weight for each kind of organisation named (at most two each)."""
        body: Counter[Hashable] = Counter(self._keywords.keys("\n".join(paragraphs)))
        head: Counter[Hashable] = Counter(self._keywords.keys(title))
        scores = dict.fromkeys(self.registry.topics, 0)
        for key in body.keys() | head.keys():
            slug, _, weight = cast(tuple[str, str, int], key)  # the keys _keywords was built with
            scores[slug] += weight * (min(body[key], 3) + 2 * min(head[key], 1))
        kinds = Counter(self.registry.companies[s].kind for s in named if s in self.registry.companies)
        for topic in self.registry.topics.values():
            scores[topic.slug] += sum(weight * min(kinds[kind], 2) for kind, weight in topic.kinds)
        return scores

    def topics(self, title: str, paragraphs: list[str], named: tuple[str, ...] = ()) -> tuple[str, ...]:
        """Topics whose score reaches their threshold, highest first."""
        scores = self.topic_scores(title, paragraphs, named)
        chosen = [s for s, total in scores.items() if total >= self.registry.topics[s].min_score]
        return tuple(sorted(chosen, key=lambda s: (-scores[s], s)))

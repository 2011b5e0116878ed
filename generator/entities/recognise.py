"""Recognise: find registry companies and topics in a briefing's text, ranked by how much it is about them
(entities/focus.py), and name its source as the registry spells it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import cast

from generator.entities.focus import (
    about_vehicles,
    choose_topics,
    presences,
    rank_organisations,
    subjects,
    topic_evidence,
)
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
class Organisations:
    """The organisations a briefing names, most prominent first: companies, institutions, and the subjects among
    either (what the briefing is about; the others are only mentioned)."""

    companies: tuple[str, ...]
    institutions: tuple[str, ...]
    subjects: tuple[str, ...]


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
    def _outlets_named(self) -> frozenset[str]:
        """Registry organisations that are news media."""
        return frozenset(c.slug for c in self.registry.companies.values() if c.kind == "media")

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

    def organisations(self, title: str, paragraphs: list[str]) -> Organisations:
        """The companies and institutions named in the title and body, most prominent first, and the subjects
        among them (entities/focus.py)."""
        found = presences((index, mention.start, mention.slug)
                          for index, text in enumerate([title, *paragraphs]) for mention in self.mentions(text))
        ranked = rank_organisations(found)
        companies = tuple(s for s in ranked if not self.registry.companies[s].is_institution)
        institutions = tuple(s for s in ranked if self.registry.companies[s].is_institution)
        return Organisations(companies, institutions, subjects(found, self._outlets_named))

    def topic_evidence(self, title: str, paragraphs: list[str], named: tuple[str, ...] = ()) -> dict[str, float]:
        """Each topic's evidence in the title and body (entities/focus.py), given the organisations `named`; none
        when the text is not about the car market."""
        kinds = Counter(self.registry.companies[s].kind for s in named if s in self.registry.companies)
        texts = [title, *paragraphs]
        if not about_vehicles(texts, kinds):
            return {}
        matches = ((index, *cast(tuple[str, str, int], key))  # the keys _keywords was built with
                   for index, text in enumerate(texts) for key in self._keywords.keys(text))
        return topic_evidence(matches, kinds, self.registry)

    def topics(self, title: str, paragraphs: list[str], named: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The topics the title and body are clearly about, most first (entities/focus.py)."""
        return choose_topics(self.topic_evidence(title, paragraphs, named).items(), self.registry)

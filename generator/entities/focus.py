"""Focus: how much a briefing is about each topic and organisation it names, and so what it is tagged with.

A mention weighs more the earlier it comes: in the headline, then in the lede (the first paragraph), then further
down (PLACE_WEIGHTS). A topic's evidence is the weight of its keywords times the place of each mention (the first
KEYWORD_MENTIONS of each keyword count), plus what the organisations named say about it (registry `kinds`). A
briefing carries at most MAX_TOPICS topics: those whose evidence, beyond what the wiki's typical briefing says
about the topic, reaches the topic's `min_score`, and that are not an aside next to the briefing's main topic
(TOPIC_FOCUS). An organisation's evidence is the place of each of its mentions; the organisations a briefing is
about (its subjects) are the ones its headline names, and those named at least half as prominently as the most
prominent one; every other one is only mentioned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from generator.model import Briefing, Registry

# A mention in the headline, in the lede (the first paragraph) and further down.
PLACE_WEIGHTS = (2.0, 1.5, 1.0)
KEYWORD_MENTIONS = 3  # mentions of one keyword that count: a word repeated is no broader evidence
MAX_TOPICS = 5
# A topic with less evidence than this share of the briefing's main topic is an aside, whatever its own score.
TOPIC_FOCUS = 0.15
# An organisation named at least this share as prominently as the briefing's most prominent one is a subject.
SUBJECT_SHARE = 0.5
MAX_SUBJECTS = 5
# The typical briefing's evidence for a topic is a median over the wiki's briefings and this many that never
# mention it: a small wiki has no typical level yet (zero), a large one learns it from its briefings.
PRIOR_BRIEFINGS = 20
# The wiki is about the car market. A text that names no vehicle and no carmaker, brand, joint venture or supplier
# shares words with the topics ("government", "prices", "plant", "cells") without being about any of them.
VEHICLE_WORDS = re.compile(
    r"\b(?:cars?|vehicles?|automobiles?|automakers?|carmakers?|automotive|autos?|EVs?|NEVs?|SUVs?|trucks?|bus(?:es)?)\b"
    r"|汽车|车",
    re.IGNORECASE)
INDUSTRY_KINDS = frozenset({"automaker", "brand", "joint-venture", "supplier"})


def place_weight(index: int) -> float:
    """The weight of a mention in text number `index` of a briefing: 0 the headline, 1 the lede, then the body."""
    return PLACE_WEIGHTS[min(index, len(PLACE_WEIGHTS) - 1)]


@dataclass(frozen=True)
class Presence:
    """How an organisation is named in a briefing: the summed place weights of its mentions, how many there are,
    where the first is (text index, offset) and whether the headline names it."""

    weight: float
    mentions: int
    first: tuple[int, int]
    in_headline: bool


def presences(mentions: Iterable[tuple[int, int, str]]) -> dict[str, Presence]:
    """Each organisation's presence from its mentions, given as (text index, offset, slug) in reading order."""
    first: dict[str, tuple[int, int]] = {}
    weight: dict[str, float] = {}
    count: dict[str, int] = {}
    for index, offset, slug in mentions:
        if slug in first:
            weight[slug] += place_weight(index)
            count[slug] += 1
        else:
            first[slug], weight[slug], count[slug] = (index, offset), place_weight(index), 1
    return {slug: Presence(weight[slug], count[slug], at, at[0] == 0) for slug, at in first.items()}


def rank_organisations(found: Mapping[str, Presence]) -> list[str]:
    """Slugs by prominence: most weight first, then the earliest named."""
    return sorted(found, key=lambda slug: (-found[slug].weight, found[slug].first, slug))


def subjects(found: Mapping[str, Presence], outlets: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The organisations a briefing is about, most prominent first: those its headline names, the most prominent
    one when it is named more than once, and those named at least SUBJECT_SHARE as prominently. An outlet
    (`outlets`: news media) is quoted as a source far more often than it is the story: only the headline makes it
    a subject."""
    ranked = rank_organisations(found)
    if not ranked:
        return ()
    top = found[ranked[0]].weight
    chosen = []
    for slug in ranked:
        seen = found[slug]
        if seen.in_headline:
            chosen.append(slug)
        elif slug in outlets:
            continue
        elif seen.mentions > 1 and (slug == ranked[0] or seen.weight >= SUBJECT_SHARE * top):
            chosen.append(slug)
    return tuple(chosen[:MAX_SUBJECTS])


def about_vehicles(texts: Iterable[str], named_kinds: Mapping[str, int]) -> bool:
    """Whether a briefing (its texts, and the kinds of organisation it names) is about the car market at all."""
    return any(named_kinds.get(kind) for kind in INDUSTRY_KINDS) or any(VEHICLE_WORDS.search(t) for t in texts)


def topic_evidence(matches: Iterable[tuple[int, str, str, int]], named_kinds: Mapping[str, int],
                   registry: Registry) -> dict[str, float]:
    """Each topic's evidence from its keyword matches, given as (text index, topic slug, keyword, weight) in reading
    order, and from the kinds of organisation the briefing names (kind -> how many, at most two counting)."""
    evidence: dict[str, float] = {}
    counted: dict[tuple[str, str], int] = {}
    for index, slug, phrase, weight in matches:
        key = (slug, phrase)
        if counted.get(key, 0) >= KEYWORD_MENTIONS:
            continue
        counted[key] = counted.get(key, 0) + 1
        evidence[slug] = evidence.get(slug, 0.0) + weight * place_weight(index)
    for topic in registry.topics.values():
        extra = sum(weight * min(named_kinds.get(kind, 0), 2) for kind, weight in topic.kinds)
        if extra:
            evidence[topic.slug] = evidence.get(topic.slug, 0.0) + extra
    return evidence


def ranked(evidence: Mapping[str, float]) -> tuple[tuple[str, float], ...]:
    """Evidence by topic as pairs, most first (ties by slug)."""
    return tuple(sorted(evidence.items(), key=lambda item: (-item[1], item[0])))


def choose_topics(evidence: Iterable[tuple[str, float]], registry: Registry,
                  typical: Mapping[str, float] | None = None) -> tuple[str, ...]:
    """The topics a briefing is clearly about, most first: evidence beyond the typical briefing's (`typical`, by
    slug; none known: zero) reaching the topic's min_score, at least TOPIC_FOCUS of the main topic's evidence, at
    most MAX_TOPICS."""
    typical = typical or {}
    known = [(slug, value) for slug, value in evidence if slug in registry.topics]
    if not known:
        return ()
    top = max(value for _, value in known)
    beyond = {slug: value - typical.get(slug, 0.0) for slug, value in known}
    chosen = [slug for slug, value in known
              if beyond[slug] >= registry.topics[slug].min_score and value >= TOPIC_FOCUS * top]
    return tuple(sorted(chosen, key=lambda slug: (-beyond[slug], slug))[:MAX_TOPICS])


def typical_evidence(evidence: Sequence[Iterable[tuple[str, float]]]) -> dict[str, float]:
    """Each topic's evidence in the typical briefing: the level at least half of the briefings reach, counting
    `evidence` (one briefing's each) and PRIOR_BRIEFINGS briefings without the topic (the upper median); only
    topics where that is above zero."""
    values: dict[str, list[float]] = {}
    for one in evidence:
        for slug, value in one:
            values.setdefault(slug, []).append(value)
    total = len(evidence) + PRIOR_BRIEFINGS
    middle = total // 2  # ascending, the upper median's place
    typical = {}
    for slug, found in values.items():
        if len(found) > total - middle - 1:  # enough briefings have the topic for the median to be one of them
            ordered = sorted(found, reverse=True)
            typical[slug] = ordered[total - middle - 1]
    return typical


def refocus(registry: Registry, briefings: list[Briefing]) -> list[Briefing]:
    """The briefings with their topics chosen against the wiki's typical briefing (typical_evidence): a topic that
    most briefings touch is kept only where a briefing says more about it than they do. Topics an editor lists in
    front matter are kept as listed."""
    typical = typical_evidence([b.topic_evidence for b in briefings])
    if not typical:
        return briefings  # each briefing's topics were chosen against zero already
    out = []
    for briefing in briefings:
        if not isinstance(briefing.front_matter.data.get("topics"), list):
            topics = choose_topics(briefing.topic_evidence, registry, typical)
            if topics != briefing.topics:
                briefing = replace(briefing, topics=topics)
        out.append(briefing)
    return out

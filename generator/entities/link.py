"""Link: the whole-corpus pass. Back-links, related briefings, co-mentions and counts for every page."""

from __future__ import annotations

import bisect
import heapq
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import chain
from typing import TYPE_CHECKING

from generator.entities.focus import refocus
from generator.entities.recognise import Recogniser
from generator.markup import protected_spans
from generator.model import Block, BlockKind, Briefing, Corpus, Registry

if TYPE_CHECKING:
    from generator.runtime.incremental import BuildCache

RELATED_LIMIT = 5
# Topics are broad: a topic shared with thousands of briefings only breaks ties between company-linked ones.
_TOPIC_WEIGHT = 1
_COMPANY_WEIGHT = 3
# Only the newest briefings of a much-covered company or topic are candidates, so finding related briefings
# costs the same per briefing at 20,000 briefings as at 20 (linear, not quadratic, in the corpus).
_CANDIDATES_PER_ENTITY = 100


def newest_first(briefings: list[Briefing]) -> tuple[Briefing, ...]:
    """Newest first, by publication date, or by the date added when that is unknown (a briefing with neither,
    which only a build without dates added makes, comes last)."""
    return tuple(sorted(briefings, key=lambda b: (b.listed_date, b.slug), reverse=True))


def _related(briefing: Briefing, top_company: dict[str, tuple[str, ...]], top_topic: dict[str, tuple[str, ...]],
             rank: dict[str, int], topic_sets: dict[str, frozenset[str]]) -> list[str]:
    """Slugs of the briefings sharing companies (strongly) or topics (weakly) with `briefing`, best first."""
    me = briefing.slug
    strong = [top_company.get(s, ()) for s in briefing.companies]
    strong += [top_company.get(s, ()) for s in briefing.institutions if s in briefing.companies]
    weak = [top_company.get(s, ()) for s in briefing.institutions if s not in briefing.companies]
    # Counting in C: each company-linked candidate once per list it is on, three times for a company's lists.
    base = Counter(chain(*(strong * _COMPANY_WEIGHT), *weak))
    base.pop(me, None)
    topics = topic_sets[me]
    if len(base) < RELATED_LIMIT:  # too few: briefings that share topics only join in
        contenders = dict(base)
        for topic in briefing.topics:
            for other in top_topic.get(topic, ()):
                if other != me:
                    contenders.setdefault(other, 0)
        score = {o: v + _TOPIC_WEIGHT * len(topics & topic_sets[o]) for o, v in contenders.items()}
        return sorted(score, key=lambda s: (-score[s], rank[s]))[:RELATED_LIMIT]
    # Best company score first; shared topics add at most `most`, so once a candidate that far behind the fifth
    # best score so far comes up, no later one can reach the top five.
    most = _TOPIC_WEIGHT * len(topics)
    fifth: list[int] = []  # min-heap of the best RELATED_LIMIT scores so far
    score = {}
    for other, value in base.most_common():
        if len(fifth) == RELATED_LIMIT and value + most < fifth[0]:
            break
        score[other] = total = value + _TOPIC_WEIGHT * len(topics & topic_sets[other])
        if len(fifth) < RELATED_LIMIT:
            heapq.heappush(fifth, total)
        elif total > fifth[0]:
            heapq.heapreplace(fifth, total)
    return sorted(score, key=lambda s: (-score[s], rank[s]))[:RELATED_LIMIT]


def link_corpus(registry: Registry, briefings: list[Briefing], cache: BuildCache | None = None) -> Corpus:
    """Index the corpus by company, topic and source and find each briefing's related briefings (or, with a cache,
    reuse the last build's when they still hold). Topics are chosen against the corpus first (focus.refocus)."""
    ordered = newest_first(refocus(registry, briefings))
    rank = {b.slug: i for i, b in enumerate(ordered)}
    by_company: dict[str, list[Briefing]] = defaultdict(list)
    by_topic: dict[str, list[Briefing]] = defaultdict(list)
    by_source: dict[str, list[Briefing]] = defaultdict(list)
    source_slugs = registry.source_slugs
    for briefing in ordered:
        if briefing.meta.source in source_slugs:
            by_source[source_slugs[briefing.meta.source]].append(briefing)
        for slug in (*briefing.companies, *briefing.institutions):
            if slug in registry.companies:
                by_company[slug].append(briefing)
        for topic in briefing.topics:
            if topic in registry.topics:
                by_topic[topic].append(briefing)

    def find() -> dict[str, tuple[Briefing, ...]]:
        """Each briefing's related ones; only the newest briefings of a much-covered company or topic are
        candidates."""
        by_slug = {b.slug: b for b in ordered}
        top_company = {k: tuple(b.slug for b in v[:_CANDIDATES_PER_ENTITY]) for k, v in by_company.items()}
        top_topic = {k: tuple(b.slug for b in v[:_CANDIDATES_PER_ENTITY]) for k, v in by_topic.items()}
        topic_sets = {b.slug: frozenset(b.topics) for b in ordered}
        return {b.slug: tuple(by_slug[s] for s in _related(b, top_company, top_topic, rank, topic_sets))
                for b in ordered}

    related = find() if cache is None else cache.related_lists(ordered, find)
    return Corpus(
        registry=registry,
        briefings=ordered,
        by_company={k: tuple(v) for k, v in by_company.items()},
        by_topic={k: tuple(v) for k, v in by_topic.items()},
        by_source={k: tuple(v) for k, v in by_source.items()},
        related=related,
    )


FirstMention = tuple[int, int, int, str]  # block index, start, end, company slug


def first_mentions(blocks: tuple[Block, ...], slugs: tuple[str, ...], recogniser: Recogniser) -> tuple[
        FirstMention, ...]:
    """Where each of `slugs` is first named in the body's paragraphs, lists and quotes, outside links, code,
    entities and escapes: what render links to the company's page."""
    todo = set(slugs)
    found: list[FirstMention] = []
    for index, block in enumerate(blocks):
        if not todo:
            break
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST, BlockKind.QUOTE):
            continue
        text = block.text
        protected: list[tuple[int, int]] | None = None
        for mention in recogniser.mentions(text):
            if mention.slug not in todo or text[mention.start - 1 : mention.start] == "\\":
                continue
            if protected is None:
                protected = protected_spans(text)
            # The spans are sorted and do not overlap: only the last one starting before the mention's end can
            # overlap it.
            before = bisect.bisect_left(protected, (mention.end,))
            if before and protected[before - 1][1] > mention.start:
                continue
            found.append((index, mention.start, mention.end, mention.slug))
            todo.discard(mention.slug)
    return tuple(found)


def apply_links(blocks: tuple[Block, ...], mentions: tuple[FirstMention, ...], href: dict[str, str]) -> tuple[
        Block, ...]:
    """The blocks with each mention (from first_mentions) turned into a link to href[slug]."""
    by_block: dict[int, list[FirstMention]] = defaultdict(list)
    for mention in mentions:
        by_block[mention[0]].append(mention)
    out = list(blocks)
    for index, spans in by_block.items():
        text, pieces, last = blocks[index].text, [], 0
        for _, start, end, slug in sorted(spans):
            pieces += [text[last:start], f"[{text[start:end]}]({href[slug]})"]
            last = end
        pieces.append(text[last:])
        out[index] = replace(blocks[index], text="".join(pieces))  # the same words: the plain text holds
    return tuple(out)

"""Chips: the links at the head of a briefing page, to the pages of what it is about (its subject companies and
institutions, its topics), of its source, and of the organisations it only mentions (shown collapsed)."""

from __future__ import annotations

from generator.model import Briefing, Registry

Links = list[tuple[str, str]]  # (name, relative link from a briefing page)


def _organisations(registry: Registry, slugs: tuple[str, ...]) -> Links:
    return [(registry.companies[s].name, f"../companies/{s}.md") for s in slugs if s in registry.companies]


def briefing_chips(briefing: Briefing, registry: Registry) -> dict[str, Links]:
    """The chip rows of a briefing page by name: companies and institutions (its subjects, in rank order), topics,
    source (when the registry has the outlet, and so a page for it) and mentioned (the other organisations)."""
    source = registry.source_slugs.get(briefing.meta.source or "")
    return {
        "companies": _organisations(registry, tuple(s for s in briefing.companies if s in briefing.subjects)),
        "institutions": _organisations(registry, tuple(s for s in briefing.institutions if s in briefing.subjects)),
        "topics": [(registry.topics[s].name, f"../topics/{s}.md") for s in briefing.topics if s in registry.topics],
        "source": [(registry.sources[source].name, f"../sources/{source}.md")] if source else [],
        "mentioned": _organisations(registry, briefing.mentioned),
    }

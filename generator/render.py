"""Render: the Jinja2 environment that turns briefings into Markdown pages (front matter is dumped, never templated)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator import frontmatter
from generator.entities.link import Corpus, apply_links, newest_first
from generator.entities.recognise import Recogniser
from generator.entities.registry import KINDS, Company, Topic
from generator.feeds import atom_feed, json_export
from generator.model import Briefing

KIND_LABELS = {
    "automaker": "Automakers",
    "brand": "Brands",
    "joint-venture": "Joint ventures",
    "supplier": "Suppliers",
    "technology": "Technology companies",
    "government": "Government and regulators",
    "association": "Industry associations",
    "media": "News media",
    "finance": "Exchanges and investors",
}
SITE_TITLE = "China Auto Market Briefings"
FIGURE_BRIEFINGS = 10  # a company page gathers the key figures of its newest briefings
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]>|#{}])")


def md_escape(text: object) -> str:
    """Escape text so Markdown shows it literally (and raw HTML cannot sneak in)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text).replace("&", "&amp;").replace("<", "&lt;"))


@cache
def environment() -> Environment:
    """The template environment; autoescape is off because templates produce Markdown, not HTML."""
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_escape
    return env


def front_matter(briefing: Briefing) -> dict[str, object]:
    """The front-matter mapping of a briefing page, in a fixed key order."""
    meta = briefing.meta
    data: dict[str, object] = {
        "title": meta.title,
        "date": meta.date,
        "source": meta.source,
        "author": meta.author,
        "companies": list(briefing.companies),
        "topics": list(briefing.topics),
        "institutions": list(briefing.institutions),
        "seed": briefing.seed,
        "summary": briefing.summary,
        "language": briefing.language,
        "word_count": briefing.word_count,
        "reading_time": briefing.reading_minutes,
        "key_figures": [{"value": f.value, "context": f.context} for f in briefing.figures],
        "original": original_path(briefing),
        "hide": ["navigation"],
    }
    if meta.url:
        data["url"] = meta.url
    return data


def _href(from_dir: str, path: str) -> str:
    """A relative Markdown link from a page in `from_dir` ("" or "briefings") to `path`."""
    return path if not from_dir else "../" + path


def _company_links(corpus: Corpus, slugs: tuple[str, ...], from_dir: str) -> list[tuple[str, str]]:
    companies = corpus.registry.companies
    return [(companies[s].name, _href(from_dir, f"companies/{s}.md")) for s in slugs if s in companies]


def _topic_links(corpus: Corpus, slugs: tuple[str, ...], from_dir: str) -> list[tuple[str, str]]:
    topics = corpus.registry.topics
    return [(topics[s].name, _href(from_dir, f"topics/{s}.md")) for s in slugs if s in topics]


def original_path(briefing: Briefing) -> str:
    """Where the seed's own text is published in the site (plain text, never rendered)."""
    return f"sources/{briefing.slug}.txt"  # the slug: ASCII, unique, safe in a URL whatever the seed is called


def render_briefing(briefing: Briefing, corpus: Corpus) -> str:
    """A briefing page: front matter, company and topic chips, the article with first mentions linked,
    and related briefings."""
    href = {slug: f"../companies/{slug}.md" for *_, slug in briefing.mentions}
    blocks = apply_links(briefing.blocks, briefing.mentions, href)
    body = environment().get_template("briefing.md.j2").render(
        briefing=briefing,
        body="\n\n".join(block.text for block in blocks),
        companies=_company_links(corpus, briefing.companies, "briefings"),
        institutions=_company_links(corpus, briefing.institutions, "briefings"),
        topics=_topic_links(corpus, briefing.topics, "briefings"),
        related=corpus.related.get(briefing.slug, ()),
    )
    return frontmatter.dump(front_matter(briefing)) + "\n" + body


def by_recency(briefings: list[Briefing] | tuple[Briefing, ...]) -> list[Briefing]:
    """Newest first; undated briefings last, in title order."""
    return list(newest_first(list(briefings)))


def render_listing(briefings: list[Briefing] | tuple[Briefing, ...], template: str, **extra: object) -> str:
    """A listing page (all briefings, or the latest few for the home page)."""
    return environment().get_template(template).render(briefings=by_recency(briefings), **extra)


def render_company(company: Company, corpus: Corpus) -> str:
    """A company page: profile, relationships, briefings, co-mentions and topics."""
    registry = corpus.registry
    ventures = [(jv, [registry.companies[p] for p in jv.partners if p != company.slug])
                for jv in registry.ventures(company.slug)]
    data = {"title": company.name, "description": company.description or company.name,
            "company": company.slug, "kind": company.kind, "aliases": list(company.aliases),
            # Material's search weighs tags far above text: the page ranks first for any of its names.
            # A group with many brands outranks one of its brands when a search matches both ("北汽").
            "tags": list(company.names), "search": {"boost": min(6, 2 + len(registry.children(company.slug)) / 2)},
            "hide": ["navigation"]}
    body = environment().get_template("company.md.j2").render(
        company=company,
        parent=registry.companies.get(company.parent) if company.parent else None,
        children=sorted(registry.children(company.slug), key=lambda c: c.name.casefold()),
        ventures=sorted(ventures, key=lambda v: v[0].name.casefold()),
        partners=[registry.companies[p] for p in company.partners],
        briefings=corpus.by_company.get(company.slug, ()),
        co_mentions=[(registry.companies[s], n) for s, n in corpus.co_mentions(company.slug)],
        topics=[(registry.topics[t], n) for t, n in corpus.topics_of(company.slug)],
        figures=[(b, f) for b in corpus.by_company.get(company.slug, ())[:FIGURE_BRIEFINGS] for f in b.figures],
    )
    return frontmatter.dump(data) + "\n" + body


def render_topic(topic: Topic, corpus: Corpus) -> str:
    """A topic page: description, briefings newest first, companies most associated."""
    data = {"title": topic.name, "description": topic.description or topic.name, "topic": topic.slug,
            "tags": [topic.name], "search": {"boost": 2}, "hide": ["navigation"]}
    body = environment().get_template("topic.md.j2").render(
        topic=topic,
        briefings=corpus.by_topic.get(topic.slug, ()),
        companies=[(corpus.registry.companies[s], n) for s, n in corpus.companies_of_topic(topic.slug)],
    )
    return frontmatter.dump(data) + "\n" + body


def _timeline(briefings: tuple[Briefing, ...]) -> list[tuple[str, list[tuple[str, list[Briefing]]]]]:
    """Briefings grouped by year, then month (newest first); undated last as year "Undated"."""
    years: dict[str, dict[str, list[Briefing]]] = {}
    for briefing in briefings:
        date = briefing.meta.date
        year = date[:4] if date else "Undated"
        month = MONTH_NAMES[int(date[5:7]) - 1] if date else ""
        years.setdefault(year, {}).setdefault(month, []).append(briefing)
    return [(year, list(months.items())) for year, months in years.items()]


def render_site(
    corpus: Corpus, recogniser: Recogniser, base_url: str = "", cache: dict[object, str] | None = None
) -> dict[str, str]:
    """Every generated page (and the feed and JSON export) by path relative to the docs folder, in path order.
    `cache` (kept by `mkdocs serve` between rebuilds) holds briefing pages whose inputs have not changed."""
    env = environment()
    registry = corpus.registry
    pages = {}
    memo = _Memo(cache)
    for b in corpus.briefings:
        # A related list shows each briefing's title, date and source: a correction to its text changes nothing.
        related = tuple((r.slug, r.meta.title, r.meta.date, r.meta.source) for r in corpus.related.get(b.slug, ()))
        pages[f"briefings/{b.slug}.md"] = memo(("briefing", b.token, related), render_briefing, b, corpus)
    pages.update({original_path(b): b.original for b in corpus.briefings})
    pages["briefings.md"] = render_listing(corpus.briefings, "briefings.md.j2")
    for company in registry.companies.values():
        pages[f"companies/{company.slug}.md"] = render_company(company, corpus)
    for topic in registry.topics.values():
        pages[f"topics/{topic.slug}.md"] = render_topic(topic, corpus)
    groups = [(kind, KIND_LABELS[kind], sorted((c for c in registry.companies.values() if c.kind == kind),
                                               key=lambda c: c.name.casefold()))
              for kind in KINDS]
    pages["companies.md"] = env.get_template("companies.md.j2").render(
        groups=[g for g in groups if g[2]], counts={s: len(b) for s, b in corpus.by_company.items()},
        total=len(registry.companies))
    pages["topics.md"] = env.get_template("topics.md.j2").render(
        topics=sorted(registry.topics.values(), key=lambda t: t.name.casefold()),
        counts={s: len(b) for s, b in corpus.by_topic.items()})
    pages["feed.xml"] = atom_feed(corpus.briefings, SITE_TITLE, base_url)
    pages["briefings.json"] = json_export(corpus.briefings, base_url)
    pages["timeline.md"] = env.get_template("timeline.md.j2").render(
        years=_timeline(corpus.briefings), total=len(corpus.briefings))
    memo.done()
    return dict(sorted(pages.items()))


class _Memo:
    """Pages rendered by an earlier build in the same process, by a key naming everything they depend on (with
    the registry, the build date and the generator's code, which the cache is only valid for)."""

    def __init__(self, cache: dict[object, str] | None) -> None:
        """Read from `cache`; done() keeps only the entries this build used."""
        self.cache = cache
        self.used: dict[object, str] = {}

    def __call__(self, key: object, render: Callable[..., str], *args: object) -> str:
        """The page for `key`, rendered with render(*args) unless the cache has it."""
        if self.cache is None:
            return render(*args)
        text = self.cache.get(key)
        if text is None:
            text = render(*args)
        self.used[key] = text
        return text

    def done(self) -> None:
        """Forget pages nothing in this build asked for."""
        if self.cache is not None:
            self.cache.clear()
            self.cache.update(self.used)

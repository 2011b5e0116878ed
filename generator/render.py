"""Render: the Jinja2 environment that turns briefings into Markdown pages (front matter is dumped, never templated)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator import frontmatter
from generator.chips import briefing_chips
from generator.entities.link import apply_links, newest_first
from generator.feeds import atom_feed, json_export, json_record
from generator.figure_tables import FIGURES_SHOWN, company_figures, figure_exports, figure_pages
from generator.lexicon.markdown import escape
from generator.model import KINDS, Briefing, Company, Corpus, Pages, Source, Topic
from generator.paging import (
    ARCHIVE_PAGE_SIZE,
    ENTITY_PAGE_SIZE,
    LISTING_PAGE_SIZE,
    TIMELINE_PAGE_SIZE,
    Pager,
    chunks,
    docs_root,
    pagers,
    relative,
)
from generator.redirects import redirect_pages
from generator.runtime.incremental import BuildCache, PageMemo

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
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


class Markdown(str):
    """Text that is Markdown already: the templates print it as it is (every other value is escaped)."""

    __slots__ = ()


def md_escape(text: object) -> Markdown:
    """Escape text so Markdown shows it literally (and raw HTML cannot sneak in); Markdown is left as it is."""
    if type(text) is str:  # the common case first: every {{ }} value of every page comes here
        return _md_escape(text)
    return text if isinstance(text, Markdown) else _md_escape(str(text))


@lru_cache(maxsize=16384)  # titles and names are listed on many pages
def _md_escape(text: str) -> Markdown:
    return Markdown(escape(text))


def as_markdown(text: object) -> Markdown:
    """The `markdown` filter: mark a value that is Markdown already (a briefing's body), printed unescaped."""
    return text if isinstance(text, Markdown) else Markdown(str(text))


def as_url(target: object) -> Markdown:
    """The `url` filter: a link target the generator made (a relative path, maybe with a #fragment), with anything
    that could end the target or the link percent-encoded."""
    return _as_url(str(target))


@lru_cache(maxsize=16384)  # slugs and relative roots recur on every listing
def _as_url(target: str) -> Markdown:
    return Markdown(quote(target, safe="/#.-_~"))


def as_https(address: object) -> Markdown:
    """The `https` filter: an outside https address (a source's home page) as a link target, with anything that
    could end the link percent-encoded; "" for any other scheme."""
    text = str(address)
    return Markdown(quote(text, safe=":/#.-_~%+") if text.startswith("https://") else "")


@cache
def environment() -> Environment:
    """The template environment. HTML autoescape is off because templates produce Markdown; instead every `{{ }}`
    value is Markdown-escaped (finalize), unless a filter made it Markdown: `url` (a link target), `https` (an
    outside address) or `markdown` (Markdown the generator wrote, such as a briefing's body). No template escapes
    by hand."""
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        autoescape=False,
        finalize=md_escape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates are package files: no stat of each one every time a page is rendered
    )
    env.filters["url"] = as_url
    env.filters["markdown"] = as_markdown
    env.filters["https"] = as_https
    return env


def front_matter(briefing: Briefing) -> dict[str, object]:
    """The front-matter mapping of a briefing page, in a fixed key order."""
    meta = briefing.meta
    data: dict[str, object] = {
        "title": meta.title,
        "date": meta.date,
        "added": briefing.added or None,
        "source": meta.source,
        "author": meta.author,
        "companies": list(briefing.companies),
        "topics": list(briefing.topics),
        "institutions": list(briefing.institutions),
        "subjects": list(briefing.subjects),
        "mentioned": list(briefing.mentioned),
        "seed": briefing.seed,
        "summary": briefing.summary,
        "language": briefing.language,
        "word_count": briefing.word_count,
        "reading_time": briefing.reading_minutes,
        "key_figures": [f.record() for f in briefing.figures],
        "original": original_path(briefing),
        "hide": ["navigation"],
    }
    extra = {"url": meta.url, "aliases": list(briefing.aliases)}  # only when there is one
    return data | {key: value for key, value in extra.items() if value}


def original_path(briefing: Briefing) -> str:
    """Where the seed's own text is published in the site (plain text, never rendered)."""
    return f"sources/{briefing.slug}.txt"  # the slug: ASCII, unique, safe in a URL whatever the seed is called


def render_briefing(briefing: Briefing, corpus: Corpus) -> str:
    """A briefing page: front matter, chips for the companies and institutions it is about, its topics and source,
    the organisations it only mentions (collapsed), the article with first mentions linked, and related briefings."""
    href = {slug: f"../companies/{slug}.md" for *_, slug in briefing.mentions}
    blocks = apply_links(briefing.blocks, briefing.mentions, href)
    body = environment().get_template("briefing.md.j2").render(
        briefing=briefing,
        body="\n\n".join(block.text for block in blocks),
        **briefing_chips(briefing, corpus.registry),
        related=corpus.related.get(briefing.slug, ()),
    )
    return frontmatter.dump(front_matter(briefing)) + "\n" + body


def by_recency(briefings: list[Briefing] | tuple[Briefing, ...]) -> list[Briefing]:
    """Newest first; undated briefings last, in title order."""
    return list(newest_first(list(briefings)))


def render_listing(briefings: list[Briefing] | tuple[Briefing, ...], template: str, **extra: object) -> str:
    """A one-page listing (the home page's latest briefings)."""
    return environment().get_template(template).render(briefings=by_recency(briefings), **extra)


def _span(briefings: tuple[Briefing, ...]) -> str:
    """The dates a run of briefings (newest first) covers, or "" when none is dated."""
    dates = [b.meta.date for b in briefings if b.meta.date]
    if not dates:
        return ""
    return dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"


def _split(briefings: tuple[Briefing, ...]) -> list[tuple[Briefing, ...]]:
    """A company's or topic's briefings by page: the newest ENTITY_PAGE_SIZE, then ARCHIVE_PAGE_SIZE a page."""
    newest, older = briefings[:ENTITY_PAGE_SIZE], briefings[ENTITY_PAGE_SIZE:]
    return [newest, *(chunks(older, ARCHIVE_PAGE_SIZE) if older else [])]


def _older_pages(first: str, name: str, relation: str, runs: list[tuple[Briefing, ...]]) -> dict[str, str]:
    """Page 2 onwards of a company or topic page: its older briefings, one line each."""
    total = sum(len(run) for run in runs)
    pages = {}
    start = len(runs[0]) + 1
    for pager, run in zip(pagers(first, len(runs))[1:], runs[1:], strict=True):
        stop = start + len(run) - 1
        title = f"{name}: briefings, page {pager.number} of {pager.count}"
        data = {"title": title, "description": f"Briefings {start}–{stop} of {total} {relation} {name}, "
                "newest first.", "search": {"exclude": True}, "hide": ["navigation"]}
        body = environment().get_template("entity-page.md.j2").render(
            heading=title, first=start, last=stop, total=total, relation=relation, name=name,
            overview=relative(pager.path, first), span=_span(run), briefings=run, pager=pager,
            root=docs_root(pager.path),
        )
        pages[pager.path] = frontmatter.dump(data) + "\n" + body
        start = stop + 1
    return pages


def render_company(company: Company, corpus: Corpus) -> dict[str, str]:
    """A company page (profile, relationships, newest briefings, co-mentions and topics) and the pages of its
    older briefings, by path."""
    registry = corpus.registry
    first = f"companies/{company.slug}.md"
    briefings = corpus.by_company.get(company.slug, ())
    runs = _split(briefings)
    rows = company_figures(company.slug, briefings)
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
        briefings=runs[0],
        total=len(briefings),
        about=sum(1 for b in briefings if company.slug in b.subjects),
        subject_of={b.slug for b in runs[0] if company.slug in b.subjects},
        pager=Pager(first, 1, len(runs)),
        root=docs_root(first),
        co_mentions=[(registry.companies[s], n) for s, n in corpus.co_mentions(company.slug)],
        topics=[(registry.topics[t], n) for t, n in corpus.topics_of(company.slug)],
        figures=rows[:FIGURES_SHOWN],
        figure_count=len(rows),
        pages=corpus.by_company,
    )
    return {first: frontmatter.dump(data) + "\n" + body, **figure_pages(company, rows, environment()),
            **_older_pages(first, company.name, "that mention", runs)}


def render_topic(topic: Topic, corpus: Corpus) -> dict[str, str]:
    """A topic page (description, newest briefings, companies most associated) and the pages of its older
    briefings, by path."""
    first = f"topics/{topic.slug}.md"
    briefings = corpus.by_topic.get(topic.slug, ())
    runs = _split(briefings)
    data = {"title": topic.name, "description": topic.description or topic.name, "topic": topic.slug,
            "tags": [topic.name], "search": {"boost": 2}, "hide": ["navigation"]}
    body = environment().get_template("topic.md.j2").render(
        topic=topic,
        briefings=runs[0],
        total=len(briefings),
        pager=Pager(first, 1, len(runs)),
        root=docs_root(first),
        companies=[(corpus.registry.companies[s], n) for s, n in corpus.companies_of_topic(topic.slug)],
    )
    return {first: frontmatter.dump(data) + "\n" + body, **_older_pages(first, topic.name, "filed under", runs)}


def render_source(source: Source, corpus: Corpus) -> dict[str, str]:
    """A source's page (the outlet, its company entry, its newest briefings) and the pages of its older briefings,
    by path."""
    first = f"sources/{source.slug}.md"
    briefings = corpus.by_source.get(source.slug, ())
    runs = _split(briefings)
    data = {"title": source.name, "description": source.description, "outlet": source.slug,
            "tags": list(source.names), "search": {"boost": 2}, "hide": ["navigation"]}
    body = environment().get_template("source.md.j2").render(
        source=source,
        company=corpus.registry.companies.get(source.company) if source.company else None, pages=corpus.by_company,
        briefings=runs[0],
        total=len(briefings),
        pager=Pager(first, 1, len(runs)),
        root=docs_root(first),
    )
    return {first: frontmatter.dump(data) + "\n" + body, **_older_pages(first, source.name, "from", runs)}


def render_briefings(briefings: tuple[Briefing, ...]) -> dict[str, str]:
    """The briefings listing, newest first, LISTING_PAGE_SIZE to a page: briefings.md, briefings/page/2.md, ..."""
    size = LISTING_PAGE_SIZE
    runs = chunks(by_recency(briefings), size)
    template = environment().get_template("briefings.md.j2")
    pages = {}
    for pager, run in zip(pagers("briefings.md", len(runs)), runs, strict=True):
        start = (pager.number - 1) * size
        title = "All briefings" if pager.number == 1 else f"All briefings, page {pager.number} of {pager.count}"
        pages[pager.path] = template.render(title=title, briefings=run, total=len(briefings), first=start + 1,
                                            last=start + len(run), pager=pager, root=docs_root(pager.path))
    return pages


UNDATED = "Undated"


def _timeline(briefings: Sequence[Briefing]) -> list[tuple[str, list[tuple[str, list[Briefing]]]]]:
    """Briefings (newest first) grouped by year, then month ("03"); undated last as year UNDATED, month ""."""
    years: dict[str, dict[str, list[Briefing]]] = {}
    for briefing in briefings:
        date = briefing.meta.date
        years.setdefault(date[:4] if date else UNDATED, {}).setdefault(date[5:7] if date else "", []).append(briefing)
    return sorted(((year, list(months.items())) for year, months in years.items()), key=lambda y: y[0] == UNDATED)


def _month_label(year: str, month: str) -> str:
    """The name of a month of the timeline: ("2025", "03") -> "March 2025"."""
    return f"{MONTH_NAMES[int(month) - 1]} {year}"


def _steps(order: list[tuple[str, str]], at: int, up: tuple[str, str]) -> list[tuple[str, str]]:
    """Links (label, target) to the period before `at` in `order` (newer), to `up`, and to the one after it."""
    steps = [(f"← {order[at - 1][0]}", order[at - 1][1])] if at else []
    steps.append(up)
    if at + 1 < len(order):
        steps.append((f"{order[at + 1][0]} →", order[at + 1][1]))
    return steps


def render_timeline(briefings: tuple[Briefing, ...]) -> dict[str, str]:
    """The timeline by path: an index of years and months, a page per year, a page per month of a year with more
    than TIMELINE_PAGE_SIZE briefings, and the undated briefings; a month that big is paged."""
    env = environment()
    size = TIMELINE_PAGE_SIZE
    years = _timeline(by_recency(briefings))
    counts = {year: sum(len(b) for _, b in months) for year, months in years}
    year_page = {year: f"timeline/{year.lower()}.md" for year, _ in years}
    split = {year for year, _ in years if year != UNDATED and counts[year] > size}

    def anchor(year: str, month: str) -> str:
        """The id of a month's section on its year page."""
        return _month_label(year, month).lower().replace(" ", "-")

    def month_target(year_month: tuple[str, str]) -> str:
        """Where a month is shown: its own page, or its section of the year page."""
        year, month = year_month
        return f"timeline/{year}/{month}.md" if year in split else f"{year_page[year]}#{anchor(year, month)}"

    def link(page: str, target: str) -> str:
        """A relative link from `page` to a target that may carry an anchor."""
        path, _, fragment = target.partition("#")
        return relative(page, path) + (f"#{fragment}" if fragment else "")

    def render(pager: Pager, title: str, description: str, neighbours: list[tuple[str, str]],
               **context: object) -> str:
        """One timeline page: front matter, then timeline-page.md.j2."""
        if pager.count > 1:
            title += f", page {pager.number} of {pager.count}"
        data = {"title": title, "description": description, "search": {"exclude": True}, "hide": ["navigation"]}
        body = env.get_template("timeline-page.md.j2").render(
            **{"months": [], "sections": [], **context}, title=title, pager=pager, root=docs_root(pager.path),
            neighbours=[(label, link(pager.path, target)) for label, target in neighbours])
        return frontmatter.dump(data) + "\n" + body

    def paged(first: str, title: str, description: str, intro: str, neighbours: list[tuple[str, str]],
              listed: list[Briefing]) -> dict[str, str]:
        """A flat list of briefings (a month, or the undated ones), paged when longer than `size`."""
        runs = chunks(listed, size)
        return {pager.path: render(pager, title, description, neighbours, sections=[("", "", run)],
                                   intro=intro + (f" This page holds {len(run)} of them." if pager.count > 1 else ""))
                for pager, run in zip(pagers(first, len(runs)), runs, strict=True)}

    year_order = [(year, year_page[year]) for year, _ in years]
    month_order = [(year, month) for year, months in years for month, _ in months if month]
    month_steps = [(_month_label(*ym), month_target(ym)) for ym in month_order]
    pages = {"timeline.md": env.get_template("timeline.md.j2").render(total=len(briefings), years=[
        (year, relative("timeline.md", year_page[year]), counts[year],
         [(MONTH_NAMES[int(m) - 1], link("timeline.md", month_target((year, m))), len(b)) for m, b in months if m])
        for year, months in years])}
    for at, (year, months) in enumerate(years):
        path, count = year_page[year], counts[year]
        neighbours = _steps(year_order, at, ("Timeline", "timeline.md"))
        if year == UNDATED:
            pages.update(paged(path, "Timeline: undated briefings", "Briefings without a publication date.",
                               f"{count} briefings without a publication date, the latest added first.", neighbours,
                               months[0][1]))
        elif year not in split:
            pages[path] = render(
                Pager(path, 1, 1), f"Timeline: {year}", f"The briefings of {year} by month, newest first.",
                neighbours, intro=f"{count} briefings published in {year}, newest first.",
                sections=[(_month_label(year, m), anchor(year, m), b) for m, b in months])
        else:
            pages[path] = render(
                Pager(path, 1, 1), f"Timeline: {year}", f"The months of {year} with their briefings.",
                neighbours, intro=f"{count} briefings published in {year}, too many for one page: a page a month.",
                months=[(_month_label(year, m), link(path, month_target((year, m))), len(b)) for m, b in months])
            for month, listed in months:
                label = _month_label(year, month)
                steps = _steps(month_steps, month_order.index((year, month)), (year, path))
                pages.update(paged(month_target((year, month)), f"Timeline: {label}",
                                   f"The briefings of {label}, newest first.",
                                   f"{len(listed)} briefings published in {label}, newest first.", steps, listed))
    return pages


def render_site(corpus: Corpus, base_url: str = "", cache: BuildCache | None = None,
                directory_urls: bool = True) -> Pages:
    """Every generated page (the feed, the JSON export and redirects from old slugs too) by path relative to the
    docs folder, in path order. With a cache (kept by `mkdocs serve`), unchanged pages are not rendered again."""
    env = environment()
    registry = corpus.registry
    pages = Pages()  # each page is encoded as it comes: only one of them is ever held as str
    memo = PageMemo(cache)
    for b in corpus.briefings:
        pages[f"briefings/{b.slug}.md"] = memo.briefing(b, corpus.related.get(b.slug, ()), render_briefing, b, corpus)
    for b in corpus.briefings:
        pages.add_encoded(original_path(b), b.seed_text)
    pages.update(redirect_pages(corpus.briefings, base_url, directory_urls))
    pages.update(memo.listing(("briefings",), corpus.briefings, render_briefings, corpus.briefings))
    # Only an entry with briefings has a page; those that name other companies link the ones in `paged` (the key).
    paged = frozenset(corpus.by_company)
    for slug, listed in corpus.by_company.items():
        pages.update(memo.listing(("company", slug, paged), listed, render_company, registry.companies[slug], corpus))
    for slug, listed in corpus.by_topic.items():
        pages.update(memo.listing(("topic", slug), listed, render_topic, registry.topics[slug], corpus))
    for slug, listed in corpus.by_source.items():
        pages.update(memo.listing(("source", slug, paged), listed, render_source, registry.sources[slug], corpus))
    groups = [(kind, KIND_LABELS[kind], sorted((c for c in registry.companies.values() if c.kind == kind
                                                and c.slug in paged), key=lambda c: c.name.casefold()))
              for kind in KINDS]
    pages["companies.md"] = env.get_template("companies.md.j2").render(
        groups=[g for g in groups if g[2]], counts={s: len(b) for s, b in corpus.by_company.items()},
        total=len(paged), tracked=len(registry.companies))
    pages["topics.md"] = env.get_template("topics.md.j2").render(
        topics=sorted((registry.topics[t] for t in corpus.by_topic), key=lambda t: t.name.casefold()),
        counts={s: len(b) for s, b in corpus.by_topic.items()}, defined=len(registry.topics))
    counts = {slug: len(listed) for slug, listed in corpus.by_source.items()}
    pages["sources.md"] = env.get_template("sources.md.j2").render(
        sources=sorted((registry.sources[s] for s in counts), key=lambda s: s.name.casefold()), counts=counts,
        unlisted=sum(1 for b in corpus.briefings if b.meta.source) - sum(counts.values()))
    pages["feed.xml"] = atom_feed(corpus.briefings, SITE_TITLE, base_url)
    pages.update(figure_exports(corpus, base_url))
    pages["briefings.json"] = json_export(corpus.briefings, base_url, lambda b, url: memo.record(b, url, json_record))
    pages.update(memo.listing(("timeline",), corpus.briefings, render_timeline, corpus.briefings))
    memo.done()
    return pages.sorted()

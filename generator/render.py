"""Render: the Jinja2 environment that turns briefings into Markdown pages (front matter is dumped, never templated)."""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator import frontmatter
from generator.model import Briefing

_MD_SPECIAL = re.compile(r"([\\`*_\[\]>|#])")


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
        "seed": briefing.seed,
        "summary": briefing.summary,
        "language": briefing.language,
        "word_count": briefing.word_count,
        "reading_time": briefing.reading_minutes,
    }
    if meta.url:
        data["url"] = meta.url
    for key, value in briefing.extra:
        data.setdefault(key, value)
    return data


def render_briefing(briefing: Briefing) -> str:
    """A briefing page: front matter, then the cleaned article."""
    body = environment().get_template("briefing.md.j2").render(briefing=briefing)
    return frontmatter.dump(front_matter(briefing)) + "\n" + body


def by_recency(briefings: list[Briefing] | tuple[Briefing, ...]) -> list[Briefing]:
    """Newest first; undated briefings last, in title order."""
    dated = sorted((b for b in briefings if b.meta.date), key=lambda b: (b.meta.date or "", b.slug), reverse=True)
    undated = sorted((b for b in briefings if not b.meta.date), key=lambda b: (b.meta.title.casefold(), b.slug))
    return dated + undated


def render_listing(briefings: list[Briefing] | tuple[Briefing, ...], template: str, **extra: object) -> str:
    """A listing page (all briefings, or the latest few for the home page)."""
    return environment().get_template(template).render(briefings=by_recency(briefings), **extra)

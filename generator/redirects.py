"""Redirects: a small static page at each old address of a briefing (permalinks.py) that sends the reader on to
its page with a meta refresh. No script (the site's Content-Security-Policy runs none inline), no server setting
(a static host serves it as it is), links relative to the page (it works from a sub-path and from disk), and not
a MkDocs page: never in the search index, the sitemap or a listing."""

from __future__ import annotations

from functools import cache
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.accessibility import mark_chinese
from generator.model import Briefing


@cache
def _environment() -> Environment:
    """Templates of HTML pages: every value HTML-escaped."""
    return Environment(loader=PackageLoader("generator", "templates"), undefined=StrictUndefined, autoescape=True,
                       keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, auto_reload=False)


def redirect_path(slug: str, directory_urls: bool = True) -> str:
    """Where the page of an old slug goes in the site: where MkDocs published briefings/<slug>.md."""
    return f"briefings/{slug}/index.html" if directory_urls else f"briefings/{slug}.html"


def redirect_pages(briefings: tuple[Briefing, ...], base_url: str = "", directory_urls: bool = True) -> dict[
        str, str]:
    """A redirect page for every old slug of every briefing, by path."""
    template = _environment().get_template("redirect.html.j2")
    pages = {}
    for briefing in briefings:
        if not briefing.aliases:
            continue
        slug = quote(briefing.slug, safe="-")
        page = f"{slug}/" if directory_urls else f"{slug}.html"
        canonical = f"{base_url.rstrip('/')}/briefings/{page}" if base_url else ""
        for old in briefing.aliases:
            pages[redirect_path(old, directory_urls)] = mark_chinese(template.render(  # as the hook marks pages
                title=briefing.meta.title, target=f"../{page}" if directory_urls else page, canonical=canonical))
    return pages

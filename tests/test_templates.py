"""Every template, every field hostile: the Markdown the templates write shows registry and briefing values as
text, and Python-Markdown (with the site's extensions, as MkDocs renders) makes no live markup of them.

The templates escape every `{{ }}` value for Markdown unless a filter marks it as Markdown already (generator/
render.py); a forgotten filter therefore escapes a value instead of letting it through. The registry and the
briefings are built here directly, so that even values the registry or the extractors would refuse are tried.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from generator import figure_tables, render
from generator.entities.link import link_corpus
from generator.model import KINDS, Block, Briefing, Company, Figure, Keyword, Meta, Registry, Source, Topic

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "generator" / "templates"
# Markup of every kind a value could try to smuggle in (one line: Markdown joins lines of a paragraph anyway).
HOSTILE = ("<img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>alert(1)</script> *a* _b_ **c** `d` "
           "| e | {: onclick=alert(1) } { .chip #__config } &amp; &lt;b&gt; ![i](x.png) <a href=javascript:x>a</a> "
           "\\ # > ~~f~~ [g]: javascript:alert(1)")


def hostile(field: str) -> str:
    """The hostile value of one field, marked with the field's name."""
    return f"%{field}% {HOSTILE}"


# Every element and attribute the templates themselves write; anything else came from a value.
TEMPLATE_TAGS = {"a", "br", "details", "div", "h1", "h2", "li", "nav", "p", "span", "strong", "summary", "table",
                 "tbody", "td", "th", "thead", "tr", "ul"}
TEMPLATE_ATTRIBUTES = {"href", "class", "id", "title", "align", "data-search-exclude"}
# The raw HTML the templates write (md_in_html), the only "<" allowed in their Markdown.
TEMPLATE_HTML = re.compile(
    r'</?(?:div|span|nav|p|details|summary)\b(?: class="[\w -]+")?(?: markdown)?(?: data-search-exclude)?>')


def markdown_extensions() -> tuple[list[object], dict[str, object]]:
    """The extensions and their settings from mkdocs.yml (its !ENV tags read as nothing)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names: list[object] = []
    settings: dict[str, object] = {}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict):
            (name, options), = entry.items()
            names.append(name)
            settings[name] = options or {}
        else:
            names.append(entry)
    return names, settings


def to_html(text: str) -> str:
    """The HTML Python-Markdown makes of a page, as MkDocs would (front matter left out)."""
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    names, settings = markdown_extensions()
    return markdown.Markdown(extensions=names, extension_configs=settings).convert(text)


class Elements(HTMLParser):
    """Every element with its attributes, and the text, of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def company(slug: str, **fields: object) -> Company:
    values: dict[str, object] = {
        "name": hostile(f"{slug} name"), "kind": "automaker", "country": hostile(f"{slug} country"),
        "parent": None, "partners": (), "aliases": (hostile(f"{slug} alias 1"), hostile(f"{slug} alias 2")),
        "description": hostile(f"{slug} description"),
    }
    values.update(fields)
    return Company(slug=slug, **values)  # type: ignore[arg-type]


def briefing(number: int, date: str | None, companies: tuple[str, ...]) -> Briefing:
    meta = Meta(title=hostile(f"title {number}"), date=date, source=hostile(f"source {number}"),
                author=hostile(f"author {number}"), url="https://example.com/a?b=1&c=<x>")
    figures = (Figure(company=companies[0] if companies else "byd", measure=hostile(f"measure {number}"),
                      value=hostile(f"figure value {number}"), amount=hostile(f"amount {number}"),
                      unit=hostile(f"unit {number}"), period=hostile(f"period {number}"),
                      context=hostile(f"figure context {number}")),)
    return Briefing(seed=f"{number}.md", slug=f"briefing-{number}", meta=meta, kind="editor",
                    blocks=(Block("paragraph", "A plain paragraph."),), summary=hostile(f"summary {number}"),
                    companies=companies, institutions=("ministry",), topics=("evil-topic",), figures=figures,
                    seed_text=b"seed text")


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """Every page the templates make, with page sizes of one so that every pager and timeline page appears."""
    registry = Registry(
        companies={
            "evil-group": company("evil-group"),
            # A kind the registry would refuse: the template must escape whatever it is given.
            "evil-motors": company("evil-motors", kind=hostile("kind"), parent="evil-group"),
            "evil-brand": company("evil-brand", kind="brand", parent="evil-group"),
            "evil-venture": company("evil-venture", kind="joint-venture", partners=("evil-group", "evil-motors")),
            "ministry": company("ministry", kind="government"),
        },
        topics={"evil-topic": Topic("evil-topic", hostile("topic name"), hostile("topic description"),
                                    (Keyword(hostile("keyword"), 3),), 1)},
        sources={"evil-source": Source("evil-source", hostile("source 1"), (hostile("source alias"),),
                                       hostile("source description"), "https://example.com/a?b=1&c=<x>)",
                                       "ministry")},
    )
    briefings = [briefing(1, "2024-03-05", ("evil-group", "evil-motors")),
                 briefing(2, "2024-03-01", ("evil-group", "evil-brand")),
                 briefing(3, "2024-01-10", ("evil-group", "evil-venture")),
                 briefing(4, None, ("evil-group",))]
    corpus = link_corpus(registry, briefings)
    env = render.environment()
    loaded: set[str] = set()
    get_template = env.get_template

    def spy(name: str, *args: object, **kwargs: object) -> object:
        loaded.add(str(name))
        return get_template(name, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        for name in ("ENTITY_PAGE_SIZE", "ARCHIVE_PAGE_SIZE", "LISTING_PAGE_SIZE", "TIMELINE_PAGE_SIZE"):
            patch.setattr(render, name, 1)
        patch.setattr(render, "FIGURES_SHOWN", 1)  # so that a company has a page of all its figures
        patch.setattr(figure_tables, "FIGURES_SHOWN", 1)
        patch.setattr(render, "KIND_LABELS", {kind: hostile(f"label {kind}") for kind in KINDS})
        patch.setattr(env, "get_template", spy)
        made = {path: text for path, text in render.render_site(corpus).items() if path.endswith(".md")}
        made["(home)"] = render.render_listing(corpus.briefings, "latest.md.j2", limit=20)
    # The Markdown templates (redirect.html.j2 is HTML, autoescaped: tests/test_permalinks.py tries it)
    assert loaded == {p.name for p in TEMPLATES.glob("*.md.j2")}, "a template was not rendered"
    return made


def test_every_kind_of_page_is_rendered(pages: dict[str, str]) -> None:
    for path in ("briefings/briefing-1.md", "briefings/page/2.md", "companies.md", "companies/evil-motors.md",
                 "companies/evil-group/page/2.md", "topics.md", "topics/evil-topic.md", "topics/evil-topic/page/2.md",
                 "timeline.md", "timeline/2024.md", "timeline/2024/03.md", "timeline/undated.md"):
        assert path in pages, path


def test_no_value_becomes_markdown_or_html(pages: dict[str, str]) -> None:
    for path, text in pages.items():
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        stray = [m.group(0) for m in re.finditer(r"<[^>\n]*>?", body) if not TEMPLATE_HTML.fullmatch(m.group(0))]
        assert stray == [], path
        assert not re.search(r"(?<!\\)\]\(\s*javascript", body), path  # only an escaped \] before (javascript
        parser = Elements()
        parser.feed(to_html(text))
        for tag, attrs in parser.elements:
            assert tag in TEMPLATE_TAGS, (path, tag, attrs)
            assert set(attrs) <= TEMPLATE_ATTRIBUTES, (path, tag, attrs)
            href = attrs.get("href") or ""
            if path.startswith("sources/") and href.startswith("https://"):  # a source's home page
                assert not re.search(r"[<>()\s]", href), (path, href)
            else:
                assert not re.match(r"^[\w+.-]*:|//", href), (path, href)  # relative links only
            assert not (attrs.get("id") or "").startswith("__"), (path, attrs)


def test_every_value_is_shown_as_written(pages: dict[str, str]) -> None:
    """Each field's value is in the text of some page exactly as given: nothing was read as markup."""
    shown = set()
    for text in pages.values():
        parser = Elements()
        parser.feed(to_html(text))
        page_text = " ".join("".join(parser.text).split())
        shown.update(m.group(1) for m in re.finditer(rf"%([\w -]+)% {re.escape(HOSTILE)}", page_text))
    expected = {"title 1", "source 1", "summary 1", "figure value 1", "figure context 1", "topic name",
                "topic description", "label automaker", "label government", "kind", "evil-motors name",
                "evil-motors country", "evil-motors alias 1", "evil-motors alias 2", "evil-motors description",
                "evil-group name", "evil-brand name", "evil-venture name", "ministry name"}
    assert expected <= {name.casefold() for name in shown}, expected - shown  # kind is capitalised

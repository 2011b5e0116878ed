"""The published site: a real `mkdocs build --strict` of a temporary copy of the project, read back as HTML.

MkDocs runs in a subprocess (it and Material emit deprecation warnings that pytest would turn into errors,
and the hook's module state must not leak between builds). The copy holds mkdocs.yml, docs/, overrides/,
generator/ and, as seeds/, the fixture seeds below plus one synthetic editor seed with hostile metadata.
Expected values come from running the same pipeline in-process, plus a few anchors from the articles.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.lexicon.markdown import plain
from generator.lexicon.text import HAN
from generator.load import load_registry
from generator.model import Briefing, BuildResult
from generator.pipeline import build_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "data"  # a small copy of the registry
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "generator")

# The copies of seeds/ that the site is built from (named, so that other fixtures added there later do not
# change this build).
SEED_FILES = (
    "000_9d0c473e86c7d007.txt",
    "001_53999b245c987140.txt",
    "002_93a2c013a5a9bea7.txt",
    "003_1ec37179ea895076.txt",
    "004_17d935ea4638a39c.txt",
)
EDITOR_SEED = "900_editor-hostile-metadata.md"
EDITOR_TITLE = 'NIO: <b>Q3</b> deliveries & "margins"'
EDITOR_AUTHOR = 'Eve "><script>alert(1)</script>'
EDITOR_TEXT = f"""---
title: '{EDITOR_TITLE}'
date: 2025-10-02
source: Editor's <i>desk</i>
author: '{EDITOR_AUTHOR}'
companies: [nio]
topics: [ev-sales]
---

NIO delivered more cars in the third quarter than in any quarter before, and its gross margin improved again.

## What changed

Deliveries rose on the back of the ONVO brand, which added a second model in September.

## What to watch

Whether the margin holds when the price war reaches the premium segment.
"""
# A fixed "today" (2026-01-01) so that date plausibility does not depend on the clock.
SOURCE_DATE_EPOCH = "1767225600"
TODAY = dt.date(2026, 1, 1)

# What the articles themselves say (seed -> title, date, source, author); None: the page gives none.
ANCHORS: dict[str, dict[str, object]] = {
    "000_9d0c473e86c7d007.txt": {"title": "BAIC’s 4 Million Unit Ambition: The End of the China JV Era?",
                                 "date": None, "author": None},
    "001_53999b245c987140.txt": {"date": "2022-07-03", "source": "Beijing Daily", "author": None},
    "002_93a2c013a5a9bea7.txt": {"date": "2025-12-09", "source": "Auto Review", "author": "Liu Yan"},
    "003_1ec37179ea895076.txt": {"title": "Xiaomi may take over BAIC's plant in Qingdao, report says", "date": None},
    "004_17d935ea4638a39c.txt": {"source": "Xinhua", "author": None},
    EDITOR_SEED: {"title": EDITOR_TITLE, "date": "2025-10-02", "source": "Editor's <i>desk</i>",
                  "author": EDITOR_AUTHOR},
}
# Section headings of 000 as the article has them (each must be an <h2>).
HEADINGS_000 = (
    "The Data: BAIC’s Aggressive ‘Double Leap’ Timeline",
    "The Pivot: Why 4M Spells Crisis for Western JVs",
    "The Execution Roadmap: BAIC’s “Liquid” Strategy and AI",
    "Analyst Outlook: The Clock is Ticking",
)
# Site chrome in the seeds that must not reach a briefing.
CHROME = (
    "Share To weixin sina",
    "Share to Wechat",
    "Share to Weibo",
    "Suggestions & Feedbacks",
    "Online message",
    "Enjoyed this article? Share it!",
    "Similar Posts",
    "Leave a Reply",
    "Your email address will not be published",
    "Publishtime",
    "Views:27",
    "Layout: Zheng Xueqin",
    "report says-CnEVPost",
    "Xiaomi reportedly in talks with BAIC to jointly build EVs",
)


@dataclass
class Page:
    """What the tests read from one built HTML page."""

    title: str = ""
    h1: list[str] = field(default_factory=list)
    h2: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # the briefing metadata header: dt -> dd
    head_meta: dict[str, str] = field(default_factory=dict)  # <meta name=... content=...>
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, text) inside the article
    resources: list[str] = field(default_factory=list)  # URLs the browser loads: script src, link href, img src
    article_text: str = ""


class PageParser(HTMLParser):
    """Collects headings, the metadata header, links and loaded resources of a Material page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._article = 0
        self._capture: str | None = None  # tag whose text is being collected
        self._buffer: list[str] = []
        self._headerlink = False
        self._in_meta = False
        self._dt = ""
        self._href: str | None = None
        self._link_text: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        if tag == "script" and "src" in a:
            self.page.resources.append(a["src"])
        elif tag == "link" and "href" in a:
            self.page.resources.append(a["href"])
        elif tag in ("img", "iframe", "source") and "src" in a:
            self.page.resources.append(a["src"])
        elif tag == "meta" and ("name" in a or "property" in a):  # property: Open Graph's
            self.page.head_meta[a.get("name") or a["property"]] = a.get("content", "")
        elif tag == "article":
            self._article += 1
        if tag == "title" or (self._article and tag in ("h1", "h2", "dt", "dd")):
            self._capture, self._buffer = tag, []
        if not self._article:
            return
        if tag == "dl" and "briefing-meta" in classes:
            self._in_meta = True
        elif tag == "a" and "headerlink" in classes:
            self._headerlink = True
        elif tag == "a" and "href" in a:
            self._href, self._link_text = a["href"], []

    def handle_endtag(self, tag: str) -> None:
        if tag == self._capture:
            text = " ".join("".join(self._buffer).split())
            if tag == "title":
                self.page.title = text
            elif tag in ("h1", "h2"):
                getattr(self.page, tag).append(text)
            elif tag == "dt" and self._in_meta:
                self._dt = text
            elif tag == "dd" and self._in_meta:
                self.page.meta[self._dt] = text
            self._capture = None
        if tag == "article":
            self._article -= 1
        elif tag == "dl":
            self._in_meta = False
        elif tag == "a":
            if self._headerlink:
                self._headerlink = False
            elif self._href is not None:
                self.page.links.append((self._href, " ".join("".join(self._link_text).split())))
                self._href = None

    def handle_data(self, data: str) -> None:
        if self._headerlink:
            return
        if self._capture:
            self._buffer.append(data)
        if self._article:
            self._text.append(data)
            if self._href is not None:
                self._link_text.append(data)

    def close(self) -> None:
        super().close()
        self.page.article_text = " ".join("".join(self._text).split())


def parse(path: Path) -> Page:
    """Parse one built HTML file."""
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def make_project(base: Path, seeds: dict[str, bytes]) -> Path:
    """A copy of the project's site sources with `seeds` as its seeds folder."""
    project = base / "project"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, project / part)
    shutil.copytree(FIXTURE_DATA, project / "data")
    (project / "seeds").mkdir()
    for name, data in seeds.items():
        (project / "seeds" / name).write_bytes(data)
    return project


def mkdocs_build(project: Path, site: Path, **settings: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project` into `site`, in a subprocess; `settings` are environment variables
    (SITE_URL="...", DIRECTORY_URLS="false")."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    env.pop("SITE_URL", None)
    env.pop("DIRECTORY_URLS", None)
    env.update(settings)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass
class Site:
    """Two strict builds of the same project, and what the pipeline says they should contain."""

    project: Path
    site: Path
    rebuilt: Path
    docs_before: dict[str, bytes]
    result: BuildResult

    def briefing(self, seed: str) -> Briefing:
        return next(b for b in self.result.briefings if b.seed == seed)

    def page(self, rel: str) -> Page:
        return parse(self.site / rel)

    def briefing_page(self, briefing: Briefing) -> Page:
        return self.page(f"briefings/{briefing.slug}/index.html")


def fixture_seeds() -> dict[str, bytes]:
    """The fixture seeds and the editor seed, by file name."""
    seeds = {name: (FIXTURE_SEEDS / name).read_bytes() for name in SEED_FILES}
    seeds[EDITOR_SEED] = EDITOR_TEXT.encode("utf-8")
    return seeds


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    seeds = fixture_seeds()
    base = tmp_path_factory.mktemp("site")
    project = make_project(base, seeds)
    docs_before = snapshot(project / "docs")
    built = []
    for name in ("site", "rebuilt"):
        run = mkdocs_build(project, base / name)
        assert run.returncode == 0, f"mkdocs build --strict failed:\n{run.stdout}\n{run.stderr}"
        built.append(base / name)
    result = build_site(project / "seeds", today=TODAY)
    assert not result.errors, [str(e) for e in result.errors]
    return Site(project, built[0], built[1], docs_before, result)


def test_every_seed_has_a_page_titled_with_its_headline(site: Site) -> None:
    assert sorted(b.seed for b in site.result.briefings) == sorted([*SEED_FILES, EDITOR_SEED])
    for briefing in site.result.briefings:
        page = site.briefing_page(briefing)
        assert page.h1 == [briefing.meta.title], briefing.seed
        assert page.title == f"{briefing.meta.title} - China Auto Market Briefings"
        expected = ANCHORS[briefing.seed].get("title")
        if expected is not None:
            assert briefing.meta.title == expected


def test_metadata_header_shows_date_source_author_and_reading_time(site: Site) -> None:
    for briefing in site.result.briefings:
        meta, anchors = site.briefing_page(briefing).meta, ANCHORS[briefing.seed]
        for key in ("date", "source", "author"):
            if key in anchors:
                assert getattr(briefing.meta, key) == anchors[key], (briefing.seed, key)
        expected = {"Date": f"Published {briefing.meta.date}" if briefing.meta.date
                    else f"Added {TODAY.isoformat()}, publication date unknown"}  # built outside git
        if briefing.meta.source:
            expected["Source"] = briefing.meta.source
        if briefing.meta.author:
            expected["Author"] = briefing.meta.author
        expected["Reading time"] = f"{briefing.reading_minutes} min"
        expected["Seed"] = briefing.seed
        assert meta == expected, briefing.seed


def test_article_body_has_the_section_headings_as_h2(site: Site) -> None:
    for briefing in site.result.briefings:
        headings = [plain(b.text.lstrip("#")) for b in briefing.blocks if b.kind == "heading" and b.level == 2]
        # The article's own sections, then the generated "Related briefings" section.
        assert [h for h in site.briefing_page(briefing).h2 if h != "Related briefings"] == headings, briefing.seed
    h2 = site.briefing_page(site.briefing("000_9d0c473e86c7d007.txt")).h2
    assert [h for h in h2 if h in HEADINGS_000] == list(HEADINGS_000)
    assert site.briefing_page(site.briefing(EDITOR_SEED)).h2[:2] == ["What changed", "What to watch"]


def test_article_body_has_no_site_chrome_and_no_byline(site: Site) -> None:
    for briefing in site.result.briefings:
        page = site.briefing_page(briefing)
        body = page.article_text
        for chrome in CHROME:
            assert chrome not in body, (briefing.seed, chrome)
        if briefing.meta.author:  # the author is in the header only, never as a byline in the body
            assert body.count(briefing.meta.author) == 1, briefing.seed


def expected_order(briefings: tuple[Briefing, ...]) -> list[str]:
    """Slugs newest first: by publication date, or by date added (the build date, outside git) when undated."""
    return [b.slug for b in sorted(briefings, key=lambda b: (b.meta.date or TODAY.isoformat(), b.slug), reverse=True)]


def test_home_page_lists_latest_briefings_newest_first_undated_by_date_added(site: Site) -> None:
    page = site.page("index.html")
    assert "Latest briefings" in page.h2
    assert "latest-briefings -->" not in (site.site / "index.html").read_text(encoding="utf-8")
    listed = [href.removeprefix("briefings/").rstrip("/") for href, _ in page.links
              if href.startswith("briefings/") and href != "briefings/"]
    assert listed == expected_order(site.result.briefings)
    dates = [site.briefing(seed).meta.date for seed in ("002_93a2c013a5a9bea7.txt", EDITOR_SEED,
                                                        "001_53999b245c987140.txt")]
    assert dates == sorted(dates, reverse=True)
    undated = {b.slug for b in site.result.briefings if not b.meta.date}
    assert set(listed[:len(undated)]) == undated  # added on the build date: newer than any publication date


def test_listing_page_links_to_every_briefing(site: Site) -> None:
    page = site.page("briefings/index.html")
    links = [(href.rstrip("/"), text) for href, text in page.links if not href.startswith(("#", ".."))]
    assert [href for href, _ in links] == expected_order(site.result.briefings)
    titles = {b.slug: b.meta.title for b in site.result.briefings if b.seed != EDITOR_SEED}
    assert [text for href, text in links if href in titles] == [titles[href] for href, _ in links if href in titles]


def test_a_source_in_the_registry_has_a_page_that_its_briefings_link_to(site: Site) -> None:
    briefing = site.briefing("004_17d935ea4638a39c.txt")
    assert briefing.meta.source == "Xinhua"
    page = site.page("sources/xinhua/index.html")
    assert page.h1 == ["Xinhua"]
    assert ("../../companies/xinhua/", "Xinhua News Agency") in page.links
    assert (f"../../briefings/{briefing.slug}/", briefing.meta.title) in page.links
    assert ("../../sources/xinhua/", "Xinhua") in site.briefing_page(briefing).links
    index = site.page("sources/index.html")
    assert [(href, text) for href, text in index.links if href.startswith(("xinhua", "beijing", "cnev"))] == [
        ("beijing-daily/", "Beijing Daily"), ("cnevpost/", "CnEVPost"), ("xinhua/", "Xinhua")]
    assert not (site.site / "sources" / "auto-review").exists()  # a source not in the registry has no page


class TagsParser(HTMLParser):
    """The chip rows at the head of a briefing page: (label, chip texts) in order, and the collapsed "Also
    mentioned" block (its summary, its chips, whether it starts open)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[str, list[str]]] = []
        self.summary = ""
        self.mentioned: list[str] = []
        self.open: bool | None = None
        self._depth = 0  # divs open inside the tag block, when in it
        self._in_details = self._in_summary = self._in_label = self._in_chip = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "div" and (self._depth or "briefing-tags" in classes):
            self._depth += 1
        elif not self._depth:
            return
        elif tag == "details":
            self._in_details, self.open = True, "open" in a
        elif tag == "summary":
            self._in_summary = True
        elif tag == "span" and "briefing-tags__label" in classes:
            self._in_label, self._text = True, []
        elif tag == "a" and "chip" in classes:
            self._in_chip, self._text = True, []

    def handle_endtag(self, tag: str) -> None:
        if not self._depth:
            return
        if tag == "div":
            self._depth -= 1
        elif tag == "summary":
            self._in_summary = False
        elif tag == "details":
            self._in_details = False
        elif tag == "span" and self._in_label:
            self._in_label = False
            self.rows.append(("".join(self._text).strip(), []))
        elif tag == "a" and self._in_chip:
            self._in_chip = False
            chip = " ".join("".join(self._text).split())
            (self.mentioned if self._in_details else self.rows[-1][1]).append(chip)

    def handle_data(self, data: str) -> None:
        if self._in_summary:
            self.summary += data
        if self._in_label or self._in_chip:
            self._text.append(data)


def test_a_briefing_shows_its_subjects_first_and_the_rest_under_also_mentioned(site: Site) -> None:
    # The Communist Party/BAIC article: long, naming 15 organisations and touching most topics.
    seed = "001_53999b245c987140.txt"
    result = build_site(site.project / "seeds", site.project / "data", today=TODAY)
    briefing = next(b for b in result.briefings if b.seed == seed)
    registry = result.registry
    assert registry is not None
    parser = TagsParser()
    parser.feed((site.site / f"briefings/{briefing.slug}/index.html").read_text(encoding="utf-8"))
    rows = dict(parser.rows)
    assert [label for label, _ in parser.rows] == ["Companies", "Institutions", "Topics", "Source"]
    assert rows["Companies"] == ["BAIC Group"]
    assert rows["Institutions"] == ["Communist Party of China"]
    assert rows["Companies"] + rows["Institutions"] == [registry.companies[s].name for s in briefing.subjects]
    assert 1 <= len(rows["Topics"]) <= 5
    assert rows["Topics"] == [registry.topics[t].name for t in briefing.topics]
    # Every other organisation it names is one click away, collapsed, in rank order.
    assert parser.open is False
    assert parser.summary.strip() == f"Also mentioned ({len(briefing.mentioned)})"
    assert parser.mentioned == [registry.companies[s].name for s in briefing.mentioned]
    assert len(parser.mentioned) >= 10
    assert not set(parser.mentioned) & set(rows["Companies"] + rows["Institutions"])
    assert len(briefing.companies) + len(briefing.institutions) == len(briefing.subjects) + len(parser.mentioned)
    # A short article with no organisation to collapse has no "Also mentioned".
    plain_editor = TagsParser()
    plain_editor.feed((site.site / f"briefings/{site.briefing(EDITOR_SEED).slug}/index.html").read_text("utf-8"))
    assert plain_editor.summary == ""
    assert plain_editor.mentioned == []


def test_listings_show_a_title_with_markup_characters_as_written(site: Site) -> None:
    slug = site.briefing(EDITOR_SEED).slug
    for rel, href in (("briefings/index.html", f"{slug}/"), ("index.html", f"briefings/{slug}/")):
        assert (href, EDITOR_TITLE) in site.page(rel).links, rel


def broken_links(site_dir: Path) -> list[str]:
    """Every internal link of the built site that reaches no file, as "page: href"."""
    broken = []
    for path in sorted(site_dir.rglob("*.html")):
        for href, _ in parse(path).links:
            url = urlsplit(href)
            if url.scheme or url.netloc or not url.path:
                continue
            target = (path.parent / unquote(url.path)).resolve()
            if url.path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{path.relative_to(site_dir)}: {href}")
    return broken


def test_every_internal_link_resolves(site: Site) -> None:
    assert broken_links(site.site) == []


def test_no_generated_file_is_written_into_docs(site: Site) -> None:
    assert snapshot(site.project / "docs") == site.docs_before
    assert not (site.project / "docs" / "briefings").exists()
    assert not (site.project / "docs" / "briefings.md").exists()


def test_nothing_is_loaded_from_another_host(site: Site) -> None:
    pages = sorted(site.site.rglob("*.html"))
    assert len(pages) >= len(site.result.briefings) + 4
    for path in pages:
        for url in parse(path).resources:
            assert not url.lower().startswith(("http:", "https:", "//")), f"{path.relative_to(site.site)}: {url}"
    for css in site.site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text, css
        assert "@import url(http" not in text, css


def test_hostile_editor_metadata_is_shown_as_text(site: Site) -> None:
    briefing = site.briefing(EDITOR_SEED)
    page = site.briefing_page(briefing)
    assert page.h1 == [EDITOR_TITLE]
    assert page.meta["Author"] == EDITOR_AUTHOR
    assert page.head_meta["author"] == EDITOR_AUTHOR
    for path in [*site.site.rglob("*.html"), *site.site.rglob("*.json")]:
        text = path.read_text(encoding="utf-8")
        for raw in ("<script>alert", "<b>Q3", "<i>desk"):
            assert raw not in text, path


def test_two_builds_are_byte_identical(site: Site) -> None:
    first, second = snapshot(site.site), snapshot(site.rebuilt)
    assert first.keys() == second.keys()
    differ = [rel for rel in first if first[rel] != second[rel] and not rel.endswith(".gz")]
    assert differ == []


def test_a_rejected_seed_fails_the_strict_build(tmp_path: Path) -> None:
    seeds = {SEED_FILES[3]: (FIXTURE_SEEDS / SEED_FILES[3]).read_bytes(), "bad.md": b"---\ntitle: [unclosed\n---\n"}
    project = make_project(tmp_path, seeds)
    run = mkdocs_build(project, tmp_path / "site")
    assert run.returncode != 0
    warnings = [line for line in run.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1, run.stderr
    assert "bad.md:" in warnings[0], run.stderr
    assert "error:" in warnings[0], run.stderr



def test_a_company_page_tables_its_own_figures_and_links_their_exports(site: Site) -> None:
    """The Key figures table of a company page lists only figures about that company, and its CSV and JSON are
    served beside the page; the site-wide exports hold every figure."""
    rows = list(csv.DictReader(io.StringIO((site.site / "figures.csv").read_text(encoding="utf-8"))))
    assert rows
    for slug in {row["company"] for row in rows}:
        html = (site.site / "companies" / slug / "index.html").read_text(encoding="utf-8")
        table = html[html.index('id="key-figures"'):]
        table = table[: table.index("</table>")]
        assert re.search(r"<th[^>]*>Measure</th>", table)
        assert re.search(r"<th[^>]*>Value</th>", table)
        own = list(csv.DictReader(io.StringIO((site.site / "companies" / slug / "figures.csv")
                                              .read_text(encoding="utf-8"))))
        assert own
        assert all(row["company"] == slug for row in own)
        assert table.count("<tr>") - 1 == len(own)  # a header row, then one row a figure (fewer than 20 here)
        assert "figures.csv" in table[: table.index("<table")]  # the download links sit above the table
        data = json.loads((site.site / "companies" / slug / "figures.json").read_text(encoding="utf-8"))
        assert data["count"] == len(own)
        assert data["columns"][:4] == ["date", "company", "measure", "value"]


def test_a_registry_entry_without_briefings_has_no_page_and_no_link(site: Site) -> None:
    """Registry entries no briefing names get no page: not in the indexes, not in search, not linked from anywhere
    (a company page names them as plain text); the companies index says how many organisations are tracked."""
    registry = load_registry(site.project / "data")
    briefings = build_site(site.project / "seeds", site.project / "data", today=TODAY).briefings
    named = {slug for b in briefings for slug in (*b.companies, *b.institutions)} & set(registry.companies)
    filed = {topic for b in briefings for topic in b.topics} & set(registry.topics)
    unnamed = [f"companies/{slug}/" for slug in registry.companies if slug not in named]
    unnamed += [f"topics/{slug}/" for slug in registry.topics if slug not in filed]
    assert {"companies/faw-group/", "companies/volkswagen/", "topics/pricing/"} <= set(unnamed)
    for path in unnamed:
        assert not (site.site / path).exists(), path
    for page in site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        folder = page.parent.relative_to(site.site).as_posix()
        for href in re.findall(r'href="([^"#?]*)', html):
            target = os.path.normpath(os.path.join(folder, unquote(href))).replace(os.sep, "/") + "/"
            assert target not in unnamed, f"{page.relative_to(site.site)} links {href}"
    index = (site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert not [path for path in unnamed if f'"location":"{path}' in index]
    faw_vw = site.page("companies/faw-volkswagen/index.html")
    assert "Part of: FAW Group" in faw_vw.article_text
    assert "Partners: FAW Group, Volkswagen" in faw_vw.article_text
    assert not [text for _, text in faw_vw.links if text in ("FAW Group", "Volkswagen")]
    companies = site.page("companies/index.html")
    assert f"{len(registry.companies)} organisations tracked, {len(named)} with briefings" in companies.article_text
    assert len([href for href, _ in companies.links if not href.startswith(("#", ".."))]) == len(named)
    topics = site.page("topics/index.html")
    assert f"{len(registry.topics)} topics defined, {len(filed)} with briefings" in topics.article_text
    assert "Pricing" not in topics.article_text


SITE_DESCRIPTION = "Cleaned, dated and sourced briefings on the China auto market."  # mkdocs.yml


def test_each_page_describes_itself_to_search_engines_and_when_shared(site: Site) -> None:
    """A briefing's meta description and Open Graph description are its summary, its og:title its headline (the
    hostile editor title included, quotes and all); other pages have their own description and title."""
    for briefing in site.result.briefings:
        head = site.briefing_page(briefing).head_meta
        assert head["description"] == briefing.summary, briefing.seed
        assert head["og:description"] == briefing.summary, briefing.seed
        assert head["og:title"] == briefing.meta.title, briefing.seed
        assert head["og:type"] == "article"
        assert head["og:site_name"] == "China Auto Market Briefings"
    registry = load_registry(site.project / "data")
    baic = site.page("companies/baic-group/index.html").head_meta
    assert (baic["og:title"], baic["og:type"]) == ("BAIC Group", "website")
    assert baic["description"] == baic["og:description"] == registry.companies["baic-group"].description
    home = site.page("index.html").head_meta
    assert home["og:title"] == "China Auto Market Briefings"
    assert home["description"] == home["og:description"] == SITE_DESCRIPTION
    about = site.page("about/index.html")  # a hand-written page without front matter: its title as the nav has it
    assert about.head_meta["og:title"] == about.title.removesuffix(" - China Auto Market Briefings") == "About"
    listing = site.page("briefings/index.html").head_meta
    assert (listing["og:title"], listing["og:description"]) == ("All briefings",
                                                                "Every briefing in the wiki, newest first.")


class LangParser(HTMLParser):
    """Text with Han characters outside an element marked lang="zh" (scripts, styles and the title aside)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.langs: list[str | None] = []  # of the open spans
        self.raw = ""
        self.unmarked: list[str] = []
        self.marked = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "span":
            self.langs.append(dict(attrs).get("lang"))
            self.marked += self.langs[-1] == "zh"
        elif tag in ("script", "style", "title"):
            self.raw = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self.langs.pop()
        elif tag == self.raw:
            self.raw = ""

    def handle_data(self, data: str) -> None:
        if not self.raw and HAN.search(data) and "zh" not in self.langs:
            self.unmarked.append(data)


def test_chinese_in_the_text_of_every_page_is_marked_lang_zh(site: Site) -> None:
    marked = 0
    for page in sorted(site.site.rglob("*.html")):
        parser = LangParser()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        assert parser.unmarked == [], page.relative_to(site.site)
        assert parser.langs == [], page.relative_to(site.site)
        marked += parser.marked
    assert marked > 20
    html = (site.site / "companies" / "baic-group" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="zh">北汽集团</span>' in html
    assert "<title>BAIC Group - " in html  # the title, attributes and scripts are left as they are
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">' in html

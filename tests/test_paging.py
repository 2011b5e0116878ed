"""Listings that stay small: company and topic pages, the briefings listing and the timeline split into pages.

The fixture seeds are too few to fill a page, so these tests add PAGED_SEEDS editor seeds (most of them about
NIO and batteries, spread over 2023 and 2024) and shrink the page sizes to SMALL: in-process by patching the
names generator.render uses, and for the real `mkdocs build --strict` by rewriting the constants in the project
copy's generator/paging.py (the copy is built in a subprocess).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from test_site import (
    FIXTURE_SEEDS,
    broken_links,
    fixture_seeds,
    make_project,
    mkdocs_build,
    parse,
)

from generator import frontmatter, paging
from generator import render as render_module
from generator.model import BuildResult
from generator.pipeline import build_site

TODAY = dt.date(2026, 1, 1)
SMALL = {"ENTITY_PAGE_SIZE": 4, "ARCHIVE_PAGE_SIZE": 6, "LISTING_PAGE_SIZE": 10, "TIMELINE_PAGE_SIZE": 12}
# Listing pages by kind, with the size that bounds them (company and topic first pages: their Briefings section).
LIMITS = (
    (re.compile(r"(companies|topics)/[^/]+\.md"), "ENTITY_PAGE_SIZE"),
    (re.compile(r"(companies|topics)/[^/]+/page/\d+\.md"), "ARCHIVE_PAGE_SIZE"),
    (re.compile(r"briefings\.md|briefings/page/\d+\.md"), "LISTING_PAGE_SIZE"),
    (re.compile(r"timeline/.+\.md"), "TIMELINE_PAGE_SIZE"),
)
BRIEFING_LINK = re.compile(r"^- .*?\]\(((?:\.\./)*briefings/[^)/]+\.md)\)", re.M)
MD_LINK = re.compile(r"\]\(([^)\s]+)\)")


def paged_seeds() -> dict[str, bytes]:
    """The fixture seeds plus 38 editor seeds: 26 in 2024 (14 of them in March), 8 in 2023 and 4 undated."""
    seeds = fixture_seeds()
    dates = ([f"2024-03-{day:02d}" for day in range(1, 15)] + [f"2024-{month:02d}-10" for month in range(4, 13)]
             + [f"2024-01-{day:02d}" for day in (5, 20, 25)]
             + [f"2023-{month:02d}-15" for month in (2, 4, 4, 6, 8, 9, 11, 12)] + [None] * 4)
    for n, date in enumerate(dates):
        line = f"date: {date}\n" if date else ""
        seeds[f"800_paged-{n:02d}.md"] = (
            f"---\ntitle: NIO battery note number {n}\n{line}source: Desk {n % 3}\n"
            f"companies: [nio]\ntopics: [batteries]\n---\n\n"
            f"NIO said its battery swap network grew again, the {n}th note of this series reports in some detail.\n"
        ).encode()
    return seeds


def write_seeds(folder: Path, seeds: dict[str, bytes]) -> Path:
    folder.mkdir()
    for name, data in seeds.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in SMALL.items():
        monkeypatch.setattr(render_module, name, value)


@pytest.fixture
def built(tmp_path: Path, small_pages: None) -> BuildResult:
    result = build_site(write_seeds(tmp_path / "seeds", paged_seeds()), FIXTURE_SEEDS.parent / "data", today=TODAY)
    assert not result.errors, [str(e) for e in result.errors]
    return result


def listed(text: str, path: str) -> list[str]:
    """The briefings a listing page lists (for a company or topic page, its Briefings section only)."""
    if re.fullmatch(r"(companies|topics)/[^/]+\.md", path):
        section = re.search(r"^## Briefings.*?$(.*?)(?=^## |\Z)", text, re.M | re.S)
        text = section.group(1) if section else ""
    return [posixpath_join(path, href) for href in BRIEFING_LINK.findall(text)]


def posixpath_join(page: str, href: str) -> str:
    """The docs-relative path a relative link on `page` points to."""
    parts = [*page.split("/")[:-1], *href.split("/")]
    out: list[str] = []
    for part in parts:
        if part == "..":
            out.pop()
        elif part not in ("", "."):
            out.append(part)
    return "/".join(out)


# --- paging helpers --------------------------------------------------------------------------------------------


def test_pages_live_under_the_first_page_and_links_between_them_are_relative() -> None:
    assert paging.page_path("companies/nio.md", 1) == "companies/nio.md"
    assert paging.page_path("companies/nio.md", 3) == "companies/nio/page/3.md"
    assert paging.page_path("briefings.md", 2) == "briefings/page/2.md"
    pager = paging.Pager("companies/nio.md", 2, 3)
    assert (pager.newer, pager.older) == ("../../nio.md", "3.md")
    assert paging.Pager("companies/nio.md", 1, 3).older == "nio/page/2.md"
    assert paging.relative("timeline/2024/03.md", "briefings/x.md") == "../../briefings/x.md"
    assert paging.docs_root("timeline/2024/03/page/2.md") == "../../../../"
    assert paging.chunks([], 5) == [()]
    assert paging.chunks([1, 2, 3], 2) == [(1, 2), (3,)]


def test_the_pager_shows_first_last_and_a_window_however_many_pages() -> None:
    numbers = [n for n, _ in paging.Pager("briefings.md", 50, 100).numbers()]
    assert numbers == [1, 0, 48, 49, 50, 51, 52, 0, 100]
    assert [n for n, _ in paging.Pager("briefings.md", 1, 3).numbers()] == [1, 2, 3]
    assert [n for n, _ in paging.Pager("briefings.md", 1, 5).numbers()] == [1, 2, 3, 0, 5]
    assert dict(paging.Pager("briefings.md", 2, 3).numbers())[2] is None  # the current page has no link


# --- generated Markdown ----------------------------------------------------------------------------------------


def test_a_company_with_more_than_k_briefings_gets_older_pages_linked_both_ways(built: BuildResult) -> None:
    newest_first = [b.slug for b in built.briefings if "nio" in b.companies]
    k, size = SMALL["ENTITY_PAGE_SIZE"], SMALL["ARCHIVE_PAGE_SIZE"]
    assert len(newest_first) > k + size  # at least three pages
    first, second = built.pages["companies/nio.md"], built.pages["companies/nio/page/2.md"]
    assert listed(first, "companies/nio.md") == [f"briefings/{s}.md" for s in newest_first[:k]]
    assert listed(second, "companies/nio/page/2.md") == [f"briefings/{s}.md" for s in newest_first[k:k + size]]
    assert "[Older →](nio/page/2.md)" in first
    assert "[← Newer](../../nio.md)" in second
    assert "[Older →](3.md)" in second
    pages = sorted(p for p in built.pages if p.startswith("companies/nio/page/"))
    assert len(pages) == -(-(len(newest_first) - k) // size)  # the older briefings, `size` to a page
    everything = [s for p in ["companies/nio.md", *sorted(pages, key=lambda p: int(p.split("/")[-1][:-3]))]
                  for s in listed(built.pages[p], p)]
    assert everything == [f"briefings/{s}.md" for s in newest_first]  # every briefing once, in order
    data, body = frontmatter.parse_page(second)
    pages_count = len(pages) + 1
    assert data["title"] == f"NIO: briefings, page 2 of {pages_count}"
    assert data["search"] == {"exclude": True}
    assert body.lstrip().startswith(f"# NIO: briefings, page 2 of {pages_count}\n")
    # The overview stays on the first page only.
    assert "## Often mentioned with" in first
    assert "## Often mentioned with" not in second


def test_a_company_with_few_briefings_has_one_page_and_no_pager(built: BuildResult) -> None:
    text = built.pages["companies/baic-group.md"]
    assert "pager" not in text
    assert not any(p.startswith("companies/baic-group/") and p.endswith(".md") for p in built.pages)


def test_no_listing_page_exceeds_its_limit(built: BuildResult) -> None:
    checked = set()
    for path, text in built.pages.items():
        for pattern, size in LIMITS:
            if pattern.fullmatch(path):
                assert len(listed(text, path)) <= SMALL[size], path
                checked.add(size)
                break
    assert checked == set(SMALL)


def test_the_timeline_has_years_months_of_a_busy_year_and_pages_of_a_busy_month(built: BuildResult) -> None:
    pages = built.pages
    assert "timeline/2023.md" in pages
    assert "timeline/2023/04.md" not in pages  # 8 briefings: one page
    assert "## April 2023 { #april-2023 }" in pages["timeline/2023.md"]
    assert "[April](timeline/2023.md#april-2023) (2)" in pages["timeline.md"]
    assert "[March](timeline/2024/03.md) (14)" in pages["timeline.md"]  # 24 briefings in 2024: a page a month
    assert "- [March 2024](2024/03.md) (14)" in pages["timeline/2024.md"]
    assert "timeline/2024/03/page/2.md" in pages  # 14 in March: two pages
    march = pages["timeline/2024/03.md"]
    assert "[← April 2024](04.md) · [2024](../2024.md) · [January 2024 →](01.md)" in march
    assert "[Older →](03/page/2.md)" in march
    assert "[December 2023 →](../2023.md#december-2023)" in pages["timeline/2024/01.md"]
    assert "timeline/undated.md" in pages
    dated = [b for b in built.briefings if b.meta.date]
    on_pages = [s for p, t in pages.items() if p.startswith("timeline/") for s in listed(t, p)]
    assert sorted(on_pages) == sorted(f"briefings/{b.slug}.md" for b in built.briefings)
    assert len(dated) < len(built.briefings)


def test_every_link_of_a_generated_page_reaches_a_generated_page_or_anchor(built: BuildResult) -> None:
    pages = built.pages
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        for href in MD_LINK.findall(text):
            if urlsplit(href).scheme:
                continue
            target, _, anchor = href.partition("#")
            if not target:
                continue
            resolved = posixpath_join(path, unquote(target))
            if resolved in ("index.md", "about.md"):
                continue
            assert resolved in pages, f"{path}: {href}"
            if anchor:
                assert f"{{ #{anchor} }}" in pages[resolved], f"{path}: {href}"


def test_every_listing_page_is_reached_from_the_nav_listings(built: BuildResult) -> None:
    pages = {p: t for p, t in built.pages.items() if p.endswith(".md")}
    start = ["briefings.md", "timeline.md", "companies.md", "topics.md"]
    seen, queue = set(start), list(start)
    while queue:
        path = queue.pop()
        for href in MD_LINK.findall(pages[path]):
            target = posixpath_join(path, href.partition("#")[0])
            if target in pages and target not in seen:
                seen.add(target)
                queue.append(target)
    assert {p for p in pages if "/page/" in p or p.startswith("timeline/")} - seen == set()


def test_listing_pages_are_kept_out_of_search(built: BuildResult) -> None:
    for path, text in built.pages.items():
        if "/page/" in path or path.startswith("timeline") or path == "briefings.md":
            data, _ = frontmatter.parse_page(text)
            assert data["search"] == {"exclude": True}, path
    assert "data-search-exclude" in re.search(r"<nav class=\"pager\"[^>]*>", built.pages["companies/nio.md"])[0]


def test_paged_output_is_deterministic(tmp_path: Path, small_pages: None) -> None:
    seeds = write_seeds(tmp_path / "seeds", paged_seeds())
    data = FIXTURE_SEEDS.parent / "data"
    assert build_site(seeds, data, today=TODAY).pages == build_site(seeds, data, today=TODAY).pages


# --- the real site ---------------------------------------------------------------------------------------------


def shrink_page_sizes(project: Path) -> None:
    """Set the project copy's page sizes to SMALL."""
    path = project / "generator" / "paging.py"
    text = path.read_text(encoding="utf-8")
    for name, value in SMALL.items():
        text, found = re.subn(rf"^{name} = \d+", f"{name} = {value}", text, flags=re.M)
        assert found == 1, name
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A strict build of the fixture seeds plus the paged seeds, with SMALL page sizes."""
    base = tmp_path_factory.mktemp("paged")
    project = make_project(base, paged_seeds())
    shrink_page_sizes(project)
    run = mkdocs_build(project, base / "site")
    assert run.returncode == 0, f"mkdocs build --strict failed:\n{run.stdout}\n{run.stderr}"
    return base / "site"


def test_the_strict_build_has_every_listing_page_with_its_title(paged_site: Path) -> None:
    page = parse(paged_site / "companies" / "nio" / "page" / "2" / "index.html")
    assert page.h1[0].startswith("NIO: briefings, page 2 of ")
    assert page.title.startswith("NIO: briefings, page 2 of ")
    assert ("../../", "NIO") in page.links  # the overview, from the sentence under the title
    assert ("../../", "← Newer") in page.links
    assert ("../3/", "Older →") in page.links
    first = parse(paged_site / "companies" / "nio" / "index.html")
    assert ("page/2/", "Older →") in first.links
    for rel in ("briefings/page/2/index.html", "timeline/2024/index.html", "timeline/2024/03/index.html",
                "timeline/2024/03/page/2/index.html", "timeline/2023/index.html", "timeline/undated/index.html",
                "topics/batteries/page/2/index.html"):
        assert (paged_site / rel).is_file(), rel
    assert parse(paged_site / "timeline/2024/03/page/2/index.html").h1 == ["Timeline: March 2024, page 2 of 2"]


def test_no_built_listing_page_exceeds_its_limit(paged_site: Path) -> None:
    limits = {"companies": "ARCHIVE_PAGE_SIZE", "topics": "ARCHIVE_PAGE_SIZE", "briefings": "LISTING_PAGE_SIZE",
              "timeline": "TIMELINE_PAGE_SIZE"}
    checked = set()
    for path in paged_site.rglob("index.html"):
        rel = path.relative_to(paged_site).as_posix()
        if not re.search(r"/page/\d+/index\.html$|^timeline/.+/index\.html$", rel):
            continue
        briefings = {href for href, _ in parse(path).links if re.search(r"(^|/)briefings/(?!page/)[^/]+/$", href)}
        assert len(briefings) <= SMALL[limits[rel.split("/")[0]]], rel
        checked.add(rel.split("/")[0])
    assert checked == set(limits)


def test_every_internal_link_of_the_paged_site_resolves(paged_site: Path) -> None:
    assert broken_links(paged_site) == []

"""Edit links and the pull-request preview: strict builds of a project copy with and without REPO_URL, and with
DIRECTORY_URLS=false (`make preview`), read back as HTML."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from test_site import FIXTURE_DATA, FIXTURE_SEEDS, ROOT, SEED_FILES, SOURCE_DATE_EPOCH, TODAY, make_project, parse

from generator.edit_links import edit_url, page_sources, repository_urls
from generator.load import load_registry
from generator.pipeline import build_site

REPO = "https://github.com/example/briefings"
EDIT = re.compile(r'<a href="([^"]*)" title="Edit this page"')


def build(project: Path, site: Path, **env: str) -> None:
    clean = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "REPO_URL", "DIRECTORY_URLS")}
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env={**clean, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **env},
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0, f"mkdocs build --strict failed:\n{run.stdout}\n{run.stderr}"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site sources with the fixture seeds (one in a sub-folder, with a space) and CONTRIBUTING.md."""
    seeds = {name: (FIXTURE_SEEDS / name).read_bytes() for name in SEED_FILES}
    project = make_project(tmp_path_factory.mktemp("edit"), seeds)
    (project / "seeds" / "2024 archive").mkdir()
    shutil.move(project / "seeds" / SEED_FILES[0], project / "seeds" / "2024 archive" / SEED_FILES[0])
    shutil.copy2(ROOT / "CONTRIBUTING.md", project / "CONTRIBUTING.md")
    return project


@pytest.fixture(scope="module")
def sites(project: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("sites")
    build(project, base / "plain")
    build(project, base / "linked", REPO_URL=REPO)
    build(project, base / "preview", REPO_URL=REPO, DIRECTORY_URLS="false")
    return {name: base / name for name in ("plain", "linked", "preview")}


def edit_links(site: Path) -> dict[str, str]:
    """Page (relative path) -> its edit link, for every page that has one."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        links = EDIT.findall(path.read_text(encoding="utf-8"))
        assert len(links) <= 1, path
        if links:
            found[path.relative_to(site).as_posix()] = links[0]
    return found


def test_without_a_repository_url_no_page_has_an_edit_link(sites: dict[str, Path]) -> None:
    assert edit_links(sites["plain"]) == {}
    assert 'class="md-source"' not in (sites["plain"] / "index.html").read_text(encoding="utf-8")


def test_briefings_edit_their_seed_registry_pages_show_their_entry_and_listings_have_none(
    project: Path, sites: dict[str, Path]
) -> None:
    result = build_site(project / "seeds", project / "data", today=TODAY)
    registry = load_registry(FIXTURE_DATA)
    expected = {
        "index.html": f"{REPO}/edit/main/docs/index.md",
        "about/index.html": f"{REPO}/edit/main/docs/about.md",
        "contributing/index.html": f"{REPO}/edit/main/CONTRIBUTING.md",
    }
    for briefing in result.briefings:
        seed = briefing.path.replace(" ", "%20")
        expected[f"briefings/{briefing.slug}/index.html"] = f"{REPO}/edit/main/seeds/{seed}"
    named = {slug for b in result.briefings for slug in (*b.companies, *b.institutions)}
    for company in registry.companies.values():
        if company.slug in named:  # only an entry with briefings has a page
            expected[f"companies/{company.slug}/index.html"] = f"{REPO}/blob/main/data/companies.yml#L{company.line}"
    for topic in registry.topics.values():
        if any(topic.slug in b.topics for b in result.briefings):
            expected[f"topics/{topic.slug}/index.html"] = f"{REPO}/blob/main/data/topics.yml#L{topic.line}"
    sourced = {registry.source_slugs.get(b.meta.source or "") for b in result.briefings} - {None}
    for slug in sourced:  # only a source with briefings has a page
        expected[f"sources/{slug}/index.html"] = f"{REPO}/blob/main/data/sources.yml#L{registry.sources[slug].line}"
    assert edit_links(sites["linked"]) == expected
    assert "edit/main/seeds/2024%20archive/000_9d0c473e86c7d007.txt" in " ".join(expected.values())
    lines = (FIXTURE_DATA / "companies.yml").read_text(encoding="utf-8").splitlines()
    assert lines[registry.companies["baic-group"].line - 1] == "- slug: baic-group"


def test_the_repository_link_in_the_header_fetches_nothing_from_github(sites: dict[str, Path]) -> None:
    html = (sites["linked"] / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{REPO}" title="Go to repository" class="md-source">' in html
    assert 'data-md-component="source"' not in html


def test_the_contributing_page_is_the_repositorys_guide(sites: dict[str, Path]) -> None:
    page = parse(sites["plain"] / "contributing" / "index.html")
    assert page.h1 == ["Contributing"]
    assert "What the check's messages mean" in page.h2
    assert "include:" not in (sites["plain"] / "contributing" / "index.html").read_text(encoding="utf-8")


def test_the_preview_opens_from_disk(sites: dict[str, Path]) -> None:
    site = sites["preview"]
    assert (site / "index.html").is_file()
    assert (site / "contributing.html").is_file()
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        for href, _ in parse(path).links:
            url = urlsplit(href)
            if url.scheme or url.netloc or not url.path:
                continue
            assert not url.path.endswith("/"), f"{path.relative_to(site)}: {href} needs a web server"
            assert (path.parent / unquote(url.path)).is_file(), f"{path.relative_to(site)}: broken link {href}"
    assert edit_links(site)["contributing.html"] == f"{REPO}/edit/main/CONTRIBUTING.md"


def test_edit_link_helpers() -> None:
    assert repository_urls(None, "edit/main/docs/") is None
    assert repository_urls(REPO, None) is None
    assert repository_urls(REPO + "/", "edit/trunk/docs/") == (f"{REPO}/edit/trunk/", f"{REPO}/blob/trunk/")
    urls = (f"{REPO}/edit/main/", f"{REPO}/blob/main/")
    assert edit_url(urls, "seeds/a b#1.txt") == f"{REPO}/edit/main/seeds/a%20b%231.txt"
    assert edit_url(urls, "data/topics.yml", 12) == f"{REPO}/blob/main/data/topics.yml#L12"
    sources = page_sources((), load_registry(FIXTURE_DATA))
    assert sources["companies/nio.md"][0] == "data/companies.yml"
    assert "companies.md" not in sources
    assert "briefings.md" not in sources

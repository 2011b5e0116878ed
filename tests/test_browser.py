"""The built site in a real browser: Playwright for Python driving Debian's Chromium (/usr/bin/chromium).

The site is built once with `mkdocs build --strict` from a temporary copy of the project (the fixture seeds and
fixture registry of test_site.py, SOURCE_DATE_EPOCH fixed), served on 127.0.0.1 by the standard library's
http.server, and opened in one browser context. Every request, failed request, HTTP error, console error, page
error, dialog and Content-Security-Policy violation of every test is recorded; a test that causes any of them, or
any request to a host other than 127.0.0.1, fails at teardown. Screenshots go to test-artifacts/ at the project
root (uploaded by CI). Two more builds of the same seeds are read: one with SITE_URL set to the server's address
(Material's instant navigation needs it) and the preview (DIRECTORY_URLS=false), opened from disk over file://.

Chromium is never downloaded (`playwright install` is not used): without /usr/bin/chromium the tests skip
locally and fail when CI is set.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest
from test_paging import paged_seeds, shrink_page_sizes
from test_site import ANCHORS, EDITOR_SEED, EDITOR_TEXT, FIXTURE_SEEDS, ROOT, SEED_FILES, make_project, mkdocs_build

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium phones home, and this machine's closed network refuses the connections.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOST = "127.0.0.1"
ARTIFACTS = ROOT / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 10_000

# The Qingdao story heads the home page's "Latest briefings": it gives no publication date, and it was added on the
# build date (the test site is built outside git, so every seed was).
NEWEST_SEED = "003_1ec37179ea895076.txt"
QINGDAO_BRIEFING = "briefings/xiaomi-may-take-over-baics-plant-in-qingdao-report-says/"
BAIC_GROUP = "companies/baic-group/"
SEARCH_INITIALIZING = "Initializing search"
SEARCH_PLACEHOLDER = "Type to start searching"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason: str) -> None:
    """Skip locally; in CI a missing browser is a failure, never a silent skip."""
    if in_ci():
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


try:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
    from playwright.sync_api import Error as PlaywrightError
except ImportError:  # pragma: no cover - the `test` extra installs both
    sync_playwright = None


# --- the site and its server ------------------------------------------------------------------------------------


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # the base class names it so
        pass


@dataclass
class Served:
    site: Path
    base: str  # http://127.0.0.1:<port>/

    def url(self, rel: str = "") -> str:
        return self.base + rel

    def rel(self, url: str) -> str:
        """The site-relative path of a URL on the server, without query and fragment."""
        parts = urlsplit(url)
        assert parts.hostname == HOST, url
        return parts.path.lstrip("/")


HOSTILE_SEEDS = Path(__file__).parent / "hostile" / "seeds"
HOSTILE_MARKUP = {
    "markup.txt": "briefings/raw-html-in-a-scraped-page-stays-text/",
    "markup-editor.md": "briefings/raw-html-in-an-editor-seed-stays-text/",
}


# An editor's seed whose title was corrected: its old address is a redirect page (generator/redirects.py).
RENAMED_SEED = "910_editor-renamed.md"
OLD_ADDRESS = "briefings/nio-opens-battery-swap-stations/"
NEW_ADDRESS = "briefings/nio-opens-its-battery-swap-network-to-rival-carmakers/"
RENAMED_TEXT = """---
title: NIO opens its battery-swap network to rival carmakers
date: 2024-05-06
aliases: [nio-opens-battery-swap-stations]
---

NIO said on Monday that it would open its network of 2,300 battery-swap stations to other carmakers.
"""


def browser_seeds() -> dict[str, bytes]:
    """The fixture seeds, the editor seeds and the markup seeds, by file name."""
    seeds = {name: (FIXTURE_SEEDS / name).read_bytes() for name in SEED_FILES}
    seeds[EDITOR_SEED] = EDITOR_TEXT.encode("utf-8")
    seeds[RENAMED_SEED] = RENAMED_TEXT.encode("utf-8")
    for name in HOSTILE_MARKUP:  # raw HTML, event handlers and javascript: links that must stay inert
        seeds[name] = (HOSTILE_SEEDS / name).read_bytes()
    return seeds


def build(project: Path, site: Path, **settings: str) -> None:
    run = mkdocs_build(project, site, **settings)
    assert run.returncode == 0, f"mkdocs build --strict failed:\n{run.stdout}\n{run.stderr}"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    base = tmp_path_factory.mktemp("browser")
    project = make_project(base, browser_seeds())
    site = base / "site"
    build(project, site)
    with serve(site) as served:
        yield served


@pytest.fixture(scope="module")
def served_instant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The same site built for its address (SITE_URL), as deployed: Material then navigates without reloading."""
    base = tmp_path_factory.mktemp("browser-instant")
    project = make_project(base, browser_seeds())
    site = base / "site"
    site.mkdir()
    with serve(site) as served:
        build(project, site, SITE_URL=served.base)
        yield served


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The preview (`make preview`), which reviewers open from disk: links to .html files."""
    base = tmp_path_factory.mktemp("browser-preview")
    project = make_project(base, browser_seeds())
    site = base / "site"
    build(project, site, DIRECTORY_URLS="false")
    return site


@pytest.fixture(scope="module")
def served_paged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A site whose listings run over several pages: test_paging's extra seeds and small page sizes."""
    base = tmp_path_factory.mktemp("browser-paged")
    project = make_project(base, paged_seeds())
    shrink_page_sizes(project)
    site = base / "site"
    run = mkdocs_build(project, site)
    assert run.returncode == 0, f"mkdocs build --strict failed:\n{run.stdout}\n{run.stderr}"
    with serve(site) as served:
        yield served


@contextlib.contextmanager
def serve(site: Path) -> Iterator[Served]:
    """Serve a built site on 127.0.0.1 for as long as the block runs."""
    server = http.server.ThreadingHTTPServer((HOST, 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield Served(site, f"http://{HOST}:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- the browser and what it does ---------------------------------------------------------------------------------


@dataclass
class Traffic:
    """Everything the browser asked for, and everything that went wrong, in the order it happened."""

    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    # data: and blob: URLs are made inside the page and go to no host; file: is the preview, opened from disk.
    return parts.scheme in ("data", "blob", "file") or (parts.scheme == "http" and parts.hostname == HOST)


# Every Content-Security-Policy violation becomes a console error (which fails the test) and is kept in the page.
REPORT_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event => {
  const report = `${event.violatedDirective} refused ${event.blockedURI || "inline code"} on ${location.href}`;
  window.__violations.push(report);
  console.error(`Content-Security-Policy violation: ${report}`);
});
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if sync_playwright is None:
        unavailable("the playwright package is not installed (make install)")
    if not CHROMIUM.is_file():
        unavailable(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium fonts-noto-cjk)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture(scope="module")
def context(browser: Browser, traffic: Traffic) -> Iterator[BrowserContext]:
    context = watched(browser.new_context(viewport=DESKTOP, color_scheme="light", locale="en-US"), traffic)
    try:
        yield context
    finally:
        context.close()


def watched(context: BrowserContext, traffic: Traffic) -> BrowserContext:
    """`context`, with every request and every problem it meets recorded in `traffic`."""
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(REPORT_VIOLATIONS)  # Playwright's own script, outside the pages' policy
    problems = traffic.problems

    def on_response(response: Any) -> None:
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url}")

    def on_console(message: Any) -> None:
        if message.type == "error":
            where = message.page.url if message.page else "?"
            problems.append(f"console error on {where}: {message.text}")

    def on_dialog(dialog: Any) -> None:
        problems.append(f"{dialog.type} dialog: {dialog.message}")
        dialog.dismiss()

    context.on("request", lambda request: traffic.requests.append(request.url))
    def on_failed(request: Any) -> None:
        # A load the browser cancels because the tab navigated on or closed (the search worker still starting on a
        # busy machine) is not a failure of the site; every other failure is, and so is any HTTP error above.
        if request.failure != "net::ERR_ABORTED":
            problems.append(f"request failed: {request.url} ({request.failure})")

    context.on("requestfailed", on_failed)
    context.on("response", on_response)
    context.on("console", on_console)
    context.on("weberror", lambda error: problems.append(f"page error: {error.error}"))
    context.on("dialog", on_dialog)
    return context


@pytest.fixture
def page(context: BrowserContext, traffic: Traffic) -> Iterator[Page]:
    """A fresh tab; whatever the test made the browser do must be error-free and stay on 127.0.0.1."""
    seen, reported = len(traffic.requests), len(traffic.problems)
    page = context.new_page()
    yield page
    page.close()
    problems = [f"request to another host: {url}" for url in traffic.requests[seen:] if not is_local(url)]
    problems += traffic.problems[reported:]
    assert not problems, "\n".join(problems)


@pytest.fixture(params=["light", "dark"])
def schemed_page(request: pytest.FixtureRequest, browser: Browser, traffic: Traffic) -> Iterator[Page]:
    """A tab in a context of its own that prefers the light or the dark scheme (a stored choice of palette would
    override the preference), held to the same rules as `page`."""
    seen, reported = len(traffic.requests), len(traffic.problems)
    context = watched(browser.new_context(viewport=DESKTOP, color_scheme=request.param, locale="en-US"), traffic)
    try:
        yield context.new_page()
    finally:
        context.close()
    problems = [f"request to another host: {url}" for url in traffic.requests[seen:] if not is_local(url)]
    problems += traffic.problems[reported:]
    assert not problems, "\n".join(problems)


def visit(page: Page, url: str) -> None:
    """Open a page and wait until the network is quiet (the search index is loaded after `load`; leaving earlier
    would abort that request)."""
    response = page.goto(url, wait_until="networkidle")
    assert response is not None
    assert response.status == 200, url


def settle(page: Page) -> None:
    page.wait_for_load_state("networkidle")


def heading(page: Page) -> str:
    """The article's H1 without its permalink."""
    text = page.locator("article h1").first.evaluate(
        "h => { const c = h.cloneNode(true); c.querySelectorAll('.headerlink').forEach(a => a.remove());"
        " return c.textContent; }"
    )
    return " ".join(text.split())


def briefing_meta(page: Page) -> dict[str, str]:
    return page.locator("dl.briefing-meta").evaluate(
        "dl => Object.fromEntries([...dl.querySelectorAll('div')].map(d => "
        "[d.querySelector('dt').textContent.trim(), d.querySelector('dd').textContent.trim()]))"
    )


# --- reading ---------------------------------------------------------------------------------------------------


def test_click_from_home_to_a_briefing_its_company_and_topic_and_back(page: Page, served: Served) -> None:
    visit(page, served.url())
    first = page.locator("h2#latest-briefings + ul > li a").first
    title = " ".join(first.inner_text().split())
    # Material's instant navigation makes every link absolute.
    href = served.rel(urljoin(page.url, first.get_attribute("href") or ""))
    assert href.startswith("briefings/"), href
    first.click()
    expect(page).to_have_url(served.url(href))
    settle(page)
    assert heading(page) == title
    assert ANCHORS[NEWEST_SEED]["date"] is None
    meta = briefing_meta(page)
    assert meta["Date"] == "Added 2026-01-01, publication date unknown"
    assert meta["Source"] == "CnEVPost"
    assert "Author" not in meta
    assert re.fullmatch(r"\d+ min", meta["Reading time"]), meta
    briefing_url = page.url

    for chip, folder in (("a.chip:not(.chip--topic)", "companies"), ("a.chip--topic", "topics")):
        link = page.locator(f"article .briefing-tags {chip}").first
        name = link.inner_text().strip()
        assert f"/{folder}/" in (link.get_attribute("href") or "")
        link.click()
        expect(page).to_have_url(re.compile(rf"/{folder}/[^/]+/$"))
        settle(page)
        assert heading(page) == name

        page.go_back()
        expect(page).to_have_url(briefing_url)
        settle(page)
        assert heading(page) == title
    expect(page.locator("dl.briefing-meta")).to_be_visible()


def test_top_tabs_lead_to_the_indexes(page: Page, served: Served) -> None:
    visit(page, served.url())
    tabs = [" ".join(t.split()) for t in page.locator("nav.md-tabs a.md-tabs__link").all_inner_texts()]
    for tab in ("Briefings", "Companies", "Topics", "Timeline"):
        assert tab in tabs, tabs
    page.locator("nav.md-tabs a.md-tabs__link", has_text="Companies").click()
    expect(page).to_have_url(served.url("companies/"))
    settle(page)
    assert heading(page) == "Companies"
    expect(page.locator("nav.md-tabs .md-tabs__item--active")).to_have_text("Companies")


def test_a_company_pager_leads_to_older_briefings_and_back(page: Page, served_paged: Served) -> None:
    visit(page, served_paged.url("companies/nio/"))
    assert heading(page) == "NIO"
    page.locator("article nav.pager a", has_text="Older →").click()
    expect(page).to_have_url(served_paged.url("companies/nio/page/2/"))
    settle(page)
    assert heading(page).startswith("NIO: briefings, page 2 of ")
    expect(page).to_have_title(re.compile(r"^NIO: briefings, page 2 of \d+ - "))
    page.locator("article nav.pager a", has_text="Older →").click()
    expect(page).to_have_url(served_paged.url("companies/nio/page/3/"))
    settle(page)
    page.locator("article nav.pager a", has_text="← Newer").click()
    page.locator("article nav.pager a", has_text="← Newer").click()
    expect(page).to_have_url(served_paged.url("companies/nio/"))
    settle(page)
    assert heading(page) == "NIO"


def test_the_timeline_leads_to_a_year_and_a_month(page: Page, served_paged: Served) -> None:
    visit(page, served_paged.url("timeline/"))
    page.locator("article a", has_text="March").first.click()
    expect(page).to_have_url(served_paged.url("timeline/2024/03/"))
    settle(page)
    assert heading(page) == "Timeline: March 2024, page 1 of 2"
    page.locator("article nav.pager--periods").get_by_role("link", name="2024", exact=True).click()
    expect(page).to_have_url(served_paged.url("timeline/2024/"))
    settle(page)
    assert heading(page) == "Timeline: 2024"


# --- searching -------------------------------------------------------------------------------------------------

SEARCHES: dict[str, list[list[str]]] = {}
QUIET_RESULTS = """() => {
  const now = performance.now(), html = document.querySelector(".md-search-result").innerHTML;
  if (window.__results !== html) { window.__results = html; window.__resultsSince = now; return false; }
  return now - window.__resultsSince > 300;
}"""


def search(page: Page, served: Served, query: str) -> list[tuple[str, str]]:
    """Type `query` into Material's search box; the results as (site-relative path, title), best first."""
    visit(page, served.url())
    box = page.locator("input.md-search__input")
    box.click()  # on a desktop the box sits in the header
    expect(box).to_be_focused()
    meta = page.locator(".md-search-result__meta")
    # The index (search/search_index.json) is loaded by a web worker; the box works once it is ready.
    expect(meta).not_to_have_text(SEARCH_INITIALIZING)
    # Material searches on keyup: set the whole query, then one key press, so only the full query is searched.
    box.fill(query)
    box.press("End")
    expect(meta).not_to_have_text(re.compile(f"^({SEARCH_INITIALIZING}|{SEARCH_PLACEHOLDER})$"))
    # Results are rendered in steps: read them once the list has not changed for a moment.
    page.wait_for_function(QUIET_RESULTS, polling=50)
    found = page.locator(".md-search-result__list").evaluate(
        "ol => [...ol.querySelectorAll(':scope > li.md-search-result__item > a.md-search-result__link')]"
        ".map(a => [a.href, (a.querySelector('h1, h2') || a).textContent])"
    )
    results = [(served.rel(href), " ".join(title.split())) for href, title in found]
    SEARCHES[query] = [[path, title] for path, title in results]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "search-results.json").write_text(json.dumps(SEARCHES, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
    return results


def shown(results: list[tuple[str, str]]) -> str:
    return "\n".join(f"  {n}. {path or '(home)'} - {title}" for n, (path, title) in enumerate(results, 1)) or "  none"


def test_search_finds_a_word_of_one_briefing_in_that_briefing(page: Page, served: Served) -> None:
    results = search(page, served, "Qingdao")
    briefings = [path for path, _ in results if re.fullmatch(r"briefings/[^/]+/", path)]
    assert briefings == [QINGDAO_BRIEFING], f"'Qingdao' gave:\n{shown(results)}"


def test_search_for_an_english_alias_puts_the_company_first(page: Page, served: Served) -> None:
    results = search(page, served, "Beijing Automotive Group")
    assert results, "'Beijing Automotive Group' found nothing"
    assert results[0][0] == BAIC_GROUP, f"'Beijing Automotive Group' gave:\n{shown(results)}"


def test_search_for_a_chinese_alias_puts_the_company_first(page: Page, served: Served) -> None:
    results = search(page, served, "北汽")
    assert results, "'北汽' found nothing"
    # 北汽 is also the start of BAIC BluePark's 北汽蓝谷: the group must still come first.
    assert results[0][0] == BAIC_GROUP, f"'北汽' gave:\n{shown(results)}"


# --- crawling --------------------------------------------------------------------------------------------------


class LinkParser(HTMLParser):
    """Links to follow (a href) and resources the browser loads (script src, link href, img src)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.assets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v for k, v in attrs if v is not None}
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        elif tag == "link" and "href" in a:
            self.assets.append(a["href"])
        elif tag in ("script", "img", "source", "iframe") and "src" in a:
            self.assets.append(a["src"])


def test_every_page_is_reached_from_home_and_every_link_and_asset_answers_200(
    context: BrowserContext, served: Served
) -> None:
    crawl(context, served)


def test_every_page_of_a_site_with_paged_listings_is_reached_and_answers_200(
    context: BrowserContext, served_paged: Served
) -> None:
    crawl(context, served_paged)


def crawl(context: BrowserContext, served: Served) -> None:
    """Follow every link from the home page: each page and asset must answer 200, and every page be reached."""

    def clean(url: str) -> str:
        parts = urlsplit(url)
        return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))

    start = served.url()
    queue, pages, assets, statuses = [start], {start}, set(), {}
    broken: list[str] = []
    while queue:
        url = queue.pop(0)
        response = context.request.get(url)
        statuses[url] = response.status
        if response.status != 200:
            broken.append(f"{response.status} {url}")
            continue
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue  # e.g. a briefing's seed, published as plain text
        parser = LinkParser()
        parser.feed(response.text())
        parser.close()
        for href in parser.links:
            target = urljoin(url, href)
            if urlsplit(target).scheme not in ("http", "https"):
                continue  # mailto: and the like
            if urlsplit(target).netloc != urlsplit(start).netloc:
                continue  # out of the site (e.g. the docs' http://127.0.0.1:8000/ of `mkdocs serve`)
            target = clean(target)
            if target not in pages:
                pages.add(target)
                queue.append(target)
        for src in parser.assets:
            target = urljoin(url, src)
            assert is_local(target), f"{url} loads {src} from another host"
            if urlsplit(target).scheme == "http":
                assets.add(clean(target))
    for url in sorted(assets - set(statuses)):
        status = context.request.get(url).status
        if status != 200:
            broken.append(f"{status} {url}")
    assert not broken, "\n".join(broken)

    reached = {served.rel(url) for url in pages}
    # Redirect pages (old addresses: generator/redirects.py) are reached from outside only, never by a link.
    built = {p.relative_to(served.site).as_posix() for p in served.site.rglob("*.html")
             if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")} - {"404.html"}
    expected = {rel.removesuffix("index.html") for rel in built}
    orphans = sorted(expected - reached)
    assert not orphans, f"pages no link leads to: {orphans}"
    assert len(assets) >= 4, assets  # stylesheets, the bundle, the favicon


# --- looking ---------------------------------------------------------------------------------------------------


def screenshot(page: Page, name: str) -> Path:
    page.evaluate("document.fonts.ready")
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), animations="disabled", caret="hide")
    assert path.stat().st_size > 10_000, path  # not a blank page
    return path


def test_screenshots_of_home_briefing_and_company_pages(page: Page, served: Served) -> None:
    briefing = "briefings/baics-4-million-unit-ambition-the-end-of-the-china-jv-era/"
    shots = {
        "home-desktop": "",
        "briefing-desktop": briefing,
        "company-desktop": BAIC_GROUP,
    }
    for name, rel in shots.items():
        visit(page, served.url(rel))
        screenshot(page, name)
    page.set_viewport_size(PHONE)
    visit(page, served.url(briefing))
    screenshot(page, "briefing-phone")


def test_palette_toggle_switches_between_light_and_dark(page: Page, served: Served) -> None:
    visit(page, served.url())
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    toggle = page.locator('form[data-md-component="palette"] label.md-header__button:visible')
    expect(toggle).to_have_count(1)
    expect(toggle).to_have_attribute("title", "Switch to dark mode")
    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(toggle).to_have_attribute("title", "Switch to light mode")
    toggle.click()  # back to light: the choice is stored for the whole browser context
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def test_no_horizontal_scroll_on_a_phone(page: Page, served: Served) -> None:
    page.set_viewport_size(PHONE)
    rels = ["", "briefings/", "companies/", BAIC_GROUP, "topics/", "timeline/"]
    rels += sorted(f"briefings/{p.parent.name}/" for p in served.site.glob("briefings/*/index.html"))
    wide = wider_than_the_viewport(page, served, rels)
    assert not wide, f"wider than the phone (scrollWidth, innerWidth): {wide}"


def test_no_horizontal_scroll_on_a_phone_on_paged_listings(page: Page, served_paged: Served) -> None:
    page.set_viewport_size(PHONE)
    rels = ["companies/nio/", "companies/nio/page/4/", "briefings/page/2/", "timeline/", "timeline/2024/03/"]
    wide = wider_than_the_viewport(page, served_paged, rels)
    assert not wide, f"wider than the phone (scrollWidth, innerWidth): {wide}"


def wider_than_the_viewport(page: Page, served: Served, rels: list[str]) -> dict[str, list[int]]:
    """The pages among `rels` that scroll sideways: (scrollWidth, innerWidth) by page."""
    wide = {}
    for rel in rels:
        visit(page, served.url(rel))
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if widths[0] > widths[1]:
            wide[rel or "(home)"] = widths
    return wide


def test_an_old_address_sends_the_reader_on_to_the_briefing(page: Page, served: Served, preview: Path) -> None:
    """The redirect page of a corrected title: a meta refresh, no script, under its own strict policy; also from
    the preview opened from disk."""
    page.goto(served.url(OLD_ADDRESS), wait_until="commit")
    expect(page).to_have_url(served.url(NEW_ADDRESS))
    settle(page)
    assert heading(page) == "NIO opens its battery-swap network to rival carmakers"
    assert violations(page) == []
    old = (preview / OLD_ADDRESS.rstrip("/")).with_suffix(".html").as_uri()
    page.goto(old, wait_until="commit")
    expect(page).to_have_url((preview / NEW_ADDRESS.rstrip("/")).with_suffix(".html").as_uri())
    page.wait_for_load_state("load")
    assert violations(page) == []


def test_markup_from_seeds_is_shown_as_text_and_never_runs(page: Page, served: Served) -> None:
    for path in HOSTILE_MARKUP.values():
        visit(page, served.url(path))
        article = page.locator("article").inner_text()
        assert "<script>alert('x')</script>" in article, path
        for link in page.locator("article a").all():
            assert not (link.get_attribute("href") or "").lower().startswith(("javascript:", "data:")), path
        # Hover and click everything that a seed tried to arm; the recorder fails the test on any dialog.
        for element in page.locator("article p, article div").all()[:40]:
            element.hover()
        assert page.evaluate("document.querySelectorAll('article [onclick], article [onmouseover], "
                             "article [onerror]').length") == 0


# --- accessibility ---------------------------------------------------------------------------------------------

# The pages axe-core checks: the home page, a briefing (with company links in its text and Chinese names), a company
# page and a topic page; then the home page with the search dialog open and a query typed.
AXE_PAGES = {
    "home": "",
    "briefing": "briefings/under-the-banner-of-the-communist-party-of-china-baic-group-deepens-and-speeds/",
    "company": BAIC_GROUP,
    "topic": "topics/joint-ventures/",
}
AXE_QUERY = "BAIC"
BLOCKING = ("serious", "critical")


def axe_violations(page: Page, name: str, found: dict[str, list[dict[str, Any]]]) -> None:
    """Run axe-core (injected by the test, never loaded by the site) over the page; its violations go into `found`
    under `name`."""
    response = Axe().run(page).response
    found[name] = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                    "nodes": [{"target": n["target"], "html": n["html"], "summary": n.get("failureSummary", "")}
                              for n in v["nodes"]]} for v in response["violations"]]


def test_axe_reports_no_serious_or_critical_violation(schemed_page: Page, served: Served) -> None:
    """WCAG checks of axe-core 4 in Chromium, in the light and the dark scheme: contrast of every text, links told
    from text without colour, names of the search dialog and its controls, landmarks, languages."""
    page = schemed_page
    scheme = "slate" if page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") else "default"
    found: dict[str, list[dict[str, Any]]] = {}
    for name, rel in AXE_PAGES.items():
        visit(page, served.url(rel))
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
        axe_violations(page, name, found)
    visit(page, served.url())
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text(SEARCH_INITIALIZING)
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type(AXE_QUERY)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.wait_for_function(QUIET_RESULTS, polling=50)
    expect(page.get_by_role("dialog", name="Search")).to_be_attached()
    axe_violations(page, "search", found)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{scheme}.json").write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n",
                                                  encoding="utf-8")
    blocking = [f"{name}: {v['id']} ({v['impact']}) {v['help']}: "
                + "; ".join(f"{n['target']} {n['summary']}" for n in v["nodes"][:5])
                for name, violations in found.items() for v in violations if v["impact"] in BLOCKING]
    assert not blocking, "\n".join(blocking)


# --- the Content-Security-Policy ------------------------------------------------------------------------------------


def violations(page: Page) -> list[str]:
    """The policy violations the page has seen since its document was loaded."""
    return page.evaluate("window.__violations")


def policy_of(page: Page) -> str:
    return page.locator('head meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""


def test_instant_navigation_between_pages_of_different_depth_keeps_to_the_policy(
    page: Page, served_instant: Served
) -> None:
    """Home (depth 0), a briefing and a company (depth 2), the briefings listing (depth 1) and back, in one document:
    the policy of the first page (its hashes hold that page's base URL) stays in force throughout."""
    visit(page, served_instant.url())
    assert "'unsafe-inline'" not in policy_of(page)
    page.evaluate("window.__sameDocument = true")
    page.locator("h2#latest-briefings + ul > li a").first.click()
    expect(page).to_have_url(re.compile(r"/briefings/[^/]+/$"))
    settle(page)
    expect(page.locator("dl.briefing-meta")).to_be_visible()
    page.locator("article .briefing-tags a.chip").first.click()
    expect(page).to_have_url(re.compile(r"/companies/[^/]+/$"))
    settle(page)
    page.locator("nav.md-tabs a.md-tabs__link", has_text="Briefings").click()
    expect(page).to_have_url(served_instant.url("briefings/"))
    settle(page)
    page.go_back()
    expect(page).to_have_url(re.compile(r"/companies/[^/]+/$"))
    settle(page)
    page.locator("header a.md-logo").click()
    expect(page).to_have_url(served_instant.url())
    settle(page)
    assert page.evaluate("window.__sameDocument") is True, "Material reloaded a page instead of navigating"
    assert violations(page) == []


def test_search_and_the_enter_key_keep_to_the_policy(page: Page, served_instant: Served) -> None:
    """The search worker and index load under the policy; Enter opens a result and never submits the form
    (form-action 'none')."""
    visit(page, served_instant.url())
    box = page.locator("input.md-search__input")
    box.click()
    expect(page.locator(".md-search-result__meta")).not_to_have_text(SEARCH_INITIALIZING)
    box.fill("zzzzqqqx")
    box.press("End")
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents")
    box.press("Enter")  # nothing to open: Material closes the search, and the page stays
    expect(page).to_have_url(served_instant.url())
    box.click()
    box.fill("Qingdao")
    box.press("End")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/briefings/xiaomi-may-take-over-baics-plant-in-qingdao"))
    settle(page)
    assert violations(page) == []


def test_the_preview_opened_from_disk_keeps_to_the_policy(page: Page, preview: Path) -> None:
    """Reviewers open the pull request's preview from disk (file://): Material's scripts run, nothing is refused."""
    home = (preview / "index.html").as_uri()
    visit_file(page, home)
    assert "js" in (page.locator("html").get_attribute("class") or "").split()  # Material's bundle ran
    for link in ("h2#latest-briefings + ul > li a", "article .briefing-tags a.chip"):
        page.locator(link).first.click()
        page.wait_for_load_state("load")
        assert re.fullmatch(r"file://.*\.html", page.url), page.url
        assert policy_of(page)
        assert violations(page) == []
    toggle = page.locator('form[data-md-component="palette"] label.md-header__button:visible')
    toggle.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    toggle.click()
    assert violations(page) == []


def visit_file(page: Page, url: str) -> None:
    page.goto(url, wait_until="load")
    assert page.url == url


def test_the_policy_stops_a_script_that_slipped_into_a_page(browser: Browser, served: Served) -> None:
    """Were an inline script or event handler to reach a page, the browser would refuse to run it (a context of its
    own: the violations are the point here)."""
    slipped = served.site / "slipped.html"
    html = (served.site / "index.html").read_text(encoding="utf-8")
    slipped.write_text(html.replace("</article>", "<script>window.__ran = 1</script>"
                                    '<img src="data:," onerror="window.__ran = 2"></article>'), encoding="utf-8")
    context = browser.new_context()
    try:
        context.add_init_script(REPORT_VIOLATIONS)
        tab = context.new_page()
        tab.goto(served.url("slipped.html"), wait_until="load")
        tab.wait_for_function("window.__violations.length >= 2")
        assert tab.evaluate("window.__ran") is None
        refused = " ".join(tab.evaluate("window.__violations"))
        assert "script-src-elem" in refused
        assert "script-src-attr" in refused
        assert "js" in (tab.locator("html").get_attribute("class") or "").split()  # Material's own scripts ran
    finally:
        context.close()
        slipped.unlink()


def test_mkdocs_serve_allows_its_live_reload_script(browser: Browser, tmp_path: Path) -> None:
    """`mkdocs serve` adds a live-reload script to every page it sends; the hook lists its hash in that page's
    policy, so the preview editors use keeps reloading (a context of its own: closing the page aborts the
    live-reload request, which the module's recorder would count as a failure)."""
    project = make_project(tmp_path, {SEED_FILES[0]: (FIXTURE_SEEDS / SEED_FILES[0]).read_bytes()})
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict",
                               "-a", f"{HOST}:{port}"], cwd=project, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    context = browser.new_context()
    try:
        context.add_init_script(REPORT_VIOLATIONS)
        errors: list[str] = []
        logs: list[str] = []
        context.on("console", lambda message: (errors if message.type == "error" else logs).append(message.text))
        tab = context.new_page()
        deadline = time.monotonic() + 120
        while True:  # the first build takes a few seconds
            try:
                tab.goto(f"http://{HOST}:{port}/", wait_until="load")
                break
            except PlaywrightError:
                assert server.poll() is None, server.communicate()[1]
                assert time.monotonic() < deadline, "mkdocs serve did not answer within two minutes"
                time.sleep(0.5)
        tab.wait_for_function("document.documentElement.classList.contains('js')")
        expect(tab.locator("article h1").first).to_be_visible()
        assert "Enabled live reload" in logs
        assert tab.evaluate("window.__violations") == []
        assert errors == []
    finally:
        context.close()
        server.terminate()
        server.communicate(timeout=30)


def test_the_whole_run_stayed_on_the_local_server_without_errors(context: BrowserContext, traffic: Traffic) -> None:
    """Runs last: over every test above, no request left 127.0.0.1 and nothing failed."""
    assert traffic.requests, "no test made the browser load anything (this test checks the whole module's run)"
    assert [url for url in traffic.requests if not is_local(url)] == []
    assert traffic.problems == []
    loaded = {urlsplit(url).path for url in traffic.requests}
    assert "/search/search_index.json" in loaded

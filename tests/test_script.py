"""No script reaches the built site (issue 14): the hostile fixtures of tests/hostile/script, built by the real
`mkdocs build --strict` (served and preview layouts), then every file of site/ scanned.

The fixtures are editor seeds that markdown-it-py (the generator) and Python-Markdown (MkDocs) read differently,
registry entries with markup in every field, and a hand-written page with raw HTML and hostile front matter,
built together with the fixture seeds and the older markup fixtures. Whatever the generator's own escaping does
with them, the scan must find no event-handler attribute, no script but Material's (its bundle, the `__config`
JSON and inline scripts whose hash is in the page's Content-Security-Policy), and no link or source with a
javascript:, data:, vbscript: or other non-web scheme; every page must carry the policy.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_site import FIXTURE_SEEDS, SEED_FILES, make_project, mkdocs_build

from generator.csp import script_hash

HOSTILE = Path(__file__).parent / "hostile"
SCRIPT = HOSTILE / "script"
# Attributes whose value a browser loads or navigates to.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href", "background",
                  "cite", "ping", "manifest", "lowsrc", "dynsrc", "longdesc", "codebase", "archive", "icon"}
WEB_SCHEMES = {"http", "https", "mailto"}
NEVER = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
# What each editor seed must still show as text once it is safe (the words an editor wrote, whatever became of
# the markup around them).
SHOWN = {
    "code-span": "<img src=x onerror=alert(document.domain)>",
    "unclosed-fence": "const a = 1;",
    "longer-backtick-fence": "BYD will build",
    "longer-tilde-fence": "BYD will build",
    "code-in-link-text": "code link",
    "nested-brackets": "click [me] now",
    "two-line-link": "click across lines",
    "definition-in-list": "list ref",
    "definition-in-quote": "quote ref",
    "data-link": "data link",
    "attribute-list": "A paragraph with an attribute list",
}


def hostile_seeds() -> dict[str, bytes]:
    seeds = {name: (FIXTURE_SEEDS / name).read_bytes() for name in SEED_FILES}
    for name in ("markup.txt", "markup-editor.md", "hostile-title.md"):
        seeds[name] = (HOSTILE / "seeds" / name).read_bytes()
    seeds.update({p.name: p.read_bytes() for p in sorted((SCRIPT / "seeds").glob("*.md"))})
    return seeds


def hostile_project(base: Path) -> Path:
    """A copy of the project with the hostile seeds, registry entries and hand-written page (in the nav). Each
    editor seed's body is also a hand-written page, docs/raw/NAME.md: MkDocs renders it with no help from the
    generator's escaping, so only the sanitiser keeps it safe."""
    project = make_project(base, hostile_seeds())
    for name in ("companies.yml", "topics.yml"):
        with (project / "data" / name).open("a", encoding="utf-8") as registry:
            registry.write("\n" + (SCRIPT / "data" / name).read_text(encoding="utf-8"))
    shutil.copy(SCRIPT / "docs" / "hostile.md", project / "docs" / "hostile.md")
    (project / "docs" / "raw").mkdir()
    for seed in (SCRIPT / "seeds").glob("*.md"):
        body = seed.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        (project / "docs" / "raw" / seed.name).write_text(body, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  - Contributing: contributing.md\n", "  - Contributing: contributing.md\n  - hostile.md\n", 1)
    config.write_text(text.replace("not_in_nav: |\n", "not_in_nav: |\n  /raw/\n", 1), encoding="utf-8")
    return project


def build(project: Path, site: Path, **settings: str) -> None:
    run = mkdocs_build(project, site, **settings)
    assert run.returncode == 0, f"mkdocs build --strict failed:\n{run.stdout}\n{run.stderr}"
    assert "Traceback" not in run.stderr


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The hostile site as served (directory URLs) and as the preview that opens from disk."""
    base = tmp_path_factory.mktemp("script")
    project = hostile_project(base)
    built = {"served": base / "site", "preview": base / "preview"}
    build(project, built["served"])
    build(project, built["preview"], DIRECTORY_URLS="false")
    return built


# --- the scan --------------------------------------------------------------------------------------------------


@dataclass
class Document:
    """What the scan reads from one HTML document."""

    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    scripts: list[tuple[dict[str, str], str]] = field(default_factory=list)  # (attributes, text)
    policies: list[str] = field(default_factory=list)
    policy_before_scripts: bool = True
    text: list[str] = field(default_factory=list)


class Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = Document()
        self._script: dict[str, str] | None = None
        self._body: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        self.doc.elements.append((tag, a))
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.doc.policies.append(a.get("content", ""))
            if any(t == "script" for t, _ in self.doc.elements):
                self.doc.policy_before_scripts = False
        elif tag == "script":
            self._script, self._body = a, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.doc.scripts.append((self._script, "".join(self._body)))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._body.append(data)
        else:
            self.doc.text.append(data)


def read(html: str) -> Document:
    reader = Reader()
    reader.feed(html)
    reader.close()
    return reader.doc


def bad_url(value: str) -> bool:
    """A URL with a scheme other than the web's (javascript:, data:, vbscript:, file:, ...)."""
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
    return bool(scheme) and scheme.group(1) not in WEB_SCHEMES


def element_problems(doc: Document) -> list[str]:
    """Event handlers, elements that load or run foreign content, non-web URLs."""
    found = []
    for tag, attrs in doc.elements:
        found += [f"<{tag} {name}=...>" for name in attrs if name.startswith("on")]
        found += [f"<{tag} {name}={value!r}>" for name, value in attrs.items()
                  if name in URL_ATTRIBUTES and any(bad_url(part.strip().split(" ")[0]) for part in value.split(","))]
        if tag in NEVER or (tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh"):
            found.append(f"<{tag}>")
    return found


def page_problems(site: Path, path: Path) -> list[str]:
    """Everything wrong with one HTML page of the site."""
    doc = read(path.read_text(encoding="utf-8"))
    found = element_problems(doc)
    if len(doc.policies) != 1 or not doc.policy_before_scripts:
        where = "before" if doc.policy_before_scripts else "after"
        return [*found, f"{len(doc.policies)} Content-Security-Policy metas, {where} the first script"]
    directives = {d.split()[0]: d.split()[1:] for d in doc.policies[0].split(";") if d.strip()}
    allowed = directives.get("script-src", [])
    if not all(source == "'self'" or re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", source) for source in allowed):
        found.append(f"script-src allows more than the site and hashes: {allowed}")
    if directives.get("object-src") != ["'none'"] or directives.get("default-src") != ["'self'"]:
        found.append(f"policy: {doc.policies[0]}")
    bundle = (site / "assets" / "javascripts").resolve()
    for attrs, body in doc.scripts:
        if "src" in attrs:
            src = attrs["src"]  # 404.html, served from any depth, links from the site's root
            target = (site / src.lstrip("/") if src.startswith("/") else path.parent / src).resolve()
            if not (target.is_relative_to(bundle) and target.is_file()):
                found.append(f"<script src={attrs['src']!r}>")
        elif attrs.get("type") == "application/json" and attrs.get("id") == "__config":
            json.loads(body)
        elif script_hash(body) not in allowed:
            found.append(f"<script> not in the policy: {body[:80]!r}")
    return found


def search_problems(index: Path) -> list[str]:
    """Material shows a search result's title, text and tags as HTML: none may hold script or a live element."""
    found = []
    for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
        for key in ("title", "text"):
            parsed = read(doc.get(key, ""))
            found += [f"{doc['location']} {key}: {problem}" for problem in element_problems(parsed)]
            found += [f"{doc['location']} {key}: <{tag}>" for tag, _ in parsed.elements
                      if tag in ("script", "img", "svg", "style", "a", "form", "input", "math")]
        for tag in doc.get("tags", []):  # shown as HTML too: no element at all
            found += [f"{doc['location']} tag: <{name}>" for name, _ in read(tag).elements]
        if bad_url(doc["location"]):
            found.append(f"location {doc['location']}")
    return found


def feed_problems(path: Path) -> list[str]:
    """An Atom feed or sitemap whose entries a reader would show as HTML, or link to a non-web scheme."""
    found = []
    for element in ET.parse(path).iter():  # our own build output
        if element.get("type") in ("html", "xhtml"):
            found.append(f"{path.name}: <{element.tag} type={element.get('type')}>")
        link = element.get("href") or (element.text or "" if element.tag.endswith("loc") else "")
        if bad_url(link):
            found.append(f"{path.name}: {link}")
    return found


def scan(site: Path) -> list[str]:
    """Every problem in a built site, as "file: problem"."""
    found = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50, pages
    for path in pages:
        found += [f"{path.relative_to(site)}: {problem}" for problem in page_problems(site, path)]
    found += search_problems(site / "search" / "search_index.json")
    for path in sorted(site.rglob("*.xml")):
        found += feed_problems(path)
    return found


# --- the tests -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["served", "preview"])
def test_no_script_anywhere_in_the_built_site(sites: dict[str, Path], layout: str) -> None:
    assert scan(sites[layout]) == []


def test_the_scan_finds_what_it_looks_for(tmp_path: Path, sites: dict[str, Path]) -> None:
    """A copy of the site with one hostile thing added to a page at a time: the scan reports each."""
    site = tmp_path / "site"
    shutil.copytree(sites["served"], site)
    page = site / "about" / "index.html"
    clean = page.read_text(encoding="utf-8")
    for added in ('<img src=x onerror="alert(1)">', "<script>alert(1)</script>", '<a href="javascript:alert(1)">',
                  '<a href=" DATA:text/html,x">', '<form action="vbscript:x">',
                  '<script src="https://cdn.example/x.js"></script>', '<iframe src="/"></iframe>',
                  '<img srcset="x.png 1x, data:image/png,x 2x">'):
        page.write_text(clean.replace("</article>", added + "</article>"), encoding="utf-8")
        assert scan(site) != [], added
    page.write_text(clean.replace('<meta http-equiv="Content-Security-Policy"', '<meta name="x"'), encoding="utf-8")
    assert scan(site) != []
    page.write_text(clean, encoding="utf-8")
    assert scan(site) == []


def article_text(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    return " ".join("".join(read(article).text).split())


def test_every_script_fixture_has_its_expected_outcome() -> None:
    assert {path.stem for path in (SCRIPT / "seeds").glob("*.md")} == set(SHOWN)


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_each_editor_seed_builds_and_shows_its_words_as_text(sites: dict[str, Path], name: str) -> None:
    page = sites["served"] / "briefings" / f"script-{name}" / "index.html"
    assert SHOWN[name] in article_text(page)
    doc = read(page.read_text(encoding="utf-8"))
    links = [attrs for tag, attrs in doc.elements if tag == "a" and "javascript" in attrs.get("href", "").lower()]
    assert links == []
    assert not [body for _, body in doc.scripts if "alert" in body]


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_each_editor_body_is_safe_without_the_generators_escaping(sites: dict[str, Path], name: str) -> None:
    """The same body as a hand-written page: Python-Markdown's HTML of it, sanitised, and nothing else."""
    page = sites["served"] / "raw" / name / "index.html"
    assert SHOWN[name] in article_text(page)
    assert page_problems(sites["served"], page) == []


def test_registry_markup_is_shown_as_text(sites: dict[str, Path]) -> None:
    page = sites["served"] / "companies" / "evil-motors" / "index.html"
    text = article_text(page)
    assert "Country: <img src=x onerror=alert(document.domain)>" in text
    assert "Evil <img src=x onerror=alert(1)> [x](javascript:alert(1)) *Motors*" in text
    assert "Evil `<script>alert(1)</script>` Cars, Evil {: onclick=alert(1) } Autos" in text
    assert "| table | cells, [links](javascript:alert(1)), _under_ *stars* `ticks`" in text
    topic = article_text(sites["served"] / "topics" / "evil-topic" / "index.html")
    assert "Breaks | tables | with <script>alert(1)</script>" in topic


def test_a_hand_written_page_keeps_its_text_and_loses_its_script(sites: dict[str, Path]) -> None:
    page = sites["served"] / "hostile" / "index.html"
    html = page.read_text(encoding="utf-8")
    doc = read(html)
    head = {attrs.get("name"): attrs.get("content") for tag, attrs in doc.elements if tag == "meta"}
    assert head["description"] == '"><script>alert(1)</script>'
    assert head["author"] == "<img src=x onerror=alert(1)>"
    assert '<title>Docs &lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; - ' in html
    text = article_text(page)
    for words in ("js link", "data link", "vb link", "entity link", "A paragraph", "A heading"):
        assert words in text, words
    assert not [attrs for tag, attrs in doc.elements if attrs.get("id") == "__config" and tag != "script"]
    images = [attrs for tag, attrs in doc.elements if tag == "img"]
    assert all(not attrs.get("src", "").startswith("https:") for attrs in images), images
    # The table of contents (Material prints its titles unescaped) shows the heading's markup as text.
    toc = html[html.index('data-md-component="toc"'):]
    toc = toc[:toc.index("</nav>")]
    assert "<img src=x onerror=alert(1)>" in " ".join("".join(read(toc).text).split())
    assert "<img" not in toc
    # The nav (the tabs and the primary sidebar) lists the page under its title, as text.
    nav = html[html.index('class="md-tabs"'):html.index('data-md-type="toc"')]
    assert nav.count("Docs &lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;") >= 2

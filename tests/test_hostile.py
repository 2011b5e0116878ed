"""Hostile seeds (tests/hostile/seeds, made by tests/hostile/make_fixtures.py): each has its expected outcome.

Nothing crashes (no traceback, ever), nothing runs (raw HTML, event handlers and javascript: links stay inert in
the HTML MkDocs builds), nothing is lost (every other seed still builds; each rejected one gets one line).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from test_site import make_project, mkdocs_build

from generator.permalinks import suffix

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).parent / "hostile" / "seeds"

# Seed -> the title of the page it must become.
BUILT = {
    "utf8-bom.txt": "BYD picks Szeged for a plant, with a BOM",
    "utf16-bom.txt": "BYD picks Szeged for a plant, in UTF-16",
    "gb18030.txt": "北汽集团发布新战略，目标2030年销量四百万辆",
    "big5.txt": "北汽集團發佈新戰略，目標2030年銷量四百萬輛",
    "latin1.txt": "Renault et Citroën accélèrent en Chine, déjà là",
    "cp1252.txt": "BYD’s “Seagull” undercuts rivals at €9,000 in Europe",
    "crlf.txt": "BYD picks Szeged with Windows line endings",
    "cr.txt": "BYD picks Szeged with old Mac line endings",
    "mojibake.txt": "BYD’s Szeged plant costs €4 billion, say reports",
    "name with spaces.txt": "A seed whose file name has spaces in it",
    "北汽新闻 2024.txt": "A seed whose file name is written in Chinese",
    ".leading-dot.txt": "A seed whose file name starts with a dot",
    "nested.txt": "A seed kept in a sub-folder of seeds",
    "same-title-a.txt": "Two seeds, one headline",
    "same-title-b.txt": "Two seeds, one headline",
    "traversal.md": "../../../etc/passwd",
    "hostile-title.md": '@owner: "quoted" --- # not a comment {braces} *star* yes',
    "markup.txt": "Raw HTML in a scraped page stays text",
    "markup-editor.md": "Raw HTML in an editor seed stays text",
}
# Seed -> the one line the build prints for it.
REJECTED = {
    "empty.txt": "empty.txt: error: empty file",
    "whitespace-only.txt": "whitespace-only.txt: error: empty file",
    "boilerplate-only.txt": "boilerplate-only.txt: error: no article text found after removing site chrome",
    "binary.txt": "binary.txt: error: binary file, not text",
    # The parser's own words follow (they differ between PyYAML's C and Python parsers).
    "bad-yaml.md": "bad-yaml.md:3: error: front matter is not valid YAML: ",
    "wrong-type.md": "wrong-type.md:4: error: front matter 'companies' must be list, not str",
}
# Files that are not seeds and are passed over without a word.
IGNORED = (".DS_Store", ".draft.txt.swp", "notes.txt~", "._resource-fork.txt")


def build(seeds: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """The CLI over `seeds` with an empty registry (recognition is not under test here)."""
    data = out.parent / "empty-registry"
    data.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(out)]
    command += ["--data", str(data)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def pages(out: Path) -> dict[str, dict]:
    """Front matter of every briefing page, by seed file name."""
    found = {}
    for path in (out / "briefings").glob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        found[meta["seed"]] = {**meta, "path": path}
    return found


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path_factory.mktemp("hostile") / "out"
    return build(HOSTILE, out), out


def test_fixture_files_cover_every_case() -> None:
    names = {p.name for p in HOSTILE.rglob("*") if p.is_file()}
    assert names == set(BUILT) | set(REJECTED) | set(IGNORED)


def test_every_good_seed_builds_and_every_bad_one_gets_one_line(hostile_build) -> None:
    result, out = hostile_build
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = sorted(result.stderr.strip().splitlines())
    assert len(lines) == len(REJECTED)
    for line, expected in zip(lines, sorted(REJECTED.values()), strict=True):
        assert line.startswith(expected), (line, expected)
    built = pages(out)
    assert {seed: meta["title"] for seed, meta in built.items()} == BUILT
    for name in IGNORED:
        assert name not in result.stdout + result.stderr


def test_decoding_and_repair(hostile_build) -> None:
    _, out = hostile_build
    built = pages(out)
    assert "déclaré que l'usine de Wuhan" in built["latin1.txt"]["path"].read_text(encoding="utf-8")
    assert built["gb18030.txt"]["source"] == "北京日报"
    for seed in ("crlf.txt", "cr.txt", "utf16-bom.txt"):
        text = built[seed]["path"].read_text(encoding="utf-8")
        assert "\r" not in text
        assert "\n\nThe plant will make battery electric" in text


def test_slugs_are_ascii_unique_and_inside_the_output(hostile_build) -> None:
    _, out = hostile_build
    built = pages(out)
    slugs = [meta["path"].name for meta in built.values()]
    assert len(set(slugs)) == len(slugs)
    assert all(slug.isascii() for slug in slugs)
    assert built["gb18030.txt"]["path"].name.startswith("bei-qi-ji-tuan")
    assert built["same-title-a.txt"]["path"].name == "two-seeds-one-headline.md"
    # Outside git both were added on the build date: the name that sorts first keeps the plain slug, and the other
    # gets a suffix of its own (tests/test_permalinks.py has the same in a repository's history).
    assert built["same-title-b.txt"]["path"].name == f"two-seeds-one-headline-{suffix('same-title-b')}.md"
    assert built["traversal.md"]["path"].parent == out / "briefings"
    assert all(p.resolve().is_relative_to(out.resolve()) for p in out.rglob("*"))
    assert built["hostile-title.md"]["date"] is None  # 2024-02-30 does not exist


def test_a_file_over_the_size_limit_is_refused_and_a_carousel_collapses(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    slide = "BYD unveiled a new electric model in Shenzhen on Monday, saying deliveries start next month."
    slides = "\n\n".join(f"{slide} Slide {i % 5}." for i in range(25_000))
    carousel = "New models in a carousel\n\nBy Sun Lei\n\n" + slides
    (seeds / "carousel.txt").write_text(carousel, encoding="utf-8")  # about 2.5 MB of repeats
    with (seeds / "huge.txt").open("w", encoding="utf-8") as handle:
        handle.write(("word " * 200 + "\n") * 10_500)  # a little over 10 MB
    result = build(seeds, tmp_path / "out")
    assert result.returncode == 1
    assert result.stderr.strip() == "huge.txt: error: file is 10,510,500 bytes, over the 10,485,760-byte limit"
    body = (tmp_path / "out" / "briefings" / "new-models-in-a-carousel.md").read_text(encoding="utf-8")
    assert body.count("Slide 3.") == 1


class Elements(HTMLParser):
    """Every element and its attributes in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def test_markup_in_seeds_never_becomes_markup_in_the_built_site(tmp_path: Path) -> None:
    seeds = {name: (HOSTILE / name).read_bytes() for name in ("markup.txt", "markup-editor.md", "hostile-title.md")}
    project = make_project(tmp_path, seeds)
    shutil.rmtree(project / "data")  # the registry is not under test here
    (project / "data").mkdir()
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    for slug in ("raw-html-in-a-scraped-page-stays-text", "raw-html-in-an-editor-seed-stays-text"):
        html = (site / "briefings" / slug / "index.html").read_text(encoding="utf-8")
        parser = Elements()
        parser.feed(html)
        for tag, attrs in parser.found:
            assert not any(name.startswith("on") for name in attrs), (slug, tag, attrs)
            assert not (attrs.get("href") or "").strip().lower().startswith(("javascript:", "data:")), (slug, attrs)
            assert not (attrs.get("src") or "").strip().lower().startswith(("javascript:", "data:")), (slug, attrs)
        # Only the theme's own scripts: none of them carries the seed's code.
        assert not any("alert" in body for body in re.findall(r"<script[^>]*>(.*?)</script>", html, re.S))
        assert "&lt;script&gt;alert" in html  # shown as text
    title_page = (site / "briefings" / "owner-quoted-not-a-comment-braces-star-yes" / "index.html").read_text("utf-8")
    assert "@owner: &quot;quoted&quot; --- # not a comment {braces} *star* yes" in title_page

"""Issue 14's hangs and RecursionErrors, end to end: `python -m generator build`, `python -m generator check` and a
real `mkdocs build --strict` each finish within a subprocess timeout on every hostile seed, reject the ones over a
limit with one line each, and build the rest.

The small seeds are in tests/hostile/redos (made by tests/hostile/make_fixtures.py); the megabyte ones, the sizes
the issue reports, are made here.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_limits import at_the_limits
from test_site import SOURCE_DATE_EPOCH, make_project

ROOT = Path(__file__).resolve().parent.parent
REDOS = Path(__file__).parent / "hostile" / "redos"
MEGABYTE = 1_000_000
TIMEOUT = 60  # seconds for one command over the whole set; each seed takes well under one
LEDE = "BYD sold more cars than ever in the third quarter, the company said on Friday in a filing.\n\n"
SHAPES = {"brackets": "[", "links": "[a](", "pipes": "|", "emphasis": "*a ", "backticks": "`", "angles": "<"}
PROSE = "The carmaker sold {} cars in the quarter, more than in any quarter before, and said it would build more. "

# Seed -> the start of the one line the build prints for it (after "seed:line: error: ").
REJECTED = {
    "nested-list.md": "the line starts 4,500 levels deep in lists, quotes or indentation",
    "nested-quote.md": "the line starts 4,500 levels deep in lists, quotes or indentation",
    "nested-emphasis.md": "emphasis, brackets or parentheses nested 5,000 deep in one paragraph, more than 32",
    "nested-brackets.md": "emphasis, brackets or parentheses nested 3,000 deep in one paragraph, more than 32",
    "long-title.md": "the title is 30,000 characters long, over the 300-character limit",
    "markup-line.txt": "the line holds 1,500 characters that Markdown would have to escape",
    **{f"big-{name}.md": "the article is 1,000,0" for name in SHAPES},
    **{f"big-{name}.txt": "the article is 1,000,0" for name in SHAPES},
    **{f"line-{name}.txt": "the line holds " for name in SHAPES},
    "long-article.txt": "the article is 1,0",
}
# Seed -> its title; each builds.
BUILT = {
    "inline-link.md": "A link target that took the build exponential time",
    "at-the-limits.md": "Every limit at once",
    "marked-up-lines.txt": "A scraped page of many marked-up lines",
}


def generated() -> dict[str, bytes]:
    """The seeds made at test time: a megabyte of each shape as an editor's body and as a scraped line, the
    same shapes in a scraped line just under the article limit, a megabyte of varied scraped prose, and an
    editor seed and a scraped page at every limit."""
    seeds: dict[str, bytes] = {}
    for name, unit in SHAPES.items():
        payload = unit * (MEGABYTE // len(unit))
        seeds[f"big-{name}.md"] = f"---\ntitle: A megabyte of {name}\n---\n\n{payload}\n".encode()
        seeds[f"big-{name}.txt"] = f"A scraped megabyte of {name}\n\n{LEDE}{payload}\n".encode()
        line = unit * (90_000 // len(unit))
        seeds[f"line-{name}.txt"] = f"A scraped line of {name}\n\n{LEDE}{line}\n".encode()
    prose = "\n\n".join(PROSE.format(n) * 5 for n in range(MEGABYTE // (len(PROSE) * 5)))
    seeds["long-article.txt"] = f"A scraped article of a megabyte\n\n{LEDE}{prose}\n".encode()
    seeds["at-the-limits.md"] = f"---\ntitle: Every limit at once\n---\n\n{at_the_limits()}".encode()
    # Each row reads as a sentence of the article (so the article span keeps it), then a thousand table pipes.
    lines = "\n\n".join(f"Row {n} of the table shows that the sales of the group rose in the year: " + "|" * 999
                          + " and so on." for n in range(40))
    seeds["marked-up-lines.txt"] = f"A scraped page of many marked-up lines\n\n{LEDE}{lines}\n".encode()
    return seeds


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed and the generated hostile seeds in one folder."""
    folder = tmp_path_factory.mktemp("redos") / "seeds"
    folder.mkdir()
    for path in REDOS.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    for name, data in generated().items():
        (folder / name).write_bytes(data)
    return folder


def run(command: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """A command with the timeout that bounds it: a hang fails the test instead of stopping the suite."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    env.pop("SITE_URL", None)
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def errors(stderr: str) -> dict[str, str]:
    """Seed name -> its message, from lines `path[:line]: error: message`."""
    found = {}
    for line in stderr.splitlines():
        match = re.search(r"([^/\s]+?)(?::\d+)?: error: (.*)$", line)
        if match:
            assert match.group(1) not in found, line
            found[match.group(1)] = match.group(2)
    return found


def test_the_committed_seeds_are_the_ones_expected() -> None:
    assert {p.name for p in REDOS.iterdir()} == {
        "inline-link.md", "nested-list.md", "nested-quote.md", "nested-emphasis.md", "nested-brackets.md",
        "long-title.md", "markup-line.txt"}
    assert not set(generated()) & {p.name for p in REDOS.iterdir()}


def test_build_rejects_each_hostile_seed_with_one_line_and_builds_the_rest(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run([sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(out),
                  "--data", str(ROOT / "tests" / "fixtures" / "data")])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == len(REJECTED)
    found = errors(result.stderr)
    assert set(found) == set(REJECTED)
    for name, message in REJECTED.items():
        assert found[name].startswith(message), (name, found[name])
    titles = {}
    for page in (out / "briefings").glob("*.md"):
        front = page.read_text(encoding="utf-8").split("---\n")[1]
        seed = re.search(r"^seed: (.*)$", front, re.M).group(1)  # type: ignore[union-attr]
        titles[seed] = re.search(r"^title: (.*)$", front, re.M).group(1)  # type: ignore[union-attr]
    assert titles == BUILT
    link = (out / "briefings" / "a-link-target-that-took-the-build-exponential-time.md").read_text(encoding="utf-8")
    assert "See [the filing](https://example.com/a-very-long-path-to-the-filing>x) for the details." in link


def test_check_reports_the_same_lines(seeds: Path) -> None:
    paths = sorted(str(p) for p in seeds.iterdir())
    result = run([sys.executable, "-m", "generator", "check", *paths])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    found = errors(result.stderr)
    assert set(found) == set(REJECTED)
    for name, message in REJECTED.items():
        assert found[name].startswith(message), (name, found[name])


def test_the_strict_mkdocs_build_names_each_rejected_seed(seeds: Path, tmp_path: Path) -> None:
    project = make_project(tmp_path, {p.name: p.read_bytes() for p in seeds.iterdir()})
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                 cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "RecursionError" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    found = errors("\n".join(warnings))
    assert set(found) == set(REJECTED)
    for name, message in REJECTED.items():
        assert found[name].startswith(message), (name, found[name])


def test_mkdocs_builds_the_accepted_ones_strictly(seeds: Path, tmp_path: Path) -> None:
    project = make_project(tmp_path, {name: (seeds / name).read_bytes() for name in BUILT})
    site = tmp_path / "site"
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=project)
    assert result.returncode == 0, result.stderr[-3000:]
    link = (site / "briefings" / "a-link-target-that-took-the-build-exponential-time" / "index.html").read_text("utf-8")
    assert ">the filing</a> for the details." in link
    limits = (site / "briefings" / "every-limit-at-once" / "index.html").read_text(encoding="utf-8")
    assert limits.count("<em>") >= 32
    assert limits.count("<blockquote>") >= 32
    assert "&lt;" * 100 in limits
    lines = (site / "briefings" / "a-scraped-page-of-many-marked-up-lines" / "index.html").read_text("utf-8")
    assert "Row 39 of the table shows that the sales of the group rose in the year: " + "|" * 999 in lines

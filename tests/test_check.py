"""`python -m generator check`: a temporary git repository holding the project (the generator, the fixture registry
and seeds), one pull request's worth of changes at a time on a branch, and the check's exact output and exit
status, as the pull-request workflow runs it (`--changed-since main`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.check import registry_problems
from generator.runtime import pool

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01: date plausibility does not depend on the clock
HEADER = (
    "| Seed | Title | Date | Source | Author | Companies | Topics | Key figures | Problems |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
)

BODY = """\
Xiaomi has started building a second car plant in Beijing's Yizhuang economic development zone, the smartphone \
maker said on Friday, as demand for its first electric sedan keeps its existing factory running at full speed.

The new plant will more than double the company's annual capacity and is due to start production next year. \
Xiaomi did not say how much it would invest, but local officials said the project was one of the largest in the \
district.

BAIC Group, the state-owned carmaker whose factories sit a few kilometres away, has held talks with Xiaomi about \
sharing production lines, according to people familiar with the matter.

Analysts say Xiaomi needs the extra capacity to deliver its second model, a sport utility vehicle, without the \
long waiting times that frustrated buyers of its sedan.
"""
# In the repository before the pull request: a story as one site printed it.
EXISTING = f"""\
EV Dispatch Asia | Markets | Batteries | Policy

Xiaomi starts work on a second car plant in Beijing

2024-06-14

By Mark Ellison

{BODY}
Share on Facebook | Share on X | Email
"""
# The same story scraped from another site: other chrome, the same article.
COPY = f"""\
Auto Trade Monitor
Menu
Search

Xiaomi starts work on a second car plant in Beijing

Published 2024-06-14

By Mark Ellison

{BODY}
Related: Tesla cuts prices in China again
Copyright 2024 Auto Trade Monitor. All rights reserved.
"""
# ...and as a third site rewrote it a little.
EDITED = (
    EXISTING.replace("EV Dispatch Asia | Markets | Batteries | Policy", "Europe Car News | Home | Brands")
    .replace("local officials said the project was one of the largest",
             "a district official called it one of the biggest")
    .replace(" said on Friday,", " said on Friday (June 14),")
    .replace("Share on Facebook | Share on X | Email", "Leave a Reply")
)
GOOD = """\
Home | News | Autos | Business

Geely opens a new plant in Hefei to build electric cars

2024-05-06 10:30

Source: Xinhua

By Sun Lei

Geely said on Monday that it would open a new plant in Hefei, the capital of Anhui province, to build 300,000 \
electric cars a year from 2026.

The plant will cost 8 billion yuan and employ about 3,000 workers, the company said in a statement.

Share this article
"""
UNDATED = """\
NIO opens its battery-swap network to rival carmakers

By Wen Jie

NIO has signed battery-swapping agreements with four Chinese carmakers in two months, opening its network of more \
than 2,300 swap stations to their drivers.

A station costs around 3 million yuan to build, and sharing them spreads the cost over more cars, the company said.
"""
BROKEN_ENTRIES = """
- slug: mi-motors
  name: Mi Motors
  kind: brand
  country: CN
  parent: xiaomi-group
  partners: []
  aliases: []
  description: The car business of Xiaomi.

- slug: Leapmotor
  name: Leapmotor
  kind: automaker
  country: CN
  parent: null
  partners: []
  aliases: []
  description: Hangzhou-based maker of electric cars.
"""


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The project in a fresh git repository: main holds the fixture seeds plus EXISTING; HEAD is a branch `pr`."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "generator", project / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(FIXTURES / "data", project / "data")
    shutil.copytree(FIXTURES / "seeds", project / "seeds")
    (project / "seeds" / "050_xiaomi-beijing.txt").write_text(EXISTING, encoding="utf-8")
    git(project, "init", "--quiet", "--initial-branch=main")
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "--message=The wiki as it is")
    git(project, "switch", "--quiet", "--create", "pr")
    return project


def propose(repo: Path, files: dict[str, str]) -> None:
    """Commit `files` (path: text, appended to when the file exists) on the pull request's branch."""
    for name, text in files.items():
        path = repo / name
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(old + text, encoding="utf-8")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--message=Editor's change")


def check(repo: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m generator check ARGS` in `repo` (its own copy of the generator), outside GitHub Actions."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    clean.update({"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})})
    return subprocess.run([sys.executable, "-m", "generator", "check", *args], cwd=repo, env=clean,
                          capture_output=True, text=True, timeout=120, check=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(folder).parts}


def test_a_good_seed(repo: Path) -> None:
    propose(repo, {"seeds/100_geely-hefei.txt": GOOD})
    result = check(repo, "--changed-since", "main")
    assert result.stderr == "checked 1 seed and the registry: no problems\n"
    assert result.stdout == "### Seed check: no problems\n\n" + HEADER + (
        "| `seeds/100_geely-hefei.txt` | Geely opens a new plant in Hefei to build electric cars | 2024-05-06 "
        "| Xinhua | Sun Lei | geely | production-capacity, new-energy-vehicles "
        "| 300,000 electric cars | — |\n"
    )
    assert result.returncode == 0


def test_a_seed_with_no_date(repo: Path) -> None:
    propose(repo, {"seeds/101_nio-swap.txt": UNDATED})
    result = check(repo, "--changed-since", "main")
    assert result.stderr == (
        "seeds/101_nio-swap.txt:1: warning: no publication date found: the briefing will be undated\n"
        "checked 1 seed and the registry: 0 errors, 1 warning\n"
    )
    assert result.stdout == "### Seed check: 0 errors, 1 warning\n\n" + HEADER + (
        "| `seeds/101_nio-swap.txt` | NIO opens its battery-swap network to rival carmakers | — | — | Wen Jie | nio "
        "| batteries | 2,300 swap stations "
        "| warning: no publication date found: the briefing will be undated |\n"
    )
    assert result.returncode == 0  # a warning is for the reviewer, not a failure


def test_a_duplicate_of_an_existing_seed(repo: Path) -> None:
    propose(repo, {"seeds/201_xiaomi-beijing-monitor.txt": COPY, "seeds/202_xiaomi-beijing-ecn.txt": EDITED})
    result = check(repo, "--changed-since", "main")
    assert result.stderr == (
        "seeds/201_xiaomi-beijing-monitor.txt:1: warning: same text as seeds/050_xiaomi-beijing.txt: "
        "the same story twice?\n"
        "seeds/202_xiaomi-beijing-ecn.txt:1: warning: nearly the same text as seeds/050_xiaomi-beijing.txt "
        "(86% alike; 1 more seed alike): the same story twice?\n"
        "checked 2 seeds and the registry: 0 errors, 2 warnings\n"
    )
    row = ("| Xiaomi starts work on a second car plant in Beijing | 2024-06-14 | {source} | Mark Ellison "
           "| xiaomi, baic-group | production-capacity | — | warning: {warning} |\n")
    assert result.stdout == "### Seed check: 0 errors, 2 warnings\n\n" + HEADER + (
        "| `seeds/201_xiaomi-beijing-monitor.txt` " + row.format(
            source="Auto Trade Monitor",
            warning="same text as seeds/050\\_xiaomi-beijing.txt: the same story twice?")
        + "| `seeds/202_xiaomi-beijing-ecn.txt` " + row.format(
            source="—",  # the masthead is a menu row here, so no source is found
            warning="nearly the same text as seeds/050\\_xiaomi-beijing.txt (86% alike; 1 more seed alike): "
                    "the same story twice?")
    )
    assert result.returncode == 0


def test_a_broken_registry_entry(repo: Path) -> None:
    before = len((repo / "data" / "companies.yml").read_text(encoding="utf-8").splitlines())
    propose(repo, {"data/companies.yml": BROKEN_ENTRIES})
    first, second = before + 2, before + 11  # the lines of the two new entries
    result = check(repo, "--changed-since", "main")
    assert result.stderr == (
        f"data/companies.yml:{first}: error: unknown parent 'xiaomi-group'\n"
        f"data/companies.yml:{second}: error: slug 'Leapmotor' must be lower-case words joined by hyphens\n"
        "checked 0 seeds and the registry: 2 errors, 0 warnings\n"
    )
    assert result.stdout == (
        "### Seed check: 2 errors, 0 warnings\n\nNo seeds to check.\n\nOther problems:\n\n"
        f"- `data/companies.yml:{first}` error: unknown parent 'xiaomi-group'\n"
        f"- `data/companies.yml:{second}` error: slug 'Leapmotor' must be lower-case words joined by hyphens\n"
    )
    assert result.returncode == 1


def test_under_github_actions_problems_are_annotations_and_the_report_is_the_step_summary(
    repo: Path, tmp_path: Path
) -> None:
    propose(repo, {"seeds/101_nio-swap.txt": UNDATED, "data/companies.yml": BROKEN_ENTRIES})
    summary = tmp_path / "step-summary.md"
    summary.write_text("## Earlier step\n", encoding="utf-8")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = check(repo, "--changed-since", "main", env=env)
    line = len(FIXTURES.joinpath("data", "companies.yml").read_text(encoding="utf-8").splitlines()) + 2
    assert result.returncode == 1
    assert result.stdout == (
        f"::error file=data/companies.yml,line={line}::unknown parent 'xiaomi-group'\n"
        f"::error file=data/companies.yml,line={line + 9}::slug 'Leapmotor' must be lower-case words joined by "
        "hyphens\n"
        "::warning file=seeds/101_nio-swap.txt,line=1::no publication date found: the briefing will be undated\n"
    )
    assert result.stderr.splitlines()[-1] == "checked 1 seed and the registry: 2 errors, 1 warning"
    report = summary.read_text(encoding="utf-8")
    assert report.startswith("## Earlier step\n### Seed check: 2 errors, 1 warning\n\n" + HEADER)
    assert "| `seeds/101_nio-swap.txt` | NIO opens its battery-swap network" in report
    assert report.endswith(f"- `data/companies.yml:{line + 9}` error: slug 'Leapmotor' must be lower-case words "
                           "joined by hyphens\n\n")


def test_rejected_seeds_and_editor_mistakes_are_errors(repo: Path) -> None:
    propose(repo, {
        "seeds/300_empty.txt": "",
        "seeds/301_bad-yaml.md": "---\ntitle: [unclosed\n---\n\nBody text of the article.\n",
        "seeds/302_slugs.md": (
            "---\ntitle: Xiaomi and NIO compare notes\ndate: 2024-02-30\ncompanies: [xiaomi, nioo]\n"
            "topics: [battery]\ntags: [ev]\n---\n\n"
            "Xiaomi and NIO executives met in Beijing on Tuesday to compare notes on charging networks and batteries.\n"
        ),
        "seeds/notes.html": "<p>not a seed</p>\n",
    })
    result = check(repo, "--changed-since", "main")
    assert result.stderr == (
        "seeds/300_empty.txt:1: error: empty file\n"
        "seeds/301_bad-yaml.md:2: error: front matter is not valid YAML: did not find expected ',' or ']'\n"
        "seeds/302_slugs.md:3: warning: front matter 'date' '2024-02-30' is not a plausible YYYY-MM-DD date: "
        "the briefing will be undated\n"
        "seeds/302_slugs.md:4: error: front matter 'companies': no organisation 'nioo' in data/companies.yml "
        "(did you mean 'nio'?)\n"
        "seeds/302_slugs.md:5: error: front matter 'topics': no topic 'battery' in data/topics.yml "
        "(did you mean 'batteries'?)\n"
        "seeds/302_slugs.md:6: warning: front matter key 'tags' is not used by the generator\n"
        "seeds/notes.html:1: warning: not a seed: the build only reads .txt, .md and .markdown files\n"
        "checked 3 seeds and the registry: 4 errors, 3 warnings\n"
    )
    assert "| `seeds/300_empty.txt` | *rejected* | — | — | — | — | — | — | error: empty file |" in result.stdout
    assert result.returncode == 1


def test_a_title_that_looks_like_chrome_is_a_warning(repo: Path) -> None:
    propose(repo, {"seeds/400_access.md": (
        "# Access denied\n\nXiaomi has started building a second car plant in Beijing, the company said on Friday, "
        "as demand for its first electric sedan keeps its existing factory busy.\n"
    )})
    result = check(repo, "--changed-since", "main")
    assert result.stderr.splitlines()[:2] == [
        "seeds/400_access.md:1: warning: no publication date found: the briefing will be undated",
        ('seeds/400_access.md:1: warning: title "Access denied" looks like site chrome, not a headline: '
        "it reads like an error or bot-check page"),
    ]
    assert result.returncode == 0


def test_paths_are_seeds_or_registry_files_and_none_means_everything(repo: Path) -> None:
    (repo / "seeds" / "100_geely-hefei.txt").write_text(GOOD, encoding="utf-8")  # not committed: still checked
    everything = check(repo)
    assert everything.returncode == 0, everything.stderr
    assert everything.stderr.endswith("checked 7 seeds and the registry: 0 errors, 2 warnings\n")
    assert everything.stdout.count("\n| `seeds/") == 7
    changed = check(repo, "--changed-since", "main")
    assert changed.stderr == "checked 1 seed and the registry: no problems\n"
    one = check(repo, "seeds/100_geely-hefei.txt", "data/companies.yml")
    assert (one.stdout, one.stderr) == (changed.stdout, changed.stderr)
    missing = check(repo, "seeds/nope.txt", "README")
    assert missing.stderr == (
        "README:1: error: no such file\n"
        "seeds/nope.txt:1: error: no such file\n"
        "checked 0 seeds and the registry: 2 errors, 0 warnings\n"
    )
    assert missing.returncode == 1


def test_the_check_writes_nothing(repo: Path) -> None:
    propose(repo, {"seeds/201_xiaomi-beijing-monitor.txt": COPY, "data/companies.yml": BROKEN_ENTRIES})
    before = snapshot(repo)
    assert check(repo).returncode == 1
    assert check(repo, "--changed-since", "main").returncode == 1
    assert snapshot(repo) == before


def test_changed_since_needs_git(tmp_path: Path) -> None:
    result = check(tmp_path, "--changed-since", "main")
    assert result.returncode == 2
    assert result.stderr.startswith("error: git rev-parse --show-toplevel: ")


def test_every_registry_problem_is_reported_but_not_its_consequences(tmp_path: Path) -> None:
    path = tmp_path / "companies.yml"
    path.write_text(
        "- slug: alpha\n  name: Alpha\n  kind: automaker\n  colour: red\n"  # line 1: unknown field
        "- slug: beta\n  name: Beta\n  kind: brand\n  parent: alpha\n"  # line 5: only alpha's consequence
        "- slug: gamma\n  name: Gamma\n  kind: carmaker\n"  # line 9: unknown kind
        "-\n  slug: delta\n  name: Beta\n  kind: automaker\n",  # line 13: name taken (the mapping starts at 13)
        encoding="utf-8",
    )
    assert [str(p) for p in registry_problems(path, "companies.yml")] == [
        "companies.yml:1: error: unknown field 'colour' (did you mean 'country'?)",
        ("companies.yml:9: error: unknown kind 'carmaker' (one of: automaker, brand, joint-venture, supplier, "
        "technology, finance, government, association, media)"),
        "companies.yml:13: error: alias 'Beta' of 'delta' is already used by 'beta' (line 5)",
    ]
    path.write_text("- slug: alpha\n  name: [unclosed\n", encoding="utf-8")
    assert [p.line for p in registry_problems(path, "companies.yml")] == [2]
    assert registry_problems(tmp_path / "absent.yml") == []


def test_worker_processes_give_the_same_report(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import check as module

    (repo / "seeds" / "201_xiaomi-beijing-monitor.txt").write_text(COPY, encoding="utf-8")
    monkeypatch.chdir(repo)
    targets = module.targets_from_paths([], Path("seeds"))
    serial = module.check(targets, Path("seeds"), Path("data"), jobs=1, everything=True)
    monkeypatch.setattr(pool, "PARALLEL_FROM", 2)
    parallel = module.check(targets, Path("seeds"), Path("data"), jobs=2, everything=True)
    assert module.report_markdown(parallel) == module.report_markdown(serial)
    assert [str(p) for p in parallel.problems] == [str(p) for p in serial.problems]
    assert len(serial.seeds) == 7

"""The command line contract: pages under OUT/briefings, one-line errors for bad seeds, exit codes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(__file__).parent / "fixtures" / "seeds"
GOOD = (
    "Geely opens a new plant in Hefei\n\nBy Sun Lei\n\n"
    "Geely said on Monday that it would open a new plant in Hefei to build 300,000 electric cars a year.\n"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_build_writes_one_page_per_seed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", "--seeds", str(SEEDS), "--out", str(out))
    assert result.returncode == 0, result.stderr
    pages = sorted((out / "briefings").glob("*.md"))
    assert len(pages) == 5
    seeds = {front_matter(p)["seed"] for p in pages}
    assert seeds == {p.name for p in SEEDS.iterdir()}
    for page in pages:
        meta = front_matter(page)
        assert {"title", "date", "source", "author", "companies", "topics", "seed", "summary"} <= meta.keys()


def test_bad_seeds_get_one_line_each_and_the_rest_still_build(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(GOOD, encoding="utf-8")
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "blank.txt").write_text("   \n\n\t\n", encoding="utf-8")
    (seeds / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    chrome = "Share To weixin sina\n\nLeave a Reply\n\nCopyright 2024 Site\n"
    (seeds / "chrome.txt").write_text(chrome, encoding="utf-8")
    (seeds / "bad-yaml.md").write_text("---\ntitle: [unclosed\n---\n\nBody text of the article.\n", encoding="utf-8")
    (seeds / "bad-type.md").write_text("---\ntitle: Fine\ntopics: batteries\n---\n\nSome body.\n", encoding="utf-8")
    (seeds / ".DS_Store").write_bytes(b"\x00\x01binary")
    out = tmp_path / "out"
    result = run("build", "--seeds", str(seeds), "--out", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 6, errors
    by_file = {line.split(":", 1)[0]: line for line in errors}
    assert set(by_file) == {"empty.txt", "blank.txt", "binary.txt", "chrome.txt", "bad-yaml.md", "bad-type.md"}
    assert "empty file" in by_file["empty.txt"]
    assert "binary" in by_file["binary.txt"]
    assert "no article text" in by_file["chrome.txt"]
    assert by_file["bad-yaml.md"].startswith("bad-yaml.md:2: error: front matter is not valid YAML")
    assert by_file["bad-type.md"].startswith("bad-type.md:3: error: front matter 'topics' must be list")
    assert [p.name for p in (out / "briefings").glob("*.md")] == ["geely-opens-a-new-plant-in-hefei.md"]


def test_missing_seeds_folder_is_an_error(tmp_path: Path) -> None:
    result = run("build", "--seeds", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "seeds folder not found" in result.stderr


def test_removed_seed_leaves_no_stale_page(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    out = tmp_path / "out"
    assert run("build", "--seeds", str(seeds), "--out", str(out)).returncode == 0
    victim = sorted(seeds.iterdir())[0]
    before = {p.name for p in (out / "briefings").glob("*.md")}
    victim.unlink()
    assert run("build", "--seeds", str(seeds), "--out", str(out)).returncode == 0
    after = {p.name for p in (out / "briefings").glob("*.md")}
    assert len(after) == len(before) - 1
    assert after < before


def test_editor_front_matter_overrides_inference(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "note.md").write_text(
        "---\ntitle: 'NIO opens its swap network: a first'\ndate: 2024-01-15\nsource: EV Notes\n"
        "companies: [nio]\n---\n\n# NIO opens its swap network: a first\n\n"
        "Image: a swap station in Hefei (source: NIO)\n\n"
        "NIO has signed battery-swapping agreements with four Chinese carmakers in two months.\n\n"
        "## Why partners\n\nA station costs around 3 million yuan <script>alert(1)</script>.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run("build", "--seeds", str(seeds), "--out", str(out)).returncode == 0
    (page,) = (out / "briefings").glob("*.md")
    meta = front_matter(page)
    assert meta["title"] == "NIO opens its swap network: a first"
    assert meta["date"] == "2024-01-15"
    assert meta["source"] == "EV Notes"
    assert meta["author"] is None
    assert meta["companies"] == ["nio"]
    body = page.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert "# NIO opens" not in body
    assert "Image:" not in body
    assert "## Why partners" in body
    assert "<script>" not in body


def test_a_broken_registry_is_one_line_and_briefings_still_build(tmp_path: Path) -> None:
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    seeds.mkdir()
    data.mkdir()
    (seeds / "good.txt").write_text(GOOD, encoding="utf-8")
    (data / "companies.yml").write_text("- slug: arcfox\n  name: ARCFOX\n  kind: brand\n  parent: baic\n")
    result = run("build", "--seeds", str(seeds), "--data", str(data), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"{data / 'companies.yml'}:1: error: unknown parent 'baic'"
    assert (tmp_path / "out" / "briefings" / "geely-opens-a-new-plant-in-hefei.md").is_file()


def test_companies_and_topics_are_recognised_with_the_registry(tmp_path: Path) -> None:
    out = tmp_path / "out"
    data = Path(__file__).parent / "fixtures" / "data"
    assert run("build", "--seeds", str(SEEDS), "--data", str(data), "--out", str(out)).returncode == 0
    meta = front_matter(out / "briefings" / "xiaomi-may-take-over-baics-plant-in-qingdao-report-says.md")
    assert meta["companies"][:2] == ["xiaomi", "baic-group"]
    assert "bloomberg" in meta["institutions"]
    assert "bloomberg" not in meta["companies"]
    assert "production-capacity" in meta["topics"]
    assert (out / "companies" / "baic-group.md").is_file()
    assert (out / "topics" / "production-capacity.md").is_file()

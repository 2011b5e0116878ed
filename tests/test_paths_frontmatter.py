"""Slugs, safe joins and the front-matter writer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from generator import frontmatter
from generator.entities.recognise import Recogniser
from generator.model import FrontMatter, RawSeed, Registry
from generator.paths import safe_join, seed_slug, slugify
from generator.pipeline import make_briefing


def test_slugs_are_ascii_and_never_empty() -> None:
    assert slugify("BAIC’s 4 Million Unit Ambition: The End?") == "baics-4-million-unit-ambition-the-end"
    assert slugify("Škoda & Citroën") == "skoda-citroen"
    assert seed_slug("北汽集团发布新战略", "a.txt") == "bei-qi-ji-tuan-fa-bu-xin-zhan-lve"  # pinyin
    symbols = seed_slug("！？…", "a.txt")
    assert symbols.startswith("briefing-")
    assert symbols == seed_slug("！？…", "a.txt")
    assert seed_slug("！？…", "b.txt") != symbols


@pytest.mark.parametrize("bad", ["../x.md", "/etc/passwd", "a/../../x.md", "", "a\\b.md"])
def test_safe_join_refuses_escapes(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError, match="unsafe output path|escapes"):
        safe_join(tmp_path / "out", bad)


def test_safe_join_is_not_a_prefix_check(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="escapes"):
        safe_join(tmp_path / "site", "../site-evil/x.md")
    assert safe_join(tmp_path / "site", "briefings/x.md") == (tmp_path / "site" / "briefings" / "x.md").resolve()


@pytest.mark.parametrize(
    "title",
    ["a: b", "--- x", "# not a comment", "{braces}", "@at", "*star", "yes", "2024-01-01", "北汽: 新", "'q' \"both\""],
)
def test_front_matter_round_trips_any_title(title: str) -> None:
    text = frontmatter.dump({"title": title, "date": None, "companies": []})
    assert yaml.safe_load(text.split("---\n")[1]) == {"title": title, "date": None, "companies": []}


def test_front_matter_knows_the_line_of_each_top_level_key() -> None:
    text = ("---\ntitle: BYD cuts prices\ncompanies:\n  - byd\n# a comment\ntopics: [pricing]\ntitle: again\n---\n"
            "Body.\n")
    front, body = frontmatter.split("a.md", text)
    assert front.data["companies"] == ["byd"]
    assert front.lines == {"title": 2, "companies": 3, "topics": 6}  # the first of a key written twice
    assert front.body_line == 9
    assert body == "Body.\n"
    assert frontmatter.split("a.md", "No front matter.\n")[0] == FrontMatter()


def test_a_briefing_carries_its_parsed_front_matter() -> None:
    text = "---\ntitle: BYD cuts prices again\nsource: Example\n---\n" + "BYD cut the price of its cars again. " * 3
    briefing = make_briefing(RawSeed("a.md", text.encode()), dt.date(2026, 1, 1), Recogniser(Registry({}, {})))
    assert briefing.front_matter.lines == {"title": 2, "source": 3}
    assert briefing.front_matter.data["source"] == "Example"

"""Sources: the outlets registry (data/sources.yml), one spelling for each outlet, and no section label as a source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.check.registry import checked_registry, registry_problems
from generator.entities.recognise import Recogniser
from generator.entities.registry import parse_sources
from generator.errors import RegistryError
from generator.lexicon.outlets import display_case, is_section_label, outlet_key
from generator.load import load_registry
from generator.model import RawSeed, Registry
from generator.pipeline import build_site, make_briefing

TODAY = dt.date(2026, 1, 1)
SOURCES = """\
- slug: ev-channel-insight
  name: EV Channel Insight
  description: An analyst's blog on electric cars.

- slug: xinhua
  name: Xinhua
  aliases: [Xinhua News Agency, 新华社]
  url: https://english.news.cn
  description: China's state news agency.

- slug: the-paper
  name: The Paper
  aliases: [澎湃新闻]
  description: A Shanghai news site.
"""
REGISTRY = Registry({}, {}, parse_sources(SOURCES, "sources.yml"))
BODY = """\
Xiaomi has started building a second car plant in Beijing's Yizhuang economic development zone, the smartphone \
maker said on Friday, as demand for its first electric sedan keeps its existing factory running at full speed.

The new plant will more than double the company's annual capacity and is due to start production next year. \
Xiaomi did not say how much it would invest, but local officials said the project was one of the largest in the \
district.
"""


def blog(masthead: str) -> str:
    """A blog page whose masthead names the outlet."""
    return (f"{masthead}\nHome | Markets | Brands | Policy | About\n\nXiaomi starts work on a second car plant in "
            f"Beijing\n\nPublished on 06/14/2024 · 4 min read\n\nAuthor: Mark Ellison\n\n{BODY}")


def source_of(name: str, text: str, registry: Registry = REGISTRY) -> str | None:
    """The source the pipeline gives the seed `name` holding `text`."""
    return make_briefing(RawSeed(name, text.encode()), TODAY, Recogniser(registry)).meta.source


def test_two_spellings_of_one_outlet_are_one_source() -> None:
    assert source_of("a.txt", blog("EV CHANNEL INSIGHT")) == "EV Channel Insight"
    assert source_of("b.txt", blog("EV Channel Insight")) == "EV Channel Insight"


def test_a_chinese_or_longer_name_gives_the_registry_spelling() -> None:
    for line in ("来源：新华社", "Source: Xinhua News Agency", "Source: XINHUA NEWS AGENCY"):
        assert source_of("c.txt", f"Xiaomi starts work on a second car plant in Beijing\n\n{line}\n\n{BODY}") == \
            "Xinhua", line


def test_an_editors_alias_becomes_the_canonical_name_and_other_names_are_kept() -> None:
    front = "---\ntitle: Xiaomi starts work on a second car plant\nsource: {}\n---\n\n" + BODY
    assert source_of("d.md", front.format("澎湃新闻")) == "The Paper"
    assert source_of("e.md", front.format("paper")) == "The Paper"  # no leading "The", any case
    assert source_of("f.md", front.format("MARKET NOTES")) == "MARKET NOTES"  # an editor's own spelling is kept


def test_a_section_label_is_never_a_source() -> None:
    for label in ("Company news", "Media coverage", "Industry news", "Latest news", "Business",
                  "Autos & Transportation", "公司新闻", "行业动态"):
        assert is_section_label(label), label
        page = f"{label}\n\nXiaomi starts work on a second car plant in Beijing\n\n{BODY}"
        assert source_of("g.txt", page) is None, label
    for name in ("China Daily", "Auto News", "EV Channel Insight", "The Paper", "财经", "Xinhua"):
        assert not is_section_label(name), name


def test_capitals_are_title_cased_only_when_safe() -> None:
    assert display_case("EV DISPATCH ASIA") == "EV Dispatch Asia"
    assert display_case("NEWS OF THE WORLD") == "News of the World"
    assert display_case("CGTN") == "CGTN"  # one word: an acronym
    assert display_case("SCMP DAILY") == "SCMP Daily"  # no vowel: an acronym
    assert display_case("BAIC NEWS", {"BAIC"}) == "BAIC News"  # a registry name printed in capitals
    assert display_case("Smart Mobility Brief") == "Smart Mobility Brief"
    assert outlet_key("  The   EV Channel  INSIGHT ") == outlet_key("ev channel insight")


@pytest.mark.parametrize(("text", "line", "message"), [
    ("- slug: a\n  name: A News Wire\n  description: x.\n  aliass: [b]\n", 1,
     "unknown field 'aliass' (did you mean 'aliases'?)"),
    ("- slug: a\n  name: A\n  description: x.\n- slug: b\n  name: B\n  aliases: [a]\n  description: y.\n", 4,
     "alias 'a' of 'b' is already used by 'a' (line 1)"),
    ("- slug: a\n  name: The Paper\n  description: x.\n- slug: b\n  name: paper\n  description: y.\n", 4,
     "name 'paper' of 'b' is already used by 'a' (line 1)"),
    ("- slug: a\n  name: 新华社\n  description: x.\n\n- slug: b\n  name: B\n  aliases: [新华社]\n  description: y.\n",
     5, "alias '新华社' of 'b' is already used by 'a' (line 1)"),
    ("- slug: a\n  name: Company news\n  description: x.\n", 1,
     "name 'Company news' of 'a' is a section label, never a source"),
    ("- slug: a\n  name: A\n  url: http://a.example\n  description: x.\n", 1,
     "url 'http://a.example' must be an https:// address (letters, digits and -._~/%+ only)"),
    ("- slug: index\n  name: A\n  description: x.\n", 1,
     "slug 'index' is reserved for the site's own pages (index, page, readme)"),
    ("- slug: a\n  name: A\n", 1, "missing field 'description'"),
])
def test_registry_errors_name_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(RegistryError) as caught:
        parse_sources(text, "sources.yml")
    assert (caught.value.line, caught.value.message) == (line, message)


def test_an_unknown_company_is_an_error_and_an_absent_file_is_an_empty_list(tmp_path: Path) -> None:
    (tmp_path / "companies.yml").write_text("- slug: xinhua\n  name: Xinhua News Agency\n  kind: media\n")
    assert load_registry(tmp_path).sources == {}
    (tmp_path / "sources.yml").write_text("- slug: x\n  name: Xinhua\n  company: xin-hua\n  description: x.\n")
    with pytest.raises(RegistryError, match="unknown company 'xin-hua'"):
        load_registry(tmp_path)


def test_the_check_reports_every_problem_of_a_broken_sources_file(tmp_path: Path) -> None:
    (tmp_path / "companies.yml").write_text("- slug: xinhua\n  name: Xinhua News Agency\n  kind: media\n")
    (tmp_path / "sources.yml").write_text(
        "- slug: xinhua\n  name: Xinhua\n  company: xinhua\n  description: x.\n"  # line 1: fine
        "- slug: wire\n  name: Wire\n  company: nobody\n  description: x.\n"  # line 5: unknown company
        "- slug: latest\n  name: Latest news\n  description: x.\n",  # line 9: a section label
        encoding="utf-8",
    )
    registry, problems = checked_registry(tmp_path)
    assert registry is None
    assert [str(p) for p in problems] == [
        f"{tmp_path}/sources.yml:5: error: unknown company 'nobody' (not in companies.yml)",
        f"{tmp_path}/sources.yml:9: error: name 'Latest news' of 'latest' is a section label, never a source",
    ]
    assert registry_problems(tmp_path / "sources.yml", "sources.yml")[0].path == "sources.yml"


def test_a_source_page_lists_its_briefings_and_briefings_link_to_it(tmp_path: Path) -> None:
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    seeds.mkdir()
    data.mkdir()
    (data / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (seeds / "a.txt").write_text(blog("EV CHANNEL INSIGHT"), encoding="utf-8")
    (seeds / "b.txt").write_text(blog("EV Channel Insight").replace("second car plant", "third car plant"),
                                 encoding="utf-8")
    result = build_site(seeds, data, today=TODAY)
    assert not result.errors
    page = result.pages["sources/ev-channel-insight.md"]
    assert "# EV Channel Insight" in page
    assert all(f"(../briefings/{b.slug}.md)" in page for b in result.briefings)
    assert "[EV Channel Insight](sources/ev-channel-insight.md) | 2 |" in result.pages["sources.md"]
    assert "sources/xinhua.md" not in result.pages  # no briefing: no page
    for briefing in result.briefings:
        assert "[EV Channel Insight](../sources/ev-channel-insight.md){ .chip }" in \
            result.pages[f"briefings/{briefing.slug}.md"]

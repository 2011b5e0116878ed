"""The registry editors keep: it loads, it is large enough, and every mistake is reported with file and line."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.entities.registry import parse_companies, parse_topics
from generator.errors import RegistryError
from generator.load import load_registry
from generator.model import COMPANY_KINDS, INSTITUTION_KINDS

ROOT = Path(__file__).resolve().parent.parent

GOOD = """\
- slug: baic-group
  name: BAIC Group
  kind: automaker
  aliases: [BAIC, 北汽集团]
- slug: hyundai
  name: Hyundai
  kind: automaker
- slug: beijing-hyundai
  name: Beijing Hyundai
  kind: joint-venture
  partners: [baic-group, hyundai]
"""


def test_the_project_registry_loads_and_covers_the_market() -> None:
    registry = load_registry(ROOT / "data")
    kinds = Counter(c.kind for c in registry.companies.values())
    assert len(registry.companies) >= 100
    assert len(registry.topics) >= 15
    assert all(kinds[kind] >= 3 for kind in (*COMPANY_KINDS, *INSTITUTION_KINDS))
    for slug in ("baic-group", "saic", "faw-group", "dongfeng-motor", "changan", "gac", "geely", "byd", "catl",
                 "huawei", "beijing-hyundai", "faw-volkswagen", "miit", "ndrc", "mofcom", "caam"):
        assert slug in registry.companies, slug
    assert "北汽集团" in registry.companies["baic-group"].aliases
    assert {v.slug for v in registry.ventures("hyundai")} >= {"beijing-hyundai"}


def test_a_good_file_parses() -> None:
    companies = parse_companies(GOOD, "companies.yml")
    assert companies["beijing-hyundai"].partners == ("baic-group", "hyundai")
    assert companies["baic-group"].names == ("BAIC Group", "BAIC", "北汽集团")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD + "- slug: arcfox\n  name: ARCFOX\n  kind: brand\n  parent: baic\n",
         "companies.yml:12: error: unknown parent 'baic'"),
        (GOOD + "- slug: hyundai\n  name: Hyundai Motor\n  kind: automaker\n",
         "companies.yml:12: error: duplicate slug 'hyundai' (first at line 5)"),
        (GOOD + "- slug: bjev\n  name: BJEV\n  kind: brand\n  parent: baic-group\n  aliases: [baic]\n",
         "companies.yml:12: error: alias 'baic' of 'bjev' is already used by 'baic-group' (line 1)"),
        (GOOD + "- slug: nio\n  kind: automaker\n", "companies.yml:12: error: missing field 'name'"),
        (GOOD + "- slug: nio\n  name: NIO\n  kind: automaker\n  alias: [Nio]\n",
         "companies.yml:12: error: unknown field 'alias' (did you mean 'aliases'?)"),
        (GOOD + "- slug: nio\n  name: NIO\n  kind: carmaker\n", "companies.yml:12: error: unknown kind 'carmaker'"),
        (GOOD + "- slug: Nio Inc\n  name: NIO\n  kind: automaker\n", "companies.yml:12: error: slug 'Nio Inc' must be"),
        (GOOD + "- slug: x-jv\n  name: X JV\n  kind: joint-venture\n  partners: [hyundai]\n",
         "companies.yml:12: error: joint venture 'x-jv' needs at least two partners"),
        (GOOD + "- slug: aito\n  name: AITO\n  kind: brand\n", "companies.yml:12: error: brand 'aito' needs a parent"),
        (GOOD + "- slug: nio\n  name: [NIO\n", "companies.yml:13: error: invalid YAML"),
        ("slug: nio\n", "companies.yml:1: error: the file must be a list of entries"),
    ],
)
def test_registry_mistakes_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(RegistryError) as caught:
        parse_companies(text, "companies.yml")
    assert str(caught.value).startswith(message)


def test_parent_cycles_are_refused() -> None:
    text = ("- slug: a\n  name: Alpha Motors\n  kind: automaker\n  parent: b\n"
            "- slug: b\n  name: Beta Motors\n  kind: automaker\n  parent: a\n")
    with pytest.raises(RegistryError, match="own ancestor"):
        parse_companies(text, "companies.yml")


def test_topic_mistakes() -> None:
    with pytest.raises(RegistryError, match=r"topics.yml:1: error: topic 'x': each keyword needs a phrase"):
        parse_topics("- slug: x\n  name: X\n  keywords: [hydrogen]\n", "topics.yml")
    with pytest.raises(RegistryError, match=r"topics.yml:1: error: topic 'x': kinds must map"):
        parse_topics("- slug: x\n  name: X\n  keywords: [{phrase: fuel, weight: 1}]\n  kinds: {car: 2}\n", "topics.yml")


def test_missing_registry_files_give_an_empty_registry(tmp_path: Path) -> None:
    registry = load_registry(tmp_path)
    assert registry.companies == {}
    assert registry.topics == {}

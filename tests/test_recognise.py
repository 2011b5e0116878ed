"""Recognising companies and topics: longest match, word boundaries, possessives, case, Chinese, ranking."""

from __future__ import annotations

import pytest

from generator.entities.phrases import PhraseMatcher
from generator.entities.recognise import Recogniser
from generator.entities.registry import parse_companies, parse_topics
from generator.model import Registry

COMPANIES = """\
- {slug: baic-group, name: BAIC Group, kind: automaker, aliases: [BAIC, Beijing Automotive Group Co, 北汽集团, 北汽]}
- {slug: baic-bluepark, name: BAIC BluePark, kind: automaker, parent: baic-group, aliases: [BJEV, BAIC BJEV]}
- {slug: hyundai, name: Hyundai, kind: automaker, aliases: [Hyundai Motor]}
- {slug: beijing-hyundai, name: Beijing Hyundai, kind: joint-venture, partners: [baic-group, hyundai]}
- {slug: beijing-brand, name: BEIJING brand, kind: brand, parent: baic-group, aliases: [BEIJING brands]}
- {slug: nio, name: NIO, kind: automaker, aliases: [Nio, 蔚来]}
- {slug: smart, name: smart, kind: brand, parent: baic-group}
- {slug: mercedes-benz, name: Mercedes-Benz, kind: automaker, aliases: [Mercedes-Benz Group]}
- {slug: ndrc, name: National Development and Reform Commission, kind: government, aliases: [NDRC]}
- {slug: xinhua, name: Xinhua, kind: media}
"""
TOPICS = """\
- slug: hydrogen
  name: Hydrogen
  keywords: [{phrase: hydrogen, weight: 3}, {phrase: fuel cell, weight: 3}]
  min_score: 4
- slug: joint-ventures
  name: Joint ventures
  keywords: [{phrase: joint venture, weight: 3}, {phrase: JV, weight: 3}]
  kinds: {joint-venture: 2}
  min_score: 5
"""


@pytest.fixture(scope="module")
def rec() -> Recogniser:
    return Recogniser(Registry(parse_companies(COMPANIES, "c.yml"), parse_topics(TOPICS, "t.yml")))


def slugs(rec: Recogniser, text: str) -> list[str]:
    return [m.slug for m in rec.mentions(text)]


def test_longest_match_wins(rec: Recogniser) -> None:
    assert slugs(rec, "Beijing Hyundai cut output.") == ["beijing-hyundai"]
    assert slugs(rec, "BAIC BJEV and BAIC BluePark are one company; BAIC is the parent.") == [
        "baic-bluepark", "baic-bluepark", "baic-group"]
    assert slugs(rec, "Mercedes-Benz Group said") == ["mercedes-benz"]


def test_possessives_and_hyphenated_pairs(rec: Recogniser) -> None:
    assert slugs(rec, "BAIC's plan and Hyundai’s plant") == ["baic-group", "hyundai"]
    assert slugs(rec, "Xiaomi-BAIC vehicles") == ["baic-group"]


def test_an_alias_inside_a_longer_word_is_no_mention(rec: Recogniser) -> None:
    assert slugs(rec, "Niobium and BAICs and Hyundaism and NIOX") == []


def test_case_rules(rec: Recogniser) -> None:
    assert slugs(rec, "NIO and Nio, but not nio") == ["nio", "nio"]
    assert slugs(rec, "Beijing, the capital, and the BEIJING brands") == ["beijing-brand"]
    assert slugs(rec, "a smart cockpit from smart") == ["smart", "smart"]  # lower-case names match as written
    assert slugs(rec, "HYUNDAI and hyundai motor") == ["hyundai", "hyundai"]  # ordinary names match in any case


def test_chinese_aliases_match_inside_chinese_text(rec: Recogniser) -> None:
    assert slugs(rec, "北汽集团与现代汽车合资，蔚来也在合肥。") == ["baic-group", "nio"]
    assert slugs(rec, "北汽蓝谷") == ["baic-group"]  # 北汽 is a prefix of an unregistered name


def test_words_of_a_name_must_be_adjacent(rec: Recogniser) -> None:
    assert slugs(rec, "Beijing, Hyundai") == ["hyundai"]
    assert slugs(rec, "Beijing\nHyundai") == ["beijing-hyundai"]


def test_companies_are_ranked_and_institutions_kept_apart(rec: Recogniser) -> None:
    found = rec.organisations(
        "Hyundai to sell a plant",
        ["BAIC and Hyundai own Beijing Hyundai.", "The NDRC approved. Xinhua reported. BAIC said, BAIC added."],
    )
    assert found.companies == ("hyundai", "baic-group", "beijing-hyundai")
    assert found.institutions == ("ndrc", "xinhua")
    assert found.subjects == ("hyundai", "baic-group")  # the headline's, and one named as often; not a passing name


def test_topics_need_their_threshold_and_count_organisation_kinds(rec: Recogniser) -> None:
    lede = "Sales rose."
    assert rec.topics("", [lede, "The hydrogen bus."]) == ()
    assert rec.topics("", [lede, "A hydrogen fuel cell bus."]) == ("hydrogen",)
    assert rec.topics("", [lede, "The joint venture grew."]) == ()
    assert rec.topics("", [lede, "The joint venture grew."], ("beijing-hyundai",)) == ("joint-ventures",)


def test_phrase_matcher_keys_and_overlaps() -> None:
    matcher = PhraseMatcher([("price war", "war", False), ("price", "price", False), ("EV", "ev", True)])
    assert [m.key for m in matcher.find("A price war, a price cut, an EV, an ev.")] == ["war", "price", "ev"]

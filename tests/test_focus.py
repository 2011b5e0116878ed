"""Focus: what a briefing is about. Topics and organisations ranked by place, count and strength of their mentions;
at most five topics, none an aside; subjects apart from passing mentions; a topic most of a large wiki touches kept
only where a briefing says more about it than the typical one. Short English and Chinese fixtures of our own."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from generator.entities.focus import (
    MAX_SUBJECTS,
    MAX_TOPICS,
    PRIOR_BRIEFINGS,
    choose_topics,
    refocus,
    typical_evidence,
)
from generator.entities.recognise import Recogniser
from generator.entities.registry import parse_companies, parse_topics
from generator.model import Briefing, FrontMatter, Meta, Registry
from generator.pipeline import build_site

COMPANIES = """\
- {slug: baic-group, name: BAIC Group, kind: automaker, aliases: [BAIC, 北汽集团, 北汽]}
- {slug: xiaomi, name: Xiaomi, kind: automaker, aliases: [小米汽车, 小米]}
- {slug: nio, name: NIO, kind: automaker, aliases: [蔚来]}
- {slug: geely, name: Geely, kind: automaker, aliases: [吉利]}
- {slug: byd, name: BYD, kind: automaker, aliases: [比亚迪]}
- {slug: li-auto, name: Li Auto, kind: automaker, aliases: [理想汽车]}
- {slug: catl, name: CATL, kind: supplier, aliases: [宁德时代]}
- {slug: ndrc, name: National Development and Reform Commission, kind: government, aliases: [NDRC, 国家发改委]}
- {slug: bloomberg, name: Bloomberg, kind: media, aliases: [彭博社]}
"""
TOPICS = """\
- slug: hydrogen
  name: Hydrogen
  keywords: [{phrase: hydrogen, weight: 3}, {phrase: fuel cell, weight: 3}, {phrase: 氢能, weight: 3},
             {phrase: 燃料电池, weight: 3}]
  min_score: 4
- slug: batteries
  name: Batteries
  keywords: [{phrase: battery, weight: 2}, {phrase: sodium-ion, weight: 3}, {phrase: cells, weight: 1},
             {phrase: 电池, weight: 2}, {phrase: 钠离子, weight: 3}]
  min_score: 5
- slug: pricing
  name: Pricing
  keywords: [{phrase: price war, weight: 3}, {phrase: price cut, weight: 3}, {phrase: prices, weight: 1},
             {phrase: 价格战, weight: 3}, {phrase: 降价, weight: 3}]
  min_score: 5
- slug: exports
  name: Exports
  keywords: [{phrase: export, weight: 3}, {phrase: exports, weight: 3}, {phrase: overseas, weight: 3},
             {phrase: 出口, weight: 3}, {phrase: 出海, weight: 3}]
  min_score: 5
- slug: capacity
  name: Capacity
  keywords: [{phrase: plant, weight: 2}, {phrase: factory, weight: 2}, {phrase: capacity, weight: 2},
             {phrase: 工厂, weight: 2}, {phrase: 产能, weight: 3}]
  min_score: 5
- slug: policy
  name: Policy
  keywords: [{phrase: subsidy, weight: 2}, {phrase: tariff, weight: 3}, {phrase: 补贴, weight: 2}]
  kinds: {government: 2}
  min_score: 5
- slug: sales
  name: Sales
  keywords: [{phrase: deliveries, weight: 2}, {phrase: sales, weight: 1}, {phrase: 销量, weight: 3}]
  min_score: 5
"""


@pytest.fixture(scope="module")
def rec() -> Recogniser:
    return Recogniser(Registry(parse_companies(COMPANIES, "c.yml"), parse_topics(TOPICS, "t.yml")))


def topics(rec: Recogniser, title: str, *paragraphs: str) -> tuple[str, ...]:
    return rec.topics(title, list(paragraphs))


def test_the_headline_and_the_lede_count_most(rec: Recogniser) -> None:
    # One exports keyword and one capacity keyword each, once; where they stand decides the order.
    body = "The group also mentioned exports. It said the plant was running, and the factory too."
    assert topics(rec, "Exports rise", "Car output was steady.", body)[0] == "exports"
    assert topics(rec, "Plant reopens", "Car output was steady.", body)[0] == "capacity"
    # The lede (first paragraph) counts more than the body: a keyword there reaches a threshold a later one misses.
    assert topics(rec, "", "A hydrogen bus.") == ("hydrogen",)
    assert topics(rec, "", "Buses.", "A hydrogen bus.") == ()


def test_a_passing_mention_is_no_topic(rec: Recogniser) -> None:
    assert topics(rec, "", "NIO sold cars.", "Prices were stable.") == ()
    assert topics(rec, "", "NIO sold cars.", "A price war started.", "Prices fell.", "Prices fell again.") == (
        "pricing",)


def test_at_most_five_topics_the_strongest_first(rec: Recogniser) -> None:
    paragraphs = [
        "Hydrogen fuel cell trucks and hydrogen buses.",
        "Sodium-ion battery cells; the battery maker's sodium-ion line.",
        "A price war and a price cut.",
        "Exports and overseas sales; export plans.",
        "A new plant and a factory with more capacity.",
        "A tariff and a subsidy.",
        "Deliveries rose; deliveries and sales.",
    ]
    chosen = rec.topics("", paragraphs)
    evidence = rec.topic_evidence("", paragraphs)
    assert len(chosen) == MAX_TOPICS
    assert [evidence[t] for t in chosen] == sorted((evidence[t] for t in chosen), reverse=True)
    left_out = set(evidence) - set(chosen)
    assert all(evidence[t] <= min(evidence[c] for c in chosen) for t in left_out)


def test_an_aside_next_to_the_main_topic_is_no_topic(rec: Recogniser) -> None:
    aside = ["A price war.", "Prices fell and prices rose."]  # 3 + 1 + 1: just the threshold of 5
    assert rec.topics("", ["Car news.", *aside]) == ("pricing",)
    main = ["Hydrogen, fuel cell, 氢能, 燃料电池.",
            "Hydrogen fuel cell trucks; 氢能 and 燃料电池 buses, 氢能 and 燃料电池."]
    assert rec.topics("Hydrogen fuel cell trucks", [*main, *aside]) == ("hydrogen",)  # 5 next to 48


def test_chinese_text_is_ranked_the_same_way(rec: Recogniser) -> None:
    title = "小米汽车或接手北汽集团青岛工厂"
    paragraphs = [
        "据彭博社报道，小米汽车正与北汽集团洽谈接手其青岛工厂，以扩大产能。",
        "小米汽车去年销量增长，蔚来和吉利也在扩张。",
        "该工厂的产能为每年十五万辆。小米尚未回应。",
    ]
    found = rec.organisations(title, paragraphs)
    assert found.companies[:2] == ("xiaomi", "baic-group")
    assert found.subjects == ("xiaomi", "baic-group")  # both in the headline; NIO and Geely only named in passing
    assert set(found.companies) - set(found.subjects) == {"nio", "geely"}
    assert found.institutions == ("bloomberg",)  # an outlet quoted as the source of the report
    assert rec.topics(title, paragraphs)[0] == "capacity"


def test_subjects_are_the_headline_s_and_the_prominent_ones(rec: Recogniser) -> None:
    found = rec.organisations(
        "NIO cuts prices",
        ["NIO and CATL signed a deal, Bloomberg reported.", "CATL will supply NIO. BYD and Geely were not involved.",
         "CATL said the cells are ready. Bloomberg said NIO declined to comment."],
    )
    assert found.companies == ("nio", "catl", "byd", "geely")
    assert found.subjects == ("nio", "catl")  # CATL is named three times, once in the lede
    assert "bloomberg" not in found.subjects  # named twice, but as the source: only a headline makes it a subject
    assert rec.organisations("Bloomberg buys a stake in NIO", ["Bloomberg said."]).subjects == ("bloomberg", "nio")


def test_a_story_without_a_headline_company_has_its_most_prominent_one_as_subject(rec: Recogniser) -> None:
    found = rec.organisations("Battery prices fall", ["CATL cut prices.", "CATL said so. BYD did not."])
    assert found.subjects == ("catl",)
    # Named once each, nobody stands out: no subject, everyone is a passing mention.
    assert rec.organisations("Battery prices fall", ["CATL cut prices.", "BYD did not."]).subjects == ()


def test_subjects_are_capped(rec: Recogniser) -> None:
    title = "NIO, Geely, BYD, Li Auto, Xiaomi and BAIC cut prices"
    assert len(rec.organisations(title, ["They did."]).subjects) == MAX_SUBJECTS


def test_a_text_that_is_not_about_the_car_market_gets_no_topic(rec: Recogniser) -> None:
    # Topic words that other news shares: a price war among airlines, a tariff on steel.
    airline = ["Airlines are in a price war.", "A price cut followed; prices fell. A tariff on fuel is next."]
    assert rec.topics("Fares tumble", airline) == ()
    assert rec.topics("Fares tumble", [*airline, "Car rental firms followed."]) == ("pricing",)
    assert rec.topics("Fares tumble", [*airline, "BYD said nothing."], ("byd",)) == ("pricing",)
    assert rec.topics("票价下跌", ["航空公司打起价格战，再次降价。"]) == ()
    assert rec.topics("汽车票价下跌", ["航空公司打起价格战，再次降价。"]) == ("pricing",)


REGISTRY = Registry(parse_companies(COMPANIES, "c.yml"), parse_topics(TOPICS, "t.yml"))


def test_without_a_typical_level_the_threshold_is_the_topic_s_own() -> None:
    assert choose_topics([("sales", 6.0), ("pricing", 4.0)], REGISTRY) == ("sales",)
    assert choose_topics([("sales", 6.0)], REGISTRY, {"sales": 2.0}) == ()  # 4 beyond the typical 2: not enough


def test_a_small_wiki_has_no_typical_level_a_large_one_learns_it() -> None:
    everywhere = [(("sales", 8.0),)] * (PRIOR_BRIEFINGS - 1)
    assert typical_evidence(everywhere) == {}  # fewer briefings than the prior's: the median is still zero
    assert typical_evidence([*everywhere, (("sales", 8.0),)]) == {"sales": 8.0}  # half of all reach 8
    large = [(("sales", 8.0), ("pricing", 3.0))] * 100 + [(("pricing", 3.0),)] * 50
    assert typical_evidence(large) == {"sales": 8.0, "pricing": 3.0}
    half = [(("sales", 8.0),)] * 60 + [()] * 100
    assert typical_evidence(half) == {}  # on fewer than half of the briefings: no typical level


def briefing(slug: str, evidence: tuple[tuple[str, float], ...], front: dict[str, object] | None = None) -> Briefing:
    topics = choose_topics(evidence, REGISTRY)
    if front and isinstance(front.get("topics"), list):
        topics = tuple(str(t) for t in front["topics"])  # type: ignore[union-attr]
    return Briefing(seed=f"{slug}.txt", slug=slug, meta=Meta(slug), blocks=(), summary="", kind="scraped",
                    topics=topics, topic_evidence=evidence, front_matter=FrontMatter(front or {}))


def test_a_topic_most_of_a_large_wiki_touches_stays_only_where_a_briefing_says_more() -> None:
    background = [briefing(f"b{i}", (("sales", 7.0), ("hydrogen", 12.0))) for i in range(60)]
    about_sales = briefing("about-sales", (("sales", 20.0), ("hydrogen", 12.0)))
    editor = briefing("editor", (("sales", 7.0),), {"topics": ["sales"]})
    assert background[0].topics == ("hydrogen", "sales")  # alone, the background evidence passes
    out = {b.slug: b for b in refocus(REGISTRY, [*background, about_sales, editor])}
    assert out["b0"].topics == ()  # sales: at the typical level; hydrogen too (12 beyond 12 is nothing)
    assert out["about-sales"].topics == ("sales",)  # 13 beyond the typical 7
    assert out["editor"].topics == ("sales",)  # an editor's list is kept as written
    few = [briefing(f"b{i}", (("sales", 7.0),)) for i in range(5)]
    assert refocus(REGISTRY, few) == few  # a small wiki: nothing to learn, nothing changes


ROOT = Path(__file__).resolve().parent.parent
VARIED_CORPUS = 300  # bench/make_seeds.py: articles on two random topics each, amid sales, plant and export news
MAX_TOPIC_SHARE = 0.4


def make_seeds() -> ModuleType:
    """bench/make_seeds.py, the synthetic corpus generator (a script, not a package module)."""
    spec = importlib.util.spec_from_file_location("make_seeds", ROOT / "bench" / "make_seeds.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_a_varied_corpus_has_few_topics_a_briefing_and_none_on_most_briefings(tmp_path: Path) -> None:
    make_seeds().generate(VARIED_CORPUS, tmp_path / "seeds", seed=1)
    result = build_site(tmp_path / "seeds", ROOT / "data", today=dt.date(2026, 1, 1))
    assert not result.errors, [str(e) for e in result.errors]
    briefings = result.briefings
    assert len(briefings) == VARIED_CORPUS
    assert max(len(b.topics) for b in briefings) <= MAX_TOPICS
    shares = Counter(t for b in briefings for t in b.topics)
    assert max(shares.values()) <= MAX_TOPIC_SHARE * len(briefings), shares.most_common(3)
    # Focus is not silence: most briefings keep a topic, and most name a subject.
    assert sum(1 for b in briefings if b.topics) >= 0.9 * len(briefings)
    assert sum(1 for b in briefings if b.subjects) >= 0.9 * len(briefings)
    assert all(set(b.subjects) <= {*b.companies, *b.institutions} for b in briefings)

"""The corpus pass: related briefings, back-links and first-mention links."""

from __future__ import annotations

from generator.entities.link import apply_links, first_mentions, link_corpus
from generator.entities.recognise import Recogniser
from generator.entities.registry import parse_companies, parse_topics
from generator.model import Block, Briefing, Meta, Registry

REGISTRY = Registry(
    parse_companies(
        "- {slug: byd, name: BYD, kind: automaker}\n- {slug: nio, name: NIO, kind: automaker}\n"
        "- {slug: xinhua, name: Xinhua, kind: media}\n",
        "c.yml",
    ),
    parse_topics("- {slug: batteries, name: Batteries, keywords: [{phrase: battery, weight: 3}]}\n", "t.yml"),
)


def briefing(slug: str, date: str | None, companies: tuple[str, ...] = (), topics: tuple[str, ...] = ()) -> Briefing:
    return Briefing(seed=f"{slug}.txt", slug=slug, meta=Meta(title=slug.upper(), date=date), blocks=(), summary="s",
                    kind="scraped", companies=companies, topics=topics)


def test_related_prefers_shared_companies_then_recency() -> None:
    a = briefing("a", "2024-01-01", ("byd",), ("batteries",))
    b = briefing("b", "2023-01-01", ("byd",))
    c = briefing("c", "2024-06-01", (), ("batteries",))
    d = briefing("d", None, ("nio",))
    corpus = link_corpus(REGISTRY, [a, b, c, d])
    assert [x.slug for x in corpus.related["a"]] == ["b", "c"]
    assert corpus.related["d"] == ()
    assert [x.slug for x in corpus.by_company["byd"]] == ["a", "b"]  # newest first
    assert [x.slug for x in corpus.briefings] == ["c", "a", "b", "d"]  # undated last
    assert corpus.co_mentions("byd") == []
    assert corpus.topics_of("byd") == [("batteries", 1)]


def test_first_mention_is_linked_once_and_never_inside_links_code_or_headings() -> None:
    blocks = (
        Block("heading", "## BYD moves"),
        Block("paragraph", "See [BYD news](https://x.example) and `BYD` code, then BYD and BYD again."),
        Block("paragraph", "NIO, then Xinhua."),
    )
    href = {"byd": "../companies/byd.md", "nio": "../companies/nio.md"}
    linked = apply_links(blocks, first_mentions(blocks, ("byd", "nio"), Recogniser(REGISTRY)), href)
    assert linked[0].text == "## BYD moves"
    assert linked[1].text == (
        "See [BYD news](https://x.example) and `BYD` code, then [BYD](../companies/byd.md) and BYD again."
    )
    assert linked[2].text == "[NIO](../companies/nio.md), then Xinhua."

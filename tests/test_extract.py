"""Metadata rules on small synthetic pages: dates, source, author, title, summary."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.clean import clean, to_doc
from generator.extract.author import byline_author
from generator.extract.date import publication_date
from generator.extract.publication import publication
from generator.extract.summary import summarise
from generator.extract.title import from_lede, headline, without_source_prefix
from generator.lexicon.dates import find_dates, is_relative, plausible

TODAY = dt.date(2026, 11, 25)
BODY = "The carmaker said on Monday that it would expand production at its plant in Hefei to meet rising demand."


def page(*lines: str) -> str:
    """A scraped page: the given lines, then a paragraph of body text."""
    return "\n\n".join([*lines, BODY, BODY])


def doc_of(text: str):
    return clean(to_doc("t.txt", text))


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2022/07/03 Share", "2022-07-03"),
        ("12/09 2025", "2025-12-09"),  # month/day year
        ("Date: 16/08/2024", "2024-08-16"),  # day first when the first number cannot be a month
        ("date 2025-12-01 Headline", "2025-12-01"),
        ("Updated: Jan 18, 2024 17:40", "2024-01-18"),
        ("Posted on December 23, 2023 by Mark Ellison", "2023-12-23"),
        ("2024年3月29日 09:05", "2024-03-29"),
        ("30 October 2024 · 6 min read", "2024-10-30"),
        ("Oct. 27, 2023", "2023-10-27"),
        ("03.04.2024", "2024-04-03"),  # dotted numeric dates are day first
    ],
)
def test_find_dates_reads_each_format(text: str, iso: str) -> None:
    assert find_dates(text)[0].iso == iso


def test_find_dates_ignores_impossible_dates_and_plain_numbers() -> None:
    assert find_dates("2023/02/30") == []
    assert find_dates("sold 2,024 cars in 2023") == []
    assert find_dates("0-sepember-1900") == []  # "sep" + "ember" is no month (it once raised KeyError)
    assert [d.iso for d in find_dates("Sept 3, 2024 and 4-sep-2024")] == ["2024-09-03", "2024-09-04"]


def test_plausibility() -> None:
    assert not plausible("1970-01-01", TODAY)
    assert not plausible("2027-01-01", TODAY)
    assert plausible("2026-11-25", TODAY)
    assert is_relative("Updated 3 hours ago")


def test_publication_date_from_the_stamp_not_the_body() -> None:
    text = page("Geely opens a plant in Hefei", "Posted on March 3, 2024", "On May 5, 2023, the old plant closed down.")
    assert publication_date(doc_of(text), TODAY) == "2024-03-03"


def test_epoch_placeholder_and_relative_stamps_give_no_date() -> None:
    epoch = page("Xiaomi may take over a plant", "Publishtime:1970-01-01 08:00:00 Views:27")
    relative = page("Inside Huawei's car alliance today", "Updated 3 hours ago · Reading time: 5 min")
    assert publication_date(doc_of(epoch), TODAY) is None
    assert publication_date(doc_of(relative), TODAY) is None


def test_future_date_is_implausible() -> None:
    assert publication_date(doc_of(page("A headline from the future", "Date: 2031-01-05")), TODAY) is None


def test_no_date_is_ever_guessed_from_body_numbers() -> None:
    text = page("BYD sales rise again this year", "In 2023/07/01 terms the figure was 2022-05-04 at the plant.")
    assert publication_date(doc_of(text), TODAY) is None


def test_wire_dateline_takes_the_year_from_a_page_stamp() -> None:
    text = "date 2025-12-03 A headline about cars\n\nBEIJING, Nov. 30 (Xinhua) -- China is steering its auto sector.\n"
    assert publication_date(doc_of(text + "\n" + BODY), TODAY) == "2025-12-03"


@pytest.mark.parametrize(
    ("lines", "source"),
    [
        (("Geely opens a plant", "Source: Jingcheng Evening Post"), "Jingcheng Evening Post"),
        (("Geely opens a plant", "Article: Auto Review"), "Auto Review"),
        (("PEARL RIVER AUTO NEWS", "Geely opens a plant in Hefei", "By Zhou Jing"), "PEARL RIVER AUTO NEWS"),
        (("Geely opens a plant", "© 2024 Pearl River Auto News. All rights reserved."), "Pearl River Auto News"),
        (("Geely opens a plant in Hefei", "Copyright 2023 Auto Trade Monitor. Terms | Privacy"), "Auto Trade Monitor"),
        (("Geely opens a plant in Hefei", "More from Smart Mobility Brief"), "Smart Mobility Brief"),
        (("Industry dynamics", "Geely may take over a plant, report says-CnEVPost"), "CnEVPost"),
        (("Geely opens a plant in Hefei",), None),
    ],
)
def test_source(lines: tuple[str, ...], source: str | None) -> None:
    assert publication(doc_of(page(*lines))) == source


def test_source_from_wire_dateline() -> None:
    text = "A headline about cars\n\nBEIJING, Nov. 30 (Xinhua) -- China is steering its auto sector forward.\n\n" + BODY
    assert publication(doc_of(text)) == "Xinhua"


@pytest.mark.parametrize(
    ("lines", "author"),
    [
        (("Geely opens a plant", "By Sun Lei"), "Sun Lei"),
        (("Geely opens a plant", "Author: Liu Yan | Layout: Zheng Xueqin | Design: Guo Qing"), "Liu Yan"),
        (("Geely opens a plant", "Text: Lin Xiao · Photos: VCG"), "Lin Xiao"),
        (("Geely opens a plant", "Posted on December 23, 2023 by Mark Ellison"), "Mark Ellison"),
        (("Geely opens a plant", "Tomasz Weber, Brussels correspondent"), "Tomasz Weber"),
        (("Geely opens a plant in Hefei", "Sophie Tan", "Updated 3 hours ago"), "Sophie Tan"),
        (("Geely opens a plant", "Editor: Gao Ming"), None),  # a web editor is not the author
        (("Geely opens a plant", "Layout: Auto Review"), None),
    ],
)
def test_author(lines: tuple[str, ...], author: str | None) -> None:
    assert byline_author(doc_of(page(*lines))) == author


def test_headline_drops_a_glued_date_and_a_site_suffix() -> None:
    assert headline(doc_of(page("date 2025-12-01 China New Growth: From quantity to quality"))) == (
        "China New Growth: From quantity to quality"
    )
    assert headline(doc_of(page("Xiaomi may take over a plant in Qingdao - CnEVPost", "By Sun Lei"))) == (
        "Xiaomi may take over a plant in Qingdao"
    )


def test_headline_drops_a_list_bullet() -> None:
    assert headline(doc_of(page("• Xiaomi may take over a plant in Qingdao", "By Sun Lei"))) == (
        "Xiaomi may take over a plant in Qingdao"
    )
    assert headline(doc_of(page("• 小米或将接手北汽青岛工厂", "记者 孙磊"))) == "小米或将接手北汽青岛工厂"


def test_title_from_the_lede_when_there_is_no_headline() -> None:
    lede = ("On October 30, FAW-Volkswagen celebrated the production of its 30 millionth vehicle, marking a "
            "historic milestone as the first passenger vehicle enterprise in China to achieve such a feat.")
    note = "This article serves as the editorial note of the December issue of the magazine."
    assert from_lede([note, lede]) == "FAW-Volkswagen celebrated the production of its 30 millionth vehicle"


def test_title_source_prefix() -> None:
    title = "Beijing Daily: Under the Banner of the Party, BAIC Deepens Reform"
    assert without_source_prefix(title, "Beijing Daily") == "Under the Banner of the Party, BAIC Deepens Reform"
    assert without_source_prefix(title, None) == title


def test_summary_is_the_lede_cut_at_a_sentence() -> None:
    long = " ".join(f"Sentence number {i} says something about the car market in China." for i in range(20))
    summary = summarise(["Short.", long])
    assert summary.startswith("Sentence number 0")
    assert summary.endswith(".")
    assert len(summary) <= 300
    assert summarise(["BEIJING, Nov. 30 (Xinhua) -- China is steering its auto sector toward the future."]) == (
        "China is steering its auto sector toward the future."
    )

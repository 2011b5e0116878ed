"""Pages in the shapes of other sites (written for these tests): metadata found, chrome gone, content kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.lexicon.markdown import plain
from generator.pipeline import build_site

SEEDS = Path(__file__).parent / "fixtures" / "other-sites"
EXPECTED = {
    "wire-agency.txt": {
        "meta": ("BYD overtakes Volkswagen as China's top-selling car brand", "2024-03-04", "Reuters",
                 "Zhang Yan and Brenda Goh"),
        "chrome": ["Skip to main content", "Breakingviews", "Autos & Transportation", "Updated 2 days ago",
                   "Read more:", "Reporting by", "Our Standards", "Purchase Licensing Rights"],
        "kept": ["BYD became the best-selling car brand in China last year", "## Price war",
                 "pushing the starting price of its cheapest plug-in hybrid below 80,000 yuan."],
    },
    "daily-pipes.txt": {
        "meta": ("Geely's Zeekr files for US listing", "2024-04-23", "China Daily", "Zhao Yimeng"),
        "chrome": ["Home / Business", "ZHAO YIMENG", "Photo provided", "Follow us", "Download the", "Copyright"],
        "kept": ["has filed for an initial public offering in the United States",
                 "Zeekr delivered 118,685 vehicles in 2023"],
    },
    "no-blank-lines.txt": {
        "meta": ("China's auto exports surge 57.4 pct in 2023", "2024-01-11", "Xinhua", None),
        "chrome": ["Source: Xinhua", "huaxia", "Video Player", "Photo taken on", "Enditem"],
        "kept": ["China's auto exports jumped 57.4 percent year on year to 4.91 million units",
                 "China overtook Japan as the world's largest auto exporter last year"],
    },
    "pipe-meta-row.txt": {
        "meta": ("Chery's overseas sales top 1 million units in 2024", "2025-01-08", "Auto Daily Asia", "Zhang San"),
        "chrome": ["Home » News", "CarNewsAsia", "Published:", "Author:", "Chery to build second plant in Spain",
                   "BYD tops 4 million sales", "Keywords:"],
        "kept": ["Chery Automobile sold more than 1.14 million vehicles outside China in 2024",
                 "the carmaker plans to open plants in Spain and Turkey"],
    },
}


@pytest.fixture(scope="module")
def briefings() -> dict:
    result = build_site(SEEDS, today=dt.date(2026, 11, 25))
    assert not result.errors
    return {b.seed: b for b in result.briefings}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_metadata(briefings: dict, seed: str) -> None:
    meta = briefings[seed].meta
    assert (meta.title, meta.date, meta.source, meta.author) == EXPECTED[seed]["meta"]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_chrome_removed_and_content_kept(briefings: dict, seed: str) -> None:
    body = briefings[seed].body
    for chrome in EXPECTED[seed]["chrome"]:
        assert chrome not in plain(body), chrome
    for kept in EXPECTED[seed]["kept"]:
        assert kept in body, kept

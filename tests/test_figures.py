"""Key figures: what a sentence says a named company sold, earned, charged or built, normalised, with its period."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from generator import render
from generator.entities.link import link_corpus
from generator.entities.recognise import Recogniser
from generator.extract.figures import key_figures
from generator.figure_tables import FIGURES_SHOWN
from generator.lexicon.measures import period_near
from generator.lexicon.quantities import normalise
from generator.load import load_registry
from generator.model import Briefing, Figure
from generator.pipeline import gather

ROOT = Path(__file__).resolve().parents[1]
RECOGNISER = Recogniser(load_registry(ROOT / "data"))


def figures(*paragraphs: str) -> list[Figure]:
    return list(key_figures(list(paragraphs), RECOGNISER.company_mentions))


def facts(*paragraphs: str) -> list[tuple[str, str, str, str, str]]:
    return [(f.company, f.measure, f.amount, f.unit, f.period) for f in figures(*paragraphs)]


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("BYD sold 300,000 vehicles in the third quarter of 2025.", ("byd", "sales", "300000", "vehicles", "Q3 2025")),
        ("Xiaomi reported a net profit of 33.4 billion yuan for the first half.",
         ("xiaomi", "profit", "33400000000", "CNY", "H1")),
        ("Geely raised US$2 billion in funding in 2024.", ("geely", "investment", "2000000000", "USD", "2024")),
        ("Stellantis will pay €1.5 billion for the stake.", ("stellantis", "deal value", "1500000000", "EUR", "")),
        ("NIO delivered 20,000 vehicles in October, up 12.5 percent year on year.",
         ("nio", "deliveries change", "12.5", "%", "October")),
        ("比亚迪10月销量为50.3万辆，同比增长12%。", ("byd", "sales", "503000", "vehicles", "10月")),
        ("蔚来第三季度营收为217亿元。", ("nio", "revenue", "21700000000", "CNY", "第三季度")),
    ],
)
def test_a_figure_is_its_company_measure_normalised_value_and_period(text: str, fact: tuple[str, ...]) -> None:
    assert fact in facts(text)


def test_the_context_is_the_clause_from_the_company_to_the_figure() -> None:
    (figure,) = figures("On Monday BYD sold 300,000 vehicles in Europe, a record, analysts said.")
    assert figure.context == "BYD sold 300,000 vehicles in Europe"
    assert figure.value == "300,000 vehicles"


def test_figures_without_a_named_subject_or_a_measure_are_not_key_figures() -> None:
    assert figures(
        "The group spent 49.3 billion yuan on research.",
        "Compared with 88.7 billion yuan a year earlier.",
        "Which exceeded 30 million total units in 2023.",
        "BAIC said 35 employees were selected to enter the base.",
        "ICVs) as a primary engine to generate 1 trillion yuan.",
    ) == []


def test_the_subject_is_the_company_the_statement_is_about() -> None:
    # Not a company named in brackets, not one the sentence quotes an opinion from, not one of another statement.
    assert facts("BAIC Group, partner to Hyundai (Beijing Hyundai), aims at 4 million unit sales by 2030.") == [
        ("baic-group", "sales", "4000000", "vehicles", "")]
    assert facts("Analysts at Geely expect Tesla to lift its margin by 2.1 percentage points.") == [
        ("tesla", "margin change", "2.1", "pp", "")]
    assert [f[:3] for f in facts("NIO delivered 20,000 vehicles, while XPeng delivered 15,000 vehicles.")] == [
        ("nio", "deliveries", "20000"), ("xpeng", "deliveries", "15000")]
    assert [f[0] for f in facts("比亚迪表示，蔚来10月交付了4万辆。")] == ["nio"]


def test_years_dates_labels_ordinals_and_bare_numbers_are_not_figures() -> None:
    assert figures(
        "BYD opened the No. 2 plant in 2023 and sold the Model 3 on March 28, 2024 at 09:05.",
        "FAW-Volkswagen celebrated the production of its 30 millionth vehicle.",
        "BYD: page 3 of 12, views 437.",
    ) == []


def test_each_fact_once_and_at_most_eight() -> None:
    text = " ".join(f"BYD sold {i + 1}0,000 cars in month {i}." for i in range(12))
    got = figures(text, text)
    assert len(got) == 8
    assert len({f.amount for f in got}) == 8


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("1.62", " billion", "yuan", None), (Decimal("1.62e9"), "CNY")),
        (("50.3", "万", None, "辆"), (Decimal("503000"), "vehicles")),
        (("217", "亿", "元", "元"), (Decimal("2.17e10"), "CNY")),
        (("3", None, "HK$", None), (Decimal(3), "HKD")),
        (("51.6", None, None, "percent"), (Decimal("51.6"), "%")),
        (("6.1", None, None, "percentage points"), (Decimal("6.1"), "pp")),
        (("2,300", None, None, "swap stations"), (Decimal(2300), "stations")),
    ],
)
def test_values_are_normalised(args: tuple[str, str | None, str | None, str | None],
                               expected: tuple[Decimal, str]) -> None:
    assert normalise(*args) == expected


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("Sales rose 5% in the fourth quarter of 2024.", "Q4 2024"),
        ("Sales rose 5% in Q2.", "Q2"),
        ("Revenue rose 5% in the second half of 2025.", "H2 2025"),
        ("Sales in the first nine months of 2025 rose 5%.", "first nine months of 2025"),
        ("Sales rose 5% last year.", "last year"),
        ("2025年前三季度销量增长5%。", "2025年前三季度"),
        ("Sales rose 5%.", ""),
    ],
)
def test_the_period_is_the_one_the_sentence_names(sentence: str, period: str) -> None:
    assert period_near(sentence, sentence.index("5")) == period


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> list[Briefing]:
    """300 synthetic briefings (bench/make_seeds.py)."""
    folder = tmp_path_factory.mktemp("synthetic")
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_seeds.py"), "300", str(folder), "--seed", "1"],
                   check=True, capture_output=True)
    briefings, errors = gather(folder, dt.date(2026, 1, 1), RECOGNISER)
    assert not errors
    return briefings


@pytest.fixture(scope="module")
def corpus_figures(synthetic: list[Briefing]) -> list[tuple[str, Figure]]:
    """The figures of the project's seeds and of the synthetic ones, with their briefing's seed."""
    own, errors = gather(ROOT / "seeds", dt.date(2026, 1, 1), RECOGNISER)
    assert not errors
    return [(b.seed, f) for b in (*own, *synthetic) for f in b.figures]


def test_a_company_page_shows_its_newest_twenty_figures_and_the_rest_one_click_away(
        synthetic: list[Briefing]) -> None:
    corpus = link_corpus(RECOGNISER.registry, synthetic)
    counts = Counter(f.company for b in synthetic for f in b.figures)
    slug, total = counts.most_common(1)[0]
    assert total > FIGURES_SHOWN
    pages = render.render_company(RECOGNISER.registry.companies[slug], corpus)
    page, everything = pages[f"companies/{slug}.md"], pages[f"companies/{slug}/figures.md"]
    section = page[page.index("## Key figures"):]
    assert section.count("\n| ") == 2 + FIGURES_SHOWN  # the header and its rule, then the newest twenty
    assert f"[all {total}]({slug}/figures.md)" in section
    assert everything.count("\n| ") == 2 + total
    dates = [line.split(" | ")[0].lstrip("| ") for line in section.splitlines() if line.startswith("| 20")]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_every_figure_names_its_company_and_a_measure(corpus_figures: list[tuple[str, Figure]]) -> None:
    """What a company page shows is about that company: the clause starts with one of its names."""
    companies = RECOGNISER.registry.companies
    assert len(corpus_figures) > 1000
    for seed, figure in corpus_figures:
        names = companies[figure.company].names
        assert any(figure.context.startswith(name) for name in names), (seed, figure)
        assert figure.measure, (seed, figure)
        assert figure.unit, (seed, figure)
        assert Decimal(figure.amount) >= 0


def test_no_briefing_has_more_than_eight_figures(corpus_figures: list[tuple[str, Figure]]) -> None:
    per_seed: dict[str, int] = {}
    for seed, _ in corpus_figures:
        per_seed[seed] = per_seed.get(seed, 0) + 1
    assert max(per_seed.values()) <= 8

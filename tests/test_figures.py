"""Key figures: quantities with units, money or magnitudes, and the clause that says what they measure."""

from __future__ import annotations

import pytest

from generator.extract.figures import key_figures


def values(*paragraphs: str) -> list[str]:
    return [f.value for f in key_figures(list(paragraphs))]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The group aims to surpass 3 million units in total annual sales.", "3 million units"),
        ("Beijing Hyundai sold the factory for 1.62 billion yuan.", "1.62 billion yuan"),
        ("Stellantis will pay €1.5 billion for the stake.", "€1.5 billion"),
        ("New energy vehicles accounted for 51.6 percent of all new car sales.", "51.6 percent"),
        ("The company logged 10,000 locked orders in four minutes.", "10,000 locked orders"),
        ("The cell reaches an energy density of 175 Wh/kg.", "175 Wh/kg"),
        ("NIO ended 2023 with about 2,300 swap stations in China.", "2,300 swap stations"),
    ],
)
def test_figures_with_units_money_and_shares(text: str, value: str) -> None:
    assert value in values(text)


def test_years_dates_labels_and_bare_numbers_are_not_figures() -> None:
    assert values(
        "In 2023 the plant opened on March 28, 2024 at 09:05.",
        "Page 3 of 12. Views 437. Comments (38).",
        "The No. 2 plant builds Level 2 cars like the Model 3 for Phase 1.",
        "The team numbers over 1,600.",
    ) == []


def test_context_is_the_clause_and_a_short_item_keeps_its_label() -> None:
    (figure,) = key_figures(["Analysts said the plant, which opened in 2017, was designed for 300,000 vehicles."])
    assert figure.context == "Which opened in 2017, was designed for 300,000 vehicles"
    (item,) = key_figures(["BYD: 17.0%"])
    assert item.context == "BYD: 17.0%"


def test_each_value_once_and_money_first_when_cut() -> None:
    text = " ".join(f"Item {i} sold {i + 1}0 cars." for i in range(12)) + " It cost 5 billion yuan. It cost 5 billion."
    got = values(text)
    assert len(got) == 8
    assert got.count("5 billion yuan") == 1
    assert "5 billion" not in got

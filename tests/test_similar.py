"""Near-duplicate detection: the same text, nearly the same, one inside another, and no all-pairs comparison."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

from generator.similar import NEAR, SimilarityIndex, words

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VOCABULARY = [f"w{n}" for n in range(3000)]


def article(seed: int, length: int = 180) -> str:
    """A made-up article: `length` words drawn at random, in sentences."""
    rnd = random.Random(seed)
    chosen = [rnd.choice(VOCABULARY) for _ in range(length)]
    return " ".join(w + ("." if i % 12 == 11 else "") for i, w in enumerate(chosen))


def edited(text: str, every: int) -> str:
    """`text` with every `every`-th word replaced."""
    out = text.split()
    for i in range(every // 2, len(out), every):
        out[i] = "changed"
    return " ".join(out)


def index_of(texts: dict[str, str]) -> SimilarityIndex:
    index = SimilarityIndex()
    for key, text in texts.items():
        index.add(key, text)
    return index


def test_words_are_lower_case_without_punctuation_and_han_characters_count_one_each() -> None:
    assert words("BYD's “Seal”, 比亚迪汽车 sold 3,000 cars.") == ["byd", "s", "seal", "比", "亚", "迪", "汽", "车",
                                                             "sold", "3", "000", "cars"]


def test_the_same_words_are_the_same_text_whatever_the_case_spacing_or_punctuation() -> None:
    text = article(1)
    index = index_of({"a": text, "b": text.upper().replace(". ", ".\n\n"), "c": article(2)})
    (match,) = index.matches("b")
    assert (match.key, match.identical, match.similarity) == ("a", True, 1.0)
    assert index.matches("c") == []


def test_a_lightly_edited_copy_is_nearly_the_same() -> None:
    text = article(3)
    index = index_of({"a": text, "b": edited(text, 40), "c": edited(text, 4)})
    (match,) = index.matches("b")
    assert match.key == "a"
    assert not match.identical
    assert NEAR <= match.similarity < 1
    assert [m.key for m in index.matches("c")] == []  # a word in four replaced: a different text


def test_a_text_inside_a_longer_one_is_nearly_the_same() -> None:
    short = article(4, length=80)
    index = index_of({"short": short, "long": short + " " + article(5, length=60), "other": article(6, length=80)})
    assert [m.key for m in index.matches("short")] == ["long"]
    assert [m.key for m in index.matches("long")] == ["short"]


def test_matches_are_most_similar_first() -> None:
    text = article(7)
    index = index_of({"x": text, "same": text, "near": edited(text, 30), "nearer": edited(text, 90)})
    assert [m.key for m in index.matches("x")] == ["same", "nearer", "near"]


def test_an_empty_text_matches_nothing() -> None:
    index = index_of({"a": "", "b": "...", "c": article(8)})
    assert index.matches("a") == []
    assert index.matches("b") == []


def test_many_texts_are_not_compared_pair_by_pair() -> None:
    texts = {f"t{n}": article(100 + n) for n in range(2000)}
    planted = {"copy-of-t5": texts["t5"], "edit-of-t9": edited(texts["t9"], 50)}
    index = index_of({**texts, **planted})
    found = {key: [m.key for m in index.matches(key)] for key in [*texts, *planted]}
    assert found["copy-of-t5"] == ["t5"]
    assert found["edit-of-t9"] == ["t9"]
    assert sum(1 for keys in found.values() if keys) == 4  # the two plants and their originals, nothing else
    # Only the near-duplicate pair (both ways) was compared in full; identical texts need no comparison.
    assert index.comparisons == 2


def test_a_raw_page_holding_a_cleaned_text_is_found_whatever_its_chrome() -> None:
    chrome = " ".join(f"menu{n} share{n} footer{n}" for n in range(200))  # more chrome than article
    text = article(9)
    raw = SimilarityIndex(keep_text=False)
    raw.add("page", f"{chrome}\n{text}\n{chrome}")
    raw.add("same-site", f"{chrome}\n{article(10)}\n{chrome}")
    # A shorter scrape of the story: found too, while its article is a fair share of its page (ARTICLE_SHARE).
    little = " ".join(f"menu{n} share{n} footer{n}" for n in range(30))
    raw.add("short-story", f"{little}\n{' '.join(text.split()[:60])}\n{little}")
    assert raw.likely_within(text) == ["page", "short-story"]
    with pytest.raises(ValueError, match="keeps no text"):
        raw.matches("page")


def test_answers_do_not_depend_on_the_hash_seed() -> None:
    program = (
        "from tests.test_similar import article, edited, index_of\n"
        "text = article(11)\n"
        "index = index_of({'a': text, 'b': edited(text, 25), 'c': article(12)})\n"
        "print([(m.key, round(m.similarity, 6)) for m in index.matches('b')])\n"
    )
    outputs = {
        subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "12345")
    }
    assert len(outputs) == 1
    assert outputs.pop().startswith("[('a', 0.")

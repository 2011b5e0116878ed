"""The runtime: the worker pool gives what one process gives, and the incremental state reuses what still holds."""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import replace
from pathlib import Path

import pytest

from generator.model import Briefing, Meta
from generator.runtime import pool
from generator.runtime.incremental import BuildCache, PageMemo, with_slugs

HERE = Path(__file__).parent
TODAY = dt.date(2026, 11, 25)


def _setup(offset: int) -> tuple[int, int]:
    return offset, gc.get_threshold()[0]


def _task(state: tuple[int, int], item: int) -> tuple[int, int]:
    offset, threshold = state
    return item + offset, threshold


def test_workers_give_the_results_of_one_process_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "PARALLEL_FROM", 2)
    items = list(range(40))
    assert not pool.worth_workers(len(items), 1)
    assert pool.worth_workers(len(items), 2)
    here = [_task(_setup(7), item)[0] for item in items]
    made = list(pool.in_workers(_task, items, 2, _setup, 7))
    assert [value for value, _ in made] == here
    assert {threshold for _, threshold in made} == {pool.GC_YOUNG_THRESHOLD}  # workers collect as a build does


def _briefing(name: str, slug: str) -> Briefing:
    return Briefing(seed=name, slug=slug, meta=Meta(title=slug), blocks=(), summary="", kind="scraped",
                    word_count=0, path=name, digest=name * 2)


def test_a_renamed_briefing_is_the_same_object_while_its_seed_is_unchanged() -> None:
    cache = BuildCache()
    a, b = _briefing("a", "x"), _briefing("b", "x")
    first = with_slugs([a, b], ["x", "x-2"], cache)
    again = with_slugs([a, replace(b)], ["x", "x-2"], cache)
    assert first[1].slug == "x-2"
    assert again[1] is first[1]
    assert with_slugs([a, b], ["x", "x-2"], None)[1] is not first[1]
    other = with_slugs([a, _briefing("c", "x")], ["x", "x-2"], cache)  # another seed: renamed afresh
    assert other[1].seed == "c"


def test_pages_are_rendered_again_only_when_what_they_show_changed() -> None:
    cache = BuildCache()
    rendered: list[str] = []

    def render(name: str) -> str:
        rendered.append(name)
        return name

    a, b = _briefing("a", "x"), _briefing("b", "y")
    for _ in range(2):
        memo = PageMemo(cache)
        memo.listing(("briefings",), (a, b), render, "listing")
        memo.briefing(a, (b,), render, "page")
        memo.done()
    assert rendered == ["listing", "page"]
    memo = PageMemo(cache)
    memo.listing(("briefings",), (a, replace(b, digest="edited", meta=Meta(title="new"))), render, "listing")
    memo.done()
    assert rendered == ["listing", "page", "listing"]
    assert len(cache.pages) == 1  # the briefing page this build did not ask for is forgotten

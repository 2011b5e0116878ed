"""The runtime: the worker pool gives what one process gives, and the incremental state reuses what still holds."""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import replace
from pathlib import Path

import pytest

from generator.model import Briefing, Meta
from generator.runtime import pool
from generator.runtime.incremental import BuildCache, PageMemo, with_places

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


def test_a_placed_briefing_is_the_same_object_while_its_seed_and_place_are_unchanged() -> None:
    cache = BuildCache()
    a, b = _briefing("a", "x"), _briefing("b", "x")
    places = [("x", "2026-01-02", ()), ("x-3f9a1c", "2026-01-03", ("old-x",))]
    first = with_places([a, b], places, cache)
    again = with_places([a, replace(b)], places, cache)
    assert (first[1].slug, first[1].added, first[1].aliases) == places[1]
    assert again[1] is first[1]
    assert with_places([a, b], places, None)[1] is not first[1]
    other = with_places([a, _briefing("c", "x")], places, cache)  # another seed: placed afresh
    assert other[1].seed == "c"
    moved = with_places([a, b], [places[0], ("x-3f9a1c", "2026-01-04", ("old-x",))], cache)  # another date added
    assert moved[1] is not first[1]
    assert moved[1].added == "2026-01-04"


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

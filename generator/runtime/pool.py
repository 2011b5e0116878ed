"""Pool: the one way the build and the check spread seeds over worker processes, and the collector tuning both use."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from typing import Any, TypeVar

GC_YOUNG_THRESHOLD = 50_000  # allocations between young-generation collections during a build (Python's: 700)
PARALLEL_FROM = 200  # items; fewer are done before worker processes would have started
CHUNK = 16  # items handed to a worker at a time

Item = TypeVar("Item")
Result = TypeVar("Result")

_state: Any = None  # in a worker process: what its setup made, shared by every item it is given


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with the cyclic garbage collector looking at young objects less often. A build's data is
    acyclic (frozen dataclasses, tuples, strings), so collections free almost nothing, yet every full one walks
    all the briefings made so far: about 5% of the build's time at 5,000 seeds with Python's default."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], GC_YOUNG_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def worth_workers(count: int, jobs: int) -> bool:
    """Whether `count` items are better done in `jobs` worker processes than here."""
    return jobs > 1 and count >= PARALLEL_FROM


def in_workers(task: Callable[[Any, Item], Result], items: list[Item], jobs: int, setup: Callable[..., object],
               *args: object) -> Iterator[Result]:
    """task(state, item) for each item, in order, in `jobs` worker processes, each with state = setup(*args) made
    once. Workers are spawned, not forked: a fork copies MkDocs' whole process, threads and all (`mkdocs serve`
    runs a server thread). `task` and `setup` must be module-level functions; items should name their seeds
    rather than hold them (workers read their own)."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(setup, args)) as pool:
        yield from pool.map(partial(_run, task), items, chunksize=CHUNK)


def _start(setup: Callable[..., object], args: tuple[object, ...]) -> None:
    """A worker's start: the build's collector setting and the state its tasks share."""
    global _state
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])  # as fewer_collections() does in a build
    _state = setup(*args)


def _run(task: Callable[[Any, Item], Result], item: Item) -> Result:
    return task(_state, item)

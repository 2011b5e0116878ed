"""Progress: a bar while a long build works through the seeds in a terminal, and one line on the build for logs."""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType
from typing import TextIO

from tqdm import tqdm

from generator.errors import SeedError
from generator.model import BuildResult

MIN_SEEDS = 200  # smaller builds finish before a bar would be worth drawing


class SeedProgress:
    """A pipeline.Progress callback drawing a tqdm bar on a terminal; silent when the stream is not one (CI logs,
    pipes) or for a small build. Use as a context manager, so that the bar is closed however the build ends."""

    def __init__(self, stream: TextIO | None = None, label: str = "briefings") -> None:
        """Draw on `stream` (standard error by default) with `label` before the bar."""
        self.stream = stream or sys.stderr
        self.label = label
        self.started = time.perf_counter()
        self._bar: tqdm | None = None
        self._enabled = _is_terminal(self.stream)

    def __call__(self, done: int, total: int) -> None:
        """Seeds `done` of `total`."""
        if not self._enabled or total < MIN_SEEDS:
            return
        if self._bar is None:
            self._bar = tqdm(total=total, desc=self.label, unit="seed", file=self.stream, leave=False,
                             dynamic_ncols=True, mininterval=0.2)
        self._bar.update(done - self._bar.n)

    def __enter__(self) -> SeedProgress:
        """Start the clock."""
        self.started = time.perf_counter()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        """Remove the bar."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    @property
    def seconds(self) -> float:
        """Time since the build started."""
        return time.perf_counter() - self.started


def _is_terminal(stream: TextIO) -> bool:
    """True for an interactive terminal outside CI (CI runners set CI=true, and some fake a terminal)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


def build_line(result: BuildResult, seconds: float) -> str:
    """One line on what a build made: briefings, rejected seeds, generated files and time per seed."""
    rejected = sum(1 for error in result.errors if isinstance(error, SeedError))
    seeds = len(result.briefings) + rejected
    per_seed = f" ({seconds / seeds * 1000:.1f} ms a seed)" if seeds else ""
    other = len(result.errors) - rejected
    registry = f", {other} registry {'problem' if other == 1 else 'problems'}" if other else ""
    return (f"{len(result.briefings):,} briefings from {seeds:,} seeds ({rejected:,} rejected{registry}), "
            f"{len(result.pages):,} files in {seconds:.1f} s{per_seed}")

"""Golden pages: a fresh build of the fixture seeds must equal tests/golden/, page for page.

Regenerate after an intended change with `pytest tests/test_golden.py --update-golden`, then read the
diff in the commit: every golden page has been checked by eye.
"""

from __future__ import annotations

import datetime as dt
import difflib
import gc
from pathlib import Path

import pytest

from generator.pipeline import build_site
from generator.runtime.pool import GC_YOUNG_THRESHOLD

HERE = Path(__file__).parent
SEEDS = HERE / "fixtures" / "seeds"
DATA = HERE / "fixtures" / "data"
GOLDEN = HERE / "golden"
TODAY = dt.date(2026, 11, 25)  # a fixed build date keeps "dates after the build date" stable


def test_golden_site(update_golden: bool) -> None:
    """Every generated page matches its golden copy, and there are no extra or missing pages."""
    result = build_site(SEEDS, DATA, today=TODAY)
    assert not result.errors
    if update_golden:
        for old in (p for p in GOLDEN.rglob("*") if p.is_file()):
            old.unlink()
        for rel, text in result.pages.items():
            target = GOLDEN / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        pytest.skip("golden pages regenerated")
    files = (p for p in GOLDEN.rglob("*") if p.is_file())
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in files}
    assert sorted(result.pages) == sorted(expected)
    for rel, text in result.pages.items():
        if text != expected[rel]:
            diff = "".join(difflib.unified_diff(
                expected[rel].splitlines(keepends=True), text.splitlines(keepends=True), f"golden/{rel}", f"built/{rel}"
            ))
            pytest.fail(f"{rel} differs from its golden page:\n{diff}")


def test_build_is_deterministic() -> None:
    """Two builds of the same inputs give identical pages."""
    assert build_site(SEEDS, DATA, today=TODAY).pages == build_site(SEEDS, DATA, today=TODAY).pages


def test_a_build_leaves_the_garbage_collector_as_it_found_it() -> None:
    """build_site collects young objects less often while it runs (fewer_collections), and restores the
    thresholds of the process it runs in (MkDocs' own, in the hook) however the build ends."""
    before = gc.get_threshold()
    seen: list[tuple[int, ...]] = []
    build_site(SEEDS, DATA, today=TODAY, progress=lambda done, total: seen.append(gc.get_threshold()))
    assert gc.get_threshold() == before
    assert seen
    assert all(threshold[0] == GC_YOUNG_THRESHOLD for threshold in seen)

    def fail(done: int, total: int) -> None:
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        build_site(SEEDS, DATA, today=TODAY, progress=fail)
    assert gc.get_threshold() == before

"""What `mkdocs serve` waits for after one seed is edited: python bench/serve_edit.py SEEDS [--data DIR] [--runs 3].

Runs the hook's generator step (build_site with the in-process BuildCache, as `mkdocs serve` does between
rebuilds) once cold, then, `--runs` times, appends a sentence to one seed and runs it again; prints the cold time,
each rebuild's time, and how many pages were rendered again. The seeds folder is copied first, so the edit never
touches the input. Run with the project's virtual environment.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.pipeline import build_site  # noqa: E402
from generator.runtime.incremental import BuildCache  # noqa: E402

TODAY = dt.date(2026, 1, 1)


def main() -> None:
    """Parse arguments, build cold, edit and rebuild, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", type=Path)
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="serve-edit-") as tmp:
        seeds = Path(tmp) / "seeds"
        shutil.copytree(args.seeds, seeds)
        cache = BuildCache()
        start = time.perf_counter()
        result = build_site(seeds, args.data, TODAY, cache=cache)
        cold = time.perf_counter() - start
        n = len(result.briefings)
        victims = sorted(p for p in seeds.iterdir() if p.suffix == ".txt")
        times = []
        for run in range(args.runs):
            victim = victims[(run * 7919) % len(victims)]
            with victim.open("a", encoding="utf-8") as handle:
                handle.write(f"\nAnalysts expect the edit number {run} to change nothing else.\n")
            start = time.perf_counter()
            build_site(seeds, args.data, TODAY, cache=cache)
            times.append(time.perf_counter() - start)
    print(f"{'briefings':<28}{n:>10,}")
    print(f"{'cold build (s)':<28}{cold:>10.2f}")
    for run, seconds in enumerate(times, 1):
        print(f"{'rebuild after edit ' + str(run) + ' (s)':<28}{seconds:>10.3f}")
    print(f"{'median rebuild (s)':<28}{statistics.median(times):>10.3f}")


if __name__ == "__main__":
    main()

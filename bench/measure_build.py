"""One `mkdocs build` of N synthetic seeds: python bench/measure_build.py N [--workdir DIR] [--rev REV] [--reuse].

A lighter companion to run.py for the 20,000-seed size: it makes (or, with --reuse, keeps) a project copy with
N seeds under --workdir, runs `mkdocs build` once and prints wall time, CPU, the process's peak RSS (os.wait4),
its resident memory sampled every 0.2 s and the largest value seen in each phase of the build (from the timing
hooks: before on_files, the hook's on_files, Markdown, templates/search/writing, post_build), and the search
index raw, gzip -6 and its entry count. With --json FILE the numbers are also written as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.append(str(BENCH))

import run  # noqa: E402


def _rss_mb(pid: int) -> float | None:
    """Resident set size of `pid` in MB, or None once it has exited."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def build(project: Path, timing: Path, log_file: Path, interval: float = 0.2) -> dict[str, object]:
    """Run `mkdocs build` in `project`, sampling its RSS; wall, CPU, peak RSS and the samples."""
    samples: list[tuple[float, float]] = []
    with open(log_file, "wb") as out:
        start_wall = time.time()
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=run.child_env(timing),
                                stdout=out, stderr=subprocess.STDOUT)
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                rss = _rss_mb(proc.pid)
                if rss is not None:
                    samples.append((time.time(), rss))
                done.wait(interval)

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        _, status, usage = os.wait4(proc.pid, 0)
        done.set()
        thread.join()
        end_wall = time.time()
    return {"returncode": os.waitstatus_to_exitcode(status), "start_wall": start_wall, "end_wall": end_wall,
            "wall_s": end_wall - start_wall, "user_s": usage.ru_utime, "sys_s": usage.ru_stime,
            "max_rss_mb": usage.ru_maxrss / 1024, "samples": samples}


def phase_peaks(samples: list[tuple[float, float]], timing: Path) -> dict[str, float]:
    """The largest sampled RSS (MB) in each phase of the build, from the timing hooks' wall-clock marks."""
    if not timing.is_file():
        return {}
    t = json.loads(timing.read_text(encoding="utf-8"))
    first, last = t["first_at"], t["last_at"]
    bounds = [
        ("startup + config", 0.0, first.get("files", 0.0)),
        ("hook on_files (generator)", first.get("files", 0.0), last.get("files", 0.0)),
        ("nav + Markdown (all pages)", last.get("files", 0.0), last.get("page_content", 0.0)),
        ("templates + search + write", first.get("page_context", 0.0), last.get("post_page", 0.0)),
        ("post_build (search index)", last.get("post_page", 0.0), last.get("post_build", 0.0)),
        ("exit", last.get("post_build", 0.0), float("inf")),
    ]
    return {name: max((rss for at, rss in samples if lo <= at < hi), default=0.0) for name, lo, hi in bounds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build N synthetic seeds once; peak RSS and search index size.")
    parser.add_argument("n", type=int)
    parser.add_argument("--workdir", type=Path, help="where the project copy goes (default: a temp folder)")
    parser.add_argument("--rev", help="the code under test from this git revision (default: the working tree)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reuse", action="store_true",
                        help="keep the seeds of an existing project copy in --workdir; refresh only the code")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="briefing-measure-"))
    work.mkdir(parents=True, exist_ok=True)
    source, described = run.snapshot_source(work, args.rev)
    project = work / f"project-{args.n}"
    if args.reuse and (project / "seeds").is_dir():
        for part in run.PROJECT_PARTS:
            target = project / part
            if target.is_dir():
                shutil.rmtree(target)
            if (source / part).is_dir():
                shutil.copytree(source / part, target)
            else:
                shutil.copy2(source / part, target)
        config = (project / "mkdocs.yml").read_text(encoding="utf-8")
        (project / "mkdocs.yml").write_text(run._with_timing_hooks(config, keep_project_hook=True), encoding="utf-8")
        run._install_timing(project)
    else:
        run.log(f"N={args.n}: making the project copy and seeds in {project}")
        project, _ = run.make_project(work, source, args.n, args.seed)
    shutil.rmtree(project / "site", ignore_errors=True)
    run.log(f"N={args.n}: mkdocs build ({described.get('commit') or described.get('head')}) ...")
    timing = work / f"timing-{args.n}.json"
    result = build(project, timing, work / f"build-{args.n}.log")
    peaks = phase_peaks(result.pop("samples"), timing)
    site = run.site_stats(project / "site")
    report = {"n": args.n, "source": described, "build": result, "rss_peak_by_phase_mb": peaks, "site": site}
    print(f"N={args.n}: exit {result['returncode']}, wall {result['wall_s']:.1f} s, user {result['user_s']:.1f} s, "
          f"peak RSS {result['max_rss_mb']:.0f} MB")
    for name, value in peaks.items():
        print(f"  peak RSS in {name}: {value:.0f} MB")
    print(f"  search index: {site['search_index_bytes'] / 1e6:.2f} MB raw, "
          f"{site['search_index_gzip_bytes'] / 1e6:.2f} MB gzip -6, {site['search_index_docs']} entries; "
          f"site {site['bytes'] / 1e6:.0f} MB in {site['files']} files")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0 if result["returncode"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

"""Scale benchmark: python bench/run.py --sizes 1000,5000,20000 [--runs 3] [--seed 1].

For each size N: synthetic seeds (bench/make_seeds.py) go into a temporary copy of the project (mkdocs.yml, docs/,
overrides/, generator/, data/ and the seeds as seeds/); then, `--runs` times:

  gen        `python -m generator build` into an empty folder: wall time, ms per seed, peak RSS
  gen-same   the same command again with nothing changed (what a cache could skip)       } in the first
  gen-edit   the same command after one seed was edited (the generator's part of an      } --incremental-runs
             incremental rebuild)                                                       } runs (default 1)
  full       `mkdocs build` of the copy (the hook runs the generator): wall time, peak RSS, phases
  full-edit  `mkdocs build` again after editing one seed (--incremental-mkdocs; by default for N <= 1000)
  bare       `mkdocs build` of the SAME Markdown without the hook: the gen output in the docs folder of the same
             mkdocs.yml minus `hooks:`/`watch:` (theme, plugins, nav and validation unchanged)

plus the built site: bytes and files on disk, HTML pages, the search index raw and gzip-compressed (-6, what a
browser downloads from a server that compresses). Peak RSS is each child's own maximum resident set size
(os.wait4). Phases inside MkDocs come from two timing hooks added to both MkDocs builds (bench/timing_hook.py).

The code under test (mkdocs.yml, docs/, overrides/, generator/, data/) is copied once at the start, from the
working tree or from `--rev REV`, so that edits made meanwhile do not mix into the numbers.

A table of medians (min-max) is printed; all raw numbers go to bench/results/<date>-<host>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(BENCH) not in sys.path:
    sys.path.append(str(BENCH))

import make_seeds  # noqa: E402

PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "generator", "data")
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01: every synthetic date (2019-2025) is a plausible publication date
# The anchors for MkDocs + Material with a minimal nav on this kind of machine (2 cores; medians of 3).
ANCHORS = {1000: "10.3 s, 35 MB", 5000: "51 s, 146 MB, index 29 MB", 20000: "175 s, 561 MB, index 117 MB"}
HUGO = {1000: "1.05 s", 5000: "5.5 s", 20000: "21.5 s"}
PY_FLOOR = {1000: "2.5 s", 5000: "12 s"}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- running a child process ------------------------------------------------------------------------------------

class Trash:
    """Where the benchmark puts what it is done with, emptied when it ends. Deleting thousands of files just before
    a timed build would time the file system's clean-up: ext4 passes over inodes freed in the last minute or more
    when it allocates new ones (recently_deleted() in __ext4_new_inode), which cost 1-2 s of kernel time at 5,000
    seeds when the previous output was deleted right before the generator wrote its 11,000 files."""

    def __init__(self, work: Path) -> None:
        """A trash folder inside `work`."""
        self.folder = work / ".trash"
        self.count = 0

    def discard(self, path: Path) -> None:
        """Move `path` (if it exists) out of the way: a rename, which frees no inode."""
        if path.exists():
            self.folder.mkdir(exist_ok=True)
            os.replace(path, self.folder / str(self.count))
            self.count += 1

    def empty(self) -> None:
        """Delete everything discarded."""
        shutil.rmtree(self.folder, ignore_errors=True)


def measure(cmd: list[str], cwd: Path, env: dict[str, str], log_file: Path, timeout: float) -> dict[str, object]:
    """Run `cmd`; wall time, user and system CPU, and the child's own peak RSS (from os.wait4)."""
    with open(log_file, "wb") as out:
        start_wall = time.time()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        timer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "cmd": " ".join(cmd), "exit": proc.returncode, "wall_s": wall, "start_wall": start_wall,
        "end_wall": start_wall + wall, "user_s": usage.ru_utime, "sys_s": usage.ru_stime,
        "max_rss_mb": usage.ru_maxrss / 1024, "timed_out": wall >= timeout,
        "log": str(log_file),
    }


def child_env(timing_file: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SITE_URL", None)
    env.update({"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONUNBUFFERED": "1"})
    if timing_file is not None:
        env["BENCH_TIMING_FILE"] = str(timing_file)
    return env


# --- the project copies -------------------------------------------------------------------------------------------

def _with_timing_hooks(config: str, keep_project_hook: bool) -> str:
    """mkdocs.yml text with the two timing hooks (and, for the bare build, without the project's hook and watch)."""
    if not keep_project_hook:
        config = re.sub(r"(?m)^hooks:\n(?:[ \t]+-.*\n)+", "", config)
        config = re.sub(r"(?m)^watch:\n(?:[ \t]+-.*\n)+", "", config)
    timing = "  - bench_timing_first.py\n  - bench_timing_last.py\n"
    if re.search(r"(?m)^hooks:\n", config):
        return re.sub(r"(?m)^hooks:\n", "hooks:\n" + timing, config, count=1)
    return config.rstrip("\n") + "\n\nhooks:\n" + timing


def _install_timing(folder: Path) -> None:
    for name in ("bench_timing_first.py", "bench_timing_last.py"):
        shutil.copyfile(BENCH / "timing_hook.py", folder / name)


def snapshot_source(work: Path, rev: str | None) -> tuple[Path, dict[str, object]]:
    """The project parts every size is built from, copied once so that edits made to the working tree while the
    benchmark runs do not change the code under test: from git revision `rev`, or from the working tree."""
    source = work / "source"
    if source.exists():
        shutil.rmtree(source)
    source.mkdir(parents=True)
    git = ["git", "-C", str(ROOT)]
    if rev:
        commit = subprocess.run([*git, "rev-parse", "--verify", f"{rev}^{{commit}}"], capture_output=True, text=True,
                                check=True).stdout.strip()
        archive = subprocess.run([*git, "archive", "--format=tar", commit, *PROJECT_PARTS], capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
        described: dict[str, object] = {"from": "git", "rev": rev, "commit": commit}
    else:
        for part in PROJECT_PARTS:
            src = ROOT / part
            if src.is_dir():
                shutil.copytree(src, source / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            elif src.is_file():
                shutil.copy2(src, source / part)
        head = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run([*git, "status", "--porcelain", *PROJECT_PARTS], capture_output=True,
                               text=True).stdout.splitlines()
        described = {"from": "working tree", "head": head, "uncommitted": dirty}
    digest = hashlib.sha1()
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        digest.update(path.relative_to(source).as_posix().encode() + b"\0" + path.read_bytes())
    described["tree_sha1"] = digest.hexdigest()
    return source, described


def make_project(work: Path, source: Path, n: int, seed: int, trash: Trash) -> tuple[Path, dict[str, object]]:
    """A copy of the project with n synthetic seeds as seeds/; returns it and facts about the seeds."""
    project = work / f"project-{n}"
    trash.discard(project)
    project.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, project / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, project / part)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(_with_timing_hooks(config, keep_project_hook=True), encoding="utf-8")
    _install_timing(project)
    start = time.perf_counter()
    paths = make_seeds.generate(n, project / "seeds", seed, source / "data")
    made = time.perf_counter() - start
    return project, {
        "n": n, "seed": seed, "make_seeds_s": made, "bytes": sum(p.stat().st_size for p in paths),
        "editor_md": sum(p.suffix == ".md" for p in paths),
    }


def make_bare(work: Path, source: Path, project: Path, generated: Path, trash: Trash) -> Path:
    """A plain MkDocs project: the project's docs/ plus the generator's output, the same mkdocs.yml without the hook."""
    bare = work / f"bare-{project.name.split('-', 1)[1]}"
    trash.discard(bare)
    bare.mkdir()
    shutil.copytree(project / "docs", bare / "docs")
    shutil.copytree(generated, bare / "docs", dirs_exist_ok=True, ignore=shutil.ignore_patterns(".generated"))
    shutil.copytree(project / "overrides", bare / "overrides")
    config = (source / "mkdocs.yml").read_text(encoding="utf-8")
    (bare / "mkdocs.yml").write_text(_with_timing_hooks(config, keep_project_hook=False), encoding="utf-8")
    _install_timing(bare)
    return bare


def edit_one_seed(seeds: Path) -> tuple[Path, bytes]:
    """Append a sentence to the middle seed's first long paragraph; returns the file and its original bytes."""
    files = sorted(p for p in seeds.iterdir() if p.suffix == ".txt")
    target = files[len(files) // 2]
    original = target.read_bytes()
    lines = original.decode("utf-8").split("\n")
    at = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[at] += " A late correction added 1,234 units to the figure, the company said on Friday."
    target.write_bytes("\n".join(lines).encode("utf-8"))
    return target, original


def snapshot(folder: Path, skip: set[str]) -> set[str]:
    """Paths (two levels deep) under `folder`, for spotting cache files a build leaves behind."""
    found = set()
    for path in folder.iterdir():
        if path.name in skip or path.name == "__pycache__":
            continue
        found.add(path.name)
        if path.is_dir():
            found.update(f"{path.name}/{child.name}" for child in path.iterdir() if child.name != "__pycache__")
    return found


# --- reading results ----------------------------------------------------------------------------------------------

def site_stats(site: Path) -> dict[str, object]:
    total = files = html = 0
    for path in site.rglob("*"):
        if path.is_file():
            files += 1
            total += path.stat().st_size
            html += path.suffix == ".html"
    index = site / "search" / "search_index.json"
    raw = index.read_bytes() if index.is_file() else b""
    return {
        "bytes": total, "files": files, "html_pages": html, "search_index_bytes": len(raw),
        "search_index_gzip_bytes": len(gzip.compress(raw, compresslevel=6)) if raw else 0,
        "search_index_docs": len(json.loads(raw)["docs"]) if raw else 0,
    }


def phases(run: dict[str, object], timing_file: Path) -> dict[str, float]:
    """Where the seconds of one MkDocs build went, from the timing hooks' marks."""
    if not timing_file.is_file():
        return {}
    t = json.loads(timing_file.read_text(encoding="utf-8"))
    first, last, inside = t["first_at"], t["last_at"], t["inside"]
    start, end = float(run["start_wall"]), float(run["end_wall"])
    out = {
        "startup_s": first["config"] - start,  # interpreter, imports, config and plugin loading
        "config_to_files_s": first["files"] - first["config"],  # plugins' on_config (jieba), docs folder walk
        "hook_on_files_s": inside.get("files", 0.0),  # the project's hook: the whole generator pipeline
        "nav_s": last["nav"] - last["files"],
        "markdown_s": last["page_content"] - first["page_markdown"],  # Markdown to HTML, every page
        "templates_and_write_s": last["post_page"] - first["page_context"],  # Jinja templates, search, writing
        "search_indexing_s": inside.get("page_context", 0.0),  # Material's search: HTML parse, jieba, entries
        "post_build_s": inside.get("post_build", 0.0),  # writing search_index.json (and sitemap)
        "exit_s": end - last["post_build"],  # after the build: teardown of the process
        "pages": t["calls"].get("post_page", 0),
    }
    out["other_s"] = float(run["wall_s"]) - sum(
        v for k, v in out.items() if k not in ("pages", "search_indexing_s") and isinstance(v, float))
    for group, value in t.get("markdown_by_group", {}).items():
        out[f"markdown[{group}]_s"] = value["seconds"]
        out[f"markdown[{group}]_pages"] = value["pages"]
    out["markdown_slowest"] = t.get("markdown_slowest", [])
    return out


def rejected(log_file: Path) -> int | None:
    text = log_file.read_text(errors="replace")
    match = re.search(r"built [\d,]+ briefings from [\d,]+ seeds \(([\d,]+) rejected", text) or re.search(
        r"built \d+ briefings into .*?; (\d+) seeds rejected", text)  # the wording before the progress summary
    return int(match.group(1).replace(",", "")) if match else None


def warnings(log_file: Path) -> int:
    return sum(1 for line in log_file.read_text(errors="replace").splitlines() if "WARNING" in line)


# --- one size -----------------------------------------------------------------------------------------------------

def mkdocs_build(folder: Path, logs: Path, name: str, timeout: float) -> dict[str, object]:
    """One timed `mkdocs build` in `folder`: its measurements, phases, warnings and the site it made."""
    timing = logs / f"{name}.timing.json"
    run = measure([sys.executable, "-m", "mkdocs", "build"], folder, child_env(timing), logs / f"{name}.log", timeout)
    run["phases"] = phases(run, timing)
    run["warnings"] = warnings(Path(str(run["log"])))
    run["site"] = site_stats(folder / "site")
    return run


def bench_size(work: Path, source: Path, n: int, runs: int, seed: int, timeout: float, incremental_runs: int,
               incremental_mkdocs: bool, keep: bool, trash: Trash) -> dict[str, object]:
    log(f"N={n}: generating seeds and the project copy in {work}")
    project, seeds = make_project(work, source, n, seed, trash)
    log(f"N={n}: {n} seeds, {seeds['bytes'] / 1e6:.1f} MB ({seeds['editor_md']} editor .md) in "
        f"{seeds['make_seeds_s']:.1f} s")
    py = sys.executable
    logs = work / f"logs-{n}"
    logs.mkdir(exist_ok=True)
    out = project / "out"
    before = snapshot(project, {"seeds", "out", "site"})
    results: list[dict[str, object]] = []
    for r in range(1, runs + 1):
        tag = f"N={n} run {r}/{runs}"
        run: dict[str, object] = {}
        gen_cmd = [py, "-m", "generator", "build", "--seeds", "seeds", "--out", "out", "--data", "data"]

        # The builds from scratch first (generator, full, bare), each into a new folder; the incremental ones, which
        # replace their own output, after them.
        trash.discard(out)
        log(f"{tag}: generator stage (python -m generator build) ...")
        gen = measure(gen_cmd, project, child_env(), logs / f"gen-{r}.log", timeout)
        gen["rejected"] = rejected(Path(str(gen["log"])))
        gen["ms_per_seed"] = float(gen["wall_s"]) * 1000 / n
        run["gen"] = gen
        log(f"{tag}: gen {gen['wall_s']:.1f} s ({gen['ms_per_seed']:.1f} ms/seed), "
            f"{gen['max_rss_mb']:.0f} MB, {gen['rejected']} rejected")

        bare = make_bare(work, source, project, out, trash)  # the unedited output, for the bare build below

        trash.discard(project / "site")
        log(f"{tag}: full mkdocs build (hook runs the generator) ...")
        full = mkdocs_build(project, logs, f"full-{r}", timeout)
        run["full"] = full
        site = full["site"]
        log(f"{tag}: full {full['wall_s']:.1f} s, {full['max_rss_mb']:.0f} MB, hook "
            f"{full['phases'].get('hook_on_files_s', float('nan')):.1f} s, search indexing "
            f"{full['phases'].get('search_indexing_s', float('nan')):.1f} s; site {site['bytes'] / 1e6:.0f} MB in "
            f"{site['files']} files, search index {site['search_index_bytes'] / 1e6:.1f} MB "
            f"({site['search_index_gzip_bytes'] / 1e6:.1f} MB gzip)")

        log(f"{tag}: bare MkDocs Material build of the same Markdown (no hook) ...")
        bare_run = mkdocs_build(bare, logs, f"bare-{r}", timeout)
        run["bare"] = bare_run
        run["full_over_bare"] = float(full["wall_s"]) / float(bare_run["wall_s"])
        log(f"{tag}: bare {bare_run['wall_s']:.1f} s, {bare_run['max_rss_mb']:.0f} MB; full/bare "
            f"{run['full_over_bare']:.2f}")
        if not keep:
            trash.discard(bare)

        if r <= incremental_runs:
            same = measure(gen_cmd, project, child_env(), logs / f"gen-same-{r}.log", timeout)
            run["gen_same"] = same
            edited, original = edit_one_seed(project / "seeds")
            try:
                gen_edit = measure(gen_cmd, project, child_env(), logs / f"gen-edit-{r}.log", timeout)
            finally:
                edited.write_bytes(original)
            run["gen_edit"] = gen_edit
            log(f"{tag}: gen again, nothing changed {same['wall_s']:.1f} s; after editing one seed "
                f"{gen_edit['wall_s']:.1f} s")

        if incremental_mkdocs and r <= incremental_runs:
            edited, original = edit_one_seed(project / "seeds")
            timing = logs / f"full-edit-{r}.timing.json"
            try:
                full_edit = measure([py, "-m", "mkdocs", "build"], project, child_env(timing),
                                    logs / f"full-edit-{r}.log", timeout)
            finally:
                edited.write_bytes(original)
            full_edit["phases"] = phases(full_edit, timing)
            run["full_edit"] = full_edit
            log(f"{tag}: mkdocs build after editing one seed {full_edit['wall_s']:.1f} s, hook "
                f"{full_edit['phases'].get('hook_on_files_s', float('nan')):.1f} s")
        results.append(run)

    cache = sorted(snapshot(project, {"seeds", "out", "site"}) - before)
    if not keep:
        trash.discard(project)
    return {"seeds": seeds, "runs": results, "new_paths_after_builds": cache, "summary": summarise(results, n)}


# --- summary and table --------------------------------------------------------------------------------------------

def _get(run: dict[str, object], path: str) -> float | None:
    """The number at a dotted path ("full.phases.startup_s"); a key may itself hold dots ("markdown[index.md]_s")."""
    value: object = run
    rest = path
    while rest:
        if not isinstance(value, dict):
            return None
        if rest in value:
            value, rest = value[rest], ""
            continue
        key, _, rest = rest.partition(".")
        if key not in value:
            return None
        value = value[key]
    return float(value) if isinstance(value, int | float) else None


# (label, path in a run, scale, unit); "per page" rows are computed in summarise().
METRICS: tuple[tuple[str, str, float, str], ...] = (
    ("generator: wall", "gen.wall_s", 1, "s"),
    ("generator: per seed", "gen.ms_per_seed", 1, "ms"),
    ("generator: user+sys CPU", "gen.cpu_s", 1, "s"),
    ("generator: peak RSS", "gen.max_rss_mb", 1, "MB"),
    ("generator: again, no change", "gen_same.wall_s", 1, "s"),
    ("generator: after 1 seed edited", "gen_edit.wall_s", 1, "s"),
    ("mkdocs build (full): wall", "full.wall_s", 1, "s"),
    ("mkdocs build (full): user+sys CPU", "full.cpu_s", 1, "s"),
    ("mkdocs build (full): peak RSS", "full.max_rss_mb", 1, "MB"),
    ("  startup (imports, config)", "full.phases.startup_s", 1, "s"),
    ("  config to files (jieba, walk)", "full.phases.config_to_files_s", 1, "s"),
    ("  hook on_files (generator)", "full.phases.hook_on_files_s", 1, "s"),
    ("  nav", "full.phases.nav_s", 1, "s"),
    ("  Markdown -> HTML", "full.phases.markdown_s", 1, "s"),
    ("    briefings/*", "full.phases.markdown[briefings/]_s", 1, "s"),
    ("    companies/*", "full.phases.markdown[companies/]_s", 1, "s"),
    ("    companies/*/page/* (older)", "full.phases.markdown[companies/page/]_s", 1, "s"),
    ("    topics/*", "full.phases.markdown[topics/]_s", 1, "s"),
    ("    topics/*/page/* (older)", "full.phases.markdown[topics/page/]_s", 1, "s"),
    ("    briefings.md (listing)", "full.phases.markdown[briefings.md]_s", 1, "s"),
    ("    briefings/page/* (listing)", "full.phases.markdown[briefings/page/]_s", 1, "s"),
    ("    timeline.md", "full.phases.markdown[timeline.md]_s", 1, "s"),
    ("    timeline/*", "full.phases.markdown[timeline/]_s", 1, "s"),
    ("    index.md (home)", "full.phases.markdown[index.md]_s", 1, "s"),
    ("  templates + search + write", "full.phases.templates_and_write_s", 1, "s"),
    ("    of which search indexing", "full.phases.search_indexing_s", 1, "s"),
    ("  search index JSON (post_build)", "full.phases.post_build_s", 1, "s"),
    ("  process exit", "full.phases.exit_s", 1, "s"),
    ("mkdocs build after 1 seed edited", "full_edit.wall_s", 1, "s"),
    ("  of which hook on_files", "full_edit.phases.hook_on_files_s", 1, "s"),
    ("bare MkDocs (same Markdown): wall", "bare.wall_s", 1, "s"),
    ("bare MkDocs: user+sys CPU", "bare.cpu_s", 1, "s"),
    ("bare MkDocs: peak RSS", "bare.max_rss_mb", 1, "MB"),
    ("  bare: Markdown -> HTML", "bare.phases.markdown_s", 1, "s"),
    ("  bare: search indexing", "bare.phases.search_indexing_s", 1, "s"),
    ("full / bare (target <= 1.25)", "full_over_bare", 1, "x"),
    ("HTML pages", "full.site.html_pages", 1, ""),
    ("site: files", "full.site.files", 1, ""),
    ("site: size on disk", "full.site.bytes", 1e-6, "MB"),
    ("search index: raw", "full.site.search_index_bytes", 1e-6, "MB"),
    ("search index: gzip -6", "full.site.search_index_gzip_bytes", 1e-6, "MB"),
    ("search index: entries", "full.site.search_index_docs", 1, ""),
    ("per page: full build time", "per_page_ms", 1, "ms"),
    ("per page: site size", "per_page_kb", 1, "KB"),
    ("per briefing: full build time", "per_briefing_ms", 1, "ms"),
)


def summarise(runs: list[dict[str, object]], n: int) -> dict[str, dict[str, float]]:
    for run in runs:
        for step in ("gen", "gen_same", "gen_edit", "full", "full_edit", "bare"):
            record = run.get(step)
            if isinstance(record, dict) and "user_s" in record:
                record["cpu_s"] = float(record["user_s"]) + float(record["sys_s"])
        pages, wall, size = _get(run, "full.site.html_pages"), _get(run, "full.wall_s"), _get(run, "full.site.bytes")
        if pages and wall:
            run["per_page_ms"] = wall * 1000 / pages
            run["per_briefing_ms"] = wall * 1000 / n
        if pages and size:
            run["per_page_kb"] = size / 1000 / pages
    summary: dict[str, dict[str, float]] = {}
    for label, path, scale, _ in METRICS:
        values = [v * scale for v in (_get(run, path) for run in runs) if v is not None]
        if values:
            summary[label] = {"median": statistics.median(values), "min": min(values), "max": max(values),
                              "n": len(values)}
    return summary


def _fmt(value: float, unit: str) -> str:
    if unit in ("", "MB") and value >= 100 or unit == "" and value == int(value):
        return f"{value:,.0f}"
    if unit == "x":
        return f"{value:.2f}"
    return f"{value:,.1f}" if value >= 10 else f"{value:.2f}"


def table(sizes: dict[int, dict[str, object]]) -> str:
    ns = sorted(sizes)
    width = 36
    col = 26
    lines = [f"{'metric':<{width}}{'unit':<5}" + "".join(f"{f'N={n:,}':>{col}}" for n in ns)]
    lines.append("-" * len(lines[0]))
    for label, _, _, unit in METRICS:
        cells = []
        for n in ns:
            stat = sizes[n]["summary"].get(label)  # type: ignore[union-attr]
            if not stat:
                cells.append(f"{'-':>{col}}")
                continue
            text = _fmt(stat["median"], unit)
            if stat["n"] > 1 and stat["min"] != stat["max"]:
                text += f" ({_fmt(stat['min'], unit)}-{_fmt(stat['max'], unit)})"
            cells.append(f"{text:>{col}}")
        if any(c.strip() != "-" for c in cells):
            lines.append(f"{label:<{width}}{unit:<5}" + "".join(cells))
    lines.append("")
    lines.append("medians (min-max) over the runs. Issue anchors on this kind of machine:")
    for n in ns:
        parts = [f"MkDocs+Material minimal nav {ANCHORS[n]}" if n in ANCHORS else "",
                 f"Hugo {HUGO[n]}" if n in HUGO else "", f"Python floor {PY_FLOOR[n]}" if n in PY_FLOOR else ""]
        if any(parts):
            lines.append(f"  N={n:,}: " + "; ".join(p for p in parts if p))
    return "\n".join(lines)


# --- main ---------------------------------------------------------------------------------------------------------

def environment() -> dict[str, object]:
    def version(module: str) -> str:
        try:
            from importlib.metadata import version as v
            return v(module)
        except Exception:  # noqa: BLE001 - best effort, for the record only
            return "?"

    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "host": socket.gethostname(),
        "python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
        "load_avg": os.getloadavg(),
        "mkdocs": version("mkdocs"), "mkdocs-material": version("mkdocs-material"), "jieba": version("jieba"),
    }


def report_from(files: list[Path]) -> int:
    """Reprint the table from saved results (summaries recomputed; later files win for a size)."""
    sizes: dict[int, dict[str, object]] = {}
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        print(f"{path}: code {data['environment'].get('source')}, {data['environment']['date']}")
        for key, value in data["sizes"].items():
            value["summary"] = summarise(value["runs"], int(key))
            sizes[int(key)] = value
    print(table(sizes))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Scale benchmark of the generator and the MkDocs build.")
    parser.add_argument("--sizes", default="1000,5000", help="comma-separated seed counts (default 1000,5000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (default 3); the table shows medians")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic corpus (default 1)")
    parser.add_argument("--workdir", type=Path, help="where the project copies go (default: a new temp folder)")
    parser.add_argument("--rev", help="benchmark this git revision of the project (default: the working tree, "
                                      "copied once at the start)")
    parser.add_argument("--keep", action="store_true", help="keep the project copies, logs and sites")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds allowed for one build (default 3600)")
    parser.add_argument("--incremental-runs", type=int, default=1,
                        help="in how many of the runs to time the generator again, unchanged and after a one-seed "
                             "edit (default 1; 0: never)")
    parser.add_argument("--incremental-mkdocs", choices=("auto", "yes", "no"), default="auto",
                        help="in those runs, also time `mkdocs build` after a one-seed edit (auto: for N <= 1000)")
    parser.add_argument("--results", type=Path, default=BENCH / "results", help="folder for the JSON results")
    parser.add_argument("--report", type=Path, nargs="+", metavar="JSON",
                        help="print the table of earlier results (one or more JSON files) and exit")
    args = parser.parse_args(argv)
    if args.report:
        return report_from(args.report)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = environment()
    source, env["source"] = snapshot_source(work, args.rev)
    log(f"code under test: {env['source']}")
    log(f"sizes {sizes}, {args.runs} runs each, seed {args.seed}; {env['cpus']} CPUs, load {env['load_avg']}")
    report: dict[str, object] = {"environment": env, "args": {k: str(v) for k, v in vars(args).items()}, "sizes": {}}
    args.results.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = args.results / f"{stamp}-{socket.gethostname()}-{'-'.join(map(str, sizes))}.json"
    done: dict[int, dict[str, object]] = {}
    trash = Trash(work)
    for n in sizes:
        incremental = args.incremental_mkdocs == "yes" or (args.incremental_mkdocs == "auto" and n <= 1000)
        done[n] = bench_size(work, source, n, args.runs, args.seed, args.timeout, args.incremental_runs, incremental,
                             args.keep, trash)
        report["sizes"] = {str(k): v for k, v in done.items()}
        target.write_text(json.dumps(report, indent=1), encoding="utf-8")  # after every size: nothing is lost
        print()
        print(table(done), flush=True)
        print()
        if done[n]["new_paths_after_builds"]:
            log(f"N={n}: paths the builds left in the project copy (a cache?): {done[n]['new_paths_after_builds']}")
        else:
            log(f"N={n}: the builds left no new files in the project copy (no on-disk generator cache)")
    log(f"raw numbers: {target}")
    trash.empty()
    if not args.keep and args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Profile the generator stage: python bench/profile.py N [--seed 1] [--rev REV] [--mkdocs] [--memory] [--top 25].

Generates N synthetic seeds (bench/make_seeds.py), then runs the generator of this working tree (or of git
revision --rev) -- build_site and write_pages, what `python -m generator build` does -- under cProfile in this
process and prints: the time of each
pipeline stage (cumulative time of the stage's function), the top entries by cumulative time and by own (total)
time. cProfile roughly doubles the run time of this kind of code; compare stages with each other, and take wall
times from bench/run.py.

--mkdocs   also profile a full `mkdocs build` of a project copy with those seeds (in a subprocess, with
           `python -m cProfile`), with a summary of where MkDocs' time goes (the hook, Markdown, Jinja, search).
--memory   also run build_site once under tracemalloc: peak traced memory and the biggest allocation sites
           while the result is alive.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named like the standard library's `profile`, which cProfile imports: take bench/ (the script's
# folder, sys.path[0]) off the front of the path before importing cProfile, and put it at the end afterwards.
BENCH = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH]

import argparse  # noqa: E402
import cProfile  # noqa: E402
import io  # noqa: E402
import os  # noqa: E402
import pstats  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402

ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(BENCH))

import make_seeds  # noqa: E402
import run as bench_run  # noqa: E402

# Pipeline stages: (label, file suffix, function name); cumulative time of that function over the whole build.
STAGES = (
    ("build_site (everything but writing)", "generator/pipeline.py", "build_site"),
    ("  load registry", "generator/load.py", "load_registry_or_empty"),
    ("  gather: per-seed stages", "generator/pipeline.py", "gather"),
    ("    read seeds", "generator/load.py", "read_seed"),
    ("    make_briefing", "generator/pipeline.py", "make_briefing"),
    ("      decode", "generator/decode.py", "decode_checked"),
    ("      clean (all rules)", "generator/clean/__init__.py", "clean"),
    ("      structure", "generator/structure.py", "structure"),
    ("      editor Markdown", "generator/editor.py", "editor_blocks"),
    ("      publication (source)", "generator/extract/publication.py", "publication"),
    ("      publication_date", "generator/extract/date.py", "publication_date"),
    ("      summarise", "generator/extract/summary.py", "summarise"),
    ("      recognise companies", "generator/entities/recognise.py", "companies"),
    ("      recognise topics", "generator/entities/recognise.py", "topics"),
    ("      key figures", "generator/extract/figures.py", "key_figures"),
    ("  link_corpus (related, indexes)", "generator/entities/link.py", "link_corpus"),
    ("  render_site", "generator/render.py", "render_site"),
    ("    render_briefing", "generator/render.py", "render_briefing"),
    ("      apply_links (first mentions)", "generator/entities/link.py", "apply_links"),
    ("      front matter dump (YAML)", "generator/frontmatter.py", "dump"),
    ("    render_company", "generator/render.py", "render_company"),
    ("    render_topic", "generator/render.py", "render_topic"),
    ("    atom feed", "generator/feeds.py", "atom_feed"),
    ("    JSON export", "generator/feeds.py", "json_export"),
    ("write_pages", "generator/write.py", "write_pages"),
    ("(any) body_start", "generator/lexicon/zones.py", "body_start"),
    ("(any) plain text of a block", "generator/lexicon/markdown.py", "plain"),
    ("(any) yaml.safe_dump", "yaml/__init__.py", "safe_dump"),
    ("(any) yaml.safe_load", "yaml/__init__.py", "safe_load"),
    ("(any) yaml.dump", "yaml/__init__.py", "dump"),
    ("(any) yaml.load", "yaml/__init__.py", "load"),
    ("(any) ftfy.fix_text", "ftfy/__init__.py", "fix_text"),
    ("(any) PhraseMatcher.find", "generator/entities/phrases.py", "find"),
    ("(any) jinja Template.render", "jinja2/environment.py", "render"),
)
MKDOCS_BUCKETS = (
    ("mkdocs build (whole)", "mkdocs/commands/build.py", "build"),
    ("  project hook on_files (generator)", "generator/mkdocs_hook.py", "on_files"),
    ("  project hook on_config (jieba user dict)", "generator/mkdocs_hook.py", "on_config"),
    ("  get_files (walk docs/)", "mkdocs/structure/files.py", "get_files"),
    ("  _populate_page (read + Markdown)", "mkdocs/commands/build.py", "_populate_page"),
    ("    Markdown.convert", "markdown/core.py", "convert"),
    ("  _build_page (context, template, write)", "mkdocs/commands/build.py", "_build_page"),
    ("    jinja Template.render", "jinja2/environment.py", "render"),
    ("    search on_page_context", "material/plugins/search/plugin.py", "on_page_context"),
    ("      Chinese segmentation (jieba)", "material/plugins/search/plugin.py", "_segment_chinese"),
    ("      search HTML parser feed", "html/parser.py", "feed"),
    ("  search on_post_build (index JSON)", "material/plugins/search/plugin.py", "on_post_build"),
    ("  validate links (anchors)", "mkdocs/structure/pages.py", "validate_anchor_links"),
    ("  nav: get_navigation", "mkdocs/structure/nav.py", "get_navigation"),
)


def stage_table(stats: pstats.Stats, stages: tuple[tuple[str, str, str], ...], total: float) -> str:
    """Cumulative seconds and call counts of the named functions (several functions of one name are summed)."""
    found: dict[tuple[str, str], tuple[float, int, float]] = {}
    for (filename, _, name), (_, ncalls, tottime, cumtime, callers) in stats.stats.items():  # type: ignore[attr-defined]
        for _, suffix, func in stages:
            if name == func and filename.replace("\\", "/").endswith(suffix):
                # A recursive function's cumulative time counts once: skip calls from itself.
                if any(c[2] == func and c[0] == filename for c in callers):
                    continue
                cum, calls, own = found.get((suffix, func), (0.0, 0, 0.0))
                found[(suffix, func)] = (cum + cumtime, calls + ncalls, own + tottime)
    lines = [f"{'stage':<46}{'cum s':>9}{'% total':>9}{'own s':>9}{'calls':>10}"]
    for label, suffix, func in stages:
        if (suffix, func) in found:
            cum, calls, own = found[(suffix, func)]
            lines.append(f"{label:<46}{cum:>9.2f}{100 * cum / total:>8.1f}%{own:>9.2f}{calls:>10,}")
        else:
            lines.append(f"{label:<46}{'-':>9}")
    return "\n".join(lines)


def top(stats: pstats.Stats, key: str, limit: int) -> str:
    buffer = io.StringIO()
    stats.stream = buffer  # type: ignore[attr-defined]
    stats.sort_stats(key).print_stats(limit)
    text = buffer.getvalue()
    return text[text.find("   ncalls"):].rstrip()  # drop pstats' header lines


def profile_generator(seeds: Path, data: Path, out: Path, limit: int) -> pstats.Stats:
    import generator
    from generator.pipeline import build_site
    from generator.write import write_pages

    print(f"generator imported from {Path(generator.__file__).parent}")
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    result = build_site(seeds, data)
    write_pages(out, result.pages)
    profiler.disable()
    wall = time.perf_counter() - start
    n = len(result.briefings) + len(result.errors)
    print(f"generator under cProfile: {wall:.1f} s for {n} seeds ({wall * 1000 / max(n, 1):.1f} ms/seed), "
          f"{len(result.pages)} pages, {len(result.errors)} rejected; peak RSS of this process "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB\n")
    stats = pstats.Stats(profiler)
    print(stage_table(stats, STAGES, stats.total_tt))  # type: ignore[attr-defined]
    stats.strip_dirs()
    print(f"\n--- generator: top {limit} by cumulative time ---")
    print(top(stats, "cumulative", limit))
    print(f"\n--- generator: top {limit} by total (own) time ---")
    print(top(stats, "tottime", limit))
    return stats


def profile_memory(seeds: Path, data: Path, limit: int = 15) -> None:
    from generator.pipeline import build_site

    tracemalloc.start(1)
    result = build_site(seeds, data)
    current, peak = tracemalloc.get_traced_memory()
    snapshot = tracemalloc.take_snapshot()
    tracemalloc.stop()
    page_bytes = sum(len(text.encode("utf-8")) for text in result.pages.values())
    print(f"\n--- generator memory (tracemalloc) ---\npeak traced {peak / 1e6:.0f} MB; held at the end with the "
          f"result alive {current / 1e6:.0f} MB; the pages themselves are {page_bytes / 1e6:.0f} MB of UTF-8")
    for stat in snapshot.statistics("lineno")[:limit]:
        frame = stat.traceback[0]
        print(f"{stat.size / 1e6:9.1f} MB {stat.count:>10,} blocks  {frame.filename.split('site-packages/')[-1]}"
              f":{frame.lineno}")


def use_source(source: Path) -> None:
    """Import the generator from `source` (a snapshot of a git revision) instead of this working tree."""
    for name in [name for name in sys.modules if name == "generator" or name.startswith("generator.")]:
        del sys.modules[name]
    sys.path.insert(0, str(source))


def profile_mkdocs(work: Path, source: Path, n: int, seed: int, limit: int) -> None:
    project, _ = bench_run.make_project(work, source, n, seed)
    prof = work / "mkdocs.prof"
    cmd = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "mkdocs", "build"]
    print(f"\n--- mkdocs build under cProfile ({' '.join(cmd[1:])}, in a project copy) ---", flush=True)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=project, env=bench_run.child_env(), capture_output=True, text=True)
    print(f"exit {done.returncode} after {time.perf_counter() - start:.1f} s")
    if done.returncode != 0 or not prof.is_file():
        print(done.stdout[-3000:], done.stderr[-3000:])
        return
    stats = pstats.Stats(str(prof))
    print(stage_table(stats, MKDOCS_BUCKETS, stats.total_tt))  # type: ignore[attr-defined]
    stats.strip_dirs()
    print(f"\n--- mkdocs build: top {limit} by cumulative time ---")
    print(top(stats, "cumulative", limit))
    print(f"\n--- mkdocs build: top {limit} by total (own) time ---")
    print(top(stats, "tottime", limit))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Profile the generator stage (and optionally mkdocs build).")
    parser.add_argument("n", type=int, help="number of synthetic seeds")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=25, help="entries per top list (default 25)")
    parser.add_argument("--mkdocs", action="store_true", help="also profile a full mkdocs build")
    parser.add_argument("--memory", action="store_true", help="also measure the generator's memory (tracemalloc)")
    parser.add_argument("--rev", help="profile this git revision of the project (default: the working tree)")
    parser.add_argument("--workdir", type=Path, help="folder for seeds and output (default: a temp folder, removed)")
    args = parser.parse_args(argv)
    os.environ.setdefault("SOURCE_DATE_EPOCH", bench_run.SOURCE_DATE_EPOCH)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    work = args.workdir or Path(tempfile.mkdtemp(prefix="briefing-profile-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        source, described = bench_run.snapshot_source(work, args.rev)
        print(f"code under test: {described}")
        if args.rev:
            use_source(source)
        seeds = work / "seeds"
        shutil.rmtree(seeds, ignore_errors=True)
        make_seeds.generate(args.n, seeds, args.seed, source / "data")
        profile_generator(seeds, source / "data", work / "out", args.top)
        if args.memory:
            profile_memory(seeds, source / "data")
        if args.mkdocs:
            profile_mkdocs(work, source, args.n, args.seed, args.top)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""MkDocs hook that times the phases of a build, for bench/run.py (never used by the project's own mkdocs.yml).

run.py copies this file twice into the benchmark's project copy, as bench_timing_first.py and
bench_timing_last.py, and lists both under `hooks:`. The "first" copy handles every event before all other
handlers (priority 100) and the "last" copy after them (priority -100), so together they measure, per event,
the time all the other handlers took (the project's hook in on_files, Material's search indexing in
on_page_context and its index writing in on_post_build), and mark when each phase of the build began and ended.
The "last" copy writes the numbers as JSON to $BENCH_TIMING_FILE at on_post_build.
"""

from __future__ import annotations

import json
import os
import sys
import time
import types
from pathlib import Path

from mkdocs.plugins import event_priority

FIRST = Path(__file__).stem.endswith("first")
PRIORITY = 100 if FIRST else -100
EVENTS = ("config", "pre_build", "files", "nav", "env", "page_markdown", "page_content", "page_context",
          "post_page", "post_build")

# State shared by the two copies (each is loaded as its own module).
_state = sys.modules.get("_bench_timing_state")
if _state is None:
    _state = types.ModuleType("_bench_timing_state")
    _state.started = {}  # event -> perf_counter at the first handler of the current call
    _state.inside = {}  # event -> seconds spent in the other handlers, summed over calls
    _state.calls = {}  # event -> number of calls
    _state.first_at = {}  # event -> wall clock (time.time()) when the event first began
    _state.last_at = {}  # event -> wall clock when the event last ended
    _state.convert_start = 0.0
    _state.convert = {}  # page path -> seconds of Markdown conversion (after on_page_markdown, before on_page_content)
    sys.modules["_bench_timing_state"] = _state


def _mark(event: str) -> None:
    now = time.perf_counter()
    if FIRST:
        _state.started[event] = now
        _state.first_at.setdefault(event, time.time())
    else:
        spent = now - _state.started.get(event, now)
        _state.inside[event] = _state.inside.get(event, 0.0) + spent
        _state.calls[event] = _state.calls.get(event, 0) + 1
        _state.last_at[event] = time.time()


def _group(path: str) -> str:
    """briefings/, companies/, topics/, timeline/ pages by folder, the further pages of listings (.../page/N)
    apart from them; top-level pages by name."""
    if "/" not in path:
        return path
    return path.split("/", 1)[0] + ("/page/" if "/page/" in path else "/")


def _dump() -> None:
    target = os.environ.get("BENCH_TIMING_FILE")
    if not target:
        return
    groups: dict[str, list[float]] = {}
    for path, seconds in _state.convert.items():
        total = groups.setdefault(_group(path), [0.0, 0])
        total[0] += seconds
        total[1] += 1
    slowest = sorted(_state.convert.items(), key=lambda kv: -kv[1])[:15]
    data = {"inside": _state.inside, "calls": _state.calls, "first_at": _state.first_at, "last_at": _state.last_at,
            "markdown_by_group": {k: {"seconds": v[0], "pages": v[1]} for k, v in sorted(groups.items())},
            "markdown_slowest": [{"page": k, "seconds": v} for k, v in slowest]}
    Path(target).write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")


@event_priority(PRIORITY)
def on_config(config):
    _mark("config")
    return config


@event_priority(PRIORITY)
def on_pre_build(config):
    _mark("pre_build")


@event_priority(PRIORITY)
def on_files(files, config):
    _mark("files")
    return files


@event_priority(PRIORITY)
def on_nav(nav, config, files):
    _mark("nav")
    return nav


@event_priority(PRIORITY)
def on_env(env, config, files):
    _mark("env")
    return env


@event_priority(PRIORITY)
def on_page_markdown(markdown, page, config, files):
    _mark("page_markdown")
    if not FIRST:
        _state.convert_start = time.perf_counter()
    return markdown


@event_priority(PRIORITY)
def on_page_content(html, page, config, files):
    if FIRST:
        _state.convert[page.file.src_uri] = time.perf_counter() - _state.convert_start
    _mark("page_content")
    return html


@event_priority(PRIORITY)
def on_page_context(context, page, config, nav):
    _mark("page_context")
    return context


@event_priority(PRIORITY)
def on_post_page(output, page, config):
    _mark("post_page")
    return output


@event_priority(PRIORITY)
def on_post_build(config):
    _mark("post_build")
    if not FIRST:
        _dump()

"""The progress display: a bar on a terminal, nothing in CI logs, and one summary line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator.pipeline import build_site
from generator.progress import MIN_SEEDS, SeedProgress, build_line

HERE = Path(__file__).parent


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_that_is_removed_at_the_end(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    stream = Terminal()
    with SeedProgress(stream) as progress:
        for done in range(MIN_SEEDS + 1):
            progress(done, MIN_SEEDS)
    shown = stream.getvalue()
    assert shown.startswith("\rbriefings:")
    assert f"/{MIN_SEEDS}" in shown
    assert "seed/s" in shown
    assert shown.endswith(" \r")  # the bar line is blanked out when the build is done


@pytest.mark.parametrize("env", [{"CI": "true", "TERM": "xterm"}, {"TERM": "dumb"}])
def test_ci_logs_and_dumb_terminals_get_no_bar(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    monkeypatch.delenv("CI", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    stream = Terminal()
    with SeedProgress(stream) as progress:
        for done in range(MIN_SEEDS * 2):
            progress(done, MIN_SEEDS * 2)
    assert stream.getvalue() == ""


def test_a_pipe_gets_no_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    stream = io.StringIO()
    with SeedProgress(stream) as progress:
        progress(1, MIN_SEEDS * 2)
    assert stream.getvalue() == ""


def test_the_build_reports_every_seed_and_the_build_line_counts_them(tmp_path: Path) -> None:
    seeds = HERE / "fixtures" / "seeds"
    calls: list[tuple[int, int]] = []
    result = build_site(seeds, HERE / "fixtures" / "data", progress=lambda done, total: calls.append((done, total)))
    assert calls == [(n, 5) for n in range(6)]
    line = build_line(result, 2.0)
    assert line.startswith(f"5 briefings from 5 seeds (0 rejected), {len(result.pages):,} files in 2.0 s")
    assert line.endswith("(400.0 ms a seed)")
    assert "\n" not in line

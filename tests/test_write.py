"""The writer: a whole output or nothing, never outside the folder, never over someone else's files, and a swap
cut short by a kill recovered by the next build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator.write import OutputError, write_pages

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"


def test_a_failed_write_leaves_the_previous_output_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_pages(out, {"briefings/a.md": "A", "briefings/b.md": "B"})
    with pytest.raises(ValueError, match="escapes"):
        write_pages(out, {"briefings/a.md": "A2", "briefings/c.md": "C", "../evil.md": "x"})
    assert (out / "briefings" / "a.md").read_text() == "A"
    assert (out / "briefings" / "b.md").read_text() == "B"
    assert not (out / "briefings" / "c.md").exists()
    assert not (tmp_path / "evil.md").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging folder left behind


def test_pages_of_a_previous_build_do_not_linger(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_pages(out, {"briefings/a.md": "A", "briefings/b.md": "B"})
    changed = write_pages(out, {"briefings/a.md": "A", "briefings/c.md": "C"})
    assert changed == ["briefings/c.md"]
    assert sorted(p.name for p in (out / "briefings").iterdir()) == ["a.md", "c.md"]


def test_a_folder_the_generator_did_not_make_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("precious")
    with pytest.raises(OutputError, match="was not made by the generator"):
        write_pages(out, {"briefings/a.md": "A"})
    assert (out / "notes.txt").read_text() == "precious"


def test_unchanged_pages_keep_their_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_pages(out, {"briefings/a.md": "A", "briefings/b.md": "B"})
    before = {name: (out / "briefings" / name).stat() for name in ("a.md", "b.md")}
    changed = write_pages(out, {"briefings/a.md": "A", "briefings/b.md": "B2"})
    assert changed == ["briefings/b.md"]
    after_a = (out / "briefings" / "a.md").stat()
    assert (after_a.st_ino, after_a.st_mtime_ns) == (before["a.md"].st_ino, before["a.md"].st_mtime_ns)
    assert (out / "briefings" / "b.md").stat().st_ino != before["b.md"].st_ino
    assert (out / "briefings" / "b.md").read_text() == "B2"


# The output swap, killed between its two renames: `python -m generator build` with os.replace made to kill the
# process (SIGKILL: no handler, no cleanup) right after it has moved the previous output aside.
KILLED_BUILD = """
import os, signal, sys
real = os.replace
def replace(src, dst):
    real(src, dst)
    if ".old-" in os.fspath(dst):
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
from generator.__main__ import main
main(sys.argv[1:])
"""


def build(*args: str) -> subprocess.CompletedProcess[str]:
    """The build command in a subprocess."""
    return subprocess.run([sys.executable, "-m", "generator", "build", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)


def test_a_build_killed_between_the_two_renames_is_recovered_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ("--seeds", str(SEEDS), "--out", str(out), "--data", str(FIXTURES / "data"))
    assert build(*args).returncode == 0
    page = next((out / "briefings").glob("*.md"))
    before = page.stat()
    killed = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, "build", *args], cwd=ROOT)
    assert killed.wait(timeout=300) == -signal.SIGKILL
    assert not out.exists()  # the state the kill leaves: the old output aside, the new one staged
    old, staging = sorted(p.name for p in tmp_path.iterdir())
    assert old == f".out.old-{killed.pid}"
    assert staging.startswith(f".out.staging-{killed.pid}-")
    again = build(*args)
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # leftovers of the dead build removed
    after = page.stat()  # the previous output was put back, so an unchanged page kept its file
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_leftovers_of_dead_builds_are_removed_and_those_of_a_running_one_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_pages(out, {"a.md": "A"})
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)
    dead = int(finished.stdout)
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        live = [f".out.staging-{running.pid}-abc123", f".out.old-{running.pid}"]
        gone = [f".out.staging-{dead}-xyz789", f".out.old-{dead}"]
        other = [".out.staging-notapid", ".other.old-1", f".out.old-{dead}.txt"]
        for name in live + gone + other:
            (tmp_path / name).mkdir()
        write_pages(out, {"a.md": "A2"})
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["out", *live, *other])
        assert (out / "a.md").read_text() == "A2"
    finally:
        running.kill()
        running.wait()


def test_a_failed_second_rename_puts_the_previous_output_back(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    write_pages(out, {"a.md": "A"})
    real = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if ".staging-" in os.fspath(src):
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError, match="No space"):
        write_pages(out, {"a.md": "A2"})
    assert (out / "a.md").read_text() == "A"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]

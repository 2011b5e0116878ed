"""The writer: a whole output or nothing, never outside the folder, never over someone else's files."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.write import OutputError, write_pages


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

"""Write: the only writer. The whole output is staged beside the target and swapped in at the end, so a
build that fails part-way never leaves a half-written tree, and pages of deleted seeds never linger."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from generator.model import Pages
from generator.paths import is_plain_relative, safe_join

MANIFEST = ".generated"  # marks a folder as this generator's output (and lists what it holds)


class OutputError(Exception):
    """The output folder cannot be written."""


def write_pages(out: Path, pages: Mapping[str, str]) -> list[str]:
    """Replace the folder `out` with exactly `pages`; returns the paths whose content changed."""
    out = out.absolute()
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MANIFEST).is_file())):
        raise OutputError(f"{out} exists and was not made by the generator; choose an empty or new folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    try:
        changed = []
        folders: set[str] = set()
        previous = out.is_dir()  # a first build has no old pages to compare with
        for rel in sorted(pages):
            # refuses any path that would leave the folder; a plain relative path needs no look at the disk
            target = os.path.join(staging, rel) if is_plain_relative(rel) else str(safe_join(staging, rel))
            data = pages.encoded(rel) if isinstance(pages, Pages) else pages[rel].encode("utf-8")
            folder = os.path.dirname(target)
            if folder not in folders:
                os.makedirs(folder, exist_ok=True)
                folders.add(folder)
            old = os.path.join(out, rel)
            if previous and _holds(old, data):
                _keep(old, target, data)
            else:
                _write(target, data)
                changed.append(rel)
        (staging / MANIFEST).write_text("\n".join(sorted(pages)) + "\n", encoding="utf-8")
        retired = None
        if out.exists():
            retired = out.parent / f".{out.name}.old-{os.getpid()}"
            os.replace(out, retired)
        os.replace(staging, out)
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
        return changed
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _holds(path: str, data: bytes) -> bool:
    """Whether the file at `path` holds exactly `data`."""
    try:
        status = os.lstat(path)
        if not (stat.S_ISREG(status.st_mode) and status.st_size == len(data)):
            return False
        with open(path, "rb") as file:
            return file.read() == data
    except OSError:
        return False


def _write(path: str, data: bytes) -> None:
    """Write `data` to the file at `path` (os calls: the file objects of open() cost more than the write)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _keep(old: str, target: str, data: bytes) -> None:
    """An unchanged page keeps its file (linked into the new output), so its modification time stays and
    whatever watches the folder sees no change; written again where links are not possible."""
    try:
        os.link(old, target)
    except OSError:
        _write(target, data)

"""Write: the only writer. The whole output is staged beside the target and swapped in at the end, so a
build that fails part-way never leaves a half-written tree, and pages of deleted seeds never linger.

The swap is two renames (the old output aside, the new one in). A build killed before it cleans up leaves
folders named with its process id beside the output: `.NAME.staging-PID-XXXX` (the new output, maybe partial)
and `.NAME.old-PID` (the previous output; if the kill came between the two renames, NAME itself is missing).
The next build puts the previous output back when NAME is missing and removes what builds that are no longer
running left behind; the folders of a build still running are left alone.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from generator.model import Pages
from generator.paths import is_plain_relative, safe_join, shown

MANIFEST = ".generated"  # marks a folder as this generator's output (and lists what it holds)


class OutputError(Exception):
    """The output folder cannot be written."""


def write_pages(out: Path, pages: Mapping[str, str]) -> list[str]:
    """Replace the folder `out` with exactly `pages`; returns the paths whose content changed."""
    out = out.absolute()
    recover(out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MANIFEST).is_file())):
        raise OutputError(f"{shown(out)} exists and was not made by the generator; choose an empty or new folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-{os.getpid()}-", dir=out.parent))
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
        try:
            os.replace(staging, out)
        except BaseException:
            if retired is not None:  # the previous output goes back rather than leaving none
                os.replace(retired, out)
            raise
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
        return changed
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def recover(out: Path) -> None:
    """Put back the output a killed build left missing between the swap's two renames, and remove the staging
    and retired folders of builds that are no longer running (see the module's docstring)."""
    leftover = re.compile(rf"\.{re.escape(out.name)}\.(?:old-(?P<old>\d+)|staging-(?P<staging>\d+)-\w+)")
    retired: list[Path] = []
    staged: list[Path] = []
    try:
        with os.scandir(out.parent) as entries:
            for entry in entries:
                match = leftover.fullmatch(entry.name)
                if match is None or not entry.is_dir(follow_symlinks=False):
                    continue
                if not _running(int(match["old"] or match["staging"])):
                    (retired if match["old"] else staged).append(Path(entry.path))
    except OSError:
        return  # no folder yet, or one that cannot be listed: the write itself reports what is wrong
    if retired and not out.exists() and not out.is_symlink():
        newest = max(retired, key=lambda path: path.stat().st_mtime_ns)
        os.replace(newest, out)  # complete, unlike a staging folder that may have been cut short
        retired.remove(newest)
    for path in sorted(retired + staged):
        shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    """Whether another process with this id is running (a build that may still use its folders)."""
    if pid == os.getpid():
        return False  # this build: whatever it left is from a run that failed before
    if os.name != "posix":
        return True  # no safe way to ask: leave its folders alone
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except (ProcessLookupError, OverflowError):  # none, or a number no process can have
        return False
    except OSError:
        return True  # exists, but belongs to another user (or cannot be asked about)
    return True


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

"""Load: list the seed files under a folder and read their bytes (the pipeline's only reader)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from generator.model import RawSeed, SeedError

SEED_SUFFIXES = (".txt", ".md", ".markdown")
MAX_SEED_BYTES = 10 * 1024 * 1024  # larger files are refused, not truncated


# Files that tools leave beside seeds: macOS resource forks, editor locks, swap and backup files.
_JUNK = re.compile(r"^(?:\._|\.#|\.~lock|~\$)|~$|\.(?:swp|swo|swx|bak|tmp|orig|rej)$", re.I)


def is_junk(name: str) -> bool:
    """True for files an editor or the OS left behind (never seeds)."""
    return bool(_JUNK.search(name)) or name in (".DS_Store", "Thumbs.db", "desktop.ini")


def list_seeds(folder: Path) -> list[Path]:
    """Seed files under `folder`, sorted by relative path. Hidden folders (.git) and junk files are skipped
    silently; a seed whose own name starts with a dot is still a seed. Symbolic links are not followed."""
    found: list[tuple[str, str]] = []

    def walk(directory: str, prefix: str) -> None:
        with os.scandir(directory) as entries:  # the entry types come with the listing: no stat per file
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith("."):
                        walk(entry.path, f"{prefix}{entry.name}/")
                elif (entry.is_file(follow_symlinks=False) and not is_junk(entry.name)
                      and os.path.splitext(entry.name)[1].lower() in SEED_SUFFIXES):
                    found.append((prefix + entry.name, entry.path))

    walk(str(folder), "")
    return [Path(path) for _, path in sorted(found)]


def read_seed(folder: Path, path: Path) -> RawSeed:
    """Read one seed; raise SeedError when it cannot be read or is too large."""
    name = path.relative_to(folder).as_posix()
    try:
        # os calls on one descriptor: the size and the bytes come from the same file, at a fifth of the cost
        fd = os.open(path, os.O_RDONLY)
        try:
            size = os.fstat(fd).st_size
            if size > MAX_SEED_BYTES:
                raise SeedError(name, f"file is {size:,} bytes, over the {MAX_SEED_BYTES:,}-byte limit")
            data = os.read(fd, size + 1)
            if len(data) > size:  # the file grew since fstat (or the system does not know its size)
                chunks = [data]
                while chunks[-1]:
                    chunks.append(os.read(fd, 1 << 16))
                    if sum(map(len, chunks)) > MAX_SEED_BYTES:
                        raise SeedError(name, f"file is over the {MAX_SEED_BYTES:,}-byte limit")
                data = b"".join(chunks)
        finally:
            os.close(fd)
        return RawSeed(name=name, data=data)
    except OSError as exc:
        raise SeedError(name, f"cannot read file: {exc.strerror or exc}") from None


def read_seeds(folder: Path, paths: list[Path] | None = None) -> Iterator[RawSeed | SeedError]:
    """Every seed under `folder` (or those of `paths`, from list_seeds) in name order, or the error that
    stopped it."""
    for path in list_seeds(folder) if paths is None else paths:
        try:
            yield read_seed(folder, path)
        except SeedError as exc:
            yield exc

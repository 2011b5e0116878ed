"""Load: list the seed files under a folder and read their bytes (the pipeline's only reader)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from generator.model import RawSeed, SeedError

SEED_SUFFIXES = (".txt", ".md", ".markdown")
MAX_SEED_BYTES = 10 * 1024 * 1024  # larger files are refused, not truncated


def list_seeds(folder: Path) -> list[Path]:
    """Seed files under `folder`, sorted by relative path; hidden files and folders are skipped."""
    found = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") or part.endswith("~") for part in rel.parts):
            continue
        if path.is_file() and path.suffix.lower() in SEED_SUFFIXES:
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def read_seed(folder: Path, path: Path) -> RawSeed:
    """Read one seed; raise SeedError when it cannot be read or is too large."""
    name = path.relative_to(folder).as_posix()
    try:
        size = path.stat().st_size
        if size > MAX_SEED_BYTES:
            raise SeedError(name, f"file is {size:,} bytes, over the {MAX_SEED_BYTES:,}-byte limit")
        return RawSeed(name=name, data=path.read_bytes())
    except OSError as exc:
        raise SeedError(name, f"cannot read file: {exc.strerror or exc}") from None


def read_seeds(folder: Path) -> Iterator[RawSeed | SeedError]:
    """Every seed under `folder` in name order, or the error that stopped it."""
    for path in list_seeds(folder):
        try:
            yield read_seed(folder, path)
        except SeedError as exc:
            yield exc

"""Write: the only writer. The whole output is staged beside the target and swapped in at the end, so a
build that fails part-way never leaves a half-written tree, and pages of deleted seeds never linger."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from generator.model import Pages
from generator.paths import safe_join

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
        for rel in sorted(pages):
            target = safe_join(staging, rel)  # refuses any path that would leave the folder
            data = pages.encoded(rel) if isinstance(pages, Pages) else pages[rel].encode("utf-8")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            old = out / rel
            if not (old.is_file() and old.read_bytes() == data):
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

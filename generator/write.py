"""Write: the only writer. Plans every file first, writes each atomically, removes stale pages."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from generator.paths import safe_join

MANIFEST = ".generated"


def write_pages(out: Path, pages: dict[str, str]) -> list[str]:
    """Write `pages` under `out`; unchanged files are left untouched; pages from an earlier run that are
    no longer produced are removed. Returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    targets = {rel: safe_join(out, rel) for rel in pages}  # refuses unsafe paths before writing anything
    if len(set(targets.values())) != len(targets):
        raise ValueError("two pages map to the same output file")
    written = []
    for rel, target in sorted(targets.items()):
        data = pages[rel].encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".md")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
        written.append(rel)
    manifest = out / MANIFEST
    previous = manifest.read_text(encoding="utf-8").split("\n") if manifest.is_file() else []
    for rel in previous:
        if rel and rel not in pages:
            try:
                stale = safe_join(out, rel)
            except ValueError:
                continue
            if stale.is_file():
                stale.unlink()
    manifest.write_text("\n".join(sorted(pages)) + "\n", encoding="utf-8")
    return written

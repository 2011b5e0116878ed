"""History: when each seed entered the repository and the versions it has had, read from git (the build's one
reader of git, with two or three calls whatever the number of seeds).

A seed's history follows the mainline (first parents: a pull request counts from the commit that merged it),
renames that git detects, and a seed rewritten under the same name with another extension ("005_x.txt" deleted,
"005_x.md" added: a scraped article corrected as an editor's Markdown). Outside a git checkout, or without git,
there is no history: the pipeline then counts every seed as added on the build date.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.paths import shown

_TIMEOUT = 300  # seconds; reading the history of 5,000 seeds takes well under one
_SUFFIXES = (".txt", ".md", ".markdown")
_ENV = {"LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "GIT_OPTIONAL_LOCKS": "0"}


@dataclass(frozen=True)
class Version:
    """One version of a seed: the mainline commit that made it (its place, oldest first, and date) and its bytes'
    object id."""

    order: int
    date: str  # YYYY-MM-DD, the commit's date as recorded
    path: str  # the seed's path under the seeds folder in that commit
    blob: str


@dataclass(frozen=True)
class History:
    """Every version of each seed in the repository, by the seed's path now, oldest first."""

    folder: Path
    versions: dict[str, tuple[Version, ...]] = field(default_factory=dict)
    shallow: bool = False  # a shallow clone: the oldest fetched commit seems to add every seed


class HistoryError(Exception):
    """The seeds' history cannot be trusted (a shallow clone); one line naming the folder."""

    def __init__(self, folder: Path, reason: str) -> None:
        self.folder, self.reason = folder, reason
        super().__init__(f"{shown(folder)}: error: {reason}")


def blob_id(data: bytes) -> str:
    """git's object id of a file holding `data` (to match a seed's bytes against its history)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def _git(folder: Path, *args: str, data: bytes | None = None) -> bytes | None:
    """The output of git run in `folder`, or None when git is missing or fails (not a checkout, say)."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", "-c", "log.showSignature=false", *args], cwd=folder, input=data,
            stdin=subprocess.DEVNULL if data is None else None, capture_output=True, timeout=_TIMEOUT,
            env={**os.environ, **_ENV}, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def read_history(folder: Path) -> History | None:
    """The history of the seeds under `folder`, or None outside a git checkout (or without git)."""
    state = _git(folder, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository")
    if state is None or not state.startswith(b"true"):
        return None
    out = _git(folder, "log", "--first-parent", "--diff-merges=first-parent", "--reverse", "-M", "--raw",
               "--no-abbrev", "-z", "--relative", "--no-color", "--no-ext-diff", "--format=%x01%cs", "--", ".")
    if out is None:
        return None
    return History(folder, _versions(out), shallow=state.split()[-1] == b"true")


def stem(path: str) -> str:
    """A seed's path without its extension: the name it keeps when rewritten as Markdown."""
    root, ext = os.path.splitext(path)
    return root if ext.lower() in _SUFFIXES else path


def _versions(out: bytes) -> dict[str, tuple[Version, ...]]:
    """Parse `git log --raw -z`: each commit's changes, deletions first, so that "x.txt" deleted and "x.md" added
    in one commit are one seed."""
    live: dict[str, list[Version]] = {}
    gone: dict[str, list[Version]] = {}  # the versions of deleted seeds, by stem
    commits: list[tuple[str, list[tuple[str, str, str, str]]]] = []
    tokens = out.split(b"\0")
    index = 0
    while index < len(tokens):
        token = tokens[index].lstrip(b"\n")
        index += 1
        if token.startswith(b"\x01"):
            commits.append((token[1:].decode("ascii", "replace").strip(), []))
        elif token.startswith(b":") and commits:
            fields = token[1:].decode("ascii", "replace").split()
            status, blob = fields[4], fields[3]
            paths = [os.fsdecode(tokens[index])]
            index += 1
            if status[:1] in ("R", "C"):
                paths.append(os.fsdecode(tokens[index]))
                index += 1
            commits[-1][1].append((status[:1], blob, paths[0], paths[-1]))
    for order, (date, changes) in enumerate(commits):
        changes.sort(key=lambda change: "DRCMTA".find(change[0]))
        for status, blob, old, new in changes:
            if status == "D":
                versions = live.pop(old, None)
                if versions:
                    gone[stem(old)] = versions
                continue
            if status == "R":
                versions = live.pop(old, [])
            elif status in ("A", "C"):
                versions = gone.pop(stem(new), []) if new not in live else live[new]
            else:
                versions = live.get(new, [])
            versions.append(Version(order, date, new, blob))
            live[new] = versions
    return {path: tuple(versions) for path, versions in live.items()}


def read_blobs(folder: Path, blobs: Iterable[str]) -> dict[str, bytes]:
    """The bytes of each object id (one git call for all of them); those git cannot give are left out."""
    wanted = sorted(set(blobs))
    if not wanted:
        return {}
    out = _git(folder, "cat-file", "--batch", data="".join(f"{blob}\n" for blob in wanted).encode("ascii"))
    found: dict[str, bytes] = {}
    if out is None:
        return found
    at = 0
    while at < len(out):
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3:  # "<id> missing"
            continue
        size = int(header[2])
        found[header[0].decode("ascii")] = out[at : at + size]
        at += size + 1
    return found

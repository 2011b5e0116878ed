"""Targets: what a check looks at: seeds named on the command line, in folders or changed since a revision, and
registry files."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from generator.check.registry import REGISTRY_FILES
from generator.check.report import Problem, label_of
from generator.errors import SeedError
from generator.load import SEED_SUFFIXES, SYMLINK, FolderError, is_junk, list_seeds
from generator.paths import shown


@dataclass(frozen=True)
class SeedFile:
    """A seed on disk: its path, the folder its name is relative to, how problems name it, and its resolved path
    (the same file named two ways is one seed); `refused` says why it is not read at all (a symbolic link, a
    pipe, a name that cannot be shown safely), as the build refuses it."""

    path: Path
    folder: Path
    label: str
    key: str
    refused: str = ""


@dataclass
class Targets:
    """The seeds and registry files a check was asked about."""

    seeds: list[SeedFile] = field(default_factory=list)
    registry: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _seed_file(path: Path, seeds_dir: Path, refused: str = "") -> SeedFile:
    # The link itself, never its target: a symbolic link is refused by the reader, not read through.
    resolved, root = path.parent.resolve() / path.name, seeds_dir.resolve()
    if resolved.is_relative_to(root):  # named as the build names it, however the path was written
        return SeedFile(seeds_dir / resolved.relative_to(root), seeds_dir, label_of(path), str(resolved), refused)
    return SeedFile(path, path.parent, label_of(path), str(resolved), refused)


def folder_seeds(folder: Path, seeds_dir: Path | None = None) -> tuple[list[SeedFile], list[Problem]]:
    """Every seed under `folder` (refused ones included, as the build reports them) and an error for each folder
    in it that cannot be listed; names are relative to `seeds_dir` when inside it. The folder is resolved once,
    not each of its files."""
    if not folder.is_dir():
        return [], []
    seeds_dir = seeds_dir or folder
    root = folder.resolve()
    inside = root.is_relative_to(seeds_dir.resolve())
    prefix = label_of(folder)
    seeds, problems = [], []
    for item in list_seeds(folder):
        path = item.path if isinstance(item, FolderError) else item if isinstance(item, Path) else folder / item.seed
        rel = path.relative_to(folder).as_posix()
        label = prefix if rel == "." else shown(rel) if prefix == "." else f"{prefix}/{shown(rel)}"
        if isinstance(item, FolderError):
            problems.append(Problem(label, 1, "error", item.reason))
            continue
        if inside:  # named as the build names it, however the folder was written
            path = seeds_dir / root.relative_to(seeds_dir.resolve()) / rel
        refused = item.reason if isinstance(item, SeedError) else ""
        seeds.append(SeedFile(path, seeds_dir if inside else path.parent, label, str(root / rel), refused))
    return seeds, problems


def targets_from_paths(paths: list[Path], seeds_dir: Path, quiet: bool = False) -> Targets:
    """Sort the given paths into seeds and registry files. Folders stand for the seeds in them. With `quiet`
    (paths from git), files that are neither are skipped, except stray files among the seeds (warned about)."""
    targets = Targets()
    in_seeds = seeds_dir.resolve()
    for path in paths:
        if path.is_symlink() and path.is_dir() and (not quiet or path.parent.resolve().is_relative_to(in_seeds)):
            targets.seeds.append(_seed_file(path, seeds_dir, SYMLINK))  # never listed through
        elif path.is_dir():
            seeds, problems = folder_seeds(path, seeds_dir)
            targets.seeds.extend(seeds)
            targets.problems.extend(problems)
        elif path.name in REGISTRY_FILES:
            targets.registry.append(path)
        elif not path.exists() and not path.is_symlink():
            if not quiet:
                targets.problems.append(Problem(label_of(path), 1, "error", "no such file"))
        elif path.suffix.lower() in SEED_SUFFIXES:
            targets.seeds.append(_seed_file(path, seeds_dir))
        elif quiet and (is_junk(path.name) or path.name.startswith(".")):
            continue
        elif not quiet or path.parent.resolve().is_relative_to(in_seeds):
            message = "not a seed: the build only reads .txt, .md and .markdown files"
            if not quiet:
                message = ("not a seed (.txt, .md, .markdown) or a registry file (companies.yml, topics.yml, "
                           "sources.yml)")
            targets.problems.append(Problem(label_of(path), 1, "warning" if quiet else "error", message))
    unique: dict[str, SeedFile] = {}
    for seed in targets.seeds:
        unique.setdefault(seed.key, seed)
    targets.seeds = list(unique.values())
    return targets


def changed_since(rev: str, roots: list[Path]) -> list[Path]:
    """Files under `roots` added or changed since the merge base of `rev` and HEAD, in the working tree,
    untracked ones included (deleted files are not listed). Raises RuntimeError when git fails.

    Git's output is read as bytes, NUL-separated (`-z`: no quoting), and decoded as Python decodes file names, so a
    name that is not UTF-8 still names its file (and is refused by the reader, with one line)."""

    def git(*args: str, cwd: Path | None = None) -> bytes:
        try:
            done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
        except OSError as exc:
            raise RuntimeError(f"cannot run git: {exc}") from None
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", errors="replace").strip() or "failed"
            raise RuntimeError(f"git {' '.join(args)}: {' '.join(message.split())}")
        return done.stdout

    top = Path(os.fsdecode(git("rev-parse", "--show-toplevel").rstrip(b"\n")))
    base = git("merge-base", rev, "HEAD", cwd=top).decode("ascii").strip()
    specs = []
    for root in roots:
        try:
            specs.append(root.resolve().relative_to(top.resolve()).as_posix() or ".")
        except ValueError:
            raise RuntimeError(f"{shown(root)} is not inside the git repository at {shown(top)}") from None
    listed = git("diff", "-z", "--name-only", "--no-renames", "--diff-filter=d", base, "--", *specs, cwd=top)
    listed += git("ls-files", "-z", "--others", "--exclude-standard", "--", *specs, cwd=top)
    names = sorted({os.fsdecode(name) for name in listed.split(b"\0") if name})
    cwd = Path.cwd().resolve()
    out = []
    for name in names:
        path = top / name
        try:
            out.append((path.parent.resolve() / path.name).relative_to(cwd))  # a link as itself, not its target
        except ValueError:
            out.append(path)
    return out

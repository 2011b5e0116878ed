"""Load: list the seed files under a folder and read their bytes (the pipeline's only reader).

Seeds are regular files with names that are valid UTF-8 and hold no control or invisible formatting character
(paths.name_problem). Nothing is followed or opened blindly: a symbolic link, a named pipe, a socket or a device
among the seeds is refused with one line, and so is a file name that could not be shown safely; a folder that cannot
be listed is one line too, and every other seed still builds.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from generator.entities.registry import parse_companies, parse_sources, parse_topics
from generator.errors import RegistryError, SeedError
from generator.model import RawSeed, Registry
from generator.paths import name_problem

SEED_SUFFIXES = (".txt", ".md", ".markdown")
MAX_SEED_BYTES = 10 * 1024 * 1024  # larger files are refused, not truncated
# Never wait on a named pipe, never follow a link: the open itself refuses both, before fstat says what it is.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


# Files that tools leave beside seeds: macOS resource forks, editor locks, swap and backup files.
_JUNK = re.compile(r"^(?:\._|\.#|\.~lock|~\$)|~$|\.(?:swp|swo|swx|bak|tmp|orig|rej)$", re.I)


class FolderError(SeedError):
    """A folder among the seeds that cannot be listed (or may not be): the seeds in it are left out."""

    def __init__(self, seed: str, reason: str, path: Path | None = None) -> None:
        super().__init__(seed, reason)
        self.path = path if path is not None else Path(seed)

    def __reduce__(self) -> tuple[type[FolderError], tuple[str, str, Path]]:  # type: ignore[override]
        """Pickle by the constructor's arguments."""
        return (FolderError, (self.seed, self.reason, self.path))


def is_junk(name: str) -> bool:
    """True for files an editor or the OS left behind (never seeds)."""
    return bool(_JUNK.search(name)) or name in (".DS_Store", "Thumbs.db", "desktop.ini")


def is_seed_name(name: str) -> bool:
    """True for a file name the build reads as a seed (by its suffix; junk files are not seeds)."""
    return os.path.splitext(name)[1].lower() in SEED_SUFFIXES and not is_junk(name)


def not_regular(mode: int, what: str = "seeds") -> str:
    """Why a file of this mode (from stat) is not read as one of `what` (seeds, registry files)."""
    if stat.S_ISLNK(mode):
        return f"symbolic link; {what} must be regular files"
    kind = ("folder" if stat.S_ISDIR(mode) else "named pipe (FIFO)" if stat.S_ISFIFO(mode)
            else "socket" if stat.S_ISSOCK(mode) else "device file" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "special file")
    return f"{kind}, not a regular file; {what} must be regular files"


SYMLINK = not_regular(stat.S_IFLNK)  # why a linked seed is refused


def list_seeds(folder: Path) -> list[Path | SeedError]:
    """Seed files under `folder`, sorted by relative path, with a SeedError in its place for each one refused (a
    symbolic link, a pipe or device, a name that cannot be shown safely) and a FolderError for each folder that
    cannot be listed. Hidden folders (.git), junk files and files of other types are skipped silently; a seed
    whose own name starts with a dot is still a seed. Symbolic links are never followed, to files or folders."""
    if folder.is_symlink():
        return [FolderError(str(folder), "the seeds folder is a symbolic link; it must be a real folder", folder)]
    found: list[tuple[str, Path | SeedError]] = []
    pending = [(str(folder), "")]  # a stack, not recursion: folders may nest deeper than Python's stack
    while pending:
        directory, prefix = pending.pop()
        try:
            with os.scandir(directory) as entries:  # the entry types come with the listing: no stat per file
                for entry in entries:
                    item = _entry(entry, prefix + entry.name, pending)
                    if item is not None:
                        found.append((prefix + entry.name, item))
        except OSError as exc:
            name = prefix.rstrip("/") or str(folder)
            reason = f"cannot read folder ({exc.strerror or exc}); the seeds in it are left out"
            found.append((name, FolderError(name, reason, Path(directory))))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def _entry(entry: os.DirEntry[str], rel: str, pending: list[tuple[str, str]]) -> Path | SeedError | None:
    """What one directory entry is among the seeds: a seed's path, the error refusing it, or None to pass it over
    (a folder to walk is pushed onto `pending`)."""
    try:
        if entry.is_dir(follow_symlinks=False):
            if entry.name.startswith("."):
                return None
            problem = name_problem(entry.name, "folder")
            if problem:
                return FolderError(rel, problem, Path(entry.path))
            pending.append((entry.path, rel + "/"))
            return None
        if entry.is_file(follow_symlinks=False):
            if not is_seed_name(entry.name):
                return None
            problem = name_problem(entry.name)
            return SeedError(rel, problem) if problem else Path(entry.path)
        if is_seed_name(entry.name) or (entry.is_symlink() and not entry.name.startswith(".") and entry.is_dir()):
            # a link (to a file or a folder, inside the repository or not), a pipe, a socket or a device
            return SeedError(rel, not_regular(entry.stat(follow_symlinks=False).st_mode))
    except OSError as exc:  # gone since the listing, or its type cannot be read
        if is_seed_name(entry.name):
            return SeedError(rel, f"cannot read file: {exc.strerror or exc}")
    return None


class FileProblem(Exception):
    """A file that is not read: a link, a pipe or device, too large, or unreadable (`reason` is one line)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_regular(path: Path, limit: int = MAX_SEED_BYTES, what: str = "seeds") -> bytes:
    """The bytes of the regular file at `path`; raise FileProblem for a symbolic link, a pipe, socket or device, a
    file over `limit` bytes, or one that cannot be read. Never follows a link, never waits on a pipe."""
    try:
        # os calls on one descriptor: the type, the size and the bytes come from the same file, at a fifth of the
        # cost of open(); O_NONBLOCK makes opening a named pipe return at once instead of waiting for a writer
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP or (exc.errno == errno.EMLINK and os.path.islink(path)):  # EMLINK: BSDs
            raise FileProblem(not_regular(stat.S_IFLNK, what)) from None
        raise FileProblem(f"cannot read file: {exc.strerror or exc}") from None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise FileProblem(not_regular(status.st_mode, what))
        size = status.st_size
        if size > limit:
            raise FileProblem(f"file is {size:,} bytes, over the {limit:,}-byte limit")
        data = os.read(fd, size + 1)
        if len(data) > size:  # the file grew since fstat (or the system does not know its size)
            chunks = [data]
            while chunks[-1]:
                chunks.append(os.read(fd, 1 << 16))
                if sum(map(len, chunks)) > limit:
                    raise FileProblem(f"file is over the {limit:,}-byte limit")
            data = b"".join(chunks)
    except OSError as exc:
        raise FileProblem(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    return data


def read_seed(folder: Path, path: Path) -> RawSeed:
    """Read one seed; raise SeedError when it cannot be read, is not a regular file, is too large or its name
    cannot be shown safely."""
    name = path.relative_to(folder).as_posix()
    problem = name_problem(name)
    if problem:
        raise SeedError(name, problem)
    try:
        return RawSeed(name=name, data=read_regular(path))
    except FileProblem as exc:
        raise SeedError(name, exc.reason) from None


def read_registry_file(path: Path) -> str:
    """A registry file's text ("" when there is none); FileProblem when it is a link, a pipe, too large, not UTF-8
    or unreadable (registry files are held to the same rules as seeds)."""
    if not os.path.lexists(path):
        return ""
    try:
        return read_regular(path, what="registry files").decode("utf-8")
    except UnicodeDecodeError:
        raise FileProblem("not valid UTF-8 text") from None


def read_seeds(folder: Path, paths: list[Path] | None = None) -> Iterator[RawSeed | SeedError]:
    """Every seed under `folder` (or those of `paths`, from list_seeds) in name order, or the error that
    stopped it."""
    for path in list_seeds(folder) if paths is None else paths:
        if isinstance(path, SeedError):
            yield path
            continue
        try:
            yield read_seed(folder, path)
        except SeedError as exc:
            yield exc


def load_registry(data_dir: Path, label_root: Path | None = None) -> Registry:
    """Read companies.yml, topics.yml and sources.yml from `data_dir` (any may be absent: an empty list)."""
    def read(name: str) -> tuple[str, str]:
        path = data_dir / name
        label = path.relative_to(label_root).as_posix() if label_root else path.as_posix()
        try:
            return read_registry_file(path), label
        except FileProblem as exc:
            raise RegistryError(label, 1, exc.reason) from None

    companies = parse_companies(*read("companies.yml"))
    topics = parse_topics(*read("topics.yml"))
    sources = parse_sources(*read("sources.yml"), companies=companies)
    return Registry(companies=companies, topics=topics, sources=sources)


def load_registry_or_empty(data_dir: Path | None) -> tuple[Registry, list[RegistryError]]:
    """The registry under `data_dir`; an empty one (and the error) when it is missing or invalid."""
    if data_dir is None:
        return Registry(companies={}, topics={}), []
    try:
        return load_registry(data_dir), []
    except RegistryError as exc:
        return Registry(companies={}, topics={}), [exc]

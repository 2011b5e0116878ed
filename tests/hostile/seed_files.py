"""Hostile seeds at the level of the file system, made at test time by make() rather than committed: git cannot
hold a named pipe or a folder's permissions, and a name that is not UTF-8 or holds a newline cannot be checked
out on macOS or Windows, so committing them would break every clone there.

Each entry is a seed the build and the check must refuse with exactly one line (REFUSED), beside good seeds that
must still build (BUILT). The unreadable folder is made separately (make_unreadable), because root reads it
anyway: the tests decide how to take that power away.
"""

from __future__ import annotations

import os
from pathlib import Path

BODY = (
    "BYD will build its first European car plant in Szeged, Hungary, the company said on Friday, "
    "describing the project as one of the largest investments in the country's history.\n\n"
    "The plant will make battery electric and plug-in hybrid cars for European buyers and will be built in phases.\n"
)
OUTSIDE_TITLE = "A secret file outside the repository"

# File name (as it is on disk, str or bytes) -> the one line the build prints for it (names relative to seeds/).
REFUSED: dict[str | bytes, str] = {
    b"caf\xe9.txt": r"caf\xe9.txt: error: file name is not valid UTF-8; rename it",
    "forged\n::error file=x::forged.txt": (
        r"forged\n::error file=x::forged.txt: error: file name holds a control character or line break; rename it"),
    "carriage\rreturn.txt": r"carriage\rreturn.txt: error: file name holds a control character or line break; "
                            "rename it",
    "escape-\x1b[31mred.md": r"escape-\x1b[31mred.md: error: file name holds a control character or line break; "
                             "rename it",
    "bidi-\u202etxt.md": r"bidi-\u202etxt.md: error: file name holds an invisible formatting character (such as a "
                         "right-to-left override); rename it",
    "link-inside.txt": "link-inside.txt: error: symbolic link; seeds must be regular files",
    "link-outside.md": "link-outside.md: error: symbolic link; seeds must be regular files",
    "link-dangling.txt": "link-dangling.txt: error: symbolic link; seeds must be regular files",
    "linked-folder-inside": "linked-folder-inside: error: symbolic link; seeds must be regular files",
    "linked-folder-outside": "linked-folder-outside: error: symbolic link; seeds must be regular files",
    "pipe.txt": "pipe.txt: error: named pipe (FIFO), not a regular file; seeds must be regular files",
}
# Seed -> title: accepted names, odd but safe to show (a backtick and a bar are Markdown, not danger).
BUILT = {
    "good.txt": "BYD picks Szeged for its first European plant",
    "sub/nested.txt": "A seed in a folder beside linked ones",
    "tick `and` | bar.txt": "A file name with a backtick and a bar",
    "back\\slash.txt": "A file name with a backslash",
}
UNREADABLE = "private"  # a folder the build cannot list; the line it gets (names relative to seeds/):
UNREADABLE_LINE = "private: error: cannot read folder (Permission denied); the seeds in it are left out"


def article(title: str) -> str:
    """A scraped page the pipeline accepts."""
    return f"{title}\n\nBy Sun Lei\n\nPosted on December 23, 2023\n\n{BODY}"


def make(seeds: Path, outside: Path, pipe: bool = True) -> None:
    """Write the good seeds and every hostile entry of REFUSED into `seeds`; links point into `seeds` and to
    `outside` (a folder beside it, standing for the rest of the machine). `pipe=False` leaves out the named pipe
    (git cannot hold one)."""
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.txt").write_text(article(OUTSIDE_TITLE), encoding="utf-8")
    for name, title in BUILT.items():
        (seeds / name).parent.mkdir(parents=True, exist_ok=True)
        (seeds / name).write_text(article(title), encoding="utf-8")
    for name in REFUSED:
        if isinstance(name, bytes) or not name.startswith(("link", "pipe")):
            path = os.path.join(os.fsencode(seeds), name if isinstance(name, bytes) else os.fsencode(name))
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(article("A seed whose file name must be refused"))
    os.symlink("good.txt", seeds / "link-inside.txt")
    os.symlink(outside / "secret.txt", seeds / "link-outside.md")
    os.symlink("nowhere.txt", seeds / "link-dangling.txt")
    os.symlink("sub", seeds / "linked-folder-inside", target_is_directory=True)
    os.symlink(outside, seeds / "linked-folder-outside", target_is_directory=True)
    if pipe:
        os.mkfifo(seeds / "pipe.txt")


def make_unreadable(seeds: Path) -> Path:
    """A folder of seeds whose permissions forbid listing it (root, with CAP_DAC_OVERRIDE, still can)."""
    folder = seeds / UNREADABLE
    folder.mkdir()
    (folder / "hidden.txt").write_text(article("A seed in a folder nobody may list"), encoding="utf-8")
    folder.chmod(0)
    return folder

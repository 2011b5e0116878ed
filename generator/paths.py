"""Paths: ASCII slugs that are never empty and never collide, joins that stay inside a folder, and file names as
they may be shown (escaped) or refused."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path

from generator.lexicon.text import HAN

MAX_SLUG = 80


_APOSTROPHES = re.compile(r"['’‘`]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; Chinese is spelled in pinyin ("北汽集团" -> "bei-qi-ji-tuan")."""
    text = _APOSTROPHES.sub("", text)  # "BAIC’s" and "BAIC's" both give "baics"
    if HAN.search(text):
        from pypinyin import lazy_pinyin  # its dictionaries take 0.15 s to load; most builds never need them

        text = " ".join(lazy_pinyin(text))
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", text.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


def seed_slug(title: str, seed: str) -> str:
    """A slug for a briefing: from its title, or from a hash of the seed name when the title has no ASCII."""
    slug = slugify(title)
    if len(slug) < 3:
        slug = "briefing-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10]
    return slug


# Names the site itself uses beside the pages named by slugs (briefings/x.md, companies/x.md, topics/x.md,
# sources/x.md): MkDocs publishes index.md and README.md as their folder's own page, so briefings/index.md would
# replace the listing briefings.md (both are briefings/ with directory URLs); "page" is the folder of every pager
# (companies/x/page/2.md, briefings/page/2.md). Compared case-insensitively: README, Index.
RESERVED_SLUGS = frozenset({"index", "readme", "page"})


def is_reserved(slug: str) -> bool:
    """True for a slug the site keeps for its own pages."""
    return slug.casefold() in RESERVED_SLUGS


def is_plain_relative(relative: str) -> bool:
    """A relative path of ordinary names ("briefings/a.md"): joined under a folder without symbolic links (a new
    one), it stays inside it, so safe_join's look at the disk is not needed."""
    return (all(part not in ("", ".", "..") for part in relative.split("/"))
            and "\\" not in relative and "\x00" not in relative)


def safe_join(base: Path, relative: str) -> Path:
    """Join `relative` under `base`, refusing anything that would land outside it."""
    if not relative or relative.startswith(("/", "\\")) or "\\" in relative or "\x00" in relative:
        raise ValueError(f"unsafe output path: {relative!r}")
    root = base.resolve()
    target = (root / relative).resolve()
    if not target.is_relative_to(root) or target == root:
        raise ValueError(f"output path escapes {base}: {relative!r}")
    return target


# Characters a file name may not hold: controls (newline, ESC), line and paragraph separators, invisible formatting
# (bidi overrides, zero-width characters) and surrogates, which stand for bytes that are not UTF-8.
_UNSHOWABLE = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))
_NAMED = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _unshowable(char: str) -> bool:
    return char in _NAMED or (not " " <= char <= "~" and unicodedata.category(char) in _UNSHOWABLE)


def shown(name: str | os.PathLike[str]) -> str:
    """A file name as it may be shown in a log line, an annotation or a Markdown report: every character that could
    break the line, move the cursor, colour the terminal or reorder the text is written as an escape (`\\n`,
    `\\x1b`, `\\u202e`), a byte that is not UTF-8 as `\\xe9`, and a backslash as `\\\\`; other names are unchanged."""
    text = os.fspath(name)
    if text.isascii() and text.isprintable() and "\\" not in text:
        return text
    out = []
    for char in text:
        if not _unshowable(char):
            out.append(char)
        elif char in _NAMED:
            out.append(_NAMED[char])
        elif "\udc80" <= char <= "\udcff":  # a byte that is not UTF-8, as the file system decoder keeps it
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


def name_problem(name: str, what: str = "file") -> str | None:
    """Why a file name cannot become a URL, a YAML value and a log line safely, or None when it can."""
    if name.isascii() and name.isprintable():
        return None
    kinds = {unicodedata.category(char) for char in name}
    if "Cs" in kinds:
        return f"{what} name is not valid UTF-8; rename it"
    if kinds & {"Cc", "Zl", "Zp"}:
        return f"{what} name holds a control character or line break; rename it"
    if "Cf" in kinds:
        return f"{what} name holds an invisible formatting character (such as a right-to-left override); rename it"
    return None


def published_as(path: str, directory_urls: bool) -> str:
    """Where MkDocs writes the file at `path` (relative to docs/) in the site, as mkdocs/structure/files.py does:
    a Markdown page `a/b.md` becomes `a/b/index.html` with directory URLs and `a/b.html` without, `index.md` and
    `README.md` (exactly so written) become their folder's `index.html`; any other file is copied as it is."""
    if not path.endswith(".md"):
        return path
    parent, _, name = path[:-3].rpartition("/")
    name = "index" if name == "README" else name
    if directory_urls and name != "index":
        return f"{parent}/{name}/index.html" if parent else f"{name}/index.html"
    return f"{parent}/{name}.html" if parent else f"{name}.html"


def clashes(paths: list[str]) -> list[tuple[str, str, str]]:
    """Files that MkDocs would publish at the same place, with or without directory URLs, as (target, kept, other):
    of two, the one nearer the top (a listing, not a page in its folder) is kept, then index.md rather than
    README.md, then the first in name order."""
    found: dict[str, tuple[str, str, str]] = {}
    ordered = sorted(paths, key=lambda p: (p.count("/"), p.endswith("README.md"), p))  # MkDocs' own preference
    for directory_urls in (True, False):
        first: dict[str, str] = {}
        for path in ordered:
            target = published_as(path, directory_urls)
            if target not in first:
                first[target] = path
            elif path not in found:
                found[path] = (target, first[target], path)
    return list(found.values())


class PageClash(Exception):
    """A generated page that MkDocs would publish where another one is (and that was left out)."""

    def __init__(self, path: str, kept: str, target: str) -> None:
        self.path, self.kept, self.target = path, kept, target
        super().__init__(f"{path}: error: would be published as {target}, where {kept} is; left out (a generator "
                         "bug: please report it)")

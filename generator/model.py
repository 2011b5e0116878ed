"""Frozen data model shared by every pipeline stage."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property

from generator.entities.registry import Registry
from generator.extract.figures import Figure
from generator.paths import shown


class SeedError(Exception):
    """A seed that cannot become a briefing; the message is one line for the user."""

    def __init__(self, seed: str, reason: str, line: int | None = None) -> None:
        self.seed = seed
        self.reason = reason
        self.line = line
        where = f"{shown(seed)}:{line}" if line else shown(seed)  # the name escaped: the message is one safe line
        super().__init__(f"{where}: error: {reason}")

    def __reduce__(self) -> tuple[type[SeedError], tuple[str, str, int | None]]:
        """Pickle by the constructor's arguments (errors travel back from worker processes)."""
        return (SeedError, (self.seed, self.reason, self.line))


@dataclass(frozen=True)
class RawSeed:
    """A seed file as read from disk: its name relative to the seeds folder and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class SourceText:
    """A decoded seed: text with normalised line endings, plus the editor's front matter if any."""

    name: str
    text: str
    kind: str  # "txt" (scraped page) or "md" (editor-written Markdown)
    front_matter: dict[str, object] = field(default_factory=dict)
    body_line: int = 1  # line number in the seed where `text` starts


class Kind(StrEnum):
    """What a line of a scraped page turned out to be."""

    CONTENT = "content"
    TITLE = "title"
    MASTHEAD = "masthead"
    NAV = "nav"
    COOKIE = "cookie"
    DATE = "date"
    BYLINE = "byline"
    SOURCE = "source"
    SHARE = "share"
    COUNTER = "counter"
    WIDGET = "widget"
    CAPTION = "caption"
    CREDIT = "credit"
    RELATED = "related"
    NEWSLETTER = "newsletter"
    ADVERT = "advert"
    TAGS = "tags"
    COMMENTS = "comments"
    COPYRIGHT = "copyright"
    FEEDBACK = "feedback"
    FOOTER = "footer"
    SECTION = "section"
    REPEAT = "repeat"


@dataclass(frozen=True)
class Line:
    """One non-blank line of a seed with the blank lines before it and what the cleaner made of it."""

    text: str
    number: int  # 1-based line number in the decoded text
    blank_before: int = 0
    kind: Kind = Kind.CONTENT
    rule: str = ""  # name of the cleaning rule that classified it

    def mark(self, kind: Kind, rule: str) -> Line:
        """Return this line classified as `kind` by `rule`."""
        return Line(self.text, self.number, self.blank_before, kind, rule)

    @property
    def is_content(self) -> bool:
        """True while no rule has classified the line as chrome or metadata."""
        return self.kind is Kind.CONTENT


@dataclass(frozen=True)
class Doc:
    """A scraped page as lines, the index of its headline, and where the article body starts."""

    name: str
    lines: tuple[Line, ...]
    title_index: int | None = None
    body_start: int = 0
    title_text: str | None = None  # the headline when it is only part of a line (e.g. after a date)

    def with_lines(self, lines: list[Line] | tuple[Line, ...]) -> Doc:
        """Return a copy holding `lines`."""
        return replace(self, lines=tuple(lines))

    def content(self) -> list[Line]:
        """Lines not (yet) classified as chrome or metadata."""
        return [line for line in self.lines if line.is_content]


@dataclass(frozen=True)
class Block:
    """A block of the cleaned article: paragraph, heading, list, table, quote or code."""

    kind: str  # "paragraph" | "deck" | "heading" | "list" | "table" | "quote" | "code" | "other"
    text: str  # Markdown source of the block
    level: int = 0  # heading level


@dataclass(frozen=True)
class Meta:
    """What the article says about itself: headline, date, publication, author."""

    title: str
    date: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Briefing:
    """A cleaned, described article ready to render."""

    seed: str
    slug: str
    meta: Meta
    blocks: tuple[Block, ...]
    summary: str
    kind: str
    language: str = "en"
    word_count: int = 0
    companies: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    path: str = ""  # the seed's path under the seeds folder (the file name, or sub/folder/name)
    source: bytes = b""  # the seed's decoded text as UTF-8 (published beside the briefing as it is)
    digest: str = ""  # of the seed's path and bytes: with the slug, names this briefing's content across builds
    mentions: tuple[tuple[int, int, int, str], ...] = ()  # first mention of each company: block, start, end, slug
    warnings: tuple[str, ...] = ()  # for the check, not the page: e.g. a doubtful guess at a legacy encoding

    @property
    def original(self) -> str:
        """The seed's decoded text."""
        return self.source.decode("utf-8")

    @property
    def token(self) -> tuple[str, str]:
        """What this briefing's content depends on, as a short key: the seed's digest and the slug."""
        return (self.digest, self.slug)

    @cached_property
    def listing(self) -> bytes:
        """A digest of what listing pages show or count of this briefing (everything but the article itself): a
        key that a correction to the text leaves unchanged. Worked out once per briefing."""
        meta = self.meta
        fields = (self.slug, meta.title, meta.date, meta.source, self.summary, self.companies, self.institutions,
                  self.topics, [(f.value, f.context) for f in self.figures])
        return hashlib.blake2b(json.dumps(fields, ensure_ascii=False).encode(), digest_size=16).digest()

    @property
    def body(self) -> str:
        """The article body as Markdown."""
        return "\n\n".join(block.text for block in self.blocks)

    @property
    def reading_minutes(self) -> int:
        """Reading time at 220 words a minute, at least one minute."""
        return max(1, round(self.word_count / 220))


class Pages(MutableMapping[str, str]):
    """Generated files by path, held as UTF-8 from the moment each is added: a str with a single character outside
    Latin-1 (an em dash) takes two bytes a character, and 20,000 pages are close to a gigabyte as str."""

    def __init__(self, items: Iterable[tuple[str, str]] = ()) -> None:
        """Hold `items` (path, text)."""
        self._data: dict[str, bytes] = {}
        for path, text in items:
            self[path] = text

    def __getitem__(self, path: str) -> str:
        return self._data[path].decode("utf-8")

    def __setitem__(self, path: str, text: str) -> None:
        self._data[path] = text.encode("utf-8")

    def __delitem__(self, path: str) -> None:
        del self._data[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def add_encoded(self, path: str, data: bytes) -> None:
        """Add a file that is already UTF-8 (shared, not copied)."""
        self._data[path] = data

    def encoded(self, path: str) -> bytes:
        """The file at `path` as UTF-8."""
        return self._data[path]

    def pop_encoded(self, path: str) -> bytes:
        """Remove the file at `path` and return it as UTF-8."""
        return self._data.pop(path)

    def sorted(self) -> Pages:
        """The same files in path order."""
        ordered = Pages()
        ordered._data = dict(sorted(self._data.items()))
        return ordered


@dataclass(frozen=True)
class BuildResult:
    """Everything one build produced: pages by relative path, the registry it used, and the seeds it rejected."""

    pages: Pages
    briefings: tuple[Briefing, ...]
    errors: tuple[Exception, ...]  # SeedError or RegistryError: each prints as one line
    registry: Registry | None = None

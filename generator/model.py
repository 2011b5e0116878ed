"""Frozen data model shared by every pipeline stage."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


@dataclass(frozen=True)
class RawSeed:
    """A seed file as read from disk: its name relative to the seeds folder and its bytes."""

    name: str
    data: bytes


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
    REPEAT = "repeat"
    OUTSIDE = "outside"  # outside the article: the best run of prose lines (clean/span.py)


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

    def with_lines(self, lines: list[Line] | tuple[Line, ...]) -> Doc:
        """Return a copy holding `lines`."""
        return Doc(self.name, tuple(lines), self.title_index)  # what replace() does, without its generic steps


class BlockKind(StrEnum):
    """What a block of the cleaned article is."""

    PARAGRAPH = "paragraph"
    DECK = "deck"  # a standfirst under the headline
    HEADING = "heading"
    LIST = "list"
    TABLE = "table"
    QUOTE = "quote"
    CODE = "code"
    OTHER = "other"  # anything else an editor wrote (a rule, raw HTML shown as text, ...)


@dataclass(frozen=True)
class Block:
    """A block of the cleaned article: its kind, its Markdown and its plain text (worked out once)."""

    kind: BlockKind
    text: str  # Markdown source of the block
    level: int = 0  # heading level
    plain: str = ""  # the block as plain text: links to their words, escapes and emphasis dropped


COMPANY_KINDS = ("automaker", "brand", "joint-venture", "supplier", "technology", "finance")
INSTITUTION_KINDS = ("government", "association", "media")
KINDS = COMPANY_KINDS + INSTITUTION_KINDS


@dataclass(frozen=True)
class Company:
    """An organisation in the registry (companies, brands and joint ventures, and institutions)."""

    slug: str
    name: str
    kind: str
    country: str
    parent: str | None
    partners: tuple[str, ...]
    aliases: tuple[str, ...]
    description: str
    line: int = 0

    @property
    def is_institution(self) -> bool:
        """Government bodies, associations and media: listed apart from companies."""
        return self.kind in INSTITUTION_KINDS

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Keyword:
    """A phrase that signals a topic, with its weight."""

    phrase: str
    weight: int


@dataclass(frozen=True)
class Topic:
    """A topic of the controlled vocabulary and the rule that assigns it."""

    slug: str
    name: str
    description: str
    keywords: tuple[Keyword, ...]
    min_score: int
    line: int = 0
    kinds: tuple[tuple[str, int], ...] = ()  # organisation kinds whose mention signals the topic, with weights


@dataclass(frozen=True)
class Source:
    """An outlet that publishes articles: the one spelling the site shows, and the others an article may print."""

    slug: str
    name: str
    aliases: tuple[str, ...]
    description: str
    url: str | None = None  # the outlet's home page
    company: str | None = None  # its entry in the companies registry, if it has one
    line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Registry:
    """Every company, topic and source (outlet), by slug, in file order."""

    companies: dict[str, Company]
    topics: dict[str, Topic]
    sources: dict[str, Source] = field(default_factory=dict)

    @cached_property
    def source_slugs(self) -> dict[str, str]:
        """Each source's slug by its canonical name (as a briefing's source is given once the pipeline has read
        it)."""
        return {source.name: source.slug for source in self.sources.values()}

    def children(self, slug: str) -> list[Company]:
        """Brands and subsidiaries whose parent is `slug`."""
        return [c for c in self.companies.values() if c.parent == slug]

    def ventures(self, slug: str) -> list[Company]:
        """Joint ventures that `slug` is a partner in."""
        return [c for c in self.companies.values() if slug in c.partners]


@dataclass(frozen=True)
class Figure:
    """A figure an article states about a company: what it measures, the value as stated and normalised, the period
    it covers and the clause that says so."""

    company: str  # the slug of the company the clause is about
    measure: str  # sales, deliveries, revenue, profit, price, capacity, market share, investment, …
    value: str  # as stated: "1.62 billion yuan", "50.3万辆"
    amount: str  # normalised, written out: "1620000000", "503000"
    unit: str  # an ISO currency code, "%", "pp", "vehicles", "orders", or the unit as written
    period: str  # "Q3 2025", "H1", "October 2025", "2024", "" when the sentence names none
    context: str  # the clause, from the company's name to the figure

    def record(self) -> dict[str, str]:
        """The figure as the exports and front matter give it: the normalised value as `value`, the text as `stated`."""
        return {"company": self.company, "measure": self.measure, "value": self.amount, "unit": self.unit,
                "period": self.period, "stated": self.value, "context": self.context}


@dataclass(frozen=True)
class FrontMatter:
    """An editor's front matter: the parsed mapping, the line of each top-level key, where the body starts."""

    data: dict[str, object] = field(default_factory=dict, hash=False)
    lines: dict[str, int] = field(default_factory=dict, hash=False)  # key -> 1-based line in the seed
    body_line: int = 1  # line number in the seed where the body starts


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
    subjects: tuple[str, ...] = ()  # of the companies and institutions, those the briefing is about, in rank order
    topic_evidence: tuple[tuple[str, float], ...] = ()  # how much it is about each topic it names, most first
    figures: tuple[Figure, ...] = ()
    path: str = ""  # the seed's path under the seeds folder (the file name, or sub/folder/name)
    seed_text: bytes = b""  # the seed's decoded text as UTF-8 (published beside the briefing as it is)
    digest: str = ""  # of the seed's path and bytes: with the slug, names this briefing's content across builds
    mentions: tuple[tuple[int, int, int, str], ...] = ()  # first mention of each company: block, start, end, slug
    warnings: tuple[str, ...] = ()  # for the check, not the page: e.g. a doubtful guess at a legacy encoding
    front_matter: FrontMatter = FrontMatter()  # an editor's, as parsed (empty for a scraped page)
    blob: str = ""  # git's object id of the seed's bytes: matches it against its history
    added: str = ""  # YYYY-MM-DD: when the seed entered the repository (else the build date)
    aliases: tuple[str, ...] = ()  # slugs this briefing was published under before, which redirect to it

    @property
    def listed_date(self) -> str:
        """The date it is listed by: its publication date, else the date it was added."""
        return self.meta.date or self.added

    @property
    def original(self) -> str:
        """The seed's decoded text."""
        return self.seed_text.decode("utf-8")

    @property
    def body(self) -> str:
        """The article body as Markdown."""
        return "\n\n".join(block.text for block in self.blocks)

    @property
    def mentioned(self) -> tuple[str, ...]:
        """The companies, then the institutions, that the briefing names but is not about, in rank order."""
        return tuple(s for s in (*self.companies, *self.institutions) if s not in self.subjects)

    @property
    def reading_minutes(self) -> int:
        """Reading time at 220 words a minute, at least one minute."""
        return max(1, round(self.word_count / 220))


@dataclass(frozen=True)
class Corpus:
    """Every briefing with what the corpus knows about it and about each company and topic."""

    registry: Registry
    briefings: tuple[Briefing, ...]
    by_company: dict[str, tuple[Briefing, ...]] = field(default_factory=dict)  # newest first
    by_topic: dict[str, tuple[Briefing, ...]] = field(default_factory=dict)  # newest first
    by_source: dict[str, tuple[Briefing, ...]] = field(default_factory=dict)  # by source slug, newest first
    related: dict[str, tuple[Briefing, ...]] = field(default_factory=dict)  # by briefing slug, best first

    def co_mentions(self, slug: str, limit: int = 10) -> list[tuple[str, int]]:
        """Companies most often named in the same briefings as `slug`."""
        counts: Counter[str] = Counter()
        for briefing in self.by_company.get(slug, ()):
            counts.update(c for c in (*briefing.companies, *briefing.institutions)
                          if c != slug and c in self.registry.companies)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    def topics_of(self, slug: str, limit: int = 10) -> list[tuple[str, int]]:
        """Topics of the briefings that name `slug`, most frequent first."""
        counts = Counter(t for b in self.by_company.get(slug, ()) for t in b.topics if t in self.registry.topics)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    def companies_of_topic(self, topic: str, limit: int = 15) -> list[tuple[str, int]]:
        """Companies most often named in briefings under `topic`."""
        counts = Counter(c for b in self.by_topic.get(topic, ()) for c in b.companies if c in self.registry.companies)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


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

"""Incremental: what one build hands the next in the same process (`mkdocs serve`), and every key it is found by."""

from __future__ import annotations

import hashlib
import importlib
import json
import sys
from collections.abc import Callable
from dataclasses import astuple, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from generator.errors import RegistryError, SeedError
from generator.load import FileProblem, read_registry_file, read_seeds
from generator.model import Briefing, RawSeed, Registry

if TYPE_CHECKING:
    from generator.entities.recognise import Recogniser

T = TypeVar("T")
SeedKey = tuple[str, bytes]  # a seed's name and a digest of its bytes
# A briefing's seed digest, slug, topics, date added and old slugs: all its content depends on, the cache being valid
# (the topics depend on the corpus too: entities/focus.refocus).
Token = tuple[str, str, tuple[str, ...], str, tuple[str, ...]]
Related = dict[str, tuple[Briefing, ...]]
PlaceKey = tuple[str, str, str, tuple[str, ...]]  # a briefing's seed digest, slug, date added and old slugs


@dataclass
class BuildCache:
    """What one build can hand the next in the same process: briefings by seed name and content, rendered pages,
    related lists; valid while the registry, the build date and the generator's code are the same."""

    context: tuple[object, ...] = ()
    briefings: dict[SeedKey, Briefing] = field(default_factory=dict)
    stats: dict[str, tuple[tuple[int, int], SeedKey]] = field(default_factory=dict)  # by name: (size, mtime), key
    registry: tuple[Registry, list[RegistryError]] | None = None
    recogniser: Recogniser | None = None
    renamed: dict[PlaceKey, Briefing] = field(default_factory=dict)  # placed briefings, by digest and place
    versions: dict[tuple[str, str], str | None] = field(default_factory=dict)  # slugs of earlier versions
    related: tuple[tuple[object, ...], dict[str, tuple[str, ...]]] | None = None  # link signature, related slugs
    pages: dict[object, Any] = field(default_factory=dict)  # rendered pages by what they depend on
    listings: dict[Token, bytes] = field(default_factory=dict)  # listing digests

    def validate(self, *context: object) -> None:
        """Forget everything if anything the briefings depend on besides their seed has changed."""
        if context != self.context:
            self.context = context
            self.briefings.clear()
            self.stats.clear()
            self.registry = self.recogniser = self.related = None
            self.renamed.clear()
            self.versions.clear()
            self.pages.clear()
            self.listings.clear()

    def lookup(self, seeds_dir: Path, paths: list[Path]) -> tuple[
            list[Briefing | SeedError | None], list[SeedKey | None], dict[int, RawSeed]]:
        """For each seed: the cached briefing (or the error reading it; None when it must be processed), its key
        and, by index, the seeds this read. The bytes tell whether a seed changed; a file whose size and
        modification time are as at the last build is not read again."""
        results: list[Briefing | SeedError | None] = [None] * len(paths)
        keys: list[SeedKey | None] = [None] * len(paths)
        read: dict[int, RawSeed] = {}
        stats: dict[str, tuple[tuple[int, int], SeedKey]] = {}
        for index, path in enumerate(paths):
            name = path.relative_to(seeds_dir).as_posix()
            try:
                status = path.stat()
            except OSError:
                continue  # read_seed reports it
            stamp = (status.st_size, status.st_mtime_ns)
            known = self.stats.get(name)
            if known is not None and known[0] == stamp:
                key = known[1]
            else:
                item = next(read_seeds(seeds_dir, [path]))
                if isinstance(item, SeedError):
                    results[index] = item
                    continue
                key = (item.name, hashlib.blake2b(item.data, digest_size=16).digest())
                read[index] = item
            keys[index] = key
            stats[name] = (stamp, key)
            results[index] = self.briefings.get(key)
            if results[index] is not None:
                read.pop(index, None)
        self.stats = stats
        return results, keys, read

    def keep(self, keys: list[SeedKey | None], results: list[Briefing | SeedError | None]) -> None:
        """Remember this build's briefings; seeds deleted or edited since the last build are forgotten."""
        self.briefings = {key: r for key, r in zip(keys, results, strict=True)
                          if key is not None and isinstance(r, Briefing)}

    def related_lists(self, ordered: tuple[Briefing, ...], find: Callable[[], Related]) -> Related:
        """The related lists of `ordered` (the corpus, newest first): the last build's when no briefing changed
        what they depend on, else find()."""
        signature = link_signature(ordered)
        if self.related is not None and self.related[0] == signature:
            by_slug = {b.slug: b for b in ordered}
            return {slug: tuple(by_slug[s] for s in slugs) for slug, slugs in self.related[1].items()}
        related = find()
        self.related = (signature, {slug: tuple(b.slug for b in rel) for slug, rel in related.items()})
        return related


Place = tuple[str, str, tuple[str, ...]]  # a briefing's slug, date added and the old slugs that redirect to it


def with_places(briefings: list[Briefing], places: list[Place], cache: BuildCache | None) -> list[Briefing]:
    """The briefings at their places (permalinks.assign). With a cache, a briefing is placed once, not on every
    build: the same object as last time while its seed and its place are unchanged."""
    placed: dict[PlaceKey, Briefing] = {}
    out = []
    for briefing, (slug, added, aliases) in zip(briefings, places, strict=True):
        if (briefing.slug, briefing.added, briefing.aliases) != (slug, added, aliases):
            key = (briefing.digest, slug, added, aliases)
            hit = cache.renamed.get(key) if cache is not None else None
            placed[key] = briefing = hit if hit is not None else replace(briefing, slug=slug, added=added,
                                                                         aliases=aliases)
        out.append(briefing)
    if cache is not None:
        cache.renamed = placed
    return out


def link_signature(briefings: tuple[Briefing, ...]) -> tuple[object, ...]:
    """What related lists and their rendering depend on: each briefing's slug, dates, title, source, companies,
    institutions and topics, in corpus order. Editing a briefing's text leaves it unchanged."""
    return tuple((b.slug, b.meta.date, b.added, b.meta.title, b.meta.source, b.companies, b.institutions, b.topics)
                 for b in briefings)


def token(briefing: Briefing) -> Token:
    """What a briefing's content depends on, as a short key: the seed's digest, the slug, the topics, the date added
    and the old slugs."""
    return (briefing.digest, briefing.slug, briefing.topics, briefing.added, briefing.aliases)


def listing_digest(briefing: Briefing) -> bytes:
    """A digest of what listing pages show or count of a briefing (everything but the article itself): a key that
    a correction to the text leaves unchanged."""
    meta = briefing.meta
    fields = (briefing.slug, meta.title, meta.date, briefing.added, meta.source, briefing.summary, briefing.companies,
              briefing.institutions, briefing.subjects, briefing.topics, [astuple(f) for f in briefing.figures])
    return hashlib.blake2b(json.dumps(fields, ensure_ascii=False).encode(), digest_size=16).digest()


class PageMemo:
    """Pages rendered by an earlier build in the same process, by a key naming everything they depend on (with
    the registry, the build date and the generator's code, which the cache is only valid for). Without a cache,
    every page is rendered and no key is worked out."""

    def __init__(self, cache: BuildCache | None) -> None:
        """Read from `cache`; done() keeps only the entries this build used."""
        self.cache = cache
        self.used: dict[object, Any] = {}
        self.listings: dict[Token, bytes] = {}

    def briefing(self, briefing: Briefing, related: tuple[Briefing, ...], render: Callable[..., T],
                 *args: object) -> T:
        """A briefing's page. Its related list shows each one's title, date and source: a correction to their
        text changes nothing."""
        if self.cache is None:
            return render(*args)
        shown = tuple((r.slug, r.meta.title, r.meta.date, r.added, r.meta.source) for r in related)
        return self._get(("briefing", token(briefing), shown), render, *args)

    def listing(self, what: tuple[object, ...], briefings: tuple[Briefing, ...], render: Callable[..., T],
                *args: object) -> T:
        """A page (or pages) listing `briefings`, by what it shows of them: a correction to an article's text
        renders its own page again, not every page that lists it."""
        if self.cache is None:
            return render(*args)
        return self._get((*what, tuple(self._listing(b) for b in briefings)), render, *args)

    def record(self, briefing: Briefing, url: str, render: Callable[[Briefing, str], T]) -> T:
        """A briefing's record in the JSON export."""
        if self.cache is None:
            return render(briefing, url)
        return self._get(("json", token(briefing), url), render, briefing, url)

    def done(self) -> None:
        """Forget pages and digests nothing in this build asked for."""
        if self.cache is not None:
            self.cache.pages = self.used
            self.cache.listings = self.listings

    def _listing(self, briefing: Briefing) -> bytes:
        key = token(briefing)
        digest = self.listings.get(key)
        if digest is None:
            assert self.cache is not None
            digest = self.cache.listings.get(key) or listing_digest(briefing)
            self.listings[key] = digest
        return digest

    def _get(self, key: object, render: Callable[..., T], *args: object) -> T:
        assert self.cache is not None
        text = self.cache.pages.get(key)
        if text is None:
            text = render(*args)
        self.used[key] = text
        return text


def registry_fingerprint(data_dir: Path | None) -> bytes:
    """A digest of the registry files' bytes (empty when there is no registry)."""
    digest = hashlib.blake2b(digest_size=16)
    for name in ("companies.yml", "topics.yml", "sources.yml"):
        path = data_dir / name if data_dir else None
        if path is not None:
            try:
                digest.update(name.encode() + b"\0" + read_registry_file(path).encode() + b"\0")
            except FileProblem as exc:  # load_registry reports it
                digest.update(exc.reason.encode())
    return digest.digest()


CodeFingerprint = tuple[tuple[str, int, int], ...]


def code_fingerprint(package: Path) -> CodeFingerprint:
    """Names, sizes and modification times of the generator's code and templates under `package`."""
    files = sorted(p for p in package.rglob("*") if p.suffix in (".py", ".j2") and p.is_file())
    return tuple((p.as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in files)


def forget_code_if_edited(package: Path, last: CodeFingerprint) -> tuple[CodeFingerprint, bool]:
    """The code's fingerprint now, and whether it differs from `last`. When it does, the generator's modules are
    dropped from sys.modules, so the next import reads the edited code (`mkdocs serve` imports the hook once)."""
    code = code_fingerprint(package)
    if code == last:
        return code, False
    for name in [name for name in sys.modules if name == "generator" or name.startswith("generator.")]:
        del sys.modules[name]
    importlib.invalidate_caches()
    return code, True

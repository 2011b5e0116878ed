"""The pipeline: one seed into a briefing (make_briefing), and build_site(), the short driver that runs the stages
in order."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from generator import frontmatter
from generator.clean import clean, span, to_doc
from generator.decode import decode_checked
from generator.editor import editor_blocks
from generator.entities.focus import choose_topics, ranked
from generator.entities.link import first_mentions, link_corpus
from generator.entities.recognise import Recogniser
from generator.errors import SeedError
from generator.extract.author import byline_author
from generator.extract.date import publication_date
from generator.extract.figures import key_figures
from generator.extract.origin import outlet_for, page_address
from generator.extract.publication import publication
from generator.extract.summary import summarise
from generator.extract.title import from_lede, headline, without_source_prefix
from generator.history import History, HistoryError, blob_id, read_blobs, read_history, stem
from generator.lexicon.addresses import article_url
from generator.lexicon.dates import plausible
from generator.lexicon.markdown import plain
from generator.limits import check_editor_body, check_fields, check_scraped_article
from generator.load import list_seeds, load_registry_or_empty, read_seed, read_seeds
from generator.model import Block, BlockKind, Briefing, BuildResult, FrontMatter, Meta, Pages, RawSeed, Registry
from generator.paths import PageClash, clashes, seed_slug, slugify
from generator.permalinks import Claim, aliases_of, assign
from generator.render import render_site
from generator.runtime.incremental import BuildCache, SeedKey, registry_fingerprint, with_places
from generator.runtime.pool import fewer_collections, in_workers, worth_workers
from generator.structure import structure

MARKDOWN_SUFFIXES = (".md", ".markdown")
SHALLOW = ("the git history is shallow, so every seed would seem added by its oldest commit and old addresses "
           "would be lost: fetch the whole history (git fetch --unshallow; actions/checkout: fetch-depth: 0)")


def build_date() -> dt.date:
    """Today, or the date SOURCE_DATE_EPOCH pins for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def _iso(value: object, today: dt.date) -> str | None:
    """An editor's date (YAML date or string) as an ISO string, or None when missing or implausible."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        iso = value.isoformat()
    elif isinstance(value, str):
        try:
            iso = dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return None
    else:
        return None
    return iso if plausible(iso, today) else None


def _paragraphs(blocks: list[Block]) -> list[str]:
    """The plain text of each paragraph."""
    return [block.plain for block in blocks if block.kind is BlockKind.PARAGRAPH]


def _scraped(seed: RawSeed, text: str, today: dt.date) -> tuple[Meta, list[Block], FrontMatter]:
    doc = clean(to_doc(seed.name, text))
    # Before the span: a page that holds a hostile line is refused, never rescued by leaving the line out.
    check_scraped_article(seed.name, [(line.text, line.number) for line in doc.lines if line.is_content])
    doc = span.apply(doc)
    blocks = structure(doc)
    title = headline(doc) or from_lede(_paragraphs(blocks))
    source = publication(doc)
    meta = Meta(
        title=without_source_prefix(title, source) if title else "",
        date=publication_date(doc, today),
        source=source,
        author=byline_author(doc),
        url=page_address(doc),
    )
    return meta, blocks, FrontMatter()


def _editor(seed: RawSeed, text: str, today: dt.date) -> tuple[Meta, list[Block], FrontMatter]:
    front, body = frontmatter.split(seed.name, text)
    data = front.data
    check_editor_body(seed.name, body, front.body_line)
    given = data.get("title")
    title, blocks = editor_blocks(seed.name, body, given.strip() if isinstance(given, str) and given.strip() else None)
    if not title:
        title = from_lede(_paragraphs(blocks))
    meta = Meta(
        title=title or "",
        date=_iso(data.get("date"), today),
        source=_string(data, "source"),
        author=_string(data, "author"),
        url=article_url(_string(data, "url")),
    )
    return meta, blocks, front


def _string(data: dict[str, object], key: str) -> str | None:
    """An editor's front-matter value when it is a string."""
    value = data.get(key)
    return value if isinstance(value, str) else None


def make_briefing(seed: RawSeed, today: dt.date, recogniser: Recogniser) -> Briefing:
    """One seed through decode, clean, structure and extract; raises SeedError when no article is left."""
    text, doubt = decode_checked(seed)
    is_markdown = seed.name.lower().endswith(MARKDOWN_SUFFIXES)
    meta, blocks, front = (_editor if is_markdown else _scraped)(seed, text, today)
    meta = replace(meta, source=recogniser.source_name(meta.source, printed=not is_markdown))
    if meta.source is None and meta.url:  # the outlet whose site the article is on
        outlet = outlet_for(meta.url, recogniser.registry.sources.values())
        meta = replace(meta, source=outlet.name if outlet else None)
    data = front.data
    paragraphs = _paragraphs(blocks)
    if not blocks or sum(len(p) for p in paragraphs) < 40:
        raise SeedError(seed.name, "no article text found after removing site chrome")
    if not meta.title:
        raise SeedError(seed.name, "no headline found")
    summary = (_string(data, "summary") or summarise(paragraphs)).strip()
    check_fields(seed.name, {"title": meta.title, "source": meta.source, "author": meta.author,
                             "summary": summary, "url": meta.url})
    words = sum(len(block.plain.split()) for block in blocks)
    units = paragraphs_and_items(blocks)
    found = recogniser.organisations(meta.title, units)
    evidence = recogniser.topic_evidence(meta.title, units, found.companies + found.institutions)
    companies = _given(data, "companies", found.companies)
    institutions = _given(data, "institutions", found.institutions)
    named = tuple(s for s in (*companies, *institutions) if s in recogniser.registry.companies)
    subjects = tuple(s for s in _given(data, "subjects", found.subjects) if s in (*companies, *institutions))
    return Briefing(
        seed=Path(seed.name).name,
        slug=seed_slug(meta.title, seed.name),
        meta=meta,
        blocks=tuple(blocks),
        summary=summary,
        kind="editor" if is_markdown else "scraped",
        word_count=words,
        companies=companies,
        topics=_given(data, "topics", choose_topics(ranked(evidence), recogniser.registry)),
        institutions=institutions,
        subjects=subjects,
        topic_evidence=ranked(evidence),
        language=str(data.get("language") or "en"),
        # A figure is listed on its company's page, which lists the briefings tagged with that company.
        figures=tuple(f for f in key_figures(units, recogniser.company_mentions) if f.company in companies),
        path=seed.name,
        seed_text=text.encode("utf-8"),
        digest=seed_digest(seed),
        mentions=first_mentions(tuple(blocks), named, recogniser),
        warnings=(doubt,) if doubt else (),
        front_matter=front,
        blob=blob_id(seed.data),
    )


def seed_digest(seed: RawSeed) -> str:
    """A digest of the seed's path and bytes."""
    return hashlib.blake2b(seed.name.encode() + b"\0" + seed.data, digest_size=16).hexdigest()


def given_slugs(data: dict[str, object], key: str) -> tuple[str, ...] | None:
    """An editor's list from front matter as slugs, or None when the key holds no list."""
    value = data.get(key)
    if not isinstance(value, list):
        return None
    return tuple(dict.fromkeys(slugify(str(item)) for item in value if slugify(str(item))))


def _given(data: dict[str, object], key: str, inferred: tuple[str, ...]) -> tuple[str, ...]:
    """An editor's list from front matter (as slugs) when present, else what recognition found."""
    given = given_slugs(data, key)
    return inferred if given is None else given


_ITEM_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+|^\||\|$")
_RULE_ROW = re.compile(r"[-|: ]+")


def paragraphs_and_items(blocks: list[Block]) -> list[str]:
    """The running text of the body as plain text, in order: each paragraph, quote, list item and table row."""
    units: list[str] = []
    for block in blocks:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE):
            units.append(block.plain)
        elif block.kind in (BlockKind.LIST, BlockKind.TABLE):
            for line in block.text.splitlines():
                text = plain(_ITEM_MARK.sub("", line).replace(" | ", "; "))
                if text and not _RULE_ROW.fullmatch(text):
                    units.append(text)
    return units


Progress = Callable[[int, int], None]  # called with (seeds done, seeds in all) after each seed


def process_seed(seed: RawSeed, today: dt.date, recogniser: Recogniser) -> Briefing | SeedError:
    """make_briefing, with any failure turned into the seed's error: a bug must cost one seed, never the build."""
    try:
        return make_briefing(seed, today, recogniser)
    except SeedError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - reported as one line, never a traceback
        return SeedError(seed.name, f"could not be processed ({type(exc).__name__}: {exc})")


def _start_worker(registry: Registry, today: dt.date) -> tuple[Recogniser, dt.date]:
    return Recogniser(registry), today


def _work(state: tuple[Recogniser, dt.date], item: tuple[str, str]) -> Briefing | SeedError:
    """One seed in a worker process: read it (I/O stays with the worker) and run the per-seed stages."""
    recogniser, today = state
    folder, path = item
    try:
        seed = read_seed(Path(folder), Path(path))
    except SeedError as exc:
        return exc
    return process_seed(seed, today, recogniser)


def gather(
    seeds_dir: Path, today: dt.date, recogniser: Recogniser, cache: BuildCache | None = None,
    progress: Progress | None = None, jobs: int = 1,
) -> tuple[list[Briefing], list[SeedError]]:
    """Every seed in name order through the per-seed stages, in `jobs` processes when there are many; errors are
    collected, not raised. With a cache, a seed whose bytes are unchanged since the last build is not processed
    again. The result is the same whatever `jobs` is."""
    listed = list_seeds(seeds_dir)
    paths = [item for item in listed if isinstance(item, Path)]
    if cache is None:
        results: list[Briefing | SeedError | None] = [None] * len(paths)
        keys: list[SeedKey | None] = [None] * len(paths)
        read: dict[int, RawSeed] = {}
    else:
        results, keys, read = cache.lookup(seeds_dir, paths)
    todo = [index for index, result in enumerate(results) if result is None]
    done = len(paths) - len(todo)
    made: Iterator[Briefing | SeedError]
    if worth_workers(len(todo), jobs):
        read.clear()  # workers read their own seeds
        made = in_workers(_work, [(str(seeds_dir), str(paths[i])) for i in todo], jobs, _start_worker,
                          recogniser.registry, today)
    else:
        seeds = (read.pop(i) if i in read else next(read_seeds(seeds_dir, [paths[i]])) for i in todo)
        made = (item if isinstance(item, SeedError) else process_seed(item, today, recogniser) for item in seeds)
    for index, result in zip(todo, made, strict=True):
        if progress is not None:
            progress(done, len(paths))
        results[index] = result
        done += 1
    if progress is not None:
        progress(len(paths), len(paths))
    briefings = [r for r in results if isinstance(r, Briefing)]
    errors = [r for r in results if isinstance(r, SeedError)]
    refused = [item for item in listed if isinstance(item, SeedError)]  # links, pipes, unsafe names, folders
    if refused:
        errors = sorted([*refused, *errors], key=lambda error: error.seed)  # both in name order: merged
    if cache is not None:
        cache.keep(keys, results)
    return briefings, errors


LATER = sys.maxsize  # the place in the history of what no commit has made yet


def title_slug(seed: RawSeed, today: dt.date) -> str | None:
    """The slug a version of a seed gives its briefing (its title's), or None when it gives no title."""
    try:
        text, _ = decode_checked(seed)
        read = _editor if seed.name.lower().endswith(MARKDOWN_SUFFIXES) else _scraped
        title = read(seed, text, today)[0].title
    except Exception:  # noqa: BLE001 - a version that makes no briefing had no address
        return None
    return seed_slug(title, seed.name) if title else None


def _title_slug_in_worker(today: dt.date, seed: RawSeed) -> str | None:
    return title_slug(seed, today)


def _today(today: dt.date) -> dt.date:
    return today


def _earlier_slugs(briefings: list[Briefing], history: History, today: dt.date, cache: BuildCache | None,
                   jobs: int) -> dict[tuple[str, str], str | None]:
    """The slug each earlier version of a seed gave (by object id and path); only seeds edited since they were
    added have any, in `jobs` processes when there are many, and a cache keeps them between builds."""
    known = cache.versions if cache is not None else {}
    wanted = {(v.blob, v.path) for b in briefings for v in history.versions.get(b.path, ()) if v.blob != b.blob}
    blobs = read_blobs(history.folder, {blob for blob, path in wanted if (blob, path) not in known})
    todo = sorted(key for key in wanted if key not in known and key[0] in blobs)
    seeds = [RawSeed(path, blobs[blob]) for blob, path in todo]
    made = (in_workers(_title_slug_in_worker, seeds, jobs, _today, today) if worth_workers(len(seeds), jobs)
            else (title_slug(seed, today) for seed in seeds))
    slugs = {key: known[key] for key in wanted if key in known}
    slugs.update(zip(todo, made, strict=True))
    if cache is not None:
        cache.versions = slugs
    return slugs


def settle(briefings: list[Briefing], history: History | None, today: dt.date, cache: BuildCache | None = None,
           jobs: int = 1) -> list[Briefing]:
    """Each briefing with its date added (the first commit of its seed, else the build date), the slug that is its
    for good and the slugs it had before, which redirect to it (permalinks.py)."""
    versions = history.versions if history is not None else {}
    earlier = _earlier_slugs(briefings, history, today, cache, jobs) if history is not None else {}
    claims, added = [], []
    for briefing in briefings:
        seen = versions.get(briefing.path, ())
        since, before = LATER, dict[str, int]()
        for version in seen:
            slug = briefing.slug if version.blob == briefing.blob else earlier.get((version.blob, version.path))
            if slug == briefing.slug:
                since = min(since, version.order)
            elif slug is not None:
                before.setdefault(slug, version.order)
        aliases = briefing.front_matter.data.get("aliases")
        claims.append(Claim(seed=briefing.path, origin=stem(seen[0].path if seen else briefing.path),
                            slug=briefing.slug, since=since, earlier=tuple(before.items()),
                            aliases=aliases_of(aliases if isinstance(aliases, list) else [aliases]),
                            added=seen[0].order if seen else LATER))
        added.append(seen[0].date if seen else today.isoformat())
    places = [(slug, date, old) for (slug, old), date in zip(assign(claims), added, strict=True)]
    return with_places(briefings, places, cache)


def build_site(
    seeds_dir: Path,
    data_dir: Path | None = None,
    today: dt.date | None = None,
    base_url: str = "",
    cache: BuildCache | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    git: bool = False,
    directory_urls: bool = True,
) -> BuildResult:
    """Run the whole pipeline over a seeds folder and a registry folder: pages by relative path, briefings,
    and every seed or registry problem (a bad registry still builds the briefings, without entities). With `git`,
    the seeds' history gives each its date added and its earlier slugs (else every seed counts as added on the
    build date); `directory_urls` says how MkDocs will publish pages, for the redirect pages of old slugs."""
    with fewer_collections():
        return _build_site(seeds_dir, data_dir, today or build_date(), base_url, cache, progress, jobs, git,
                           directory_urls)


def _build_site(seeds_dir: Path, data_dir: Path | None, today: dt.date, base_url: str, cache: BuildCache | None,
                progress: Progress | None, jobs: int, git: bool, directory_urls: bool) -> BuildResult:
    if cache is None:
        registry, registry_errors = load_registry_or_empty(data_dir)
        recogniser = Recogniser(registry)
    else:
        cache.validate(registry_fingerprint(data_dir), today)
        if cache.registry is None or cache.recogniser is None:
            cache.registry = load_registry_or_empty(data_dir)
            cache.recogniser = Recogniser(cache.registry[0])
        (registry, registry_errors), recogniser = cache.registry, cache.recogniser
    briefings, errors = gather(seeds_dir, today, recogniser, cache, progress, jobs)
    history = read_history(seeds_dir) if git else None
    shallow = [HistoryError(seeds_dir, SHALLOW)] if history is not None and history.shallow else []
    corpus = link_corpus(registry, settle(briefings, history, today, cache, jobs), cache)
    pages = render_site(corpus, base_url, cache, directory_urls)
    return BuildResult(
        pages=pages,
        briefings=corpus.briefings,
        errors=(*registry_errors, *shallow, *errors, *refuse_clashes(pages)),
        registry=registry,
    )


def refuse_clashes(pages: Pages) -> list[PageClash]:
    """Leave out every page that MkDocs would publish where another one is, with or without directory URLs, each
    with an error. Slugs never take the names the site uses (paths.RESERVED_SLUGS); this catches a page kind that
    would, before MkDocs silently writes one page over the other."""
    errors = []
    for target, kept, other in clashes(list(pages)):
        del pages[other]
        errors.append(PageClash(other, kept, target))
    return errors

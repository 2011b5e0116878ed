"""Seed problems: each seed through the pipeline (in the runtime's worker pool when there are many), what a reviewer
should look at in what it made, the same story twice, and registry names that tag most briefings."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator import frontmatter
from generator.check.report import Problem
from generator.check.targets import SeedFile
from generator.clean import clean, to_doc
from generator.clean.rules.headline import headline_shaped
from generator.entities.recognise import Recogniser, exact_case_name
from generator.errors import SeedError
from generator.extract.origin import address_problems
from generator.lexicon.addresses import url_problem
from generator.lexicon.markdown import plain
from generator.lexicon.text import HAN, is_person_name, is_upper
from generator.lexicon.text import words as line_words
from generator.load import read_seed
from generator.model import Briefing, Kind, Registry
from generator.permalinks import alias_slug
from generator.pipeline import given_slugs, paragraphs_and_items, process_seed
from generator.runtime.pool import in_workers, worth_workers
from generator.similar import SimilarityIndex

_ERROR_PAGE = re.compile(
    r"\b(?:40[034]|50[0-3])\b|page not found|not found|access denied|forbidden|just a moment|attention required|"
    r"enable javascript|javascript is disabled|are you a robot|captcha|unusual traffic|service unavailable",
    re.I,
)
_CUT_SHORT = re.compile(r"(?:\.\.\.|…)\s*$")


@dataclass(frozen=True)
class _Outcome:
    """A seed through the pipeline: the briefing, or why it was rejected and on which line."""

    briefing: Briefing | None
    reason: str = ""
    line: int | None = None


def _start(registry: Registry, today: dt.date) -> tuple[Recogniser, Recogniser, dt.date]:
    """What every seed is run with: a recogniser with the registry, one without (for texts compared only)."""
    return Recogniser(registry), Recogniser(Registry({}, {})), today


def _run_one(state: tuple[Recogniser, Recogniser, dt.date], item: tuple[str, str, bool]) -> _Outcome:
    path, folder, full = item
    recogniser, bare, today = state
    try:
        seed = read_seed(Path(folder), Path(path))
    except SeedError as exc:
        return _Outcome(None, exc.reason, exc.line)
    made = process_seed(seed, today, recogniser if full else bare)  # as in the build: a bug costs one seed
    return _Outcome(made) if isinstance(made, Briefing) else _Outcome(None, made.reason, made.line)


def run_pipeline(items: list[tuple[SeedFile, bool]], registry: Registry, today: dt.date, jobs: int) -> list[_Outcome]:
    """Each seed through the pipeline (with recognition when its flag is set), in worker processes when there
    are many."""
    work = [(str(s.path), str(s.folder), full) for s, full in items if not s.refused]
    if worth_workers(len(work), jobs):
        done = list(in_workers(_run_one, work, jobs, _start, registry, today))
    else:
        state = _start(registry, today)
        done = [_run_one(state, item) for item in work]
    made = iter(done)
    return [_Outcome(None, s.refused) if s.refused else next(made) for s, _ in items]


def body_text(briefing: Briefing) -> str:
    """The cleaned article as plain text: what two scrapes of one story share."""
    return "\n".join(plain(block.text) for block in briefing.blocks)


def _line_of(text: str, needle: str) -> int:
    """The first line of `text` that holds `needle` (or its first 40 characters); 1 when none does."""
    probe = " ".join(needle.split())[:40]
    if probe:
        for number, line in enumerate(text.split("\n"), start=1):
            if probe in " ".join(line.split()):
                return number
    return 1


def chrome_title(title: str, source: str | None) -> str | None:
    """Why `title` looks like site chrome rather than a headline, or None when it looks like a headline."""
    line = clean(to_doc("title", title)).lines
    if line and line[0].kind not in (Kind.CONTENT, Kind.TITLE):
        return "the cleaner marks such a line as page furniture"
    if _ERROR_PAGE.search(title):
        return "it reads like an error or bot-check page"
    if source and title.casefold().strip() == source.casefold().strip():
        return "it is the publication's name"
    if is_person_name(title, allow_caps=True):
        return "it is a person's name"
    if is_upper(title) and len(line_words(title)) <= 6:
        return "it is in capitals, like a masthead"
    if not HAN.search(title) and len(line_words(title)) < 3:
        return "it is too short for a headline"
    if _CUT_SHORT.search(title):
        return "it is cut short"
    if not headline_shaped(title):
        return "it is not shaped like a headline"
    return None


def _shown(value: str) -> str:
    """A value in a message: quoted, escaped, cut to 80 characters."""
    return repr(value if len(value) <= 80 else value[:77] + "...")


def seed_problems(seed: SeedFile, briefing: Briefing, registry: Registry | None, registry_label: str) -> list[Problem]:
    """Warnings (and front-matter errors) for a seed the pipeline accepted."""
    out: list[Problem] = []

    def add(line: int, severity: str, message: str) -> None:
        out.append(Problem(seed.label, line, severity, message))

    for warning in briefing.warnings:
        add(1, "warning", warning)
    data, key_line = briefing.front_matter.data, briefing.front_matter.lines
    for key in data:
        if key not in frontmatter.EDITOR_KEYS:
            hint = difflib.get_close_matches(key, list(frontmatter.EDITOR_KEYS), n=1)
            extra = f" (did you mean '{hint[0]}'?)" if hint else ""
            add(key_line.get(key, 1), "warning", f"front matter key '{key}' is not used by the generator{extra}")

    if briefing.meta.date is None:
        if "date" in data and data["date"] is not None:
            add(key_line.get("date", 1), "warning",
                f"front matter 'date' {str(data['date'])!r} is not a plausible YYYY-MM-DD date: the briefing will be "
                "undated")
        elif "date" not in data:
            add(1, "warning", "no publication date found: the briefing will be undated")

    given_url = data.get("url")
    if isinstance(given_url, str) and given_url.strip() and briefing.meta.url is None:
        add(key_line.get("url", 1), "warning", f"front matter 'url' {_shown(given_url)} "
            f"{url_problem(given_url) or 'is not the address of an article'}: no link to the original article is made")
    elif briefing.kind == "scraped" and briefing.meta.url is None:
        for number, address, problem in address_problems(enumerate(briefing.original.split("\n"), start=1))[:3]:
            add(number, "warning", f"the address {_shown(address)} {problem}: no link to the original article is made")
    aliases = data.get("aliases")
    for value in aliases if isinstance(aliases, list) else [aliases] if aliases is not None else []:
        if alias_slug(value) is None:
            add(key_line.get("aliases", 1), "warning",
                f"front matter 'aliases': {_shown(str(value))} names no old address of a briefing (write its slug or "
                "address, such as briefings/old-title/): no redirect is made")

    if "title" not in data:
        why = chrome_title(briefing.meta.title, briefing.meta.source)
        if why:
            add(_line_of(briefing.original, briefing.meta.title), "warning",
                f"title \"{briefing.meta.title}\" looks like site chrome, not a headline: {why}")

    if registry is not None:
        known: dict[str, Mapping[str, object]] = {"companies": registry.companies, "institutions": registry.companies,
                                                  "subjects": registry.companies, "topics": registry.topics}
        for key, entries in known.items():
            if key not in data:
                continue
            what = "topic" if key == "topics" else "organisation"
            file = registry_label.replace("companies.yml", "topics.yml") if key == "topics" else registry_label
            for slug in getattr(briefing, key) if key != "subjects" else given_slugs(data, key) or ():
                if slug not in entries:
                    hint = difflib.get_close_matches(slug, list(entries), n=1)
                    extra = f" (did you mean '{hint[0]}'?)" if hint else ""
                    add(key_line.get(key, 1), "error", f"front matter '{key}': no {what} '{slug}' in {file}{extra}")
        named = {*briefing.companies, *briefing.institutions}
        for slug in given_slugs(data, "subjects") or ():
            if slug in registry.companies and slug not in named:
                add(key_line.get("subjects", 1), "warning", f"front matter 'subjects': '{slug}' is not one of the "
                    "briefing's companies or institutions, so it is not shown as a subject")
        if not briefing.companies and "companies" not in data and registry.companies:
            also = f" (institutions: {', '.join(briefing.institutions)})" if briefing.institutions else ""
            add(1, "warning", f"no company recognised{also}: the briefing will be on no company page")
    return out


COMMON_SHARE = 0.5  # a name or alias named in more than this share of the briefings is reported...
COMMON_FROM = 20  # ...when there are at least this many


def recognised_text(briefing: Briefing) -> str:
    """The text recognition reads: the title, each paragraph, list item and table row."""
    return "\n".join([briefing.meta.title, *paragraphs_and_items(list(briefing.blocks))])


def raw_pages(seeds: list[SeedFile]) -> Iterator[tuple[SeedFile, str]]:
    """Each readable seed with its raw page. Only words count where these are used (names, shingles): plain UTF-8
    decoding is enough, and far cheaper than the pipeline's repairs."""
    for seed in seeds:
        try:
            yield seed, read_seed(seed.folder, seed.path).data.decode("utf-8", errors="replace")
        except SeedError:
            continue


def common_aliases(registry: Registry, texts: Iterable[str], label: str) -> list[Problem]:
    """A warning for each company name or alias named in more than COMMON_SHARE of `texts` (at least COMMON_FROM):
    an ordinary word or a place name that tags most briefings with the company. Names that match only as written
    in capitals (acronyms such as BYD or BAIC, "NIO") are left out: a wiki about a company names it that often."""
    recogniser = Recogniser(registry)
    names: dict[tuple[str, str], str] = {}  # (slug, name folded to letters and digits) -> the name
    for company in registry.companies.values():
        for name in company.names:
            if not (exact_case_name(name) and not name.islower()):
                names[(company.slug, _fold(name))] = name
    hits: Counter[tuple[str, str]] = Counter()
    total = 0
    for text in texts:
        total += 1
        hits.update({key for mention in recogniser.mentions(text)
                     if (key := _name_of(mention.slug, mention.text, names)) is not None})
    problems: list[Problem] = []
    if total < COMMON_FROM:
        return problems
    for (slug, name), count in sorted(hits.items()):
        if count / total > COMMON_SHARE:
            company = registry.companies[slug]
            what = "name" if name == company.name else "alias"
            problems.append(Problem(label, company.line, "warning", (
                f"{what} '{name}' of '{slug}' is named in {count / total:.0%} of the briefings ({count} of {total}): "
                "an ordinary word or a place name tags them all with the company")))
    return problems


def _fold(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _name_of(slug: str, matched: str, names: dict[tuple[str, str], str]) -> tuple[str, str] | None:
    """The (slug, name) of the registry name that matched `matched` ("BAIC's" is BAIC), None for names left out."""
    folded = _fold(matched)
    for end in (len(folded), len(folded) - 1):  # as written, or without a possessive s
        name = names.get((slug, folded[:end]))
        if name is not None:
            return slug, name
    return None


def near_raw(seeds: list[SeedFile], texts: list[str]) -> list[SeedFile]:
    """The seeds whose raw page may hold one of `texts` (cleaned articles) nearly whole."""
    if not seeds or not texts:
        return []
    raw = SimilarityIndex(keep_text=False)
    for seed, page in raw_pages(seeds):
        raw.add(seed.key, page)
    wanted = {key for text in texts for key in raw.likely_within(text)}
    return [s for s in seeds if s.key in wanted]


def duplicates(seed: SeedFile, index: SimilarityIndex, labels: dict[str, str], checked: set[str]) -> list[Problem]:
    """A warning when the seed's text is (nearly) that of a seed not being checked, or of a checked one that sorts
    before it (of two checked copies, the later one is the duplicate)."""
    earlier = [m for m in index.matches(seed.key)
               if m.key not in checked or labels[m.key] < seed.label]
    if not earlier:
        return []
    best = earlier[0]
    more = f"; {len(earlier) - 1} more seed{'s' if len(earlier) > 2 else ''} alike" if len(earlier) > 1 else ""
    if best.identical:
        message = f"same text as {labels[best.key]}{more}: the same story twice?"
    else:
        alike = f"{best.similarity:.0%} alike{more}"
        message = f"nearly the same text as {labels[best.key]} ({alike}): the same story twice?"
    return [Problem(seed.label, 1, "warning", message)]

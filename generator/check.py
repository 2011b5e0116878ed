"""Check: validate seeds and the registry without building the site (for editors and pull requests).

    python -m generator check [PATH ...] [--changed-since REV] [--seeds DIR] [--data DIR] [--jobs N]

PATHs are seeds (files, or folders of seeds) and registry files (companies.yml, topics.yml); with none, every
seed under --seeds is checked. The registry under --data is always validated: every seed's companies and topics
depend on it. The check reads and never writes (except the report to $GITHUB_STEP_SUMMARY under Actions).

- Every problem at once, one line each on stderr: `path:line: error: message` or `path:line: warning: message`.
  Errors are what the build rejects or would silently get wrong (unreadable or empty seeds, invalid front
  matter, unknown company or topic slugs, registry mistakes); warnings are extraction a reviewer should look at
  (no date, no company, a title that looks like site chrome, the same story twice).
- Under GitHub Actions (GITHUB_ACTIONS=true) each problem is also printed to stdout as a workflow annotation
  (`::error file=...,line=...::...`), so it shows on the changed line of the pull request.
- A Markdown report of what each checked seed produced goes to $GITHUB_STEP_SUMMARY in CI, to stdout otherwise.

Exit status: 0 when no error was found (warnings allowed), 1 otherwise, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator import frontmatter, safeyaml
from generator.clean import clean, to_doc
from generator.clean.rules.headline import headline_shaped
from generator.entities.recognise import Recogniser, exact_case_name
from generator.entities.registry import parse_companies, parse_topics
from generator.errors import RegistryError, SeedError
from generator.lexicon.markdown import plain
from generator.lexicon.text import HAN, is_person_name, is_upper
from generator.lexicon.text import words as line_words
from generator.load import (
    SEED_SUFFIXES,
    SYMLINK,
    FileProblem,
    FolderError,
    is_junk,
    list_seeds,
    read_registry_file,
    read_seed,
)
from generator.model import Briefing, Kind, Registry
from generator.paths import shown
from generator.pipeline import build_date, paragraphs_and_items, process_seed
from generator.similar import SimilarityIndex

REGISTRY_FILES = ("companies.yml", "topics.yml")
SUMMARY_ROWS = 300  # the report lists at most this many seeds (GitHub caps a step summary at 1 MiB)
FIGURES_SHOWN = 3
PARALLEL_FROM = 256  # seeds; below this, worker processes cost more than they save

_ERROR_PAGE = re.compile(
    r"\b(?:40[034]|50[0-3])\b|page not found|not found|access denied|forbidden|just a moment|attention required|"
    r"enable javascript|javascript is disabled|are you a robot|captcha|unusual traffic|service unavailable",
    re.I,
)
_CUT_SHORT = re.compile(r"(?:\.\.\.|…)\s*$")


# ---------------------------------------------------------------------------------------------------------------
# Problems and reports


@dataclass(frozen=True)
class Problem:
    """One finding, tied to a file and a line."""

    path: str
    line: int
    severity: str  # "error" | "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"

    def annotation(self) -> str:
        """The GitHub Actions workflow command that shows this problem on the file's line."""
        return f"::{self.severity} file={_escape_property(self.path)},line={self.line}::{_escape_data(self.message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass(frozen=True)
class SeedReport:
    """What one checked seed produced, and what is wrong with it."""

    label: str
    briefing: Briefing | None  # None when the seed was rejected
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Report:
    """The result of a check: the seeds asked about and every problem found."""

    seeds: tuple[SeedReport, ...]
    other: tuple[Problem, ...] = ()  # registry files, and paths that are neither seeds nor registry files

    @property
    def problems(self) -> list[Problem]:
        """Every problem, by file and line (errors first on a line)."""
        found = [*self.other, *(p for seed in self.seeds for p in seed.problems)]
        return sorted(found, key=lambda p: (p.path, p.line, p.severity != "error"))

    def count(self, severity: str) -> int:
        return sum(1 for p in self.problems if p.severity == severity)

    @property
    def ok(self) -> bool:
        return self.count("error") == 0


def label_of(path: Path) -> str:
    """How problems name a file: relative to the working directory when inside it, else as given; escaped as every
    stream shows file names (paths.shown), so that no name can break a line or forge one."""
    # A symbolic link is named as itself, never as its target.
    resolved = path.resolve() if path.name in ("", "..") else path.parent.resolve() / path.name
    try:
        return shown(resolved.relative_to(Path.cwd().resolve()).as_posix())
    except (ValueError, OSError):
        return shown(path.as_posix())


# ---------------------------------------------------------------------------------------------------------------
# Registry


def registry_problems(path: Path, label: str | None = None) -> list[Problem]:
    """Every problem in one registry file (companies.yml or topics.yml); an absent file has none.

    The registry loader stops at the first problem. To report them all, the entry at fault is blanked out and the
    file parsed again, until it parses; errors about an entry that only point at a blanked-out one ("unknown
    parent 'x'" after x was blanked) are consequences, not problems of their own, and are left out.
    """
    label = label or label_of(path)
    parse: Callable[[str, str], object] = parse_topics if path.name == "topics.yml" else parse_companies
    try:
        text = read_registry_file(path)
    except FileProblem as exc:
        return [Problem(label, 1, "error", exc.reason)]
    try:
        parse(text, label)
        return []
    except RegistryError as exc:
        error = exc
    entries = _entry_spans(text)
    problems: list[Problem] = []
    blanked: set[int] = set()
    gone: set[str] = set()  # slugs of blanked-out entries
    for _ in range(len(entries) + 1):
        index = next((i for i, entry in enumerate(entries) if entry.line == error.line), None)
        if _target(error.message) not in gone:
            problems.append(Problem(error.path, error.line, "error", error.message))
        if index is None or index in blanked:
            break
        blanked.add(index)
        if entries[index].slug:
            gone.add(entries[index].slug)
        try:
            parse(_blank(text, [entries[i] for i in blanked]), label)
            break
        except RegistryError as exc:
            error = exc
    return sorted(problems, key=lambda p: p.line)


def _target(message: str) -> str:
    """The slug an "unknown parent/partner" error points at ("" for other errors)."""
    match = re.search(r"unknown (?:parent|partner) '([^']*)'", message)
    return match.group(1) if match else ""


@dataclass(frozen=True)
class _Span:
    line: int  # 1-based line the loader reports for the entry
    first: int  # 0-based first and last+1 line of the entry's text, its "-" included
    end: int
    slug: str


def _entry_spans(text: str) -> list[_Span]:
    """Where each top-level entry of a registry file is; [] when the file is not a YAML list."""
    try:
        node = safeyaml.compose(text)
    except yaml.YAMLError:
        return []
    if not isinstance(node, yaml.SequenceNode) or node.flow_style:
        return []
    lines = text.split("\n")
    starts = []
    for item in node.value:
        first = item.start_mark.line
        if "-" not in lines[first][: item.start_mark.column]:  # "-" alone on the line above the mapping
            while first > 0 and not lines[first].lstrip().startswith("-"):
                first -= 1
        slug = ""
        if isinstance(item, yaml.MappingNode):
            slug = next((str(v.value) for k, v in item.value if getattr(k, "value", None) == "slug"
                         and isinstance(v, yaml.ScalarNode)), "")
        starts.append((item.start_mark.line + 1, first, slug))
    spans = []
    for i, (line, first, slug) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(lines)
        spans.append(_Span(line, first, end, slug))
    return spans


def _blank(text: str, spans: Iterable[_Span]) -> str:
    """`text` with the lines of `spans` emptied (line numbers elsewhere unchanged)."""
    lines = text.split("\n")
    for span in spans:
        for i in range(span.first, span.end):
            lines[i] = ""
    return "\n".join(lines)


def load_registry_checked(data_dir: Path) -> tuple[Registry | None, list[Problem]]:
    """The registry under `data_dir` and its problems; None when it has any error."""
    problems = [p for name in REGISTRY_FILES for p in registry_problems(data_dir / name)]
    if problems:
        return None, problems
    companies = parse_companies(_read(data_dir / "companies.yml"), "companies.yml")
    topics = parse_topics(_read(data_dir / "topics.yml"), "topics.yml")
    return Registry(companies=companies, topics=topics), []


def _read(path: Path) -> str:
    return read_registry_file(path)  # registry_problems has read it once without a problem


# ---------------------------------------------------------------------------------------------------------------
# What to check


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
                message = "not a seed (.txt, .md, .markdown) or a registry file (companies.yml, topics.yml)"
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


# ---------------------------------------------------------------------------------------------------------------
# Seeds


@dataclass(frozen=True)
class _Outcome:
    """A seed through the pipeline, in a form that crosses process boundaries (SeedError does not pickle)."""

    briefing: Briefing | None
    reason: str = ""
    line: int | None = None


_worker: tuple[Recogniser, Recogniser, dt.date] | None = None


def _init_worker(registry: Registry, today: dt.date) -> None:
    global _worker
    _worker = (Recogniser(registry), Recogniser(Registry({}, {})), today)


def _run_one(item: tuple[str, str, bool]) -> _Outcome:
    path, folder, full = item
    assert _worker is not None
    recogniser, bare, today = _worker
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
    if jobs > 1 and len(work) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(registry, today)) as pool:
            done = list(pool.map(_run_one, work, chunksize=32))
    else:
        global _worker
        saved = _worker
        _init_worker(registry, today)
        try:
            done = [_run_one(item) for item in work]
        finally:
            _worker = saved
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

    if "title" not in data:
        why = chrome_title(briefing.meta.title, briefing.meta.source)
        if why:
            add(_line_of(briefing.original, briefing.meta.title), "warning",
                f"title \"{briefing.meta.title}\" looks like site chrome, not a headline: {why}")

    if registry is not None:
        known = {"companies": registry.companies, "institutions": registry.companies, "topics": registry.topics}
        for key, entries in known.items():
            if key not in data:
                continue
            what = "topic" if key == "topics" else "organisation"
            file = registry_label.replace("companies.yml", "topics.yml") if key == "topics" else registry_label
            for slug in getattr(briefing, key):
                if slug not in entries:
                    hint = difflib.get_close_matches(slug, list(entries), n=1)
                    extra = f" (did you mean '{hint[0]}'?)" if hint else ""
                    add(key_line.get(key, 1), "error", f"front matter '{key}': no {what} '{slug}' in {file}{extra}")
        if not briefing.companies and "companies" not in data and registry.companies:
            also = f" (institutions: {', '.join(briefing.institutions)})" if briefing.institutions else ""
            add(1, "warning", f"no company recognised{also}: the briefing will be on no company page")
    return out


def check(
    targets: Targets,
    seeds_dir: Path,
    data_dir: Path,
    today: dt.date | None = None,
    jobs: int = 1,
    everything: bool = False,
) -> Report:
    """Check the targets (every seed under `seeds_dir` when `everything`) against the registry under `data_dir`;
    duplicates are looked for among all the seeds under `seeds_dir` and the targets."""
    today = today or build_date()
    registry, problems = load_registry_checked(data_dir)
    for path in targets.registry:  # registry files elsewhere than --data (those are always checked)
        if path.parent.resolve() != data_dir.resolve():
            problems += registry_problems(path)
    registry_label = label_of(data_dir / "companies.yml")

    checked = list(targets.seeds)
    in_folder, unlisted = folder_seeds(seeds_dir)
    problems += [p for p in unlisted if p not in targets.problems]  # what the duplicate search could not read
    if everything:
        known = {s.key for s in checked}
        checked += [s for s in in_folder if s.key not in known]
    outcomes = run_pipeline([(s, True) for s in checked], registry or Registry({}, {}), today, jobs)

    # Duplicates among the checked seeds and the rest of the seeds folder. Cleaning every other seed would cost as
    # much as a build; instead their raw pages are indexed, and only those that hold much of a checked seed's
    # cleaned text are cleaned and compared.
    checked_keys = {s.key for s in checked}
    others = [s for s in in_folder if s.key not in checked_keys and not s.refused]
    texts = {s.key: body_text(o.briefing) for s, o in zip(checked, outcomes, strict=True) if o.briefing is not None}
    near = _near_raw(others, list(texts.values()))
    for seed, outcome in zip(near, run_pipeline([(s, False) for s in near], Registry({}, {}), today, jobs),
                             strict=True):
        if outcome.briefing is not None:
            texts[seed.key] = body_text(outcome.briefing)
    index = SimilarityIndex()
    for key, text in texts.items():
        index.add(key, text)
    labels = {s.key: s.label for s in [*checked, *near]}

    reports = []
    for seed, outcome in zip(checked, outcomes, strict=True):
        if outcome.briefing is None:
            found = [Problem(seed.label, outcome.line or 1, "error", outcome.reason)]
        else:
            found = seed_problems(seed, outcome.briefing, registry, registry_label)
            found += _duplicates(seed, index, labels, checked_keys)
        found.sort(key=lambda p: (p.line, p.severity != "error"))
        reports.append(SeedReport(seed.label, outcome.briefing, tuple(found)))
    reports.sort(key=lambda r: r.label)
    if registry is not None and (everything or any(p.parent.resolve() == data_dir.resolve()
                                                   for p in targets.registry)):
        # Over every seed: the briefings when all were checked, else (a changed registry) their raw pages.
        texts = ([recognised_text(o.briefing) for o in outcomes if o.briefing is not None] if everything
                 else (text for _, text in _raw_pages(in_folder)))
        problems += common_aliases(registry, texts, registry_label)
    return Report(tuple(reports), (*problems, *targets.problems))


COMMON_SHARE = 0.5  # a name or alias named in more than this share of the briefings is reported...
COMMON_FROM = 20  # ...when there are at least this many


def recognised_text(briefing: Briefing) -> str:
    """The text recognition reads: the title, each paragraph, list item and table row."""
    return "\n".join([briefing.meta.title, *paragraphs_and_items(list(briefing.blocks))])


def _raw_pages(seeds: list[SeedFile]) -> Iterator[tuple[SeedFile, str]]:
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
    problems = []
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


def _near_raw(seeds: list[SeedFile], texts: list[str]) -> list[SeedFile]:
    """The seeds whose raw page may hold one of `texts` (cleaned articles) nearly whole."""
    if not seeds or not texts:
        return []
    raw = SimilarityIndex(keep_text=False)
    for seed, page in _raw_pages(seeds):
        raw.add(seed.key, page)
    wanted = {key for text in texts for key in raw.likely_within(text)}
    return [s for s in seeds if s.key in wanted]


def _duplicates(seed: SeedFile, index: SimilarityIndex, labels: dict[str, str], checked: set[str]) -> list[Problem]:
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


# ---------------------------------------------------------------------------------------------------------------
# Output


_CELL_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def _cell(text: str) -> str:
    """Text for a table cell: on one line, shown literally (Markdown and HTML characters escaped), "—" if empty."""
    text = " ".join(text.split())
    return _CELL_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;") if text else "—"


def _code(text: str, in_table: bool = True) -> str:
    """A file name (already shown()) as a code span, to the letter: fenced by more backticks than it holds in a
    row, padded when it starts or ends with one; in a table, `|` is escaped (GitHub splits a table's cells before
    it reads code spans, and drops the backslash)."""
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.endswith(" ")) else ""
    body = text.replace("|", "\\|") if in_table else text
    return f"{fence}{pad}{body}{pad}{fence}"


def _figures(briefing: Briefing) -> str:
    values = [f.value for f in briefing.figures]
    if not values:
        return "—"
    shown = "; ".join(_cell(v) for v in values[:FIGURES_SHOWN])
    return shown + (f" (+{len(values) - FIGURES_SHOWN} more)" if len(values) > FIGURES_SHOWN else "")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def tally(report: Report) -> str:
    """"2 errors, 1 warning" or "no problems"."""
    errors, warnings = report.count("error"), report.count("warning")
    if not errors and not warnings:
        return "no problems"
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"


def summary(report: Report) -> str:
    """The Markdown report: one table row per checked seed, then problems outside seeds."""
    out = [f"### Seed check: {tally(report)}", ""]
    if report.seeds:
        out += [
            "| Seed | Title | Date | Source | Author | Companies | Topics | Key figures | Problems |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for seed in report.seeds[:SUMMARY_ROWS]:
            problems = "<br>".join(f"{p.severity}: {_cell(p.message)}" for p in seed.problems) or "—"
            b = seed.briefing
            if b is None:
                cells = ["*rejected*", "—", "—", "—", "—", "—", "—"]
            else:
                meta = b.meta
                cells = [_cell(meta.title), meta.date or "—", _cell(meta.source or ""), _cell(meta.author or ""),
                         _cell(", ".join(b.companies)), _cell(", ".join(b.topics)), _figures(b)]
            out.append(f"| {_code(seed.label)} | " + " | ".join(cells) + f" | {problems} |")
        if len(report.seeds) > SUMMARY_ROWS:
            out.append(f"\n{len(report.seeds) - SUMMARY_ROWS} more seeds not shown.")
    else:
        out.append("No seeds to check.")
    if report.other:
        out += ["", "Other problems:", ""]
        out += [f"- {_code(f'{p.path}:{p.line}', in_table=False)} {p.severity}: {_cell(p.message)}"
                for p in report.other]
    return "\n".join(out) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The `check` subcommand's options."""
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="seeds, folders of seeds or registry files (default: every seed)")
    parser.add_argument("--changed-since", metavar="REV",
                        help="check the seeds and registry files changed since the merge base of REV and HEAD")
    parser.add_argument("--seeds", type=Path, default=Path("seeds"),
                        help="the seeds folder, searched for duplicates (default: seeds)")
    parser.add_argument("--data", type=Path, default=Path("data"),
                        help="registry folder with companies.yml and topics.yml (default: data)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes for large seed folders (default: one per CPU)")


def command(args: argparse.Namespace) -> int:
    """Run `check` as the command line asked; print problems, annotations and the report."""
    if args.changed_since:
        try:
            paths = changed_since(args.changed_since, [args.seeds, args.data])
        except RuntimeError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        targets = targets_from_paths([*args.paths, *paths], args.seeds, quiet=True)
        everything = False
    else:
        targets = targets_from_paths(args.paths, args.seeds)
        everything = not args.paths
    if everything and not args.seeds.is_dir():
        print(f"{shown(args.seeds)}: error: seeds folder not found", file=sys.stderr)
        return 1
    report = check(targets, args.seeds, args.data, jobs=max(1, args.jobs), everything=everything)

    for problem in report.problems:
        print(problem, file=sys.stderr)
    seeds = _plural(len(report.seeds), "seed")
    print(f"checked {seeds} and the registry: {tally(report)}", file=sys.stderr)
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    if in_actions:
        for problem in report.problems:
            print(problem.annotation())
    text = summary(report)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY") if in_actions else None
    if summary_file:
        with open(summary_file, "a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    else:
        sys.stdout.write(text)
    return 0 if report.ok else 1


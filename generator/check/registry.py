"""Registry problems: every mistake in companies.yml, topics.yml and sources.yml at once, and the registry the check
uses."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator import safeyaml
from generator.check.report import Problem, label_of
from generator.entities.registry import parse_companies, parse_sources, parse_topics
from generator.errors import RegistryError
from generator.load import FileProblem, load_registry, read_registry_file
from generator.model import Registry

REGISTRY_FILES = ("companies.yml", "topics.yml", "sources.yml")


def registry_problems(path: Path, label: str | None = None) -> list[Problem]:
    """Every problem in one registry file (companies.yml, topics.yml or sources.yml); an absent file has none.

    The registry loader stops at the first problem. To report them all, the entry at fault is blanked out and the
    file parsed again, until it parses; errors about an entry that only point at a blanked-out one ("unknown
    parent 'x'" after x was blanked) are consequences, not problems of their own, and are left out.
    """
    label = label or label_of(path)
    parse: Callable[[str, str], object] = (parse_topics if path.name == "topics.yml" else
                                           _sources_parser(path) if path.name == "sources.yml" else parse_companies)
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


def _sources_parser(path: Path) -> Callable[[str, str], object]:
    """parse_sources, checking each `company` against the companies.yml beside it when that one parses."""
    try:
        companies: set[str] | None = set(parse_companies(read_registry_file(path.parent / "companies.yml"), ""))
    except (FileProblem, RegistryError):
        companies = None  # its own problems are reported for it

    def parse(text: str, label: str) -> object:
        return parse_sources(text, label, companies)
    return parse


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


def checked_registry(data_dir: Path) -> tuple[Registry | None, list[Problem]]:
    """The registry under `data_dir`, loaded as the build loads it, and its problems; None when it has any
    error (then every problem of each file is listed, not only the first)."""
    try:
        return load_registry(data_dir), []
    except RegistryError as exc:
        problems = [p for name in REGISTRY_FILES for p in registry_problems(data_dir / name)]
        return None, problems or [Problem(exc.path, exc.line, "error", exc.message)]

"""Report: what a check found (problems, per-seed reports), as lines, workflow annotations and the Markdown report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.model import Briefing
from generator.paths import shown

REPORT_ROWS = 300  # the report lists at most this many seeds (GitHub caps a step summary at 1 MiB)
FIGURES_SHOWN = 3


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


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def tally(report: Report) -> str:
    """"2 errors, 1 warning" or "no problems"."""
    errors, warnings = report.count("error"), report.count("warning")
    if not errors and not warnings:
        return "no problems"
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"


def report_markdown(report: Report) -> str:
    """The Markdown report: one table row per checked seed, then problems outside seeds."""
    out = [f"### Seed check: {tally(report)}", ""]
    if report.seeds:
        out += [
            "| Seed | Title | Date | Source | Author | Companies | Topics | Key figures | Problems |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for seed in report.seeds[:REPORT_ROWS]:
            problems = "<br>".join(f"{p.severity}: {_cell(p.message)}" for p in seed.problems) or "—"
            b = seed.briefing
            if b is None:
                cells = ["*rejected*", "—", "—", "—", "—", "—", "—"]
            else:
                meta = b.meta
                cells = [_cell(meta.title), meta.date or "—", _cell(meta.source or ""), _cell(meta.author or ""),
                         _cell(", ".join(b.companies)), _cell(", ".join(b.topics)), _figures(b)]
            out.append(f"| {_code(seed.label)} | " + " | ".join(cells) + f" | {problems} |")
        if len(report.seeds) > REPORT_ROWS:
            out.append(f"\n{len(report.seeds) - REPORT_ROWS} more seeds not shown.")
    else:
        out.append("No seeds to check.")
    if report.other:
        out += ["", "Other problems:", ""]
        out += [f"- {_code(f'{p.path}:{p.line}', in_table=False)} {p.severity}: {_cell(p.message)}"
                for p in report.other]
    return "\n".join(out) + "\n"

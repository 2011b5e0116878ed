"""Check: validate seeds and the registry without building the site (for editors and pull requests).

    python -m generator check [PATH ...] [--changed-since REV] [--seeds DIR] [--data DIR] [--jobs N]

PATHs are seeds (files, or folders of seeds) and registry files (companies.yml, topics.yml, sources.yml); with
none, every seed under --seeds is checked. The registry under --data is always validated: every seed's companies,
topics and source depend on it. The check reads and never writes (except the report to $GITHUB_STEP_SUMMARY under
Actions).

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
import os
import sys
from pathlib import Path

from generator.check.registry import checked_registry, registry_problems
from generator.check.report import Problem, Report, SeedReport, label_of, plural, report_markdown, tally
from generator.check.seeds import (
    body_text,
    common_aliases,
    duplicates,
    near_raw,
    raw_pages,
    recognised_text,
    run_pipeline,
    seed_problems,
)
from generator.check.targets import Targets, changed_since, folder_seeds, targets_from_paths
from generator.model import Registry
from generator.paths import shown
from generator.pipeline import build_date
from generator.similar import SimilarityIndex


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
    registry, problems = checked_registry(data_dir)
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
    near = near_raw(others, list(texts.values()))
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
            found += duplicates(seed, index, labels, checked_keys)
        found.sort(key=lambda p: (p.line, p.severity != "error"))
        reports.append(SeedReport(seed.label, outcome.briefing, tuple(found)))
    reports.sort(key=lambda r: r.label)
    if registry is not None and (everything or any(p.parent.resolve() == data_dir.resolve()
                                                   for p in targets.registry)):
        # Over every seed: the briefings when all were checked, else (a changed registry) their raw pages.
        named = ([recognised_text(o.briefing) for o in outcomes if o.briefing is not None] if everything
                 else (text for _, text in raw_pages(in_folder)))
        problems += common_aliases(registry, named, registry_label)
    return Report(tuple(reports), (*problems, *targets.problems))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The `check` subcommand's options."""
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="seeds, folders of seeds or registry files (default: every seed)")
    parser.add_argument("--changed-since", metavar="REV",
                        help="check the seeds and registry files changed since the merge base of REV and HEAD")
    parser.add_argument("--seeds", type=Path, default=Path("seeds"),
                        help="the seeds folder, searched for duplicates (default: seeds)")
    parser.add_argument("--data", type=Path, default=Path("data"),
                        help="registry folder with companies.yml, topics.yml and sources.yml (default: data)")
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
    seeds = plural(len(report.seeds), "seed")
    print(f"checked {seeds} and the registry: {tally(report)}", file=sys.stderr)
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    if in_actions:
        for problem in report.problems:
            print(problem.annotation())
    text = report_markdown(report)
    report_file = os.environ.get("GITHUB_STEP_SUMMARY") if in_actions else None
    if report_file:
        with open(report_file, "a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    else:
        sys.stdout.write(text)
    return 0 if report.ok else 1


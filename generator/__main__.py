"""Command line: python -m generator build [--seeds DIR] [--out DIR] | check [PATH ...] | explain SEED."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator import check as check_command
from generator.paths import shown
from generator.pipeline import build_site
from generator.progress import SeedProgress, build_line
from generator.write import OutputError, write_pages


def main(argv: list[str] | None = None) -> int:
    """Run the command; exit 0 when every seed built, 1 when any was rejected, 2 on a usage error."""
    parser = argparse.ArgumentParser(prog="python -m generator", description="Market-briefing wiki generator.")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="turn seeds into briefing pages")
    build.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of seed files (default: seeds)")
    build.add_argument("--out", type=Path, default=Path("build/docs"), help="output folder (default: build/docs)")
    build.add_argument("--jobs", type=int, default=1, metavar="N",
                       help="worker processes for the per-seed stages (default: 1; 0: one per CPU)")
    build.add_argument("--data", type=Path, default=Path("data"),
                       help="registry folder with companies.yml, topics.yml and sources.yml (default: data)")
    explain = commands.add_parser("explain", help="show how the cleaner classified each line of a seed")
    explain.add_argument("seed", type=Path)
    check = commands.add_parser("check", help="validate seeds and the registry without building the site")
    check_command.add_arguments(check)
    args = parser.parse_args(argv)

    if args.command == "explain":
        return _explain(args.seed)
    if args.command == "check":
        return check_command.command(args)

    if not args.seeds.is_dir():
        print(f"{shown(args.seeds)}: error: seeds folder not found", file=sys.stderr)
        return 1
    with SeedProgress() as progress:
        result = build_site(args.seeds, args.data if args.data.is_dir() else None, progress=progress,
                            jobs=args.jobs or os.cpu_count() or 1, git=True)
    try:
        write_pages(args.out, result.pages)
    except (OSError, ValueError, OutputError) as exc:
        print(f"{shown(args.out)}: error: cannot write output: {exc}", file=sys.stderr)
        return 1
    for error in result.errors:
        print(str(error), file=sys.stderr)
    print(f"built {build_line(result, progress.seconds)} into {shown(args.out)}")
    return 1 if result.errors else 0


def _explain(path: Path) -> int:
    """Print every line of a scraped seed: its prose score, whether it is in the article span, and the kind and
    rule that classified it."""
    from generator.clean import clean, span, to_doc
    from generator.decode import decode
    from generator.errors import SeedError
    from generator.load import read_seed

    try:
        text = decode(read_seed(path.parent, path))
    except SeedError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    ruled = clean(to_doc(path.name, text))  # every rule; then the span stage, shown line by line
    scores, start, end = span.article_span(ruled)
    doc = span.apply(ruled)
    print("line  score  span  kind/rule              text")
    for index, line in enumerate(doc.lines):
        label = line.kind.value if line.rule == "" else f"{line.kind.value}/{line.rule}"
        where = "in" if start <= index < end else "out"
        print(f"{line.number:4d} {scores[index]:6.1f}  {where:<4}  {label:<22} {line.text[:100]}")
    return 0


if __name__ == "__main__":
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (e.g. `| head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1
    sys.exit(code)

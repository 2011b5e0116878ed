r"""Every regular expression in generator/ stays linear on hostile text (issue 14: one small file must never hang
the build, the check, `mkdocs serve` or CI).

The patterns are found, not listed, so a pattern added later is covered without editing this file:

- every compiled pattern a generator module holds (module globals, and tuples, lists and dicts of them);
- every literal pattern passed to re.compile, re.sub, re.match, ... anywhere in generator/ (read from the source);
- every pattern generator code compiles while the modules are imported and the pipeline and the check run over
  the fixture and hostile seeds with the project's registry (the phrase tries of entities/phrases.py, the
  patterns clean rules and front matter build at run time). A call that builds a pattern at run time which that
  run never reaches fails the test: give the run a seed that reaches it.

Each pattern is searched (finditer, as sub, split and findall search), matched and fullmatched on strings made
from it: runs of each character and literal it names, alternations of pairs of them, each literal followed by a
run, and shapes hostile Markdown and scraped pages are made of (`[a](`, `*a `, backticks, `|`, `<`, spaces,
digits), each also with a character at the end that makes a match fail as late as possible. A first round at
4,000 characters finds each pattern's slowest strings; those are timed again at 64,000 characters, where a linear
pattern takes milliseconds. The bound is a second per call. The scan runs in a child process with an alarm on each
call (the regex engine checks for signals), so a pattern that backtracks fails the test with its name and the
string's shape instead of hanging the suite.

Every pattern must be linear when searched, even one the code only ever matches at the start: such a pattern
says so with ^ (a search then fails at once everywhere else). The usual repairs: possessive quantifiers or atomic
groups where giving back cannot help (\s*+, [^"]*+), a look-behind so that a leading run is read only from its
start ((?<!\s)\s++), one optional group instead of two adjacent runs (\s*+(?:[:：]\s*+)? for \s*[:：]?\s*),
a bound on a repetition inside another, or a small scanner (generator/markup.py).
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import io
import json
import os
import pkgutil
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "generator"
LIMIT = 1.0  # seconds a call may take on one string; linear patterns take milliseconds
SCREEN_SIZE = 4_000  # characters in the first round, over every string
FULL_SIZE = 64_000  # characters in the second round, over each pattern's slowest strings
KEEP = 8  # strings per pattern timed at FULL_SIZE
CHAR_CAP, WORD_CAP, PAIR_CAP = 40, 24, 60  # characters, literals and pairs taken from one pattern
OPS = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "findall": 2, "finditer": 2, "split": 3, "sub": 4,
       "subn": 4}  # re function -> index of its flags argument
# Shapes that hostile seeds are made of, whatever the pattern names.
SHAPES = (
    "a", "A", " ", "0", "\n", "\t", ".", ",", "-", ":", "/", "'", "\"", "!", "#", "&", "\\", "[", "]", "(", ")",
    "*", "_", "`", "|", "<", ">", "{", "年", "中", "\u00a0",
    "[a](", "*a ", "a*", "_a ", "**a", "` ", "``a", "![", "](", "&#", "&a;", "a ", "A ", "Aa ", "A. ", "aa.", "1,",
    "1.", "1 ", ", ", "- ", "> ", "| ", " |", "a-", "A-", "a\n", " \n", "\n\n", "<a", "[x]", "a]", "((", "a, ",
    "Aa, ", "Aa-", "a1", "1a", "a.a", "Aa Aa, ", "a:", "1:", "12:30 ", "2024-", "  a", "a\t", "aa", "AA", "A1",
)
ENDS = ("", "\x00")  # a string as it is, and one whose last character breaks a match


@dataclass(frozen=True)
class Found:
    """A pattern and where it comes from."""

    name: str
    pattern: re.Pattern[str]


# --- Finding the patterns (in the child process) ---------------------------------------------------------------

def _modules() -> list[str]:
    import generator

    names = ["generator"]
    names += [m.name for m in pkgutil.walk_packages(generator.__path__, "generator.")]
    return sorted(names)


def _site(path: str, line: int) -> str:
    return f"{Path(path).resolve().relative_to(ROOT).as_posix()}:{line}"


class Recorder:
    """Records every pattern that generator code compiles (re.compile and the re functions all go through
    re._compile, looked up at call time), with the line that asked for it."""

    def __init__(self) -> None:
        self.found: dict[tuple[str, int], tuple[str, re.Pattern[str]]] = {}
        self.sites: set[tuple[str, int]] = set()
        self._original: Callable[..., re.Pattern[str]] | None = None

    def __enter__(self) -> Recorder:
        self._original = original = re._compile  # type: ignore[attr-defined]
        re_dir = str(Path(re.__file__).parent)
        generator_dir = str(GENERATOR)

        def recording(pattern: object, flags: int) -> re.Pattern[str]:
            compiled = original(pattern, flags)
            frame = sys._getframe(1)
            while frame is not None and frame.f_code.co_filename.startswith(re_dir):
                frame = frame.f_back
            if frame is not None and frame.f_code.co_filename.startswith(generator_dir) and isinstance(
                    compiled.pattern, str):
                path = frame.f_code.co_filename
                self.sites.add((Path(path).resolve().relative_to(ROOT).as_posix(), frame.f_lineno))
                key = (compiled.pattern, compiled.flags)
                self.found.setdefault(key, (_site(path, frame.f_lineno), compiled))
            return compiled

        re._compile = recording  # type: ignore[attr-defined]
        return self

    def __exit__(self, *exc: object) -> None:
        re._compile = self._original  # type: ignore[attr-defined]


def _held(value: object, name: str, depth: int = 0) -> Iterator[tuple[str, re.Pattern[str]]]:
    """Patterns in a module global: the value itself, or inside tuples, lists and dicts of it."""
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        yield name, value
    elif depth < 3 and isinstance(value, (tuple, list, frozenset, set)):
        for index, item in enumerate(value):
            yield from _held(item, f"{name}[{index}]", depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for key, item in value.items():
            yield from _held(item, f"{name}[{key!r}]", depth + 1)


def _source_calls(path: Path) -> Iterator[tuple[int, int, str | None, int]]:
    """(first line, last line, literal pattern or None when built at run time, flags) of each re.<op>(...) call."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in OPS
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args):
            continue
        flags_node = next((k.value for k in node.keywords if k.arg == "flags"), None)
        index = OPS[node.func.attr]
        if flags_node is None and len(node.args) > index:
            flags_node = node.args[index]
        flags = 0
        if flags_node is not None:
            try:
                flags = int(eval(compile(ast.Expression(flags_node), str(path), "eval"), {"re": re}))
            except NameError:
                flags = -1
        first = node.args[0]
        literal = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
        yield node.lineno, node.end_lineno or node.lineno, literal if flags >= 0 else None, max(flags, 0)


def _exercise() -> None:
    """Run the pipeline and the check over the fixture and hostile seeds, so that patterns built at run time
    get compiled."""
    import datetime as dt

    from generator.pipeline import build_site

    tests = ROOT / "tests"
    folders = [tests / "fixtures" / "seeds", *sorted(p for p in (tests / "hostile").iterdir() if p.is_dir())]
    for folder in folders:
        if folder.is_dir():
            build_site(folder, ROOT / "data", dt.date(2026, 1, 1))
    from generator.__main__ import main

    paths = [str(p) for folder in folders if folder.is_dir() for p in sorted(folder.rglob("*")) if p.is_file()]
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        main(["check", *paths])
        with tempfile.TemporaryDirectory() as out:  # the writer (its recovery of a killed build's leftovers)
            main(["build", "--seeds", str(folders[0]), "--data", str(ROOT / "data"), "--out", f"{out}/docs"])


def find_patterns() -> tuple[list[Found], list[str]]:
    """Every pattern of the generator, named, and the run-time call sites that the fixture run did not reach."""
    by_key: dict[tuple[str, int], Found] = {}
    with Recorder() as recorder:
        names = _modules()
        modules = [importlib.import_module(name) for name in names]
        _exercise()
    for module in modules:
        for attr, value in vars(module).items():
            for name, pattern in _held(value, f"{module.__name__}.{attr}"):
                if (pattern.pattern, pattern.flags) not in by_key:
                    by_key[(pattern.pattern, pattern.flags)] = Found(name, pattern)
    unreached: list[str] = []
    for path in sorted(GENERATOR.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        for first, last, literal, flags in _source_calls(path):
            if literal is not None:
                compiled = re.compile(literal, flags)
                if (compiled.pattern, compiled.flags) not in by_key:
                    by_key[(compiled.pattern, compiled.flags)] = Found(f"{relative}:{first}", compiled)
            elif not any(site == relative and first <= line <= last for site, line in recorder.sites):
                unreached.append(f"{relative}:{first}")
    for key, (site, compiled) in recorder.found.items():
        if key not in by_key:
            by_key[key] = Found(f"{site} (built at run time)", compiled)
    return sorted(by_key.values(), key=lambda f: f.name), unreached


# --- Strings made from a pattern ------------------------------------------------------------------------------

def _parsed(pattern: re.Pattern[str]) -> object:
    from re import _parser  # type: ignore[attr-defined]

    return _parser.parse(pattern.pattern, pattern.flags)


_CATEGORY_CHARS = {
    "CATEGORY_DIGIT": "09", "CATEGORY_NOT_DIGIT": "a ", "CATEGORY_SPACE": " \t\n", "CATEGORY_NOT_SPACE": "a.",
    "CATEGORY_WORD": "aZ_0", "CATEGORY_NOT_WORD": " -.", "CATEGORY_LINEBREAK": "\n", "CATEGORY_NOT_LINEBREAK": "a",
}


def _vocabulary(pattern: re.Pattern[str]) -> tuple[list[str], list[str]]:
    """The characters a pattern names (a few from each class and range) and its literal runs of two or more."""
    from re import _constants as c  # type: ignore[attr-defined]

    chars: dict[str, None] = {}
    words: dict[str, None] = {}

    def walk(items: object) -> None:
        run = ""
        for op, av in items:  # type: ignore[attr-defined]
            if op is c.LITERAL:
                run += chr(av)
                chars[chr(av)] = None
                continue
            if len(run) >= 2:
                words[run] = None
            run = ""
            if op is c.NOT_LITERAL:
                chars[chr(av)] = None
                chars["a" if chr(av) != "a" else "b"] = None
            elif op is c.ANY:
                chars["a"] = chars[" "] = None
            elif op is c.IN:
                for kind, value in av:
                    if kind is c.LITERAL:
                        chars[chr(value)] = None
                    elif kind is c.RANGE:
                        low, high = value
                        for code in (low, (low + high) // 2, high):
                            chars[chr(code)] = None
                    elif kind is c.CATEGORY:
                        for char in _CATEGORY_CHARS.get(str(value).replace("UNI_", ""), ""):
                            chars[char] = None
                    elif kind is c.NEGATE:
                        for char in "a .-":
                            chars[char] = None
            elif op is c.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                walk(av[2])
            elif op is c.SUBPATTERN:
                walk(av[3])
            elif op is c.ATOMIC_GROUP:
                walk(av)
            elif op in (c.ASSERT, c.ASSERT_NOT):
                walk(av[1])
            elif op is c.GROUPREF_EXISTS:
                walk(av[1])
                if av[2] is not None:
                    walk(av[2])
        if len(run) >= 2:
            words[run] = None

    walk(_parsed(pattern))
    letters = [ch for ch in chars if ch not in "\x00"]
    if len(letters) > CHAR_CAP:
        step = len(letters) / CHAR_CAP
        letters = [letters[int(i * step)] for i in range(CHAR_CAP)]
    found = list(words)
    if len(found) > WORD_CAP:
        step = len(found) / WORD_CAP
        found = [found[int(i * step)] for i in range(WORD_CAP)]
    return letters, found


def shapes(pattern: re.Pattern[str]) -> list[tuple[str, str, str]]:
    """(prefix, unit, end): the strings to try are prefix + unit repeated + end."""
    chars, words = _vocabulary(pattern)
    units: dict[tuple[str, str], None] = {}
    for unit in (*chars, *SHAPES):
        units[("", unit)] = None
    for word in words:
        for unit in (word, word + " ", word.upper(), word.title() + " "):
            units[("", unit)] = None
        for unit in (" ", "a", "Aa ", "0", ", ", "[", "`"):
            units[(word + " ", unit)] = None
            units[(word, unit)] = None
    pool = sorted({*chars, " ", "a", "A", "0"})
    pairs = [(x, y) for x in pool for y in pool if x != y]
    random.Random(pattern.pattern.encode("utf-8", "surrogatepass")).shuffle(pairs)
    for x, y in pairs[:PAIR_CAP]:
        units[("", x + y)] = None
        units[("", x + x + y)] = None
    return [(prefix, unit, end) for prefix, unit in units for end in ENDS]


def make(shape: tuple[str, str, str], size: int) -> str:
    """The string of a shape at about `size` characters."""
    prefix, unit, end = shape
    count = max(1, (size - len(prefix)) // len(unit))
    return prefix + unit * count + end


def describe(shape: tuple[str, str, str], size: int) -> str:
    """A short, readable name of a string: prefix + unit x count + end."""
    prefix, unit, end = shape
    count = max(1, (size - len(prefix)) // len(unit))
    text = (repr(prefix) + " + " if prefix else "") + f"{unit!r} x {count:,}" + (f" + {end!r}" if end else "")
    return text


# --- Timing ---------------------------------------------------------------------------------------------------

class Timeout(Exception):
    """A call ran past LIMIT."""


def _alarm(signum: int, frame: object) -> None:
    raise Timeout


def timed(pattern: re.Pattern[str], text: str) -> tuple[float, str]:
    """The slowest of search-everywhere (finditer), match and fullmatch on `text`, and which it was; a call past
    LIMIT is interrupted and counts as LIMIT."""
    worst, which = 0.0, ""
    calls: tuple[tuple[str, Callable[[], object]], ...] = (
        ("finditer", lambda: sum(1 for _ in pattern.finditer(text))),
        ("match", lambda: pattern.match(text)),
        ("fullmatch", lambda: pattern.fullmatch(text)),
    )
    for name, call in calls:
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, LIMIT)
        try:
            call()
            took = time.perf_counter() - start
        except Timeout:
            took = LIMIT
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if took > worst:
            worst, which = took, name
    return worst, which


def scan(found: list[Found], out: Callable[[dict[str, object]], None]) -> None:
    """Time every pattern; report each as a dict (its slowest string, and a failure when it reached LIMIT)."""
    signal.signal(signal.SIGALRM, _alarm)
    for item in found:
        started = time.perf_counter()
        trials = shapes(item.pattern)
        screened = []
        failed = None
        for shape in trials:
            took, call = timed(item.pattern, make(shape, SCREEN_SIZE))
            screened.append((took, shape))
            if took >= LIMIT:
                failed = (took, call, shape, SCREEN_SIZE)
                break
        worst = (0.0, "", trials[0], FULL_SIZE)
        if failed is None:
            screened.sort(key=lambda t: -t[0])
            for _, shape in screened[:KEEP]:
                took, call = timed(item.pattern, make(shape, FULL_SIZE))
                if took > worst[0]:
                    worst = (took, call, shape, FULL_SIZE)
                if took >= LIMIT:
                    failed = worst
                    break
        took, call, shape, size = failed or worst
        out({"name": item.name, "pattern": item.pattern.pattern[:200], "seconds": round(took, 4), "call": call,
             "input": describe(shape, size), "failed": failed is not None, "strings": len(trials),
             "total": round(time.perf_counter() - started, 3)})


def child(argv: list[str]) -> int:
    """The scan, in the child process: one JSON line per pattern, then one for the run-time sites not reached."""
    sys.path.insert(0, str(ROOT))
    found, unreached = find_patterns()
    only = argv[0] if argv else None

    def out(record: dict[str, object]) -> None:
        print(json.dumps(record, ensure_ascii=True), flush=True)

    scan([f for f in found if only is None or only in f.name], out)
    out({"unreached": unreached, "patterns": len(found)})
    return 0


# --- The tests ------------------------------------------------------------------------------------------------

def run_scan(*args: str) -> tuple[list[dict[str, object]], dict[str, object]]:
    """Run the scan in a child process; its records and its summary."""
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run([sys.executable, __file__, *args], cwd=ROOT, capture_output=True, text=True,
                            timeout=600, check=False, env=environment)
    assert result.returncode == 0, result.stderr[-3000:]
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return records[:-1], records[-1]


def test_every_pattern_is_linear_on_worst_case_strings() -> None:
    records, summary = run_scan()
    assert summary["patterns"] == len(records)
    assert len(records) >= 150, "the scan found too few patterns: is the search for them broken?"
    assert summary["unreached"] == [], (
        "patterns built at run time that the fixture run never compiled (add a seed that reaches them): "
        f"{summary['unreached']}")
    slow = [f"{r['name']}: {r['call']} took over {r['seconds']} s on {r['input']} ({r['pattern']!r})"
            for r in records if r["failed"]]
    assert not slow, "super-linear patterns:\n" + "\n".join(slow)


def test_the_scan_names_a_backtracking_pattern() -> None:
    """The scan itself works: a pattern with nested quantifiers is caught, and named, within seconds."""
    signal.signal(signal.SIGALRM, _alarm)
    records: list[dict[str, object]] = []
    bad = Found("nested", re.compile(r"\[(?:[^\]\s]+|\([^)]*\))*\]"))
    quadratic = Found("restarted", re.compile(r"\s*,"))
    linear = Found("linear", re.compile(r"(?<!\s)\s*,|,"))
    try:
        scan([bad, quadratic, linear], records.append)
    finally:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
    assert [r["failed"] for r in records] == [True, True, False], records
    assert records[2]["seconds"] < LIMIT / 2


if __name__ == "__main__":
    sys.exit(child(sys.argv[1:]))

"""Hostile entries in seeds/ at the level of the file system (tests/hostile/seed_files.py): file names that are not
UTF-8 or hold control or bidi characters, symbolic links (to files and folders, inside and outside), a named pipe
and a folder nobody may list. The build, the check (every seed, given paths, --changed-since) and MkDocs each
refuse every one with exactly one line, showing its name escaped, and build or check everything else; no name
reaches a stream unescaped (no forged line or annotation, no terminal escape, no reordered text).
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from hostile.seed_files import (
    BUILT,
    OUTSIDE_TITLE,
    REFUSED,
    UNREADABLE,
    UNREADABLE_LINE,
    article,
    make,
    make_unreadable,
)
from test_check import git
from test_site import FIXTURE_DATA, SOURCE_DATE_EPOCH, make_project

from generator import check as check_module
from generator.check import report as check_report
from generator.errors import SeedError
from generator.load import list_seeds, read_seed
from generator.paths import name_problem, shown
from generator.pipeline import build_site

ROOT = Path(__file__).resolve().parent.parent
UNSAFE = ("\x1b", "\r", "\u202e", "\udce9")  # none of these may reach any stream
FORGED = "::error file=x::forged"


def check_line(line: str, prefix: str = "seeds/") -> str:
    """A build line (`name: error: reason`) as the check prints it (`seeds/name:1: error: reason`)."""
    name, _, reason = line.partition(": error: ")
    return f"{prefix}{name}:1: error: {reason}"


def assert_clean(text: str) -> None:
    """No character of a hostile name reached the stream raw, and no line was forged."""
    assert not any(char in text for char in UNSAFE), repr(text)
    assert not any(line.startswith(FORGED) for line in text.splitlines())


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """The hostile seeds folder of a copy of the project (mkdocs.yml, docs/, generator/, the fixture registry)."""
    project = make_project(tmp_path, {})
    make(project / "seeds", tmp_path / "outside")
    return project / "seeds"


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None,
        preexec: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    """A command of the project in a subprocess (under a minute: a named pipe must never make it wait)."""
    full = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    full.update({"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    full.pop("SITE_URL", None)
    return subprocess.run([sys.executable, *args], cwd=cwd, env=full, capture_output=True, text=True,
                          errors="surrogateescape", timeout=120, check=False, preexec_fn=preexec)


# ---------------------------------------------------------------------------------------------------------------
# One helper for a file name as it may be shown


def test_a_name_is_shown_escaped_and_an_unsafe_one_is_refused() -> None:
    assert shown("seeds/北汽新闻 2024.txt") == "seeds/北汽新闻 2024.txt"
    assert shown("caf\udce9.txt") == r"caf\xe9.txt"
    assert shown("a\n::error file=x::b\r\x1b[31m\u202e\t`|.txt") == r"a\n::error file=x::b\r\x1b[31m\u202e\t`|.txt"
    assert shown("\u2028\x7f\x85\U000e0001") == r"\u2028\x7f\x85\U000e0001"
    assert shown("back\\slash.txt") == r"back\\slash.txt"  # so that no plain name looks like an escaped one
    assert name_problem("北汽新闻 2024.txt") is None
    assert name_problem("tick `and` | bar.txt") is None
    assert name_problem("caf\udce9.txt") == "file name is not valid UTF-8; rename it"
    for name in ("a\nb", "a\rb", "a\x1bb", "a\u2028b", "a\x85b"):
        assert name_problem(name) == "file name holds a control character or line break; rename it"
    for name in ("a\u202eb", "a\u2066b", "a\u200bb", "a\ufeffb"):
        assert name_problem(name, "folder").startswith("folder name holds an invisible formatting character")
    assert str(SeedError("x\n::error file=y::z.txt", "empty file")) == r"x\n::error file=y::z.txt: error: empty file"


def test_a_file_name_is_a_code_span_to_the_letter_in_the_report() -> None:
    code = check_report._code
    assert code("seeds/a.txt") == "`seeds/a.txt`"
    assert code("seeds/tick `and` | bar.txt") == r"``seeds/tick `and` \| bar.txt``"
    assert code("`x``") == "``` `x`` ```"
    assert code("a|b", in_table=False) == "`a|b`"


# ---------------------------------------------------------------------------------------------------------------
# The build


def test_the_build_refuses_each_entry_with_one_line_and_builds_the_rest(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(["-m", "generator", "build", "--seeds", str(seeds), "--out", str(out), "--data",
                  str(FIXTURE_DATA)], cwd=tmp_path)
    assert result.returncode == 1
    assert_clean(result.stdout + result.stderr)
    assert result.stderr.splitlines() == sorted(REFUSED.values())
    assert result.stdout.startswith(f"built {len(BUILT)} briefings from {len(BUILT) + len(REFUSED)} seeds "
                                    f"({len(REFUSED)} rejected)")
    titles = {}
    for page in (out / "briefings").glob("*.md"):
        meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---\n")[1])
        titles[meta["seed"]] = meta["title"]
    assert titles == {Path(name).name: title for name, title in BUILT.items()}
    assert not any(OUTSIDE_TITLE in p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())


def test_folder_names_given_on_the_command_line_are_escaped_too(tmp_path: Path) -> None:
    seeds, out = tmp_path / "seeds", tmp_path / f"out{FORGED}\x1b[31m"
    seeds.mkdir()
    (seeds / "good.txt").write_text(article(BUILT["good.txt"]), encoding="utf-8")
    built = run(["-m", "generator", "build", "--seeds", str(seeds), "--out", str(out)], cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert_clean(built.stdout)
    assert built.stdout.count("\n") == 1
    assert built.stdout.rstrip().endswith(shown(out))
    missing = tmp_path / "no\nseeds"
    for command in ("build", "check"):
        result = run(["-m", "generator", command, "--seeds", str(missing)], cwd=tmp_path)
        assert (result.returncode, result.stderr) == (1, f"{shown(missing)}: error: seeds folder not found\n")
        assert_clean(result.stdout + result.stderr)


def test_build_site_reports_the_refusals_in_name_order(seeds: Path) -> None:
    result = build_site(seeds, FIXTURE_DATA)
    assert [str(error) for error in result.errors] == sorted(REFUSED.values())
    assert sorted(b.meta.title for b in result.briefings) == sorted(BUILT.values())


def test_the_reader_never_follows_a_link_nor_waits_on_a_pipe(seeds: Path) -> None:
    listed = list_seeds(seeds)
    assert [str(item) for item in listed if isinstance(item, SeedError)] == sorted(REFUSED.values())
    started = time.monotonic()
    for name in ("pipe.txt", "link-inside.txt", "link-outside.md", "link-dangling.txt"):
        with pytest.raises(SeedError) as caught:
            read_seed(seeds, seeds / name)
        assert str(caught.value) == REFUSED[name]
    assert time.monotonic() - started < 30  # a blocking open of the pipe would never return
    with pytest.raises(SeedError, match="folder, not a regular file"):
        read_seed(seeds, seeds / "sub")


def test_a_socket_and_deep_folders_are_no_trouble(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    seeds = tmp_path / "s"
    seeds.mkdir()
    folders = [seeds]
    for _ in range(1500):  # deeper than Python's recursion limit (made and removed one at a time for the same reason)
        folders.append(folders[-1] / "d")
        folders[-1].mkdir()
    (folders[-1] / "x.txt").write_text("text\n", encoding="utf-8")
    try:
        assert list_seeds(seeds) == [folders[-1] / "x.txt"]
    finally:
        (folders[-1] / "x.txt").unlink()
        for folder in reversed(folders[1:]):
            folder.rmdir()
    monkeypatch.chdir(seeds)  # a socket's path is limited to about 100 bytes
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("sock.md")
        assert [str(e) for e in list_seeds(seeds)] == [
            "sock.md: error: socket, not a regular file; seeds must be regular files"]


def test_the_seeds_folder_itself_may_not_be_a_link(seeds: Path, tmp_path: Path) -> None:
    link = tmp_path / "linked-seeds"
    link.symlink_to(seeds, target_is_directory=True)
    result = build_site(link, FIXTURE_DATA)
    message = "the seeds folder is a symbolic link; it must be a real folder"
    assert [str(e) for e in result.errors] == [f"{link}: error: {message}"]
    assert result.briefings == ()


# ---------------------------------------------------------------------------------------------------------------
# The check


def test_the_check_refuses_the_same_entries_and_escapes_every_stream(seeds: Path, tmp_path: Path) -> None:
    project = seeds.parent
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = run(["-m", "generator", "check"], cwd=project, env=env)
    assert result.returncode == 1
    report = summary.read_text(encoding="utf-8")
    assert_clean(result.stdout + result.stderr + report)
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors == sorted(check_line(line) for line in REFUSED.values())
    assert result.stderr.splitlines()[-1].startswith(f"checked {len(BUILT) + len(REFUSED)} seeds and the registry: "
                                                     f"{len(REFUSED)} errors, ")
    # Annotations: one line each, every one a workflow command the project wrote.
    annotations = result.stdout.splitlines()
    assert all(line.startswith(("::error file=seeds/", "::warning file=seeds/")) for line in annotations)
    assert sum(line.startswith("::error ") for line in annotations) == len(REFUSED)
    assert r"::error file=seeds/forged\n%3A%3Aerror file=x%3A%3Aforged.txt,line=1::file name holds" in result.stdout
    # The step summary: one row per seed, each name a code span shown to the letter.
    rows = [line for line in report.splitlines() if line.startswith("| `")]
    assert len(rows) == len(BUILT) + len(REFUSED)
    assert r"| ``seeds/tick `and` \| bar.txt`` | A file name with a backtick and a bar |" in report
    assert r"| `seeds/back\\slash.txt` | A file name with a backslash |" in report
    assert r"| `seeds/caf\xe9.txt` | *rejected* |" in report
    assert OUTSIDE_TITLE not in report + result.stdout + result.stderr


def test_the_check_of_given_paths_goes_through_the_same_reader(seeds: Path) -> None:
    given = ["pipe.txt", "link-outside.md", "linked-folder-outside", "link-inside.txt", os.fsdecode(b"caf\xe9.txt")]
    result = run(["-m", "generator", "check", "--data", str(FIXTURE_DATA),
                  *[f"seeds/{name}" for name in given]], cwd=seeds.parent)
    assert result.returncode == 1
    assert_clean(result.stdout + result.stderr)
    expected = sorted(check_line(REFUSED[os.fsencode(n) if n.startswith("caf") else n]) for n in given)
    assert result.stderr.splitlines()[:-1] == expected
    assert OUTSIDE_TITLE not in result.stdout


def test_check_changed_since_reads_odd_names_from_git(seeds: Path, tmp_path: Path) -> None:
    project = seeds.parent
    (project / "seeds" / "pipe.txt").unlink()  # git cannot hold a named pipe
    git(project, "init", "--quiet", "--initial-branch=main")
    git(project, "commit", "--quiet", "--allow-empty", "--message=Empty")
    git(project, "switch", "--quiet", "--create", "pr")
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "--message=Hostile names")
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = run(["-m", "generator", "check", "--changed-since", "main"], cwd=project, env=env)
    report = summary.read_text(encoding="utf-8")
    assert result.returncode == 1, result.stderr
    assert_clean(result.stdout + result.stderr + report)
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors == sorted(check_line(line) for name, line in REFUSED.items() if name != "pipe.txt")
    assert len([line for line in report.splitlines() if line.startswith("| `")]) == len(BUILT) + len(REFUSED) - 1
    assert OUTSIDE_TITLE not in report + result.stdout + result.stderr


# ---------------------------------------------------------------------------------------------------------------
# MkDocs


def test_mkdocs_warns_once_per_entry_and_builds_the_rest(seeds: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run(["-m", "mkdocs", "build", "--site-dir", str(site)], cwd=seeds.parent)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert_clean(result.stderr)
    warnings = [line.split(" - ", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == sorted(REFUSED.values())
    pages = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert all(title in pages for title in BUILT.values())
    assert OUTSIDE_TITLE not in pages


# ---------------------------------------------------------------------------------------------------------------
# A folder nobody may list


@pytest.fixture
def unreadable(seeds: Path) -> Iterator[Path]:
    folder = make_unreadable(seeds)
    yield folder
    folder.chmod(0o755)


def refuse_listing(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make os.scandir fail on `folder` as chmod 000 does for anyone but root (the tests may run as root)."""
    real = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> Iterator[os.DirEntry[str]]:
        if Path(path).resolve() == folder.resolve():
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_folder_is_one_line_in_build_site_and_check(unreadable: Path, monkeypatch) -> None:
    refuse_listing(unreadable, monkeypatch)
    seeds = unreadable.parent
    result = build_site(seeds, FIXTURE_DATA)
    assert [str(error) for error in result.errors] == sorted([*REFUSED.values(), UNREADABLE_LINE])
    assert sorted(b.meta.title for b in result.briefings) == sorted(BUILT.values())
    monkeypatch.chdir(seeds.parent)
    report = check_module.check(check_module.targets_from_paths([], Path("seeds")), Path("seeds"), FIXTURE_DATA,
                                everything=True)
    assert [str(p) for p in report.other] == [check_line(UNREADABLE_LINE)]
    assert f"- `seeds/{UNREADABLE}:1` error: cannot read folder" in check_module.report_markdown(report)
    given = check_module.targets_from_paths([Path("seeds") / UNREADABLE], Path("seeds"))
    assert ([str(p) for p in given.problems], given.seeds) == ([check_line(UNREADABLE_LINE)], [])


def _without_permission_override() -> None:
    """In the child, before exec: take CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH out of the capability bounding set
    (prctl PR_CAPBSET_DROP), so that root, once it has exec'd, obeys file permissions like any other user."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.fixture
def unprivileged(unreadable: Path) -> Callable[[], None] | None:
    """How to start a process that chmod 000 stops: as it is for a user, without root's override for root (CI
    runs as root). Skipped only where neither works; the in-process test above covers the same code."""
    preexec = _without_permission_override if os.geteuid() == 0 else None
    try:
        probe = run(["-c", f"import os; os.listdir({str(unreadable)!r})"], cwd=unreadable.parent, preexec=preexec)
    except (subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"cannot drop root's permission override here: {exc}")
    if probe.returncode == 0:
        pytest.skip("this process reads a folder with mode 000 even without its permission override")
    return preexec


def test_an_unreadable_folder_is_one_line_in_the_cli_and_mkdocs(unreadable: Path, unprivileged, tmp_path) -> None:
    seeds = unreadable.parent
    expected = sorted([*REFUSED.values(), UNREADABLE_LINE])
    out = tmp_path / "out"
    build = run(["-m", "generator", "build", "--seeds", str(seeds), "--out", str(out), "--data", str(FIXTURE_DATA)],
                cwd=tmp_path, preexec=unprivileged)
    assert (build.returncode, build.stderr.splitlines()) == (1, expected)
    check = run(["-m", "generator", "check"], cwd=seeds.parent, preexec=unprivileged)
    assert check.returncode == 1
    assert [line for line in check.stderr.splitlines() if ": error: " in line] == [check_line(line)
                                                                                    for line in expected]
    assert f"- `seeds/{UNREADABLE}:1` error: cannot read folder (Permission denied)" in check.stdout
    docs = run(["-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")], cwd=seeds.parent,
               preexec=unprivileged)
    assert docs.returncode == 0, docs.stderr
    assert "Traceback" not in docs.stderr
    warnings = [line.split(" - ", 1)[1].strip() for line in docs.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == expected


@pytest.mark.parametrize("kind", ["pipe", "link"])
def test_a_registry_file_that_is_a_pipe_or_a_link_is_one_error_and_never_read(tmp_path: Path, kind: str) -> None:
    """The registry is read by the seeds' reader: a pipe is refused at once, a link (here to a file outside the
    project) is never followed, in the build and the check alike."""
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    seeds.mkdir()
    data.mkdir()
    (seeds / "a.txt").write_text(article("A seed beside a strange registry"), encoding="utf-8")
    (data / "topics.yml").write_text("[]\n", encoding="utf-8")
    target = data / "companies.yml"
    if kind == "pipe":
        os.mkfifo(target)
        reason = "named pipe (FIFO), not a regular file; registry files must be regular files"
    else:
        outside = tmp_path / "outside.yml"
        outside.write_text("- slug: secret\n  name: Secret Outside\n  kind: automaker\n  country: CN\n", "utf-8")
        target.symlink_to(outside)
        reason = "symbolic link; registry files must be regular files"
    result = build_site(seeds, data)
    assert [str(error) for error in result.errors] == [f"{target.as_posix()}:1: error: {reason}"]
    assert [b.meta.title for b in result.briefings] == ["A seed beside a strange registry"]
    done = subprocess.run([sys.executable, "-m", "generator", "check", "--seeds", str(seeds), "--data", str(data)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert f"companies.yml:1: error: {reason}" in done.stderr
    assert "Secret Outside" not in done.stdout + done.stderr

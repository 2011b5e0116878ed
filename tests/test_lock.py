"""The lock files (requirements.txt, requirements-build.txt; `make lock` writes them): every package of the tree is
pinned to one release with the hashes of its files, in step with the exact pins of pyproject.toml, with no index
address or local path in them; the Makefile installs from them hash-checked, and this environment holds the locked
versions. Tampered copies of the lock, made here, show that each check catches what it is for."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.txt"
BUILD_LOCK = ROOT / "requirements-build.txt"
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")
# An index or find-links option, a URL, a file: reference or an absolute path: a lock must name none of them.
LOCAL_OR_REMOTE = re.compile(r"^\s*-(?!-hash=)-?[a-z]|://|\bfile:|(?:^|[\s(=@])(?:/|~/|[A-Za-z]:\\)", re.M)


@dataclass(frozen=True)
class Locked:
    """One entry of a lock file: a release of a package, for the environments its marker admits."""

    name: str
    version: str
    marker: str
    hashes: tuple[str, ...]


def entries(text: str) -> list[Locked]:
    """The entries of a pip requirements file in hash-checking form; ValueError on anything else."""
    logical = re.sub(r"\\\n", " ", "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")))
    found = []
    for line in filter(None, (line.strip() for line in logical.splitlines())):
        spec, *options = (part.strip() for part in re.split(r"\s+(?=--)", line))
        if bad := [option for option in options if not HASH.fullmatch(option)]:
            raise ValueError(f"{spec[:60]}: not a sha256 hash: {bad[0][:60]}")
        try:
            req = Requirement(spec)
        except InvalidRequirement as error:
            raise ValueError(f"{spec[:60]}: {error}") from None
        pins = [s.version for s in req.specifier if s.operator == "=="]
        if req.url or len(req.specifier) != 1 or not pins or "*" in pins[0]:
            raise ValueError(f"{spec[:60]}: not pinned to one release")
        found.append(Locked(canonicalize_name(req.name), pins[0], str(req.marker or ""), tuple(options)))
    return found


def exact_pins(requirements: list[str]) -> dict[str, str]:
    """Name -> version of pyproject.toml's requirements; ValueError on one that is not an exact pin."""
    pins = {}
    for text in requirements:
        req = Requirement(text)
        specs = list(req.specifier)
        if len(specs) != 1 or specs[0].operator != "==" or "*" in specs[0].version:
            raise ValueError(f"{text}: not an exact pin (name==version)")
        pins[canonicalize_name(req.name)] = specs[0].version
    return pins


def problems(lock_text: str, project: dict) -> list[str]:
    """Why a lock is not in step with pyproject.toml's pins, or is not a plain hash-pinned lock; [] when it is."""
    found = [f"names an index, a URL or a local path: {m.group(0).strip()!r}"
             for m in LOCAL_OR_REMOTE.finditer(lock_text)]
    try:
        locked = entries(lock_text)
    except ValueError as error:
        return [*found, str(error)]
    found += [f"{e.name}=={e.version}: no hash" for e in locked if not e.hashes]
    by_name: dict[str, list[Locked]] = {}
    for entry in locked:
        by_name.setdefault(entry.name, []).append(entry)
    found += [f"{name}: locked {len(same)} times without markers" for name, same in by_name.items()
              if len(same) > 1 and not all(e.marker for e in same)]
    deps = project["project"]
    wanted = [*deps["dependencies"], *(r for extra in deps.get("optional-dependencies", {}).values() for r in extra)]
    try:
        pins = exact_pins(wanted)
    except ValueError as error:
        return [*found, str(error)]
    for name, pinned in pins.items():
        versions = sorted({e.version for e in by_name.get(name, [])})
        if versions != [pinned]:
            found.append(f"{name}: pinned {pinned} in pyproject.toml, locked {', '.join(versions) or 'nowhere'}")
    return found


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def lock_text() -> str:
    return LOCK.read_text(encoding="utf-8")


def test_the_lock_is_in_step_with_pyproject_and_every_entry_has_hashes() -> None:
    assert problems(lock_text(), project()) == []
    locked = entries(lock_text())
    assert len(locked) >= 50  # the whole tree, not just the direct dependencies
    assert all(entry.hashes for entry in locked)
    names = {entry.name for entry in locked}
    # The Markdown readers the escaping depends on come in through MkDocs and Material, not pyproject.toml.
    assert {"markdown", "pymdown-extensions", "markdown-it-py", "nh3", "mkdocs", "mkdocs-material"} <= names


def test_the_build_lock_holds_the_build_backend_pyproject_asks_for() -> None:
    text = BUILD_LOCK.read_text(encoding="utf-8")
    assert not list(LOCAL_OR_REMOTE.finditer(text))
    locked = {entry.name: entry for entry in entries(text)}
    for requirement in map(Requirement, project()["build-system"]["requires"]):
        entry = locked[canonicalize_name(requirement.name)]
        assert entry.hashes
        assert requirement.specifier.contains(entry.version), (requirement, entry.version)


def test_this_environment_holds_the_locked_versions() -> None:
    """`make install` installed exactly the lock: the renderer the tests ran with is the one the site is built with."""
    locked = [e for e in entries(lock_text()) + entries(BUILD_LOCK.read_text(encoding="utf-8"))
              if not e.marker or Requirement(f"{e.name}; {e.marker}").marker.evaluate()]
    wrong = []
    for entry in locked:
        try:
            installed = version(entry.name)
        except PackageNotFoundError:
            installed = "missing"
        if installed == "missing" or Version(installed) != Version(entry.version):
            wrong.append(f"{entry.name}: locked {entry.version}, installed {installed}")
    assert wrong == [], "run `make install`"


def flags(command: str) -> set[str]:
    """A command's options, with `-r FILE` and `-e PATH` kept as one item."""
    return set(re.findall(r"-[re] \S+|--?[\w-]+", command))


def test_the_makefile_installs_from_the_locks_with_hashes_and_the_project_without_dependencies() -> None:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "LOCK := requirements.txt" in text
    assert "BUILD_LOCK := requirements-build.txt" in text
    rule = re.search(r"^\$\(STAMP\):(.*)\n((?:\t.*\n)+)", text, re.M)
    assert rule
    assert {"$(BUILD_LOCK)", "$(LOCK)", "pyproject.toml"} <= set(rule.group(1).split())  # reinstalled on a change
    pips = [line.strip() for line in rule.group(2).splitlines() if " pip install " in line]
    assert len(pips) == 3
    build, tree, itself = pips
    assert {"--require-hashes", "-r $(BUILD_LOCK)"} <= flags(build)
    assert {"--require-hashes", "--no-build-isolation", "-r $(LOCK)"} <= flags(tree)
    assert {"--no-deps", "--no-build-isolation", "-e ."} <= flags(itself)
    assert re.search(r"^lock:", text, re.M)


# Tampered copies of the lock and of pyproject.toml: each change one check exists to catch.
def _bump(text: str, name: str) -> str:
    return re.sub(rf"^({re.escape(name)}==)([^ ;\\]+)", r"\g<1>0.0.0", text, count=1, flags=re.M)


def _drop_hashes(text: str, name: str) -> str:
    return re.sub(rf"^({re.escape(name)}==[^ \\]+) \\\n(?:\s+--hash=\S+(?: \\)?\n)+", r"\1\n", text, flags=re.M)


def _drop_entry(text: str, name: str) -> str:
    return re.sub(rf"^{re.escape(name)}==[^\n]*\\\n(?:\s+--hash=\S+(?: \\)?\n)+", "", text, flags=re.M)


TAMPERED = {
    "version bumped in the lock only": (lambda t: _bump(t, "markdown-it-py"), None,
                                        "markdown-it-py: pinned 4.0.0 in pyproject.toml, locked 0.0.0"),
    "a direct dependency missing from the lock": (lambda t: _drop_entry(t, "nh3"), None, "nh3: pinned"),
    "an entry without hashes": (lambda t: _drop_hashes(t, "pymdown-extensions"), None,
                                "pymdown-extensions==13.1.2: no hash"),
    "a transitive package unpinned": (lambda t: t.replace("\nmarkdown==", "\nmarkdown>=", 1), None,
                                      "not pinned to one release"),
    "a short hash": (lambda t: re.sub(r"(--hash=sha256:)[0-9a-f]{64}", r"\1abc", t, count=1), None,
                     "not a sha256 hash"),
    "an extra index": (lambda t: "--extra-index-url https://mirror.example/simple\n" + t, None,
                       "names an index, a URL or a local path"),
    "a mirror's local files": (lambda t: "--find-links /opt/wheels\n" + t, None,
                               "names an index, a URL or a local path"),
    "a package from a local path": (lambda t: t + "jieba @ file:///opt/pypi/files/jieba-0.42.1.tar.gz\n", None,
                                    "names an index, a URL or a local path"),
    "an absolute path in a comment": (lambda t: t.replace("(pyproject.toml)", "(/home/dev/pyproject.toml)", 1), None,
                                      "names an index, a URL or a local path"),
    "a pin changed in pyproject only": (None, ("mkdocs-material==9.8.2", "mkdocs-material==9.8.3"),
                                        "mkdocs-material: pinned 9.8.3 in pyproject.toml, locked 9.8.2"),
    "a range in pyproject": (None, ("pyyaml==6.0.3", "pyyaml>=6"), "pyyaml>=6: not an exact pin"),
}


@pytest.mark.parametrize("case", TAMPERED, ids=str)
def test_a_tampered_lock_or_pyproject_is_caught(case: str) -> None:
    edit_lock, edit_pyproject, expected = TAMPERED[case]
    text = edit_lock(lock_text()) if edit_lock else lock_text()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    if edit_pyproject:
        assert edit_pyproject[0] in pyproject
        pyproject = pyproject.replace(*edit_pyproject)
    assert text != lock_text() or pyproject != (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = problems(text, tomllib.loads(pyproject))
    assert any(expected in problem for problem in found), found

"""Front matter: the only place that reads or writes YAML front matter."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from functools import lru_cache

import yaml

from generator import safeyaml
from generator.chars import strip_unsafe_all
from generator.errors import SeedError
from generator.model import FrontMatter

_FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")  # a top-level key as editors write them, at the start of a line

# Keys an editor may set, with the types we accept for each.
EDITOR_KEYS: dict[str, tuple[type, ...]] = {
    "title": (str,),
    "date": (str, dt.date, type(None)),
    "source": (str, type(None)),
    "author": (str, type(None)),
    "companies": (list,),
    "topics": (list,),
    "summary": (str,),
    "url": (str, type(None)),
    "language": (str,),
    "institutions": (list,),
    "subjects": (list,),
    "aliases": (list, str),
}


MAX_FRONT_MATTER = 64 * 1024  # characters; a briefing's front matter takes a few hundred

# libyaml (PyYAML's C extension) when present: an order of magnitude faster than the pure-Python codec.
_SafeLoader = safeyaml.Loader
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Loader(_SafeLoader):  # type: ignore[misc,valid-type]
    """Safe loading that keeps dates as written: an impossible date becomes a value we can judge, not a crash."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


def split(name: str, text: str) -> tuple[FrontMatter, str]:
    """Split `text` into its front matter (the mapping, the line of each top-level key, the body's first line) and
    the body."""
    match = _FENCE.match(text)
    if not match:
        return FrontMatter(), text
    raw = match.group(1) or ""
    if len(raw) > MAX_FRONT_MATTER:
        raise SeedError(name, f"front matter is {len(raw):,} characters, over the {MAX_FRONT_MATTER:,} limit", 2)
    try:
        data = safeyaml.load(raw, _Loader)
    except safeyaml.LimitError as exc:
        raise SeedError(name, f"front matter {exc.problem}", exc.line + 2) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise SeedError(name, f"front matter is not valid YAML: {problem}", line) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # e.g. date: 2024-02-30
        raise SeedError(name, f"front matter has an impossible value: {exc}", 2) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SeedError(name, "front matter must be a mapping of keys to values", 2)
    data = strip_unsafe_all(data)  # "\0", "\e" and bidi overrides are valid YAML
    lines_in_fm = text[: match.end()].count("\n")
    body_line = lines_in_fm + 1
    for key, value in data.items():
        expected = EDITOR_KEYS.get(str(key))
        if expected is None:
            continue
        if not isinstance(value, expected):
            names = " or ".join("null" if t is type(None) else t.__name__ for t in expected)
            line = _key_line(raw, str(key))
            raise SeedError(name, f"front matter '{key}' must be {names}, not {type(value).__name__}", line)
        if isinstance(value, list) and not all(isinstance(item, str) for item in value):
            raise SeedError(name, f"front matter '{key}' must be a list of strings", _key_line(raw, str(key)))
    front = FrontMatter({str(k): v for k, v in data.items()}, _key_lines(raw) if data else {}, body_line)
    return front, text[match.end():]


def _key_lines(raw: str) -> dict[str, int]:
    """The seed's line of each top-level key of the front matter `raw` (the first, if a key is written twice)."""
    lines: dict[str, int] = {}
    for number, line in enumerate(raw.split("\n"), start=2):
        match = _TOP_KEY.match(line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


def _key_line(raw: str, key: str) -> int:
    """Line number (in the seed) of `key:` inside the front matter block."""
    for index, line in enumerate(raw.split("\n")):
        if re.match(rf"{re.escape(key)}\s*:", line):
            return index + 2
    return 1


def dump(data: Mapping[str, object]) -> str:
    """Serialise a mapping as a front-matter block (PyYAML's block style; strings quoted only when needed)."""
    lines = ["---"]
    try:
        for key, value in data.items():
            _emit(lines, key, value)
    except _Unsupported:
        return _dump_with_pyyaml(data)
    lines.append("---\n")
    return "\n".join(lines)


class _Unsupported(Exception):
    """A value the fast emitter does not write (PyYAML does)."""


# Our pages hold strings, numbers, null, flat mappings and lists of scalars or of flat mappings: emitting them
# directly is several times faster than yaml.dump plus a check that it loads back. tests/test_properties.py
# checks that PyYAML reads back every string exactly.
_NOT_YAML_PRINTABLE = re.compile(r"[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]")
_PLAIN = re.compile(r"(?![-?:,\[\]{}#&*!|>'\"%@`\s.~])[^\[\]{}]*(?<![\s:])")
_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
_IMPLICIT_FIRST = frozenset(char for char in _RESOLVER.yaml_implicit_resolvers if char)  # may read as non-strings


def _scalar(value: object) -> str:
    """One scalar as YAML: plain when it reads back as the same string, else quoted."""
    if type(value) is str:  # most values: asked first
        return _string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        if _implicit_tag(text) != "tag:yaml.org,2002:float":
            raise _Unsupported  # 1e+16, inf, nan: PyYAML knows how to write them
        return text
    if not isinstance(value, str):
        raise _Unsupported
    return _string(value)


@lru_cache(maxsize=8192)  # keys, slugs and names recur on every page
def _string(value: str) -> str:
    """A string as a YAML scalar."""
    printable = not _NOT_YAML_PRINTABLE.search(value)
    if (printable and _PLAIN.fullmatch(value) and ": " not in value and " #" not in value
            and _reads_as_string(value)):
        return value
    if printable:
        return "'" + value.replace("'", "''") + "'"
    return '"' + _NOT_YAML_PRINTABLE.sub(_escape, json.dumps(value, ensure_ascii=False)[1:-1]) + '"'


def _implicit_tag(value: str) -> str:
    """The tag PyYAML gives `value` written as a plain scalar."""
    return str(_RESOLVER.resolve(yaml.ScalarNode, value, (True, False)))  # type: ignore[no-untyped-call]


def _reads_as_string(value: str) -> bool:
    """True when PyYAML reads `value`, written plain, as a string (not null, a number, a boolean or a date)."""
    if value and value[0] not in _IMPLICIT_FIRST:
        return True
    return _implicit_tag(value) == _STR_TAG


def _escape(match: re.Match[str]) -> str:
    """A YAML double-quoted escape for one character."""
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


_SEQUENCES = (list, tuple)  # isinstance is quicker with a tuple of types than with a union, made at each call
_NESTED = (list, tuple, dict)


def _emit(lines: list[str], key: object, value: object) -> None:
    """Append `key: value` in block style."""
    if isinstance(value, dict) and value:
        lines.append(f"{_scalar(key)}:")
        for sub_key, sub_value in value.items():
            if isinstance(sub_value, _NESTED):
                raise _Unsupported
            lines.append(f"  {_scalar(sub_key)}: {_scalar(sub_value)}")
        return
    if not isinstance(value, _SEQUENCES):
        lines.append(f"{_scalar(key)}: {_scalar(value)}")
        return
    if not value:
        lines.append(f"{_scalar(key)}: []")
        return
    lines.append(f"{_scalar(key)}:")
    for item in value:
        if isinstance(item, dict):
            if not item:
                raise _Unsupported
            prefix = "- "
            for sub_key, sub_value in item.items():
                if isinstance(sub_value, _NESTED):
                    raise _Unsupported
                lines.append(f"{prefix}{_scalar(sub_key)}: {_scalar(sub_value)}")
                prefix = "  "
        else:
            lines.append(f"- {_scalar(item)}")


def _dump_with_pyyaml(data: Mapping[str, object]) -> str:
    """PyYAML for anything else; checks that it loads back to the same values."""
    for readable in (True, False):  # Chinese as written when that round-trips; escapes when it does not (NEL)
        text = yaml.dump(data, Dumper=_SafeDumper, sort_keys=False, allow_unicode=readable,
                         default_flow_style=False, width=100_000)
        if yaml.load(text, Loader=_SafeLoader) == data:  # a safe loader
            return f"---\n{text}---\n"
    raise ValueError("front matter does not round-trip")  # pragma: no cover - a YAML emitter bug


def parse_page(text: str) -> tuple[dict[str, object], str]:
    """Read a generated page back: (front matter, body)."""
    front, body = split("page", text)
    return front.data, body

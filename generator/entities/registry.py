"""Registry: load and validate data/companies.yml, data/topics.yml and data/sources.yml (errors name the file and
line)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from generator import safeyaml
from generator.chars import strip_unsafe_all
from generator.entities.common_words import too_common
from generator.errors import RegistryError
from generator.lexicon.outlets import is_section_label, outlet_key
from generator.lexicon.text import HAN
from generator.model import KINDS, Company, Keyword, Registry, Source, Topic
from generator.paths import RESERVED_SLUGS, is_reserved

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
Entry = dict[str, Any]  # one entry of a registry file, as YAML gives it
COMPANY_KEYS = ("slug", "name", "kind", "country", "parent", "partners", "aliases", "description")
TOPIC_KEYS = ("slug", "name", "description", "keywords", "kinds", "min_score")
SOURCE_KEYS = ("slug", "name", "aliases", "url", "company", "description")
MAX_URL = 2_000
_HOME_PAGE = re.compile(r"^https://[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d{1,5})?(?:/[\w.~%/+-]*)?$", re.I | re.A)


def _entries(path: Path, text: str, label: str) -> list[tuple[int, Entry]]:
    """The YAML list of mappings in a registry file, each with its 1-based line number."""
    try:
        node, data = safeyaml.compose_and_load(text)  # one parse gives both the line numbers and the values
    except safeyaml.LimitError as exc:
        raise RegistryError(label, exc.line + 1, f"YAML {exc.problem}") from None
    except yaml.YAMLError as exc:
        # Where the broken construct starts (an unclosed bracket) beats where the parser gave up (end of file).
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise RegistryError(label, line, f"invalid YAML: {getattr(exc, 'problem', exc)}") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise RegistryError(label, 1, f"impossible value: {exc}") from None
    if data is None:
        return []
    if not isinstance(data, list) or node is None or not isinstance(node, yaml.SequenceNode):
        raise RegistryError(label, 1, "the file must be a list of entries")
    out = []
    for item, item_node in zip(data, node.value, strict=True):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            raise RegistryError(label, line, "each entry must be a mapping")
        out.append((line, strip_unsafe_all(item)))  # control and bidi characters are valid YAML
    return out


def _check_keys(label: str, line: int, item: Entry, allowed: tuple[str, ...], required: tuple[str, ...]) -> None:
    for key in item:
        if key not in allowed:
            hint = difflib.get_close_matches(str(key), allowed, n=1)
            extra = f" (did you mean '{hint[0]}'?)" if hint else ""
            raise RegistryError(label, line, f"unknown field '{key}'{extra}")
    for key in required:
        if item.get(key) in (None, "", []):
            raise RegistryError(label, line, f"missing field '{key}'")


def _new_slug(label: str, line: int, item: Entry, taken: dict[str, int]) -> str:
    """The entry's slug, checked for form and for a clash with an earlier entry (slug -> its line)."""
    slug = str(item["slug"])
    if not _SLUG.match(slug):
        raise RegistryError(label, line, f"slug '{slug}' must be lower-case words joined by hyphens")
    if slug in taken:
        raise RegistryError(label, line, f"duplicate slug '{slug}' (first at line {taken[slug]})")
    if is_reserved(slug):
        reserved = ", ".join(sorted(RESERVED_SLUGS))
        raise RegistryError(label, line, f"slug '{slug}' is reserved for the site's own pages ({reserved})")
    return slug


def _str_list(label: str, line: int, item: Entry, key: str) -> tuple[str, ...]:
    value = item.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RegistryError(label, line, f"'{key}' must be a list of names")
    return tuple(v.strip() for v in value)


def parse_companies(text: str, label: str) -> dict[str, Company]:
    """Companies from the text of companies.yml; raises RegistryError on the first problem."""
    companies: dict[str, Company] = {}
    seen_names: dict[str, tuple[str, int]] = {}
    for line, item in _entries(Path(label), text, label):
        _check_keys(label, line, item, COMPANY_KEYS, ("slug", "name", "kind"))
        slug = _new_slug(label, line, item, {s: c.line for s, c in companies.items()})
        kind = str(item["kind"])
        if kind not in KINDS:
            raise RegistryError(label, line, f"unknown kind '{kind}' (one of: {', '.join(KINDS)})")
        company = Company(
            slug=slug,
            name=str(item["name"]).strip(),
            kind=kind,
            country=str(item.get("country") or ""),
            parent=str(item["parent"]) if item.get("parent") else None,
            partners=_str_list(label, line, item, "partners"),
            aliases=_str_list(label, line, item, "aliases"),
            description=" ".join(str(item.get("description") or "").split()),
            line=line,
        )
        for name in company.names:
            why = too_common(name)
            if why:
                what = "name" if name == company.name else "alias"
                raise RegistryError(label, line, f"{what} '{name}' of '{slug}' is {why}: it would tag nearly every "
                                    "briefing")
            key = name.casefold()
            if key in seen_names and seen_names[key][0] != slug:
                other, other_line = seen_names[key]
                message = f"alias '{name}' of '{slug}' is already used by '{other}' (line {other_line})"
                raise RegistryError(label, line, message)
            seen_names[key] = (slug, line)
        companies[slug] = company
    for company in companies.values():
        if company.parent and company.parent not in companies:
            raise RegistryError(label, company.line, f"unknown parent '{company.parent}'")
        for partner in company.partners:
            if partner not in companies:
                raise RegistryError(label, company.line, f"unknown partner '{partner}'")
        if company.kind == "joint-venture" and len(company.partners) < 2:
            raise RegistryError(label, company.line, f"joint venture '{company.slug}' needs at least two partners")
        if company.kind == "brand" and not company.parent:
            raise RegistryError(label, company.line, f"brand '{company.slug}' needs a parent")
    _check_cycles(companies, label)
    return companies


def _check_cycles(companies: dict[str, Company], label: str) -> None:
    for company in companies.values():
        seen, current = {company.slug}, company.parent
        while current:
            if current in seen:
                raise RegistryError(label, company.line, f"'{company.slug}' is its own ancestor through '{current}'")
            seen.add(current)
            current = companies[current].parent


def parse_topics(text: str, label: str) -> dict[str, Topic]:
    """Topics from the text of topics.yml; raises RegistryError on the first problem."""
    topics: dict[str, Topic] = {}
    for line, item in _entries(Path(label), text, label):
        _check_keys(label, line, item, TOPIC_KEYS, ("slug", "name", "keywords"))
        slug = _new_slug(label, line, item, {s: t.line for s, t in topics.items()})
        keywords = []
        for entry in item["keywords"] if isinstance(item["keywords"], list) else [None]:
            if not (isinstance(entry, dict) and isinstance(entry.get("phrase"), str) and entry["phrase"].strip()
                    and isinstance(entry.get("weight", 1), int)):
                raise RegistryError(label, line, f"topic '{slug}': each keyword needs a phrase and an integer weight")
            why = too_common(entry["phrase"], industry=False)
            if why:
                raise RegistryError(label, line, f"topic '{slug}': keyword '{entry['phrase'].strip()}' is {why}: it "
                                    "would count in nearly every briefing")
            keywords.append(Keyword(entry["phrase"].strip(), int(entry.get("weight", 1))))
        kinds = item.get("kinds") or {}
        if not isinstance(kinds, dict) or not all(k in KINDS and isinstance(w, int) for k, w in kinds.items()):
            raise RegistryError(label, line, f"topic '{slug}': kinds must map organisation kinds to integer weights")
        min_score = item.get("min_score", 3)
        if not isinstance(min_score, int) or min_score < 1:
            raise RegistryError(label, line, f"topic '{slug}': min_score must be a positive whole number")
        topics[slug] = Topic(slug, str(item["name"]), " ".join(str(item.get("description") or "").split()),
                             tuple(keywords), min_score, line, tuple(sorted(kinds.items())))
    return topics


def parse_sources(text: str, label: str, companies: Collection[str] | None = None) -> dict[str, Source]:
    """Sources (outlets) from the text of sources.yml; raises RegistryError on the first problem. With
    `companies` (the slugs of companies.yml), each `company` must be one of them."""
    sources: dict[str, Source] = {}
    seen: dict[str, tuple[str, int]] = {}  # outlet_key of every name and alias -> (slug, line)
    for line, item in _entries(Path(label), text, label):
        _check_keys(label, line, item, SOURCE_KEYS, ("slug", "name", "description"))
        slug = _new_slug(label, line, item, {s: o.line for s, o in sources.items()})
        source = Source(
            slug=slug,
            name=str(item["name"]).strip(),
            aliases=_str_list(label, line, item, "aliases"),
            description=" ".join(str(item["description"]).split()),
            url=_https(label, line, item.get("url")),
            company=str(item["company"]) if item.get("company") else None,
            line=line,
        )
        if companies is not None and source.company and source.company not in companies:
            raise RegistryError(label, line, f"unknown company '{source.company}' (not in companies.yml)")
        for name in source.names:
            what = "name" if name == source.name else "alias"
            if is_section_label(name):
                raise RegistryError(label, line, f"{what} '{name}' of '{slug}' is a section label, never a source")
            key = outlet_key(name)
            if key in seen and seen[key][0] != slug:
                other, other_line = seen[key]
                raise RegistryError(label, line, f"{what} '{name}' of '{slug}' is already used by '{other}' (line "
                                    f"{other_line})")
            seen[key] = (slug, line)
        sources[slug] = source
    return sources


def _https(label: str, line: int, value: object) -> str | None:
    """An outlet's home page: an https address of plain characters (it is printed as a link as it is)."""
    if value in (None, ""):
        return None
    url = str(value).strip()
    if len(url) > MAX_URL or not _HOME_PAGE.match(url):
        raise RegistryError(label, line, f"url '{url[:80]}' must be an https:// address (letters, digits and "
                            "-._~/%+ only)")
    return url


def chinese_names(registry: Registry) -> list[str]:
    """Every name or alias written in Chinese characters, sorted (for the search segmenter's dictionary)."""
    names = [n for c in registry.companies.values() for n in c.names]
    names += [n for s in registry.sources.values() for n in s.names]
    return sorted({name for name in names if HAN.search(name)})

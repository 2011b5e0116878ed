"""Source: the publication, from a Source line, a wire dateline, the copyright line or the masthead (never a
section label such as "Company news"; the registry's spelling is applied later, by Recogniser.source_name)."""

from __future__ import annotations

import re

from generator.lexicon.addresses import without_urls
from generator.lexicon.dates import DATELINE
from generator.lexicon.labels import SOURCE_LABEL, site_suffix, source_name
from generator.lexicon.outlets import is_section_label
from generator.lexicon.text import is_upper, person_names, split_fields, words
from generator.lexicon.zones import body_start
from generator.model import Doc, Kind

_AGENCIES = {"xinhua": "Xinhua", "reuters": "Reuters", "ap": "AP", "afp": "AFP", "bloomberg": "Bloomberg",
             "chinadaily.com.cn": "China Daily", "ecns": "ECNS", "cgtn": "CGTN"}
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>(?:[^.\s]|(?:[^\S\n]|\.)++)+?)"
    r"(?:,?\s*\d{4})?(?:[.,]?\s*(?:all rights reserved|terms\b|privacy\b|版权所有).*)?[.\s]*+$",
    re.I,
)
_MORE_FROM = re.compile(r"^more (?:from|on) (?P<name>.+?)\s*[:：]?$", re.I)
PUBLICATION_WORDS = re.compile(
    r"\b(?:news|daily|post|times|review|wire|monitor|brief|desk|insight|weekly|journal|herald|observer|express|"
    r"today|online|magazine|dispatch|tribune|gazette|press|media|report|week|digest|notes|auto|autos|cars?|"
    r"motors?|ev|evs|world|net|network|agency|bulletin|chronicle|letter|mail|standard|telegraph|wheels)\b|"
    r"\.com|\.cn|日报|晚报|新闻|周刊|汽车",
    re.I,
)


def _tidy(name: str) -> str | None:
    name = re.sub(r"\s+", " ", name).strip(" .,:;|-–—")
    return name if name and len(words(name)) <= 8 else None


def _from_source_lines(doc: Doc) -> str | None:
    for line in doc.lines:
        if line.kind is Kind.SOURCE:
            match = SOURCE_LABEL.match(line.text.strip())
            name = _tidy(without_urls(source_name(match.group("name")))) if match else None
            if name:  # "Source: https://…" names no publication (extract/origin.py reads the address)
                return name
    return None


def _from_dateline(doc: Doc) -> str | None:
    for line in doc.lines:
        if line.is_content:
            match = DATELINE.match(line.text)
            if match:
                agency = match.group("agency").strip()
                return _AGENCIES.get(agency.lower(), agency)
            return None
    return None


def _from_stamp(doc: Doc) -> str | None:
    """A publication named inside a byline or date row ("By ZHAO YIMENG | CHINA DAILY | Updated: …")."""
    for line in doc.lines:
        if line.kind not in (Kind.DATE, Kind.BYLINE):
            continue
        for part in re.split(r"\s*[|｜·•]\s*|\s{2,}", line.text.strip()):
            if re.search(r"[:：\d]|^by\b", part, re.I) or person_names(part):
                continue
            if PUBLICATION_WORDS.search(part) and len(words(part)) <= 5:
                return _tidy(part)
    return None


def _from_footer(doc: Doc) -> str | None:
    for line in doc.lines:
        if line.kind is Kind.COPYRIGHT and re.search(r"©|copyright|\(c\)", line.text, re.I):
            match = _COPYRIGHT.match(line.text.strip())
            if match:
                name = _tidy(re.sub(r"(?i)\b(?:ltd|limited|inc|co)\b\.?", "", match.group("name")))
                if name and PUBLICATION_WORDS.search(name) or (name and len(words(name)) <= 4):
                    return name
        if line.kind is Kind.RELATED:
            more = _MORE_FROM.match(line.text.strip())
            if more:
                return _tidy(more.group("name"))
    return None


def _from_masthead(doc: Doc) -> str | None:
    start = doc.title_index if doc.title_index is not None else body_start(doc)
    for line in doc.lines[:start]:
        if line.kind is not Kind.MASTHEAD:
            continue
        name = split_fields(line.text)[0] if split_fields(line.text) else line.text
        if is_upper(re.sub(r"[^\x00-\x7f]", "", name)) or PUBLICATION_WORDS.search(name):
            return _tidy(name)
    return None


def _from_suffix(doc: Doc) -> str | None:
    for line in doc.lines:
        if line.kind in (Kind.TITLE, Kind.RELATED):
            site = site_suffix(line.text)
            if site:
                return site
    return None


def publication(doc: Doc) -> str | None:
    """The publication that published (or first published) the article, as the page prints it."""
    for finder in (_from_source_lines, _from_dateline, _from_stamp, _from_footer, _from_masthead, _from_suffix):
        found = finder(doc)
        if found and not is_section_label(found):
            return found
    return None

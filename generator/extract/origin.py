"""Origin: the address of the original article that a scraped page prints (a canonical link, a "Source:"/
"Original:"/"Link:" line, or a line that is only the article's address), the addresses it gives that are refused,
and the outlet an address belongs to. What an article's address is: lexicon/addresses.py."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from generator.lexicon.addresses import LABELLED, URL_IN_TEXT, article_url, only_address, trimmed, url_problem
from generator.model import Doc, Source

_CANONICAL_TAG = re.compile(r"<link\b[^<>]{0,600}>", re.I)
_REL_CANONICAL = re.compile(r"\brel\s*=\s*[\"']?canonical\b", re.I)
_HREF = re.compile(r"\bhref\s*=\s*[\"']?(?P<url>[^\s\"'<>]{1,2100})", re.I)


def page_address(doc: Doc) -> str | None:
    """The original article's address that a scraped page prints: a canonical link first, then a labelled
    address ("Source: https://…", "原文链接：https://…"), then a line that is only an address, when the page holds
    one such address only (several are a list of links, not the page's own)."""
    canonical: list[str] = []
    labelled: list[str] = []
    bare: list[str] = []
    for line in doc.lines:
        text = line.text.strip().lstrip("•·*-–— ").strip()
        if "http" not in text.lower():
            continue
        for tag in _CANONICAL_TAG.findall(text):
            href = _HREF.search(tag)
            if _REL_CANONICAL.search(tag) and href:
                canonical.append(trimmed(href.group("url")))
        match = LABELLED.match(text)
        if match:
            found = URL_IN_TEXT.findall(match.group("value"))
            if len(found) == 1:
                labelled.append(trimmed(found[0]))
            continue
        only = only_address(text)
        if only:
            bare.append(only)
    for tier in (canonical, labelled):
        for candidate in tier:
            url = article_url(candidate)
            if url:
                return url
    distinct = {url for url in map(article_url, bare) if url}
    return distinct.pop() if len(distinct) == 1 else None


_SCHEMED = re.compile(r"(?:[a-z][a-z0-9+.-]{0,30}://|javascript:|vbscript:|data:)\S{1,2100}+", re.I)


def address_problems(lines: Iterable[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """Addresses a page gives as its own (alone on a line, or after a label such as "Source:") that are not an
    article's, as (line number, address, why): for the check, when the page gives no good one."""
    found = []
    for number, line in lines:
        text = line.strip().lstrip("•·*-–— ").strip().strip("<>")
        match = LABELLED.match(text)
        value = match.group("value").strip().strip("<>") if match else text
        if _SCHEMED.fullmatch(value):
            address = trimmed(value)
            problem = url_problem(address)
            if problem:
                found.append((number, address, problem))
    return found


def host_key(url: str) -> str:
    """The host of an address without "www." or "m." ("https://www.Example.com/x" -> "example.com")."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    return re.sub(r"^(?:www\d?|m|mobile|amp)\.", "", host)


def outlet_for(url: str, sources: Iterable[Source]) -> Source | None:
    """The outlet of the sources registry whose home page is on the article's host (or a parent domain of it,
    the longest such), or None."""
    host = host_key(url)
    best: Source | None = None
    best_length = 0
    for source in sources:
        home = host_key(source.url) if source.url else ""
        if home and (host == home or host.endswith("." + home)) and len(home) > best_length:
            best, best_length = source, len(home)
    return best

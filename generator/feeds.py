"""Feeds and exports: an Atom feed of the newest briefings and a JSON file of every briefing's metadata."""

from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable

from generator.model import Briefing

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50
_NAMESPACE = uuid.UUID("6f1c2a8e-4d5b-4c1e-9a77-0d2b6c1f5e11")  # fixed: entry ids stay the same across builds


def briefing_url(briefing: Briefing, base_url: str = "") -> str:
    """The briefing's address in the built site, absolute when the site's own address is known."""
    return f"{base_url.rstrip('/')}/briefings/{briefing.slug}/" if base_url else f"briefings/{briefing.slug}/"


def _stamp(date: str | None) -> str:
    return f"{date or '1970-01-01'}T00:00:00Z"


def atom_feed(briefings: tuple[Briefing, ...], title: str, base_url: str = "") -> str:
    """An Atom 1.0 feed of the newest briefings (the corpus order: by publication date, or by the date added when
    that is unknown). An entry links the original article as its related link."""
    ET.register_namespace("", ATOM)
    newest = sorted(briefings, key=lambda b: b.listed_date, reverse=True)[:FEED_SIZE]  # stable: corpus order
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = base_url or f"urn:uuid:{uuid.uuid5(_NAMESPACE, title)}"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(newest[0].listed_date if newest else None)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{base_url.rstrip('/')}/feed.xml" if base_url
                  else "feed.xml")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=base_url or "./")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = title
    for briefing in newest:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = briefing.meta.title
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:uuid:{uuid.uuid5(_NAMESPACE, briefing.seed)}"
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=briefing_url(briefing, base_url))
        if briefing.meta.url:
            ET.SubElement(entry, f"{{{ATOM}}}link", rel="related", href=briefing.meta.url)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(briefing.listed_date)
        if briefing.meta.date:  # an undated briefing's entry has its date added as "updated" only
            ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(briefing.meta.date)
        if briefing.meta.author or briefing.meta.source:
            who = ET.SubElement(entry, f"{{{ATOM}}}author")
            ET.SubElement(who, f"{{{ATOM}}}name").text = briefing.meta.author or briefing.meta.source
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = briefing.summary
        for slug in (*briefing.topics, *briefing.companies):
            ET.SubElement(entry, f"{{{ATOM}}}category", term=slug)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def json_record(b: Briefing, base_url: str = "") -> str:
    """One briefing's metadata as one line of JSON, with no markup characters (the file stays inert even if
    something embeds it in a page)."""
    record = {
        "slug": b.slug,
        "page": briefing_url(b, base_url),
        "title": b.meta.title,
        "date": b.meta.date,
        "added": b.added or None,
        "source": b.meta.source,
        "url": b.meta.url,
        "author": b.meta.author,
        "companies": list(b.companies),
        "institutions": list(b.institutions),
        "subjects": list(b.subjects),
        "topics": list(b.topics),
        "summary": b.summary,
        "key_figures": [f.record() for f in b.figures],
        "seed": b.seed,
        "language": b.language,
        "word_count": b.word_count,
        "reading_time": b.reading_minutes,
    }
    text = json.dumps(record, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def json_export(briefings: tuple[Briefing, ...], base_url: str = "",
                record: Callable[[Briefing, str], str] = json_record) -> str:
    """Every briefing's metadata, newest first, as JSON for other tools (version 2: `url` is the original article's
    address, `page` the briefing's, `added` the date its seed was added): one briefing a line, so that a diff shows
    which briefings changed (and json's C encoder, which does not indent, writes 20,000 in a fraction of a
    second). `record` may be a memoised json_record."""
    lines = ",\n".join(record(b, base_url) for b in briefings)
    return f'{{"version": 2, "count": {len(briefings)}, "briefings": [\n{lines}\n]}}\n'

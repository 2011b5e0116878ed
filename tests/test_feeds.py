"""The Atom feed and the JSON export, read back by a feed library and a JSON parser."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import feedparser

from generator.pipeline import build_site

HERE = Path(__file__).parent
RESULT = build_site(HERE / "fixtures" / "seeds", HERE / "fixtures" / "data", today=dt.date(2026, 11, 25))


def test_atom_feed_is_valid_and_lists_briefings_newest_first_undated_ones_by_date_added() -> None:
    feed = feedparser.parse(RESULT.pages["feed.xml"])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert [e.title for e in feed.entries] == [b.meta.title for b in RESULT.briefings]
    assert [e.updated[:10] for e in feed.entries] == sorted((b.listed_date for b in RESULT.briefings), reverse=True)
    undated = [(e, b) for e, b in zip(feed.entries, RESULT.briefings, strict=True) if not b.meta.date]
    assert undated
    assert all(e.updated.startswith("2026-11-25") and "published" not in e for e, _ in undated)
    dated = [b for b in RESULT.briefings if b.meta.date]
    first = next(e for e in feed.entries if e.title == dated[0].meta.title)
    assert first.link == f"briefings/{dated[0].slug}/"
    assert first.published.startswith(dated[0].meta.date)
    assert first.summary == dated[0].summary
    assert {t.term for t in first.tags} >= set(dated[0].topics)
    assert len({e.id for e in feed.entries}) == len(feed.entries)


def test_feed_links_are_absolute_when_the_site_address_is_known() -> None:
    result = build_site(HERE / "fixtures" / "seeds", today=dt.date(2026, 11, 25), base_url="https://wiki.example/")
    feed = feedparser.parse(result.pages["feed.xml"])
    assert feed.entries[0].link.startswith("https://wiki.example/briefings/")


def test_json_export_holds_every_briefing_with_its_metadata() -> None:
    data = json.loads(RESULT.pages["briefings.json"])
    assert data["count"] == len(RESULT.briefings) == len(data["briefings"])
    record = next(r for r in data["briefings"] if r["seed"] == "004_17d935ea4638a39c.txt")
    assert record["date"] == "2025-12-01"
    assert record["source"] == "Xinhua"
    assert "leapmotor" in record["companies"]
    assert "intelligent-connected-vehicles" in record["topics"]
    assert {"company": "leapmotor", "measure": "price", "value": "100000", "unit": "CNY", "stated": "100,000-yuan"} \
        .items() <= next(f for f in record["key_figures"] if f["company"] == "leapmotor").items()
    assert data["version"] == 2
    assert record["page"] == f"briefings/{record['slug']}/"
    assert record["added"] == "2026-11-25"  # the build date: the fixtures are built without their history
    assert record["url"] is None  # the page prints no address of its own

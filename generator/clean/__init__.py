"""Clean: an ordered chain of small rules, each marking one kind of site chrome in a scraped page.

Every rule is a pure function Doc -> Doc in its own module under `rules/`; RULES below is the
order they run in. A rule only marks lines (kind + rule name); nothing is deleted, so later
stages can still read metadata out of the lines marked as dates, bylines or sources. Last comes
span.py, a stage over the whole page: the article is the best run of prose lines, content outside
it is chrome, and the headline is the header line the article's own words support.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.clean.rules import (
    addresses,
    adverts,
    bylines,
    captions,
    comments,
    cookies,
    copyright,
    counters,
    dates,
    feedback,
    fields,
    headline,
    injected,
    navigation,
    newsletter,
    related,
    repeats,
    share,
    sources,
    stray_captions,
    tags,
    tail,
)
from generator.model import Doc, Line


@dataclass(frozen=True)
class Rule:
    """A named cleaning rule."""

    name: str
    apply: Callable[[Doc], Doc]


RULES: tuple[Rule, ...] = (
    Rule("repeats", repeats.apply),
    Rule("cookies", cookies.apply),
    Rule("fields", fields.apply),
    Rule("dates", dates.apply),
    Rule("bylines", bylines.apply),
    Rule("addresses", addresses.apply),
    Rule("sources", sources.apply),
    Rule("counters", counters.apply),
    Rule("share", share.apply),
    Rule("navigation", navigation.apply),
    Rule("adverts", adverts.apply),
    Rule("captions", captions.apply),
    Rule("related", related.apply),
    Rule("tags", tags.apply),
    Rule("newsletter", newsletter.apply),
    Rule("comments", comments.apply),
    Rule("copyright", copyright.apply),
    Rule("feedback", feedback.apply),
    Rule("headline", headline.apply),
    Rule("injected", injected.apply),
    Rule("stray_captions", stray_captions.apply),
    Rule("tail", tail.apply),
)

# Rules that judge a block on its own words, for editor-written Markdown (no masthead, no zones).
MARKDOWN_RULES: tuple[Rule, ...] = tuple(
    rule for rule in RULES
    if rule.name
    in ("share", "adverts", "captions", "related", "tags", "newsletter", "comments", "copyright", "feedback")
)


def to_doc(name: str, text: str) -> Doc:
    """Split decoded text into non-blank lines, remembering the blank lines before each."""
    lines: list[Line] = []
    blanks = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            blanks += 1
            continue
        lines.append(Line(text=stripped, number=number, blank_before=blanks))
        blanks = 0
    return Doc(name=name, lines=tuple(lines))


def clean(doc: Doc, rules: tuple[Rule, ...] = RULES) -> Doc:
    """Run the rules over `doc` in order."""
    for rule in rules:
        doc = rule.apply(doc)
    return doc

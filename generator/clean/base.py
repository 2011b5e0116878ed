"""The Doc helper every cleaning rule uses: mark the lines a classifier recognises."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace

from generator.lexicon.text import BULLETS, without_bullet
from generator.model import Doc, Kind, Line


def bare(line: Line) -> Line:
    """The line without a leading bullet, as the rules judge it ("• Share on Twitter" is a share line)."""
    if line.text[0] not in BULLETS:  # most lines: no call, no copy
        return line
    return replace(line, text=without_bullet(line.text))


def mark_lines(
    doc: Doc,
    rule: str,
    classify: Callable[[Line, int, Doc], Kind | None],
    max_chars: int | None = None,
    trigger: Callable[[str], object] | None = None,
) -> Doc:
    """Classify each content line with `classify`; lines it returns a Kind for are marked. Lines longer than
    `max_chars` (paragraphs of the article, for rules about short chrome) are passed over unread, and so are lines
    `trigger` finds nothing in: a necessary condition (a compiled pattern's search) that holds for every line the
    classifier could mark, so most lines are ruled out without a call into Python. Returns `doc` itself when no
    line is marked."""
    limit = sys.maxsize if max_chars is None else max_chars
    content = Kind.CONTENT
    lines = doc.lines
    if trigger is None:
        asked = [i for i, line in enumerate(lines) if line.kind is content and len(line.text) <= limit]
    else:
        asked = [i for i, line in enumerate(lines) if line.kind is content and len(line.text) <= limit
                 and trigger(line.text if line.text[0] not in BULLETS else without_bullet(line.text))]
    marked: list[Line] | None = None
    for index in asked:
        kind = classify(bare(lines[index]), index, doc)
        if kind is not None:
            if marked is None:
                marked = list(lines)
            marked[index] = lines[index].mark(kind, rule)
    return doc if marked is None else doc.with_lines(marked)


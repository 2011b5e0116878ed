"""The Doc helpers every cleaning rule uses: zones of the page and marking lines."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace

from generator.clean.text import is_prose, words
from generator.model import Doc, Kind, Line

# Rules ask for the zones of the same Doc once per line; remember the answer for the Doc in hand, so a
# 30,000-line page costs one scan per rule, not one per line. Keyed by identity (a Doc is never mutated).
_zones: dict[tuple[str, int], tuple[Doc, int]] = {}


def _memo(kind: str, doc: Doc, compute: Callable[[Doc], int]) -> int:
    hit = _zones.get((kind, id(doc)))
    if hit is not None and hit[0] is doc:
        return hit[1]
    if len(_zones) > 64:
        _zones.clear()
    value = compute(doc)
    _zones[(kind, id(doc))] = (doc, value)
    return value


def body_start(doc: Doc) -> int:
    """Index of the first content line that reads as running text (len(lines) if none)."""
    return _memo("start", doc, _body_start)


def _body_start(doc: Doc) -> int:
    for index, line in enumerate(doc.lines):
        if line.is_content and is_prose(line.text) and index != doc.title_index:
            return index
    return len(doc.lines)


def substantial(line: Line) -> bool:
    """A paragraph long enough that chrome is unlikely to follow it within the article."""
    return line.is_content and (len(line.text) >= 150 or (len(words(line.text)) >= 20 and is_prose(line.text)))


def last_substantial(doc: Doc) -> int:
    """Index of the last substantial content paragraph (-1 if none)."""
    return _memo("end", doc, _last_substantial)


def _last_substantial(doc: Doc) -> int:
    for index in range(len(doc.lines) - 1, -1, -1):
        if substantial(doc.lines[index]):
            return index
    return -1


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
        asked = [i for i, line in enumerate(lines)
                 if line.kind is content and len(line.text) <= limit and trigger(line.text)]
    marked: list[Line] | None = None
    for index in asked:
        kind = classify(lines[index], index, doc)
        if kind is not None:
            if marked is None:
                marked = list(lines)
            marked[index] = lines[index].mark(kind, rule)
    return doc if marked is None else doc.with_lines(marked)


def replace_line(doc: Doc, index: int, parts: list[Line]) -> Doc:
    """Replace line `index` with `parts`, shifting the title index if needed."""
    lines = list(doc.lines)
    lines[index : index + 1] = parts
    title = doc.title_index
    if title is not None and title > index:
        title += len(parts) - 1
    return replace(doc, lines=tuple(lines), title_index=title)

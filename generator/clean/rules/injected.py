"""Headlines of other articles injected into the body, recognisable by a site-name suffix ("… says-CnEVPost")."""

from __future__ import annotations

from generator.lexicon.labels import site_suffix
from generator.lexicon.text import words
from generator.lexicon.zones import body_start
from generator.model import Doc, Kind


def apply(doc: Doc) -> Doc:
    """Mark injected headlines that carry another page's site suffix."""
    start = body_start(doc)
    lines = list(doc.lines)
    marked = False
    for index, line in enumerate(lines):
        if index > start and line.is_content and site_suffix(line.text) and len(words(line.text)) <= 30:
            lines[index] = line.mark(Kind.RELATED, "injected")
            marked = True
    return doc.with_lines(lines) if marked else doc

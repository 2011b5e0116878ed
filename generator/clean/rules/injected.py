"""Headlines of other articles injected into the body, recognisable by a site-name suffix ("… says-CnEVPost")."""

from __future__ import annotations

import re

from generator.clean.base import body_start
from generator.clean.text import ends_sentence, words
from generator.model import Doc, Kind

# "headline - Site", "headline | Site", or "headline-Site" glued to a lower-case word.
SITE_SUFFIX = re.compile(
    r"(?:(?<!\s)\s++[-–—|]\s++|(?<=[a-z0-9'’])[-–—|])(?P<site>[A-Z][A-Za-z0-9.]*(?:\s[A-Z][A-Za-z0-9.]*){0,3})$"
)
_DASH = re.compile(r"[-–—|]")  # every SITE_SUFFIX has one; a cheap search rules most lines out


def site_suffix(text: str) -> str | None:
    """The site name that ends a headline-shaped line, if any."""
    if ends_sentence(text) or not _DASH.search(text):
        return None
    text = text.strip()
    match = SITE_SUFFIX.search(text)
    if not match:
        return None
    head = text[: match.start()]
    glued = match.group(0)[0] in "-–—|"
    if glued and head.split()[-1][:1].isupper():
        return None  # "Mercedes-Benz": a hyphenated name, not "headline-Site"
    return match.group("site") if len(words(head)) >= 4 else None


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

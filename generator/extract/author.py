"""Author: the person in the byline; never a layout, design, photo or web-editor credit."""

from __future__ import annotations

import re

from generator.clean.rules.bylines import BYLINE_LABEL, ROLE
from generator.clean.text import is_person_name
from generator.model import Doc, Kind

_AUTHOR_LABEL = re.compile(
    r"^(?:by|written by|words by|story by|reporting by|text|author|authors|writer|reporter|correspondent|"
    r"作者|记者|文|撰文)\s*[:：]?\s*",
    re.I,
)
_POSTED_BY = re.compile(r"\bby\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$")


def _name(text: str) -> str | None:
    text = re.split(r",|\s[|·•]\s|\s{2,}", text)[0].strip()
    names = [part.strip() for part in re.split(r"\s+(?:and|&)\s+|、", text)]
    if names and all(is_person_name(n) for n in names):
        return " and ".join(names) if len(names) > 1 else names[0]
    return None


def byline_author(doc: Doc) -> str | None:
    """The first author named in a byline or a "Posted … by" stamp."""
    for line in doc.lines:
        if line.kind not in (Kind.BYLINE, Kind.DATE):
            continue
        text = line.text.strip()
        if line.kind is Kind.DATE:
            posted = _POSTED_BY.search(text)
            if posted and is_person_name(posted.group("name")):
                return posted.group("name")
            continue
        for part in re.split(r"\s*[|·•]\s*|\s{2,}", text):
            label = _AUTHOR_LABEL.match(part)
            if label and label.end() > 0:
                found = _name(part[label.end():])
                if found:
                    return found
            elif not BYLINE_LABEL.match(part):
                role = ROLE.match(part)
                found = _name(role.group("name")) if role else _name(part)
                if found:
                    return found
    return None

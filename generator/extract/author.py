"""Author: the person in the byline; never a layout, design, photo or web-editor credit."""

from __future__ import annotations

import re

from generator.lexicon.labels import BYLINE_LABEL, ROLE
from generator.lexicon.text import is_person_name, person_names
from generator.model import Doc, Kind

_AUTHOR_LABEL = re.compile(
    r"^(?:by|written by|words by|story by|reporting by|text|author|authors|writer|reporter|correspondent|"
    r"作者|记者|文|撰文)\s*+(?:[:：]\s*+)?",
    re.I,
)
_POSTED_BY = re.compile(r"\bby\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$")


def _name(text: str) -> str | None:
    text = re.split(r"\s[|·•]\s|\s{2,}|;|\s+(?:in|for|at)\s+[A-Z]", text)[0].strip()
    names = person_names(text)
    if names is None and "," in text:
        names = person_names(text.split(",")[0])  # "Tomasz Weber, Brussels correspondent"
    return " and ".join(names) if names else None


def byline_author(doc: Doc) -> str | None:
    """The first author named in a byline, a "Posted … by" stamp, or an "Author:" field of a source row."""
    for line in doc.lines:
        if line.kind not in (Kind.BYLINE, Kind.DATE, Kind.SOURCE):
            continue
        text = line.text.strip()
        parts = re.split(r"\s*[|·•]\s*|\s{2,}", text)
        if line.kind is Kind.SOURCE:  # "Source: X | Author: Y": only a labelled author counts
            for part in parts:
                label = _AUTHOR_LABEL.match(part)
                found = _name(part[label.end():]) if label and label.end() > 0 else None
                if found:
                    return found
            continue
        if line.kind is Kind.DATE:
            posted = _POSTED_BY.search(text)
            if posted and is_person_name(posted.group("name")):
                return posted.group("name")
            for part in parts:
                label = re.match(r"^by\s+", part, re.I)
                found = _name(part[label.end():]) if label else None
                if found:
                    return found
            continue
        for part in parts:
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

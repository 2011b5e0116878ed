"""Labels: how a page names its parts: byline and source labels, staff roles, and a site name after a headline."""

from __future__ import annotations

import re

from generator.lexicon.text import ends_sentence, words

BYLINE_LABELS = (
    r"by|written by|words by|story by|reporting by|text|author|authors|writer|reporter|correspondent|"
    r"editor|edited by|chief editor|responsible editor|web editor|layout|design|designer|photos?|photography|"
    r"proofread(?:ing|er)?|translat(?:ed by|or|ion)|作者|记者|编辑|责任编辑|责编|文|图|撰文|摄影"
)
BYLINE_LABEL = re.compile(rf"^(?:{BYLINE_LABELS})\b\s*+(?:[:：]\s*+)?", re.I)
ROLES = r"(?:correspondent|reporter|editor|writer|columnist|contributor|analyst|staff|bureau chief|journalist)s?"
ROLE = re.compile(rf"^(?P<name>.*?\S)\s*+[,|–—-]\s*+(?:our\s+|a\s+)?(?:[\w-]{{1,50}}\s++){{0,3}}{ROLES}$", re.I)


def signed(text: str) -> bool:
    """True for a credit with its cue: "By …", "Author: …", or a name with its role."""
    return bool(BYLINE_LABEL.match(text) or ROLE.match(text))

# What separates the steps of a breadcrumb trail ("Home > Autos", "Home >> News", "首页 » 汽车").
CRUMB_ARROWS = r">>?|›|»|→"

SOURCE_LABELS = (
    r"source|sources|article|via|from|reprinted from|originally published (?:in|by|on)|republished from|"
    r"courtesy of|来源|文章来源|稿件来源|出处"
)
SOURCE_LABEL = re.compile(rf"^(?:{SOURCE_LABELS})\s*[:：]\s*(?P<name>.+)$", re.I)
_NAME_END = re.compile(r"\s*[|｜·•]\s*|\s{2,}|\s+(?=\d{4}[-/.年])")


def source_name(value: str) -> str:
    """The publication part of a source line's value ("Xinhua| 2024-01-11 17:03|Editor: x" -> "Xinhua")."""
    return _NAME_END.split(value.strip())[0].strip()


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

"""Title: the headline the cleaner found, or a headline made from the lede when the page has none."""

from __future__ import annotations

import re

from generator.lexicon.dates import find_dates
from generator.lexicon.labels import CRUMB_ARROWS, site_suffix
from generator.lexicon.text import without_bullet, words
from generator.model import Doc

_LEAD_TIME = re.compile(
    r"^(?:on|in|at|by|since|as of|earlier|late|early|last|this)\b[^,]{0,40},\s+", re.I
)
# "This article serves as…", "The author holds…": notes about the piece, not its lede.
EDITORS_NOTE = re.compile(r"^(?:this (?:article|piece|column|story|post)|the author|editor'?s note|note)\b", re.I)


# A breadcrumb trail ("Home > News > Headline", "Home - NHL - Recaps - Headline"): its last step is the page.
_CRUMB_ARROW = re.compile(rf"(?<!\s)\s++(?:{CRUMB_ARROWS})\s++")
_CRUMB_ANY = re.compile(rf"(?<!\s)\s++(?:{CRUMB_ARROWS}|-|–|\||/)\s++")
_HOME = re.compile(r"^(?:home|homepage|home page|front page|main page|you are here:?)$", re.I)


def breadcrumb_tail(text: str) -> str:
    """The last step of a breadcrumb trail, or the text itself when it is not one."""
    for crumb, needs_home in ((_CRUMB_ARROW, False), (_CRUMB_ANY, True)):
        parts = crumb.split(text)
        if len(parts) >= 3 and (not needs_home or _HOME.match(parts[0])) \
                and all(len(words(p)) <= 3 for p in parts[:-1]) and len(words(parts[-1])) >= 3:
            return parts[-1]
    return text


def headline(doc: Doc) -> str | None:
    """The headline line's text, without a breadcrumb trail, a leading date or a trailing site suffix."""
    if doc.title_index is None:
        return None
    text = breadcrumb_tail(" ".join(without_bullet(doc.lines[doc.title_index].text).split()))
    found = find_dates(text)
    if found and found[0].start <= 6:
        text = text[found[0].end :].strip(" -|·:")
    suffix = site_suffix(text)
    if suffix:
        text = text[: text.rfind(suffix)].rstrip(" -–—|")
    return text or None


def from_lede(paragraphs: list[str]) -> str | None:
    """A headline for a page that has none: the first clause of the lede's first sentence."""
    for text in paragraphs:
        if EDITORS_NOTE.match(text) or len(words(text)) < 8:
            continue
        sentence = re.split(r"(?<=[.!?。])\s+", text.strip(), maxsplit=1)[0].rstrip(".。")
        sentence = _LEAD_TIME.sub("", sentence)
        sentence = sentence[0].upper() + sentence[1:]
        if len(sentence) > 110:
            cut = [m.start() for m in re.finditer(r",\s|\s[-–—]\s|;\s|\s(?:marking|as|while|which|after)\s", sentence)
                   if 40 <= m.start() <= 110]
            sentence = sentence[: cut[0]] if cut else sentence[:110].rsplit(" ", 1)[0]
        return sentence.strip(" ,;:")
    return None


def without_source_prefix(title: str, source: str | None) -> str:
    """Drop a leading "Publication: " when it names the source ("Beijing Daily: Under the Banner …")."""
    if source and title.casefold().startswith(source.casefold() + ":"):
        rest = title[len(source) + 1 :].strip()
        if len(words(rest)) >= 4:
            return rest
    return title

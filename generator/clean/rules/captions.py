"""Image captions and credits standing alone ("… (Photo/VCG)", "Photo: …", "Image credit: Leapmotor")."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.lexicon.text import HAN_CHARS, words
from generator.model import Doc, Kind, Line

_LEAD_LABEL = (
    r"(?:photo|photos|image|images|picture|pictures|pic|graphic|graphics|illustration|infographic|video|"
    r"cover(?: image| photo)?|file photo|screenshot|chart|图|图片|配图|视频)(?:\s+(?:credit|credits|source))?\s*[:：|]"
)
_LEAD = re.compile(rf"^{_LEAD_LABEL}", re.I)
_CREDIT_TAIL = re.compile(
    r"[(\[（【]\s*(?:photo|photos|image|picture|pic|file photo|图|图片|摄)?\s*(?:[/:：]|by)?\s*"
    r"(?:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}|[" + HAN_CHARS + "]{2,8})"
    r"(?:\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?\s*[)\]）】]\s*$"
)
_CREDIT_WORD = re.compile(
    r"\b(?:photo|image|picture|pic|credit|courtesy|file|xinhua|vcg|getty|reuters|ap|afp|ic)\b|摄|图", re.I
)
_PROVIDED = re.compile(
    r"[(\[（【]\s*(?:file\s+)?(?:photo|image|picture|pic|video|图)\b[^()\[\]（）【】]{0,80}[)\]）】]\s*$", re.I
)
# A credit set after the caption without brackets: "… in Paris Benoit Tessier/Reuters", "… 图/新华社".
_WIRE_TAIL = re.compile(
    r"(?:\s[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|[" + HAN_CHARS + r"]{0,4}(?:摄影?|图))\s*/\s*"
    r"(?:reuters|ap|afp|getty images|getty|xinhua|vcg|epa|bloomberg|imaginechina|cfp|新华社|视觉中国|中新社)\s*$",
    re.I,
)
_CREDIT_LABEL = r"(?:image|photo|picture)?\s*(?:credit|credits|courtesy)\s*[:：]"
_CREDIT_ONLY = re.compile(rf"^{_CREDIT_LABEL}", re.I)
_FIRST = re.compile(rf"^\s*+(?:{_CREDIT_LABEL}|{_LEAD_LABEL})", re.I)
_CLOSERS = (")", "]", "）", "】")


def trigger(text: str) -> bool:
    """False when _classify surely leaves a line with this text alone: it marks a line that opens like _CREDIT_ONLY
    or _LEAD, ends in the bracket that closes _PROVIDED and _CREDIT_TAIL, or holds the slash of _WIRE_TAIL."""
    return text.rstrip().endswith(_CLOSERS) or _FIRST.match(text) is not None or "/" in text


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    text = line.text.strip()
    if len(words(text)) > 60:
        return None
    if _CREDIT_ONLY.match(text):
        return Kind.CREDIT
    if _LEAD.match(text):
        return Kind.CAPTION
    if _PROVIDED.search(text):
        return Kind.CAPTION
    tail = _CREDIT_TAIL.search(text)
    if tail and (_CREDIT_WORD.search(tail.group(0)) or "/" in tail.group(0)):
        return Kind.CAPTION
    if _WIRE_TAIL.search(text):
        return Kind.CAPTION
    return None


def apply(doc: Doc) -> Doc:
    """Mark captions and image credits."""
    return mark_lines(doc, "captions", _classify, max_chars=600, trigger=trigger)

"""Captions left behind by removed images: short stand-alone lines that describe a picture.

A picture caption names a concrete subject (a vehicle, a plant, a team at an event) and says
what it is doing in the present tense ("… vehicle appears at the Auto Show"), or is a bare
title-case noun phrase naming a place or product. Section headings, by contrast, open with a
question word, a preposition or a participle, or name no concrete subject.
"""

from __future__ import annotations

import re

from generator.lexicon.text import ends_sentence, has_words, title_case_ratio
from generator.lexicon.zones import body_start
from generator.model import Doc, Kind, Line

_SUBJECT = re.compile(
    r"\b(?:vehicles?|cars?|coach(?:es)?|bus(?:es)?|trucks?|suvs?|sedans?|vans?|plants?|factory|factories|"
    r"workshops?|production lines?|assembly lines?|showrooms?|booths?|stands?|stations?|pavilions?|"
    r"exhibition|auto show|motor show|ceremony|teams?|volunteers?|workers?|staff|employees|delegation|"
    r"guests?|visitors?|prototypes?|concept)\b",
    re.I,
)
_PRESENT = re.compile(
    r"\b(?:is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b|\b(?:appears?|shows?|presents?|poses?|walks?|stands?|serves?|"
    r"provides?|attends?|visits?|speaks?|inspects?|rolls? off|drives?|displays?|unveils?|launches?|"
    r"celebrates?|holds?|receives?|greets?|waves?|tours?|signs?|debuts?|arrives?)\b",
    re.I,
)
_MODEL_CODE = re.compile(r"\b[A-Z]{1,4}\d{1,3}[A-Z]?\b")
_HEADING_START = re.compile(
    r"^(?:why|how|what|who|when|where|which|whether|inside|behind|beyond|from|with|without|after|before|"
    r"towards?|into|on|in|at|for|during|a|an|the|our|its|\w+[^\Wjqx]ing|\w+ed)\b",
    re.I,
)
_LONGEST = 400  # characters: twenty words of twenty letters; no caption is longer
_PAST = re.compile(r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )\b[a-z]{3,}ed\b")


def caption_score(text: str) -> int:
    """How much a stand-alone line reads like a picture caption (4 or more: a caption)."""
    score = 0
    verb = _PRESENT.search(text)
    if verb:
        score += 2
    if _SUBJECT.search(text):
        score += 2
    if _MODEL_CODE.search(text):
        score += 1
    first = text.split()[0]
    if _HEADING_START.match(first):
        score -= 3
    elif first[0].isupper():
        score += 1
    if _PAST.search(text):
        score -= 2  # past-tense narration belongs to the article, captions speak in the present
    if not verb and not ends_sentence(text) and title_case_ratio(text) >= 0.8:
        score += 1  # a title-case noun phrase such as "… Manufacturing Plant"
    return score


def _standalone(doc: Doc, index: int) -> bool:
    line: Line = doc.lines[index]
    following = doc.lines[index + 1] if index + 1 < len(doc.lines) else None
    return line.blank_before >= 1 and (following is None or following.blank_before >= 1)


def apply(doc: Doc) -> Doc:
    """Mark stand-alone picture captions inside the body."""
    start = body_start(doc)
    lines = list(doc.lines)
    marked = False
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if not line.is_content or not _standalone(doc, index):
            continue
        text = line.text.strip()
        if len(text) > _LONGEST:
            continue  # a paragraph: counting its words would only say so again
        if text.endswith((":", "?", "：")) or text[0] in "\"'“‘•-*":
            continue
        if not has_words(text, 5) or has_words(text, 21):  # 5 to 20 words, counted no further than 21
            continue
        if caption_score(text) >= 4:
            lines[index] = line.mark(Kind.CAPTION, "stray_captions")
            marked = True
    return doc.with_lines(lines) if marked else doc

"""Span: the article as the best contiguous run of prose lines, and the headline chosen by what the article says.

After the rules have labelled what they recognise, every line gets a score: positive for prose (long, ending in a
sentence, dense in function words as jusText measures it, or in Chinese punctuation), negative for everything
else. The article is the run of lines with the highest total (the maximum-sum idea of Finn et al.'s Body Text
Extraction); content lines outside it are chrome. The headline is then picked among the header lines above the
article by evidence: the first candidate whose content words the article's first paragraphs repeat, or the one
that sits in a headline's place, right above the byline or date.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.clean.base import bare
from generator.lexicon.dates import find_dates
from generator.lexicon.labels import signed
from generator.lexicon.prose import prose_score
from generator.lexicon.text import HAN, HAN_CHARS, SMALL_WORDS, ends_sentence, is_person_name, is_upper, words
from generator.model import Doc, Kind, Line

MARKED = -2.0  # a line a rule has labelled: chrome, but a short run of it may sit inside the article


def line_score(line: Line) -> float:
    """How much a line adds to the article (negative: how much it takes away)."""
    if not line.is_content:
        return MARKED
    return prose_score(line.text)


def best_span(scores: list[float]) -> tuple[int, int]:
    """The [start, end) run with the highest sum (empty when no score is positive)."""
    best, best_at = 0.0, (0, 0)
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_at = total, (start, index + 1)
    return best_at


def article_span(doc: Doc) -> tuple[list[float], int, int]:
    """Each line's score, and the [start, end) run of lines with the highest total, with the sentences right
    above it that could be either (a one-sentence lede scores 0: the run alone would leave it out)."""
    scores = [line_score(line) for line in doc.lines]
    start, end = best_span(scores)
    while start > 0 and scores[start - 1] == 0 and doc.lines[start - 1].is_content:
        start -= 1
    return scores, start, end


def apply(doc: Doc) -> Doc:
    """Mark the content lines outside the article span, and pick the headline the article supports."""
    scores, start, end = article_span(doc)
    if start == end:
        return doc
    first = next(i for i in range(start, end) if scores[i] > 0)
    lede = _lede(doc, first)
    doc = _retitle(doc, choose_title(doc, first, lede))
    inside = set(range(start, end))
    under = (doc.title_index or 0) + 1
    if doc.title_index is not None and under < start and _standfirst(doc.lines[under], lede):
        inside.add(under)
    lines = list(doc.lines)
    marked = False
    for index, line in enumerate(lines):
        if line.is_content and index not in inside and index != doc.title_index:
            lines[index] = line.mark(Kind.OUTSIDE, "span")
            marked = True
    return doc.with_lines(lines) if marked else doc


def _retitle(doc: Doc, pick: int | None) -> Doc:
    """The page with line `pick` as its headline (the rules' choice stays when there is no pick)."""
    if pick is None or pick == doc.title_index:
        return doc
    lines = list(doc.lines)
    old = doc.title_index
    if old is not None:
        lines[old] = lines[old].mark(Kind.MASTHEAD if old < pick else Kind.OUTSIDE, "span")
    for index in range(pick):
        if lines[index].is_content:
            lines[index] = lines[index].mark(Kind.MASTHEAD, "span")
    lines[pick] = lines[pick].mark(Kind.TITLE, "span")
    return replace(doc, lines=tuple(lines), title_index=pick)


_URL = re.compile(r"https?://|www\.|\.(?:com|net|org|co\.uk)\b", re.I)
_BYLINE = re.compile(r"^(?:by|written by|posted by|from)\b", re.I)
_HAN_RUN = re.compile(f"[{HAN_CHARS}]+")
_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
_TITLE_RULES = ("", "headline", "span")  # labels that are guesses about the header, not evidence of chrome
HEADER_LINES = 40  # the headline is among the first lines of the page above the article


def _candidate(line: Line) -> bool:
    """Could this line be the headline? Not chrome a rule found, a URL, a date, a byline or a label."""
    text = bare(line).text
    # A name-shaped line above the body may be a short headline ("Smith Derby-bound"), not a byline.
    named = line.rule == "bylines" and not signed(text)
    if line.rule not in _TITLE_RULES and not named:
        return False
    if _URL.search(text) or _BYLINE.match(text) or find_dates(text):
        return False
    if _menu(text):
        return False
    n = len(words(text))
    if n < 3 or n > 30 or len(text) > 220 or is_person_name(text):
        return False
    return not (is_upper(text) and n <= 6)


def _menu(text: str) -> bool:
    """True for a row of short links between pipes ("Home | More National News")."""
    parts = text.split(" | ")
    return len(parts) > 1 and all(len(words(part)) <= 3 for part in parts)


def _folded(text: str) -> str:
    return " ".join(_CONTENT_WORD.findall(text.lower()))


def _outlet_lines(doc: Doc) -> str:
    """The source and copyright lines, folded: a line named in them is the publication's name, not a headline."""
    return "\n".join(_folded(line.text) for line in doc.lines if line.kind in (Kind.SOURCE, Kind.COPYRIGHT))


def _names_outlet(text: str, outlets: str) -> bool:
    """True when the line's words are those of a source or copyright line (the site's name, not a headline)."""
    folded = _folded(text)
    return bool(folded) and folded in outlets


def _stems(text: str) -> set[str]:
    """The content words of `text`, cut to five letters ("passes" and "passed" are one); in Chinese, which has no
    spaces between words, every pair of neighbouring Han characters."""
    if text.isascii():
        return {word[:5] for word in _CONTENT_WORD.findall(text.lower()) if word not in SMALL_WORDS}
    latin = (word.lower() for word in _CONTENT_WORD.findall(text) if not HAN.match(word))
    stems = {word[:5] for word in latin if word not in SMALL_WORDS}
    for run in _HAN_RUN.findall(text):
        stems.update(run[i : i + 2] for i in range(len(run) - 1))
    return stems


LEDE_WORDS = 150  # how much of the article a headline's words are looked for in
DECK_WORDS = 15  # a line this long under a shorter headline-shaped line is a standfirst
STANDFIRST_WORDS = 12  # a sentence under the headline longer than this is its standfirst, not a label


def _standfirst(line: Line, lede: set[str]) -> bool:
    """True for the line right under the headline when it is a subtitle the article bears out, or a standfirst:
    a sentence longer than a label (STANDFIRST_WORDS)."""
    if not line.is_content:
        return False
    return _shares(line.text, lede) or (ends_sentence(line.text) and len(words(line.text)) > STANDFIRST_WORDS)


def _lede(doc: Doc, start: int) -> set[str]:
    """The stems of the article's first paragraphs (about LEDE_WORDS words from `start`)."""
    lede: set[str] = set()
    seen = 0
    for line in doc.lines[start:]:
        if line.is_content and prose_score(line.text) > 0:
            lede |= _stems(line.text)
            seen += len(words(line.text))
            if seen >= LEDE_WORDS:
                break
    return lede


def _shares(text: str, lede: set[str]) -> bool:
    """True when enough of the line's content words recur in the lede."""
    own = _stems(text)
    shared = own & lede
    return len(shared) >= 2 and len(shared) >= 0.34 * len(own)


def choose_title(doc: Doc, start: int, lede: set[str]) -> int | None:
    """The headline among the header lines before the article (which starts at `start`): of the lines whose
    content words recur in the article's first paragraphs, the first or the one right above the byline
    (`_over_its_credit`), or the line above it when that one is a standfirst under a shorter line; None when no
    line shares enough of them."""
    if not lede:
        return None
    outlets = _outlet_lines(doc)
    lines = doc.lines
    candidates = [i for i in range(max(0, start - HEADER_LINES), start)
                  if _candidate(lines[i]) and not _names_outlet(lines[i].text, outlets)]
    sharing = [i for i in candidates if _shares(lines[i].text, lede)]
    pick = _over_its_credit(lines, sharing) if sharing else None
    if pick is not None and pick - 1 in candidates and len(words(lines[pick].text)) >= DECK_WORDS \
            and len(words(lines[pick - 1].text)) < DECK_WORDS:
        return pick - 1  # the headline above its standfirst
    return pick


def _over_its_credit(lines: tuple[Line, ...], sharing: list[int]) -> int:
    """The first of the lines that share the lede's words, unless a later one is the only one right above a byline
    or date (a headline's place) and is more than an echo of the first: then that one, or the first line of the
    run of sharing lines it ends (a headline over its subtitle)."""
    first = sharing[0]
    credited = [i for i in sharing if _over_credit(lines, i)]
    if len(credited) != 1 or credited[0] == first:
        return first
    pick = credited[0]
    while pick - 1 in sharing:
        pick -= 1
    return first if _stems(lines[pick].text) <= _stems(lines[first].text) else pick


def _over_credit(lines: tuple[Line, ...], index: int) -> bool:
    """True when the line right under line `index` is a date or a byline with its cue ("By …", "Author: …"; a
    name alone may be a label that only looks like one)."""
    if index + 1 >= len(lines):
        return False
    under = lines[index + 1]
    return under.kind is Kind.DATE or (under.kind is Kind.BYLINE and signed(bare(under).text))

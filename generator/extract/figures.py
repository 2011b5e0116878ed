"""Key figures: what an article says a company sold, earned, charged or built, with the value as stated and
normalised, the period it covers and the clause that says so.

A figure belongs to a company only when a sentence names the company before the value and a measure word (sales,
revenue, 销量, 营收 …) ties them together; a value without a named subject or a measure is not a key figure.
Years, dates, page numbers and bare counters never qualify: a value needs a unit, a currency or a magnitude word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from itertools import islice

from generator.lexicon.measures import YEAR, measure_at, period_near
from generator.lexicon.quantities import CN_FIGURE, FIGURE, normalise
from generator.lexicon.text import HAN
from generator.model import Figure

Named = tuple[str, int, int]  # a company's slug and where the paragraph names it
_DIGIT = re.compile(r"\d")
# Numbers that name rather than measure: "No. 2 plant", "Phase 1", "Level 2", "Model 3".
_LABEL_BEFORE = re.compile(r"(?:\bNo\.?|#|\b[Pp]hase|\b[Ll]evel|\b[Mm]odel|\b[Gg]eneration|\bL)$")
_LONGEST_LABEL = len("Generation")
# Between two sentences: the spaces after a full stop, "?" or "!" (group 1) before what may start a sentence, or
# nothing after a Chinese full stop. The stop is matched, not looked behind for: the engine then finds the places to
# try with a quick scan instead of trying a look-behind at every character.
_SENTENCE_BREAK = re.compile(r"[.!?](\s+)(?=[A-Z0-9\"“‘'(])|[。！？；]")
_STATEMENT_BREAK = re.compile(r";|；|,\s+(?:while|whereas|but|although|though|and)\s|\s(?:--|—|–)\s|，(?:而|但)")
_REPORTING = re.compile(
    r"\b(?:expects?|expected|said|says|forecasts?|estimates?|estimated|believes?|predicts?|predicted|thinks?|"
    r"reckons?|according to)\b|表示|预计|称|认为|预测", re.I)
_CLAUSE_BREAK = re.compile(r"[,:]\s|[，：]")
_CLAUSE_END = re.compile(r"[,;:]\s|[，；：]|\s(?:--|—|–)\s|\s\(|[,;:]$")
MAX_FIGURES = 8
MAX_CONTEXT_WORDS = 30
_SMALL_UNITS = ("minutes", "hours", "years", "times")


def _labelled(sentence: str, start: int) -> bool:
    """Whether a label ("No.", "Phase", "Model") ends just before `start`."""
    lo = max(0, start - 32)
    end = lo + len(sentence[lo:start].rstrip())
    return bool(_LABEL_BEFORE.search(sentence, max(lo, end - _LONGEST_LABEL), end))


def _sentences(paragraph: str) -> list[tuple[int, str]]:
    """The sentences of a paragraph with their offsets ("Sales rose 5.2%." stays one sentence)."""
    found, start = [], 0
    for piece in _SENTENCE_BREAK.finditer(paragraph):
        end, after = piece.span(1) if piece.group(1) is not None else (piece.end(), piece.end())
        if end > start:
            found.append((start, paragraph[start:end]))
        start = after
    if start < len(paragraph):
        found.append((start, paragraph[start:]))
    return found


def _context(sentence: str, subject: Named, value_start: int, value_end: int) -> str | None:
    """The sentence from the company's name to the end of the figure's clause (with what lies between cut to
    "…" when it is long); None when even that is too long to be one statement or leaves a bracket open."""
    tail = _CLAUSE_END.search(sentence, value_end)
    end = tail.start() if tail else len(sentence)
    clause = sentence[subject[1] : end].strip()
    if len(clause.split()) > MAX_CONTEXT_WORDS:
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, subject[2], value_start)]
        if not breaks:
            return None
        clause = f"{sentence[subject[1] : subject[2]]} … {sentence[breaks[-1] : end].strip()}"
    clause = clause.rstrip(".。;；,，")
    if len(clause.split()) > MAX_CONTEXT_WORDS or clause.count("(") != clause.count(")") \
            or clause.count("（") != clause.count("）"):
        return None
    return clause


def _subject(sentence: str, named: Sequence[Named], start: int) -> Named | None:
    """The company the figure's part of the sentence is about: the first it names before the figure, outside
    brackets ("BAIC, partner to Hyundai (Beijing Hyundai), aims at 4 million sales" is about BAIC), and after the
    last break between statements ("NIO delivered 20,000, while Xpeng delivered 15,000")."""
    part = max((m.end() for m in _STATEMENT_BREAK.finditer(sentence, 0, start)), default=0)
    found = [(slug, a, b) for slug, a, b in named
             if part <= a and b <= start and sentence.count("(", 0, a) == sentence.count(")", 0, a)]
    if not found:
        return None
    subject = found[0]
    for later in found[1:]:  # "Analysts at UBS expect Tesla to lift its margin": the figure is Tesla's
        if _REPORTING.search(sentence, subject[2], later[1]):
            subject = later
    return subject


def _candidates(sentence: str) -> list[tuple[int, int, str, Decimal, str]]:
    """The values a sentence states: (start, end, as stated, amount, unit), years, labels and bare numbers
    left out."""
    found = []
    for m in FIGURE.finditer(sentence):
        cur, n1, m1, n2, m2, money, unit = m.groups()
        if not (cur or m1 or m2 or money or unit):
            continue
        number, magnitude = n1 or n2, m1 or m2
        if unit and not magnitude and unit.split()[-1].lower() in _SMALL_UNITS:
            continue
        if (not (cur or money) and YEAR.fullmatch(number)) or _labelled(sentence, m.start()):
            continue
        amount, code = normalise(number, magnitude, cur or money, unit)
        found.append((m.start(), m.end(), " ".join(m.group(0).split()), amount, code))
    if HAN.search(sentence):
        for m in CN_FIGURE.finditer(sentence):
            number, magnitude, unit = m.group("n"), m.group("m"), m.group("u")
            amount, code = normalise(number, magnitude, unit if unit.endswith("元") else None, unit)
            found.append((m.start(), m.end(), m.group(0), amount, code))
    return sorted(found)


def key_figures(paragraphs: list[str], companies: Callable[[str], Sequence[Named]],
                limit: int = MAX_FIGURES) -> tuple[Figure, ...]:
    """The first `limit` figures an article states about the companies it names (`companies` finds them in a
    paragraph), in the order it states them, each at most once."""
    return tuple(islice(_figures(paragraphs, companies), limit))


def _figures(paragraphs: list[str], companies: Callable[[str], Sequence[Named]]) -> Iterator[Figure]:
    """Every figure the paragraphs state, in order, each once; read only as far as they are asked for."""
    seen: set[tuple[str, str, str, str]] = set()
    for paragraph in paragraphs:
        if not _DIGIT.search(paragraph):
            continue  # every figure holds a digit: looking for one is far quicker than looking for a figure
        named = companies(paragraph)
        if not named:
            continue
        for offset, sentence in _sentences(paragraph):
            here = [(slug, a - offset, b - offset) for slug, a, b in named
                    if offset <= a and b <= offset + len(sentence)]
            if not here or not _DIGIT.search(sentence):
                continue
            for start, end, stated, amount, unit in _candidates(sentence):
                subject = _subject(sentence, here, start)
                if subject is None:
                    continue
                measure = measure_at(sentence, subject[2], start, end, unit)
                context = _context(sentence, subject, start, end) if measure else None
                if measure is None or context is None:
                    continue
                value = _plain(amount)
                key = (subject[0], measure, value, unit)
                if key in seen:
                    continue
                seen.add(key)
                yield Figure(company=subject[0], measure=measure, value=stated, amount=value, unit=unit,
                             period=period_near(sentence, start), context=context)


def _plain(amount: Decimal) -> str:
    """A decimal written out in full, without an exponent or trailing zeros ("33400000000", "30.3")."""
    return format(amount.normalize(), "f")

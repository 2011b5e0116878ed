"""Key figures: the quantities an article states (money, units, shares, capacities) with the clause around them.

A figure needs a unit, a currency or a magnitude word, so years, dates, page numbers and bare counters
never qualify; the text comes from the cleaned body, so view counts and other chrome are already gone.
"""

from __future__ import annotations

import re

from generator.model import Figure

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MAGNITUDE = r"(?:\s?(?:million|billion|trillion|thousand|mn|bn)\b)"
_CURRENCY_BEFORE = r"(?:US\$|HK\$|\$|€|¥|£|(?:RMB|CNY|USD|EUR|HKD)\s?)"
_MONEY_AFTER = (
    r"(?:yuan|renminbi|RMB|CNY|(?:US|U\.S\.|Hong Kong)\s(?:dollars?)|dollars?|euros?|won|yen|pounds?)"
)
_UNIT = (
    r"(?:percentage points?|percent|per cent|%|units?|vehicles?|cars?|passenger cars?|EVs?|NEVs?|orders?|"
    r"deliveries|stations?|swap stations|charging stations|plants?|factories|jobs|employees|workers|engineers|"
    r"dealers|dealerships|stores|sales networks|models|km|kilometers|kilometres|kWh|GWh|MWh|Wh/kg|GW|MW|kW|"
    r"square meters|square metres|sqm|hectares|tonnes|tons|seats|buses|coaches|trucks|charge cycles|cycles|"
    r"minutes|hours|years|times)"
)
FIGURE = re.compile(
    # A figure starts with a digit or a currency; saying so first lets the engine skip other places quickly.
    rf"(?=[\dUHRCE$€¥£])(?<![\w.,/-])(?:(?P<cur>{_CURRENCY_BEFORE})(?P<n1>{_NUMBER})(?P<m1>{_MAGNITUDE})?"
    rf"|(?P<n2>{_NUMBER})(?P<m2>{_MAGNITUDE})?(?:[\s-]?(?P<money>{_MONEY_AFTER})"
    rf"|(?P<unit>(?:\s(?!of\b|in\b|and\b|or\b|to\b|the\b)[a-z][a-z-]{{2,14}})?\s?{_UNIT}))?)"
    r"(?![\w])",
)
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
# Numbers that name rather than measure: "No. 2 plant", "Phase 1", "Level 2", "Model 3".
_LABEL_BEFORE = re.compile(r"(?:\bNo\.?|#|\b[Pp]hase|\b[Ll]evel|\b[Mm]odel|\b[Gg]eneration|\bL)$")
_LONGEST_LABEL = len("Generation")
# Clause breaks; an opening parenthesis only counts when a closing one follows somewhere (_context checks that:
# a look-ahead for it from every "(" would read the rest of the sentence once for each).
_CLAUSE_SPLIT = re.compile(r"(?<=[,;:])\s++|(?<!\s)\s++(?:--|—|–)\s++|\s\(")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?。])\s+(?=[A-Z\"“‘'(])")
MAX_FIGURES = 8
MAX_CONTEXT_WORDS = 20


def _weight(cur: str | None, magnitude: str | None, money: str | None, unit: str | None) -> int:
    if cur or money:
        return 3
    unit = unit.strip().lower().split()[-1] if unit else ""
    if unit in ("%", "percent", "per cent") or unit.startswith("percentage"):
        return 2
    if unit in ("minutes", "hours", "years", "times"):
        return 1 if magnitude else 0
    if unit:
        return 3 if magnitude else 2
    return 2 if magnitude else 0


def _labelled(sentence: str, start: int) -> bool:
    """Whether a label ends (before some spaces) within the 32 characters before `start`."""
    lo = max(0, start - 32)
    end = lo + len(sentence[lo:start].rstrip())
    # A search from the window's start would try each of its 32 places; the label's own length is enough
    # (\b at the start of the search still sees the character before it).
    return bool(_LABEL_BEFORE.search(sentence, max(lo, end - _LONGEST_LABEL), end))


def _context(sentence: str, start: int, end: int) -> str:
    """The clause of `sentence` around [start, end), at most MAX_CONTEXT_WORDS words."""
    pieces, pos = [], 0
    closing = sentence.rfind(")")
    for sep in _CLAUSE_SPLIT.finditer(sentence):
        if sep.group().endswith("(") and closing < sep.end():
            continue
        pieces.append((pos, sep.start()))
        pos = sep.end()
    pieces.append((pos, len(sentence)))
    first = last = next(i for i, (a, b) in enumerate(pieces) if start < b or i == len(pieces) - 1)
    # A short clause ("BYD: 17.0%") borrows its neighbours: the label before it, then what follows.
    while len(sentence[pieces[first][0] : pieces[last][1]].split()) < 6 and (first > 0 or last + 1 < len(pieces)):
        if first > 0:
            first -= 1
        else:
            last += 1
    a, b = pieces[first][0], pieces[last][1]
    clause = sentence[a:b].strip(" ,;:—–-(").rstrip(".")
    words = clause.split()
    if len(words) > MAX_CONTEXT_WORDS:
        # Keep the words nearest the figure.
        offset = len(sentence[a:start].split())
        lo = max(0, min(offset - MAX_CONTEXT_WORDS // 2, len(words) - MAX_CONTEXT_WORDS))
        clause = ("… " if lo else "") + " ".join(words[lo : lo + MAX_CONTEXT_WORDS]) + (
            " …" if lo + MAX_CONTEXT_WORDS < len(words) else "")
    return clause[0].upper() + clause[1:] if clause else clause


def key_figures(paragraphs: list[str], limit: int = MAX_FIGURES) -> tuple[Figure, ...]:
    """The most telling figures of an article, in the order it states them, each value once."""
    found: list[tuple[int, int, str, str, int, int]] = []  # weight, order, value, sentence, start, end
    seen: set[str] = set()
    for paragraph in paragraphs:
        if not _DIGIT.search(paragraph):
            continue  # every figure holds a digit; looking for one is far quicker than looking for a figure
        for sentence in _SENTENCE_SPLIT.split(paragraph):
            for m in FIGURE.finditer(sentence):
                cur, n1, m1, n2, m2, money, unit = m.groups()
                if not (cur or m1 or m2 or money or unit):
                    continue  # a bare number: weight 0
                number, magnitude = n1 or n2, m1 or m2
                weight = _weight(cur, magnitude, money, unit)
                if weight == 0 or (not (cur or money) and _YEAR.match(number)):
                    continue
                if _labelled(sentence, m.start()):
                    continue
                key = (number + (magnitude or "")).replace(" ", "").casefold()
                if key in seen:
                    continue
                seen.add(key)
                found.append((weight, len(found), " ".join(m.group(0).split()), sentence, m.start(), m.end()))
    best = sorted(sorted(found, key=lambda f: (-f[0], f[1]))[:limit], key=lambda f: f[1])
    return tuple(Figure(value, _context(sentence, start, end)) for _, _, value, sentence, start, end in best)

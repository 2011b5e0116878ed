"""Inline Markdown spans (links, bracketed text, code spans) found in one pass over the text.

Regular expressions such as `!?\\[([^\\]]*)\\]\\([^)]*\\)` restart at every "[" and read ahead to the next "]" or ")"
each time: quadratic on a line of brackets, which a hostile seed can hold. These scanners find the same spans as
the expressions each function names, reading every character a bounded number of times.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

_PROTECTED_START = re.compile(r"[!\[`<&]")
_AUTOLINK_STOP = re.compile(r"[>\s]")
ENTITY = re.compile(r"&#?\w+;")  # a character reference: &amp; &#233;
_BACKTICKS = re.compile(r"`+")


def _next(text: str, find: Callable[[int], int]) -> Callable[[int], int]:
    """find(pos) (the first match at or after pos, -1 for none) remembered for positions that never decrease: the
    text after the last answer is read once in all."""
    found = -2

    def at_or_after(pos: int) -> int:
        nonlocal found
        if found == -2 or 0 <= found < pos:
            found = find(pos)
        return found

    return at_or_after


def _next_char(text: str, char: str) -> Callable[[int], int]:
    return _next(text, lambda pos: text.find(char, pos))


def links(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(start, end, text start, text end) of each `!?[text](target)`, as `!?\\[([^\\]]*)\\]\\([^)]*\\)` finds them."""
    bracket, paren = _next_char(text, "]"), _next_char(text, ")")
    pos = 0
    opening = text.find("[")
    while opening != -1:
        closing = bracket(opening + 1)
        if closing == -1:
            return
        if text.startswith("(", closing + 1):
            end = paren(closing + 2)
            if end == -1:
                return  # no later link can close either
            start = opening - 1 if opening > pos and text[opening - 1] == "!" else opening
            yield start, end + 1, opening + 1, closing
            pos = end + 1
            opening = text.find("[", pos)
        else:
            opening = text.find("[", closing + 1)  # every "[" before `closing` reads up to it and fails the same way


def unlink(text: str) -> str:
    """`text` with each link replaced by its words, as `re.sub(r"!?\\[([^\\]]*)\\]\\([^)]*\\)", r"\\1", text)`."""
    out, pos = [], 0
    for start, end, words_start, words_end in links(text):
        out += [text[pos:start], text[words_start:words_end]]
        pos = end
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Links, bracketed text, code, autolinks and HTML entities: the spans that
    ``(?=[!\\[`<&])(?:!?\\[[^\\]]*\\]\\([^)]*\\)|\\[[^\\]]*\\]|`+[^`]*`+|<[^>\\s]+>|&#?\\w+;)`` finds."""
    bracket, paren, tick = _next_char(text, "]"), _next_char(text, ")"), _next_char(text, "`")
    stop = _next(text, lambda pos: m.start() if (m := _AUTOLINK_STOP.search(text, pos)) else -1)
    spans: list[tuple[int, int]] = []
    pos = 0
    while (found := _PROTECTED_START.search(text, pos)) is not None:
        at, char = found.start(), found.group()
        end = -1
        if char in "![":
            opening = at + 1 if char == "!" else at
            if char == "!" and not text.startswith("[", opening):
                pos = at + 1
                continue
            closing = bracket(opening + 1)
            if closing != -1:
                end = paren(closing + 2) + 1 if text.startswith("(", closing + 1) else 0
                if end <= 0 and char == "[":
                    end = closing + 1  # no target: the bracketed text alone
        elif char == "`":
            run_end = _match_end(_BACKTICKS, text, at)
            later = tick(run_end)
            if later != -1:
                end = _match_end(_BACKTICKS, text, later)
            elif run_end - at >= 2:
                end = run_end  # the run closes itself: `+ gives a backtick back
        elif char == "<":
            closing = stop(at + 1)
            end = closing + 1 if closing > at + 1 and text[closing] == ">" else -1
        else:
            entity = ENTITY.match(text, at)
            end = entity.end() if entity else -1
        if end > 0:
            spans.append((at, end))
            pos = end
        else:
            pos = at + 1
    return spans


def code_spans(text: str) -> list[tuple[int, int]]:
    """The spans that ``re.finditer(r"(`+)(.+?)\\1", text, re.S)`` finds: a run of backticks, then at least one
    character, then as many backticks as the run kept (the run gives backticks back until that is possible)."""
    runs = [m.span() for m in _BACKTICKS.finditer(text)]
    longest_after = [0] * (len(runs) + 1)  # the longest run after each run
    for index in range(len(runs) - 1, -1, -1):
        longest_after[index] = max(runs[index][1] - runs[index][0], longest_after[index + 1])
    spans: list[tuple[int, int]] = []
    pos = index = 0
    while index < len(runs):
        start, end = runs[index]
        if end <= pos:
            index += 1
            continue
        start = max(start, pos)  # a match may have ended inside this run
        length = end - start
        own = (length - 1) // 2  # the run closes on itself: k backticks, at least one more, k again
        later = min(length, longest_after[index + 1])  # k backticks closed by a later run
        keep = max(own, later)
        if keep == 0:
            break  # one or two backticks and none after them: nothing more can match
        if own >= later:
            close = start + keep + 1
        else:
            after = index + 1
            while runs[after][1] - runs[after][0] < keep:
                after += 1
            close = runs[after][0]
        spans.append((start, close + keep))
        pos = close + keep
    return spans


def _match_end(pattern: re.Pattern[str], text: str, at: int) -> int:
    """Where `pattern`, which matches at `at` (the caller has seen its first character there), ends."""
    match = pattern.match(text, at)
    assert match is not None
    return match.end()

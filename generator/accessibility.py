"""Accessibility of the published HTML where the theme's templates fall short: Chinese marked as Chinese, and
Material's search dialog named.

The hook applies both to every page as it is written (on_post_page), after the sanitiser and the theme, so the one
pass covers the article, the title, the metadata header, the table of contents and the navigation alike. Nothing
is removed or reordered: Han runs in text gain a `<span lang="zh">` around them (so a screen reader switches to a
Chinese voice and a browser picks a Chinese font), and the markup inside tags, scripts, styles and the title is
left as it is (an inline script's text is hashed in the Content-Security-Policy).
"""

from __future__ import annotations

import re

from generator.lexicon.text import HAN_CHARS

# Punctuation that belongs to a run of Chinese: CJK symbols and punctuation (、。《》「」【】), fullwidth forms
# (，：；！？（）) and the halfwidth CJK marks.
ZH_PUNCTUATION = "\u3000-\u303f\uff01-\uff65"
# A run starts at a Han character and goes on over Han characters, that punctuation, and digits between them
# (年3月). Digits and punctuation right before the first Han character join it in _mark (2024年3月, 《北汽》).
_RUN = re.compile(f"[{HAN_CHARS}](?:[{HAN_CHARS}{ZH_PUNCTUATION}]|[0-9]++(?=[{HAN_CHARS}{ZH_PUNCTUATION}]))*+")
_HAN = re.compile(f"[{HAN_CHARS}]")
_LEADING = frozenset([*map(chr, [*range(0x3000, 0x3040), *range(0xFF01, 0xFF66)]), *"0123456789"])
# The markup a page's text runs between, as split() separators: an element whose content is no place for markup
# (script, style, textarea, title: up to its closing tag), a comment, or a tag (quoted attribute values may hold
# ">"). Every part may run to the end of the text, so a match that starts never fails: one pass, linear on any text.
_MARKUP = re.compile(
    r"""(<(?P<raw>script|style|textarea|title)(?![\w-])(?:[^<]++|<(?!/(?P=raw)(?![\w-])))*+(?:</(?P=raw)[^>]*+>?)?"""
    r"""|<!--(?:[^-]++|-(?!->))*+(?:-->)?"""
    r"""|<[^>"']*+(?:(?:"[^"]*+"?|'[^']*+'?)[^>"']*+)*+>?)""",
    re.I,
)
ZH_OPEN, ZH_CLOSE = '<span lang="zh">', "</span>"

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_DIALOG_NAMED = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'


def _mark(text: str) -> str:
    """A run of text (no markup) with each Chinese run in a span marked lang="zh"."""
    pieces: list[str] = []
    last = 0
    for run in _RUN.finditer(text):
        start = run.start()
        while start > last and text[start - 1] in _LEADING:  # an opening bracket or quote, or digits (2024年)
            start -= 1
        pieces += [text[last:start], ZH_OPEN, text[start : run.end()], ZH_CLOSE]
        last = run.end()
    pieces.append(text[last:])
    return "".join(pieces)


def mark_chinese(html: str) -> str:
    """`html` (a whole page, or a fragment) with every run of Chinese in its text marked lang="zh"; tags, comments,
    scripts, styles and the title are left as they are."""
    if _HAN.search(html) is None:  # most pages: nothing to do
        return html
    parts = _MARKUP.split(html)  # text, markup, (raw), text, markup, (raw), ..., text
    for index in range(0, len(parts), 3):
        if _HAN.search(parts[index]):
            parts[index] = _mark(parts[index])
    return "".join(part for index, part in enumerate(parts) if index % 3 != 2)  # the raw group's name left out


def name_search_dialog(html: str) -> str:
    """`html` with Material's search dialog given an accessible name (its template gives the dialog role none)."""
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG_NAMED, 1)

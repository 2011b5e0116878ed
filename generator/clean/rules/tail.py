"""Short lines after the last paragraph of the article: link lists, labels and other footer chrome."""

from __future__ import annotations

import re

from generator.lexicon.text import ends_sentence, words
from generator.lexicon.zones import last_substantial
from generator.model import Doc, Kind

_LIST_ITEM = re.compile(r"^(?:[-*•‣▪●○–]|\d{1,2}[.)])\s+")
_LABELLED = re.compile(r"^[\w'’ ]{2,30}[:：]\s")


def apply(doc: Doc) -> Doc:
    """Mark non-sentence lines after the last substantial paragraph as footer."""
    last = last_substantial(doc)
    if last < 0:
        return doc
    lines = list(doc.lines)
    marked = False
    for index in range(last + 1, len(lines)):
        line = lines[index]
        if not line.is_content or _LIST_ITEM.match(line.text):
            continue
        labelled = _LABELLED.match(line.text)
        if not ends_sentence(line.text) or len(words(line.text)) < 3 or labelled:
            lines[index] = line.mark(Kind.FOOTER, "tail")
            marked = True
    return doc.with_lines(lines) if marked else doc

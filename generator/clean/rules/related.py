"""Related-article links and lists injected into or after the body ("Also read: … >>", "Related news" + items)."""

from __future__ import annotations

import re

from generator.lexicon.text import ends_sentence, words
from generator.model import Doc, Kind

_INLINE = re.compile(
    r"^(?:also read|read also|read more|more to read|click here to read more|click here|related|related article|"
    r"related story|related reading|related coverage|see also|further reading|recommended|recommended reading|"
    r"editor'?s pick|don'?t miss|must read|trending now|trending|watch|listen|previous|next|previous article|"
    r"next article|up next|延伸阅读|相关阅读|相关新闻|推荐阅读)\s*[:：>»]",
    re.I,
)
_ARROWS = (">>", "»", "→", "›")  # ending a line: "Read more: … >>"
_HEADER = re.compile(
    r"^(?:related(?:\s+(?:news|posts?|articles?|stories|reading|coverage|links|content|topics))?|you may also like|"
    r"you might also like|you may be interested in|more (?:from|on|in|stories|news|articles|like this)\b.*|"
    r"most read|most popular|most viewed|popular(?:\s+(?:posts|stories|now))?|trending(?:\s+now|\s+stories)?|"
    r"recommended(?:\s+for you|\s+stories|\s+articles)?|similar posts|read next|what to read next|"
    r"latest(?:\s+(?:news|stories|articles))?|top stories|editor'?s picks|相关(?:新闻|阅读|文章)|推荐阅读|热门文章)"
    r"\s*[:：]?$",
    re.I,
)
_ITEM_MARK = re.compile(r"^(?:[-*•·‣▪●○]|\d{1,2}[.)])\s+")


def _item(text: str) -> bool:
    """A related-list item: a short linked headline, not a sentence of the article."""
    bare = _ITEM_MARK.sub("", text)
    return len(words(bare)) <= 20 and (not ends_sentence(bare) or bool(_ITEM_MARK.match(text)))


def apply(doc: Doc) -> Doc:
    """Mark related-article links, list headers and the items under them."""
    lines = list(doc.lines)
    marked = False
    in_list = False
    for index, line in enumerate(lines):
        text = line.text.strip()
        # Items follow the header directly; bulleted ones may also be spaced out with blank lines.
        spaced_bullet = line.blank_before > 0 and in_list and bool(_ITEM_MARK.match(text))
        if in_list and (line.blank_before == 0 or spaced_bullet) and line.is_content and _item(text):
            lines[index] = line.mark(Kind.RELATED, "related")
            marked = True
            continue
        in_list = False
        if not line.is_content:
            continue
        if _HEADER.match(text):
            lines[index] = line.mark(Kind.RELATED, "related")
            marked = in_list = True
        elif (_INLINE.match(text) or (text.endswith(_ARROWS) and len(words(text)) <= 20)) and len(words(text)) <= 30:
            lines[index] = line.mark(Kind.RELATED, "related")
            marked = True
    return doc.with_lines(lines) if marked else doc

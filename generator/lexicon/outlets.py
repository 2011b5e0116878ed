"""Outlets: how a publication's name is compared, told from a section label, and shown when printed in capitals."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

# Words that name a section of a site, never an outlet on their own: a label made only of these ("Company news",
# "Media coverage", "Autos & Transportation", "公司新闻") is a section heading. Words that also make outlet names
# ("daily", "times", "auto", "China", "财经") are left out, so "China Daily" or "Auto News" is never a label.
SECTION_WORDS = frozenset(str.split("""
news coverage update updates latest business businesses industry industries company companies corporate media
world home markets market finance economy politics local national international global top stories story
headlines breaking press release releases dynamics features feature opinion opinions analysis technology tech
autos transportation transport policy policies events photos video videos special reports articles article
recent related trending popular more all our sustainability legal electric vehicles energy new asia pacific
announcements notices insights blog blogs trade
"""))
_CONNECTORS = frozenset({"&", "and", "of", "the", "in", "+", "/", "|", "-", "–", "·"})
_SECTION_CJK = re.compile(
    r"^(?:公司|企业|行业|产业|最新|新闻|资讯|动态|要闻|快讯|国内|国际|汽车|新能源|科技|媒体|报道|首页|滚动|热点|头条|专题|"
    r"视频|图片|政策|市场|与|和)+$"
)
_TOKEN = re.compile(r"[&+/|·–-]|[^\s&+/|·–-]+")
_THE = re.compile(r"^the\s+", re.I)
_LETTERS = re.compile(r"[A-Za-z]+")
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "at", "to", "by"})
_VOWEL = re.compile(r"[AEIOU]")


def outlet_key(name: str) -> str:
    """The form two spellings of one outlet share: NFKC, case-folded, spaces collapsed, no leading "The"."""
    text = " ".join(unicodedata.normalize("NFKC", name).split())
    return _THE.sub("", text).casefold()


def is_section_label(name: str) -> bool:
    """True for a section label ("Company news", "Latest", "行业动态"): made only of section words."""
    text = " ".join(name.split()).strip(" .:：")
    if not text:
        return False
    if _SECTION_CJK.match(text.replace(" ", "")):
        return True
    tokens = [t.strip(".,:;!?'\"") for t in _TOKEN.findall(text.casefold())]
    return any(t in SECTION_WORDS for t in tokens) and all(t in SECTION_WORDS or t in _CONNECTORS for t in tokens)


def display_case(name: str, acronyms: Collection[str] = ()) -> str:
    """An outlet printed in capitals in title case when that is clearly safe ("EV DISPATCH ASIA" -> "EV Dispatch
    Asia"): only names of two or more words; words of up to three letters, words without a vowel and `acronyms`
    ("AP", "CGTN", "BAIC") keep their capitals. Any other name is returned as it is."""
    letters = "".join(_LETTERS.findall(name))
    if not letters or not letters.isupper() or len(name.split()) < 2:
        return name
    words = name.split()
    out = []
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in _SMALL_WORDS and index:
            out.append(lower)
        elif len(word) <= 3 and lower not in _SMALL_WORDS or not _VOWEL.search(word) or word in acronyms:
            out.append(word)
        else:
            out.append(word[:1] + word[1:].lower())
    return " ".join(out)

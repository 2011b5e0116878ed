"""Share bars, print/font widgets and reaction rows ("Share To weixin sina", "Font: A+ A-", "【Print】")."""

from __future__ import annotations

import re

from generator.clean.base import mark_lines
from generator.model import Doc, Kind, Line

_WIDGET = re.compile(
    r"(?:share|shares|tweet|e-?mail|mail|print|close|save|listen|likes?(?:\s+[\d.,]+k?)?|report|comments?|"
    r"wechat|weixin|weibo|sina|qq(?: ?zone)?|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|line|"
    r"pinterest|copy link|link|bookmark|favou?rite|collect|forward|reprint|douyin|toutiao|xiaohongshu|"
    r"moments|friends|a\+|a-|a|l|m|s|微信|微博|朋友圈|打印|关闭|收藏|[\d.,]+k?)",
    re.I,
)
# A label that opens a widget row; the rest of the row must be widget words.
_LABEL = re.compile(
    r"^(?:(?:scan\s+(?:the\s+qr\s+code\s+)?to\s+)?share(?:\s+(?:this|it|to|on|via|with))*(?:\s+(?:article|story|"
    r"post|page|briefing))?|font(?:\s+size)?|text\s+size|分享到?|字号)\s*[:：!]?",
    re.I,
)
_SOCIAL = re.compile(
    r"^(?:follow us\b|follow (?:\w+ ){0,3}on (?:twitter|x|facebook|weibo|wechat|linkedin|instagram|youtube)\b|"
    r"download (?:the |our )?(?:[\w.&-]+ ){0,3}app\b|get the app\b|scan (?:the )?qr code\b|"
    r"扫码|关注我们|下载客户端)",
    re.I,
)
_INVITE = re.compile(r"\b(?:share (?:it|this(?: article| story| post)?)|share with (?:your )?friends)\s*[!.]?$", re.I)
# What a reader can do with the page: "Print this article", "Email this to a friend", "Rate this story:".
_ACTION = re.compile(
    r"^(?:print|e-?mail|send|save|bookmark|share|recommend|license|reprint|rate|comment on|translate|listen to)"
    r"\s+(?:this|the|a)(?:\s+(?:article|story|page|post|item|friend))?(?:\s+to\s+a\s+friend)?\s*[:!.]?$",
    re.I,
)
_PACKED = re.compile(r"[|【】\[\]]|\s{2,}")
_TOKENS = re.compile(r"\s{2,}|\s*[|｜/·•,，]\s*|[【】\[\]()（）]+")
_NUMBER = re.compile(r"[\d.,]+k?")


def _widgets_only(text: str) -> bool:
    tokens = [t.strip() for t in _TOKENS.split(text) if t.strip()]
    if not tokens:
        return True
    if all(_NUMBER.fullmatch(t) for t in tokens):
        return False  # numbers alone are counters or dates, not widgets
    if all(_WIDGET.fullmatch(t) for t in tokens):
        return True
    # Single-space rows such as "Share To weixin sina": every word is a widget word.
    return all(_WIDGET.fullmatch(t) for t in text.split()) and len(text.split()) <= 8


def _classify(line: Line, index: int, doc: Doc) -> Kind | None:
    text = line.text.strip()
    if len(text) > 120:
        return None
    label = _LABEL.match(text)
    if label and label.end() > 0 and _widgets_only(text[label.end():]):
        return Kind.SHARE
    if _SOCIAL.match(text) and len(text.split()) <= 14:
        return Kind.SHARE
    if _ACTION.match(text):
        return Kind.SHARE
    if _INVITE.search(text) and len(text) < 60:
        return Kind.SHARE
    if (_PACKED.search(text) or len(text.split()) == 1) and _widgets_only(text):
        return Kind.SHARE
    return None


def apply(doc: Doc) -> Doc:
    """Mark share bars and page widgets."""
    return mark_lines(doc, "share", _classify, max_chars=120)

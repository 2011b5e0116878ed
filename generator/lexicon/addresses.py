"""Addresses: what an article's address is (only http and https, never a share link, an image, a home page, a
social-media post or a tracking address), how the site writes one, and a line that only gives one ("https://…",
"Source: https://…", "原文链接：https://…"): what the cleaner drops and extract/origin.py reads."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, quote, urlsplit

MAX_URL = 2_000  # as limits.MAX_FIELD_CHARS["url"]

# Labels a page prints before the article's own address (never "Related:" or "See also:", which name others).
_ADDRESS_LABELS = (
    r"source|source url|source link|original|original article|original url|original link|original source|"
    r"original story|link|url|article url|article link|permalink|canonical|canonical url|"
    r"read (?:the )?(?:original|full) (?:article|story)(?: (?:at|on|here))?|"
    r"原文链接|原文地址|原文网址|原文|本文链接|本文地址|文章链接|文章地址|链接|来源|文章来源|出处"
)
LABELLED = re.compile(rf"^(?:{_ADDRESS_LABELS})\s*+[:：]\s*+(?P<value>.{{1,2100}})$", re.I)
# An address in running text: up to white space or a character that cannot be in one unescaped.
URL_IN_TEXT = re.compile(r"(?<![\w@.])https?://[^\s<>\"'`{}|\\^\[\]]{1,2100}+", re.I)
_TRAILING = ".,;:!?'\"’”)]}>。，；：！？）】》"

_INDEX_FILE = re.compile(r"^(?:index|default|home|main)(?:\.[a-z]{2,5})?$", re.I)
_DOCUMENT = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm|pdf)$", re.I)
_IMAGE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|bmp|ico|tiff?|heic|mp4|mp3|m4a|webm|css|js|json|xml|rss)$",
                    re.I)
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TOP_LEVEL = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_DIGIT = re.compile(r"\d")

# Hosts whose addresses are never an article: social networks, share services, link shorteners, ad and
# analytics trackers (each also covers its subdomains).
_NOT_ARTICLE_HOSTS = {
    "social-media post or share link": (
        "facebook.com", "fb.com", "twitter.com", "x.com", "instagram.com", "linkedin.com", "weibo.com", "weibo.cn",
        "youtube.com", "youtu.be", "tiktok.com", "douyin.com", "pinterest.com", "reddit.com", "t.me", "telegram.me",
        "wa.me", "whatsapp.com", "vk.com", "tumblr.com", "addthis.com", "sharethis.com", "getpocket.com",
        "qzone.qq.com", "connect.qq.com", "line.me", "threads.net", "bsky.app",
    ),
    "link shortener or tracking address": (
        "t.co", "bit.ly", "ow.ly", "buff.ly", "lnkd.in", "goo.gl", "tinyurl.com", "dlvr.it", "trib.al", "fb.me",
        "url.cn", "t.cn", "is.gd", "rebrand.ly", "shorturl.at", "doubleclick.net", "googleadservices.com",
        "google-analytics.com", "googletagmanager.com", "googlesyndication.com", "feedproxy.google.com",
        "list-manage.com", "mailchi.mp", "hubspotlinks.com", "sendgrid.net", "mandrillapp.com",
    ),
}
_SHARE_SEGMENTS = frozenset({"share", "sharer", "sharer.php", "sharearticle", "sharing", "intent", "submit",
                             "submitlink", "share.php"})
_TRACKING_SEGMENTS = frozenset({"click", "clicks", "track", "tracking", "redirect", "redir", "pixel", "beacon"})
_TRACKING_PARAMS = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|spm|share_token|"
                              r"from|isappinstalled|scene|srcid|_ga|ref_src|ncid|cmpid)$", re.I)
# Characters an address may hold unescaped (RFC 3986's reserved and unreserved ones, and escapes already made).
_SAFE = "/%:@!$&'()*+,;=-._~"


def url_problem(text: str) -> str | None:
    """Why `text` is not the address of an article, or None when it is one."""
    value = text.strip()
    if len(value) > MAX_URL:
        return f"is {len(value):,} characters long, over the {MAX_URL:,} limit"
    if not re.match(r"https?://", value, re.I):
        return "is not an http:// or https:// address"
    if any(c.isspace() or unicodedata.category(c)[0] == "C" or c in "<>\"`\\" for c in value):
        return "holds a space, a control character or one of < > \" ` \\"
    try:
        parts = urlsplit(value)
        host, port = parts.hostname, parts.port
    except ValueError:
        return "is not a well-formed address"
    if parts.username is not None or parts.password is not None:
        return "holds a user name or password"
    ascii_host = _ascii_host(host or "")
    if ascii_host is None:
        return "has no valid host name"
    if port == 0:
        return "is not a well-formed address"
    for why, hosts in _NOT_ARTICLE_HOSTS.items():
        if any(ascii_host == h or ascii_host.endswith("." + h) for h in hosts):
            return f"is a {why}, not an article"
    segments = [s.casefold() for s in parts.path.split("/") if s]
    query = parse_qsl(parts.query, keep_blank_values=True)
    if _SHARE_SEGMENTS & set(segments):
        return "is a share link, not an article"
    if _TRACKING_SEGMENTS & set(segments) or any(re.match(r"(?:https?)(?::|%3a)", v, re.I) for _, v in query):
        return "is a link shortener or tracking address, not an article"
    if segments and _IMAGE.search(segments[-1]):
        return "is an image or another file, not an article"
    if not _is_article_path(segments, query):
        return "is a home page or section page, not an article"
    return None


def _ascii_host(host: str) -> str | None:
    """The host name in ASCII (international names in their xn-- form), None when it is not a valid domain name."""
    host = host.rstrip(".")
    try:
        ascii_host = host.encode("idna").decode("ascii").lower() if not host.isascii() else host.lower()
    except UnicodeError:
        return None
    labels = ascii_host.split(".")
    if len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels):
        return None
    return ascii_host if _TOP_LEVEL.match(labels[-1]) else None


def _is_article_path(segments: list[str], query: list[tuple[str, str]]) -> bool:
    """A path (and query) that names one story, not a home page or a section ("/", "/en/", "/news/autos/")."""
    if segments and _INDEX_FILE.match(segments[-1]):
        segments = segments[:-1]
    if any(_DIGIT.search(key + value) for key, value in query if not _TRACKING_PARAMS.match(key)):  # "?id=208777"
        return True
    return any(_DIGIT.search(s) or _DOCUMENT.search(s) or _words_joined(s) for s in segments)


def _words_joined(segment: str) -> bool:
    """Three words or more joined by hyphens or underscores: a story's slug ("xiaomi-takes-over")."""
    return sum(1 for word in segment.replace("_", "-").split("-") if word) >= 3


def article_url(text: str | None) -> str | None:
    """The address of an article as the site links it: scheme and host in lower case (an international host in its
    xn-- form), characters outside an address's own percent-encoded, tracking parameters and the fragment dropped;
    None when `text` is not such an address (url_problem says why)."""
    if text is None or url_problem(text) is not None:
        return None
    parts = urlsplit(text.strip())
    host = _ascii_host(parts.hostname or "") or ""
    netloc = f"{host}:{parts.port}" if parts.port is not None else host
    path = quote(parts.path or "/", safe=_SAFE)
    kept = [pair for pair in parts.query.split("&") if pair and not _TRACKING_PARAMS.match(pair.split("=", 1)[0])]
    query = quote("&".join(kept), safe=_SAFE + "?")
    return f"{parts.scheme.lower()}://{netloc}{path}" + (f"?{query}" if query else "")


def trimmed(candidate: str) -> str:
    """An address found in text without the punctuation that ends the sentence or encloses it."""
    while candidate and candidate[-1] in _TRAILING:
        if candidate[-1] == ")" and candidate.count("(") >= candidate.count(")"):
            break  # a balanced parenthesis belongs to the address (wiki-style paths)
        candidate = candidate[:-1]
    return candidate


def only_address(text: str) -> str | None:
    """The address when `text` is nothing but one (maybe in angle brackets), else None."""
    value = text.strip().strip("<>").strip()
    match = URL_IN_TEXT.fullmatch(value)
    return trimmed(match.group()) if match else None


def without_urls(text: str) -> str:
    """`text` with every http(s) address taken out ("CnEVPost (https://…)" -> "CnEVPost")."""
    return re.sub(r"\(\s*\)|\[\s*\]|<\s*>", "", URL_IN_TEXT.sub("", text)).strip(" -–—|:：,")


def is_address_line(text: str) -> bool:
    """True for a line that only gives an article's address: the address alone, or after a label such as
    "Source:" or "原文链接：" (the cleaner keeps such lines out of the article)."""
    text = text.strip().lstrip("•·*-–— ").strip()
    only = only_address(text)
    if only:
        return article_url(only) is not None
    match = LABELLED.match(text)
    if not match or without_urls(match.group("value")):
        return False
    found = URL_IN_TEXT.findall(match.group("value"))
    return len(found) == 1 and article_url(trimmed(found[0])) is not None

"""Sanitise: the allow-list every page's HTML goes through once MkDocs has made it (nh3, the Ammonia sanitiser).

The generator escapes seeds and registry fields before MkDocs sees them, but it reads Markdown with markdown-it-py
and MkDocs renders it with Python-Markdown; wherever the two disagree (code spans, fences, nested brackets, link
definitions in lists), text the generator took for inert can come out as markup. So the hook passes the HTML that
Python-Markdown actually produced, for every page, through this allow-list before the search plugin indexes it
and the theme prints it: whatever either reader does, no script, event handler, frame, form or non-web link
reaches the site.

What the site legitimately produces is kept: headings with their ids and permalinks, paragraphs, lists, tables
(aligned with `align`, see mkdocs.yml), code, quotes, admonitions and the generator's divs, spans and navs with
their classes, `data-search-exclude`, images from the site itself.
"""

from __future__ import annotations

import re

import nh3

# Elements Python-Markdown and the site's extensions write (tables, attr_list, md_in_html, admonition, toc), the
# generator's templates use, and a hand-written page may reasonably hold.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "nav", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var", "wbr",
})
# Elements dropped together with everything inside them (any other unknown element loses its tags, keeps its text).
DROPPED_WITH_CONTENT = frozenset({
    "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript",
    "noembed", "noframes", "svg", "math", "xmp",
})
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "data-search-exclude"})
ATTRIBUTES = {
    "*": GLOBAL_ATTRIBUTES,
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "ol": frozenset({"start", "reversed"}),
    "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}),
}
# Attributes allowed with these values only.
ATTRIBUTE_VALUES = {
    "td": {"align": frozenset({"left", "center", "right"})},
    "th": {"align": frozenset({"left", "center", "right"})},
}
# Link targets may be these, or relative; javascript:, data:, vbscript:, file: and every other scheme are dropped.
WEB_SCHEMES = frozenset({"http", "https", "mailto"})

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")  # browsers skip these inside a scheme ("java\tscript:")


def web_url(url: str) -> bool:
    """True for a relative URL or one with a web scheme (http, https, mailto), as a browser reads the scheme."""
    scheme = _SCHEME.match(_IGNORED_IN_URL.sub("", url).lower())
    return scheme is None or scheme.group(1) in WEB_SCHEMES


def _attribute(tag: str, name: str, value: str) -> str | None:
    """The value to keep for an attribute nh3 has allowed, or None to drop it."""
    if name == "id" and value.startswith("__"):
        # Material's own elements use these ids (__config, __search, __drawer, __toc, __palette_0, ...); a heading
        # with the same id would shadow them (DOM clobbering).
        return None
    if name in ("href", "src"):
        if not web_url(value):
            return None
        url = _IGNORED_IN_URL.sub("", value).lower()
        scheme = _SCHEME.match(url)
        # An image is part of the page, loaded as it opens: only from the site itself. An absolute address
        # (http:, https:, "//host" or "\\host", which browsers read alike) would load from another host.
        if tag == "img" and (scheme or url.replace("\\", "/").startswith("//")):
            return None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    tag_attribute_values={tag: {name: set(values) for name, values in attrs.items()}
                          for tag, attrs in ATTRIBUTE_VALUES.items()},
    attribute_filter=_attribute,
    url_schemes=set(WEB_SCHEMES),
    link_rel=None,  # links stay as written (nh3 would add rel="noopener noreferrer" to every one)
    strip_comments=True,
)
_TEXT = nh3.Cleaner(tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT), strip_comments=True)


def sanitise_html(html: str) -> str:
    """`html` with every element, attribute and URL outside the allow-list removed."""
    return _CLEANER.clean(html)


def sanitise_text(html: str) -> str:
    """`html` as text only: every tag removed, the text escaped (for titles the theme prints as HTML)."""
    return _TEXT.clean(html)

"""Content-Security-Policy: the policy every page carries in a `<meta http-equiv>` (overrides/main.html).

Scripts run only from the site's own files and, inline, only the theme's own scripts, listed by the SHA-256 of
their text. The hook works the hashes out from Material's templates rendered for the page (never from the page
itself, so a script that slipped into the content is not listed). Styles, images, fonts, the search index and the
search worker come from the site only; plugins, a <base> elsewhere and form submissions are refused.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_SRC_OR_TYPE = re.compile(r"\b(?:src|type)\s*=", re.I)


def script_hash(body: str) -> str:
    """The CSP source that allows an inline script whose text is `body`: 'sha256-<base64>'."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script in `html` that a browser runs (no src; no type, as a data block has)."""
    return [m["body"] for m in _INLINE_SCRIPT.finditer(html) if not _SRC_OR_TYPE.search(m["attrs"])]


def policy(script_hashes: list[str] | tuple[str, ...]) -> str:
    """The policy, with `script_hashes` (from script_hash) as the inline scripts allowed to run."""
    scripts = " ".join(["'self'", *sorted(set(script_hashes))])
    directives = (
        ("default-src", "'self'"),
        ("script-src", scripts),
        ("style-src", "'self'"),  # no inline style: tables align with the align attribute (mkdocs.yml)
        ("img-src", "'self' data:"),  # Material's icons are data: URLs in its stylesheet
        ("font-src", "'self'"),
        ("connect-src", "'self'"),  # the search index, instant navigation's pages and sitemap
        ("worker-src", "'self'"),  # the search worker
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
        ("form-action", "'none'"),  # Material's search form never submits: its script answers the Enter key
    )
    return "; ".join(f"{name} {value}" for name, value in directives)


_SCRIPT_SRC = re.compile(r"(<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*?script-src 'self')")


def allow_script(html: str, body: str) -> str:
    """`html` with the hash of one more inline script (`body`) in its policy (the first CSP meta)."""
    return _SCRIPT_SRC.sub(lambda m: f"{m.group(1)} {script_hash(body)}", html, count=1)

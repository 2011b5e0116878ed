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

_SCRIPT_OPEN = re.compile(r"<script(?![\w-])", re.I)
_SCRIPT_CLOSE = re.compile(r"</script\s*+>", re.I)
_SRC_OR_TYPE = re.compile(r"\b(?:src|type)\s*=", re.I)


def script_hash(body: str) -> str:
    """The CSP source that allows an inline script whose text is `body`: 'sha256-<base64>'."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script in `html` that a browser runs (no src; no type, as a data block has)."""
    scripts = []
    # Each search starts where the last one stopped (a pattern reading up to a closing tag from every opening one
    # would read the rest of the text again for each unclosed <script).
    position = 0
    while (opening := _SCRIPT_OPEN.search(html, position)) is not None:
        head_end = html.find(">", opening.end())
        closing = _SCRIPT_CLOSE.search(html, head_end + 1) if head_end >= 0 else None
        if closing is None:
            break
        if not _SRC_OR_TYPE.search(html, opening.end(), head_end):
            scripts.append(html[head_end + 1 : closing.start()])
        position = closing.end()
    return scripts


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

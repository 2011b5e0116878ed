"""Characters that never belong in published text, and the function that strips them (the one home of both).

Seed text, front-matter values and registry fields all pass through strip_unsafe() before anything uses them:

- control characters other than tab and newline (C0, DEL, C1): YAML's "\\0", "\\e" and "\\x1b" escapes otherwise
  put NUL and ESC into pages, the JSON export and terminals;
- bidirectional formatting: embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069) and the marks
  (U+200E, U+200F, U+061C). A right-to-left override in a title reverses the text after it in the HTML and in
  feed readers ("Trojan Source" spoofing); the articles here never need them;
- invisible characters that only hide text or break words: zero-width space, word joiner and invisible operators,
  the deprecated format characters, interlinear annotations, byte-order marks, line and paragraph separators, and
  tag characters (U+E0000-U+E007F, which can smuggle invisible ASCII);
- lone surrogates, which cannot be written as UTF-8.

Zero-width (non-)joiners stay: emoji sequences and several scripts need them.
"""

from __future__ import annotations

import re
from typing import TypeVar, cast

T = TypeVar("T")

UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # controls but tab and newline
    "\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f"  # bidi and invisible
    "\ud800-\udfff\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"  # surrogates, BOM, annotations, tags
)


def strip_unsafe(text: str) -> str:
    """`text` without the characters of UNSAFE."""
    return UNSAFE.sub("", text)


def strip_unsafe_all(value: T) -> T:
    """Every string in `value` (and in the lists and mappings it holds, keys included) without UNSAFE characters;
    other values as they are. Used on parsed YAML, whose nesting safeyaml bounds."""
    if isinstance(value, str):
        return cast(T, strip_unsafe(value))
    if isinstance(value, list):
        return cast(T, [strip_unsafe_all(item) for item in value])
    if isinstance(value, dict):
        return cast(T, {strip_unsafe_all(key): strip_unsafe_all(item) for key, item in value.items()})
    return value

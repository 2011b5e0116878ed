"""Code pages: which legacy encoding a seed that is not UTF-8 is in, and how sure that guess is.

charset-normalizer tells Chinese, Japanese and Korean encodings apart well, but not the single-byte code pages: on
English with a few curly quotes it picks cp1250, cp1257, cp775 or mac_roman about as often as Windows-1252, and
"BYD\\x92s" then reads "BYDÆs". So the common code pages are all tried (its pick too, when none of them reads
cleanly: Hebrew, Thai, Greek ISO pages). Each reading is judged by the detector's own mess measure (symbols in
words, too many accents, mixed scripts) and by three signs of a wrong code page that it misses:

- accented letters that no one language uses together (Czech read as Windows-1252 gives "pøes" and "oèekávali":
  ø, è and á are all Latin letters, but no language has them all); those of a second language count half, as an
  article may quote one;
- a lower-case letter followed by a capital inside a word (KOI8-R read as Windows-1251 swaps the cases);
- a symbol between two letters ("w³a" for Polish "wła").

The least messy readings are compared by those signs, and ties go to the likelier code page: Windows-1252 first
(Western text is by far the most common, and its few accents give nothing to compare). The guess is doubtful when
another reading is as good and reads differently, unless Windows-1252 won that tie on text that is nearly all
ASCII; check reports a doubtful guess as a warning. Short texts in Central European languages can tie with
Windows-1252 (a Czech sentence read as Windows-1252 looks like Spanish and Italian); they are read as
Windows-1252, as before, and now warned about.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio
from charset_normalizer.utils import is_multi_byte_encoding

# The single-byte code pages a seed is likely to be in, likeliest first (Windows' "ANSI" pages, Latin-1 for pages
# with bytes Windows-1252 leaves undefined, and the ISO and KOI8 pages of older web sites).
SINGLE_BYTE = ("cp1252", "latin_1", "cp1250", "iso8859_2", "cp1251", "koi8_r", "cp1253", "cp1254", "cp1257")
NAMES = {
    "cp1252": "Windows-1252 (Western European)", "latin_1": "ISO-8859-1 (Western European)",
    "cp1250": "Windows-1250 (Central European)", "iso8859_2": "ISO-8859-2 (Central European)",
    "cp1251": "Windows-1251 (Cyrillic)", "koi8_r": "KOI8-R (Russian)", "cp1253": "Windows-1253 (Greek)",
    "cp1254": "Windows-1254 (Turkish)", "cp1257": "Windows-1257 (Baltic)",
}
MESS_MARGIN = 0.03  # readings whose mess ratio is within this of the least messy one are compared further
MESSY = 0.1  # a best reading messier than this is doubtful whatever else
WESTERN_EDGE = 1.0  # Windows-1252 is kept unless another reading has more than this fewer oddities
FEW_ACCENTS = 0.01  # text with at most this share of letters beyond ASCII: alphabets decide nothing (see guess)

# Letters beyond ASCII of the languages written with Latin letters that these code pages serve.
ALPHABETS = tuple(frozenset(letters) for letters in (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "áéíñóúü",  # Spanish
    "áâãàçéêíóôõú",  # Portuguese
    "àèéìíîòóùú",  # Italian
    "áéíóúàèëïöü",  # Dutch
    "àçèéíïòóúü",  # Catalan
    "åäöéšž",  # Swedish, Finnish
    "æøåé",  # Danish, Norwegian
    "áðéíóúýþæö",  # Icelandic
    "ąćęłńóśźż",  # Polish
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "čćđšž",  # Slovene, Croatian, Bosnian
    "áéíóöőúüű",  # Hungarian
    "ăâîșțşţ",  # Romanian
    "çğıöşüâî",  # Turkish
    "äöõüšž",  # Estonian
    "āčēģīķļņšūž",  # Latvian
    "ąčęėįšųūž",  # Lithuanian
    "çë",  # Albanian
))
_SCRIPTS = ("CYRILLIC", "GREEK", "HEBREW", "ARABIC", "THAI")  # one alphabet each: their code pages differ more
_ALLOWED_BETWEEN_LETTERS = "\u2019\u2018\u02bc\u00b7"  # an apostrophe, a Catalan middle dot
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff61-\uff9f\U00020000-\U0003134f]+")


@dataclass(frozen=True)
class Guess:
    """The text a legacy encoding gives, that encoding, and why the guess may be wrong (None when sure)."""

    text: str
    encoding: str
    doubt: str | None = None


@dataclass(frozen=True)
class _Reading:
    encoding: str
    text: str
    mess: float
    rank: int  # position in SINGLE_BYTE (the detector's own pick, when not there, comes last)
    odd: float = 0.0  # signs of a wrong code page (worked out for the least messy readings only)


def guess(data: bytes, exclude: list[str]) -> Guess | None:
    """The likeliest reading of `data` (not UTF-8), or None when nothing reads as text."""
    best = from_bytes(data, cp_exclusion=exclude).best()
    if best is None:
        return None
    multi_byte = is_multi_byte_encoding(best.encoding)
    if multi_byte and not _misread_as_cjk(str(best)):
        return Guess(str(best), best.encoding)
    readings = _readings(data, SINGLE_BYTE)
    if min(r.mess for r in readings) > MESSY and not multi_byte and best.encoding not in SINGLE_BYTE:
        readings += _readings(data, (best.encoding,), len(SINGLE_BYTE))  # Greek ISO, Hebrew, Thai...
    least = min(r.mess for r in readings)
    alphabets = accented(data) > FEW_ACCENTS
    near = [replace(r, odd=oddities(r.text, alphabets)) for r in readings if r.mess <= least + MESS_MARGIN]
    chosen = min(near, key=lambda r: (r.odd, r.rank))
    western = next((r for r in near if r.encoding == "cp1252"), None)
    if western is not None and western.odd <= chosen.odd + WESTERN_EDGE:
        chosen = western
    return Guess(chosen.text, chosen.encoding, _doubt(chosen, near, alphabets))


def accented(data: bytes) -> float:
    """The share of letters beyond ASCII among the letters of single-byte text (read as Latin-1, where the bytes
    that Windows-1252 makes quotes, dashes and the euro sign are not letters)."""
    letters = [c for c in data.decode("latin_1") if c.isalpha()]
    return sum(1 for c in letters if not c.isascii()) / len(letters) if letters else 0.0


def _readings(data: bytes, encodings: tuple[str, ...], first_rank: int = 0) -> list[_Reading]:
    """`data` read with each of `encodings` that can read it, with its mess ratio."""
    readings = []
    for rank, encoding in enumerate(encodings, start=first_rank):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        readings.append(_Reading(encoding, text, mess_ratio(text, 1.0), rank))
    return readings


def _doubt(chosen: _Reading, near: list[_Reading], alphabets: bool) -> str | None:
    """Why `chosen` may be the wrong reading, or None."""
    name = NAMES.get(chosen.encoding, chosen.encoding)
    if chosen.mess > MESSY:
        return f"the text encoding is unclear (read as {name}, which leaves it garbled)"
    rivals = [r for r in near if r.odd <= chosen.odd and r.text != chosen.text]
    if not rivals or (chosen.encoding == "cp1252" and chosen.odd == 0 and not alphabets):
        return None  # English with a "Citroën": the few accents decide nothing, and Windows-1252 is likeliest
    other = rivals[0]
    ours, theirs = _first_difference(chosen.text, other.text)
    return (f"the text encoding is a guess: read as {name}, where {NAMES.get(other.encoding, other.encoding)} "
            f"would give \"{theirs}\" for \"{ours}\"; save the file as UTF-8 to be sure")


def _first_difference(a: str, b: str) -> tuple[str, str]:
    """The first word (whitespace-separated) where two readings of the same bytes differ, in each."""
    at = next(i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)
    start = max(a.rfind(" ", 0, at), a.rfind("\n", 0, at)) + 1
    ends = [i for i in (a.find(" ", at), a.find("\n", at)) if i != -1]
    end = min(ends) if ends else len(a)
    return a[start:end][:40], b[start:end][:40]  # single-byte readings: the same positions in both


def oddities(text: str, alphabets: bool = True) -> float:
    """Signs that `text` was read with the wrong code page (0 for plain text): with `alphabets`, letters beyond
    ASCII that no one alphabet has; a lower-case letter before a capital, or letters of two scripts, side by side
    where either is beyond ASCII; a symbol between letters; a C1 control character."""
    odd = _alien_letters(text) if alphabets else 0.0
    pairs: set[int] = set()  # where a pair of characters, one of them beyond ASCII, starts
    for match in _NON_ASCII.finditer(text):
        pairs.update(i for i in (match.start() - 1, match.start()) if 0 <= i < len(text) - 1)
    for i in pairs:
        before, char = text[i], text[i + 1]
        if "\x80" <= char <= "\x9f":
            odd += 1
        if before.isalpha() and char.isalpha() and (
                (before.islower() and char.isupper()) or _script(before) != _script(char)):
            odd += 1
        if (before.isalpha() and i + 2 < len(text) and text[i + 2].isalpha() and not char.isascii()
                and not char.isalpha() and not unicodedata.category(char).startswith(("M", "Pd", "Pi", "Pf"))
                and char not in _ALLOWED_BETWEEN_LETTERS):
            odd += 1
    return odd


@lru_cache(maxsize=4096)
def _script(letter: str) -> str:
    """The script a letter belongs to ("LATIN", "CYRILLIC", ...), from its Unicode name."""
    return "LATIN" if letter.isascii() else unicodedata.name(letter, "?").split(" ")[0]


def _alien_letters(text: str) -> float:
    """How many letters beyond ASCII fall outside the alphabet that has the most of them. An article may quote a
    second language (a German name in French text): letters of a second alphabet count half."""
    letters = [_lower(c) for c in text if not c.isascii() and c.isalpha() and not _CJK.match(c)]
    if not letters:
        return 0
    by_script: dict[str, int] = {}
    for letter in letters:
        script = unicodedata.name(letter, "").split(" ")[0]
        by_script[script] = by_script.get(script, 0) + 1
    cost = float(len(letters) - max((by_script.get(script, 0) for script in _SCRIPTS), default=0))
    latin = Counter(c for c in letters if unicodedata.name(c, "").startswith("LATIN"))
    for first in ALPHABETS if latin else ():
        rest = {c: n for c, n in latin.items() if c not in first}
        outside = len(letters) - sum(latin.values()) + sum(rest.values())
        if outside / 2 < cost:  # else no second alphabet can make this one better
            cost = min(cost, outside - max(sum(n for c, n in rest.items() if c in second) for second in ALPHABETS) / 2)
        if cost == 0:
            break
    return cost


def _misread_as_cjk(text: str) -> bool:
    """True when the Chinese, Japanese or Korean characters of a reading look like Western text read with a
    double-byte code page: short runs stuck to Latin letters ("vollst鄚dig" for "vollständig")."""
    runs = list(_CJK.finditer(text))
    stray = sum(1 for run in runs if len(run.group()) <= 2 and (
        (run.start() > 0 and _latin(text[run.start() - 1])) or (run.end() < len(text) and _latin(text[run.end()]))))
    return not runs or stray * 2 > len(runs)


def _latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _lower(char: str) -> str:
    """The lower-case form of one letter, when it is one letter ("İ" lowers to two)."""
    lower = char.lower()
    return lower if len(lower) == 1 else char

"""Words too common to name an organisation: a registry name or alias that is one would tag nearly every briefing.

The registry refuses a company name or alias that is one of these words (in any case), a single letter or digit,
or a single Chinese character. Topic keywords are weighted and a topic needs several of them, so they may be
industry words ("sales", "电池"); only the function words and single characters are refused there. Keep the lists
short and general: they are for words no organisation is called, not for names that happen to be ambiguous
(`python -m generator check` warns about an alias that matches most briefings).
"""

from __future__ import annotations

from generator.lexicon.text import HAN


def _words(text: str) -> frozenset[str]:
    """The words of a list written as running text."""
    return frozenset(text.split())


# General English function words, and the commonest words of news copy.
FUNCTION_WORDS = _words("""
a about above after against all also am an and another any are around as at be been before being below between
both but by can could did do does during each either every few for from had has have he her here him his how i if
in into is it its just many may me might more most much must my neither no nor not now of off on one only onto or
other our out over own per said same say says she should since so some such than that the their them then there
these they this those through to too two under until up upon us very via was we were what when where which while
who whom whose why will with within without would yet you your
year years month percent million billion
""")

# Generic words of this wiki's industry and country, English and Chinese.
INDUSTRY_WORDS = _words("""
auto autos automaker automakers automobile automobiles automotive battery batteries brand brands car carmaker
carmakers cars china chinese co company companies corp corporation electric energy ev evs global group groups
holding holdings inc industry international ltd maker makers market markets motor motors nev nevs new sales tech
technology vehicle vehicles
中国 汽车 公司 集团 市场 品牌 电动 新能源 电池 科技 控股 股份 有限公司
""")



def too_common(phrase: str, *, industry: bool = True) -> str | None:
    """Why `phrase` cannot name anything (None when it can): a common word, a single letter or a single Chinese
    character. With `industry` False, the industry's own words are allowed (topic keywords)."""
    text = " ".join(phrase.split())
    if len(text) == 1:
        return "a single Chinese character" if HAN.match(text) else "a single letter" if text.isalpha() else \
            "a single character"
    key = text.casefold()
    if key in FUNCTION_WORDS or (industry and key in INDUSTRY_WORDS):
        return "a common word"
    return None

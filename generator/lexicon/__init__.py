"""Lexicon: what cleaning and extraction both read, in one home.

- text.py: words, sentence and name shapes of one line, and the one Han character class (HAN_CHARS);
- dates.py: calendar dates and relative times in text, wire datelines, plausible publication dates;
- labels.py: byline and source labels, staff roles, a site name after a headline;
- zones.py: where on a page the article runs;
- prose.py: how much a line reads as running text (jusText's stoplists; Chinese punctuation and length);
- outlets.py: outlet names compared across spellings, and section labels that are never an outlet;
- markdown.py: the one Markdown escaper, and plain text from inline Markdown;
- addresses.py: what an article's address is (http and https only), as the site writes it, and a line that only
  gives one.

clean/ and extract/ import this package and model.py, never each other.
"""

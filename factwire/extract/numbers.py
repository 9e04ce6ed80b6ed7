"""Numbers as news writes them: "28", "12,500", "5.9 billion", "2.4bn", "seven", "twenty-one", "a dozen".

Spelled-out numbers go to word2number (`w2n.word_to_num`); what it gets wrong or cannot read is
handled here first: digits with a decimal point ("1.5 million" comes back as 1,000,000), "dozen",
"half" and the article "a" ("a dozen", "half a billion"), and abbreviated scales ("bn", "m").
"""

from __future__ import annotations

import re
from decimal import Decimal

from word2number import w2n

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
          "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
          "lakh": 1e5, "crore": 1e7}
UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS = {*UNITS, *TENS, "hundred", "thousand", "million", "billion", "trillion", "dozen"}

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# One spelled-out number up to the hundreds ("twenty-one", "seven", "a dozen", "two hundred").
_UNIT_RX = "|".join(sorted(UNITS, key=len, reverse=True))
_TENS_RX = "|".join(TENS)
WORD_NUMBER = (rf"(?:(?:{_TENS_RX})(?:[-\s](?:{_UNIT_RX}))?|(?:{_UNIT_RX})|a\sdozen|dozen)"
               rf"(?:\shundred)?")
SCALE_WORD = r"thousand|million|billion|trillion|lakh|crore"
SCALE_ABBR = r"bn|mn|mln|bln|tn|trn|[kmbKMB]"
_RUN_ON_SCALE = re.compile(rf"^(\d+(?:\.\d+)?)({SCALE_ABBR})$")  # (on lower-cased text)

_DIGITS_ONLY = re.compile(rf"^(?:{DIGITS})$")


def scale_of(word: str | None) -> float:
    """The multiplier a scale word or abbreviation stands for (1.0 for none)."""
    return SCALES.get((word or "").lower(), 1.0)


def times(digits: str, scale: float) -> float:
    """Digits ("16.6", "12,500") times a scale, exactly: 16.6 million is 16600000.0, not ...0002."""
    return float(Decimal(digits.replace(",", "")) * Decimal(int(scale)))


def parse_number(text: str) -> float | None:
    """The value of a number written in digits, words or both ("two dozen", "half a billion"); None if not one."""
    # a scale abbreviation run on to the digits is a scale word ("3.8M" -> "3.8 m")
    words = _RUN_ON_SCALE.sub(r"\1 \2", text.lower().replace(",", "")).replace("-", " ").split()
    if not words:
        return None
    if words[0] in ("a", "an"):
        words = words[1:] or ["one"]
        if words[0] == "half":
            words = ["0.5", *words[1:]]
    if words[0] == "half":
        words = ["0.5", *[w for w in words[1:] if w not in ("a", "an")]]
    value = 1.0
    # peel trailing scales ("2.5 million", "two dozen", "0.5 billion") off the head number
    while len(words) > 1 and (words[-1] in SCALES or words[-1] == "dozen"):
        w = words.pop()
        value *= 12.0 if w == "dozen" else SCALES[w]
        if words and words[-1] in ("a", "an"):
            words.pop()
    if len(words) == 1 and words[0] == "dozen":
        return 12.0 * value
    head = " ".join(words)
    if _DIGITS_ONLY.match(head):
        return times(head, value) if value >= 1 else float(head) * value
    if not all(w in NUMBER_WORDS or w == "and" for w in words):
        return None
    try:
        return float(w2n.word_to_num(head)) * value
    except ValueError:
        return None

"""Money amounts and percentages found by their surface forms in the clean text.

Money: a currency sign or code before the number ("$5.9 billion", "US$300 million", "€1.2 million",
"£40m", "$2.4bn", "a $10 fee"), a currency word after it ("5 million euros", "2.5 billion dollars",
"half a billion dollars", "4.2 billion naira", "40 Canadian dollars") or a local sign in an article set
where it is local ("R9.80" in South Africa, "Rp 3,150" in Indonesia); `currencies` says which currency.
Values are in currency units, currencies ISO 4217.

Ranges ("$3 million to $5 million", "$3-5 million", "between $3 million and $5 million") are stored
as two rows, one per bound, each with its own span; the low bound has qualifier "range_from" and the
high bound "range_to", and a bound written without a scale takes the other's ("$3 to $5 million" ->
3e6 and 5e6). Percentages: "3.5%", "3.5 percent", "35 per cent" (unit "percent"), "2 percentage
points" (unit "percentage_point"), "25 basis points" (0.25, unit "percentage_point").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from factwire.extract import currencies
from factwire.extract.numbers import DIGITS, SCALE_ABBR, SCALE_WORD, WORD_NUMBER, parse_number, scale_of, times

SIGNS = {"US$": "USD", "U.S.$": "USD", "$US": "USD", "$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD",
         "Aus$": "AUD", "RMB": "CNY",
         "NZ$": "NZD", "HK$": "HKD", "NT$": "TWD", "S$": "SGD", "R$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY",
         "₹": "INR", "₩": "KRW", "₽": "RUB", "₦": "NGN", "KSh": "KES", "Ksh": "KES",
         "NIS": "ILS", "₱": "PHP", "₫": "VND", "฿": "THB", "₺": "TRY", "₴": "UAH", "₪": "ILS", "₵": "GHS",
         "GH₵": "GHS", "GH¢": "GHS", "৳": "BDT",
         # the dollar sign with the country's letters, as the press of the peso and dollar countries writes it
         "Ch$": "CLP", "CLP$": "CLP", "Col$": "COP", "COL$": "COP", "Mex$": "MXN", "MX$": "MXN", "Arg$": "ARS",
         "AR$": "ARS", "RD$": "DOP", "UY$": "UYU", "J$": "JMD", "TT$": "TTD", "Bds$": "BBD", "BZ$": "BZD",
         "F$": "FJD", "FJ$": "FJD", "N$": "NAD", "G$": "GYD", "SI$": "SBD", "WS$": "WST", "L$": "LRD", "Z$": "ZWL"}
CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "INR", "HKD", "SGD")
QUALIFIERS = ("more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
              "as much as", "as few as", "close to", "upwards of", "in excess of", "no more than",
              "an estimated", "nearly", "almost", "about", "around", "roughly", "approximately", "over",
              "under", "some", "only", "just", "estimated", "exactly", "below", "above")

# one pattern per qualifier, compiled once ("more than 5", "nearly a third")
_QUALIFIER_RX = [(q, re.compile(rf"(?:^|\W){re.escape(q)}\s+(?:a\s|an\s)?$")) for q in QUALIFIERS]

_SIGN_RX = "|".join(re.escape(s) for s in sorted([*SIGNS, *currencies.SHARED_SIGNS], key=len, reverse=True))
_NUM = rf"(?P<num>{DIGITS})"
# a scale word after a space or hyphen, or run on as British papers write it ("£27million")
_SCALE = rf"(?:[\s-]?(?P<scale>{SCALE_WORD})\b|(?P<abbr>{SCALE_ABBR})(?![A-Za-z\d]))"
_SCALE_AHEAD = rf"[\s-]?(?:{SCALE_WORD})\b|(?:{SCALE_ABBR})(?![A-Za-z\d])"
# a sign, or an ISO 4217 code (any three capitals, checked in _prefixed), before the number
PREFIXED = re.compile(rf"(?<![A-Za-z\d])(?P<sign>{_SIGN_RX}|[A-Z]{{3}}\s?)\s?{_NUM}{_SCALE}?")
_ADJ = rf"(?:(?P<adj>{currencies.adjective_pattern()})\s)?"
SUFFIXED = re.compile(
    # a scale word, or its abbreviation run on ("1.93tn birr"); "a 3.2 billion-euro plan"; a unit joined by a
    # hyphen as an adjective ("a 15-cent fee"; not "a 3-pound bag", a weight)
    rf"(?i:\b(?P<num>{DIGITS}|(?:a\s)?half\sa|an?|{WORD_NUMBER})"
    rf"(?:\s(?P<scale>{SCALE_WORD})[\s-]|(?P<abbr>bn|tn|mn|m|b|k)\s|\s|-(?!pounds?\b)){_ADJ}"
    rf"(?P<word>pounds?\ssterling|{currencies.unit_pattern()})\b)")
# a local sign glued to a number with cents, digit groups or a scale ("R9.80", "R1,200", "R240-million"), or to a
# whole number that a function word or a stop follows (`bare`: "fares from P15 for a trip", "R210 a year ago";
# not "the K5 type", "Grade R2 pupils")
LOCAL_PREFIXED = re.compile(  # (a sign of two letters or more may stand apart: "Rp 3,150", "RM 12 million")
    rf"(?<![A-Za-z\d])(?:(?P<sign>{'|'.join(currencies.LOCAL_SIGNS)})|(?P<apart>"
    rf"{'|'.join(s for s in currencies.LOCAL_SIGNS if len(s) > 1)}) )(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+\.\d\d"
    rf"(?!\d)|\d+(?:\.\d+)?(?={_SCALE_AHEAD})|(?P<bare>\d+)(?=\s(?:a|an|per|for|by|in|and|or|to|each|every|from|"
    rf"on|at|with|than)\b|[,;)]|\.(?:\s|$))){_SCALE}?")
# The word before a local sign and a bare whole number: a price follows a verb, a preposition or a conjunction
# ("cost R210", "capped at P60"), never an article or a capitalized word ("the R21 highway", "Grade R2").
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_PER_MEASURE = re.compile(r"\s(?:a|an|per)\s(?:tonne|ton|kilo|kilogram|kg|ounce|barrel|litre|liter|share)\b")
RANGE_JOIN = re.compile(r"\s?(?:-|–|to|and)\s?")
PERCENT = re.compile(
    rf"(?i:(?<![\w.])(?P<num>{DIGITS}|{WORD_NUMBER})(?:[\s-]?(?P<pct>%|percent\b|per\scent\b|pct\b)"
    r"|[\s-](?P<pp>percentage[\s-]points?|basis\spoints?)\b))")


@dataclass(frozen=True)
class Amount:
    """A money amount or a percentage found in the text."""

    start: int
    end: int
    text: str
    value: float
    currency: str | None = None
    unit: str | None = None
    scale: float = 1.0  # the scale word's multiplier ("million"), which a range's other bound may borrow
    qualifier: str | None = None


def qualifier_before(text: str, start: int) -> str | None:
    """The hedge or bound written just before a number ("more than", "nearly", "only"), lower-cased; an "a"
    between them belongs to a number in words ("nearly a third"), else to the noun the amount modifies
    ("sued over a 15-cent fee": no amount over 15 cents)."""
    before = text[max(0, start - 24):start].lower()
    articled = start < len(text) and not text[start].isalpha() and _ARTICLE_END.search(before) is not None
    for q, rx in _QUALIFIER_RX:
        if rx.search(before) and not articled:
            return q
    return None


_ARTICLE_END = re.compile(r"\ban?\s+$")


@lru_cache(maxsize=8)
def _bare_dollar(text: str) -> str:
    """What a bare "$" stands for in the text (read once per text): the dollar of the country the article is set
    in (`currencies.home_dollar`), unless the article writes that dollar with its own sign ("C$", "A$"). A
    conversion in brackets after another amount is into the money the article writes in too: US dollars in
    wire copy ("96 billion yen ($845 million)"), the local dollar in a paper that writes its own dollar with a
    bare "$" ("398 million yuan ($83 million)" in an Australian paper)."""
    home = currencies.home_dollar(text)
    if home is None or any(re.search(rf"(?<![A-Za-z]){re.escape(sign)}\s?\d", text)
                           for sign, code in SIGNS.items() if code == home):
        return "USD"
    return home


def _prefixed(m: re.Match[str]) -> Amount | None:
    sign = m.group("sign").strip()
    if sign == "$":
        currency = _bare_dollar(m.string)
    elif sign in currencies.SHARED_SIGNS:
        currency = currencies.currency_of(currencies.SHARED_SIGNS[sign], None, m.string)
    else:
        currency = SIGNS.get(sign) or currencies.code_currency(sign, m.string, CODES)
    if currency is None:
        return None
    scale = m.group("scale") or m.group("abbr")
    if m.group("abbr") and m.group("abbr").lower() not in ("bn", "mn", "mln", "bln", "tn", "trn", "m", "b", "k"):
        return None
    value = times(m.group("num"), scale_of(scale))
    return Amount(m.start(), m.end(), m.group(0), value, currency, scale=scale_of(scale))


def _suffixed(m: re.Match[str], text: str) -> Amount | None:
    written = m.group("word").lower()
    word = "pound" if "sterling" in written else currencies.unit_word(written)
    if word is None:
        return None
    sign = _bare_dollar(text) if word in currencies.READ_AS_DOLLAR_SIGN else "USD"  # (the article's setting is
    currency = currencies.currency_of(word, m.group("adj"), text, sign)  # read only where a dollar needs it)
    num, scale = m.group("num"), m.group("scale") or m.group("abbr")
    if m.group("abbr") and not num[0].isdigit():
        return None  # ("1.93tn birr"; a scale's abbreviation runs on to digits only)
    # "a pound", "five pounds" may weigh something; money only with a scale word or "sterling", or as the price
    # of a measure of goods ("2,310 pounds a tonne", "95 pounds per barrel")
    if word == "pound" and not scale and "sterling" not in written and not _PER_MEASURE.match(text, m.end()):
        return None
    if num.lower() in ("a", "an", "a half a", "half a") and not scale:
        return None
    value = parse_number(f"{num} {scale}" if scale else num)
    if value is None or currency is None:
        return None
    if word == "cent":
        value /= 100
    return Amount(m.start(), m.end(), m.group(0), value, currency, scale=scale_of(scale))


def _local_prefixed(m: re.Match[str], text: str) -> Amount | None:
    if m.group("bare") and not _price_slot(text, m.start()):
        return None
    currency = currencies.local_sign_currency(m.group("sign") or m.group("apart"), text)
    if currency is None:
        return None
    scale = m.group("scale") or m.group("abbr")
    if m.group("abbr") and m.group("abbr").lower() not in ("bn", "mn", "m", "b", "k"):
        return None
    return Amount(m.start(), m.end(), m.group(0), times(m.group("num"), scale_of(scale)), currency,
                  scale=scale_of(scale))


def _price_slot(text: str, start: int) -> bool:
    """Whether a local sign and a bare whole number at `start` stand where a price does: after a word in lower
    case that is no article ("cost R210", "capped at P60"; not "the R21", "Grade R2")."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group(1).isalpha() and m.group(1).islower() and m.group(1) not in ("the", "a", "an")


def find_money(text: str) -> list[Amount]:
    """Every money amount in the text, in order, ranges split into their two bounds; found once per text
    (the document model leaves the amounts' digits out of names, the quantities table reads them)."""
    return list(_money_in(text))


@lru_cache(maxsize=32)
def _money_in(text: str) -> tuple[Amount, ...]:
    found = [a for m in PREFIXED.finditer(text) if (a := _prefixed(m))]
    found += [a for m in SUFFIXED.finditer(text) if (a := _suffixed(m, text))]
    found += [a for m in LOCAL_PREFIXED.finditer(text) if (a := _local_prefixed(m, text))]
    found = _no_overlaps([a for a in found if not _weighs(text, a)])
    found = _bare_range_ends(text, found)
    out: list[Amount] = []
    for a in found:
        out.append(replace(a, qualifier=qualifier_before(text, a.start)))
    return tuple(_mark_ranges(text, out))


_POUNDS_OF = re.compile(r"pounds\s+of\s+\w", re.I)


def _weighs(text: str, a: Amount) -> bool:
    """Whether "pounds" weighs a substance rather than counts money: "1.2 million pounds of milk" in an
    article that writes its money in dollars and never in sterling (a "£" or "sterling")."""
    if a.currency != "GBP" or not a.text.lower().endswith("pounds") or "£" in text or "sterling" in text.lower():
        return False
    return bool(_POUNDS_OF.match(text, a.end - len("pounds"))) and "$" in text


def _bare_range_ends(text: str, found: list[Amount]) -> list[Amount]:
    """Add the high bound of "$3-5 million" / "$3 to 5 million", written without its sign."""
    extra = []
    for a in found:
        m = re.compile(rf"(?:-|–|\sto\s){_NUM}{_SCALE}?").match(text, a.end)
        if m and not any(b.start == m.start("num") for b in found):
            scale = m.group("scale") or m.group("abbr")
            if a.scale > 1 and not scale:
                continue  # a low bound's scale is written on the high bound ("$3 to 5 million"), never on the low
                # one only: "gave $1.2 million to 46 businesses" counts businesses
            value = times(m.group("num"), scale_of(scale))
            extra.append(Amount(m.start("num"), m.end(), text[m.start("num"):m.end()], value, a.currency,
                                scale=scale_of(scale)))
    return sorted(found + extra, key=lambda x: x.start)


def _mark_ranges(text: str, found: list[Amount]) -> list[Amount]:
    """Mark pairs joined by to/-/and as range bounds; an unscaled low bound borrows the high one's scale."""
    out = list(found)
    for i in range(len(out) - 1):
        lo, hi = out[i], out[i + 1]
        gap = text[lo.end:hi.start]
        if not RANGE_JOIN.fullmatch(gap) or lo.currency != hi.currency:
            continue
        if gap.strip() == "and" and not text[:lo.start].rstrip().lower().endswith("between"):
            continue
        value = lo.value * hi.scale if lo.scale == 1.0 else lo.value
        out[i] = replace(lo, value=value, scale=max(lo.scale, hi.scale), qualifier="range_from")
        out[i + 1] = replace(hi, qualifier="range_to")
    return out


def _no_overlaps(found: list[Amount]) -> list[Amount]:
    """Keep the longest of overlapping matches."""
    kept: list[Amount] = []
    for a in sorted(found, key=lambda a: (a.start, -(a.end - a.start))):
        if not kept or a.start >= kept[-1].end:
            kept.append(a)
    return kept


def find_percents(text: str) -> list[Amount]:
    """Every percentage or percentage-point change in the text, in order."""
    out = []
    for m in PERCENT.finditer(text):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        unit = "percent"
        if m.group("pp"):
            unit = "percentage_point"
            if m.group("pp").lower().startswith("basis"):
                value /= 100
        out.append(Amount(m.start(), m.end(), m.group(0), value, unit=unit,
                          qualifier=qualifier_before(text, m.start())))
    return out

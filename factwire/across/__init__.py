"""Across articles: syndicated copies, one key per entity, places with coordinates.

A step of its own over what extraction made (the entity rows, the article rows and the clean texts),
run by `factwire.pipeline.process` before validation:

- `mark_copies`: `duplicate_of` and `similarity` on article rows (copies.py, a signature store beside
  the tables);
- `annotate_entities`: `entity_key` on every entity row (keys.py) and `geonames_id`, `latitude`,
  `longitude`, `country_code`, `place_kind` on places (places.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factwire.across.copies import CopySettings, Match, SignatureStore
from factwire.across.keys import entity_key
from factwire.across.places import geocode_entities

__all__ = ["CopySettings", "Match", "SignatureStore", "annotate_entities", "entity_key", "mark_copies"]


def annotate_entities(entities: list[dict[str, Any]], clean_texts: dict[str, str]) -> list[dict[str, Any]]:
    """Entity rows with their dataset-wide key and, for places, their gazetteer columns (new dicts)."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for row in entities:
        by_article.setdefault(row["article_id"], []).append(row)
    out = []
    for aid, rows in by_article.items():
        named = [r for r in rows if isinstance(r.get("name"), str) and r["name"].strip()
                 and isinstance(r.get("type"), str)]
        places = dict(zip(map(id, named), geocode_entities(named, clean_texts.get(aid, "")), strict=True))
        for row in rows:
            cols = places.get(id(row), {})
            key = None
            if id(row) in places:  # a row without a name or type is left for validation to quarantine
                key = entity_key(row["name"], row["type"], article_id=aid, geonames_id=cols.get("geonames_id"))
            out.append({**row, **cols, "entity_key": key})
    return out


def mark_copies(articles: list[dict[str, Any]], signatures: Path, settings: CopySettings) -> list[dict[str, Any]]:
    """Article rows with `duplicate_of` and `similarity`, matched against the store (which they join).

    Within a batch, articles are matched in order of publication (undated ones last), so the earliest
    published of a group in one batch is its original.
    """
    order = sorted(range(len(articles)), key=lambda i: (articles[i].get("published") is None,
                                                         str(articles[i].get("published") or ""), i))
    items = [(articles[i]["article_id"], articles[i]["clean_text"]) for i in order]
    matches = {m.article_id: m for m in SignatureStore(signatures, settings).match_and_add(items)}
    return [{**a, "duplicate_of": matches[a["article_id"]].duplicate_of,
             "similarity": matches[a["article_id"]].similarity} for a in articles]

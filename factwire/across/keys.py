"""One `entity_key` per real-world entity across the dataset, from an entity's canonical name and type.

A key reads as `<kind>:<slug>`: `person:jeff-bezos`, `org:amazon`, `work_of_art:...`. Places resolved in
the gazetteer are keyed by their GeoNames id (`place:geonames:2988507`), so "Paris" in a French article
and "Paris" in another resolved the same way share a key while Paris, Texas gets its own; an unresolved
place keeps its name (`place:springfield`). A person named by one word only (the text never gives a first
name) is keyed within the article (`person:smith@<article_id>`): two people who share a surname are never
merged, at the price of not joining that surname-only mention to the same person elsewhere.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

PLACE_TYPES = frozenset({"GPE", "LOC"})
# Suffixes and articles that vary between outlets for one organization ("Apple Inc." / "Apple").
_ORG_SUFFIX = re.compile(r"(?:,?\s+(?:inc|corp|corporation|co|ltd|llc|plc|ag|sa|nv|group|company))+\.?$", re.I)
_NAME_SUFFIX = re.compile(r",?\s+(?:jr|sr|ii|iii|iv)\.?$", re.I)
_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case ASCII words of a name: accents and punctuation dropped, apostrophes removed."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("'", "").replace("\u2019", "").replace(".", "")
    return " ".join(_WORD.findall(text.lower()))


def slug(name: str) -> str:
    """A readable key fragment for a name (a short hash when it has no Latin letters or digits)."""
    words = fold(name)
    if words:
        return words.replace(" ", "-")
    return "h" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def kind_of(entity_type: str) -> str:
    """The key prefix of an entity type: places (GPE, LOC) share one, the others keep their own."""
    return "place" if entity_type in PLACE_TYPES else entity_type.lower()


def normal_name(name: str, entity_type: str) -> str:
    """The name as keyed: a leading 'the', an organization's legal suffix and a person's Jr./III dropped."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    if entity_type == "ORG":
        name = _ORG_SUFFIX.sub("", name) or name
    elif entity_type == "PERSON":
        name = _NAME_SUFFIX.sub("", name) or name
    return name


def entity_key(name: str, entity_type: str, *, article_id: str | None = None,
               geonames_id: int | None = None) -> str:
    """The dataset-wide key of an entity (see the module docstring for the rules)."""
    kind = kind_of(entity_type)
    if kind == "place" and geonames_id is not None:
        return f"place:geonames:{int(geonames_id)}"
    key = f"{kind}:{slug(normal_name(name, entity_type))}"
    if entity_type == "PERSON" and len(fold(normal_name(name, entity_type)).split()) < 2 and article_id:
        return f"{key}@{article_id}"
    return key

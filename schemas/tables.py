"""One pandera model per table of CONTRACT.md: the data contract in code.

Offsets (`start`, `end`) index `articles.clean_text` with Python string indices, end exclusive.
Partial dates are ISO strings at their own precision (`2024`, `2025-06`, `2025-06-14`).
"""

from __future__ import annotations

import pandera.pandas as pa
import pycountry
from pandera.engines import pandas_engine
from pandera.typing import Series

from schemas._base import TableModel, col, list_of

PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# Every ISO 4217 currency code (pycountry's table): money in any currency news reports is valid.
ISO_4217 = frozenset(c.alpha_3 for c in pycountry.currencies)
ENTITY_TYPES = ["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART",
                "LANGUAGE", "MISC"]
SOURCE_FORMATS = ["text", "html", "json", "feed", "url"]


class Articles(TableModel):
    """One row per article: metadata and the clean text every offset points into."""

    article_id: Series[str] = col("string", description="Content hash of the raw input (stable id).")
    source_uri: Series[str] = col("string", description="Input path or URL as the user gave it.")
    raw_path: Series[str] = col("string", description="The kept copy of the raw bytes under data/raw.")
    source_format: Series[str] = col("string", description="text, html, json, feed or url.",
                                     isin=SOURCE_FORMATS)
    title: Series[str] = col("string", nullable=True, description="Headline.")
    published: Series[pandas_engine.Date] = col("date", nullable=True, description="Publication date.")
    outlet: Series[str] = col("string", nullable=True, description="Publisher name.")
    url: Series[str] = col("string", nullable=True, description="Canonical URL of the article.")
    author: Series[str] = col("string", nullable=True, description="Byline.")
    language: Series[str] = col("string", description="ISO 639-1 language code.")
    clean_text: Series[str] = col("string", description="Normalized body text, citation markers removed.",
                                  str_length={"min_value": 1})
    word_count: Series[int] = col("int64", description="Words in clean_text.", ge=0)
    extractor_version: Series[str] = col("string", description="Version of the extractors that made the rows.")
    ingested_at: Series[pandas_engine.DateTime(tz="UTC")] = col(  # type: ignore[valid-type]
        "timestamp", description="When the article was processed (UTC).")
    duplicate_of: Series[str] = col("string", nullable=True,
                                    description="article_id of the earliest stored article this one copies "
                                                "(syndicated or near-duplicate text); null for originals.")
    similarity: Series[float] = col("float64", nullable=True, ge=0, le=1,
                                    description="Estimated Jaccard similarity of word shingles with the "
                                                "copied article (MinHash); null for originals.")


class Citations(TableModel):
    """One row per numeric citation marker removed from the text."""

    article_id: Series[str] = col("string", description="Article the marker was in.")
    anchor: Series[str] = col("string", description="Word the marker was glued to, as in the clean text.")
    refs: Series[object] = col("list<int64>", description="Reference numbers ([1, 2] for '12').")
    raw_start: Series[int] = col("int64", description="Marker start in the NFC-normalized raw body.", ge=0)
    raw_end: Series[int] = col("int64", description="Marker end (exclusive) in the raw body.", ge=0)
    clean_offset: Series[int] = col("int64", description="Where the marker was, in clean_text.", ge=0)

    @pa.check("refs", element_wise=True, error="refs must be a list of positive integers")
    def _refs(cls, value) -> bool:
        return list_of(value, int) and all(r > 0 for r in value)


class Entities(TableModel):
    """One row per distinct real-world entity of an article."""

    article_id: Series[str] = col("string", description="Article.")
    entity_id: Series[str] = col("string", description="Id of the entity, stable within the article.")
    name: Series[str] = col("string", description="Canonical name, as in an index.", str_length={"min_value": 1})
    type: Series[str] = col("string", description="PERSON, ORG, GPE, LOC, FAC, NORP, ...", isin=ENTITY_TYPES)
    aliases: Series[object] = col("list<string>", description="Every other surface form, descriptions included.")
    mention_count: Series[int] = col("int64", description="Mentions in the text.", ge=0)
    entity_key: Series[str] = col("string", nullable=True,
                                  description="Key of the entity across the dataset, from its canonical name and "
                                              "type ('person:jeff-bezos', 'place:geonames:2988507'); null only "
                                              "in rows written before it existed.")
    geonames_id: Series[int] = col("int64", nullable=True, description="GeoNames id of a place (GPE/LOC).")
    latitude: Series[float] = col("float64", nullable=True, ge=-90, le=90, description="Latitude of a place.")
    longitude: Series[float] = col("float64", nullable=True, ge=-180, le=180, description="Longitude of a place.")
    country_code: Series[str] = col("string", nullable=True, description="ISO 3166 country code of a place.")
    place_kind: Series[str] = col("string", nullable=True, isin=["city", "state", "country", "continent"],
                                  description="city, state, country or continent; countries and states are "
                                              "placed at the population-weighted centre of their cities.")

    @pa.check("aliases", element_wise=True, error="aliases must be a list of strings")
    def _aliases(cls, value) -> bool:
        return list_of(value, str)


class Mentions(TableModel):
    """One row per mention of an entity."""

    article_id: Series[str] = col("string", description="Article.")
    entity_id: Series[str] = col("string", description="Entity mentioned.")
    text: Series[str] = col("string", description="Surface text, == clean_text[start:end].")
    start: Series[int] = col("int64", description="Start offset in clean_text.", ge=0)
    end: Series[int] = col("int64", description="End offset (exclusive) in clean_text.", ge=0)
    kind: Series[str] = col("string", description="name, alias, description or pronoun.",
                            isin=["name", "alias", "description", "pronoun"])


class Quantities(TableModel):
    """One row per money amount, count or percentage."""

    article_id: Series[str] = col("string", description="Article.")
    kind: Series[str] = col("string", description="money, count or percent.", isin=["money", "count", "percent"])
    text: Series[str] = col("string", description="Surface text.")
    start: Series[int] = col("int64", description="Start offset in clean_text.", ge=0)
    end: Series[int] = col("int64", description="End offset in clean_text.", ge=0)
    value: Series[float] = col("float64", description="Normalized value (money in currency units).")
    currency: Series[str] = col("string", nullable=True, description="ISO 4217 code (money only).",
                                isin=sorted(ISO_4217))
    unit: Series[str] = col("string", nullable=True, description="percent or percentage_point (percents).")
    counted: Series[str] = col("string", nullable=True, description="Plural noun counted (counts only).")
    qualifier: Series[str] = col("string", nullable=True, description="over, about, only, at least, ...")
    subject: Series[str] = col("string", nullable=True, description="Canonical name of whose it is.")
    subject_id: Series[str] = col("string", nullable=True, description="Entity id of the subject.")
    period: Series[str] = col("string", nullable=True, description="Partial ISO date it refers to.",
                              str_matches=PARTIAL_DATE)

    @pa.check("value", error="value must be a finite number")
    def _finite(cls, series):
        return series.abs() != float("inf")


class Dates(TableModel):
    """One row per time expression."""

    article_id: Series[str] = col("string", description="Article.")
    text: Series[str] = col("string", description="Surface text.")
    start: Series[int] = col("int64", description="Start offset in clean_text.", ge=0)
    end: Series[int] = col("int64", description="End offset in clean_text.", ge=0)
    resolved: Series[str] = col("string", nullable=True, description="Partial ISO date, resolved against published.",
                                str_matches=PARTIAL_DATE)
    granularity: Series[str] = col("string", nullable=True,
                                   description="The unit it names: year, half, quarter, month, week or day.",
                                   isin=["year", "half", "quarter", "month", "week", "day"])
    relative: Series[bool] = col("bool", description="Whether it is relative to the publication date.")


class Quotes(TableModel):
    """One row per quotation, direct or reported."""

    article_id: Series[str] = col("string", description="Article.")
    text: Series[str] = col("string", description="The quoted words (without the marks).")
    start: Series[int] = col("int64", description="Start offset in clean_text.", ge=0)
    end: Series[int] = col("int64", description="End offset in clean_text.", ge=0)
    speaker: Series[str] = col("string", nullable=True, description="Canonical name of the speaker.")
    speaker_id: Series[str] = col("string", nullable=True, description="Entity id of the speaker.")
    speaker_text: Series[str] = col("string", nullable=True,
                                    description="The speaker as the text names them at this quote "
                                                "('a WeWork spokesperson', 'he', 'one resident').")
    direct: Series[bool] = col("bool", description="In quotation marks.")
    cue: Series[str] = col("string", nullable=True, description="Reporting verb or phrase.")


class Attributions(TableModel):
    """One row per sourcing phrase."""

    article_id: Series[str] = col("string", description="Article.")
    source: Series[str] = col("string", description="Canonical name of the source.")
    source_id: Series[str] = col("string", nullable=True, description="Entity id of the source.")
    cue: Series[str] = col("string", description="according to, reported, told, ...")
    text: Series[str] = col("string", description="The sourcing phrase.")
    start: Series[int] = col("int64", description="Start offset in clean_text.", ge=0)
    end: Series[int] = col("int64", description="End offset in clean_text.", ge=0)
    named: Series[bool] = col("bool", description="The source is named (always: unnamed sources such as "
                              "'people familiar with the matter' are rows of unnamed_sources).")


class UnnamedSources(TableModel):
    """One row per sourcing phrase that names no source ("two people familiar with the matter")."""

    article_id: Series[str] = col("string", description="Article.")
    description: Series[str] = col("string", description="How the text describes the source "
                                                         "(\"people familiar with the matter\", \"court records\").")
    cue: Series[str] = col("string", description="according to, said, told, ...")
    text: Series[str] = col("string", description="The sourcing phrase.")
    start: Series[int] = col("int64", description="Start offset in clean_text.", ge=0)
    end: Series[int] = col("int64", description="End offset in clean_text.", ge=0)


class Roles(TableModel):
    """One row per role a person holds."""

    article_id: Series[str] = col("string", description="Article.")
    person: Series[str] = col("string", description="Canonical name of the person.")
    person_id: Series[str] = col("string", description="Entity id of the person.")
    title: Series[str] = col("string", description="Title as the text words it, without qualifiers or "
                                                     "articles (\"chief executive\", \"Gov.\", \"Superintendent\").")
    title_normalized: Series[str] = col("string", nullable=True,
                                        description="Normal form of the title (chief executive -> CEO, "
                                                    "Gov. -> Governor).")
    org: Series[str] = col("string", nullable=True, description="Canonical name of the organization.")
    org_id: Series[str] = col("string", nullable=True, description="Entity id of the organization.")


class Events(TableModel):
    """One row per event; see factwire/data/event_triggers.json for the taxonomy."""

    article_id: Series[str] = col("string", description="Article.")
    type: Series[str] = col("string", description="contract_award, meeting, communication, ...")
    trigger: Series[str] = col("string", nullable=True, description="The word that signals the event.")
    actor: Series[str] = col("string", nullable=True, description="Canonical name of the agent.")
    actor_id: Series[str] = col("string", nullable=True, description="Entity id of the agent.")
    target: Series[str] = col("string", nullable=True, description="Canonical name of the patient/recipient.")
    target_id: Series[str] = col("string", nullable=True, description="Entity id of the target.")
    participants: Series[object] = col("list<string>", description="Canonical names of all parties.")
    amount: Series[float] = col("float64", nullable=True, description="Money in the clause, currency units.")
    currency: Series[str] = col("string", nullable=True, description="ISO 4217 code of amount.")
    date: Series[str] = col("string", nullable=True, description="Partial ISO date of the event.",
                            str_matches=PARTIAL_DATE)
    location: Series[str] = col("string", nullable=True, description="Place of the event.")
    start: Series[int] = col("int64", description="Start of the sentence in clean_text.", ge=0)
    end: Series[int] = col("int64", description="End of the sentence in clean_text.", ge=0)

    @pa.check("participants", element_wise=True, error="participants must be a list of strings")
    def _participants(cls, value) -> bool:
        return list_of(value, str)


class Quarantine(TableModel):
    """One row per record that failed its schema, or input that could not be read."""

    table: Series[str] = col("string", description="Table the record was bound for.")
    article_id: Series[str] = col("string", nullable=True, description="Article, when known.")
    source_uri: Series[str] = col("string", description="Input path or URL.")
    reason: Series[str] = col("string", description="Why it was quarantined.")
    record: Series[str] = col("string", description="The record as JSON text.")
    quarantined_at: Series[pandas_engine.DateTime(tz="UTC")] = col(  # type: ignore[valid-type]
        "timestamp", description="When (UTC).")

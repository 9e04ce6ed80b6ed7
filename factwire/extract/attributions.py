"""Sourcing phrases: who reported what.

One row per phrase that credits a source: "according to X", "X reported" (and then "X said" of that
publication), "told X" (a news organization), "in an interview with X", "citing X", "a spokesperson
for X said", "in a statement" / "in a filing" (the speaker's). The source
is the entity the phrase names, by its canonical name ("the Journal" -> The Wall Street Journal,
through the EntityIndex). Unnamed sources ("two people familiar with the matter", "a source close
to the company") are rows too, because a reader weighing a story wants to see them, but they carry
`named=False`, no `source_id`, and their description as `source`, so queries (and the scorer's
named-only gold) can leave them out with `WHERE named`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from factwire.extract.quotemarks import QuotedDoc
from factwire.extract.speech import (
    REPRESENTATIVES,
    entity_of,
    is_speech_verb,
    is_unnamed_source,
    negated,
    organization_of,
    phrase_tokens,
    proper_name,
    source_tokens,
    speaker_of,
    subject_token,
    unnamed_label,
)
from factwire.extract.speech_words import nouns
from factwire.resolve import EntityIndex

# Statements, documents, company results and media words: factwire/data/speech_nouns.txt.
STATEMENT_NOUNS = nouns("statement")
DOCUMENT_NOUNS = nouns("document")
RESULT_NOUNS = nouns("result")
MEDIA_NOUNS = nouns("media")
_CUE_POS = ("VERB", "AUX", "NOUN", "ADP")  # every cue is a reporting verb, "according", or a noun
_SOURCE_TYPES = ("ORG", "PERSON", "GPE", "NORP", "WORK_OF_ART", "PRODUCT", "FAC")
_MEDIA_TYPES = ("ORG", "WORK_OF_ART", "PRODUCT")  # who "told X" can be a source: an outlet, not a person


@dataclass(frozen=True)
class Source:
    """Who a sourcing phrase credits: an entity, a proper name the index lacks, or a description."""

    name: str
    entity_id: str | None
    named: bool


def _is_document(tok: Token) -> bool:
    return tok.lemma_.lower() in DOCUMENT_NOUNS or tok.lower_ in DOCUMENT_NOUNS


def _named(head: Token, entities: EntityIndex, types: tuple[str, ...] = _SOURCE_TYPES) -> Source | None:
    """The named source a phrase's head stands for, if any."""
    entity = entity_of(head, entities)
    if entity is None and _is_document(head):
        entity = organization_of(head, entities, owner_first=True)
    if entity is not None:
        return Source(entity.name, entity.entity_id, True) if entity.type in types else None
    name = proper_name(head)
    if name is not None:
        # A proper name the entity index does not know still names the source.
        return Source(head.doc[name[0]:name[1]].text, None, True)
    return None


def _source(head: Token, entities: EntityIndex, *, any_noun: bool = False) -> Source | None:
    """The source a phrase names; an unnamed source (a description) when it names none."""
    found = _named(head, entities)
    if found is not None:
        return found
    if head.pos_ == "NOUN" and (any_noun or is_unnamed_source(head) and not _is_document(head)):
        return Source(unnamed_label(head), None, False)
    return None


def _row(doc: Doc, i: int, j: int, cue: str, source: Source) -> dict[str, Any]:
    span = doc[i:j]
    return {"source": source.name, "source_id": source.entity_id, "cue": cue,
            "text": span.text, "start": span.start_char, "end": span.end_char, "named": source.named}


def _according_to(tok: Token, entities: EntityIndex) -> dict[str, Any] | None:
    """'according to The Wall Street Journal', 'according to two people familiar with the matter'."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        to = tok.doc[tok.i + 1]
    obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    source = _source(obj, entities, any_noun=True) if obj is not None else None
    if source is None:
        return None
    return _row(tok.doc, tok.i, source_tokens(obj)[1], "according to", source)


def _is_result(obj: Token) -> bool:
    """A company's reported figures: 'a loss', 'record profits', '$2 billion in sales'."""
    if obj.lemma_.lower() in RESULT_NOUNS or obj.lower_ in RESULT_NOUNS or obj.like_num:
        return True
    return obj.ent_type_ in ("MONEY", "PERCENT", "CARDINAL") or any(
        c.like_num or c.ent_type_ in ("MONEY", "PERCENT") for c in obj.children)


def _reported(tok: Token, entities: EntityIndex) -> dict[str, Any] | None:
    """'the Journal reported', 'Bloomberg News reported on Friday', 'as reported by CNBC'."""
    if tok.lemma_.lower() != "report" or tok.pos_ != "VERB" or negated(tok) or tok.dep_ == "xcomp":
        return None
    if any(c.dep_ == "dobj" and _is_result(c) for c in tok.children):
        return None  # "reported a loss", "reported $2 billion in sales": a company's results, not a source
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    head = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if head is None:
        head = subject_token(tok)
    source = _source(head, entities) if head is not None else None
    if source is None:
        return None
    i, j = phrase_tokens(head)
    return _row(tok.doc, min(i, tok.i), max(j, tok.i + 1), tok.text, source)


def _told(tok: Token, entities: EntityIndex) -> dict[str, Any] | None:
    """'told Reuters', 'told The Associated Press in an interview': the outlet that was told."""
    if tok.lemma_.lower() != "tell" or tok.pos_ != "VERB":
        return None
    obj = next((c for c in tok.children if c.dep_ in ("dative", "dobj") and c.i > tok.i), None)
    types = _MEDIA_TYPES
    if obj is not None and obj.pos_ == "NOUN" and obj.lemma_.lower() in MEDIA_NOUNS:
        # "told the Hamburger Abendblatt newspaper": the name is a compound of the noun, and the
        # noun says it is an outlet whatever type the NER gave the name.
        obj = next((c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        types = _SOURCE_TYPES + ("GPE", "LOC")
    if obj is None or obj.pos_ != "PROPN":
        return None
    source = _named(obj, entities, types)
    if source is None or obj.ent_type_ == "PERSON":
        return None  # telling a person something is not citing an outlet
    return _row(tok.doc, tok.i, phrase_tokens(obj)[1], tok.text, source)


def _citing(tok: Token, entities: EntityIndex) -> dict[str, Any] | None:
    """'..., the Journal reported, citing people familiar with the matter' / 'citing data from X'."""
    if tok.lemma_.lower() != "cite" or tok.pos_ != "VERB" or tok.tag_ != "VBG":
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    # Only a source is cited as one: a name, a document, or people in the know, not a reason
    # ("citing Taliban violence").
    source = _named(obj, entities)
    if source is None and obj.pos_ == "NOUN" and (is_unnamed_source(obj) or _is_document(obj)):
        source = Source(unnamed_label(obj), None, False)
    if source is None:
        return None
    return _row(tok.doc, tok.i, source_tokens(obj)[1], "citing", source)


def _interview_with(tok: Token, entities: EntityIndex) -> dict[str, Any] | None:
    """'in an interview with CNBC', 'in an interview with the Financial Times'."""
    if tok.lemma_.lower() != "interview" or tok.pos_ != "NOUN":
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "on", "to")), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.pos_ != "PROPN":
        return None
    source = _named(obj, entities, _MEDIA_TYPES)
    if source is None or (source.entity_id is None and obj.ent_type_ == "PERSON"):
        owner = organization_of(obj, entities)  # "with CNBC's Jim Cramer"
        source = Source(owner.name, owner.entity_id, True) if owner and owner.type in _MEDIA_TYPES else None
    if source is None:
        return None
    i = tok.head.i if tok.head.pos_ == "ADP" and tok.head.i < tok.i else tok.left_edge.i
    return _row(tok.doc, i, phrase_tokens(obj)[1], "in an interview with", source)


def _in_statement(tok: Token, entities: EntityIndex) -> dict[str, Any] | None:
    """'X said in a statement': the statement's author is the source."""
    if tok.lemma_.lower() not in STATEMENT_NOUNS or tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return None
    verb = tok.head.head
    if not is_speech_verb(verb) or negated(verb):
        return None
    if tok.lemma_.lower() == "release" and not any(c.lower_ in ("press", "news") for c in tok.children):
        return None
    speaker = speaker_of(verb, entities)
    if speaker is None or speaker.entity is None:
        return None
    source = Source(speaker.entity.name, speaker.entity.entity_id, True)
    return _row(tok.doc, tok.head.i, tok.i + 1, f"in a {tok.lemma_.lower()}", source)


def _spokesperson(tok: Token, entities: EntityIndex) -> dict[str, Any] | None:
    """'a WeWork spokesperson said', 'people familiar with the matter said': a representative or an
    unnamed source as the subject of a reporting verb."""
    if not is_speech_verb(tok) or negated(tok):
        return None
    head = subject_token(tok)
    if head is None or head.pos_ != "NOUN":
        return None
    source = None
    if head.lemma_.lower() in REPRESENTATIVES or head.lower_ in REPRESENTATIVES:
        owner = organization_of(head, entities)
        source = Source(owner.name, owner.entity_id, True) if owner is not None else None
    if source is None and is_unnamed_source(head):
        source = Source(unnamed_label(head), None, False)
    if source is None:
        return None
    i, j = phrase_tokens(head)
    return _row(tok.doc, min(i, tok.i), max(j, tok.i + 1), tok.text, source)


FINDERS = (_according_to, _reported, _told, _citing, _interview_with, _in_statement, _spokesperson)
# Finders whose source is a publication: the news organization that reported, or was told or interviewed.
PUBLICATION_FINDERS = {"report": _reported, "tell": _told, "interview": _interview_with}


def publication_ids(doc: Doc, entities: EntityIndex, mask: list[int]) -> set[str]:
    """Entities the article treats as publications: they report, are told things, or interview."""
    ids: set[str] = set()
    for tok in doc:
        find = PUBLICATION_FINDERS.get(tok.lemma_.lower())
        if find is not None and mask[tok.i] == -1 and (row := find(tok, entities)) and row["source_id"]:
            ids.add(row["source_id"])
    return ids


def _publication_says(tok: Token, entities: EntityIndex, publications: set[str]) -> dict[str, Any] | None:
    """'The Journal said Ridge had built a stake': a publication's 'said' is its reporting."""
    if not publications or not is_speech_verb(tok) or negated(tok):
        return None
    speaker = speaker_of(tok, entities)
    if speaker is None or speaker.entity is None or speaker.entity.entity_id not in publications:
        return None
    i, j = phrase_tokens(speaker.token)
    source = Source(speaker.entity.name, speaker.entity.entity_id, True)
    return _row(tok.doc, min(i, tok.i), max(j, tok.i + 1), tok.text, source)


def extract_attributions(doc: Doc, *, entities: EntityIndex, quoted: QuotedDoc | None = None,
                         unnamed: bool = True) -> list[dict[str, Any]]:
    """Rows of the attributions table: each sourcing phrase outside quotation marks, in text order
    (`unnamed=False` leaves out unnamed sources such as "people familiar with the matter")."""
    mask = (quoted or QuotedDoc.of(doc)).mask
    publications = publication_ids(doc, entities, mask)
    rows: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    for tok in doc:
        if mask[tok.i] != -1 or tok.pos_ not in _CUE_POS:
            continue  # a quoted speaker's own "according to" is not the article's sourcing
        found = [find(tok, entities) for find in FINDERS] + [_publication_says(tok, entities, publications)]
        for row in found:
            if row is None or not (unnamed or row["named"]):
                continue
            if "\n" not in row["text"] and (row["start"], row["end"]) not in seen:
                seen.add((row["start"], row["end"]))
                rows.append(row)
    return sorted(rows, key=lambda r: (r["start"], r["end"]))

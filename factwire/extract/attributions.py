"""Sourcing phrases: who reported what.

One row per phrase that credits a source: "according to X", "X reported" (and then "X said" of that
publication), "told X" (a news organization), "in an interview with X", "citing X", "a spokesperson
for X said", "in a statement" / "in a filing" (the speaker's). The source
is the entity the phrase names, by its canonical name ("the Journal" -> The Wall Street Journal,
through the EntityIndex). Unnamed sources ("two people familiar with the matter", "a source close
to the company") are found too, because a reader weighing a story wants to see them: their rows carry
`named=False`, no `source_id`, and their description as `source`, and they are stored apart, in the
unnamed_sources table (`unnamed_source_rows`), since an attribution credits a source by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from factwire.extract.clauses import agent_object, children, is_time, nearest_verb
from factwire.extract.quotemarks import QuotedDoc
from factwire.extract.reported_speech import clause_bounds, reported_clause
from factwire.extract.speech import (
    REPRESENTATIVES,
    SPOKESPEOPLE,
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
from factwire.nlp import doc_tokens
from factwire.resolve import Entity, EntityIndex
from factwire.resolve.reference import employer
from factwire.resolve.speech_words import MANNER_VERBS, SPEECH_VERBS, nouns, verbs
from factwire.wordlists import wordlist

# Statements, documents, company results and media words: factwire/data/speech_nouns.txt.
STATEMENT_NOUNS = nouns("statement")
DOCUMENT_NOUNS = nouns("document")
RESULT_NOUNS = nouns("result")
MEDIA_NOUNS = nouns("media")
# Media one speaks through, not sources ("said via Twitter").
CHANNEL_NOUNS = nouns("channel")
# Verbs of acts rather than of information ("the company announced a recall" is the news itself).
_ACTS = verbs("act") | MANNER_VERBS
# Acts that report where they carry a reported clause (", SFI has announced"; "announced a recall" is the act).
_ANNOUNCING = verbs("announcing")
# A person's own statement is a quote; a filing or a report is a document whoever wrote it.
_SPOKEN_STATEMENTS = nouns("spoken")
# Speaking on the air or to an outlet; how an outlet holds a document; how a journal carries one.
_ON_AIR = verbs("on_air")
_OBTAINED = verbs("obtain")
_PUBLISHED = verbs("publish")
_REVEALING = wordlist("extract.attributions", "revealing")
_FORECASTING = verbs("forecast")
# Verbs by which a document comes from its source ("figures compiled by X", "a report prepared by X")
_AUTHORING = _PUBLISHED | _OBTAINED | {"compile", "release", "conduct", "prepare", "produce", "write", "issue",
                                       "gather", "collect", "carry", "author", "commission", "post"}
_CUE_POS = ("VERB", "AUX", "NOUN", "ADP")  # every cue is a reporting verb, "according", or a noun
_SOURCE_TYPES = ("ORG", "GPE", "NORP", "WORK_OF_ART", "PRODUCT", "FAC")  # a person cited is quoted (CONTRACT.md)
_MEDIA_TYPES = ("ORG", "WORK_OF_ART", "PRODUCT")  # who "told X" can be a source: an outlet, not a person


@dataclass(frozen=True)
class Source:
    """Who a sourcing phrase credits: an entity, a proper name the index lacks, or a description."""

    name: str
    entity_id: str | None
    named: bool


def _is_document(tok: Token) -> bool:
    return tok.lemma_.lower() in DOCUMENT_NOUNS or tok.lower_ in DOCUMENT_NOUNS


def _name_text(head: Token) -> str:
    """The proper name a PROPN head ends, with every name word before it ("E! News", "Pittsburgh
    Post-Gazette"), whatever relation the parser gave them."""
    doc, i = head.doc, head.i
    while i > 0 and i - 1 <= doc[i - 1].head.i <= head.i and (
            doc[i - 1].pos_ == "PROPN" and not doc[i - 1].is_lower
            or doc[i - 1].is_punct and i > 1 and not doc[i - 2].whitespace_
            and doc[i - 2].pos_ == "PROPN"):  # "E! News": a mark inside the name ("sports daily Record":
        i -= 1  # a tagger's PROPN on a lower-case word is no word of it)
    return doc[i:head.i + 1].text


def _unknown_name(head: Token, entities: EntityIndex, entity: Entity | None) -> bool:
    """A proper name with no mention in the index that a look-up of one of its words gave to another
    entity ("E! News" is not "Fox News")."""
    if entity is None or head.pos_ != "PROPN" or entities.at(head.idx, head.idx + len(head.text)) is not None:
        return False
    return entities.lookup(_name_text(head)) is not entity


def _affiliation(head: Token, entities: EntityIndex) -> Entity | None:
    """The organization a named person is cited with: 'Sui-Lee Wee of the New York Times', 'NPR's
    Feng', 'Jane Roe at Acme': a reporter is cited for the outlet, an employee for the employer."""
    for c in head.children:
        objs = [c] if c.dep_ == "poss" else [o for o in c.children if o.dep_ == "pobj"] \
            if c.dep_ == "prep" and c.lower_ in ("of", "at", "for", "from", "with") else []
        for obj in objs:
            e = entity_of(obj, entities) if obj.pos_ == "PROPN" else None
            if e is not None and e.type == "ORG":
                return e
    return None


def _published_in(head: Token, entities: EntityIndex) -> tuple[Entity, str] | None:
    """'a paper published in the journal Nature Astronomy', 'a poll published by the Bogota newspaper
    El Tiempo': the journal or outlet that carried it, and the cue ("published in", "published by")."""
    for acl in head.children:
        if acl.dep_ not in ("acl", "relcl") or acl.lemma_.lower() not in _PUBLISHED:
            continue
        for prep in acl.children:
            if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("in", "by", "on"):
                continue
            for obj in prep.children:
                e = _object_name(obj, entities, _MEDIA_TYPES) if obj.dep_ == "pobj" else None
                if e is not None:
                    return e, f"{acl.lower_} {prep.lower_}"
    return None


def _named(head: Token, entities: EntityIndex, types: tuple[str, ...] = _SOURCE_TYPES, *,
           cited: bool = False) -> Source | None:
    """The named source a phrase's head stands for, if any: a person cited with an organization
    stands for it; a document for the journal that published it, else its owner. `cited`: the phrase
    is what "according to" cites, a document whatever its noun."""
    entity = entity_of(head, entities)
    if _unknown_name(head, entities, entity):
        return Source(_name_text(head), None, True)
    if entity is not None and entity.type == "PERSON":
        entity = _affiliation(head, entities) or entity
    if entity is None and (_is_document(head) or cited and head.pos_ == "NOUN"):
        for prep in head.children:  # "a report by E! News", a name the index lacks
            for obj in prep.children if prep.dep_ == "prep" and prep.lower_ in ("by", "from") else ():
                if obj.dep_ == "pobj" and _unknown_name(obj, entities, entity_of(obj, entities)):
                    return Source(_name_text(obj), None, True)
        # "results posted by the county board", "a report in the Courier", else the owner: "the
        # agency's figures"
        entity = _document_credit(head, entities, any_noun=cited)[0] \
            or organization_of(head, entities, owner_first=True)
        if entity is not None and entity.type == "PERSON":
            # a document's author is its source ("a 2018 survey by Penelope Abernathy"; a person whose
            # words are cited is quoted instead), and one who holds a post at an organization writes for
            # it ("an internal memo that Chief Executive Maya Castellanos sent to staff": Ledgerline's)
            org = employer(entity, entities.roles or [], entities)
            author = org if org is not None and org.type in types else entity
            if author.type in types or types is _SOURCE_TYPES:  # (a finder of outlets only wants an outlet)
                return Source(author.name, author.entity_id, True)
            return None
    if entity is not None:
        return Source(entity.name, entity.entity_id, True) if entity.type in types else None
    name = proper_name(head)
    if name is not None:
        # A proper name the entity index does not know still names the source.
        return Source(head.doc[name[0]:name[1]].text, None, True)
    return None


def _source(head: Token, entities: EntityIndex, *, any_noun: bool = False) -> Source | None:
    """The source a phrase names; an unnamed source (a description) when it names none."""
    found = _named(head, entities, cited=any_noun)
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
    source = _source(_outlet_name(obj), entities, any_noun=True) if obj is not None else None
    if source is None:
        return None
    if not source.named and (_is_document(obj) or obj.lemma_.lower() in STATEMENT_NOUNS):
        source = _clause_author(tok, entities) or source
    return _row(tok.doc, tok.i, source_tokens(obj)[1], "according to", source)


def _clause_author(tok: Token, entities: EntityIndex) -> Source | None:
    """'Analysts at Stanmore Securities forecast sales of $410 million, according to a note to clients':
    a document with no owner of its own, cited for what an organization (or its representatives)
    says or forecasts in the clause, is that organization's."""
    verb = nearest_verb(tok.head)
    if verb is None or not is_speech_verb(verb) and verb.lemma_.lower() not in _FORECASTING:
        return None
    subject = next(iter(children(verb, "nsubj")), None)
    owner = entity_of(subject, entities) if subject is not None else None
    return Source(owner.name, owner.entity_id, True) if owner is not None and owner.type == "ORG" else None


def _is_result(obj: Token) -> bool:
    """A company's reported figures: 'a loss', 'record profits', '$2 billion in sales'."""
    if obj.lemma_.lower() in RESULT_NOUNS or obj.lower_ in RESULT_NOUNS or obj.like_num:
        return True
    return obj.ent_type_ in ("MONEY", "PERCENT", "CARDINAL") or any(
        c.like_num or c.ent_type_ in ("MONEY", "PERCENT") for c in obj.children)


def _outlet_name(obj: Token) -> Token:
    """'the Independent newspaper', 'the state news agency IRNA', 'the Bogota newspaper El Tiempo': the
    outlet's name set before or after the noun that says it is an outlet stands for the phrase; any
    other token stands for itself."""
    if obj.pos_ == "NOUN" and obj.lemma_.lower() in MEDIA_NOUNS:
        after = obj.doc[obj.i + 1] if obj.i + 1 < len(obj.doc) else None  # (the parser may hang it elsewhere)
        if after is not None and after.pos_ == "PROPN":
            return after
        return next((c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < obj.i), obj)
    return obj


def _reported(tok: Token, entities: EntityIndex) -> dict[str, Any] | None:
    """'the Journal reported', 'Bloomberg News reported on Friday', 'as reported by CNBC'."""
    if tok.lemma_.lower() != "report" or tok.pos_ != "VERB" or negated(tok) or tok.dep_ == "xcomp":
        return None
    if any(c.dep_ == "dobj" and _is_result(c) for c in tok.children):
        return None  # "reported a loss", "reported $2 billion in sales": a company's results, not a source
    head = agent_object(tok)
    if head is None:
        head = subject_token(tok)
    source = _source(_outlet_name(head), entities) if head is not None else None
    outlet = _reports_for(tok, entities)
    if outlet is not None:
        source = Source(outlet.name, outlet.entity_id, True)  # "As Jane Roe reports for NPR"
    journal = _reported_in(tok, entities)
    if journal is not None and (source is None or not source.named):
        # "researchers reported Monday in The New England Journal of Medicine": the journal carries it
        return _row(tok.doc, tok.i, journal[1], f"{tok.text} in", Source(journal[0].name, journal[0].entity_id, True))
    if source is None or head is None:
        return None
    i, j = phrase_tokens(head)
    return _row(tok.doc, min(i, tok.i), max(j, tok.i + 1), tok.text, source)


def _reported_in(verb: Token, entities: EntityIndex) -> tuple[Entity, int] | None:
    """The outlet or journal after "reported in" ("reported in The Lancet"), and where its name ends."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in" and (e := _pobj_media(prep, entities)) is not None:
            return e, prep.right_edge.i + 1
    return None


def _reports_for(verb: Token, entities: EntityIndex) -> Entity | None:
    """'reports for NPR', 'writes for the Times': the outlet a reporter reports for."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for obj in prep.children:
                e = entity_of(obj, entities) if obj.dep_ == "pobj" and obj.pos_ == "PROPN" else None
                if e is not None and e.type in _MEDIA_TYPES:
                    return e
    return None


def _told(tok: Token, entities: EntityIndex) -> dict[str, Any] | None:
    """'told Reuters', 'told The Associated Press in an interview': the outlet that was told (not one told to
    do something: "told the Trading Corporation to stand ready" is an order)."""
    if tok.lemma_.lower() != "tell" or tok.pos_ != "VERB" or not is_speech_verb(tok):
        return None
    obj = next((c for c in tok.children if c.dep_ in ("dative", "dobj") and c.i > tok.i), None)
    types = _MEDIA_TYPES
    if obj is not None and (name := _outlet_name(obj)).i != obj.i:
        # "told the Hamburger Abendblatt newspaper": the noun says the name is an outlet's whatever
        # type the NER gave it
        obj, types = name, _SOURCE_TYPES + ("GPE", "LOC")
    if obj is not None and obj.pos_ == "NOUN" and obj.lemma_.lower() in MEDIA_NOUNS:
        # "told the paper": an outlet named before, as the document model resolved its description
        outlet = entity_of(obj, entities)
        if outlet is None or outlet.type not in _MEDIA_TYPES:
            return None
        return _row(tok.doc, tok.i, phrase_tokens(obj)[1], tok.text, Source(outlet.name, outlet.entity_id, True))
    if obj is None or obj.pos_ != "PROPN":
        return None
    source = _named(obj, entities, types)
    if source is None or (source.entity_id is None and obj.ent_type_ == "PERSON"):
        return None  # telling a person something is not citing an outlet (the document model's type wins)
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


def _polled_by(tok: Token, entities: EntityIndex) -> dict[str, Any] | None:
    """'analysts surveyed by Refinitiv', 'economists polled by Reuters': the pollster whose survey the
    figures come from."""
    if tok.lemma_.lower() not in ("survey", "poll") or tok.pos_ != "VERB" or tok.dep_ != "acl":
        return None
    obj = agent_object(tok)
    source = _named(obj, entities) if obj is not None and obj.pos_ == "PROPN" else None
    if source is None:
        return None
    return _row(tok.doc, tok.i, phrase_tokens(obj)[1], f"{tok.lower_} by", source)


def _interview_with(tok: Token, entities: EntityIndex) -> dict[str, Any] | None:
    """'in an interview with CNBC', 'in an interview with the Financial Times'."""
    if tok.lemma_.lower() != "interview" or tok.pos_ != "NOUN":
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "on", "to")), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.pos_ != "PROPN" or is_time(obj):
        return None  # ("an interview at the hangar on Tuesday": a day is when, not whom)
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
    if speaker is None or speaker.entity is None or speaker.entity.type == "PERSON" and \
            tok.lemma_.lower() in _SPOKEN_STATEMENTS and speaker.token.lemma_.lower() not in REPRESENTATIVES:
        return None  # a person's own statement is a quote; their office's ("Hall's office said") a source
    source = Source(speaker.entity.name, speaker.entity.entity_id, True)
    return _row(tok.doc, tok.head.i, tok.i + 1, f"in a {tok.lemma_.lower()}", source)


def _on_air(tok: Token, entities: EntityIndex) -> dict[str, Any] | None:
    """'said on Face the Nation', 'speaking on BBC Radio 4', 'talking to the Ledger': the broadcaster,
    show or outlet a person spoke on or to (not a channel: 'said on Twitter')."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or negated(tok) or not (is_speech_verb(tok) or lemma in _ON_AIR):
        return None
    for prep in tok.children:
        if prep.dep_ != "prep" or not (prep.lower_ == "on" or prep.lower_ == "to" and lemma in _ON_AIR):
            continue
        obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if obj is None or obj.pos_ != "PROPN" or obj.lower_ in CHANNEL_NOUNS:
            continue
        source = _named(obj, entities, _MEDIA_TYPES)
        if source is not None and not is_time(obj) and obj.ent_type_ != "PERSON":
            return _row(tok.doc, tok.i, phrase_tokens(obj)[1], f"{tok.text} {prep.lower_}", source)
    return None


def _via(tok: Token, entities: EntityIndex) -> dict[str, Any] | None:
    """'Heyward said, via the Post-Gazette', 'per the WHO': the outlet or body credited. "via" credits
    a source only beside a reporting verb or a quotation, never a channel ("via Twitter")."""
    if tok.lower_ not in ("via", "per") or tok.dep_ != "prep":
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None or obj.pos_ != "PROPN" or obj.lower_ in CHANNEL_NOUNS:
        return None
    if tok.lower_ == "via" and not (is_speech_verb(tok.head) or any(t.is_quote for t in tok.sent)):
        return None
    source = _named(obj, entities, ("ORG", "PERSON"))
    if source is None:
        return None
    return _row(tok.doc, tok.i, phrase_tokens(obj)[1], tok.lower_, source)


def _document_credit(tok: Token, entities: EntityIndex, *, any_noun: bool = False) -> tuple[Entity | None, str, int]:
    """(the entity a document or statement noun is credited to, the cue, the token after the phrase
    that says so): 'data from the University of Colorado', 'figures posted by the agency', 'reports filed
    with the state', 'a study
    published in The Lancet', 'a memo obtained by the Times', 'conclusions seen by AFP', 'said in a
    statement to Variety'; (None, "", tok.i + 1) when it names none. `any_noun`: whatever the noun
    ("according to invoices posted by the bureau": what "according to" cites is a document)."""
    up = tok.head
    document = any_noun or _is_document(tok)
    for c in tok.children:
        entity, cue = None, ""
        if c.dep_ == "prep" and c.lower_ == "to" and tok.lemma_.lower() in STATEMENT_NOUNS and not _is_document(tok):
            # given to an outlet ("a statement to Reuters"); a document goes "to" the body it is filed with or
            # sent to, no source of it ("said in a filing to the Stock Exchange of Thailand": the filer's)
            entity, cue = _pobj_media(c, entities), f"{tok.lower_} to"
        elif document and c.dep_ == "relcl" and (maker := _relative_maker(c, entities)) is not None:
            entity, cue = maker, f"{tok.lower_} {c.lower_}"
        elif document and c.dep_ in ("acl", "relcl") and c.lemma_.lower() == "file":
            # "reports filed with the Pennsylvania Department of State": the body that holds them
            # ("a complaint filed in Milwaukee County Circuit Court": the court it was filed in)
            held = next((p for p in c.children if p.dep_ == "prep" and p.lower_ in {"with", "in"}), None)
            entity, cue = (_pobj_entity(held, entities), f"{tok.lower_} filed {held.lower_}") if held is not None \
                else (None, "")
            if entity is not None and entity.type not in {"ORG", "FAC"}:
                entity, cue = None, ""  # ("filed in March", "filed in Ohio": when or where, not with whom)
        elif c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _OBTAINED:
            agent = _agent(c)
            entity, cue = (_pobj_media(agent, entities), f"{c.lower_} by") if agent is not None else (None, "")
        elif document and c.dep_ == "prep" and (c.lower_ in ("from", "by") or c.lower_ == "with" and any_noun):
            # ("according to filings with the Companies Registration Office": the body that holds them; a
            # company that "said in a filing with the SEC" is the source of its own filing)
            entity, cue = _pobj_entity(c, entities), f"{tok.lower_} {c.lower_}"
        elif document and c.dep_ == "prep" and c.lower_ == "in":
            entity, cue = _pobj_media(c, entities), f"{tok.lower_} in"  # "a report in the Argus Leader"
        elif document and c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and c.i < tok.i \
                and tok.dep_ == "nsubj" and up.pos_ == "VERB" and up.lemma_.lower() in _REVEALING:
            # "Bank of Ghana data show", "Treasury figures show", "FerroTrade Monitor's weekly assessment
            # showed": a document that shows or finds something, its maker named in front of it (a body: a
            # place in front, "Australia's figures", may be the words of a name the index lacks)
            entity, cue = entity_of(c, entities), f"{tok.lower_} {up.lower_}"
            if entity is not None and entity.type != "ORG":
                entity, cue = None, ""
        elif document and c.dep_ == "poss" and up.lower_ == "in" and up.head.pos_ == "VERB" \
                and (is_speech_verb(up.head) or up.head.lemma_.lower() in _REVEALING):
            # "it's revealed in Eurogamer's review that ...", "wrote in its report": the owner's account
            entity, cue = entity_of(c, entities), f"in {tok.lower_}"
        elif document and c.dep_ in ("acl", "relcl"):
            published = _published_in(tok, entities)
            entity, cue = (published[0], f"{tok.lower_} {published[1]}") if published else (None, "")
            if entity is None and c.lemma_.lower() in _AUTHORING:  # ("a study funded by X" is not X's)
                agent = _agent(c)
                entity, cue = (_pobj_entity(agent, entities), f"{tok.lower_} by") if agent is not None \
                    else (None, "")
        if entity is not None:
            return entity, cue, c.right_edge.i + 1
    return None, "", tok.i + 1


# (not the verbs by which an outlet comes to hold a document: "emails the committee obtained" are not its)
_PROVIDING = (_AUTHORING - _OBTAINED) | wordlist("extract.attributions", "providing")


def _relative_maker(verb: Token, entities: EntityIndex) -> Entity | None:
    """Who made or gave out a document, as the subject of a relative clause on it: "figures the
    Secretary of State's office released", "telemetry the company shared", "a report Acme filed"."""
    if verb.lemma_.lower() not in _PROVIDING:
        return None
    subject = next(iter(children(verb, "nsubj")), None)
    if subject is None or subject.tag_ in ("WDT", "WP"):
        return None  # "a report that found ...": the document itself is the subject
    return entity_of(subject, entities)


def _document(tok: Token, entities: EntityIndex) -> dict[str, Any] | None:
    """A document credited to its maker or carrier outside 'according to' and 'citing'."""
    if tok.pos_ != "NOUN" or not (_is_document(tok) or tok.lemma_.lower() in STATEMENT_NOUNS):
        return None
    up = tok.head
    if up.lower_ == "to" and up.head.lower_ == "according" or up.lemma_.lower() == "cite":
        return None  # the 'according to' and 'citing' finders have it
    entity, cue, end = _document_credit(tok, entities)
    if entity is None or entity.type not in ("ORG", "GPE", "WORK_OF_ART", "PRODUCT"):
        return None
    start = tok.left_edge.i if tok.left_edge.i < tok.i else tok.i
    while start < tok.i and (tok.doc[start].is_punct or tok.doc[start].pos_ == "DET"):
        start += 1
    return _row(tok.doc, start, phrase_tokens(tok)[1] if end <= tok.i + 1 else end, cue,
                Source(entity.name, entity.entity_id, True))


def _agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb ("surveyed by Refinitiv"): its preposition."""
    return next(iter(children(verb, "agent")), None)


def _pobj_entity(prep: Token, entities: EntityIndex) -> Entity | None:
    obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
    return _object_name(obj, entities) if obj is not None else None


def _object_name(obj: Token, entities: EntityIndex, types: tuple[str, ...] | None = None) -> Entity | None:
    """The entity a preposition's object names: the object itself when it is a name, else a name set
    beside its common noun ("by the Bogota newspaper El Tiempo"); of `types` where given."""
    names = [obj] + [c for c in obj.children if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"]
    for name in names:
        e = entity_of(name, entities) if name.pos_ == "PROPN" else None
        if e is not None and (types is None or e.type in types):
            return e
    return None


def _pobj_media(prep: Token, entities: EntityIndex) -> Entity | None:
    e = _pobj_entity(prep, entities)
    return e if e is not None and e.type in _MEDIA_TYPES else None


def _spokesperson(tok: Token, entities: EntityIndex) -> dict[str, Any] | None:
    """'a WeWork spokesperson said', 'people familiar with the matter said': a representative or an
    unnamed source as the subject of a reporting verb."""
    if not is_speech_verb(tok) or negated(tok):
        return None
    head = subject_token(tok)
    if head is not None and head.pos_ == "PROPN":
        # "Taliban spokesman Zabihullah Mujahid said", "John Kirby, a Pentagon spokesman, said": a named
        # spokesperson's words are the organization's statement
        rep = next((c for c in head.children if c.dep_ in ("compound", "appos")
                    and c.lemma_.lower() in SPOKESPEOPLE), None)
        owner = organization_of(rep, entities) if rep is not None else None
        if owner is None:
            return None
        i, j = phrase_tokens(head)
        i = min(i, rep.left_edge.i)
        return _row(tok.doc, min(i, tok.i), max(j, rep.right_edge.i + 1, tok.i + 1), tok.text,
                    Source(owner.name, owner.entity_id, True))
    if head is None or head.pos_ != "NOUN":
        return None
    source = None
    if head.lemma_.lower() in REPRESENTATIVES or head.lower_ in REPRESENTATIVES:
        owner = entity_of(head, entities)  # whose representative, as for a quote's speaker
        # (one named in apposition, "Banks' attorney, Maria Lopez," is a person quoted, no source)
        source = Source(owner.name, owner.entity_id, True) if owner is not None and owner.type != "PERSON" else None
    if source is None and is_unnamed_source(head):
        source = Source(unnamed_label(head), None, False)
    if source is None:
        return None
    i, j = phrase_tokens(head)
    return _row(tok.doc, min(i, tok.i), max(j, tok.i + 1), tok.text, source)


FINDERS = (_according_to, _reported, _told, _citing, _polled_by, _interview_with, _in_statement, _spokesperson,
           _via, _document, _on_air)
# Every word a finder starts from (each finder tests its own first): one look-up per token instead of
# a call to every finder.
_CUE_WORDS = frozenset({"according", "report", "tell", "cite", "interview", "via", "per"}) | STATEMENT_NOUNS \
    | DOCUMENT_NOUNS | SPEECH_VERBS | _ON_AIR
# Finders whose source is a publication: the news organization that reported, or was told or interviewed.
PUBLICATION_FINDERS = {"report": _reported, "tell": _told, "interview": _interview_with}


def publication_ids(doc: Doc, entities: EntityIndex, mask: list[int]) -> set[str]:
    """Entities the article treats as publications: they report, are told things, or interview."""
    ids: set[str] = set()
    for tok in doc_tokens(doc):
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


def _organization_says(tok: Token, entities: EntityIndex, mask: list[int]) -> list[dict[str, Any]]:
    """'Toyota says the battery sits under the floor', 'the agency said it had traced the cases': an
    organization's statement reported in the writer's words is a source of the story; organizations
    joined by "and" ("CVS Health and Walgreens said they were contacting customers") are a source each.
    Its quoted words are a quote instead, a spokesperson's and a statement's have their own finders, and
    an organization that announces or pledges is the news itself."""
    if not is_speech_verb(tok) or negated(tok) or tok.lemma_.lower() in _ACTS - _ANNOUNCING:
        return []
    if any(c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_.lower() in STATEMENT_NOUNS for o in c.children)
           for c in tok.children):
        return []
    doc = tok.doc
    # "That, Audi says, allows ...": a reporting clause set off by commas inside the clause it reports
    interposed = tok.dep_ == "parataxis" and tok.head.i > tok.i and tok.head.pos_ in ("VERB", "AUX") \
        and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "," and mask[tok.head.i] == -1
    # "As iFixit points out, the keyboard is the same": an "as" clause credits the clause it opens
    credits = tok.dep_ == "advcl" and tok.head.i > tok.i and mask[tok.head.i] == -1 \
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
    found = None if interposed or credits else reported_clause(tok)
    if found is None and not (interposed or credits):
        return []
    i, j = clause_bounds(*found) if found is not None else (tok.right_edge.i + 2 if credits else tok.i + 2,
                                                             tok.head.right_edge.i + 1)
    if j - i < 3 or mask[i] != -1:
        return []  # no clause, or one that opens a quotation: the organization is quoted, not cited
    speaker = speaker_of(tok, entities)
    if speaker is None or speaker.entity is None or speaker.entity.type not in ("ORG", "FAC") or \
            (speaker.token.lemma_.lower() in REPRESENTATIVES and speaker.token.is_lower) or i <= speaker.token.i < j:
        # (a representative's words are a spokesperson's finder's; "the Bibb County Sheriff's Office" is the body)
        return []
    sayers = [(speaker.token, speaker.entity)] + [
        (c, e) for c in speaker.token.conjuncts if c.i < tok.i
        and (e := entity_of(c, entities)) is not None and e.type in ("ORG", "FAC") and e != speaker.entity]
    rows = []
    for token, entity in sayers:
        k, m = phrase_tokens(token)
        rows.append(_row(doc, min(k, tok.i), max(m, tok.i + 1), tok.text,
                         Source(entity.name, entity.entity_id, True)))
    return rows


def extract_attributions(doc: Doc, *, entities: EntityIndex, quoted: QuotedDoc | None = None,
                         unnamed: bool = True, publications: set[str] | None = None) -> list[dict[str, Any]]:
    """Rows of the attributions table: each sourcing phrase outside quotation marks, in text order
    (`unnamed=False` leaves out unnamed sources such as "people familiar with the matter";
    `publications`: publication_ids when the caller has them already)."""
    mask = (quoted or QuotedDoc.of(doc)).mask
    publications = publication_ids(doc, entities, mask) if publications is None else publications
    rows: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    for tok in doc_tokens(doc):
        if mask[tok.i] != -1 or tok.pos_ not in _CUE_POS:
            continue  # a quoted speaker's own "according to" is not the article's sourcing
        if tok.lower_ not in _CUE_WORDS and tok.lemma_.lower() not in _CUE_WORDS:
            continue  # no finder starts from this word (each one first tests its word, as listed)
        found = [find(tok, entities) for find in FINDERS] + [_publication_says(tok, entities, publications),
                                                              *_organization_says(tok, entities, mask)]
        for row in found:
            if row is None or not (unnamed or row["named"]) or "\n" in row["text"]:
                continue
            # One phrase, one row: the same source found twice over the same words counts once.
            if (row["start"], row["end"]) not in seen and not any(
                    r["source"] == row["source"] and r["start"] < row["end"] and row["start"] < r["end"]
                    for r in rows):
                seen.add((row["start"], row["end"]))
                rows.append(row)
    return sorted(rows, key=lambda r: (r["start"], r["end"]))


def unnamed_source_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of the unnamed_sources table: the sourcing phrases among `rows` that name no source."""
    return [{"description": r["source"], "cue": r["cue"], "text": r["text"], "start": r["start"], "end": r["end"]}
            for r in rows if not r["named"]]

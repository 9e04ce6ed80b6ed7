"""Who says what: reporting verbs, their subjects, and the entities those subjects name.

Shared by the quotes and attributions extractors. Everything works on the dependency parse and
the article's EntityIndex; nothing here mutates the Doc.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from factwire.extract.clauses import agent_object, is_infinitive, resolve_relative, stranded_subject
from factwire.extract.speaker_descriptions import age_before, described_person
from factwire.extract.speaker_names import could_be_person, without_affiliation
from factwire.nlp import doc_tokens
from factwire.resolve import Entity, EntityIndex
from factwire.resolve.descriptions import subject_org
from factwire.resolve.lexicon import ORG_DESCRIPTIONS, titles
from factwire.resolve.people import is_given_name
from factwire.resolve.reference import entity_at, real_subject
from factwire.resolve.reference import entity_of as entity_of_token
from factwire.resolve.speech_words import (
    CLAUSE_ONLY_VERBS,
    DIRECTIVE_VERBS,
    MANNER_VERBS,
    NAMING_VERBS,
    REPRESENTATIVES,
    SPEECH_VERBS,
    nouns,
    verbs,
)
from factwire.wordlists import wordlist

# Reporting verbs, representatives and unnamed sources: factwire/data/ (speech_words.py).
UNNAMED_HEADS = nouns("unnamed")
STATEMENTS = nouns("statement")
DOCUMENTS = nouns("document")
_SOURCE_MODIFIERS = nouns("source_modifier")
_MANNER = MANNER_VERBS
_REPORT_ONLY_WITH_CLAUSE = CLAUSE_ONLY_VERBS
_SUBJECTS = ("nsubj", "csubj")
_FIRST_SECOND = wordlist("extract.speech", "first_second")
# Relations through which a verb without its own subject borrows its head's ("said, adding").
_BORROWS_SUBJECT = ("advcl", "conj", "xcomp", "pcomp")


@dataclass(frozen=True)
class Speaker:
    """The subject of a reporting verb: its head token and the entity it names, if any."""

    token: Token
    entity: Entity | None
    name: str | None = None  # a person's name without the team or country the entity's carries


def is_speech_verb(tok: Token) -> bool:
    """A verb that reports speech or writing (active, or passive with its speaker after "by": 'the deal
    announced in May' and 'cuts will be announced' name what was said, not who said it)."""
    lemma = tok.lemma_.lower()
    if lemma not in SPEECH_VERBS or tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and not _reports_that(tok) \
            or any(c.dep_ == "auxpass" for c in tok.children) and agent_object(tok) is None:
        return False  # (a passive with its speaker after "by" reports: "was confirmed by Arcwell in a statement")
    # Senses that report nothing: "continued to grow", "adding to the losses", "pointed to data",
    # "maintains tariffs": these verbs report only with a clause or a quotation of their own.
    if lemma in _REPORT_ONLY_WITH_CLAUSE and not any(c.dep_ == "ccomp" or c.is_quote for c in tok.children):
        return False
    if lemma in _MANNER and any(c.dep_ in ("prep", "dobj") and any(t.is_quote for t in c.subtree)
                                for c in tok.children):
        return False  # "laughed at the 'worst idea'": the quote is what they laughed at
    if lemma == "add" and any(c.dep_ in ("prep", "dobj") and c.i == tok.i + 1 for c in tok.children):
        return False
    if lemma in DIRECTIVE_VERBS and _directs(tok):
        return False  # "told residents to shelter in place", "asked the court to block it": an order, no report
    return lemma != "point" or any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)


def _directs(verb: Token) -> bool:
    """Whether a verb tells its object to do something ("told the Trading Corporation to stand ready"): an
    object, a "to" clause, and no clause or quotation of what was said."""
    return any(c.dep_ in ("dobj", "dative") for c in verb.children) \
        and any(c.dep_ == "xcomp" and is_infinitive(c) for c in verb.children) \
        and not any(c.dep_ == "ccomp" or c.is_quote for c in verb.children)


def _reports_that(verb: Token) -> bool:
    """Whether a verb has a "that" clause of its own: a participle that modifies a noun takes none, so
    one parsed so ("The Independent Fiscal Office, the watchdog, | estimated in May that ...") is the
    sentence's main verb."""
    return any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
               for c in verb.children)


def is_naming_verb(tok: Token) -> bool:
    """A verb by which someone names something with a quoted word ("called it 'a disaster'");
    not the passive participle of a name nobody in particular gave ("a report called 'X'")."""
    if tok.lemma_.lower() not in NAMING_VERBS or tok.pos_ != "VERB":
        return False
    return not (tok.dep_ == "acl" and tok.tag_ == "VBN") and not any(c.dep_ == "auxpass" for c in tok.children)


def negated(tok: Token) -> bool:
    """'did not say', 'declined to say', 'refused to comment'."""
    # Only a "not" next to the verb ("did not say"); one that the parser hung on the verb from
    # inside a quote ("'It's hard not to,' Suter acknowledged") negates nothing here.
    at = doc_tokens(tok.doc)  # the three tokens before it, not every child as a new Token object
    if any(at[k].dep_ == "neg" and at[k].head.i == tok.i for k in range(max(0, tok.i - 3), tok.i)):
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in {"decline", "refuse", "fail", "not"}


def _inverted_subject(verb: Token) -> Token | None:
    """'..., said the recently named chair Marcelo Claure in an email': the last name after the verb.
    Only a finite verb inverts: after 'telling' or 'adding' comes whom it was told to, not who spoke."""
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if prev is None or not (prev.is_punct or prev.is_quote) or verb.tag_ == "VBG":
        return None
    found = None
    for tok in doc_tokens(verb.doc)[verb.i + 1:]:
        if tok.is_punct or tok.pos_ in ("ADP", "SCONJ", "AUX") or tok.dep_ in ("prep", "relcl") or \
                "\n" in tok.text:
            break
        if tok.pos_ in ("PROPN", "NOUN"):
            found = tok
    return found


def subject_token(verb: Token) -> Token | None:
    """The grammatical subject of a verb, borrowed from its head for 'adding', 'to refer', relatives."""
    v = verb
    agent = agent_object(verb)
    if agent is not None and any(c.dep_ == "nsubjpass" for c in verb.children):
        return agent  # "was confirmed by Arcwell in a statement", "was told by police": the by-agent speaks
    for step in range(5):
        subjects = [c for c in v.children if c.dep_ in _SUBJECTS and c.lower_ not in _FIRST_SECOND]
        if subjects:
            # Two subjects is a misparse of "CPUC President Marybel Batjer said": take the nearest.
            subj = min(subjects, key=lambda c: abs(c.i - v.i))
            if (named := resolve_relative(subj, v)) is not subj:
                return named  # "Claure, who said" -> Claure
            return real_subject(subj)  # not the dateline or the city of "the Santa Clara, Calif.-based startup"
        if step == 0 and (inverted := _inverted_subject(v)) is not None:
            return inverted
        if step == 0 and (age := age_before(v)) is not None:
            return age
        if step == 0 and (stranded := stranded_subject(v)) is not None:
            return stranded  # "In a dissent joined by A, Chief Justice B called ...": B
        if v.dep_ == "relcl" or v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head  # "the company, which ..., confirmed": the noun it modifies
        if v.dep_ == "xcomp":
            # Object control: "prompting Musk to refer" -> Musk.
            obj = next((c for c in v.head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None:
                return obj
        if any(c.lower_ in _FIRST_SECOND for c in v.children if c.dep_ in _SUBJECTS):
            # "we" is the quoted speaker's own word: the reporting clause is further up.
            if v.head.i == v.i:
                return None
            v = v.head
            continue
        if v.dep_ not in _BORROWS_SUBJECT or v.head.i == v.i:
            return None
        if v.tag_ == "VBG" and (is_speech_verb(v) or is_naming_verb(v)) and v.head.dep_ == "ccomp" \
                and is_speech_verb(v.head.head):
            # "X said Washington had concluded ..., saying he trusted ...", "X said the appointment was
            # welcome, calling Raman 'a proven leader'": a reporting or naming participle goes on with
            # the report, not with the clause reported
            v = v.head
        v = v.head
    return None


def _inside(offset: int, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether offset lies in one of the sorted, disjoint ranges."""
    k = bisect_right(quoted, (offset, float("inf"))) - 1
    return k >= 0 and quoted[k][0] <= offset < quoted[k][1]


def _modifier_entity(head: Token, entities: EntityIndex) -> Entity | None:
    for c in head.children:
        if c.dep_ in ("compound", "poss", "nmod", "amod") and (e := entity_of_token(c, entities)) is not None:
            return e
    return None


def _pobj_entity(prep: Token, entities: EntityIndex) -> Entity | None:
    for obj in prep.children:
        if obj.dep_ == "pobj":
            e = entity_of_token(obj, entities)
            if e is None and obj.lemma_.lower() in REPRESENTATIVES:
                e = organization_of(obj, entities)
            if e is not None:
                return e
    return None


_REPRESENTING = ("for", "from", "of", "at", "by", "with")  # "a spokesperson for WeWork"
_AUTHORED = ("from", "of", "at", "by")  # "a report from Moody's"; "the review for SLS" is about SLS


def _prep_entity(head: Token, entities: EntityIndex, preps: tuple[str, ...] = _REPRESENTING) -> Entity | None:
    """'a spokesperson for WeWork', 'data from MarketAxess', 'data compiled by the agency'."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            if (e := _pobj_entity(c, entities)) is not None:
                return e
        if c.dep_ == "acl":
            for agent in c.children:
                if agent.dep_ == "agent" and (e := _pobj_entity(agent, entities)) is not None:
                    return e
    return None


def organization_of(head: Token, entities: EntityIndex, *, owner_first: bool = False) -> Entity | None:
    """The organization a representative or document speaks for: 'a WeWork spokesperson',
    'a spokesperson for WeWork', 'Disney's spokeswoman', 'data from MarketAxess'.

    With `owner_first`, "the X report from Y" gives Y: a document's name is not its author, and a
    document "for" someone is about it or addressed to it, not by it ("the review for SLS")."""
    if owner_first:
        return _prep_entity(head, entities, _AUTHORED) or _modifier_entity(head, entities)
    return _modifier_entity(head, entities) or _prep_entity(head, entities)


def proper_name(head: Token) -> tuple[int, int] | None:
    """Token range of the proper name a PROPN head ends ("Agence France-Presse"), without 'the'.
    A tagger's PROPN on a lower-case word ("commerce ministry") is no name."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return None
    doc = head.doc
    if head.ent_iob_ in ("B", "I"):
        i, j = head.i, head.i + 1
        while doc[i].ent_iob_ == "I" and i > 0:
            i -= 1
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        if doc[i].lower_ == "the" and j - i > 1:
            i += 1
        return i, j
    i = head.i
    while i > 0 and head.doc[i - 1].dep_ == "compound" and head.doc[i - 1].pos_ == "PROPN" \
            and not head.doc[i - 1].is_lower:
        i -= 1
    return i, head.i + 1


def entity_of(head: Token, entities: EntityIndex, quoted: Sequence[tuple[int, int]] = ()) -> Entity | None:
    """The entity a speaker's or source's noun phrase names (the document model's answer), and by the
    convention of news writing a representative's organization ("a WeWork spokesperson" -> WeWork).
    `quoted` is kept for callers; pronouns inside quotation marks have no mention in the model."""
    if head.pos_ != "PRON" and (head.lemma_.lower() in REPRESENTATIVES or head.lower_ in REPRESENTATIVES):
        named = [e for c in head.children if c.dep_ == "appos" and (e := entity_of_token(c, entities)) is not None]
        if named and named[0].type == "PERSON":
            return named[0]  # "the company's chief executive, Maria Chen": the person named speaks
        org = organization_of(head, entities)
        if org is None and head.lemma_.lower() in SPOKESPEOPLE and any(c.lower_ == "the" for c in head.children):
            org = _named_before(head, entities)  # "A Ledgerline spokesperson said ... the spokesperson said"
        if org is None and head.lemma_.lower() in SPOKESPEOPLE and not _says_whose(head):
            # "Acme declined to comment. A spokeswoman said ...": a spokesperson whose phrase names no
            # one speaks for the organization that was subject in the sentence or the one before (not
            # for an outlet that reported it, not for a place a clause only mentions)
            org = subject_org(head.doc, entities, head.i)
            if org is not None and _reported_by(head.doc, org):
                org = None
        if org is not None:
            return org
    return entity_of_token(head, entities)


SPOKESPEOPLE = wordlist("extract.speech", "spokespeople")


def _named_before(head: Token, entities: EntityIndex) -> Entity | None:
    """The organization of the representative of the same kind named in the two sentences before
    ("A Ledgerline spokesperson said ... '...,' the spokesperson said")."""
    doc = head.doc
    floor = doc[head.i].sent.start
    for _ in range(2):
        floor = doc[floor - 1].sent.start if floor > 0 else floor
    for tok in reversed(doc_tokens(doc)[floor:head.i]):
        if tok.lemma_.lower() == head.lemma_.lower() and (org := organization_of(tok, entities)) is not None:
            return org
    return None


_PUBLISHING_VERBS = verbs("publication")  # "reported", "wrote" of an outlet (reporting_verbs.txt)


def _reported_by(doc: Doc, org: Entity) -> bool:
    """Whether the organization is in the text as an outlet ("..., Acme News reported")."""
    for m in org.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.root.dep_ == "nsubj" and span.root.head.lemma_ in _PUBLISHING_VERBS:
            return True
    return False


def _says_whose(head: Token) -> bool:
    """Whether a representative's phrase names whom they speak for at all ("a spokesman for the mayor",
    "her spokesman"), whether or not the document model knows it."""
    # ("a company spokesperson", "a club spokesman" name no one: the kind noun stands for the
    # organization of that kind just named)
    return any(c.dep_ in ("poss", "compound", "nmod", "prep") and not (c.dep_ == "compound"
                                                                      and c.lemma_.lower() in ORG_DESCRIPTIONS)
               or c.dep_ == "amod" and c.ent_type_ for c in head.children)


def speaker_of(verb: Token, entities: EntityIndex, quoted: Sequence[tuple[int, int]] = (), *,
               descriptions: bool = False) -> Speaker | None:
    """The subject of a reporting verb and the entity it names (`quoted`: character ranges in marks).
    With `descriptions`, a subject like 'the 41-year-old' is the last person named (described_person)."""
    subj = subject_token(verb)
    if subj is None:
        return None
    entity = entity_of(subj, entities, quoted)  # he/she: the document model links people only
    if entity is None and subj.lower_ in titles():
        # "Chairman and Chief Executive Wu Chien-ming told analysts": titles joined by "and" before a name,
        # parsed as a title subject with the name its conjunct, are the person's
        named = [(c, e) for c in subj.children if c.dep_ == "conj"
                 and (e := entity_of(c, entities, quoted)) is not None and e.type == "PERSON"]
        if len(named) == 1:
            subj, entity = named[0]
    if descriptions and (entity is None or entity.type == "NORP" and not _bare_name(subj)):
        entity = described_person(subj, entities, quoted)  # "the Brazilian" names no one
    if entity is None and subj.lemma_.lower() in DOCUMENTS | STATEMENTS:
        entity = document_author(subj, entities, quoted)  # "the statement continued", "a report from X said"
    return Speaker(subj, *person_named(entity, entities, person=subj.ent_type_ == "PERSON"))


def _bare_name(tok: Token) -> bool:
    """'Opelka said': a singular proper noun with no article names one person or body, whatever
    type an index gave it; a people or a nationality comes with 'the' or in the plural."""
    return tok.tag_ == "NNP" and not any(c.dep_ == "det" for c in tok.children)


def person_named(entity: Entity | None, entities: EntityIndex, *,
                 person: bool = False) -> tuple[Entity | None, str | None]:
    """An entity whose name is a known person's with a team, country or post before it ('Ukraine
    Kurt Volker' where Kurt Volker is known), or that person's surname alone, is that person; a
    person's name (the entity's type, or `person` when the text names a person) loses such words."""
    if entity is not None and len(entity.name.split()) == 1:
        # "Opelka" apart from "Reilly Opelka": a surname alone is the one person of that name.
        fuller = {e.entity_id: e for e in entities.entities if e.type == "PERSON" and e is not entity
                  and len(e.name.split()) >= 2 and e.name.split()[-1] == entity.name}
        return (next(iter(fuller.values())) if len(fuller) == 1 else entity), None
    if entity is None or len(entity.name.split()) < 3:
        return entity, None
    for other in entities.entities:
        if other.type == "PERSON" and other is not entity and len(other.name.split()) >= 2 and \
                entity.name.endswith(" " + other.name):
            return other, None
    forms = {f.lower() for e in entities.entities if e is not entity for f in [e.name, *e.aliases]}
    name = without_affiliation(entity.name, lambda word: word.lower() in forms)
    if name == entity.name or entity.type not in ("PERSON", "ORG") or \
            entity.type == "ORG" and not (person or could_be_person(name) and is_given_name(name.split()[0])):
        return entity, None  # (an organization's name opened by its place is its own: "Missouri Rural Health ...")
    return entity, name


def _author_here(tok: Token, entities: EntityIndex, *, named: bool = False) -> Entity | None:
    """Who a statement or document at this token comes from: "NASA's statement", "a report from
    Moody's", "X issued a statement", "X said in a statement" (with `named`, only an X that is a
    name or a pronoun, not a description that would need resolving in turn)."""
    found = organization_of(tok, entities, owner_first=True)
    if found is not None:
        return found
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ == "in":
        verb = verb.head
        if not is_speech_verb(verb):
            return None
    elif tok.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    subj = subject_token(verb)
    if subj is None or subj.lemma_.lower() in DOCUMENTS | STATEMENTS or named and not _in_name(subj, entities):
        return None
    return entity_of(subj, entities)


def _in_name(tok: Token, entities: EntityIndex) -> bool:
    """Whether a token is a pronoun or part of a name ("the US military"), not of a description."""
    if tok.pos_ in ("PROPN", "PRON"):
        return True
    entity = entity_at(tok, entities)
    return entity is not None and any(m.start <= tok.idx < m.end and m.kind not in ("description", "pronoun")
                                      for m in entity.mentions)


def document_author(head: Token, entities: EntityIndex, quoted: Sequence[tuple[int, int]] = ()) -> Entity | None:
    """The author of a statement or document that speaks ("the statement continued"): its own
    owner, else, for a definite one ("the statement"), the named author of the last one of its kind
    mentioned before it outside quotation marks (news writing names a statement's author once)."""
    found = _author_here(head, entities)
    if found is not None or not any(c.lower_ in ("the", "this", "that") for c in head.children):
        return found
    lemma = head.lemma_.lower()
    for tok in reversed(head.doc[:head.i]):
        if tok.lemma_.lower() == lemma and tok.pos_ == "NOUN" and not _inside(tok.idx, quoted):
            found = _author_here(tok, entities, named=True)
            if found is not None:
                return found
    return None


def is_unnamed_source(head: Token) -> bool:
    """'people familiar with the matter', 'a source close to', 'officials': a source without a name."""
    lemma = head.lemma_.lower()
    if lemma not in UNNAMED_HEADS:
        return False
    if lemma in ("person", "people"):
        # The modifier may hang on the verb instead ("citing people | with knowledge of").
        near = list(head.subtree) + list(head.doc[head.i + 1:head.i + 4])
        return any(t.lemma_.lower() in _SOURCE_MODIFIERS for t in near if t.i != head.i)
    return True


def phrase_tokens(head: Token) -> tuple[int, int]:
    """Token range [i, j) of a noun phrase: its head's subtree without clauses, appositions or commas."""
    cut = ("relcl", "appos", "advcl", "punct", "cc", "conj")
    skip = {t.i for c in head.children if c.dep_ in cut for t in c.subtree}
    idx = [t.i for t in head.subtree if t.i not in skip]
    i, j = min(idx), max(idx) + 1
    doc: Doc = head.doc
    comma = next((t.i for t in doc[head.i + 1:j] if t.text in (",", ";", "(", "\u2014")), None)
    if comma is not None:
        j = comma
    while i < head.i and (doc[i].is_punct or doc[i].is_space):
        i += 1
    while j - 1 > head.i and (doc[j - 1].is_punct or doc[j - 1].is_space):
        j -= 1
    return i, j


def source_tokens(head: Token) -> tuple[int, int]:
    """Token range of a source's phrase; for 'people' it takes in a 'with knowledge of ...' that the
    parser hung on the verb."""
    i, j = phrase_tokens(head)
    doc = head.doc
    if head.lemma_.lower() in ("person", "people") and j < len(doc) and j == head.i + 1:
        nxt = doc[j]
        if nxt.dep_ == "prep" and any(t.lemma_.lower() in _SOURCE_MODIFIERS for t in nxt.subtree):
            j = nxt.right_edge.i + 1
    return i, j


def unnamed_label(head: Token) -> str:
    """A short label for an unnamed source: the phrase without article or number."""
    i, j = source_tokens(head)
    doc = head.doc
    while i < head.i and doc[i].pos_ in ("DET", "NUM"):
        i += 1
    return doc[i:j].text

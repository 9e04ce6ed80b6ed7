"""Which entity a token names: the one question every extractor asks of the document model.

The document model (the article's EntityIndex, with names, aliases, descriptions and pronouns
already resolved) answers for every token it holds a mention of. For the rest, rules of English
about noun phrases:
- a proper name the NER did not mark is looked up by its surface form ("WeWork", "Musk");
- an apposition names its head ("the chair, Marcelo Claure"; "DeepMind, the lab ...");
- a title whose phrase ends in a person's name is that person ("ambassador to Ukraine Jo Park");
- a body's members acting as a group are the body ("Lorain County commissioners approved");
- with `whose`, a thing's possessor, compound or "of" complement says whose it is
  ("SpaceX launches", "Blue Origin's allocation", "30 of Boeing's jets"), but a place in front of
  a noun says where, not who ("the Burbank studio"), and a person or company noun is never its
  owner's ("the Amazon founder" is not Amazon).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from factwire.nlp import doc_tokens
from factwire.resolve.datelines import dateline_end
from factwire.resolve.draft import POSSESSIVE_MARKS, is_based_word, is_org_kind_noun
from factwire.resolve.index import Entity, EntityIndex
from factwire.resolve.lexicon import GPE_DESCRIPTIONS, titles
from factwire.wordlists import wordlist

PLACE_TYPES = wordlist("resolve.reference", "place_types")
_NOUNISH = wordlist("resolve.reference", "nounish")
_NUMBER_NOUNS = wordlist("resolve.reference", "number_nouns")
_ORGANIZATION_PARTS = wordlist("resolve.reference", "organization_parts")
ACTING_MEMBERS = wordlist("resolve.reference", "acting_members")
_GOVERNING_NOUNS = wordlist("resolve.reference", "governing_nouns")  # "Colombia's government" acts for Colombia




def is_possessor(tok: Token) -> bool:
    """A possessor ("WeWork's" in "WeWork's 12,000 employees"), also where the parser calls it an
    nmod with a 'case' mark, as it often does with a curly apostrophe."""
    return tok.dep_ == "poss" or (tok.dep_ == "nmod" and any(c.dep_ == "case" and c.text in POSSESSIVE_MARKS
                                                             for c in tok.children))


def entity_at(tok: Token, index: EntityIndex) -> Entity | None:
    """The entity with a mention on this token (name, alias, description or pronoun)."""
    return index.at(tok.idx, tok.idx + len(tok.text))


def entity_in(doc: Doc, i: int, j: int, index: EntityIndex) -> Entity | None:
    """The entity with a mention over tokens i..j-1 (None for an empty or out-of-range span)."""
    if i < 0 or j > len(doc) or i >= j:
        return None
    at = doc_tokens(doc)
    return index.at(at[i].idx, at[j - 1].idx + len(at[j - 1].text))


def past_entity(doc: Doc, i: int, limit: int, index: EntityIndex, entity: Entity | None) -> int:
    """The first token from i (before `limit`) that is no word of a mention of `entity`."""
    while i < limit and entity is not None and entity_in(doc, i, i + 1, index) is entity:
        i += 1
    return i


def _by_surface(tok: Token, index: EntityIndex) -> Entity | None:
    """A proper name the NER left out, looked up with its compound parts ("Elon Musk" from "Musk")."""
    parts = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    first = parts[0].i if parts else tok.i
    return index.lookup(tok.doc[first:tok.i + 1].text) or index.lookup(tok.text)


def based_epithet_start(noun: Token) -> int | None:
    """Where "the Santa Clara, California-based startup" begins (its "the") when `noun` heads it: a
    common epithet of US business news that names a company by the city and state it is based in. The
    parser cuts it at the comma, so the phrase is read from the words, not the tree; else None."""
    doc = noun.doc
    if not any(a.dep_ == "amod" and is_based_word(a) for a in noun.children):
        return None
    k = noun.left_edge.i - 1
    if k < 2 or doc[k].text != "," or doc[k - 1].ent_type_ not in {"GPE", "LOC"}:
        return None
    k -= 1
    while k > 0 and doc[k].ent_type_ in {"GPE", "LOC"}:
        k -= 1
    return k if doc[k].lower_ in {"the", "a", "an"} else None


def place_based_noun(place: Token) -> Token | None:
    """The noun of "the Santa Clara, California-based startup" when the parser made `place`, its city,
    the head and hung the noun on it in apposition; else None."""
    return next((c for c in place.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                 and based_epithet_start(c) == place.left_edge.i), None)


def relative_antecedent(whose: Token, index: EntityIndex, types: frozenset[str] | None = None,
                        *, nearest: bool = False) -> Entity | None:
    """The entity (of `types`, where given) a relative "whose" stands for: the noun its clause hangs on, or the
    name that noun is in apposition to ("Baltrex Engineering, a Kaunas-based firm whose ..."); with `nearest`,
    where the parse made no relative clause of it, the nearest one named before it in the sentence."""
    clause = next((a for a in whose.ancestors if a.dep_ == "relcl"), None)
    if clause is not None:
        noun = clause.head
        candidates = [noun, noun.head] if noun.dep_ == "appos" else [noun]
    elif nearest:
        candidates = [whose.doc[k] for k in range(whose.i - 1, whose.sent.start - 1, -1)]
    else:
        return None
    return next((found for tok in candidates if (found := entity_at(tok, index)) is not None
                 and (types is None or found.type in types)), None)


def entity_of(tok: Token, index: EntityIndex, *, whose: bool = False, agent: bool = False) -> Entity | None:
    """The entity the noun phrase headed by `tok` names; with `whose`, also whose thing it is.

    `agent`: the phrase is a doer ("the Amazon founder announced"): a common noun's compound then
    says whose or where, not who, so only an apposition may name it.
    """
    found = entity_at(tok, index)
    if found is None and tok.lower_ == "whose":
        return relative_antecedent(tok, index)  # "Sahyadri Forgings, whose shares closed at ..."
    if found is not None or tok.pos_ == "PRON":
        return found  # pronouns are resolved by the document model or not at all
    if tok.text[:1].isupper():
        found = _by_surface(tok, index)
        if found is not None:
            return found
    if tok.pos_ not in _NOUNISH and not (tok.pos_ == "ADJ" and any(c.dep_ == "det" for c in tok.children)):
        return None  # (an adjective with an article heads a noun phrase: "the largest of the firms, X,")
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ != "PRON":
            found = entity_at(c, index) or entity_of(c, index)
            if found is not None:
                return found
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and is_org_kind_noun(tok) and nxt.text[:1].isupper() \
            and (named := entity_at(nxt, index)) is not None and named.type == "ORG":
        return named  # "French luxury group Aurevilly posted": the kind noun right before the name it is said of
        # (the parser may make the noun the subject and hang the name on the verb)
    if tok.lower_ in titles() or tok.lemma_.lower() in titles():
        # "former ambassador to the Ukraine Marie Yovanovitch testified": a title whose phrase ends
        # in a person's name (the parser may hang the name inside the title's complement) is that person
        last = tok.doc[tok.right_edge.i]
        found = entity_at(last, index) if last.i > tok.i else None
        if found is not None and found.type == "PERSON" \
                and not any(t.is_punct for t in tok.doc[tok.i + 1:last.i]):
            return found
    if tok.lemma_.lower() in GPE_DESCRIPTIONS and tok.pos_ == "NOUN":
        found = prep_object_entity(tok, index, "of")  # "the state of Ohio", "the city of Dayton": the place
        if found is not None and found.type in PLACE_TYPES:
            return found
    if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.pos_ == "PROPN" and dateline_end(tok.head) is None \
            and getattr(place_based_noun(tok.head), "i", None) != tok.i:
        # "DeepMind, the lab that Google acquired" (not a dateline's place, nor the city of "the San Jose,
        # California-based chipmaker", which the parser makes the head: that only says where it is based)
        found = entity_at(tok.head, index)
        if found is not None:
            return found
    if tok.lemma_.lower() in _GOVERNING_NOUNS and tok.pos_ == "NOUN":
        found = _governed_place(tok, index)  # "Colombia's government and the rebels agreed": Colombia agreed
        if found is not None:
            return found
    if tok.tag_ == "NNS" and tok.lemma_.lower() in ACTING_MEMBERS:
        found = _members_body(tok, index)  # "Deschutes County commissioners approved": the county acts
        if found is not None:
            return found
    if not whose or (agent and tok.pos_ == "NOUN"):
        return None
    for dep in ("poss", "compound", "nmod"):
        for c in tok.children:
            if c.dep_ != dep:
                continue
            found = entity_at(c, index)
            if found is None and c.pos_ != "PRON" and c.text[:1].isupper():
                found = _by_surface(c, index)
            if found is not None and not (dep == "compound" and found.type in PLACE_TYPES):
                return found
    if tok.pos_ == "NUM" or tok.lower_ in _NUMBER_NOUNS:  # "30 of Boeing's jets", "thousands of WeWork
        return prep_object_entity(tok, index, "of")  # employees": the part belongs to the whole
    if tok.lemma_.lower() in _ORGANIZATION_PARTS:  # "the Singapore branch of Kestrel Bank": the bank's
        found = prep_object_entity(tok, index, "of")
        return found if found is not None and found.type == "ORG" else None
    return None


def _governed_place(government: Token, index: EntityIndex) -> Entity | None:
    """The place whose government a noun of governing is, by its possessive or its "of" ("Colombia's
    government", "the government of Yemen"): a country or region the document model knows as a place."""
    owner = next((c for c in government.children if c.dep_ == "poss"), None)
    found = entity_at(owner, index) if owner is not None else prep_object_entity(government, index, "of")
    return found if found is not None and found.type == "GPE" else None


def _members_body(members: Token, index: EntityIndex) -> Entity | None:
    """The body or place named in front of a plural noun of its members ("Salina city commissioners",
    "Acme executives"), through the compounds before it."""
    stack = [c for c in members.children if c.dep_ == "compound"]
    while stack:
        c = stack.pop()
        found = entity_at(c, index) or (_by_surface(c, index) if c.text[:1].isupper() else None)
        if found is not None and found.type != "PERSON":
            return found
        stack += [g for g in c.children if g.dep_ == "compound"]
    return None


def employer(person: Entity, roles: list[dict[str, Any]], index: EntityIndex) -> Entity | None:
    """The organization a person holds a post at, from rows of the roles table."""
    for r in roles:
        if r.get("org") and (r.get("person_id") == person.entity_id or r.get("person") == person.name):
            return index.get(r.get("org_id")) or index.lookup(r["org"])
    return None


def prep_object_entity(tok: Token, index: EntityIndex, *preps: str) -> Entity | None:
    """The entity (or whose thing) the object of one of tok's prepositions names ("an offer by X"; a passive's
    "by", which the parser labels its agent, included: "owned by X")."""
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj" and (found := entity_of(obj, index, whose=True)) is not None:
                    return found
    return None


def real_subject(subject: Token) -> Token | None:
    """The subject a dateline or wire credit hides: "(CNN) President Donald Trump ... made a trip",
    "COLUMBUS, Ohio — Ohio State University's board of trustees voted": the parser makes the credit or
    the place the subject and hangs the real one on it (None when it hangs none); so too the city of
    "the Santa Clara, California-based startup said"; else the subject."""
    end = dateline_end(subject)
    if end is None:
        return place_based_noun(subject) or subject  # "the Santa Clara, California-based startup said"
    after = [c for c in subject.children if c.i >= end and c.dep_ in ("appos", "conj", "npadvmod", "compound")
             and c.pos_ in ("PROPN", "NOUN")]
    return after[0] if after else None

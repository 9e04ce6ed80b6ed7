"""Whose a quantity is, and the time its clause refers to, read from the dependency parse.

The owner, in order of precedence:
1. the possessor of the quantity's noun ("Blue Origin's $2.4 billion allocation");
2. for money, a named beneficiary ("$70 million for the Hubble telescope");
3. the recipient of a verb of giving ("awarded SpaceX $5.9 billion", "paid $3 million to Acme");
4. the subject of the clause, climbing through infinitives, participles, coordinated verbs and
   relative clauses to the verb that has one ("SoftBank agreed to inject $6.5 billion").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from factwire.resolve import Entity, EntityIndex

GIVING = {"award", "give", "grant", "pay", "allocate", "lend", "loan", "send", "provide", "donate",
          "offer", "transfer", "allot", "assign", "hand", "wire", "issue"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Clauses that take their subject (and time) from the clause they hang on.
CONTROLLED = ("xcomp", "advcl", "conj", "pcomp", "acl", "ccomp")


def _is_verb(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX")


def entity_of(tok: Token, entities: EntityIndex) -> Entity | None:
    """The entity named by the noun phrase a token heads (its left modifiers included)."""
    start = tok.left_edge.idx
    end = tok.idx + len(tok.text)
    found = entities.at(start, end)
    if found is None:
        # a mention the entity extractor did not mark: look the name up by its surface form
        doc = tok.doc
        found = entities.lookup(doc.text[start:end])
        names = [t for t in doc[tok.left_edge.i: tok.i + 1] if t.pos_ == "PROPN"]
        if found is None and names:
            found = entities.lookup(doc[names[0].i: names[-1].i + 1].text)
    return found


def _possessor(noun: Token, entities: EntityIndex) -> Entity | None:
    for c in noun.children:
        if c.dep_ == "poss":
            return entity_of(c, entities)
    return None


def _beneficiary(noun: Token, entities: EntityIndex) -> Entity | None:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            for o in c.children:
                if o.dep_ == "pobj" and o.pos_ == "PROPN":
                    return entity_of(o, entities)
    return None


def _recipient(verb: Token) -> Token | None:
    """The indirect object of a verb ("awarded SpaceX ..."), or the object of its "to" if it gives."""
    for c in verb.children:
        if c.dep_ == "dative" and c.pos_ != "ADP":
            return c
        if (c.dep_ == "dative" or (c.dep_ == "prep" and verb.lemma_ in GIVING)) and c.lower_ == "to":
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    return None


def _subject(verb: Token, own: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in SUBJECTS and c is not own:
            if c.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head  # "the company, which had 12,500 employees"
            return c
    return None


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb above a token (the token itself if it is one)."""
    t = tok
    for _ in range(10):
        if _is_verb(t):
            return t
        if t.head is t:
            return None
        t = t.head
    return None


def owner(noun: Token, entities: EntityIndex, *, money: bool = False) -> tuple[Entity | None, Token | None]:
    """(whose the quantity is, the head of the owner phrase the parse gives) for the noun it sits on."""
    ent = _possessor(noun, entities) or (_beneficiary(noun, entities) if money else None)
    if ent:
        return ent, None
    t = noun
    for _ in range(12):
        if _is_verb(t):
            break
        if t.head is t:
            return None, None
        t = t.head
        if t.pos_ in ("NOUN", "PROPN", "NUM"):
            ent = _possessor(t, entities)
            if ent:
                return ent, None
    verb = t
    for _ in range(6):
        rec = _recipient(verb)
        if rec is not None and not _inside(noun, rec):
            ent = entity_of(rec, entities)
            if ent:
                return ent, rec
        subj = _subject(verb, noun)
        if subj is not None and not _inside(noun, subj):
            return entity_of(subj, entities), subj
        if verb.dep_ == "relcl" and not _is_verb(verb.head):
            return entity_of(verb.head, entities), verb.head
        if verb.dep_ not in CONTROLLED or verb.head is verb:
            return None, None
        verb = governing_verb(verb.head) or verb.head
    return None, None


def _inside(tok: Token, head: Token) -> bool:
    """Whether tok lies in head's subtree (head itself included)."""
    return head.left_edge.i <= tok.i <= head.right_edge.i


def period(tok: Token, doc: Doc, dates: list[dict[str, Any]]) -> str | None:
    """The resolved date of the time expression in the clause of a token, or of the clauses above it."""
    verb = governing_verb(tok)
    if verb is None:
        return None
    by_verb: dict[int, list[tuple[int, str]]] = {}
    for d in dates:
        if not d.get("resolved"):
            continue
        span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
        if span is None:
            continue
        v = governing_verb(span.root)
        if v is not None:
            by_verb.setdefault(v.i, []).append((abs(span.root.i - tok.i), d["resolved"]))
    for _ in range(6):
        if verb.i in by_verb:
            return min(by_verb[verb.i])[1]
        if verb.dep_ not in CONTROLLED or verb.head is verb:
            return None
        verb = governing_verb(verb.head) or verb.head
    return None

"""Speakers named by a description instead of a name: "The 41-year-old said", "the Portuguese coach
said", "the Argentine told reporters". Like a pronoun, such a description is the last person named
before it outside quotation marks, when its head noun can only mean a person.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from factwire.resolve import Entity, EntityIndex
from factwire.resolve.reference import entity_at
from factwire.resolve.speech_words import nouns

# Head nouns of a definite description that can only mean one person ("the Portuguese coach said").
# Spokespeople and officials are left out ("the spokesman" speaks for someone else, often unnamed),
# and so are the third parties of a court or crime story (judge, prosecutor, doctor).
PERSON_HEADS = nouns("person")


def _age(tok: Token) -> bool:
    """'41-year-old' (an age used as a noun or before one): the phrase is about a person."""
    words = [t for t in tok.subtree] if tok.lower_ == "old" else [
        t for c in tok.children if c.lower_ == "old" for t in c.subtree]
    return any(t.lemma_.lower() == "year" for t in words) and any(t.like_num for t in words)


def age_before(verb: Token) -> Token | None:
    """'The 41-year-old said' / 'The 29-year-old told reporters': the parser hangs the age on the verb,
    or reads the verb as an adjective of its object and the age with it."""
    near = list(verb.lefts)
    if verb.dep_ == "amod" and verb.tag_ == "VBD":
        near += [c for c in verb.head.lefts if c.i < verb.i]
    return next((c for c in near if c.dep_ == "amod" and c.i == verb.i - 1 and _age(c)), None)


def _nationality_noun(tok: Token) -> bool:
    """'the Argentine', 'the Brazilian': one person; 'the French', 'the Swiss', 'the Chinese' are a
    people or a government."""
    return tok.ent_type_ == "NORP" and tok.text[:1].isupper() and not tok.lower_.endswith(("s", "se", "ch", "sh"))


def _is_person_description(head: Token, entities: EntityIndex) -> bool:
    """'the 41-year-old', 'the Portuguese coach': 'the', no name of its own, and a head that means a
    person; a possessor, an 'of' phrase or a named organization may point at someone else."""
    if head.pos_ not in ("NOUN", "ADJ", "PROPN") or not (
            head.lemma_.lower() in PERSON_HEADS or _age(head) or _nationality_noun(head)):
        return False
    left = head.left_edge
    if left.lower_ != "the" and not (left.i > 0 and left.nbor(-1).lower_ == "the"):
        return False
    # "the club's captain", "the coach of the visitors", "the police chief": someone else's role.
    if any(c.dep_ in ("poss", "prep", "relcl") or c.dep_ == "compound" and c.pos_ == "NOUN"
           for c in head.children):
        return False
    for t in head.subtree:
        e = entity_at(t, entities)
        # A nationality ("the Portuguese coach") is no owner, whatever type the index gave it.
        if e is not None and e.type != "NORP" and t.ent_type_ != "NORP" and t.dep_ != "amod":
            return False
    return True


def described_person(head: Token, entities: EntityIndex, quoted: Sequence[tuple[int, int]] = ()) -> Entity | None:
    """A definite description of a person the index does not resolve ('The 41-year-old said'): like
    a pronoun, the last person named before it outside quotation marks; but the one person named
    before with that very role ('coach') when the article's roles say so."""
    if not _is_person_description(head, entities):
        return None
    named: list[Entity] = []
    for m in entities.mentions():
        if m.end > head.left_edge.idx:
            break
        ent = entities.get(m.entity_id)
        if ent is not None and ent.type == "PERSON" and not any(lo <= m.start < hi for lo, hi in quoted):
            named.append(ent)
    noun = head.lemma_.lower()
    with_role = {r.get("person_id") for r in entities.roles or []
                 if str(r.get("title") or "").lower().split()[-1:] == [noun]}
    fits = {e.entity_id: e for e in named if e.entity_id in with_role}
    if len(fits) == 1:
        return next(iter(fits.values()))
    return named[-1] if named else None

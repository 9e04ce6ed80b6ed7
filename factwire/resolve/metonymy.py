"""A capital standing for its country's government: "Washington invaded the country", "Moscow's move".

News names a government by its seat of power. A national capital whose every mention acts (the subject
of a verb, or a possessor) is the country's government, so it joins the country's entity when the
article names the country too; a capital also used as a place ("in Washington", a dateline) stays a
place of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from factwire.resolve.datelines import opens_paragraph
from factwire.resolve.gazetteer import country_of_capital, is_region, us_state_of
from factwire.resolve.index import Entity, EntityIndex
from factwire.resolve.lexicon import country_name
from factwire.wordlists import wordlist

# What a government has: "Washington's move", "Moscow's decision" (not "Paris's streets", "London's police").
_POLICY_NOUNS = wordlist("resolve.metonymy", "policy_nouns")


def _acts(tok: Token) -> bool:
    """Whether a name's head token stands as an agent: the subject of an active verb, the possessor
    of a policy ("Washington's move"), or an object that an infinitive's act is asked of ("prompting
    Tehran to remove"), or joined to one; never a dateline or a place set before its
    region ("WASHINGTON (AP) —", "Washington, DC, ..."), nor a subject that becomes a state or is acted on."""
    doc = tok.doc
    nxt = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
    opening = opens_paragraph(doc, tok.i)
    region_after = nxt == "," and tok.i + 2 < len(doc) and (
        is_region(doc[tok.i + 2].text) or us_state_of(doc[tok.i + 2].text) is not None)
    if opening and nxt in {",", "(", "\u2014", "\u2013", "-", ":"} or region_after:
        return False
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "poss":
        return tok.head.lemma_.lower() in _POLICY_NOUNS or tok.head.lower_ in _POLICY_NOUNS
    if tok.dep_ == "dobj" and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                                  for c in tok.head.children):
        return True  # "prompting Tehran to remove cameras": the object is the infinitive's subject
    if tok.dep_ != "nsubj" or tok.head.pos_ not in {"VERB", "AUX"} or tok.head.lemma_ in {"be", "become"}:
        return False  # "Moscow was attacked", "Washington became the first state to ban it"
    return not any(c.lower_ == "state" for c in tok.head.subtree)


def _head_token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else None


def _country(index: EntityIndex, name: str) -> Entity | None:
    for e in index.entities:
        if e.type == "GPE" and name in {e.name, country_name(e.name), *(country_name(a) for a in e.aliases)}:
            return e
    return None


def merge_capitals(doc: Doc, index: EntityIndex) -> EntityIndex:
    """The index with each capital that only acts joined to its country's entity (as an alias)."""
    pairs: list[tuple[Entity, Entity]] = []  # (country, capital)
    for e in index.entities:
        country = country_of_capital(e.name) if e.type == "GPE" else None
        target = _country(index, country) if country else None
        if target is None or target is e or any(target is capital for _, capital in pairs):
            continue
        heads = [_head_token(doc, m.start, m.end) for m in e.mentions if m.kind != "pronoun"]
        if heads and all(h is not None and _acts(h) for h in heads):
            pairs.append((target, e))
    return index.joined(pairs) if pairs else index

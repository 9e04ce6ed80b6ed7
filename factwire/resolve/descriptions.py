"""Definite descriptions ("the company", "the Amazon founder") resolved to the one entity they fit."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from factwire.resolve.index import Entity, EntityIndex, Mention
from factwire.resolve.lexicon import ORG_DESCRIPTIONS, PERSON_DESCRIPTIONS, titles
from factwire.resolve.names import strip_possessive

_ORG_TYPES = {"ORG", "FAC"}


def _dominant(entities: list[Entity]) -> Entity | None:
    """The entity mentioned clearly most often (1.5 times the next), if there is one."""
    ranked = sorted(entities, key=lambda e: -len([m for m in e.mentions if m.kind != "description"]))
    if not ranked:
        return None
    if len(ranked) == 1 or len(ranked[0].mentions) >= 1.5 * len(ranked[1].mentions):
        return ranked[0]
    return None


def salient_org(index: EntityIndex) -> Entity | None:
    """The organization the article is about, when one clearly dominates ("the company")."""
    return _dominant([e for e in index.entities if e.type in _ORG_TYPES])


def _description_np(doc: Doc, tok: Token, index: EntityIndex) -> tuple[int, int] | None:
    """Token bounds of a definite description headed by `tok`, or None if it is not one."""
    if tok.tag_ not in {"NN", "NNP"} or tok.dep_ in {"compound", "appos", "nmod"}:
        return None
    if index.at(tok.idx, tok.idx + len(tok.text)) is not None:
        return None
    left = tok.left_edge.i
    if doc[left].lower_ != "the":
        return None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (nxt.lower_ in {"of", "that"} or nxt.pos_ == "PROPN"):
        return None  # "the president of France", "the company Acme": not a bare description
    # set in apposition next to a name ("X, the company's founder," / "the group's leader, X"):
    # the name is given right there, so this is no description used on its own
    for k in (left - 2, tok.i + 2):
        if 0 <= k < len(doc) and doc[min(k, left - 1) if k < left else tok.i + 1].text == "," \
                and index.at(doc[k].idx, doc[k].idx + len(doc[k].text)) is not None:
            return None
    return left, tok.i + 1


def _entities_in(doc: Doc, index: EntityIndex, i: int, j: int) -> list[Entity]:
    out = []
    for k in range(i, j):
        e = index.at(doc[k].idx, doc[k].idx + len(doc[k].text))
        if e is not None and e not in out:
            out.append(e)
    return out


def _person_for(noun: str, org: Entity | None, before: list[Entity], roles: list[dict[str, Any]]
                ) -> tuple[Entity | None, bool]:
    """The person a description fits; True when the description itself states a new role."""
    by_id = {e.entity_id: e for e in before}
    fit = {r["person_id"] for r in roles if r["title"].lower().split()[-1] == noun
           and (org is None or r["org_id"] == org.entity_id) and r["person_id"] in by_id}
    if len(fit) == 1:
        return by_id[fit.pop()], False
    if fit:
        return None, False
    if org is not None and noun in titles():  # "the Amazon founder": the one person with no stated role
        with_role = {r["person_id"] for r in roles}
        free = [e for e in before if e.entity_id not in with_role]
        return (free[0], True) if len(free) == 1 else (None, False)
    if noun not in titles():  # "the billionaire": the article's main person
        return _dominant(before), False
    return None, False


def add_descriptions(doc: Doc, index: EntityIndex, roles: list[dict[str, Any]] | None = None) -> EntityIndex:
    """The index with description mentions and aliases added where exactly one entity fits."""
    roles = list(roles or [])
    org = salient_org(index)
    added: list[tuple[Entity, Mention]] = []
    for tok in doc:
        noun = tok.lemma_.lower()
        if noun not in ORG_DESCRIPTIONS and noun not in PERSON_DESCRIPTIONS:
            continue
        bounds = _description_np(doc, tok, index)
        if bounds is None:
            continue
        i, j = bounds
        inside = _entities_in(doc, index, i, j - 1)
        target = None
        before = [e for e in index.entities if e.type == "PERSON" and e.mentions
                  and e.mentions[0].start < doc[i].idx]
        if noun in PERSON_DESCRIPTIONS and not any(e.type == "PERSON" for e in inside):
            owner = next((e for e in inside if e.type in _ORG_TYPES), None)
            target, new_role = _person_for(noun, owner, before, roles)
            if target is not None and new_role:
                roles.append({"person": target.name, "person_id": target.entity_id, "title": noun,
                              "title_text": doc[i + 1:j].text if owner else noun,
                              "org": owner.name, "org_id": owner.entity_id})
        elif noun in ORG_DESCRIPTIONS and not any(e.type in _ORG_TYPES | {"PERSON"} for e in inside):
            # "the utilities commission" for "Public Utilities Commission", "the administration"
            # for "Obama administration": the name's own head noun, with a shared modifier or in
            # lower case (a bare "the company" says nothing about "The We Company")
            words = {t.lower_ for t in doc[i + 1:j - 1]}
            named = [e for e in index.entities if e.type in _ORG_TYPES and len(e.name.split()) > 1
                     and e.name.split()[-1].lower() == noun
                     and (e.name.split()[-1].islower() or words & {w.lower() for w in e.name.split()[:-1]})]
            target = named[0] if len(named) == 1 else org
        if target is None:
            continue
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        added.append((target, Mention(target.entity_id, doc.text[start:end], start, end, "description")))
    for ent, m in added:
        ent.mentions.append(m)
        ent.mentions.sort(key=lambda x: x.start)
        alias = strip_possessive(m.text)
        if alias.lower() != ent.name.lower() and alias not in ent.aliases:
            ent.aliases.append(alias)
    return EntityIndex(index.entities, roles=roles)

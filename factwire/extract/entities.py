"""Named entities of an article, resolved to one record per real-world entity.

Baseline: spaCy NER spans, titles and possessives stripped, a lone surname or first name joined to
the full name used elsewhere, and one type voted over all mentions.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.tokens import Doc, Span

from factwire.resolve import Entity, EntityIndex, Mention
from factwire.resolve.names import name_key, strip_possessive

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}


def _trim(span: Span) -> tuple[int, int, str] | None:
    """Character bounds and text of a name span without a leading 'the' or trailing possessive."""
    tokens = [t for t in span if not t.is_punct or t.text in "&."]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].text in {"'s", "\u2019s", "'", "\u2019"}):
        tokens = tokens[:-1]
    if tokens and tokens[0].lower_ == "the" and span.label_ not in {"ORG", "FAC"}:
        tokens = tokens[1:]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = strip_possessive(span.doc.text[start:end])
    return start, start + len(text), text


def extract_entities(doc: Doc, *, title: str | None = None) -> EntityIndex:
    """Resolve the NER spans of `doc` into entities with canonical names and mentions."""
    spans = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        trimmed = _trim(ent)
        if trimmed is None or not any(c.isalpha() for c in trimmed[2]) or "-" in trimmed[2].strip("-"):
            continue
        spans.append((*trimmed, ent.label_))

    # Longest names first, so that "Bezos" finds "Jeff Bezos".
    groups: list[dict[str, Any]] = []
    for start, end, text, label in sorted(spans, key=lambda s: -len(s[2].split())):
        key = name_key(text)
        words = key.split()
        target = None
        for g in groups:
            gwords = g["key"].split()
            if key == g["key"] or (len(words) == 1 and words[0] in gwords) or (
                    len(words) < len(gwords) and " ".join(gwords[-len(words):]) == key):
                target = g
                break
        if target is None:
            target = {"key": key, "name": text, "labels": Counter(), "spans": []}
            groups.append(target)
        target["labels"][label] += 1
        target["spans"].append((start, end, text))

    entities = []
    groups.sort(key=lambda g: min(s[0] for s in g["spans"]))
    for i, g in enumerate(groups, 1):
        eid = f"E{i}"
        label = g["labels"].most_common(1)[0][0]
        name = g["name"]
        aliases = sorted({s[2] for s in g["spans"] if s[2] != name})
        mentions = [Mention(eid, t, s, e, "name" if t == name else "alias")
                    for s, e, t in sorted(g["spans"])]
        entities.append(Entity(eid, name, label, aliases, mentions))
    return EntityIndex(entities)


def entity_rows(index: EntityIndex) -> list[dict[str, Any]]:
    """Rows of the entities table."""
    return [
        {"entity_id": e.entity_id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
         "mention_count": len(e.mentions)}
        for e in index.entities
    ]


def mention_rows(index: EntityIndex) -> list[dict[str, Any]]:
    """Rows of the mentions table."""
    return [
        {"entity_id": m.entity_id, "text": m.text, "start": m.start, "end": m.end, "kind": m.kind}
        for m in index.mentions()
    ]

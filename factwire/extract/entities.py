"""Named entities of an article, resolved to one record per real-world entity.

spaCy NER spans are cleaned into names (no titles, possessives, leading "the", quoted nicknames,
hyphenated compounds), grouped (a surname joins the full name, an acronym its long form, "Disney"
"Walt Disney Co."), typed by a vote over all mentions plus rules of English (org suffixes, head
nouns, brand spellings, titles before a name), and completed with definite descriptions and roles.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from factwire.extract.roles import find_roles
from factwire.resolve import EntityIndex
from factwire.resolve.descriptions import add_descriptions, salient_org
from factwire.resolve.grouping import Candidate, group_candidates
from factwire.resolve.lexicon import HONORIFICS, NAME_TAILS_ORG, NAME_TAILS_PLACE, ORG_HEADS, titles
from factwire.resolve.names import acronym_letters, name_key
from factwire.resolve.titles import title_before

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}
_QUOTES_OPEN = {'"', "\u201c", "\u2018", "'"}
_QUOTES_CLOSE = {'"', "\u201d", "\u2019", "'"}
_POSSESSIVES = {"'s", "\u2019s", "'", "\u2019"}
_TITLE_WORDS = {w for t in titles() for w in t.replace("-", " ").split()}


@dataclass
class _Draft:
    """A cleaned name span before grouping (token bounds into the Doc)."""

    ts: int
    te: int
    label: str
    canonical: str | None = None  # a name built by a rule ("Orange County")
    votes: Counter = field(default_factory=Counter)
    acronym_of: int | None = None  # index of the draft this acronym is defined after, "(SEC)"


def _is_possessive(tok) -> bool:
    return tok.tag_ == "POS" or tok.text in _POSSESSIVES


def _in_quotes(doc: Doc, ts: int, te: int) -> bool:
    """A span set off in quotation marks on both sides: a nickname or a title, not a name."""
    before = doc[ts - 1].text if ts > 0 else ""
    after = doc[te].text if te < len(doc) else ""
    return before in _QUOTES_OPEN and after in _QUOTES_CLOSE


def _clean(doc: Doc, ts: int, te: int, label: str) -> list[_Draft]:
    """Trim an NER span to the name(s) it holds; [] when it is no name at all."""
    toks = list(range(ts, te))
    # cut at an inner possessive: "Vox Media's Code Media" -> "Vox Media"
    for k, i in enumerate(toks[1:], 1):
        if _is_possessive(doc[i]):
            toks = toks[:k]
            break
    while toks and (doc[toks[0]].is_punct or _is_possessive(doc[toks[0]]) or doc[toks[0]].lower_ == "the"
                    or doc[toks[0]].lower_ in HONORIFICS or doc[toks[0]].is_lower):
        toks = toks[1:]
    if label == "PERSON":  # "President Donald Trump" tagged as one PERSON span
        while len(toks) > 1 and doc[toks[0]].lower_ in _TITLE_WORDS:
            toks = toks[1:]
    while toks and (doc[toks[-1]].is_punct and doc[toks[-1]].text not in {".", "+"} or _is_possessive(doc[toks[-1]])):
        toks = toks[:-1]
    place_tail = None
    if len(toks) > 1 and doc[toks[-1]].lower_ in NAME_TAILS_PLACE and doc[toks[-1]].is_lower:
        place_tail = toks[-1] + 1  # "Zabul province": the name is "Zabul", the whole an alias
    while toks and not doc[toks[-1]].text[:1].isupper() and not doc[toks[-1]].text[:1].isdigit() \
            and doc[toks[-1]].text not in {"+", "."}:
        toks = toks[:-1]  # "Afghan war" -> "Afghan"; a place tail is added back below
    if not toks:
        return []
    ts, te = toks[0], toks[-1] + 1
    if place_tail is not None:
        return [_Draft(ts, place_tail, label, canonical=doc[ts:te].text)]
    # "CBS All Access, Disney": a comma between names separates two names
    for i in range(ts + 1, te - 1):
        if doc[i].text == ",":
            return _clean(doc, ts, i, label) + _clean(doc, i + 1, te, label)
    return [_Draft(ts, te, label)]


def _is_junk(doc: Doc, d: _Draft, surnames: set[str]) -> bool:
    """Bare titles, lower-case phrases, quoted nicknames, sentence-initial adverbs, name compounds."""
    span = doc[d.ts:d.te]
    if not any(t.text[:1].isupper() for t in span) or not any(c.isalpha() for c in span.text):
        return True
    if all(t.lower_ in _TITLE_WORDS for t in span):
        return True
    if _in_quotes(doc, d.ts, d.te) and d.label not in {"GPE", "LOC", "NORP"}:
        return True
    if len(span) == 1 and span[0].is_sent_start and span[0].pos_ not in {"PROPN", "NOUN"}:
        return True
    for m in re.finditer(r"([\w.]+)\s?-\s?([\w.]+)", span.text):  # "the Bezos-Musk rivalry"
        if m.group(1) in surnames and m.group(2) in surnames:
            return True
    # an acronym defined after a lower-case phrase is no name: "continuing resolution (CR)"
    if d.ts > 0 and doc[d.ts - 1].text == "(" and acronym_letters(span.text) and d.ts > 1 \
            and doc[d.ts - 2].is_lower:
        return True
    return False


def _tails(doc: Doc, d: _Draft) -> None:
    """Lower-case words that complete a name: "the Haqqani network", "Orange and Riverside counties"."""
    nxt = doc[d.te] if d.te < len(doc) else None
    if nxt is None:
        return
    if nxt.lower_ in NAME_TAILS_ORG and d.label in {"PERSON", "ORG", "NORP", "GPE"} and nxt.is_lower:
        d.canonical = f"{doc[d.ts:d.te].text} {nxt.text}"
        d.te += 1
        d.votes["ORG"] += 10
    elif nxt.lower_.rstrip("s") in NAME_TAILS_PLACE and nxt.lower_.endswith("s") and nxt.is_lower:
        d.canonical = f"{doc[d.ts:d.te].text} {nxt.lower_[:-1].replace('countie', 'county').title()}"
        d.votes["GPE"] += 10


def _split_coordination(doc: Doc, d: _Draft) -> list[_Draft]:
    """'Orange and Riverside' before a plural place noun: two places."""
    nxt = doc[d.te] if d.te < len(doc) else None
    inner = [i for i in range(d.ts + 1, d.te - 1) if doc[i].lower_ == "and"]
    if inner and nxt is not None and nxt.is_lower and nxt.lower_.rstrip("s") in NAME_TAILS_PLACE | {"countie"}:
        i = inner[0]
        tail = nxt.lower_[:-1].replace("countie", "county").title()
        return [_Draft(a, b, "GPE", canonical=f"{doc[a:b].text} {tail}", votes=Counter({"GPE": 10}))
                for a, b in ((d.ts, i), (i + 1, d.te))]
    return [d]


def _office_names(doc: Doc, drafts: list[_Draft]) -> None:
    """'the New York State Attorney General (NYAG)': a place followed by a capitalized office title."""
    for d in drafts:
        if d.label not in {"GPE", "ORG"} or d.te >= len(doc):
            continue
        found = None
        for j in range(d.te + 1, min(d.te + 5, len(doc)) + 1):
            if doc[d.te:j].text.lower() in titles() and all(t.text[:1].isupper() or t.lower_ == "of"
                                                             for t in doc[d.te:j]):
                found = j
        if found and not (found < len(doc) and doc[found].ent_type_ == "PERSON"):
            d.te = found
            d.label = "ORG"
            d.votes["ORG"] += 10


def _extra_org_names(doc: Doc, taken: set[int]) -> list[_Draft]:
    """Capitalized names ending in an organization noun that NER left out ("the Space Force")."""
    out = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in taken and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            j += 1
        if j - i >= 2 and doc[j - 1].lower_ in ORG_HEADS and not doc[i].is_sent_start:
            out.append(_Draft(i, j, "ORG", votes=Counter({"ORG": 5})))
        i = max(j, i + 1)
    return out


_CALENDAR = re.compile(r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
                       r"spring|summer|fall|autumn|winter|christmas|easter|new|mid|early|late|last|next)",
                       re.I)


def _names_tagged_as_dates(doc: Doc) -> list[_Draft]:
    """'Timothy Weeks' tagged DATE: a capitalized non-calendar word after a first name is a surname."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in {"DATE", "TIME"} or ent.start == 0 or len(ent) != 1:
            continue
        tok, prev = ent[0], doc[ent.start - 1]
        if tok.is_title and not tok.is_sent_start and not _CALENDAR.match(tok.text) \
                and prev.is_title and prev.pos_ == "PROPN" and not prev.ent_type_:
            out.append(_Draft(prev.i, ent.end, "PERSON"))
    return out


def _join_of_names(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """'Stratospheric Observatory' + 'for' + 'Infrared Astronomy': one organization's name."""
    out: list[_Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev is not None and prev.label in {"ORG", "FAC"} and d.ts == prev.te + 1 \
                and doc[prev.te].lower_ in {"of", "for"} and d.label not in {"GPE", "NORP"}:
            prev.te = d.te
            continue
        out.append(d)
    return out


def _drafts(doc: Doc) -> list[_Draft]:
    """Every cleaned name span of the Doc, in text order."""
    drafts: list[_Draft] = []
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS:
            drafts += _clean(doc, ent.start, ent.end, ent.label_)
    drafts += _names_tagged_as_dates(doc)
    _office_names(doc, drafts)
    taken = {i for d in drafts for i in range(d.ts, d.te)} | {i for e in doc.ents for i in range(e.start, e.end)}
    drafts += _extra_org_names(doc, taken)
    drafts.sort(key=lambda d: d.ts)
    drafts = _join_of_names(doc, drafts)
    surnames = {doc[d.te - 1].text for d in drafts if d.label == "PERSON"} | \
               {doc[d.ts].text for d in drafts if d.te - d.ts == 1}
    out: list[_Draft] = []
    for d in drafts:
        if _is_junk(doc, d, surnames):
            continue
        for part in _split_coordination(doc, d):
            _tails(doc, part)
            out.append(part)
    for k, d in enumerate(out):  # "the Securities and Exchange Commission (SEC)"
        if k and d.ts >= 2 and doc[d.ts - 1].text == "(" and out[k - 1].te == d.ts - 1 \
                and acronym_letters(doc[d.ts:d.te].text):
            d.acronym_of = k - 1
    return out


def _person_votes(doc: Doc, d: _Draft) -> None:
    """Evidence that a name is a person's: a title or form of address before it, 'who' after it."""
    t = title_before(doc, d.ts, max(0, d.ts - 8))
    if t is not None or (d.ts and doc[d.ts - 1].lower_ in HONORIFICS):
        d.votes["PERSON"] += 3
    if d.te + 1 < len(doc) and doc[d.te].text == "," and doc[d.te + 1].lower_ == "who":
        d.votes["PERSON"] += 3


def _titled_start(doc: Doc, d: _Draft) -> int:
    """Start of a formal title written before a person's name ("President Donald Trump")."""
    t = title_before(doc, d.ts, max(0, d.ts - 8))
    return t.core_start if t is not None and t.capitalized else d.ts


def extract_entities(doc: Doc, *, title: str | None = None) -> EntityIndex:
    """Resolve the NER spans of `doc` into entities with canonical names, aliases and mentions."""
    drafts = _drafts(doc)
    for d in drafts:
        _person_votes(doc, d)
    cands = [Candidate(doc[d.ts:d.te].start_char, doc[d.ts:d.te].end_char, doc[d.ts:d.te].text, d.label,
                       canonical=d.canonical, votes=d.votes, acronym_of=d.acronym_of,
                       sent_start=doc[d.ts].is_sent_start, cap_the=d.ts > 0 and doc[d.ts - 1].text == "The"
                       and not doc[d.ts - 1].is_sent_start and d.label in {"ORG", "WORK_OF_ART"},
                       titled_start=doc[_titled_start(doc, d)].idx if d.label == "PERSON" else None)
             for d in drafts]
    entities = group_candidates(doc, cands)
    index = EntityIndex(entities)
    roles = find_roles(doc, index, salient_org=salient_org(index))
    return add_descriptions(doc, index, roles)


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


__all__ = ["ENTITY_LABELS", "entity_rows", "extract_entities", "mention_rows", "name_key"]

"""Money, counts and percentages with what they count, whose they are and the time they refer to.

Money and percentages are found by their surface forms (`amounts.py`), counts from the dependency
parse (`counts.py`); whose a quantity is and its period come from the parse too (`subjects.py`).
Range bounds are two rows with qualifier "range_from" / "range_to" (see `amounts.py`).

When the parse names no owner for an amount of money, the owner of the previous amount in the same or
the previous paragraph carries over: budget and deal stories list figures of one owner in a row
("The bill includes $3.8 billion for ..., $2.7 billion for ...").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from typing import Any

from spacy.tokens import Doc, Token

from factwire.extract.amounts import Amount, find_money, find_percents, qualifier_before
from factwire.extract.counts import counted_as, find_counts
from factwire.extract.subjects import date_clauses, owner, period, workforce_owner
from factwire.nlp import FINITE_VERB_TAGS, char_span_start, doc_text, doc_tokens
from factwire.resolve import Entity, EntityIndex
from factwire.resolve.lexicon import GOV_DESCRIPTIONS, MEMBER_NOUNS, ORG_DESCRIPTIONS, PERSON_DESCRIPTIONS
from factwire.resolve.reference import entity_in, past_entity


def _noun_of(doc: Doc, a: Amount) -> Token | None:
    """The token that stands for an amount in the parse: the noun it modifies, or its own root."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if root.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod") and root.head.pos_ == "NOUN" \
            and root.head.i > root.i and not span.start <= root.head.i < span.end:
        return root.head  # "a $10 fee", "Blue Origin's $2.4 billion allocation"
    return root


def _row(kind: str, text: str, start: int, end: int, value: float, *, currency: str | None = None,
         unit: str | None = None, counted: str | None = None, qualifier: str | None = None,
         subject: Entity | None = None, period_: str | None = None) -> dict[str, Any]:
    return {"kind": kind, "text": text, "start": start, "end": end, "value": float(value),
            "currency": currency, "unit": unit, "counted": counted, "qualifier": qualifier,
            "subject": subject.name if subject else None, "subject_id": subject.entity_id if subject else None,
            "period": period_}


_PARTY_NOUNS = ORG_DESCRIPTIONS | PERSON_DESCRIPTIONS | set(GOV_DESCRIPTIONS)
# a wire's line of exchange rate, "($1 = 113.60 yen)", "(1 euro = $1.08)"
_EXCHANGE_RATE = re.compile(r"\(\s*[^()=\n]{1,24}=\s*[^()=\n]{1,32}\)")


# what may stand between an amount and its conversion in brackets: "7.5 million euros ($8.5 million)", "R$35
# million (US$6.8 million)", "about A$310 million (about $202 million)"
_CONVERSION_GAP = re.compile(r"\s?\(\s?(?:about|around|roughly|some|nearly|almost|approximately|over|more than)?\s?")


def _converts(text: str, prior: Amount, a: Amount) -> bool:
    """Whether `a` is `prior` converted into another currency, in brackets right after it."""
    return prior.currency != a.currency and _CONVERSION_GAP.fullmatch(text, prior.end, a.start) is not None


def _paragraph_starts(text: str) -> list[int]:
    """Char offsets where paragraphs (separated by line breaks) start."""
    return [0] + [m.end() for m in re.finditer(r"\n+", text)]


def _stat_line_owner(tok: Token, entities: EntityIndex) -> Entity | None:
    """'LB Joe Schobert 60 88% 7 tackles, 3 assists (10 combined). 1 sack.': in a line with no verb that
    opens with a name (a stat line, a roster; one or several sentences), the numbers are that person's
    or team's; so are those of a line labeled with a name and a colon ("Jo Park: possession of heroin,
    held in lieu of $70,000 bond")."""
    labeled = _line_label(tok, entities)
    if labeled is not None:
        return labeled
    doc, at = tok.doc, doc_tokens(tok.doc)
    k, end = _line_bounds(tok)
    if k is None:
        return None
    named = next((e for t in at[k:k + 4] if (e := entity_in(doc, t.i, t.i + 1, entities)) is not None
                  and e.type in {"PERSON", "ORG"}), None)
    if named is None:
        return None
    while k < len(doc) and at[k].idx < end:  # a finite verb anywhere in the line: a sentence, not a stat line
        if at[k].tag_ in FINITE_VERB_TAGS or at[k].tag_ == "MD":
            return None
        k += 1
    return named


def _line_bounds(tok: Token) -> tuple[int | None, int]:
    """The first token of the line (paragraph) that holds tok, and the character offset where it ends."""
    doc, text = tok.doc, doc_text(tok.doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    return char_span_start(doc, start, start + 1), len(text) if end == -1 else end


def _line_label(tok: Token, entities: EntityIndex) -> Entity | None:
    """The person or organization a line opens with, when a colon follows its name ("Jo Park: ...")."""
    doc, at = tok.doc, doc_tokens(tok.doc)
    k, _ = _line_bounds(tok)
    if k is None or at[k].is_space:
        return None
    ent = entity_in(doc, k, k + 1, entities)
    if ent is None or ent.type not in {"PERSON", "ORG"}:
        return None
    end = past_entity(doc, k, tok.i, entities, ent)
    return ent if end < tok.i and at[end].text == ":" else None


def _named_in_front(noun: Token, entities: EntityIndex) -> Entity | None:
    """'two United States service members', '300 Google employees': an organization or a country
    named in front of the counted people is whose they are ("30 Boeing jets" are not Boeing's)."""
    if noun.lemma_.lower() not in MEMBER_NOUNS:
        return None
    front = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
    # "200 U.S. military personnel": the country named in front of a modifier of the people
    front += [g for c in front for g in c.children if g.dep_ in ("compound", "nmod") and g.i < c.i]
    for c in front:
        ent = entity_in(noun.doc, c.i, c.i + 1, entities)
        if ent is not None and ent.type in {"ORG", "GPE"}:
            return ent
    return None


def _money_owner(doc: Doc, a: Amount, noun: Token | None, entities: EntityIndex,
                 carried: tuple[int, Entity] | None) -> Entity | None:
    """Whose an amount of money is: the owner the parse names; else the person or body a line opens with ("Jo Park:
    ... held in lieu of $70,000 bond"); else, where the subject is a common noun that names no party, the owner of
    the amount before in this or the last paragraph (`carried`); never anyone's for a rate of exchange."""
    ent, phrase = owner(noun, entities, money=True) if noun is not None else (None, None)
    named = phrase is not None and any(t.pos_ == "PROPN" for t in doc[phrase.left_edge.i: phrase.i + 1])
    # a party the text names there but the model cannot tell ("the department") is no common-noun
    # subject whose money the last owner holds ("The bill includes $3.8 billion")
    named = named or (phrase is not None and phrase.lemma_.lower() in _PARTY_NOUNS)
    if ent is None and noun is not None:
        ent = _line_label(noun, entities)  # "Jo Park: ... held in lieu of $70,000 bond"
    text = doc_text(doc)
    if any(m.start() <= a.start < m.end() for m in _EXCHANGE_RATE.finditer(text, max(0, a.start - 30), a.end + 40)):
        return None  # "($1 = 113.60 yen)": a rate of exchange is no one's money
    if ent is None and not named and carried:
        return carried[1]  # "The bill includes $3.8 billion for ...": a common-noun subject
    return ent


def extract_quantities(doc: Doc, *, entities: EntityIndex, dates: list[dict[str, Any]],
                       published: date | None) -> list[dict[str, Any]]:
    """Rows of the quantities table."""
    text = doc_text(doc)
    rows: list[dict[str, Any]] = []
    last_owner: tuple[int, Entity] | None = None
    paragraphs = _paragraph_starts(text)
    clauses = date_clauses(doc, dates)
    money = find_money(text)
    before: tuple[Amount, Entity | None] | None = None  # the amount before, and its owner
    for a in money:
        noun = _noun_of(doc, a)
        if before is not None and _converts(text, before[0], a):
            ent = before[1]  # "310 million reais ($59 million)": the same money, the same owner's
        else:
            para = bisect_right(paragraphs, a.start)
            ent = _money_owner(doc, a, noun, entities, last_owner if last_owner and para - last_owner[0] <= 1 else None)
            if ent is not None:
                last_owner = (para, ent)
        before = (a, ent)
        rows.append(_row("money", a.text, a.start, a.end, a.value, currency=a.currency, qualifier=a.qualifier,
                         subject=ent, period_=period(noun, clauses) if noun is not None else None))
    percents = find_percents(text)
    for a in percents:
        noun = _noun_of(doc, a)
        ent = owner(noun, entities)[0] if noun is not None else None
        rows.append(_row("percent", a.text, a.start, a.end, a.value, unit=a.unit, qualifier=a.qualifier,
                         subject=ent, period_=period(noun, clauses) if noun is not None else None))
    skip = [(a.start, a.end) for a in money + percents] + [(d["start"], d["end"]) for d in dates] \
        + [(m.start, m.end) for e in entities.entities for m in e.mentions if m.kind in ("name", "alias")]
    # (a number word in a name counts nothing: "Five Rivers, which had three employees")
    for c in find_counts(doc, skip=skip):
        anchor = c.phrase[-1] if c.elided else c.noun
        ent = None if c.elided else _named_in_front(c.noun, entities)
        if ent is None:
            ent, _ = owner(anchor, entities)
        if ent is None:
            ent = _stat_line_owner(anchor, entities)
        if ent is None and not c.elided:
            ent = workforce_owner(c.noun, entities)
        rows.append(_row("count", c.phrase.text, c.phrase.start_char, c.phrase.end_char, c.value,
                         counted=counted_as(c.noun), qualifier=qualifier_before(text, c.phrase.start_char),
                         subject=ent, period_=period(anchor, clauses)))
    return sorted(rows, key=lambda r: (r["start"], r["end"]))

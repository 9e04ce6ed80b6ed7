"""Indirect speech: the clause a reporting verb reports, outside quotation marks.

"Musk has privately warned Trump that his businesses could suffer" -> the clause "his businesses
could suffer ...", speaker Musk, cue "warned". Also the clause before a trailing "..., X said", and
a that-clause the parser hung on the object ("told the council that ..."). Questions ("declined to
say whether") and denials ("did not say") report nothing.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from factwire.extract.quotemarks import QuotedDoc
from factwire.extract.speaker_names import without_title
from factwire.extract.speech import (
    Speaker,
    is_speech_verb,
    negated,
    phrase_tokens,
    proper_name,
    speaker_of,
)
from factwire.nlp import FINITE_VERB_TAGS, doc_pos, doc_tokens
from factwire.resolve import EntityIndex
from factwire.resolve.datelines import DASHES
from factwire.resolve.speech_words import REPORTING_LEMMAS, TELLING_VERBS
from factwire.wordlists import wordlist

# A quoted passage of at least this many words is a statement (a direct quote), not a phrase.
MIN_STATEMENT_WORDS = 4
_QUESTION_WORDS = wordlist("extract.reported_speech", "question_words")
_KEEP_AT_END = wordlist("extract.reported_speech", "keep_at_end")


def quote_row(text: str, start: int, end: int, speaker: Speaker | None, direct: bool,
              cue: str | None) -> dict[str, Any]:
    """A row of the quotes table."""
    entity = speaker.entity if speaker else None
    said_by = None
    if speaker is not None:
        i, j = phrase_tokens(speaker.token)
        said_by = speaker.token.doc[i:j].text
    return {"text": text[start:end], "start": start, "end": end,
            "speaker": speaker_name(speaker),
            "speaker_id": entity.entity_id if entity else None,
            "speaker_text": said_by, "direct": direct, "cue": cue}


def speaker_name(speaker: Speaker | None) -> str | None:
    """The speaker's canonical name: the entity's, else a proper name the entity index lacks; a
    person's without the title before it ('Gov. John Smith' -> 'John Smith')."""
    if speaker is None:
        return None
    if speaker.name is not None:
        return speaker.name
    if speaker.entity is not None:
        e = speaker.entity
        return without_title(e.name) if e.type == "PERSON" else e.name
    name = proper_name(speaker.token)
    if name is None or speaker.token.ent_type_ == "NORP":  # "the Brazilian" is no one's name
        return None
    text = speaker.token.doc[name[0]:name[1]].text
    return text if speaker.token.ent_type_ in ("ORG", "GPE") else without_title(text)


def _misparsed_complement(verb: Token) -> Token | None:
    """'warned the council that delays could raise the price': the parser often reads the that-clause
    as a relative clause on the object; one with a subject of its own is the reported clause."""
    for obj in verb.children:
        if obj.dep_ not in ("dobj", "dative") or obj.i < verb.i:
            continue
        for rel in obj.children:
            if rel.dep_ == "relcl" and rel.left_edge.lower_ == "that" and any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in rel.children):
                return rel
    # "told reporters after a summit in Brussels that the measures would hit 52 vessels": a clause
    # opened by the conjunction "that" (no relative: it has its own subject) hung on a noun of a phrase
    # after the verb
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for rel in prep.subtree:
            if rel.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in rel.children) \
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in rel.children):
                return rel
    return None


def _stranded_start(clause: Token) -> int:
    """Where a clause reported after its verb begins: its own first token, or the verb's object when the
    parser hung the clause's subject on the reporting verb ("Greer said surveillance video ..., along
    with a tip, led investigators to Pickens": "video" read as what was said). A verb that tells no one
    takes no object before the clause it reports, so the object of a subjectless clause is its subject."""
    verb = clause.head
    if verb.i > clause.i or verb.lemma_.lower() in TELLING_VERBS \
            or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children):
        return clause.left_edge.i
    stranded = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i]
    return stranded[0].left_edge.i if stranded else clause.left_edge.i


def reported_clause(verb: Token) -> tuple[Token, int, int] | None:
    """The clause a reporting verb reports, and the token range it may take (on its side of the verb)."""
    doc = verb.doc
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is not None and clause.lower_ in ("’s", "'s") \
            and not any(c.i > clause.i and not c.is_punct for c in clause.children):
        return None  # "said the firm’s bigger lander ... remains": a possessive read as "is" heads no clause
    if clause is not None and clause.pos_ in ("ADJ", "NOUN") and clause.i > verb.i \
            and not any(c.dep_ in ("cop", "aux", "auxpass", "mark") for c in clause.children):
        return None  # "declared the strike illegal", "deemed it a risk": an object and what it is declared, no clause
    if clause is None:
        clause = _misparsed_complement(verb)
    # Where the reporting part (the verb, its subject, its modifiers) begins.
    after = clause.i if clause is not None else verb.head.i
    left = min([verb.i] + [c.left_edge.i for c in verb.children
                           if c.dep_ != "punct" and after < c.i < verb.i])
    if clause is not None:
        return (clause, verb.i + 1, len(doc)) if clause.i > verb.i else (clause, 0, left)
    # "Job cuts will come, said Claure" / "..., Mayer said, and": the parser makes the reporting
    # verb a conjunct or parataxis of the clause it reports.
    if any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "NUM") for c in verb.children):
        return None  # "... and Brad Marchand added three assists": a verb with an object of its own reports nothing
    head = verb.head
    if verb.dep_ in ("conj", "parataxis") and head.i < verb.i and head.pos_ in ("VERB", "AUX") and \
            any(t.text == "," for t in doc[head.i:verb.i + 1]):
        return head, 0, left
    # "Hiring slowed in May, the Labor Department said": or an adverbial clause before the comma, when
    # it is a whole statement (a subject and a finite verb) that no conjunction subordinates ("When
    # prices rose, ..." and "Speaking to reporters, ..." report nothing)
    fronted = next((c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i), None)
    if fronted is not None:
        left = min([verb.i] + [c.left_edge.i for c in verb.children
                               if c.dep_ != "punct" and fronted.i < c.i < verb.i])
        if left > 0 and doc[left - 1].text == "," and fronted.right_edge.i < left and _finite_statement(fronted):
            return fronted, 0, left
    return None


def _finite_statement(verb: Token) -> bool:
    """A clause with its own subject and a finite verb, opened by no subordinating word."""
    kids = list(verb.children)
    finite = verb.tag_ in FINITE_VERB_TAGS or any(c.dep_ == "aux" and (c.tag_ in FINITE_VERB_TAGS or c.tag_ == "MD")
                                                        for c in kids)
    return finite and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids) \
        and not any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB") for c in kids)


def clause_bounds(clause: Token, lo: int, hi: int) -> tuple[int, int]:
    """Token range of a clause inside [lo, hi), without its 'that', edge punctuation, a dateline, or
    a trailing parenthetical attribution (", the Journal reported")."""
    doc = clause.doc
    at = doc_tokens(doc)  # at[i] is doc[i] without a new Token object each time
    # the parse is projective: a subtree is the run of tokens from its left edge to its right edge
    i, j = max(_stranded_start(clause), lo), min(clause.right_edge.i + 1, hi)
    if i >= j:
        return 0, 0
    for t in range(clause.i + 1, j):
        tok = at[t]
        if tok.lemma_.lower() in REPORTING_LEMMAS and tok.pos_ == "VERB":
            commas = [c for c in range(clause.i, t) if at[c].text == ","]
            if commas:
                j = commas[-1]
                break
    # A dateline ("HAMBURG, Germany (AP) —") is not part of what was said.
    dash = next((t for t in range(clause.i - 1, i - 1, -1) if at[t].text in DASHES), None)
    if dash is not None and not any(at[t].pos_ in ("VERB", "AUX") for t in range(i, dash)):
        i = dash + 1
    # "But it may morph ..., people say": the conjunction joins the sentence to the one before.
    while i < j and (at[i].dep_ == "mark" and at[i].lower_ == "that" or at[i].is_punct
                     or at[i].is_space or at[i].dep_ == "cc" and at[i].i < clause.i):
        i += 1
    while j > i and (at[j - 1].is_punct and at[j - 1].text not in _KEEP_AT_END or at[j - 1].is_space):
        if at[j - 1].is_quote and any(at[t].is_quote for t in range(i, j - 1)):
            break  # keep the mark that closes a quoted phrase inside the clause
        j -= 1
    return i, j


def indirect_quotes(qd: QuotedDoc, entities: EntityIndex, *,
                    publications: set[str] | frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """Rows for reported speech outside quotation marks: 'X warned Y that ...'. What a publication
    says ("the Journal said ...") is its reporting, an attribution, not a quote."""
    doc, mask = qd.doc, qd.mask
    rows: list[dict[str, Any]] = []
    pos = doc_pos(doc)
    for verb in doc_tokens(doc):
        if pos[verb.i] not in ("VERB", "AUX") or mask[verb.i] != -1 or not is_speech_verb(verb) or negated(verb):
            continue  # (only a verb reports speech)
        found = reported_clause(verb)
        if found is None:
            continue
        i, j = clause_bounds(*found)
        if j - i < 3 or doc[i].lower_ in _QUESTION_WORDS:
            continue
        lo, hi = min(i, verb.i), max(j, verb.i + 1)
        if "\n" in doc[lo:hi].text:
            continue  # a clause never reaches across paragraphs
        speaker = speaker_of(verb, entities, qd.ranges, descriptions=True)
        if speaker is not None and i <= speaker.token.i < j:
            continue  # the "clause" holds its own speaker: a misparse
        if speaker is not None and speaker.entity is not None and speaker.entity.entity_id in publications:
            continue
        # A clause that is or holds a quoted statement is the direct quote's; a quoted phrase may stay.
        inside = {mask[t] for t in range(i, j) if mask[t] != -1}
        if all(mask[t] != -1 for t in range(i, j)) or any(qd.words(q) >= MIN_STATEMENT_WORDS for q in inside):
            continue
        span = doc[i:j]
        rows.append(quote_row(qd.text, span.start_char, span.end_char, speaker, False, verb.text))
    return rows

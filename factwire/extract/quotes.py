"""Direct and indirect quotes with their speakers.

Direct quotes are the passages in quotation marks (quotemarks.py). A passage's speaker comes from
the reporting verb of its sentence ("X said", "said X", "X told Reuters", "X added"), the one
nearest the passage; a quote that is a sentence of its own with no reporting verb keeps the
speaker of the quote before it (news writing names the speaker once per run of quotes). Short
quoted phrases count only when a named person or organization is said to use them; scare quotes
and titles have no reporting verb and are left out.

Indirect quotes are the that-clauses of reporting verbs outside quotation marks ("Musk warned
Trump that his businesses could suffer"), and the clause a trailing "..., X said" reports.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc, Span, Token

from factwire.extract.quotemarks import Passage, find_passages, paragraphs
from factwire.extract.speech import (
    REPORTING_LEMMAS,
    Speaker,
    is_naming_verb,
    is_speech_verb,
    negated,
    speaker_of,
)
from factwire.resolve import EntityIndex

# A passage of fewer words is a phrase (a coinage, a partial quote), not a quoted statement.
MIN_STATEMENT_WORDS = 4
_SENTENCE_END = {".", "!", "?"}
_QUESTION_WORDS = {"whether", "if", "how", "why", "what", "when", "where", "who", "which"}


def _token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def _quoted_mask(doc: Doc, passages: list[Passage]) -> list[int]:
    """Per token: the index of the passage it lies in (marks included), or -1."""
    mask = [-1] * len(doc)
    for k, p in enumerate(passages):
        lo = p.open_at
        hi = (p.close_at + 1) if p.close_at is not None else p.end
        rng = _token_range(doc, lo, hi)
        if rng:
            for i in range(*rng):
                mask[i] = k
    return mask


def _ends_sentence(doc: Doc, p: Passage) -> bool:
    """A quote ending with a period inside its marks ends its sentence unless lowercase follows."""
    if p.close_at is None:
        return True
    if doc.text[p.end - 1] != ".":
        return False
    rest = doc.text[p.close_at + 1:p.close_at + 40].lstrip(" \u00a0")
    return not rest[:1].islower()


def _sentence_frame(doc: Doc, passages: list[Passage], mask: list[int], k: int) -> list[Token]:
    """The tokens outside quotation marks of the sentence that holds passage k."""
    p = passages[k]
    rng = _token_range(doc, p.open_at, p.close_at + 1 if p.close_at is not None else p.end)
    if rng is None:
        return []
    first, last = rng
    frame: list[Token] = []
    i = first - 1
    while i >= 0 and "\n" not in doc[i].text:
        if mask[i] == -1:
            if doc[i].text in _SENTENCE_END:
                break
            frame.append(doc[i])
        elif _ends_sentence(doc, passages[mask[i]]):
            break
        i -= 1
    frame.reverse()
    if not _ends_sentence(doc, p):
        i = last
        while i < len(doc) and "\n" not in doc[i].text:
            if mask[i] == -1:
                if doc[i].text in _SENTENCE_END:
                    break
                frame.append(doc[i])
            elif mask[i] != k and _ends_sentence(doc, passages[mask[i]]):
                break
            i += 1
    return frame


def _reporting_verb(frame: list[Token], p: Passage) -> Token | None:
    """The reporting verb of the frame nearest the passage."""
    verbs = [t for t in frame if (is_speech_verb(t) or is_naming_verb(t)) and not negated(t)]
    if not verbs:
        return None

    def distance(t: Token) -> int:
        return p.open_at - t.idx if t.idx < p.open_at else t.idx - p.end

    return min(verbs, key=distance)


def _row(text: str, start: int, end: int, speaker: Speaker | None, direct: bool,
         cue: str | None) -> dict[str, Any]:
    entity = speaker.entity if speaker else None
    return {"text": text[start:end], "start": start, "end": end,
            "speaker": entity.name if entity else None, "speaker_id": entity.entity_id if entity else None,
            "direct": direct, "cue": cue}


def _is_title(text: str) -> bool:
    """'Star Wars', 'Sue Origin': every longer word capitalized and no closing punctuation: a name."""
    words = [w for w in text.split() if len(w) > 3 or w == text.split()[0]]
    return bool(words) and all(w[0].isupper() for w in words) and text[-1] not in ".!?,"


def _paragraph_of(paras: list[tuple[int, int]], offset: int) -> int:
    return bisect_right([s for s, _ in paras], offset) - 1


def direct_quotes(doc: Doc, entities: EntityIndex, passages: list[Passage],
                  indirect: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Rows for the passages in quotation marks that someone is said to speak or write.

    `indirect` (the article's reported speech) lets a quote with no reporting verb of its own
    keep the speaker of the quote just before it, direct or not."""
    mask = _quoted_mask(doc, passages)
    quoted = quoted_ranges(passages)
    paras = paragraphs(doc.text)
    rows: list[dict[str, Any]] = []
    earlier = sorted(indirect or [], key=lambda r: r["start"])
    for k, p in enumerate(passages):
        text = doc.text[p.start:p.end]
        frame = _sentence_frame(doc, passages, mask, k)
        verb = _reporting_verb(frame, p)
        if verb is not None and _is_title(text) and not is_naming_verb(verb):
            continue  # a quoted name ('Star Wars') in a reported sentence is no quote
        if verb is None:
            # A quote standing as its own sentence right after another quote: same speaker.
            opens_sentence = not any(t.idx < p.open_at for t in frame)
            before = [r for r in rows + earlier if r["start"] < p.open_at]
            last = max(before, key=lambda r: r["start"], default=None)
            if not (p.continues or opens_sentence) or last is None or last["speaker"] is None or \
                    _paragraph_of(paras, last["start"]) < p.paragraph - 1:
                continue
            rows.append({**_row(doc.text, p.start, p.end, None, True, None),
                         "speaker": last["speaker"], "speaker_id": last["speaker_id"]})
            continue
        speaker = speaker_of(verb, entities, quoted)
        if len(text.split()) < MIN_STATEMENT_WORDS and (speaker is None or speaker.entity is None):
            continue  # a phrase nobody named is said to use: scare quotes
        rows.append(_row(doc.text, p.start, p.end, speaker, True, verb.text))
    return rows


def quoted_ranges(passages: list[Passage]) -> list[tuple[int, int]]:
    """Character ranges of the passages, quotation marks included."""
    return [(p.open_at, (p.close_at + 1) if p.close_at is not None else p.end) for p in passages]


def _reported_clause(verb: Token) -> tuple[Token, int, int] | None:
    """The clause a reporting verb reports, and the token range it may take (on its side of the verb)."""
    doc = verb.doc
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    # Where the reporting part (the verb, its subject, its modifiers) begins.
    after = clause.i if clause is not None else verb.head.i
    left = min([verb.i] + [c.left_edge.i for c in verb.children
                           if c.dep_ != "punct" and after < c.i < verb.i])
    if clause is not None:
        return (clause, verb.i + 1, len(doc)) if clause.i > verb.i else (clause, 0, left)
    # "Job cuts will come, said Claure" / "..., Mayer said, and": the parser makes the reporting
    # verb a conjunct or parataxis of the clause it reports.
    head = verb.head
    if verb.dep_ in ("conj", "parataxis") and head.i < verb.i and head.pos_ in ("VERB", "AUX") and \
            any(t.text == "," for t in doc[head.i:verb.i + 1]):
        return head, 0, left
    return None


def _clause_bounds(clause: Token, lo: int, hi: int) -> tuple[int, int]:
    """Token range of a clause inside [lo, hi), without its 'that', edge punctuation, or a trailing
    parenthetical attribution (", the Journal reported")."""
    doc = clause.doc
    idx = [t.i for t in clause.subtree if lo <= t.i < hi]
    if not idx:
        return 0, 0
    i, j = min(idx), max(idx) + 1
    for t in range(clause.i + 1, j):
        tok = doc[t]
        if tok is not clause and tok.lemma_.lower() in REPORTING_LEMMAS and tok.pos_ == "VERB":
            commas = [c for c in range(clause.i, t) if doc[c].text == ","]
            if commas:
                j = commas[-1]
                break
    while i < j and (doc[i].dep_ == "mark" and doc[i].lower_ == "that" or doc[i].is_punct
                     or doc[i].is_space):
        i += 1
    while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space):
        j -= 1
    return i, j


def indirect_quotes(doc: Doc, entities: EntityIndex, passages: list[Passage]) -> list[dict[str, Any]]:
    """Rows for reported speech outside quotation marks: 'X warned Y that ...'."""
    quoted = _quoted_mask(doc, passages)
    ranges = quoted_ranges(passages)
    rows: list[dict[str, Any]] = []
    for verb in doc:
        if quoted[verb.i] != -1 or not is_speech_verb(verb) or negated(verb):
            continue
        found = _reported_clause(verb)
        if found is None:
            continue
        i, j = _clause_bounds(*found)
        if j - i < 3 or doc[i].lower_ in _QUESTION_WORDS:
            continue
        lo, hi = min(i, verb.i), max(j, verb.i + 1)
        if "\n" in doc[lo:hi].text:
            continue  # a clause never reaches across paragraphs
        speaker = speaker_of(verb, entities, ranges)
        if speaker is not None and i <= speaker.token.i < j:
            continue  # the "clause" holds its own speaker: a misparse
        # A clause that holds a quoted statement is the direct quote's; a quoted phrase may stay.
        inside = {quoted[t] for t in range(i, j) if quoted[t] != -1}
        if any(sum(1 for t in range(i, j) if quoted[t] == q) > MIN_STATEMENT_WORDS + 1 for q in inside):
            continue
        span: Span = doc[i:j]
        rows.append(_row(doc.text, span.start_char, span.end_char, speaker, False, verb.text))
    return rows


def extract_quotes(doc: Doc, *, entities: EntityIndex) -> list[dict[str, Any]]:
    """Rows of the quotes table: direct quotes, then indirect speech, in text order."""
    passages = find_passages(doc.text)
    indirect = indirect_quotes(doc, entities, passages)
    rows = direct_quotes(doc, entities, passages, indirect) + indirect
    return sorted(rows, key=lambda r: (r["start"], r["end"]))

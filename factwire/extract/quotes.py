"""Direct and indirect quotes with their speakers.

Direct quotes are the passages in quotation marks (quotemarks.py). A passage's speaker comes from
the reporting verb of its sentence ("X said", "said X", "X told Reuters", "X added") that governs
the passage, else the nearest; a quote that is a sentence of its own with no reporting verb keeps the
speaker of the quote before it (news writing names the speaker once per run of quotes), and a
paragraph that reopens a quote left open goes on with it whoever spoke. A speaker described, not
named ("the 41-year-old said"), is the last person named (speaker_descriptions.py); a person's
title is not part of the name (speaker_names.py). A quoted sentence nobody is said to speak is kept
with no speaker. Short quoted phrases count only when a named person or organization is said to use
them; scare quotes and titles have no reporting verb and are left out.

Indirect quotes (reported_speech.py) are the that-clauses of reporting verbs outside quotation
marks ("Musk warned Trump that his businesses could suffer"), kept when a named speaker said them.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc, Token

from factwire.extract.attributions import publication_ids
from factwire.extract.quotemarks import Passage, QuotedDoc
from factwire.extract.reported_speech import MIN_STATEMENT_WORDS, indirect_quotes, quote_row, speaker_name
from factwire.extract.speech import Speaker, entity_of, is_naming_verb, is_speech_verb, negated, speaker_of
from factwire.nlp import doc_tokens
from factwire.resolve import EntityIndex
from factwire.resolve.reference import entity_at
from factwire.resolve.speech_words import AS_NAMING_VERBS, SPEECH_VERBS
from factwire.wordlists import wordlist

_SENTENCE_END = wordlist("extract.quotes", "sentence_end")


def _ends_sentence(qd: QuotedDoc, p: Passage) -> bool:
    """A quote ending with a period inside its marks ends its sentence unless lowercase follows."""
    if p.close_at is None:
        return True
    if qd.text[p.end - 1] != ".":
        return False
    rest = qd.text[p.close_at + 1:p.close_at + 40].lstrip(" \u00a0")
    return not rest[:1].islower()


def _sentence_frame(qd: QuotedDoc, k: int) -> list[Token]:
    """The tokens outside quotation marks of the sentence that holds passage k."""
    doc, mask, p = qd.doc, qd.mask, qd.passages[k]
    at = doc_tokens(doc)  # at[i] is doc[i] without a new Token object each time
    first, end = qd.tokens[k]
    if end <= first:
        return []
    frame: list[Token] = []
    i = first - 1
    while i >= 0 and "\n" not in at[i].text:
        if mask[i] == -1:
            if at[i].text in _SENTENCE_END or len(at[i].text) > 2 and at[i].text.endswith(".") \
                    and at[i + 1].is_sent_start:
                break  # (an abbreviation's period that ends the sentence: "shortly after 4 a.m. "I heard ...")
            frame.append(at[i])
        elif _ends_sentence(qd, qd.passages[mask[i]]):
            break
        i -= 1
    frame.reverse()
    if not _ends_sentence(qd, p):
        i = end
        while i < len(doc) and "\n" not in at[i].text:
            if mask[i] == -1:
                if at[i].text in _SENTENCE_END:
                    break
                frame.append(at[i])
            elif mask[i] != k and _ends_sentence(qd, qd.passages[mask[i]]):
                break
            i += 1
    return frame


def _reporting_verb(qd: QuotedDoc, frame: list[Token], k: int) -> Token | None:
    """The reporting verb of the frame that introduces passage k (its phrase ends right before the
    quote), else the one that governs it (whose phrase holds it most closely), else the nearest."""
    p = qd.passages[k]
    first = qd.tokens[k][0] + 1  # the first word after the opening mark
    at = doc_tokens(qd.doc)

    def introduces(t: Token) -> bool:
        """'when he urged voters, "...": a reporting verb whose phrase ends right before the quote (at
        most a comma or a colon between) introduces it, whatever the parse hung the quote on."""
        if t.pos_ != "VERB" or t.i >= first or t.lemma_.lower() not in SPEECH_VERBS:
            return False
        edge = t.right_edge.i
        gap = at[edge + 1:first - 1]
        return edge < first - 1 and len(gap) <= 1 and all(g.text in {",", ":"} for g in gap)

    def names_as(t: Token) -> bool:
        """'introduced Cook as "someone who ..."', 'views privacy as "a human right"': a verb of naming
        in the active voice whose "as" opens the quotation gives its subject's words (not "a striker
        known as 'the Wall'": a name nobody in particular gave)."""
        return t.pos_ == "VERB" and first >= 2 and at[first - 2].lower_ == "as" and at[first - 2].head.i == t.i \
            and (t.lemma_.lower() in AS_NAMING_VERBS or is_naming_verb(t)) and t.dep_ not in {"acl", "relcl"} \
            and not any(c.dep_ == "auxpass" for c in t.children)

    verbs = [t for t in frame if (is_speech_verb(t) or is_naming_verb(t) or introduces(t)) and not negated(t)] \
        or [t for t in frame if names_as(t) and not negated(t)]  # only where no reporting verb is there
    if not verbs:
        return None

    def rank(t: Token) -> tuple[bool, int, int]:
        governs = t.left_edge.i <= first <= t.right_edge.i
        size = t.right_edge.i - t.left_edge.i if governs else len(qd.doc)
        distance = p.open_at - t.idx if t.idx < p.open_at else t.idx - p.end
        return not introduces(t), size, distance

    return min(verbs, key=rank)


def _colon_lead(qd: QuotedDoc, frame: list[Token], p: Passage) -> Token | None:
    """'Smith put it bluntly: "We lost."': a clause ending in a colon introduces its subject's words."""
    before = [t for t in frame if t.idx < p.open_at]
    if not before or before[-1].text != ":":
        return None
    verb = next((t for t in reversed(before) if t.pos_ == "VERB" and t.dep_ == "ROOT"), None)
    return verb if verb is not None and not negated(verb) and any(
        c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON") for c in verb.children) else None


def _according_to(frame: list[Token]) -> Token | None:
    """The object of an 'according to' in the frame."""
    for tok in frame:
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is not None:
                return obj
    return None


def _is_listener(qd: QuotedDoc, start: int, end: int) -> bool:
    """Whether the words [start, end) name who a reporting verb addresses ("told the Gazette",
    "said to Smith"): a listener is no new speaker."""
    span = qd.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "to":
        head = head.head
    return tok.dep_ in ("dobj", "dative", "pobj") and is_speech_verb(head)


def _someone_else_named(qd: QuotedDoc, entities: EntityIndex, last: dict[str, Any], until: int) -> bool:
    """Whether the text names another person between the last quote and offset `until` (then a
    quote without a reporting verb may be theirs, so it keeps no speaker)."""
    for m in entities.mentions():
        if m.start >= until:
            break
        if m.start >= last["end"] and m.entity_id != last["speaker_id"] and \
                not any(s <= m.start < e for s, e in qd.ranges):
            e = entities.get(m.entity_id)
            if e is not None and e.type == "PERSON" and not _is_listener(qd, m.start, m.end) and \
                    not _named_in_attribution(qd, entities, last["end"], last["speaker_id"], m.start, m.end):
                return True
    return False


_PART_OF_PHRASE = ("compound", "flat", "conj", "appos", "pobj", "prep", "amod", "nmod", "poss", "cc")


def _named_in_attribution(qd: QuotedDoc, entities: EntityIndex, quote_end: int, speaker_id: str | None,
                          start: int, end: int) -> bool:
    """Whether a person named at [start, end) in the attribution clause that closes the last quote is
    no new speaker: someone the speaker talks of or through ('"...," Smith wrote of Jones', '...,
    Smith said, via Jane Roe of the Post'), or a name inside the speaker's own description."""
    between = qd.text[quote_end:start]
    outside = "".join(ch for i, ch in enumerate(between, quote_end)
                      if not any(lo <= i < hi for lo, hi in qd.ranges))
    if any(ch in outside for ch in ".!?\n"):
        return False
    span = qd.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ in _PART_OF_PHRASE and tok.head.i != tok.i and tok.head.pos_ not in ("VERB", "AUX"):
        tok = tok.head  # up to the phrase the verb takes: "Jane Roe, director of research at Acme"
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return True
    subject = entity_at(tok, entities)
    return subject is not None and subject.entity_id == speaker_id  # the speaker's own description


def _is_title(text: str) -> bool:
    """'Star Wars', 'Takin' It To The Streets,': every longer word capitalized and no sentence end: the
    title of a work or a name (American style keeps a list's comma inside the marks)."""
    text = text.rstrip(",")
    words = [w for w in text.split() if len(w) > 3 or w == text.split()[0]]
    return bool(words) and all(w[0].isupper() for w in words) and text[-1:] not in {".", "!", "?", ""}


def _paragraph_of(qd: QuotedDoc, offset: int) -> int:
    return bisect_right([s for s, _ in qd.paragraphs], offset) - 1


def direct_quotes(qd: QuotedDoc, entities: EntityIndex,
                  indirect: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Rows for the passages in quotation marks that someone is said to speak or write.

    `indirect` (the article's reported speech) lets a quote with no reporting verb of its own
    keep the speaker of the quote just before it, direct or not."""
    rows: list[dict[str, Any]] = []
    earlier = indirect or []
    for k, p in enumerate(qd.passages):
        text = qd.text[p.start:p.end]
        frame = _sentence_frame(qd, k)
        verb = _reporting_verb(qd, frame, k)
        if verb is not None and _is_title(text) and not is_naming_verb(verb):
            continue  # a quoted name ('Star Wars') in a reported sentence is no quote
        if verb is None and _is_title(text):
            continue  # titles of songs, films or books listed in quotation marks are nobody's words
        if verb is None:
            verb = _colon_lead(qd, frame, p)
        if verb is None and (source := _according_to(frame)) is not None:
            # "'We will appeal,' according to Smith": the source is the speaker.
            speaker = Speaker(source, entity_of(source, entities, qd.ranges))
            if speaker_name(speaker) is not None:
                rows.append(quote_row(qd.text, p.start, p.end, speaker, True, "according to"))
            elif qd.words(k) >= MIN_STATEMENT_WORDS:  # "according to the man, ...": whose is not clear
                rows.append(quote_row(qd.text, p.start, p.end, None, True, "according to"))
            continue
        if verb is None and p.continues and rows and rows[-1]["start"] == qd.passages[k - 1].start:
            # The marks say it: a paragraph reopening a quote left open goes on with the same
            # quote, whoever said it (even a speaker nobody could name).
            rows.append({**quote_row(qd.text, p.start, p.end, None, True, None), "speaker": rows[-1]["speaker"],
                         "speaker_id": rows[-1]["speaker_id"], "speaker_text": rows[-1]["speaker_text"]})
            continue
        if verb is None:
            # A quote standing as its own sentence right after another quote: same speaker.
            opens_sentence = not any(t.idx < p.open_at for t in frame)
            last = max((r for r in rows + earlier if r["start"] < p.open_at), key=lambda r: r["start"],
                       default=None)
            if not (p.continues or opens_sentence) or last is None or last["speaker"] is None or \
                    _paragraph_of(qd, last["start"]) < p.paragraph - 1 or \
                    _someone_else_named(qd, entities, last, p.open_at):
                if qd.words(k) >= MIN_STATEMENT_WORDS and text[-1] in ".!?":
                    # A whole sentence in quotation marks is somebody's words even when the text
                    # does not say whose ("in the words of the patient: ..."): keep it, with no
                    # speaker, rather than lose it.
                    rows.append(quote_row(qd.text, p.start, p.end, None, True, None))
                continue
            rows.append({**quote_row(qd.text, p.start, p.end, None, True, None), "speaker": last["speaker"],
                         "speaker_id": last["speaker_id"], "speaker_text": last["speaker_text"]})
            continue
        speaker = speaker_of(verb, entities, qd.ranges, descriptions=True)
        named = speaker_name(speaker) is not None
        if not named and verb.dep_ == "ccomp" and is_speech_verb(verb.head) and not negated(verb.head):
            # "Deshmane said the figures disclosed 'a systemic failure ...'": words quoted in a clause another
            # speaker reports, whose own subject names nobody, are that speaker's
            outer = speaker_of(verb.head, entities, qd.ranges, descriptions=True)
            if speaker_name(outer) is not None:
                speaker, verb, named = outer, verb.head, True
        if not named and (len(text.split()) < MIN_STATEMENT_WORDS or _is_title(text)):
            continue  # a phrase or a name nobody named is said to use: scare quotes, titles
        rows.append(quote_row(qd.text, p.start, p.end, speaker, True, verb.text))
    return rows


def extract_quotes(doc: Doc, *, entities: EntityIndex, quoted: QuotedDoc | None = None,
                   publications: set[str] | None = None) -> list[dict[str, Any]]:
    """Rows of the quotes table: direct quotes and indirect speech, in text order (`publications`:
    publication_ids when the caller has them already)."""
    qd = quoted or QuotedDoc.of(doc)
    if publications is None:
        publications = publication_ids(doc, entities, qd.mask)
    indirect = indirect_quotes(qd, entities, publications=publications)
    # reported speech is kept as a quote only with a named speaker: "some reports suggest ...",
    # "critics claimed that ..." are the article's unnamed sourcing, not anybody's words
    rows = direct_quotes(qd, entities, indirect) + [r for r in indirect if r["speaker"] is not None]
    return sorted(rows, key=lambda r: (r["start"], r["end"]))

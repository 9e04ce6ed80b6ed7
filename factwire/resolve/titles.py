"""Finding job titles next to names: "Blue Origin CEO", "the chief executive of", "Press Secretary"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from factwire.nlp import FINITE_VERB_TAGS, span_text
from factwire.resolve.components import COINED, title_spans
from factwire.resolve.lexicon import TITLE_MODIFIERS, TITLE_QUALIFIERS, titles


@dataclass(frozen=True)
class Title:
    """A title phrase found in the text: token bounds, normalized title and the words as written."""

    start: int  # first token, qualifiers included ("former")
    end: int  # token after the title
    title: str  # normalized: "CEO", "senior director", "President"
    text: str  # as written: "former chief executive"
    capitalized: bool  # written as a formal title ("Press Secretary"), not as a common noun
    core_start: int = -1  # first token of the title proper, after qualifiers
    written: str = ""  # the title proper as written, qualifiers left out: "chief executive", "Gov."


_SPACED_PERIOD = re.compile(r"\s+\.")
_SPACED_HYPHEN = re.compile(r"\s*-\s*")


def _phrase(doc: Doc, i: int, j: int) -> str:
    """Lower-case text of tokens i..j with hyphens closed up ("co - founder" -> "co-founder") and an
    abbreviation's period joined to it ("Supt ." -> "supt.", which the tokenizer may split)."""
    return _SPACED_PERIOD.sub(".", _SPACED_HYPHEN.sub("-", span_text(doc, i, j).lower()))


def _singular(phrase: str) -> str:
    """'professors' -> 'professor', 'attorneys general' stays as is if not in the lexicon."""
    if phrase.endswith("s") and phrase[:-1] in titles():
        return phrase[:-1]
    return phrase


def _normalize(doc: Doc, start: int, core_start: int, end: int, head: str) -> Title:
    """Build a Title from token bounds; the core (modifiers + lexicon phrase) gives the title."""
    norm = titles().get(head, head)
    core = _phrase(doc, core_start, end)
    core = _singular(core) if core.endswith("s") and _singular(core) != core else core
    if norm != head:  # an acronym or respelling: keep modifiers ("deputy CEO")
        core = core[: len(core) - len(head)].rstrip() if core.endswith(head) else ""
        core = f"{core}{norm}" if core.endswith("-") else f"{core} {norm}".strip()  # "co-CEO"
    capitalized = all(t.text[:1].isupper() for t in doc[core_start:end] if t.is_alpha and t.lower_ != "of")
    title = core.title().replace(" Of ", " of ") if capitalized and norm == head else core
    return Title(start, end, title, doc[start:end].text, capitalized, core_start, doc[core_start:end].text)


def _extend_left(doc: Doc, i: int, floor: int) -> tuple[int, int]:
    """Extend a title start over modifiers (kept in the title) and qualifiers (kept in the text)."""
    core = i
    while core - 1 >= floor and doc[core - 1].lower_ in TITLE_MODIFIERS and doc[core - 1].lower_ != "general":
        core -= 1
    if core - 2 >= floor and doc[core - 1].text == "-" and doc[core - 2].lower_ == "co":
        core -= 2  # "co-CEO", split by the tokenizer: the shared post is the title
    start = core
    while start - 1 >= floor and (doc[start - 1].lower_ in TITLE_QUALIFIERS or doc[start - 1].text == "-"):
        start -= 1
    return start, core


@lru_cache(maxsize=8)
def _title_index(doc: Doc) -> tuple[dict[int, list[int]], dict[int, list[int]], frozenset[tuple[int, int]]]:
    """The Doc's title phrases (from the factwire_titles component) by first and by end token, and the
    bounds of those a company coins ("Chief Events Officer"); a lexicon word the tagger reads as a finite
    verb is no title ("who heads Acme's unit", "she chairs the panel")."""
    by_start: dict[int, list[int]] = {}
    by_end: dict[int, list[int]] = {}
    coined = set()
    for span in title_spans(doc):
        if span[-1].tag_ in FINITE_VERB_TAGS:
            continue
        by_start.setdefault(span.start, []).append(span.end)
        by_end.setdefault(span.end, []).append(span.start)
        if span.label_ == COINED:
            coined.add((span.start, span.end))
    return by_start, by_end, frozenset(coined)


def _lexicon_phrase(doc: Doc, i: int, j: int) -> str | None:
    """The lexicon entry tokens i..j spell ("Supt" -> "supt.", "professors" -> "professor"), or the post of
    a chief officer a company coined there ("chief events officer", components._officer_matcher)."""
    head = _singular(_phrase(doc, i, j))
    if head in titles() or (i, j) in _title_index(doc)[2]:
        return head
    return head + "." if head + "." in titles() else None


def _longest_from(doc: Doc, i: int, limit: int) -> tuple[int, str] | None:
    """The longest lexicon title starting at token i: (end token, lexicon phrase)."""
    for j in sorted(_title_index(doc)[0].get(i, []), reverse=True):
        if j <= limit and (head := _lexicon_phrase(doc, i, j)) is not None:
            return j, head
    return None


def title_before(doc: Doc, end: int, floor: int = 0) -> Title | None:
    """The title phrase that ends right before token `end` ("... Chief of Staff | Susie Wiles")."""
    if end <= floor or end > len(doc):
        return None
    for i in sorted(_title_index(doc)[1].get(end, [])):
        if i >= max(floor, end - 7) and (head := _lexicon_phrase(doc, i, end)) is not None:
            start, core = _extend_left(doc, i, floor)
            return _normalize(doc, start, core, end, head)
    return None


def title_after(doc: Doc, start: int, limit: int | None = None) -> Title | None:
    """The longest title phrase that starts at token `start` ("executive director | of ...")."""
    limit = len(doc) if limit is None else min(limit, len(doc))
    core = start
    while core < limit and doc[core].lower_ in TITLE_QUALIFIERS:
        core += 1
    i = core
    while i < limit:
        found = _longest_from(doc, i, limit)
        if found:
            return _normalize(doc, start, core, found[0], found[1])
        if doc[i].lower_ not in TITLE_MODIFIERS:
            return None
        i += 1
    return None

"""Datelines and wire credits: "COLUMBUS, Ohio (AP) —", "LIMA, March 15 (Reuters) -", "(CNN)" at a
paragraph's start name where and by whom a story was filed; they are no part of the sentence after them."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from factwire.resolve import gazetteer
from factwire.resolve.lexicon import country_name
from factwire.wordlists import wordlist

DASHES = wordlist("resolve.datelines", "dashes")  # the dashes that set off a dateline or an aside


def opens_paragraph(doc: Doc, i: int) -> bool:
    """Whether token i is the first of the text or of a paragraph."""
    return i == 0 or "\n" in doc[i - 1].text_with_ws


def _verbless(doc: Doc, i: int, j: int) -> bool:
    """Whether tokens i..j hold no verb: a place and a date, not "NASA said the five companies — ..."."""
    return not any(doc[k].tag_.startswith("VB") or doc[k].tag_ == "MD" for k in range(i, j))


def dateline_end(tok: Token) -> int | None:
    """Where the dateline or wire credit that `tok` heads ends, if it heads one: "(CNN)" in brackets,
    "COLUMBUS, Ohio —" in capitals at a paragraph's start (a hyphen after a wire credit's bracket:
    "(Reuters) -"; a colon after the place: "BENGALURU:"); else None. The parser often makes such a credit
    the subject of the first sentence and hangs the real subject on it."""
    doc = tok.doc
    i = tok.i
    if 0 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")":
        return i + 2
    if tok.is_title and opens_paragraph(doc, i) and not tok.text.isupper():
        # "Cognac, France (AFP) -", "Sydney (AFP) -": AFP's style writes the place in title case, then its credit
        dash = next((k for k in range(i + 2, min(len(doc), i + 10)) if doc[k - 1].text == ")"
                     and (doc[k].text in DASHES or doc[k].text == "-")), None)
        bracket = next((k for k in range(i + 1, dash) if doc[k].text == "("), None) if dash is not None else None
        if bracket is not None and all(doc[k].is_title or doc[k].text == "," for k in range(i, bracket)):
            return dash + 1  # (a place's words and commas before the credit, not "Shares of Acme (ACME) -")
    if tok.text.isupper() and len(tok.text) > 2 and opens_paragraph(doc, i):
        dash = next((k for k in range(i + 1, min(len(doc), i + 12)) if doc[k].text in DASHES
                     or (doc[k].text == "-" and doc[k - 1].text == ")")), None)
        # a place and a date, no verb: "NASA said the five companies — ..." opens a sentence, no dateline
        # (read from the tags: the pipeline also asks before the parser, when parts of speech are unset)
        if dash is not None and _verbless(doc, i + 1, dash):
            return dash + 1
        # "BENGALURU:", "KUALA LUMPUR:": the South Asian and Malaysian press set the place off with a colon
        k = i
        while k + 1 < len(doc) and k - i < 2 and doc[k + 1].text.isupper() and doc[k + 1].is_alpha:
            k += 1
        if k + 1 < len(doc) and doc[k + 1].text == ":":
            return k + 2
    return None


def dateline_place(text: str) -> tuple[str, ...]:
    """The place a dateline opening the text names, and its country or state where written after a comma
    ("JAKARTA, Indonesia (AP) —" -> ("Jakarta", "Indonesia"), "TORONTO —" -> ("Toronto",)); () where none
    opens it. Read from the text, for rules that run before any Doc is made."""
    m = _DATELINE.match(text)
    if m is None:
        return ()
    return (m.group("place").title(),) + ((m.group("region"),) if m.group("region") else ())


def dateline_country(text: str) -> str | None:
    """The ISO 3166 code of the country a dateline opening the text files the story from ("JAKARTA, Indonesia
    (AP) —" -> "ID", "TORONTO —" -> "CA"), by the last of its names that is a country, a country's short form,
    or a city or region of one; else None."""
    for name in reversed(dateline_place(text)):
        code = gazetteer.country_code(country_name(name) or name) or gazetteer.country_of_place(name)
        if code is not None:
            return code
    return None


# the place in capitals, maybe its country or state after a comma, maybe a credit in brackets, then a dash (a
# hyphen after the credit's bracket: "(Reuters) -"), or a colon as South Asian papers write it ("BENGALURU:")
_DASH = "|".join(map(re.escape, DASHES))
_DATELINE = re.compile(r"\A\s*(?P<place>[A-Z][A-Z .'-]+[A-Z])(?:,\s*(?P<region>[A-Z][\w. ]+?))?\s*"
                       rf"(?:\([^)]*\)\s*(?:-|{_DASH})|(?:{_DASH})|:(?=\s))")


@lru_cache(maxsize=4)  # read by several rules per article; a Doc is hashed by identity and never changed
def wire_credits(doc: Doc) -> frozenset[int]:
    """Character offsets of the wire credits in brackets that datelines give: "Mo. (AP) —", "(Reuters) -",
    "(CNN)" opening a paragraph; not an acronym declared in brackets ("the Securities and Exchange
    Commission (SEC) said"). Computed once per Doc (the last few Docs' answers are kept)."""
    at = list(doc[:42])  # a dateline opens the article
    out = set()
    for i in range(1, min(len(at) - 2, 40)):
        if at[i - 1].text != "(" or at[i + 1].text != ")" or dateline_end(at[i]) is None:
            continue
        opens = i == 1 or "\n" in at[i - 2].text
        if opens or at[i + 2].text in DASHES or at[i + 2].text == "-":
            out.add(at[i].idx)
    return frozenset(out)

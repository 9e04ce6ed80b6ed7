"""Text normalization and removal of numeric citation markers.

News copy pasted from chat assistants and some wire services carries citation markers glued to
the word they support ("the Journal reported12."). They are parsed into `Citation` records and
removed; real numbers written against a word are left alone (F-35, Boeing 737, COVID-19, Q3, 3M,
MP3, 4.5%, Windows 11).

The marker rule, from how such markers are written:
- 1 to 3 digits glued, with no space, to the end of a word of three or more letters that ends in
  two lowercase ones ("reported12", "Journal1"; not units such as "km2"), or to a closing
  quotation mark or parenthesis after a word ("value\"3"); all-capital words and single letters
  (MP3, Q3, G7) are model names, not anchors; nor is a capitalized word whose digits run on into a
  lower-case word ("Web3 startups", "Python3 code");
- followed by the end of the text, white space, or sentence punctuation;
- each digit is one reference ("123" -> [1, 2, 3]) unless a zero makes that impossible
  ("10" -> [10]).
"""

from __future__ import annotations

import re
import unicodedata

from factwire.models import Article, Citation, RawArticle

# Characters that are dropped: soft hyphen, zero-width space/joiners, BOM.
_DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
# Characters that become a plain space (no-break and other typographic spaces, tabs).
_SPACE = {"\u00a0", "\u2007", "\u202f", "\t", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004",
          "\u2005", "\u2006", "\u2008", "\u2009", "\u200a", "\u3000", "\x0b", "\x0c"}

_CLOSERS = "\"'\u201d\u2019)\u00bb"
_MARKER = re.compile(
    r"(?P<anchor>(?:\b[A-Za-z][A-Za-z'\u2019-]*[a-z]{2}|[A-Za-z.!?,]+[" + _CLOSERS + r"]+))"
    r"(?P<digits>[0-9]{1,3})"
    r"(?=$|[\s.,;:!?)\]" + _CLOSERS + r"])"
)
# A capitalized word + digits that a lower-case word follows is a name ("Web3 startups"); a marker
# ends its clause or sentence, or is followed by a lower-case word only after a common word.
_NAME_GOES_ON = re.compile(r" [a-z]")
# Camel-case product names (iPhone15, PlayStation5) carry a model number, not a citation.
_CAMEL = re.compile(r"[a-z][A-Z]")


def parse_refs(digits: str) -> list[int]:
    """Split a marker's digits into reference numbers ("12" -> [1, 2], "10" -> [10])."""
    if "0" in digits:
        return [int(digits)]
    return [int(d) for d in digits]


def normalize(text: str) -> tuple[str, list[int]]:
    """Normalize unicode and white space; return the text and, per output char, its input index.

    Paragraphs stay separated by one blank line, other runs of white space become one space.
    """
    out: list[str] = []
    origin: list[int] = []
    pending_space: int | None = None
    newlines = 0
    for i, ch in enumerate(text):
        if ch == "\r":
            if text[i + 1:i + 2] == "\n":
                continue  # CRLF counts once, at its LF
            ch = "\n"
        if ch in _DROP or (unicodedata.category(ch) == "Cc" and ch not in "\n"):
            if ch not in "\t\x0b\x0c":
                continue
        if ch == "\n":
            newlines += 1
            pending_space = i if pending_space is None else pending_space
            continue
        if ch in _SPACE or ch == " " or ch.isspace():
            pending_space = i if pending_space is None else pending_space
            continue
        if pending_space is not None and out:
            sep = "\n\n" if newlines >= 2 else ("\n" if newlines == 1 else " ")
            for s in sep:
                out.append(s)
                origin.append(pending_space)
        pending_space, newlines = None, 0
        out.append(ch)
        origin.append(i)
    return "".join(out), origin


def strip_citations(text: str) -> tuple[str, list[tuple[str, list[int], int, int, int]]]:
    """Remove citation markers; return the text and (anchor, refs, start, end, new_offset) tuples."""
    found = []
    pieces: list[str] = []
    last = 0
    removed = 0
    for m in _MARKER.finditer(text):
        anchor = m.group("anchor")
        word = anchor.rstrip(_CLOSERS)
        if _CAMEL.search(word) or (word.isupper() and len(word) > 1 and not anchor.endswith(tuple(_CLOSERS))):
            continue
        if word[:1].isupper() and _NAME_GOES_ON.match(text, m.end()):
            continue  # "Web3 startups", "Python3 code": a name with a number, used as a modifier
        start, end = m.start("digits"), m.end("digits")
        pieces.append(text[last:start])
        last = end
        found.append((anchor, parse_refs(m.group("digits")), start, end, start - removed))
        removed += end - start
    pieces.append(text[last:])
    return "".join(pieces), found


def clean_article(raw: RawArticle) -> Article:
    """Normalize a raw article's body and pull its citation markers into records."""
    nfc = unicodedata.normalize("NFC", raw.body)
    text, origin = normalize(nfc)
    clean, found = strip_citations(text)
    citations = [
        Citation(anchor=a, refs=refs, raw_start=origin[s], raw_end=origin[e - 1] + 1, clean_offset=off)
        for a, refs, s, e, off in found
    ]
    return Article(raw=raw, clean_text=clean.strip(), citations=citations)

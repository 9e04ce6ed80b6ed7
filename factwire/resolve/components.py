"""spaCy components of the document model, registered with `@Language.factory` and added to the
pipeline once by `factwire.nlp.load_nlp`.

`factwire_titles`: a PhraseMatcher over the titles lexicon (factwire/data/titles.tsv, singular and
plural, case-insensitive) that stores every title phrase of the text in `doc.spans["titles"]`. The
title rules (resolve/titles.py) read these spans instead of trying every window of tokens.
`keep_title_abbreviations` gives a tokenizer the lexicon's abbreviated titles as words of their own.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from factwire.resolve.datelines import DASHES, dateline_end
from factwire.resolve.lexicon import HONORIFICS, titles
from factwire.wordlists import wordlist

TITLES_KEY = "titles"
COINED = "COINED"  # the label of a title span no lexicon entry spells ("Chief Events Officer")
_SENTENCE_OPENERS = wordlist("resolve.components", "sentence_openers")
_WHOLE_WORDS = wordlist("resolve.components", "whole_words")


def _title_patterns(phrase: str) -> list[str]:
    """A lexicon phrase, its plural, an abbreviation without its period ("supt." -> "supt"), each also
    capitalized: the tokenizer keeps "Gov." whole but may split "gov.", so both spellings are patterns."""
    forms = {phrase, phrase + "s"}
    if phrase.endswith("."):
        forms.add(phrase[:-1])
    return sorted({v for f in forms for v in (f, f.capitalize(), f.title(), f.upper())})


def keep_title_abbreviations(tokenizer: Tokenizer) -> None:
    """'Cmdr. Sean Park', 'Sgt. Jo Ruiz', 'Engr. Yusuf Bello': an abbreviated title of the lexicon or form of
    address, capitalized before a name, is one word with its period and ends no sentence (the English
    tokenizer already keeps "Gov." and "Dr." so, but splits "Cmdr", "Sgt", "Engr" from their periods)."""
    for phrase in (*titles(), *HONORIFICS):
        for word in phrase.split():
            form = word[:1].upper() + word[1:]
            if len(word) > 2 and word.endswith(".") and word[:-1].isalpha() and len(tokenizer(form)) > 1:
                tokenizer.add_special_case(form, [{ORTH: form}])


def keep_whole_words(tokenizer: Tokenizer) -> None:
    """'the co-op's chief executive': a word written with a hyphen that is one word (whole_words) stays
    one token, as it is one noun ("co", "-", "op" name nothing)."""
    for word in _WHOLE_WORDS:
        for form in {word, word.capitalize(), word.upper()}:
            tokenizer.add_special_case(form, [{ORTH: form}])


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> PhraseMatcher:
    """One PhraseMatcher of the titles lexicon per vocabulary (built once per process)."""
    from spacy.lang.en import English

    tokenizer = English(vocab=vocab).tokenizer  # the English tokenizer, whatever pipeline the Doc came from
    keep_title_abbreviations(tokenizer)  # as factwire.nlp.load_nlp's
    keep_whole_words(tokenizer)
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("TITLE", [tokenizer(form) for phrase in titles() for form in _title_patterns(phrase)])
    return matcher


@lru_cache(maxsize=4)
def _officer_matcher(vocab: Vocab) -> Matcher:
    """'Chief Events Officer', 'chief sustainability officer': "chief", the field, "officer" is an
    executive's post whatever the field, as companies coin them (the lexicon lists the common ones)."""
    matcher = Matcher(vocab)
    matcher.add(COINED, [[{"LOWER": "chief"}, {"IS_ALPHA": True, "IS_ASCII": True,
                                               "LOWER": {"NOT_IN": ["chief", "officer"]}, "OP": "{1,3}"},
                          {"LOWER": "officer"}]])
    return matcher


def _title_matches(doc: Doc) -> list[Span]:
    """The lexicon's title phrases and the coined posts of chief officers in the Doc, these labelled `COINED`
    (no lexicon entry spells them)."""
    listed = {(s, e) for _, s, e in _matcher(doc.vocab)(doc)}
    coined = {(s, e) for _, s, e in _officer_matcher(doc.vocab)(doc)} - listed
    return [Span(doc, s, e, label=COINED) if (s, e) in coined else doc[s:e] for s, e in sorted(listed | coined)]


def title_spans(doc: Doc) -> list[Span]:
    """Every title phrase of the Doc (overlapping ones included): the component's spans when the Doc
    went through the pipeline, else the same matchers run now (Docs built by hand in tests)."""
    if TITLES_KEY in doc.spans:
        return list(doc.spans[TITLES_KEY])
    return _title_matches(doc)


class TitleMatcher:
    """Marks the titles lexicon's phrases and coined chief officers' posts in `doc.spans["titles"]`."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[TITLES_KEY] = _title_matches(doc)
        return doc


@Language.factory("factwire_titles")
def make_title_matcher(nlp: Language, name: str) -> TitleMatcher:
    """The titles lexicon as a pipeline component."""
    return TitleMatcher()


def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence, and so does a dateline: a headline or a list line never runs on
    into the next line, and "JEFFERSON CITY, Mo. (AP) —" is no part of the sentence after it (the
    parser made "Missouri Gov. Tom Ridenour" an apposition of the city and left "named" without a
    subject). Set before the parser, which keeps the boundaries it is given."""
    if not len(doc):
        return doc
    starts, prev = [0], None
    for tok in doc:  # (one Token object per token: `doc[i - 1]` would make a second)
        if prev is not None and prev.is_space and "\n" in prev.text and not tok.is_space:
            starts.append(tok.i)
        prev = tok
    for tok in doc:  # "... shortly after 10 p.m. In a phone interview, he said": the period of an abbreviation
        # ends the sentence too when a function word with a capital follows it, or a quotation opens ("shortly
        # after 4 a.m. "I heard a cracking sound," said ...")
        opens_quote = tok.text in {'"', "\u201c"} and tok.i + 1 < len(doc) and doc[tok.i + 1].is_title
        if tok.i > 1 and (tok.is_title and tok.lower_ in _SENTENCE_OPENERS or opens_quote):
            before = doc[tok.i - 1]
            if len(before.text) > 2 and before.text.endswith(".") and before.whitespace_:
                starts.append(tok.i)
    for i in starts:
        if i:
            doc[i].is_sent_start = True
        head = doc[i + 1] if doc[i].text == "(" and i + 1 < len(doc) else doc[i]  # "(CNN) —"
        end = dateline_end(head)
        while end is not None and end < len(doc) and (doc[end].is_space or doc[end].text in DASHES):
            end += 1
        if end is not None and end < len(doc):
            doc[end].is_sent_start = True
            if end + 1 < len(doc) and doc[end].is_alpha and doc[end + 1].is_alpha:
                doc[end + 1].is_sent_start = False  # the body's first word runs on into its sentence: no
                # one-word sentence after "TORONTO —" ("Tamarack | Bank of Canada tripled ...")
    return doc


def whole_word_tags(doc: Doc) -> Doc:
    """A whole word the tagger has never seen ("co-op") is a common noun, as its spelling says, not the
    proper noun the model guesses: tagged NN (NNS in the plural) before the attribute rules read tags."""
    for tok in doc:
        if tok.lower_ in _WHOLE_WORDS:
            tok.tag_ = "NNS" if tok.lower_.endswith("s") else "NN"
    return doc


@Language.factory("factwire_whole_words")
def make_whole_word_tags(nlp: Language, name: str):
    """The whole words' tags, as a pipeline component placed after the tagger."""
    return whole_word_tags


@Language.factory("factwire_paragraphs")
def make_paragraph_breaks(nlp: Language, name: str):
    """Sentence starts at line breaks, as a pipeline component placed before the parser."""
    return paragraph_breaks

"""factwire's registered spaCy components (blank English pipelines: no model needed)."""

from __future__ import annotations

import spacy

from factwire.resolve.components import keep_title_abbreviations, title_spans
from factwire.resolve.titles import title_after, title_before


def test_the_titles_component_marks_lexicon_phrases_singular_and_plural():
    nlp = spacy.blank("en")
    nlp.add_pipe("factwire_titles")
    doc = nlp("Press Secretary Ana Ruiz met two chief executives and Gov. Bo Lane.")
    found = {s.text for s in doc.spans["titles"]}
    assert {"Press Secretary", "chief executives", "Gov."} <= found
    assert "Ana Ruiz" not in found


def test_title_rules_read_the_component_or_run_the_same_matcher():
    doc = spacy.blank("en")("The talks were led by Deputy Chief of Staff Ana Ruiz.")
    assert "Chief of Staff" in {s.text for s in title_spans(doc)}
    t = title_before(doc, 9)  # ... Staff | Ana
    assert t is not None and t.written == "Deputy Chief of Staff"
    assert title_after(doc, 5).title == "Deputy Chief of Staff"


def test_an_abbreviated_title_is_one_word_with_its_period_and_still_a_title():
    nlp = spacy.blank("en")
    assert [t.text for t in nlp("Cmdr. Sean Park")][:2] == ["Cmdr", "."]  # the English tokenizer splits it
    keep_title_abbreviations(nlp.tokenizer)
    nlp.add_pipe("factwire_titles")
    doc = nlp("Cmdr. Sean Park met Sgt. Jo Ruiz and Lt. Col. Ana Cole. He was a sgt. once.")
    assert {"Cmdr.", "Sgt.", "Lt.", "Col."} <= {t.text for t in doc}
    assert {"Cmdr.", "Sgt.", "Lt. Col."} <= {s.text for s in doc.spans["titles"]}
    assert "Gov." in {t.text for t in nlp("Gov. Bo Lane")}  # kept whole as before


def test_paragraph_breaks_on_a_blank_pipeline():
    import spacy

    from factwire.resolve.components import paragraph_breaks

    doc = paragraph_breaks(spacy.blank("en")("One line\nTwo lines\n\nThree"))
    assert [t.text for t in doc if t.is_sent_start] == ["One", "Two", "Three"]
    assert len(paragraph_breaks(spacy.blank("en")(""))) == 0


def test_a_doc_remembers_the_text_it_was_made_from_and_ignores_one_that_does_not_fit():
    import spacy

    from factwire.nlp import doc_text, remember_text

    text = "Acme Corp said on Monday that it would hire 40 people.\n\nThe plant opens in May."
    doc = spacy.blank("en")(text)
    remember_text(doc, "x" * len(text))  # the right length, but not the Doc's words: ignored
    assert doc_text(doc) == doc.text == text
    other = spacy.blank("en")(text)
    remember_text(other, text)
    assert doc_text(other) is text  # handed over, not joined from the tokens again
    short = spacy.blank("en")(text)
    remember_text(short, text[:-1])  # a text the Doc's last token does not end: ignored
    assert doc_text(short) == text


def test_reading_a_small_doc_between_keeps_the_articles_views():
    import spacy

    from factwire.nlp import doc_text, doc_tokens, remember_text

    nlp = spacy.blank("en")
    text = "Acme Corp said on Monday that it would hire 40 people."
    article = nlp(text)
    remember_text(article, text)
    tokens = doc_tokens(article)
    doc_tokens(nlp("Chief Executive"))  # a rule's own phrase, read in between
    assert doc_tokens(article) is tokens and doc_text(article) is text

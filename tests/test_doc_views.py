"""The per-Doc views the extractors share (factwire.nlp; a blank pipeline, no model needed)."""

from __future__ import annotations

import spacy

from factwire.nlp import doc_text, doc_tokens, known_text


def test_the_text_a_doc_was_made_from_is_taken_and_another_is_not():
    nlp = spacy.blank("en")
    text = "Acme hired Jo Park.\n\nShe starts Monday. "
    doc = nlp(text)
    known_text(doc, text)
    assert doc_text(doc) == text == doc.text
    other = nlp("Acme fired Jo Park.")
    known_text(other, "Acme hired Jo Park.")  # same length, other words: not taken
    assert doc_text(other) == "Acme fired Jo Park."
    shorter = nlp("Acme hired Jo Park.")
    known_text(shorter, "Acme hired Jo Park")
    assert doc_text(shorter) == "Acme hired Jo Park."


def test_tokens_are_the_docs_in_order_and_follow_the_doc_asked_about():
    nlp = spacy.blank("en")
    a, b = nlp("one two three"), nlp("four five")
    assert [t.text for t in doc_tokens(a)] == ["one", "two", "three"]
    assert [t.text for t in doc_tokens(b)] == ["four", "five"]
    assert doc_tokens(a)[2].i == 2 and doc_text(a) == "one two three"

"""The model's attribute rules tested on arrays (factwire/attribute_rules.py): the same annotations as the
model's own attribute_ruler, on the model and on hand-built rulers of every pattern form it reads."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from factwire.attribute_rules import ArrayAttributeRuler, readable

_ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]

SENTENCES = [
    "Ms. Ruiz said she's gonna sue the city, and y'all ain't gonna stop her.",
    "There are 12 reasons, let's say, why the council's  budget  failed.\n\nIt was over.",
    "C'mon, the mayor told reporters on Tuesday; he'd gotta decide by 5 p.m. \u2014 or else.",
    "",
]


def test_the_pipeline_applies_the_models_rules_through_the_array_component(nlp):
    assert "factwire_attribute_rules" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    assert nlp.pipe_names.index("factwire_attribute_rules") < nlp.pipe_names.index("lemmatizer")


@pytest.mark.parametrize("text", SENTENCES)
def test_docs_come_out_identical_to_the_models_own_ruler(nlp, text):
    ours = nlp.get_pipe("factwire_attribute_rules")
    model_ruler = ours.ruler
    parsed = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "factwire_attribute_rules":
            break
        parsed = proc(parsed)
    by_array = ours(parsed.copy())
    by_matcher = model_ruler(parsed.copy())
    assert ours.matches(parsed) == model_ruler.match(parsed)
    assert np.array_equal(by_array.to_array(_ATTRS), by_matcher.to_array(_ATTRS))
    assert [str(t.morph) for t in by_array] == [str(t.morph) for t in by_matcher]
    assert all(t.pos_ for t in by_array)  # the rules ran: every token has its part of speech


def _ruler(patterns: list[dict]) -> tuple[spacy.Language, AttributeRuler]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_every_pattern_form_matches_as_spacys_matcher_does():
    nlp, ruler = _ruler([
        {"patterns": [[{"LOWER": "the"}]], "attrs": {"POS": "DET"}},
        {"patterns": [[{"LOWER": {"IN": ["cat", "dog"]}}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"LOWER": {"NOT_IN": ["the", "cat", "dog", "."]}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"LOWER": {"REGEX": "^sa"}}]], "attrs": {"POS": "VERB", "LEMMA": "say"}},
        {"patterns": [[{"LOWER": "the"}, {"LOWER": "dog"}]], "attrs": {"LEMMA": "hound"}, "index": 1},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
        {"patterns": [[{}], [{"LOWER": "cat"}]], "attrs": {"MORPH": "Number=Sing"}},
    ])
    doc = nlp.make_doc("the dog  said the cat sat .")
    ours = ArrayAttributeRuler(ruler)
    assert ours.matches(doc) == ruler.match(doc)
    annotated = ours(nlp.make_doc(doc.text))
    by_matcher = ruler(nlp.make_doc(doc.text))
    assert [t.pos_ for t in annotated] == ["DET", "NOUN", "SPACE", "VERB", "DET", "NOUN", "VERB", ""]
    assert [t.pos_ for t in by_matcher] == [t.pos_ for t in annotated]
    assert [t.lemma_ for t in by_matcher] == [t.lemma_ for t in annotated]
    assert [str(t.morph) for t in by_matcher] == [str(t.morph) for t in annotated]
    assert annotated[1].lemma_ == "hound" and annotated[3].lemma_ == "say"


def test_a_later_rule_wins_as_in_the_ruler():
    nlp, ruler = _ruler([
        {"patterns": [[{"LOWER": "bank"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"LOWER": "bank"}]], "attrs": {"POS": "VERB"}},
    ])
    annotated = ArrayAttributeRuler(ruler)(nlp.make_doc("bank"))
    assert annotated[0].pos_ == "VERB" == ruler(nlp.make_doc("bank"))[0].pos_


def test_a_ruler_with_operators_it_cannot_read_is_refused():
    _, ruler = _ruler([{"patterns": [[{"LOWER": "very", "OP": "+"}, {"LOWER": "good"}]], "attrs": {"POS": "ADV"}}])
    assert not readable(ruler)
    with pytest.raises(ValueError, match="cannot read"):
        ArrayAttributeRuler(ruler)

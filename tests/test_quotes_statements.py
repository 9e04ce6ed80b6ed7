"""Quotes of statements and documents, runs of quotes, and speakers' names, on sentences written
for these tests."""

from __future__ import annotations

import pytest

from factwire.extract.quotes import extract_quotes
from factwire.extract.speaker_names import could_be_person, without_affiliation
from factwire.resolve import Entity, EntityIndex, Mention
from tests.index_builder import build_index, extractor_runner

NAMES = {
    "Brightwater Foods": ("ORG", ["Brightwater Foods", "Brightwater"]),
    "Kestrel Analytics": ("ORG", ["Kestrel Analytics"]),
    "Mara Lindqvist": ("PERSON", ["Mara Lindqvist", "Lindqvist"]),
    "Tomas Reyes": ("PERSON", ["Tomas Reyes", "Reyes"]),
    "Gull Harbor": ("GPE", ["Gull Harbor"]),
}


@pytest.fixture
def quotes(nlp):
    return extractor_runner(nlp, extract_quotes, NAMES)


def direct(rows: list[dict]) -> list[tuple[str, str | None]]:
    return [(r["text"].split()[0], r["speaker"]) for r in rows if r["direct"]]


def test_the_statement_speaks_for_whoever_issued_it(quotes):
    text = ("Brightwater issued a statement on Monday.\n\n"
            '"We have recalled every jar sold since March," the statement read. "No one has fallen ill."\n\n'
            '"We are working with regulators on the cause," the statement continued.')
    assert direct(quotes(text)) == [("We", "Brightwater Foods"), ("No", "Brightwater Foods"),
                                    ("We", "Brightwater Foods")]


def test_a_document_with_an_owner_speaks_for_it(quotes):
    rows = quotes('"Margins will stay thin through next year," said a report from Kestrel Analytics.')
    assert direct(rows) == [("Margins", "Kestrel Analytics")]


def test_a_statement_nobody_is_said_to_have_issued_has_no_speaker(quotes):
    rows = quotes('"Every jar sold since March is being recalled now," the statement read.')
    assert direct(rows) == [("Every", None)]


def test_a_name_in_the_attribution_clause_does_not_break_the_run(quotes):
    text = ('"The crop was small this year," Lindqvist wrote of Reyes. "We will plant again in spring."')
    assert direct(quotes(text)) == [("The", "Mara Lindqvist"), ("We", "Mara Lindqvist")]
    text = ('"The crop was small this year," Lindqvist said, and Reyes added. "We will plant again in spring."')
    assert direct(quotes(text))[-1] == ("We", None)  # a second speaker: the run is no longer clear


def test_a_speakers_own_description_does_not_break_the_run(quotes):
    spec = {**NAMES, "Planning": ("PERSON", ["Planning"])}  # a word an index took for a person
    text = ('"We need more housing," said Mara Lindqvist, director of Research and Planning at Kestrel '
            'Analytics.\n\n"Every town on the coast is short of homes."')
    assert direct(quotes(text, spec)) == [("We", "Mara Lindqvist"), ("Every", "Mara Lindqvist")]


def test_a_spokespersons_principal_speaks(quotes):
    text = "Lindqvist's rep told reporters that the claim was false. \"She never signed that contract.\""
    assert direct(quotes(text)) == [("She", "Mara Lindqvist")]


def test_team_or_country_before_a_name_is_not_part_of_it():
    assert without_affiliation("Harbor DL Tomas Reyes", lambda w: w == "Harbor") == "Tomas Reyes"
    assert without_affiliation("Gull Harbor Tomas Reyes", lambda w: w == "Gull Harbor") == "Tomas Reyes"
    assert without_affiliation("Gull Tomas Reyes", lambda w: w == "Harbor") == "Gull Tomas Reyes"
    assert without_affiliation("Tomas Reyes", lambda w: True) == "Tomas Reyes"
    assert could_be_person("Tomas Reyes") and not could_be_person("Kestrel Analytics Group")


def test_the_statement_of_a_body_named_with_a_common_noun_speaks_for_it(nlp):
    text = ('Two soldiers were hurt in a crash, the Danish army said in a statement on Monday.\n\n'
            '"The cause is under investigation," the statement said.')
    doc = nlp(text)
    start = text.index("Danish army")
    index = EntityIndex([Entity("E1", "Danish army", "ORG", [],
                                [Mention("E1", "Danish army", start, start + 11, "name")])])
    rows = extract_quotes(doc, entities=index)
    assert [(r["speaker"], r["direct"]) for r in rows if r["direct"]] == [("Danish army", True)]


def test_a_speaker_entity_carrying_a_place_is_the_person(nlp):
    text = '"We kept the harbor open all winter," Reyes said.'
    doc = nlp(text)
    start = text.index("Reyes")
    index = EntityIndex([
        Entity("E1", "Gull Harbor Tomas Reyes", "PERSON", ["Reyes"],
               [Mention("E1", "Reyes", start, start + 5, "alias")]),
        Entity("E2", "Gull Harbor", "GPE", [], []),
    ])
    rows = extract_quotes(doc, entities=index)
    assert [(r["speaker"], r["speaker_id"]) for r in rows] == [("Tomas Reyes", "E1")]


def test_he_linked_to_an_organization_is_resolved_among_people(nlp):
    text = 'Tomas Reyes runs Kestrel Analytics. "Prices will fall," he said.'
    doc = nlp(text)
    index = build_index(doc, {"Tomas Reyes": ("PERSON", ["Tomas Reyes"]),
                              "Kestrel Analytics": ("ORG", ["Kestrel Analytics"])})
    he = text.index(" he ") + 1
    wrong = EntityIndex([e if e.type == "PERSON" else Entity(e.entity_id, e.name, e.type, e.aliases,
                         [*e.mentions, Mention(e.entity_id, "he", he, he + 2, "pronoun")])
                         for e in index.entities])
    rows = extract_quotes(doc, entities=wrong)
    assert [r["speaker"] for r in rows] == ["Tomas Reyes"]


@pytest.mark.parametrize("verb", ["testified", "claimed", "insisted", "wrote", "conceded", "alleged"])
def test_reported_speech_beyond_said_with_the_speaker_in_the_sentence_before(quotes, verb):
    text = f"Tomas Reyes spent four hours before the committee. He {verb} that the harbor fund had run dry in May."
    rows = [r for r in quotes(text) if not r["direct"]]
    assert [(r["text"], r["speaker"], r["cue"]) for r in rows] == [
        ("the harbor fund had run dry in May", "Tomas Reyes", verb)]


def test_an_organizations_it_said(quotes):
    text = "Brightwater Foods recalled its jam on Monday. It said that the lids may not have sealed properly."
    rows = [r for r in quotes(text) if not r["direct"]]
    assert [(r["speaker"], r["cue"]) for r in rows] == [("Brightwater Foods", "said")]


def test_a_bare_singular_name_typed_as_a_people_is_still_the_speaker(quotes):
    spec = {**NAMES, "Danforth": ("NORP", ["Danforth"])}
    rows = quotes('"I served well and still lost the second set," Danforth said.', spec)
    assert [r["speaker"] for r in rows] == ["Danforth"]


def test_a_surname_split_from_its_person_is_that_person(quotes):
    spec = {**NAMES, "Danforth": ("NORP", ["Danforth"]), "Leo Danforth": ("PERSON", ["Leo Danforth"])}
    rows = quotes('Leo Danforth lost in three sets. "I served well and still lost the second set," Danforth said.',
                  spec)
    assert [r["speaker"] for r in rows] == ["Leo Danforth"]

"""Direct and indirect quotes with speakers, on sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factwire.extract.attributions import extract_attributions
from factwire.extract.quotes import extract_quotes
from tests.index_builder import build_index, extractor_runner

PEOPLE = {
    "Maria Lopez": ("PERSON", ["Maria Lopez", "Lopez"]),
    "Tom Becker": ("PERSON", ["Tom Becker", "Becker"]),
    "Anna Schmidt": ("PERSON", ["Anna Schmidt", "Schmidt"]),
    "Mark Ruiz": ("PERSON", ["Mark Ruiz", "Ruiz"]),
    "Paul Green": ("PERSON", ["Paul Green"]),
    "Lee Chang": ("PERSON", ["Lee Chang", "Chang"]),
    "Rita Patel": ("PERSON", ["Rita Patel", "Patel"]),
    "Joan Blake": ("PERSON", ["Joan Blake", "Blake"]),
    "Chen Wei": ("PERSON", ["Chen Wei"]),
    "Peter Hall": ("PERSON", ["Peter Hall", "Hall"]),
    "Tesco": ("ORG", ["Tesco"]),
    "Karl Brandt": ("PERSON", ["Karl Brandt", "Brandt"]),
    "Sofia Marin": ("PERSON", ["Sofia Marin", "Marin"]),
    "Northgate Bank": ("ORG", ["Northgate Bank", "Northgate"]),
    "The Guardian": ("ORG", ["the Guardian"]),
}


@pytest.fixture
def quotes(nlp):
    return extractor_runner(nlp, extract_quotes, PEOPLE)


def test_said_after_the_quote_names_the_speaker(quotes):
    rows = quotes("\u201cWe will open three new stores next year,\u201d said Maria Lopez, the chain's chief executive.")
    assert [(r["text"], r["speaker"], r["cue"], r["direct"]) for r in rows] == [
        ("We will open three new stores next year", "Maria Lopez", "said", True)]


def test_an_abbreviations_period_before_a_quotation_ends_the_sentence(quotes):
    # "a.m." ends the sentence before the quote: the quote is the speaker's after it, not the neighbors'
    rows = quotes('Neighbors said the roof fell in shortly after 2 a.m. "I heard a crack like thunder and ran," '
                  'said Sofia Marin, 61.')
    assert [(r["text"], r["speaker"]) for r in rows if r["direct"]] == [
        ("I heard a crack like thunder and ran", "Sofia Marin")]


def test_speaker_before_the_quote_with_told(quotes):
    rows = quotes("Tom Becker told the Guardian on Sunday: \u201cNobody saw the flood coming this fast.\u201d")
    assert [(r["speaker"], r["cue"]) for r in rows if r["direct"]] == [("Tom Becker", "told")]


def test_pronoun_goes_to_the_last_person_named_outside_quotes(quotes):
    rows = quotes("Mark Ruiz has coached the team since 2015. "
                  "\u201cPaul Green taught me everything I know about defense,\u201d he said.")
    assert [r["speaker"] for r in rows if r["direct"]] == ["Mark Ruiz"]


def test_quote_sentence_without_verb_keeps_previous_speaker(quotes):
    rows = quotes("\u201cThe figures are clear enough,\u201d said economist Rita Patel. "
                  "\u201cPrices will keep rising through the winter.\u201d")
    assert [(r["speaker"], r["cue"]) for r in rows] == [("Rita Patel", "said"), ("Rita Patel", None)]


def test_quote_running_into_the_next_paragraph(quotes):
    rows = quotes("Governor Lee Chang said the bridge \u201cwill be rebuilt within a year, whatever it costs.\n\n"
                  "\u201cWe owe that to every commuter who crosses it each morning.\u201d\n\n"
                  "The work starts in May.")
    assert [(r["text"][:12], r["speaker"]) for r in rows if r["direct"]] == [
        ("will be rebu", "Lee Chang"), ("We owe that ", "Lee Chang")]


def test_interrupted_quote_has_one_speaker(quotes):
    rows = quotes("\u201cThe first half was poor,\u201d Becker said, "
                  "\u201cbut the second half was our best all year.\u201d")
    assert [r["speaker"] for r in rows if r["direct"]] == ["Tom Becker", "Tom Becker"]


def test_unnamed_spokesperson_quote_goes_to_the_organization(quotes):
    rows = quotes("\u201cWe are reviewing the complaint carefully,\u201d a Tesco spokesperson said.")
    assert [(r["speaker"], r["speaker_id"] is not None) for r in rows] == [("Tesco", True)]


def test_coinage_someone_uses_is_their_quote(quotes):
    rows = quotes("Senator Joan Blake has repeatedly referred to the proposal as "
                  "'the billionaire giveaway' in speeches.")
    assert [(r["text"], r["speaker"], r["cue"]) for r in rows] == [
        ("the billionaire giveaway", "Joan Blake", "referred")]


def test_scare_quotes_and_titles_are_not_quotes(quotes):
    assert quotes("The so-called \u201csmart\u201d fridge sold poorly last year.") == []
    rows = quotes("Rita Patel said she watched \u201cBreaking Bad\u201d twice during the lockdown.")
    assert all(r["text"] != "Breaking Bad" for r in rows)


def test_indirect_speech_that_clause(quotes):
    rows = quotes("Chen Wei privately warned investors that the merger could collapse before the vote.")
    assert [(r["text"], r["speaker"], r["cue"], r["direct"]) for r in rows] == [
        ("the merger could collapse before the vote", "Chen Wei", "warned", False)]


def test_indirect_speech_with_trailing_said(quotes):
    rows = quotes("The factory will close in March, the owner, Peter Hall, said on Tuesday.")
    assert [(r["text"], r["direct"]) for r in rows] == [("The factory will close in March", False)]


def test_an_object_declared_something_is_no_reported_clause(quotes):
    # "declared the strike illegal": an object and what it is declared (a small clause), no speech
    assert quotes("Rita Patel declared the walkout illegal and left the hall.") == []
    rows = quotes("Rita Patel said the walkout was illegal.")
    assert [(r["text"], r["speaker"]) for r in rows] == [("the walkout was illegal", "Rita Patel")]


def test_no_quote_for_questions_or_refusals(quotes):
    assert quotes("Peter Hall declined to say whether the factory would reopen.") == []
    assert quotes("Peter Hall did not say that the factory would reopen.") == []


def test_odd_marks_give_no_wrong_quote(quotes):
    rows = quotes('Hall said "this sentence never closes. And \u201cthis one\u201d neither \u201d" ends.')
    assert all(r["speaker"] in (None, "Peter Hall") for r in rows)
    assert quotes('"\u201c\u2018\'"\u201d\u2019 said Hall.') == []


def test_that_clause_after_an_object_is_reported_speech(quotes):
    rows = quotes("Anna Schmidt warned the players that the season could end early.")
    assert [(r["text"], r["speaker"], r["cue"]) for r in rows] == [
        ("the season could end early", "Anna Schmidt", "warned")]


def test_honorific_keeps_she_from_the_last_man_named(quotes):
    rows = quotes("Ms Marin chaired the inquiry. Her report blamed Karl Brandt for the delays. "
                  "\u201cThe failures were systemic and avoidable,\u201d she said.")
    assert [r["speaker"] for r in rows if r["direct"]] == ["Sofia Marin"]


def test_it_is_the_organization_that_is_subject_nearby(quotes):
    rows = quotes("Northgate Bank cut its forecast on Monday. It said that loan demand had slowed sharply.")
    assert [(r["speaker"], r["text"]) for r in rows] == [("Northgate Bank", "loan demand had slowed sharply")]
    rows = quotes("The memo reached Brandt in May. It warned that the bridge could fail within a year.")
    assert rows == []  # the memo is no entity: not Brandt's words, and nobody's quote


def test_the_verb_that_governs_a_phrase_wins(quotes):
    rows = quotes("Brandt, who has called the tunnel a \u201cgolden hole,\u201d insisted the budget was sound.")
    assert [(r["text"], r["cue"]) for r in rows if r["direct"]] == [("golden hole", "called")]


def test_dateline_is_not_part_of_the_reported_clause(quotes):
    rows = quotes("OSLO, Norway (AP) \u2014 Northgate Bank closed two branches on Monday, Brandt said.")
    assert [r["text"] for r in rows] == ["Northgate Bank closed two branches on Monday"]


def test_quoted_phrase_inside_a_clause_keeps_both_marks(quotes):
    rows = quotes("Brandt told Tesco he was \u201cdeeply disappointed\u201d by the result.")
    indirect = [r["text"] for r in rows if not r["direct"]]
    assert indirect == ["he was \u201cdeeply disappointed\u201d by the result"]


def test_according_to_names_the_speaker_of_a_quote(quotes):
    rows = quotes("\u201cThe inspection found no structural damage at all,\u201d according to Karl Brandt.")
    assert [(r["speaker"], r["cue"]) for r in rows] == [("Karl Brandt", "according to")]


def test_speaker_text_keeps_how_the_article_names_an_unnamed_speaker(quotes):
    rows = quotes("\u201cThe water came up faster than anyone expected,\u201d said one resident of the street.")
    assert [(r["speaker"], r["speaker_text"]) for r in rows] == [(None, "one resident of the street")]


def test_a_title_given_by_nobody_is_not_a_quote(quotes):
    assert quotes("Brandt wrote a report called \u201cFixing the Roads of Tomorrow\u201d last spring.") == []


def test_what_a_publication_says_is_no_quote(nlp):
    text = "The Guardian reported the sale on Monday. The Guardian said Tesco had agreed to pay more."
    doc = nlp(text)
    index = build_index(doc, {"The Guardian": ("ORG", ["The Guardian"]), "Tesco": ("ORG", ["Tesco"])})
    assert extract_quotes(doc, entities=index) == []


def test_a_not_inside_the_quote_does_not_negate_the_verb(quotes):
    rows = quotes("\u201cIt is hard not to worry about the ice,\u201d Brandt acknowledged.")
    assert [(r["speaker"], r["cue"]) for r in rows] == [("Karl Brandt", "acknowledged")]


def test_a_passive_participle_reports_nobody(quotes):
    rows = quotes("\u201cThe plan announced in May is already out of date,\u201d said Rita Patel.")
    assert [(r["speaker"], r["cue"]) for r in rows] == [("Rita Patel", "said")]


def test_leading_conjunction_is_not_part_of_the_reported_clause(quotes):
    rows = quotes("Tesco raised prices. But the increase may not last long, Peter Hall said.")
    assert [r["text"] for r in rows] == ["the increase may not last long"]


def test_reported_speech_of_an_unnamed_source_is_sourcing_not_a_quote(nlp, quotes):
    text = "Tesco raised prices. But the increase may not last long, two people familiar with the plans said."
    assert quotes(text) == []
    doc = nlp(text)
    rows = extract_attributions(doc, entities=build_index(doc, PEOPLE))
    assert [(r["named"], r["cue"]) for r in rows] == [(False, "said")]


def test_a_clause_ending_in_a_colon_introduces_its_subjects_words(quotes):
    rows = quotes("Brandt put it bluntly: \u201cWe lost the vote and we lost the argument.\u201d")
    assert [(r["speaker"], r["cue"]) for r in rows] == [("Karl Brandt", "put")]


BASE = ("Karl Brandt said the plan would work. Rita Patel told Tesco it would not. "
        "The talks ended, according to the Guardian.\n\nHe added that more was to come.")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(BASE)), st.sampled_from(list("\"'\u201c\u201d\u2018\u2019"))),
                max_size=6))
def test_stray_quotation_marks_never_crash_and_rows_stay_true(nlp, inserts):
    text = BASE
    for pos, mark in sorted(inserts, reverse=True):
        text = text[:pos] + mark + text[pos:]
    doc = nlp(text)
    index = build_index(doc, PEOPLE)
    for row in extract_quotes(doc, entities=index) + extract_attributions(doc, entities=index):
        assert text[row["start"]:row["end"]] == row["text"] and row["text"].strip()


def test_no_inherited_speaker_once_someone_else_is_named(quotes):
    rows = quotes("\u201cThe figures are clear enough,\u201d said economist Rita Patel.\n\n"
                  "Karl Brandt, her longtime rival, disagreed.\n\n"
                  "\u201cNobody can read these numbers that way.\u201d")
    # The last quote is kept (a whole quoted sentence), but with no speaker rather than Patel.
    assert [(r["text"][:6], r["speaker"]) for r in rows] == [("The fi", "Rita Patel"), ("Nobody", None)]


def test_a_name_the_index_lacks_still_names_the_speaker(quotes):
    rows = quotes("\u201cThe harbor has never been this busy in winter,\u201d said Olaf Lindqvist, a pilot.")
    assert [(r["speaker"], r["speaker_id"]) for r in rows] == [("Olaf Lindqvist", None)]


def test_titles_listed_in_quotation_marks_are_no_quotes(quotes):
    """Song and film titles in quotation marks (American style: the list's comma inside) are nobody's
    words, not even after 'according to'."""
    rows = quotes("\u201cThe figures are clear enough for all of us,\u201d said Maria Lopez. According to "
                  "Northgate Bank, fans can expect \u201cListen To The Music,\u201d \u201cLong Train Running,\u201d "
                  "\u201cBlack Water\u201d and others.")
    assert [r["speaker"] for r in rows if r["direct"]] == ["Maria Lopez"]


def test_quoted_words_remembered_by_a_person_are_theirs_a_bill_introduced_is_no_quote(quotes):
    rows = quotes("Becker remembered Schmidt rehearsing there and \u201cgoing way off script in a way that "
                  "only she could do.\u201d Lopez introduced the \u201cFair Housing Access Act\u201d in the Senate.")
    assert [(r["speaker"], r["cue"]) for r in rows] == [("Tom Becker", "remembered")]

def test_a_quoted_statement_whose_speaker_is_unclear_is_kept_without_one(quotes):
    rows = quotes("Here is how bad things got, in the words of the patient: \u201cTwo months after the onset "
                  "I was unable to stand or walk for more than a few minutes.\u201d According to the man, the "
                  "pills \u201chad a transformative effect within two days and I could walk again.\u201d")
    assert [(r["speaker"], r["direct"]) for r in rows] == [(None, True), (None, True)]


def test_a_reporting_verb_right_before_the_quote_introduces_it(quotes):
    rows = quotes("Hall is under fire over the budget. Audience members laughed when he urged voters, "
                  "\u201cLook what I said I would do as a mayor and look what I have delivered.\u201d")
    assert [(r["speaker"], r["cue"]) for r in rows] == [("Peter Hall", "urged")]


def test_a_bare_spokesperson_speaks_for_the_organization_just_named(nlp):
    from factwire.extract.attributions import extract_attributions
    from factwire.extract.entities import extract_entities
    from factwire.extract.quotes import extract_quotes

    doc = nlp('Acme Corp. declined to comment. A spokeswoman said: "We do not comment on pending litigation '
              'involving our company or our staff."')
    index = extract_entities(doc)
    assert [r["speaker"] for r in extract_quotes(doc, entities=index)] == ["Acme Corp."]
    assert [r["source"] for r in extract_attributions(doc, entities=index)] == ["Acme Corp."]
    doc = nlp("Ann Lee was charged on Monday. A spokesman for the mayor said the charges were baseless.")
    rows = extract_attributions(doc, entities=extract_entities(doc))
    assert all(r["source"] != "Ann Lee" for r in rows), rows


def test_a_reporting_verb_with_an_object_of_its_own_reports_no_clause(nlp):
    # "..., and Brad Marchand added three assists": "added" counts assists, it reports nothing
    from factwire.extract.entities import extract_entities

    doc = nlp("David Pastrnak scored two goals, and Brad Marchand added three assists to lead Boston.")
    assert extract_quotes(doc, entities=extract_entities(doc)) == []


def test_a_that_clause_the_parser_hung_on_a_phrase_after_the_verb_is_reported(nlp):
    # "told reporters after a summit in Brussels that ...": "that" with its own subject opens what he said;
    # "a meeting that lasted three hours" is a relative clause, no speech
    from factwire.extract.entities import extract_entities

    doc = nlp("Josep Borrell told reporters after a two-day summit in Brussels that the measures would hit 52 vessels.")
    rows = extract_quotes(doc, entities=extract_entities(doc))
    assert [(r["speaker"], r["text"]) for r in rows] == [("Josep Borrell", "the measures would hit 52 vessels")]
    doc = nlp("Maria Chen spoke at a meeting in Paris that lasted three hours.")
    assert extract_quotes(doc, entities=extract_entities(doc)) == []


def test_a_possessive_read_as_is_ends_no_reported_clause(nlp):
    # the parser reads "firm’s" (curly apostrophe) as "firm is", a clause of three words
    from factwire.extract.entities import extract_entities

    doc = nlp("Dana Whitcomb said the firm\u2019s bigger Osprey lander, built to carry a rover to the lunar surface, "
              "remains on track to launch next year.")
    rows = extract_quotes(doc, entities=extract_entities(doc))
    assert not any(r["text"] == "the firm\u2019s" for r in rows), rows

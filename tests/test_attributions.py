"""Sourcing phrases, on sentences written for these tests."""

from __future__ import annotations

import pytest

from factwire.extract.attributions import extract_attributions
from factwire.extract.entities import extract_entities
from tests.index_builder import build_index, extractor_runner

SOURCES = {
    "Financial Times": ("ORG", ["Financial Times", "the FT", "FT"]),
    "Reuters": ("ORG", ["Reuters"]),
    "Acme Corp": ("ORG", ["Acme Corp", "Acme"]),
    "Bloomberg Television": ("ORG", ["Bloomberg Television"]),
    "Axios": ("ORG", ["Axios"]),
    "Peter Hall": ("PERSON", ["Peter Hall", "Hall"]),
    "Maria Lopez": ("PERSON", ["Maria Lopez", "Lopez"]),
    "Statistics Canada": ("ORG", ["Statistics Canada"]),
    "Nordic Daily": ("ORG", ["Nordic Daily"]),
    "Goldman Sachs": ("ORG", ["Goldman Sachs"]),
}


@pytest.fixture
def attributions(nlp):
    return extractor_runner(nlp, extract_attributions, SOURCES)


def brief(rows: list[dict]) -> list[tuple]:
    return [(r["source"], r["cue"], r["named"]) for r in rows]


def test_according_to_a_named_outlet(attributions):
    rows = attributions("Ticket sales rose 4 percent in May, according to the Financial Times.")
    assert brief(rows) == [("Financial Times", "according to", True)]
    assert rows[0]["text"] == "according to the Financial Times" and rows[0]["source_id"] == "E1"


def test_reported_resolves_a_short_alias_to_the_canonical_name(attributions):
    rows = attributions("The talks collapsed on Friday, the FT reported.")
    assert brief(rows) == [("Financial Times", "reported", True)]
    assert rows[0]["text"] == "the FT reported"


def test_passive_reported_by(attributions):
    rows = attributions("The deal, as first reported by Axios, values the startup at $2 billion.")
    assert brief(rows) == [("Axios", "reported", True)]


def test_an_outlet_named_before_its_class_noun(attributions):
    assert brief(attributions("The plant will close, as reported by the Nordic Daily newspaper.")) == [
        ("Nordic Daily", "reported", True)]
    assert brief(attributions("The plant will close, according to the Nordic Daily newspaper.")) == [
        ("Nordic Daily", "according to", True)]


def test_an_as_clause_credits_the_clause_it_opens(attributions):
    rows = attributions("As Acme Corp points out, the battery sits under the floor of the car.")
    assert brief(rows) == [("Acme Corp", "points", True)]
    assert attributions("As the plant closed, Hall left town.") == []


def test_told_an_outlet_but_not_a_person(attributions):
    assert brief(attributions("Hall told Reuters on Monday that the plant would stay open.")) == [
        ("Reuters", "told", True)]
    assert attributions("Hall told Maria Lopez that the plant would stay open.") == []


def test_spokesperson_for_an_organization(attributions):
    rows = attributions("A spokesperson for Acme Corp said the recall was voluntary.")
    assert brief(rows) == [("Acme Corp", "said", True)]


def test_in_a_statement_credits_the_speaker(attributions):
    rows = attributions("Acme said in a statement that no customer data was lost.")
    assert brief(rows) == [("Acme Corp", "in a statement", True)]
    assert rows[0]["text"] == "in a statement"


def test_interview_with_an_outlet(attributions):
    rows = attributions("Lopez said in an interview with Bloomberg Television that rates would fall.")
    assert brief(rows) == [("Bloomberg Television", "in an interview with", True)]


def test_organizations_joined_by_and_that_say_something_are_a_source_each(attributions):
    rows = attributions("Acme Corp and Goldman Sachs said they were contacting customers who bought the bonds.")
    assert {r["source"] for r in rows} >= {"Acme Corp", "Goldman Sachs"}


def test_the_day_of_an_interview_is_no_outlet(attributions):
    rows = attributions("In an interview at the company's hangar on Tuesday, Lopez said the engine was fine.")
    assert not any(r["cue"] == "in an interview with" for r in rows)


def test_data_from_a_named_agency(attributions):
    rows = attributions("Rents climbed 9 percent, according to figures from Statistics Canada.")
    assert brief(rows) == [("Statistics Canada", "according to", True)]


def test_unnamed_sources_are_rows_flagged_unnamed(attributions):
    rows = attributions("Acme is weighing a sale of its shipping arm, according to three people familiar "
                        "with the talks.")
    assert brief(rows) == [("people familiar with the talks", "according to", False)]
    assert rows[0]["source_id"] is None
    rows = attributions("The board met twice last week, the FT reported, citing people close to the company.")
    assert brief(rows) == [("Financial Times", "reported", True),
                           ("people close to the company", "citing", False)]


def test_unnamed_sources_can_be_left_out(nlp):
    text = "Acme is weighing a sale, according to people familiar with the talks, the FT reported."
    doc = nlp(text)
    rows = extract_attributions(doc, entities=build_index(doc, SOURCES), unnamed=False)
    assert brief(rows) == [("Financial Times", "reported", True)]


def test_a_reason_is_not_a_source(attributions):
    assert attributions("The airline cancelled 40 flights, citing bad weather.") == []


def test_sourcing_inside_a_quote_is_the_speakers_not_the_articles(attributions):
    rows = attributions("\u201cAccording to Reuters, we are already bankrupt,\u201d Hall joked on Tuesday.")
    assert rows == []


def test_told_an_outlet_named_before_its_kind(attributions):
    rows = attributions("Lopez told the Nordic Daily newspaper that the deal was off.")
    assert brief(rows) == [("Nordic Daily", "told", True)]


def test_analysts_at_a_firm_in_a_note(attributions):
    rows = attributions("Analysts at Goldman Sachs wrote in a note to clients that oil could hit $100.")
    assert brief(rows) == [("Goldman Sachs", "wrote", True), ("Goldman Sachs", "in a note", True)]


def test_an_outlet_named_after_its_lower_case_kind_is_the_name_alone(attributions):
    # the tagger may call "daily" a proper noun; a lower-case word is no word of the name
    rows = attributions("The club will pass 20% of its profit on the sale to Ovar under a sell-on clause, "
                        "Portuguese sports daily Record reported.")
    assert brief(rows) == [("Record", "reported", True)]


def test_an_unowned_note_cited_for_an_organizations_forecast_is_its(attributions):
    rows = attributions("Analysts at Goldman Sachs, who rate the stock a buy, forecast sales of $410 million in "
                        "2027, according to a note to clients on Friday.")
    assert brief(rows) == [("Goldman Sachs", "according to", True)]
    # a person's clause gives a court's records no owner
    rows = attributions("Maria Lopez confessed to the theft, according to court records.")
    assert brief(rows) == [("court records", "according to", False)]


def test_investigators_of_an_agency_speak_for_it(attributions):
    rows = attributions("Statistics Canada investigators have said the figures were wrong.")
    assert brief(rows) == [("Statistics Canada", "said", True)]


def test_data_compiled_by_an_agency(attributions):
    rows = attributions("Exports fell 3 percent, according to data compiled by Statistics Canada.")
    assert brief(rows) == [("Statistics Canada", "according to", True)]


def test_a_document_whose_maker_is_the_subject_of_a_relative_clause(attributions):
    # "a report X filed", "figures X released": who made or gave out the document is its source
    rows = attributions("About 38,000 customers lost power, according to a report Acme filed with regulators.")
    assert brief(rows) == [("Acme Corp", "according to", True)]
    rows = attributions("Exports fell 3 percent, according to figures Statistics Canada released on Friday.")
    assert brief(rows) == [("Statistics Canada", "according to", True)]
    # the document as the relative clause's own subject makes no maker of what it names; an outlet that
    # obtained a document is no maker of it either
    rows = attributions("Exports fell, according to a filing that provided details on Acme.")
    assert all(r["source"] != "Acme Corp" for r in rows), rows
    rows = attributions("Exports fell, according to emails Acme obtained last year.")
    assert all(r["source"] != "Acme Corp" for r in rows), rows


def test_a_persons_office_speaks_for_them(attributions):
    rows = attributions("Hall's office said in a statement that he would not attend.")
    assert ("Peter Hall", "in a statement", True) in brief(rows)


def test_a_publication_that_reported_is_credited_when_it_says(attributions):
    rows = attributions("The FT reported the talks in March. The FT said Acme had offered $3 billion.")
    assert brief(rows) == [("Financial Times", "reported", True), ("Financial Times", "said", True)]


def test_reporting_results_is_no_sourcing(attributions):
    assert attributions("Acme reported a quarterly loss and expects to report higher sales next year.") == []


def test_cited_people_with_knowledge(attributions):
    rows = attributions("The FT first reported the plan, citing people with knowledge of the deliberations.")
    assert brief(rows) == [("Financial Times", "reported", True),
                           ("people with knowledge of the deliberations", "citing", False)]


def test_advisers_of_an_organization_and_verbs_in_another_sense(attributions):
    rows = attributions("Acme advisers say the merger is off, while the company maintains its dividend.")
    assert brief(rows) == [("Acme Corp", "say", True)]


def test_a_person_cited_is_quoted_not_a_source(attributions):
    """CONTRACT.md: quoting a person is a quote, not an attribution ('according to Lopez')."""
    assert attributions("The deal was never signed, according to Maria Lopez.") == []
    rows = attributions("The deal was never signed, according to Acme Corp.")
    assert brief(rows) == [("Acme Corp", "according to", True)]



def test_a_country_s_military_speaking_in_a_statement_is_a_named_source(nlp):
    doc = nlp("Two soldiers died in a crash, the US military said in a statement on Wednesday.")
    rows = extract_attributions(doc, entities=extract_entities(doc))
    assert [(r["source"], r["named"]) for r in rows] == [("US military", True)]


def test_an_organization_s_reporting_clause_set_off_inside_the_clause(attributions):
    rows = attributions("The plan, Acme said, will cut costs by half. That, Maria Lopez said, was unfair.",
                        {"Acme": ("ORG", ["Acme"]), "Maria Lopez": ("PERSON", ["Maria Lopez"])})
    assert brief(rows) == [("Acme", "said", True)]


def test_a_website_is_only_one_the_text_calls_a_website(nlp):
    from factwire.extract.attributions import extract_attributions
    from factwire.extract.entities import extract_entities

    doc = nlp("An Indian start-up based out of Delhi-NCR, Oxy Pure opened a bar. According to the website, "
              "the bar opened in May.")
    rows = extract_attributions(doc, entities=extract_entities(doc))
    assert [(r["source"], r["named"]) for r in rows] == [("website", False)], rows
    doc = nlp("The fact-checking website Full Fact said the claim was false. The website said it checked 40 claims.")
    rows = extract_attributions(doc, entities=extract_entities(doc))
    assert rows and all(r["source"] == "Full Fact" for r in rows), rows


def test_a_statement_set_before_the_organization_that_said_it(nlp):
    # "Clause, X said": the parser may hang the statement on "said" as an adverbial clause; a whole
    # statement (its own subject, a finite verb, no "when"/"because") is still what X reported
    from factwire.extract.quotes import extract_quotes

    doc = nlp("Hiring slowed in May, the Labor Department said on Friday.")
    assert [t.dep_ for t in doc if t.text == "slowed"] == ["advcl"]  # the parse this test is about
    index = extract_entities(doc)
    assert brief(extract_attributions(doc, entities=index)) == [("Labor Department", "said", True)]
    quotes = extract_quotes(doc, entities=index)
    assert [(q["text"], q["speaker"], q["direct"]) for q in quotes] == [
        ("Hiring slowed in May", "Labor Department", False)]
    doc = nlp("When prices rose, the Labor Department said nothing.")
    assert extract_quotes(doc, entities=extract_entities(doc)) == []


def test_a_named_spokesperson_speaks_for_the_organization(nlp):
    # "Pentagon spokesman John Kirby said ...", "John Kirby, a Pentagon spokesman, said ...": the
    # organization's statement, as "a spokesman for the Pentagon said" is; a CEO's words are a quote
    for text in ("Pentagon spokesman John Kirby said the strike hit its target.",
                 "John Kirby, a Pentagon spokesman, said the strike hit its target."):
        doc = nlp(text)
        assert brief(extract_attributions(doc, entities=extract_entities(doc))) == [("Pentagon", "said", True)]
    doc = nlp("Acme Corp. CEO Maria Chen said sales rose.")
    assert extract_attributions(doc, entities=extract_entities(doc)) == []


def test_a_representative_named_as_a_person_is_quoted_not_a_source(nlp):
    doc = nlp("Banks' attorney, Maria Lopez, said her client would plead not guilty.")
    assert extract_attributions(doc, entities=extract_entities(doc)) == []


def test_findings_reported_in_a_journal_and_a_study_someone_funded(nlp):
    # "researchers reported in The New England Journal of Medicine": the journal carries them; a study
    # "funded by" a drugmaker is not the drugmaker's report
    doc = nlp("The drug cut the risk by 33% in a trial, researchers reported Monday in The New England Journal "
              "of Medicine.")
    assert brief(extract_attributions(doc, entities=extract_entities(doc))) == [
        ("The New England Journal of Medicine", "reported in", True)]
    doc = nlp("The study, funded by drugmaker Veridian Pharmaceuticals, followed 14,000 patients.")
    assert extract_attributions(doc, entities=extract_entities(doc)) == []


def test_a_passive_statement_with_its_speaker_after_by_credits_the_speaker(attributions):
    rows = attributions("The sale was confirmed by Acme in a statement on Monday.")
    assert brief(rows) == [("Acme Corp", "in a statement", True)]
    # (without a speaker the passive names what was said, no source: "cuts will be announced")
    assert attributions("The cuts will be announced in a statement on Monday.") == []


def test_the_kind_noun_before_officials_names_the_articles_body_of_that_kind(nlp):
    # "union officials said" in a story about one union is that union's statement, as "the union said" is;
    # "company officials said" in a story about one company is the company's
    text = ("Nurses represented by the Ohio Nurses Association ratified a contract on Wednesday. The Ohio "
            "Nurses Association had threatened a strike. Of the 1,150 nurses, 714 voted in favor, union "
            "officials said.")
    doc = nlp(text)
    index = extract_entities(doc)
    rows = extract_attributions(doc, entities=index)
    assert ("Ohio Nurses Association", "said", True) in brief(rows)
    assert "union" not in index.lookup("Ohio Nurses Association").aliases  # a modifier is no name of it


def test_an_announcement_reports_the_clause_it_carries_not_the_act_it_names(attributions):
    # ", Statistics Canada has announced" after the news cites the body; "announced a recall" is the news itself
    rows = attributions("Thirty research teams will share $46 million in funding, Statistics Canada has announced.")
    assert brief(rows) == [("Statistics Canada", "announced", True)]
    assert attributions("Acme Corp announced a recall of 40,000 heaters on Monday.") == []


def test_a_document_that_shows_something_credits_the_body_named_in_front_of_it(nlp):
    # "FerroTrade Monitor's weekly assessment showed", "Goldman Sachs figures show": its maker; not a place's
    text = ("Coil offers rose to $590 a tonne on Monday, FerroTrade Monitor's weekly assessment showed. Exports fell, "
            "Goldman Sachs figures show. Wine sales rose, Australia's figures show.")
    doc = nlp(text)
    rows = extract_attributions(doc, entities=extract_entities(doc))
    assert sorted(r["source"] for r in rows if r["named"]) == ["FerroTrade Monitor", "Goldman Sachs"]

"""Sourcing conventions of news writing, on sentences written for these tests: organizations'
statements in the writer's words, journalists cited for their outlets, "via"/"per", documents and
where they come from, statements given to an outlet, and the one lexicon of reporting words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factwire.extract.attributions import extract_attributions
from factwire.extract.entities import extract_entities
from factwire.resolve.speech_words import NAMING_VERBS, REPORTING_LEMMAS, SPEECH_VERBS, nouns, verb_classes
from tests.index_builder import extractor_runner

SOURCES = {
    "Halvorsen Motors": ("ORG", ["Halvorsen Motors", "Halvorsen"]),
    "Coastal Health Agency": ("ORG", ["Coastal Health Agency"]),
    "Lakeside Ledger": ("ORG", ["Lakeside Ledger", "the Ledger"]),
    "Morning Wire": ("ORG", ["Morning Wire"]),
    "Journal of Soil Studies": ("ORG", ["Journal of Soil Studies"]),
    "Bureau of Farm Statistics": ("ORG", ["Bureau of Farm Statistics"]),
    "Nadia Brook": ("PERSON", ["Nadia Brook", "Brook"]),
    "Owen Tate": ("PERSON", ["Owen Tate", "Tate"]),
    "Twitter": ("ORG", ["Twitter"]),
    "Lakeside Regional Airport": ("FAC", ["Lakeside Regional Airport"]),
    "Dane County Circuit Court": ("ORG", ["Dane County Circuit Court"]),
    "Ohio": ("GPE", ["Ohio"]),
    "Siam Lanexang": ("ORG", ["Siam Lanexang"]),
    "Stock Exchange of Thailand": ("ORG", ["Stock Exchange of Thailand"]),
}


@pytest.fixture
def attributions(nlp):
    return extractor_runner(nlp, extract_attributions, SOURCES)


def brief(rows: list[dict]) -> list[tuple]:
    return [(r["source"], r["cue"]) for r in rows if r["named"]]


def test_an_organizations_statement_in_the_writers_words(attributions):
    assert brief(attributions("Halvorsen says the new battery will last ten years.")) == [
        ("Halvorsen Motors", "says")]
    assert brief(attributions("The cases were mild, the Coastal Health Agency said on Friday.")) == [
        ("Coastal Health Agency", "said")]


def test_a_verb_with_its_own_that_clause_after_an_apposition_reports_speech(nlp):
    # the parser makes "estimated" a participle of "Office"; a participle takes no "that" clause
    doc = nlp("The Independent Fiscal Office, the Legislature's nonpartisan budget watchdog, estimated in May "
              "that the state would run a structural deficit.")
    assert brief(extract_attributions(doc, entities=extract_entities(doc))) == [
        ("Independent Fiscal Office", "estimated")]


def test_a_pollster_of_analysts_or_economists_is_a_source(nlp):
    doc = nlp("Wall Street analysts surveyed by Refinitiv were expecting $2.52 a share. Economists polled by "
              "Reuters had forecast growth of 1.8%.")
    assert brief(extract_attributions(doc, entities=extract_entities(doc))) == [
        ("Refinitiv", "surveyed by"), ("Reuters", "polled by")]


def test_a_body_named_office_speaks_as_itself(nlp):
    # "office" is also a representative's noun ("her office said"); in a body's name it is the body
    doc = nlp("A man was arrested Wednesday, the Bibb County Sheriff's Office said.")
    assert brief(extract_attributions(doc, entities=extract_entities(doc))) == [
        ("Bibb County Sheriff's Office", "said")]


def test_a_facility_that_says_something_speaks_for_whoever_runs_it(attributions):
    assert brief(attributions("Lakeside Regional Airport said a runway was closed for about two hours.")) == [
        ("Lakeside Regional Airport", "said")]


def test_an_organization_quoted_or_acting_is_no_source(attributions):
    # Its own words in quotation marks are a quote; what it announces, named as an object, is the news itself
    # (a clause it announces is cited from it: test_an_announcement_reports_the_clause_it_carries_...)
    assert attributions('Halvorsen said, "We will build the plant in Ohio next year."') == []
    assert attributions("Halvorsen announced plans for a plant in Ohio.") == []


def test_a_document_by_a_person_is_theirs_or_their_organizations(nlp):
    def sources(text):
        doc = nlp(text)
        return brief(extract_attributions(doc, entities=extract_entities(doc)))
    assert sources("According to a 2018 survey by Penelope Abernathy of the Coastal Institute, most towns lost "
                   "their paper.") == [("Penelope Abernathy", "according to")]
    assert sources("Acme Robotics Inc. laid off 45 people on Tuesday, the company said. The cuts fell hardest on "
                   "sales, according to an internal memo that Acme Robotics co-founder and Chief Executive Maya "
                   "Castellanos sent to staff Tuesday morning.")[-1] == ("Acme Robotics Inc.", "according to")


def test_a_journalist_is_cited_for_the_outlet(attributions):
    assert brief(attributions("The river rose overnight, according to Nadia Brook of the Lakeside Ledger.")) == [
        ("Lakeside Ledger", "according to")]
    assert brief(attributions("As Owen Tate reports for Morning Wire, the strike ended on Monday.")) == [
        ("Morning Wire", "reports")]
    assert brief(attributions("The mayor resigned, according to the Ledger's Brook.")) == [
        ("Lakeside Ledger", "according to")]


def test_via_and_per_credit_a_source_but_not_a_channel(attributions):
    rows = attributions('"We lost the game on defense," Tate said, via Nadia Brook of the Lakeside Ledger.')
    assert brief(rows) == [("Lakeside Ledger", "via")]
    assert brief(attributions("The virus spreads in rodents, per the Coastal Health Agency.")) == [
        ("Coastal Health Agency", "per")]
    assert attributions('"We are done," Tate said via Twitter.') == []
    assert attributions("The parts were shipped via Halvorsen to the port.") == []


def test_documents_credit_their_maker_or_the_journal_that_published_them(attributions):
    assert brief(attributions("We used data from the Bureau of Farm Statistics for the estimate.")) == [
        ("Bureau of Farm Statistics", "data from")]
    rows = attributions("The figures published last year by the Bureau of Farm Statistics show a drop.")
    assert brief(rows) == [("Bureau of Farm Statistics", "figures published by")]
    rows = attributions("According to a study published in the Journal of Soil Studies, yields fell.")
    assert brief(rows) == [("Journal of Soil Studies", "according to")]
    # the body that holds filed documents
    rows = attributions("Tate raised $268,500, according to campaign finance reports filed with the Bureau of Farm "
                        "Statistics.")
    assert brief(rows) == [("Bureau of Farm Statistics", "according to")]
    rows = attributions("Its revenue was 2.5 million euros, according to filings with the Bureau of Farm Statistics.")
    assert brief(rows) == [("Bureau of Farm Statistics", "according to")]
    # ... but a company's own filing "with" a regulator is the company's word
    rows = attributions("Corvane will receive $60 million, Corvane Labs said in a filing with the Securities and "
                        "Exchange Commission.")
    assert "Securities and Exchange Commission" not in {r["source"] for r in rows}
    # ... and so is one "to" an exchange: a document goes to the body it is filed with, no source of it
    rows = attributions("The plant will sell power at 6.8 US cents per kilowatt-hour, Siam Lanexang said in a "
                        "filing to the Stock Exchange of Thailand.")
    assert "Stock Exchange of Thailand" not in {r["source"] for r in rows}


def test_telling_or_asking_someone_to_do_something_reports_nothing(attributions):
    # "told X to VERB": an order or a request, no source of information; "told X that ..." reports
    rows = attributions("The Bureau of Farm Statistics told Halvorsen Motors to stand ready to float a tender.")
    assert brief(rows) == []
    rows = attributions("Halvorsen Motors asked Dane County Circuit Court to block the sale.")
    assert brief(rows) == []
    rows = attributions("Halvorsen Motors told the Lakeside Ledger that it would appeal.")
    assert ("Lakeside Ledger", "told") in brief(rows)
    # the outlet named beside its common noun, after a passive "by"
    rows = attributions("A poll published last month by the Seattle newspaper Lakeside Ledger found that most "
                        "voters backed the plan.")
    assert brief(rows) == [("Lakeside Ledger", "poll published by")]


def test_a_statement_obtained_by_or_given_to_an_outlet(attributions):
    rows = attributions("The memo, which was obtained by the Lakeside Ledger, set out the cuts.")
    assert brief(rows) == [("Lakeside Ledger", "obtained by")]
    rows = attributions("Halvorsen said in a statement to Morning Wire that the plant would close.")
    assert ("Morning Wire", "statement to") in brief(rows)
    assert ("Halvorsen Motors", "in a statement") in brief(rows)


def test_a_persons_own_statement_is_a_quote_not_a_source(attributions):
    assert attributions("Brook said in a statement that she would run again.") == []


def test_a_name_the_index_lacks_is_not_given_to_a_look_alike(attributions):
    spec = {**SOURCES, "Evening News": ("ORG", ["Evening News"])}
    rows = attributions("The singer split from her label, according to a new report by K! News.", spec)
    assert brief(rows) == [("K! News", "according to")]


def test_reporting_words_live_in_one_data_file():
    assert {"say", "testify", "insist", "claim", "write"} <= SPEECH_VERBS
    assert "report" in REPORTING_LEMMAS and "report" not in SPEECH_VERBS
    assert "call" in NAMING_VERBS and "announce" in verb_classes()["act"]
    assert {"spokesperson", "rep"} <= nouns("representative") and "guidance" in nouns("document")
    # No module keeps its own copy of the list: a second literal set of these verbs would drift.
    root = Path(__file__).resolve().parent.parent / "factwire" / "extract"
    for path in root.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'"testify"|"insist", "contend"', text), path.name


def test_said_on_air_or_speaking_to_an_outlet(attributions):
    spec = {**SOURCES, "Sunday Forum": ("WORK_OF_ART", ["Sunday Forum"])}
    rows = attributions("Brook said on Sunday Forum that the budget would pass.", spec)
    assert ("Sunday Forum", "said on") in brief(rows)
    assert brief(attributions("Speaking to Morning Wire, Tate defended the plan.")) == [("Morning Wire", "Speaking to")]
    assert attributions("Tate said on Twitter that the plan was dead.") == []
    assert attributions("Brook said on Monday that the plan was dead.") == []


def test_a_filing_is_a_document_whoever_filed_it(attributions):
    assert brief(attributions("Brook said in a court filing that the contract was void.")) == [
        ("Nadia Brook", "in a filing")]


def test_a_review_or_report_credits_its_owner_or_the_outlet_that_carried_it(attributions):
    rows = attributions("According to Morning Wire's review, the console does not run the game in 4K.")
    assert brief(rows) == [("Morning Wire", "according to")]
    rows = attributions("According to a report in the Lakeside Ledger, the governor spent $449,000 on ads.")
    assert brief(rows) == [("Lakeside Ledger", "according to")]
    rows = attributions("The spending was first disclosed in a report in the Lakeside Ledger on Monday.")
    assert brief(rows) == [("Lakeside Ledger", "report in")]
    rows = attributions("It is revealed in Morning Wire's review that the game only renders at 1440p.")
    assert brief(rows) == [("Morning Wire", "in review")]


def test_what_according_to_cites_is_credited_to_whoever_posted_or_obtained_it(attributions):
    # whatever the document is called, "posted by", "obtained by", "seen by" name where it came from
    rows = attributions("Turnout was 21%, according to unofficial tallies posted late Tuesday by the Bureau of "
                        "Farm Statistics. The coach will earn $1.1 million, according to a term sheet obtained "
                        "by the Morning Wire.")
    assert brief(rows) == [("Bureau of Farm Statistics", "according to"), ("Morning Wire", "according to")]


def test_told_the_outlet_named_after_its_kind_or_read_as_a_person_by_the_model(nlp):
    from factwire.extract.entities import extract_entities

    def told(text):
        doc = nlp(text)
        return [(r["source"], r["cue"]) for r in extract_attributions(doc, entities=extract_entities(doc))
                if r["named"] and r["cue"] == "told"]

    # the parser hangs the name after "the state news agency" anywhere; the noun says it is an outlet
    assert told('"They have no real will to reach a deal," the spokesman told the state news agency '
                "IRNA.") == [("IRNA", "told")]
    # the document model's type of a name wins over the model's tag on the token
    assert told("The Gazette first reported the outage. Company spokesman Eric Dahl told the Gazette on "
                "Tuesday that the utility had fixed its alerts.") == [("Gazette", "told")]


def test_told_the_paper_named_before_by_its_masthead(nlp):
    """'tells the paper that ...': "the paper" is the one newspaper named before (a masthead's head word,
    kind_nouns.tsv), and the clause after "that" is what was told, no relative clause."""
    from factwire.extract.entities import extract_entities

    doc = nlp("The Harbor City Gazette says the pier will close. Dock worker Lena Holt tells the paper that "
              "she lost her job.")
    index = extract_entities(doc)
    assert "the paper" in next(e for e in index.entities if e.name == "Harbor City Gazette").aliases
    rows = extract_attributions(doc, entities=index)
    assert ("Harbor City Gazette", "tells") in [(r["source"], r["cue"]) for r in rows]


def test_a_name_right_after_the_noun_of_its_kind_is_of_that_kind(nlp):
    from factwire.extract.entities import extract_entities

    doc = nlp("A poll published last month by the Bogota newspaper El Tiempo found that most voters backed talks.")
    assert {e.name: e.type for e in extract_entities(doc).entities}["El Tiempo"] == "ORG"


def test_a_forecast_with_a_clause_is_reported_and_a_document_for_someone_is_not_theirs(attributions):
    assert brief(attributions("Analysts at Coastal Health Agency have projected that cases would double.")) == [
        ("Coastal Health Agency", "projected")]
    assert attributions("Coastal Health Agency projected growth of 5% for the year.") == []  # no clause
    # a review "for" a body is about it, not by it
    rows = attributions("The safety review for Halvorsen Motors estimated that the car would ship in May.")
    assert "Halvorsen Motors" not in {r["source"] for r in rows}


def test_a_document_filed_in_a_court_credits_the_court(attributions):
    rows = attributions("Tate kept the cash, according to a complaint filed in Dane County Circuit Court.")
    assert brief(rows) == [("Dane County Circuit Court", "according to")]
    # filed in a place or a month says where or when, not with whom
    rows = attributions("Tate kept the cash, according to a complaint filed in Ohio.")
    assert brief(rows) != [("Ohio", "according to")]


def test_company_officials_in_the_lede_speak_for_the_business_it_names_first(nlp):
    # the school is named most and two businesses once each: the lede's subject is the one whose officials speak
    doc = nlp("Brenner Dairy Co. will spend $30 million to expand its Sheboygan plant, company officials announced "
              "Monday. Badger Growth Corp. will lend $2 million for the project. Lakeview Elementary School, next to "
              "the site, will get a new playground, and Lakeview's principal welcomed the news. Parents at Lakeview "
              "Elementary School asked for a crossing guard.")
    assert ("Brenner Dairy Co.", "announced") in brief(extract_attributions(doc, entities=extract_entities(doc)))

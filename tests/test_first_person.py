"""A quoted speaker's "we": the organization the speaker speaks for (resolve/first_person.py), as every
extractor reads it through extract_article."""

from __future__ import annotations

from datetime import date

from factwire.extract import extract_article
from factwire.models import Article, RawArticle


def _tables(nlp, text: str) -> dict:
    raw = RawArticle("a1", "test", "test", "text", text, published=date(2024, 6, 1))
    return extract_article(nlp(text), Article(raw, text))


def _owners(tables: dict) -> dict:
    return {r["text"]: r["subject"] for r in tables["quantities"]}


def test_we_in_a_quote_is_the_organization_the_roles_seat_its_speaker_at(nlp):
    text = ('Crestway Motors Ltd. operates buses between Lagos and Ibadan. "We have 140 drivers, and every one '
            'of them will go back to school," said Daniel Okafor, the company\'s managing director.\n\n'
            '"Our customers in 70 countries buy machines, not family trees," Okafor said.')
    tables = _tables(nlp, text)
    assert _owners(tables) == {"140": "Crestway Motors Ltd.", "70": "Crestway Motors Ltd."}
    crestway = next(r["entity_id"] for r in tables["entities"] if r["name"] == "Crestway Motors Ltd.")
    assert {(m["text"], m["kind"]) for m in tables["mentions"] if m["entity_id"] == crestway} >= {
        ("We", "pronoun"), ("Our", "pronoun")}


def test_an_organization_quoted_as_such_speaks_for_itself(nlp):
    text = ('"Our emergency physicians care for more than 70,000 patients a year," St. Brendan Regional Medical '
            'Center said in a statement.')
    assert _owners(_tables(nlp, text))["70,000"] == "St. Brendan Regional Medical Center"


def test_a_speaker_seated_nowhere_says_we_of_no_entity(nlp):
    # a parent's "we" is a family the article does not name; "we" outside a quote is the writer's
    text = ('Greenfield School District closed two schools in March. "We have two kids in Greenfield schools," '
            'said Maria Lopes, a parent. We asked the district for comment.')
    tables = _tables(nlp, text)
    assert not [m for m in tables["mentions"] if m["text"] in {"We", "we"}]
    assert _owners(tables).get("two kids") is None

"""Quote conventions of wire, UK and sports writing, on sentences written for these tests:
quotes carried over paragraphs, doubled closing marks, descriptive subjects, titles before names."""

from __future__ import annotations

import pytest

from factwire.extract.quotes import extract_quotes
from tests.index_builder import build_index

PEOPLE = {
    "Ines Moreau": ("PERSON", ["Ines Moreau", "Moreau"]),
    "Dan Kowalski": ("PERSON", ["Dan Kowalski", "Kowalski"]),
    "Harbour City": ("ORG", ["Harbour City"]),
    "the Courier": ("ORG", ["the Courier"]),
    "Ruth Ellery": ("PERSON", ["Ruth Ellery"]),
}


@pytest.fixture
def quotes(nlp):
    def run(text: str, spec: dict | None = None) -> list[dict]:
        doc = nlp(text)
        rows = extract_quotes(doc, entities=build_index(doc, PEOPLE if spec is None else spec))
        for r in rows:
            assert text[r["start"]:r["end"]] == r["text"]
        return rows
    return run


def direct(rows: list[dict]) -> list[tuple[str, str | None]]:
    return [(r["text"].split()[0], r["speaker"]) for r in rows if r["direct"]]


def test_colon_quote_carried_into_the_next_paragraph(quotes):
    rows = quotes("Dan Kowalski lost his third final in a row.\n\n"
                  "Kowalski said after the match: \u201cWe were slow from the first whistle.\n\n"
                  "\u201cNobody in that dressing room can be happy tonight.\u201d\n\n"
                  "The team flies home on Monday.")
    assert direct(rows) == [("We", "Dan Kowalski"), ("Nobody", "Dan Kowalski")]


def test_statement_carried_over_paragraphs_keeps_an_unnamed_speaker(quotes):
    # Nobody could name "the board" here, yet the second paragraph is the same quote.
    rows = quotes("The board said in a statement: \"The harbour plan has our full support.\n\n"
                  "\"Work on the new quay should start before the summer.\"", spec={})
    assert [(r["text"][:9], r["speaker"], r["speaker_text"]) for r in rows if r["direct"]] == [
        ("The harbo", None, "The board"), ("Work on t", None, "The board")]


def test_quote_after_an_ap_doubled_closing_mark_keeps_the_speaker(quotes):
    rows = quotes("\u201cThe ferry was late every single day,\u2019\u2019 Ruth Ellery told the Courier. "
                  "\u201cAnd nobody at the company ever said sorry.\u201d")
    assert direct(rows) == [("The", "Ruth Ellery"), ("And", "Ruth Ellery")]


def test_a_listener_named_as_a_person_does_not_break_the_run(quotes):
    # Even when the index wrongly types the newspaper as a person, it is who she told, not a speaker.
    spec = {**PEOPLE, "the Courier": ("PERSON", ["the Courier"])}
    rows = quotes("\u201cThe ferry was late every single day,\u201d Ruth Ellery told the Courier. "
                  "\u201cAnd nobody at the company ever said sorry.\u201d", spec=spec)
    assert direct(rows) == [("The", "Ruth Ellery"), ("And", "Ruth Ellery")]

"""Citation markers and text normalization, on sentences written for these tests."""

from __future__ import annotations

import pytest

from factwire.clean import clean_article, normalize, parse_refs, strip_citations
from factwire.models import RawArticle


def _raw(body: str) -> RawArticle:
    return RawArticle(article_id="a", source_uri="t.txt", raw_path="t.txt", source_format="text", body=body)


@pytest.mark.parametrize(
    ("text", "anchor", "refs", "cleaned"),
    [
        ("The mayor resigned, the Herald reported12.", "reported", [1, 2], "The mayor resigned, the Herald reported."),
        ("Sales fell sharply in March3, analysts said.", "March", [3], "Sales fell sharply in March, analysts said."),
        ('She called it "a disgrace"4.', 'disgrace"', [4], 'She called it "a disgrace".'),
        ("It closed at a record high123", "high", [1, 2, 3], "It closed at a record high"),
        ("The council approved the plan10.", "plan", [10], "The council approved the plan."),
        ("Exports rose in mid-July2; imports fell.", "mid-July", [2], "Exports rose in mid-July; imports fell."),
        ("He said \u201cenough\u201d5 and left.", "enough\u201d", [5], "He said \u201cenough\u201d and left."),
    ],
)
def test_markers_are_parsed_and_removed(text, anchor, refs, cleaned):
    out, found = strip_citations(text)
    assert out == cleaned
    assert [(f[0], f[1]) for f in found] == [(anchor, refs)]


@pytest.mark.parametrize(
    "text",
    [
        "The Air Force ordered more F-35 jets.",
        "A Boeing 737 landed in Denver.",
        "The COVID-19 pandemic closed schools.",
        "Q3 revenue beat forecasts.",
        "3M cut its outlook.",
        "The G7 met in Italy.",
        "He sold MP3 players in 2004.",
        "Inflation was 4.5% in 2025.",
        "Windows 11 shipped in October.",
        "The iPhone15 case was recalled.",
        "Route 66 reopened; 12 lanes closed.",
        "Section 230 of the law.",
        "The lake covers 40 km2 of land.",
        "Web3 startups raised money.",
        "The Python3 code base was ported.",
        "Covid19 cases rose.",
    ],
)
def test_real_numbers_are_kept(text):
    out, found = strip_citations(text)
    assert out == text
    assert found == []


def test_refs_rule():
    assert parse_refs("12") == [1, 2]
    assert parse_refs("3") == [3]
    assert parse_refs("10") == [10]


def test_offsets_point_into_raw_and_clean_text():
    body = "First  line here.\n\nThe  board agreed,\u00a0the Post reported23. It was\u00adn't over."
    art = clean_article(_raw(body))
    (cit,) = art.citations
    assert body[cit.raw_start:cit.raw_end] == "23"
    assert art.clean_text[cit.clean_offset - len(cit.anchor):cit.clean_offset] == cit.anchor == "reported"
    assert art.clean_text == "First line here.\n\nThe board agreed, the Post reported. It wasn't over."


def test_normalize_keeps_paragraphs_and_maps_offsets():
    text, origin = normalize("  A\t b \r\n\r\n\r\nC\u200b d ")
    assert text == "A b\n\nC d"
    assert len(origin) == len(text)
    assert origin[text.index("C")] == "  A\t b \r\n\r\n\r\nC\u200b d ".index("C")


def test_sample_article_markers(tmp_path):
    from tests.conftest import SAMPLE

    art = clean_article(_raw(SAMPLE.read_text()))
    assert len(art.citations) == 10
    assert "the Journal reported." in art.clean_text
    assert "Blue Origin managed only four." in art.clean_text
    assert "$5.9 billion" in art.clean_text

"""Pairing quotation marks: curly, straight, mixed, nested, across paragraphs, and broken."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factwire.extract.quotemarks import find_passages


def texts(text: str) -> list[str]:
    return [text[p.start:p.end] for p in find_passages(text)]


def test_curly_and_straight_double_quotes():
    text = "\u201cThe roof leaks,\u201d Ana said. Then she added, \"We need a plan.\""
    assert texts(text) == ["The roof leaks", "We need a plan."]


def test_mixed_curly_open_and_straight_close():
    text = "\u201cPrices will fall,\" the dealer said. \"Buyers should wait.\""
    assert texts(text) == ["Prices will fall", "Buyers should wait."]


def test_single_quotes_and_apostrophes():
    text = "The mayor's critics called it 'a vanity project' and the '90s plan wasn\u2019t better."
    assert texts(text) == ["a vanity project"]
    assert texts("She said \u2018we\u2019re done\u2019 and left.") == ["we\u2019re done"]


def test_nested_quote_stays_inside_the_outer_one():
    text = "\u201cHe told me \u2018never again\u2019 and walked out,\u201d Kim said."
    assert texts(text) == ["He told me \u2018never again\u2019 and walked out"]


def test_open_quote_continues_in_next_paragraph():
    text = ("The chief said the team \u201cwill rebuild this season.\n\n"
            "\u201cEvery player knows what is at stake.\u201d\n\nThe club declined to comment.")
    passages = find_passages(text)
    assert [text[p.start:p.end] for p in passages] == ["will rebuild this season.",
                                                       "Every player knows what is at stake."]
    assert passages[0].close_at is None and passages[1].continues


def test_unclosed_quote_without_continuation_is_dropped():
    text = "He said \u201cthis never ends.\n\nThe next paragraph has no quote."
    assert texts(text) == []


def test_a_second_opening_mark_drops_the_unclosed_first():
    text = "\u201cBroken start. \u201cA real quote,\u201d she said."
    assert texts(text) == ["A real quote"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .,\n'\"\u2018\u2019\u201c\u201d", max_size=80))
def test_odd_marks_never_crash_and_stay_in_bounds(text):
    passages = find_passages(text)
    last_end = -1
    for p in passages:
        assert 0 <= p.open_at < p.start < p.end <= len(text)
        assert p.start > last_end  # passages never overlap
        assert text[p.start:p.end].strip() == text[p.start:p.end]
        last_end = p.end


def test_continuation_needs_the_same_kind_of_mark():
    text = "He said he'd rock and roll 'til dawn.\n\n\u201cNot now,\u201d she said."
    assert texts(text) == ["Not now"]


def test_contractions_in_straight_single_quotes_are_no_passages():
    assert texts("They played rock 'n' roll all night.") == []


def test_two_single_closing_marks_close_a_double_quote():
    # AP wire copy closes a double quote with two right single marks (or two straight ones).
    text = "\u201cThe vote was rushed,\u2019\u2019 Ana said. \u201cWe will ask for a recount.\u201d"
    assert texts(text) == ["The vote was rushed", "We will ask for a recount."]
    assert texts("\"The vote was rushed,'' Ana said.") == ["The vote was rushed"]


def test_doubled_single_marks_do_not_close_a_single_quote():
    assert texts("She called it \u2018a farce\u2019 and walked out.") == ["a farce"]


def test_plain_text_wire_quotes_open_with_backticks():
    text = "``The vote was rushed,'' Ana said.\n\nShe added: ``We will ask for a recount.\n\n``And we will win it.''"
    assert texts(text) == ["The vote was rushed", "We will ask for a recount.", "And we will win it."]
    assert texts("Run `make` and `` then stop.") == []


def test_plural_possessive_inside_a_single_quoted_passage():
    # UK style quotes in single marks: "players’ effort" does not close the quote.
    text = "Hale said: \u2018The players\u2019 effort was superb today.\n\n\u2018We go again next week.\u2019"
    assert texts(text) == ["The players\u2019 effort was superb today.", "We go again next week."]
    assert texts("\u2018The fans\u2019 noise helped us,\u2019 Hale said.") == ["The fans\u2019 noise helped us"]
    # A phrase that ends in s and is followed by another quote still closes where it stands.
    text = "They called it \u2018a gift to the bosses\u2019 and left. Nobody said \u2018thanks\u2019 either."
    assert texts(text) == ["a gift to the bosses", "thanks"]

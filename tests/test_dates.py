"""Time expressions: the grammar (no model), their resolution, and tense-driven years (with the model)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factwire.extract.dates import extract_dates, resolve
from factwire.extract.timex import find_timexes
from factwire.validate import validate_rows

PUB = date(2025, 6, 21)  # a Saturday


def _texts(text: str) -> list[str]:
    return [t.text for t in find_timexes(text)]


def _one(text: str, published: date | None = PUB, tense: str | None = None, anchor=None):
    (t,) = find_timexes(text)
    return resolve(t, published=published, anchor=anchor, tense=tense)


# --- the grammar -----------------------------------------------------------------------------------

def test_absolute_forms_are_found_whole():
    text = ("The talks began on March 3, 2021, stalled in 14 February 2022 and resumed in October 2023; "
            "the plant closed in 1998 and fiscal 2024 was weak.")
    assert _texts(text) == ["March 3, 2021", "14 February 2022", "October 2023", "1998", "fiscal 2024"]


def test_shortest_surface_form_keeps_modifiers_that_change_the_date():
    text = "It rained on Friday, last Tuesday morning and in mid-August; it will stop next week."
    assert _texts(text) == ["Friday", "last Tuesday morning", "mid-August", "next week"]


def test_numbers_that_are_not_years_or_dates():
    text = ("The 1990s were quiet. It cost $2019 and rose 2020% to 12,2019 units; "
            "she may come. He ran 2,015 miles.")
    assert _texts(text) == []


def test_month_names_inside_words_are_not_months():
    assert _texts("Mayer and Marchetti met Junet in Augusta.") == []


def test_may_is_a_month_only_where_a_month_can_stand():
    assert _texts("Prices may rise in May.") == ["May"]
    assert _texts("The vote is set for May 4.") == ["May 4"]


def test_anchored_and_deictic_forms_are_told_apart():
    kinds = [t.kind for t in find_timexes("next year, the next year, a year ago, a year earlier, the day before")]
    assert kinds == ["deictic", "anchored", "deictic", "anchored", "anchored"]


# --- resolution ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "resolved", "granularity"), [
    ("last year", "2024", "year"),
    ("next year", "2026", "year"),
    ("this week", "2025-06", "week"),          # a week is pinned only to its month
    ("last week", "2025-06", "week"),
    ("two weeks ago", "2025-06", "week"),
    ("earlier this month", "2025-06", "month"),
    ("last month", "2025-05", "month"),
    ("three days ago", "2025-06-18", "day"),
    ("yesterday", "2025-06-20", "day"),
    ("the end of the year", "2025", "year"),
    ("mid-June", "2025-06", "month"),
])
def test_relative_expressions_resolve_against_publication(text, resolved, granularity):
    got, gran, relative = _one(text)
    assert (got, gran, relative) == (resolved, granularity, True)


def test_week_across_a_month_end_takes_the_month_of_that_week():
    assert _one("last week", published=date(2025, 7, 2))[0] == "2025-06"


def test_bare_month_follows_the_tense_not_the_calendar_forward():
    # dateparser's failure mode: a bare month is resolved forward from today. Past tense looks back.
    assert _one("in November", published=date(2025, 2, 10), tense="past")[0] == "2024-11"
    assert _one("in January", tense="past")[0] == "2025-01"
    assert _one("in January", tense="future")[0] == "2026-01"
    assert _one("in January", tense=None)[0] == "2025-01"
    assert _one("next January")[0] == "2026-01"
    assert _one("last September")[0] == "2024-09"


def test_weekdays_look_back_for_the_past_and_forward_for_plans():
    assert _one("Tuesday", tense="past")[0] == "2025-06-17"
    assert _one("Tuesday", tense="future")[0] == "2025-06-24"
    assert _one("Saturday", tense="past")[0] == "2025-06-21"  # the publication day itself
    assert _one("last Saturday")[0] == "2025-06-14"
    assert _one("next Monday")[0] == "2025-06-23"


def test_quarters_resolve_to_their_year():
    assert _one("the first quarter", tense="past")[0] == "2025"
    assert _one("the fourth quarter", tense="past")[0] == "2024"
    assert _one("the third quarter of 2023") == ("2023", "quarter", False)


def test_unknown_publication_date_leaves_relative_expressions_unresolved():
    for text in ("last year", "in January", "on Tuesday", "two weeks ago", "the first quarter"):
        resolved, _gran, relative = _one(text, published=None, tense="past")
        assert resolved is None and relative, text
    assert _one("June 14, 2025", published=None) == ("2025-06-14", "day", False)


def test_anchored_expressions_use_the_anchor_and_its_precision():
    anchor = (date(2016, 8, 1), "month")
    assert _one("the next year", anchor=anchor)[0] == "2017"
    assert _one("a year earlier", anchor=anchor)[0] == "2015-08"
    assert _one("the previous week", anchor=(date(2019, 3, 4), "day"))[0] == "2019-02"


# --- with the parse --------------------------------------------------------------------------------

def _rows(nlp, text, published=PUB):
    return extract_dates(nlp(text), published=published)


def test_rows_fit_the_schema_and_the_text(nlp):
    text = ("The carrier said Tuesday it had carried 2 million passengers in March, up from a year earlier. "
            "It will add routes next spring and publish results on Aug. 5.")
    rows = _rows(nlp, text)
    assert [r["text"] for r in rows] == ["Tuesday", "March", "a year earlier", "next spring", "Aug. 5"]
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    good, bad = validate_rows("dates", [{"article_id": "a", **r} for r in rows], clean_texts={"a": text})
    assert bad == [] and len(good) == len(rows)


def test_tense_of_the_clause_sets_the_year_of_a_month(nlp):
    past = _rows(nlp, "The mill closed in October after a long strike.", date(2025, 3, 1))
    future = _rows(nlp, "The mill will reopen in January under new owners.", date(2025, 3, 1))
    planned = _rows(nlp, "The mill is expected to reopen in January.", date(2025, 3, 1))
    assert past[0]["resolved"] == "2024-10"
    assert future[0]["resolved"] == "2026-01"
    assert planned[0]["resolved"] == "2026-01"


def test_a_reduced_relative_reports_the_past(nlp):
    rows = _rows(nlp, "Voters will judge a budget unveiled Dec. 9 by the council.", date(2024, 12, 12))
    assert rows[0]["resolved"] == "2024-12-09"


def test_weekday_of_a_scheduled_event_resolves_forward(nlp):
    rows = _rows(nlp, "The board will meet on Thursday, and it met on Monday.", date(2025, 6, 17))
    assert [r["resolved"] for r in rows] == ["2025-06-19", "2025-06-16"]


def test_an_expression_anchored_to_an_earlier_date(nlp):
    rows = _rows(nlp, "The band formed in May 2011. The following year, it toured Japan.")
    assert [r["resolved"] for r in rows] == ["2011-05", "2012"]


def test_a_year_counting_troops_is_not_a_date(nlp):
    assert _rows(nlp, "The army sent 1500 troops to the border.") == []


def test_a_date_that_modifies_a_noun_takes_the_nearest_occurrence(nlp):
    rows = _rows(nlp, "The deal, expected to close within weeks of an October summit, will slip.", date(2025, 11, 20))
    assert rows[0]["resolved"] == "2025-10"
    rows = _rows(nlp, "Analysts expect Monday's announcement to lift shares.", date(2025, 6, 17))
    assert rows[0]["resolved"] == "2025-06-16"


def test_present_tense_weekday_is_the_nearest_one(nlp):
    rows = _rows(nlp, "The council holds a public hearing Thursday.", date(2025, 6, 17))
    assert rows[0]["resolved"] == "2025-06-19"


def test_decades_ago_resolve_to_the_year():
    assert _one("a decade ago") == ("2015", "year", True)
    assert _one("two decades ago")[0] == "2005"


def test_a_month_in_a_person_s_name_is_not_a_date(nlp):
    rows = _rows(nlp, "White House correspondent April Ryan asked about the plan in March.")
    assert [r["text"] for r in rows] == ["March"]


def test_a_publication_datetime_is_taken_as_its_date(nlp):
    from datetime import datetime

    rows = _rows(nlp, "The plant closed on Monday.", datetime(2025, 6, 18, 23, 30))
    assert rows[0]["resolved"] == "2025-06-16"


_PIECES = ["last", "next", "this", "the", "previous", "week", "year", "month", "ago", "a", "two", "May", "June",
           "Dec.", "9", "30", "2019", "Tuesday", "mid-", "quarter", "first", "earlier", "spring", "of", ",", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from([PUB, None, date(2024, 2, 29)]))
def test_any_mix_of_date_words_resolves_to_a_partial_date(words, published):
    text = " ".join(words)
    for t in find_timexes(text):
        assert text[t.start:t.end] == t.text
        resolved, _gran, _rel = resolve(t, published=published, anchor=None, tense="past")
        assert resolved is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", resolved)

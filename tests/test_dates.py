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
           "Dec.", "9", "30", "2019", "Tuesday", "mid-", "quarter", "first", "earlier", "spring", "of", ",", " ",
           "winter", "weekend", "night", "overnight", "recent", "few", "days", "past", "in", "over", "Sept.",
           "Christmas", "Eve", "Easter", "Thanksgiving", "Day"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from([PUB, None, date(2024, 2, 29)]))
def test_any_mix_of_date_words_resolves_to_a_partial_date(words, published):
    text = " ".join(words)
    for t in find_timexes(text):
        assert text[t.start:t.end] == t.text
        resolved, _gran, _rel = resolve(t, published=published, anchor=None, tense="past")
        assert resolved is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", resolved)


# --- seasons, weekends, nights, recent stretches, future-in-the-past ---------------------------------

AUTUMN = date(2019, 11, 19)  # a Tuesday, inside the fall


def test_new_relative_forms_are_found_in_their_shortest_form():
    text = ("Fires burned last night and overnight; in the past few days and in recent weeks crews "
            "rested over the weekend, as they did last weekend, in the spring and this past summer.")
    assert _texts(text) == ["last night", "overnight", "the past few days", "recent weeks", "the weekend",
                            "last weekend", "the spring", "this past summer"]


def test_season_and_weekend_words_that_are_not_dates():
    text = ("Spring Valley voters recalled the Arab Spring and the fall of the empire; the last fall in "
            "prices came on the weekend of June 3, and the last night of the fair was quiet.")
    assert _texts(text) == ["June 3"]


@pytest.mark.parametrize("abbr", ["Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sept.", "Sep.",
                                  "Oct.", "Nov.", "Dec."])
def test_every_month_abbreviation_with_its_period(abbr):
    text = f"The ferry sails on {abbr} 14 and docked on {abbr} 3, 2018, before the strike."
    assert _texts(text) == [f"{abbr} 14", f"{abbr} 3, 2018"]
    month = [t.month for t in find_timexes(text)]
    assert month[0] == month[1] and 1 <= month[0] <= 12


@pytest.mark.parametrize(("text", "published", "tense", "year"), [
    # "last": the latest season over by publication (the fall of 2019 is still under way on Nov. 19)
    ("last spring", AUTUMN, "past", "2019"),
    ("last summer", AUTUMN, "past", "2019"),
    ("last fall", AUTUMN, "past", "2018"),
    ("last autumn", AUTUMN, "past", "2018"),
    ("last winter", AUTUMN, "past", "2018"),    # Dec. 2018 to Feb. 2019: named by its December
    ("last winter", date(2020, 2, 10), "past", "2018"),
    ("last spring", date(2019, 4, 10), "past", "2018"),
    ("last spring", date(2019, 6, 2), "past", "2019"),
    # "next": the first one that starts after publication
    ("next summer", AUTUMN, "future", "2020"),
    ("next winter", AUTUMN, "future", "2019"),   # the winter starting in December 2019
    # "this" and a bare season: the current one, else by tense
    ("this fall", AUTUMN, "past", "2019"),
    ("this winter", date(2020, 1, 20), "past", "2019"),
    ("this winter", AUTUMN, "future", "2019"),
    ("this spring", AUTUMN, "past", "2019"),
    ("this spring", AUTUMN, "future", "2020"),
    ("this spring", AUTUMN, "present", "2020"),
    ("in the spring", AUTUMN, "past", "2019"),
    ("in the spring", AUTUMN, "future", "2020"),
    ("during the summer", date(2019, 7, 4), "past", "2019"),
])
def test_seasons_resolve_to_the_year_of_the_season_meant(text, published, tense, year):
    assert _one(text, published=published, tense=tense) == (year, "quarter", True)


@pytest.mark.parametrize(("text", "published", "tense", "saturday"), [
    ("last weekend", AUTUMN, "past", "2019-11-16"),
    ("this past weekend", AUTUMN, "past", "2019-11-16"),
    ("over the weekend", AUTUMN, "past", "2019-11-16"),
    ("this weekend", AUTUMN, "future", "2019-11-23"),
    ("next weekend", AUTUMN, "future", "2019-11-30"),
    ("this weekend", date(2019, 11, 24), "past", "2019-11-23"),  # published on the Sunday
    ("last weekend", date(2019, 11, 23), "past", "2019-11-16"),  # published on the Saturday
    ("over the weekend", date(2019, 11, 18), None, "2019-11-16"),  # a Monday with no tense: just gone
])
def test_a_weekend_resolves_to_its_saturday(text, published, tense, saturday):
    assert _one(text, published=published, tense=tense) == (saturday, "week", True)


@pytest.mark.parametrize(("text", "resolved", "granularity"), [
    ("last night", "2019-11-18", "day"),
    ("tonight", "2019-11-19", "day"),
    ("overnight", "2019-11-19", "day"),
    ("this morning", "2019-11-19", "day"),
    ("this evening", "2019-11-19", "day"),
    ("the past few days", "2019-11", "day"),
    ("the last two weeks", "2019-11", "week"),
    ("recent weeks", "2019-11", "week"),
    ("recent months", "2019", "month"),
])
def test_nights_and_recent_stretches_resolve_against_publication(text, resolved, granularity):
    assert _one(text, published=AUTUMN) == (resolved, granularity, True)


def test_recent_months_reaching_into_the_year_before_stay_unresolved():
    assert _one("the past three months", published=date(2020, 2, 3)) == (None, "month", True)


def test_unknown_publication_leaves_seasons_and_weekends_unresolved():
    assert _one("last spring", published=None) == (None, "quarter", True)
    assert _one("last weekend", published=None) == (None, "week", True)


def _resolved(nlp, text, published):
    return [r["resolved"] for r in _rows(nlp, text, published)]


def test_a_season_in_past_narrative(nlp):
    text = "Graduates who finished their degrees last spring found jobs faster than those in the fall."
    assert _resolved(nlp, text, AUTUMN) == ["2019", "2019"]


def test_a_season_ahead(nlp):
    assert _resolved(nlp, "The museum will reopen in the spring.", AUTUMN) == ["2020"]
    assert _resolved(nlp, "The district expects new buses this spring.", AUTUMN) == ["2020"]


def test_a_pledge_reported_in_the_past_takes_the_nearest_date(nlp):
    text = "The senator kept repeating her promise that the mill would reopen on Oct. 28."
    assert _resolved(nlp, text, date(2019, 11, 20)) == ["2019-10-28"]
    assert _resolved(nlp, text, date(2019, 10, 2)) == ["2019-10-28"]


def test_a_plan_told_in_a_past_clause_takes_the_nearest_date(nlp):
    text = "The president canceled an increase in tariffs planned for Oct. 15."
    assert _resolved(nlp, text, date(2019, 11, 18)) == ["2019-10-15"]
    # a plan told in the present still looks ahead
    assert _resolved(nlp, "He opposes the tariffs planned for Oct. 15.", date(2019, 11, 18)) == ["2020-10-15"]


def test_said_would_takes_the_nearest_date(nlp):
    text = "The mayor said the city would pay the contractors by Dec. 6."
    assert _resolved(nlp, text, date(2019, 11, 20)) == ["2019-12-06"]


def test_a_conditional_would_in_a_main_clause_still_looks_ahead(nlp):
    assert _resolved(nlp, "The tax would rise in January under the plan.", date(2019, 3, 10)) == ["2020-01"]


def test_was_scheduled_and_was_due_take_the_nearest_date(nlp):
    text = "The recital was scheduled for Sept. 6 but was called off."
    assert _resolved(nlp, text, date(2019, 11, 20)) == ["2019-09-06"]
    text = "The ferry was due to resume service on Nov. 2."
    assert _resolved(nlp, text, date(2019, 11, 20)) == ["2019-11-02"]
    assert _resolved(nlp, text, date(2019, 10, 20)) == ["2019-11-02"]


def test_a_past_act_of_scheduling_fixes_a_date_on_either_side(nlp):
    text = "The council scheduled a final vote for Dec. 9."
    assert _resolved(nlp, text, date(2019, 11, 20)) == ["2019-12-09"]


def test_abbreviated_months_follow_the_tense(nlp):
    text = "Shares slid on Sept. 4 and the firm will report results on Jan. 15."
    assert _resolved(nlp, text, AUTUMN) == ["2019-09-04", "2020-01-15"]


def test_last_night_and_overnight_in_sentences(nlp):
    text = "Police said the warehouse caught fire last night. Two hikers were rescued overnight."
    assert _resolved(nlp, text, AUTUMN) == ["2019-11-18", "2019-11-19"]


def test_overnight_that_is_not_a_time(nlp):
    text = "The overnight lending rate edged up. Lasting change will not happen overnight."
    assert _rows(nlp, text, AUTUMN) == []


def test_a_weekend_in_a_sentence_and_an_anchor_after_it(nlp):
    text = "Protesters marched over the weekend. The day before, organizers had handed out maps."
    assert _resolved(nlp, text, AUTUMN) == ["2019-11-16", "2019-11-15"]


def test_would_in_a_relative_clause_is_a_conditional_not_reported_speech(nlp):
    text = "Lawmakers passed a bill that would cap rents starting in January."
    assert _resolved(nlp, text, date(2019, 3, 12)) == ["2020-01"]


def test_was_to_is_the_future_of_a_past_moment(nlp):
    assert _resolved(nlp, "The witness was to testify on Friday.", AUTUMN) == ["2019-11-22"]


def test_this_past_week():
    assert _one("this past week", published=date(2019, 12, 3)) == ("2019-11", "week", True)


def test_holidays_are_found_by_name_and_not_inside_other_names():
    text = ("Ferries to Christmas Island stop on Christmas Eve, run again after New Year’s Day "
            "and on Labor Day, but not for the Thanksgiving Day Parade.")
    assert _texts(text) == ["Christmas Eve", "New Year’s Day", "Labor Day"]


@pytest.mark.parametrize(("text", "tense", "resolved"), [
    ("Thanksgiving", "future", "2019-11-28"),     # fourth Thursday of November
    ("Thanksgiving", "past", "2018-11-22"),
    ("Black Friday", "future", "2019-11-29"),
    ("Labor Day", "past", "2019-09-02"),          # first Monday of September
    ("Memorial Day", "past", "2019-05-27"),       # last Monday of May
    ("Easter", "future", "2020-04-12"),
    ("Christmas", None, "2019-12-25"),            # no tense: the nearest one
    ("last Christmas", None, "2018-12-25"),
    ("next Halloween", None, "2020-10-31"),
    ("the Fourth of July", "past", "2019-07-04"),
])
def test_holidays_resolve_to_their_date_in_the_year_meant(text, tense, resolved):
    assert _one(text, published=AUTUMN, tense=tense) == (resolved, "day", True)


def test_a_holiday_in_a_sentence(nlp):
    text = "Stores opened on Thanksgiving last year and will open on Christmas Eve."
    assert _resolved(nlp, text, AUTUMN) == ["2018-11-22", "2018", "2019-12-24"]


def test_an_infinitive_under_a_past_verb_of_intent_takes_the_nearest_date(nlp):
    text = "The premier vowed to hold the referendum on Oct. 30."
    assert _resolved(nlp, text, date(2019, 10, 3)) == ["2019-10-30"]   # plain past would say 2018
    assert _resolved(nlp, text, date(2019, 11, 20)) == ["2019-10-30"]
    # an infinitive under a past verb that is not one of intent stays in the past
    assert _resolved(nlp, "The plant began to ship turbines in March.", AUTUMN) == ["2019-03"]


# The occurrence a month or weekday without a year names, where the clause's own tense would mislead:
# (sentence, publication date, resolved)
NEAREST_CASES = [
    # an infinitive with a subject of its own under a past verb of intent: the future of a past moment
    ("The economist said she expected the central bank to cut rates again in December.", date(2022, 9, 26),
     "2022-12"),
    # the date of an event planned ("its scheduled November meeting"), whatever the tense of the clause
    ("The committee had decided to act ahead of its scheduled December meeting.", date(2022, 9, 26), "2022-12"),
    # published on a Thursday: "would meet on Monday" is the coming Monday, not the one three days before
    ("The premier said her cabinet would meet on Monday to discuss the budget.", date(2024, 3, 21), "2024-03-25"),
    # "set out" states (a participle of a past act, its agent named); "set for" would plan
    ("Under the terms, set out by the finance ministry in a statement on Monday, holders will take a haircut.",
     date(2024, 11, 12), "2024-11-11"),
]


@pytest.mark.parametrize(("text", "published", "resolved"), NEAREST_CASES)
def test_the_occurrence_a_date_without_a_year_names(nlp, text, published, resolved):
    assert _resolved(nlp, text, published) == [resolved]


def test_parts_of_a_day_move_by_days_from_their_anchor(nlp):
    text = "The levee broke on Nov. 3. The night before, residents fled; the next morning, crews arrived."
    assert _resolved(nlp, text, AUTUMN) == ["2019-11-03", "2019-11-02", "2019-11-03"]
    assert _one("two nights ago", published=AUTUMN) == ("2019-11-17", "day", True)


def test_the_last_week_of_a_month_is_not_last_week():
    assert _texts("Sales peaked in the last week of June.") == ["June"]


@pytest.mark.model
def test_a_named_event_told_of_in_the_past_is_over(nlp):
    # published on a Monday: Thursday's match was the one before, not the one after
    doc = nlp("The Hornets spent Monday trying to move on from Thursday night's brawl in Denver.")
    rows = extract_dates(doc, published=date(2025, 3, 10))
    assert ("Thursday night", "2025-03-06") in [(r["text"], r["resolved"]) for r in rows]


@pytest.mark.model
def test_a_named_event_in_a_clause_with_no_past_is_the_nearest(nlp):
    doc = nlp("Officials expect a deal within weeks of Thursday's summit.")
    rows = extract_dates(doc, published=date(2025, 3, 10))
    assert [(r["text"], r["resolved"]) for r in rows] == [("Thursday", "2025-03-13")]


@pytest.mark.parametrize(("text", "resolved"), [
    ("The suit was filed in May of this year.", "2025-05"),
    ("In March of last year the plant closed.", "2024-03"),
    ("The vote is set for June of next year.", "2026-06"),
    ("The company listed its shares in June last year.", "2024-06"),  # "of" is often left out
    ("Sales fell in March this year.", "2025-03"),
])
def test_a_month_of_a_relative_year_is_one_date(text, resolved):
    assert _one(text)[0] == resolved
    assert _texts(text) == [re.search(r"\w+ (?:of )?\w+ year", text).group(0)]


def test_this_past_month_looks_back():
    assert _texts("This past May, the museum reopened.") == ["This past May"]
    assert _one("This past May, the museum reopened.")[0] == "2025-05"
    assert _one("This past July, the museum reopened.")[0] == "2024-07"


def test_letters_that_fold_to_ascii_do_not_break_the_grammar():
    # "ſ" (long s) matches "s" case-insensitively; the look-ups fold case the same way
    found = find_timexes("in the \u017fecond quarter of 2019")
    assert [(t.kind, t.quarter, t.year) for t in found] == [("quarter", 2, 2019)]


@pytest.mark.model
def test_dates_without_a_year_fall_in_the_year_ahead_the_text_names(nlp):
    """Published in November 2025: "the 2026 tour" makes a list's "June 9" and a present-tense
    "kicks off June 12" dates of 2026; a past-tense date and one still ahead this year stay put."""
    text = ("The band announced its 2026 tour dates.\n\nJune 9 - Tampa, FL\n\nJune 10 - Miami, FL\n\n"
            "The tour kicks off June 12 in Ohio. The band played Boston on June 3. Tickets go on sale Dec. 6.")
    rows = extract_dates(nlp(text), published=date(2025, 11, 19))
    got = {r["text"]: r["resolved"] for r in rows}
    assert got["June 9"] == "2026-06-09" and got["June 10"] == "2026-06-10" and got["June 12"] == "2026-06-12"
    assert got["June 3"] == "2025-06-03" and got["Dec. 6"] == "2025-12-06"
    assert got["2026"] == "2026"  # "the 2026 tour dates": a year before a compound noun, not a count


@pytest.mark.model
def test_a_number_right_before_a_plural_noun_still_counts(nlp):
    rows = extract_dates(nlp("The army sent 1500 new troops and 1800 ground troops."), published=PUB)
    assert [r["text"] for r in rows] == []  # an adjective or a number out of the years' range: counts


def test_since_a_weekday_looks_back(nlp):
    wed = date(2019, 11, 20)
    assert _resolved(nlp, "The store has been closed since Monday.", wed) == ["2019-11-18"]
    assert _resolved(nlp, "The plan has drawn mockery since introduced on Monday, but she is calm.", wed) \
        == ["2019-11-18"]
    # "since" giving a reason leaves the clause's own tense alone
    assert _resolved(nlp, "Since the plant will close on Friday, workers are worried.", wed) == ["2019-11-22"]


def test_the_simple_present_of_an_act_with_a_weekday_is_its_schedule(nlp):
    tue = date(2019, 11, 19)
    assert _resolved(nlp, "The Hornets play Saturday against the Owls.", tue) == ["2019-11-23"]
    # a weekday that belongs to a noun keeps the nearest day ("a visit on Saturday")
    assert _resolved(nlp, "Now consider what we know about the mayor's visit to the clinic on Saturday.", tue) \
        == ["2019-11-16"]


def test_a_quarter_of_a_game_is_no_date(nlp):
    wed = date(2019, 11, 20)
    assert _resolved(nlp, "The Eagles led 14-7 at halftime before scoring 24 points in the third quarter.", wed) == []
    assert _resolved(nlp, "Profit rose in the third quarter, the company said.", wed) == ["2019"]


def test_a_quarter_of_a_game_story_is_no_date_anywhere_in_it(nlp):
    wed = date(2019, 11, 20)
    text = ("The Hawks beat the Falcons 27-24 behind four touchdowns. Chris Yoon rushed for 98 yards "
            "before leaving with an ankle injury in the third quarter.")
    assert _resolved(nlp, text, wed) == []


def test_a_date_whose_own_word_looks_ahead_is_the_nearest_not_the_past_one(nlp):
    # a change "effective" a day, a span "through" a day, a day a verb of setting fixes something "for"
    assert _resolved(nlp, "It named Carla Dunn its next finance chief, effective Jan. 2.", date(2023, 11, 16)) == [
        "2024-01-02"]
    assert _resolved(nlp, "The weather service issued a warning through Thursday evening.", date(2024, 8, 7)) == [
        "2024-08-08"]
    assert _resolved(nlp, "The judge set sentencing for April 18.", date(2024, 3, 14)) == ["2024-04-18"]
    # a court "lists" a case for a day (Commonwealth and Indian courts' usage)
    assert _resolved(nlp, "Justice Rao listed the matter for 4 March.", date(2024, 2, 13)) == ["2024-03-04"]
    assert _resolved(nlp, "She listed the matter for final hearing on August 21.", date(2019, 7, 16)) == [
        "2019-08-21"]
    assert _resolved(nlp, "The judge set the case for trial on May 3.", date(2024, 4, 10)) == ["2024-05-03"]
    # a past span still ends in the past, and a year named for something else is no context
    assert _resolved(nlp, "She stayed in the hospital until Monday.", date(2024, 8, 7)) == ["2024-08-05"]
    assert _resolved(nlp, "NASA will spend $2 billion through November 2028. Bidders had until Nov. 1 to apply.",
                     date(2019, 11, 18)) == ["2028-11", "2019-11-01"]


def test_a_weekday_before_a_day_and_month_names_that_date(nlp):
    # British and Commonwealth order writes the weekday before the day and the month: one date, the one
    # the calendar date says (not the weekday nearest publication)
    thu = date(2024, 8, 22)
    rows = _rows(nlp, "The stoppage will run from 11am to noon on Friday 30 August.", thu)
    assert [(r["text"], r["resolved"]) for r in rows] == [("Friday 30 August", "2024-08-30")]
    rows = _rows(nlp, "Talks resume on Monday, 2 September 2024.", thu)
    assert [(r["text"], r["resolved"]) for r in rows] == [("Monday, 2 September 2024", "2024-09-02")]


# A past-tense clause whose date still may lie ahead of publication (published Thursday 2024-11-21):
# (sentence, resolved)
AFTER_A_PAST_ACT = [
    # the infinitive of a verb of directing is still ahead when the order is given
    ("The regulator ordered the utility to replace the pipes by Feb. 28.", "2025-02-28"),
    ("A tribunal in Leeds has asked both firms to file their accounts by Jan. 10.", "2025-01-10"),
    # a verb of scheduling fixes a date on either side, whatever its form
    ("The council has scheduled a vote for Jan. 9.", "2025-01-09"),
    ("The hearing was postponed to Jan. 14.", "2025-01-14"),
    ("The magistrate adjourned the case to Feb. 3.", "2025-02-03"),
    # a hearing or deadline named "pending" or "before" lies after the act
    ("The judge ordered the men held pending a bail hearing on Jan. 6.", "2025-01-06"),
    ("The report landed two weeks before the ministry's Jan. 15 deadline.", "2025-01-15"),
    # under "would", the past tense of a condition is no past time
    ("The city said it would fine owners if repairs were not done by Feb. 1.", "2025-02-01"),
]


@pytest.mark.parametrize(("text", "resolved"), AFTER_A_PAST_ACT)
def test_a_date_a_past_act_points_to_is_the_nearest(nlp, text, resolved):
    assert _resolved(nlp, text, date(2024, 11, 21)) == [resolved]


def test_what_a_past_act_points_to_does_not_move_dates_that_are_past_or_ahead(nlp):
    thu = date(2024, 11, 21)
    # a time of day between is no hearing or deadline: the day stays in the past
    assert _resolved(nlp, "Police stopped the truck shortly before 4 a.m. on Aug. 18.", thu) == ["2024-08-18"]
    # a clause already about what lies ahead keeps its tense
    assert _resolved(nlp, "Farmers will need aid before the next harvest in April.", date(2025, 5, 2)) == ["2026-04"]
    # the order's own day, not a year the text named before for something else
    text = "The company expects to finish the rocket in 2027. NASA ordered it to stop work on June 14."
    assert _resolved(nlp, text, date(2024, 9, 26)) == ["2027", "2024-06-14"]


def test_a_days_closing_price_and_a_participle_of_a_past_act_are_past(nlp):
    thu = date(2024, 11, 21)
    text = "The bid values the firm at $4 a share, a premium of 30% to its closing price on Friday."
    assert _resolved(nlp, text, thu) == ["2024-11-15"]
    assert _resolved(nlp, "Under the agreement, signed late on Monday, the union will return to work.",
                     thu) == ["2024-11-18"]
    # a condition is no report
    assert _resolved(nlp, "If approved on Monday, the plan will take effect in March.", thu) == [
        "2024-11-25", "2025-03"]


def test_a_hyphened_quarter_before_its_noun_is_a_quarter():
    assert _texts("It posted a second-quarter loss and fourth-quarter sales rose.") == ["second-quarter",
                                                                                        "fourth-quarter"]
    assert _one("third-quarter", tense="past")[0] == "2024"


@pytest.mark.parametrize(("text", "tense", "resolved"), [
    ("the first half", "past", "2025"),  # published in June: the first half is nearly over
    ("the second half", "past", "2024"),  # not begun yet: told in the past, it is last year's
    ("the second half", "future", "2025"),
    ("first-half", None, "2025"),
    ("the second half of 2024", None, "2024"),
    ("the first half of next year", None, "2026"),
    ("the second half of last year", "past", "2024"),
    ("the second half of the year", "future", "2025"),
])
def test_halves_of_a_year_resolve_to_their_year(text, tense, resolved):
    assert _one(text, tense=tense)[:2] == (resolved, "half")


def test_a_half_of_something_else_is_no_half_of_a_year():
    assert _texts("Inflation rose in the first half of June.") == ["June"]
    assert _texts("She scored in the second half of a 71-58 win.") == []


def test_a_half_of_a_game_is_no_date(nlp):
    wed = date(2019, 11, 20)
    assert _resolved(nlp, "United led 2-0 at halftime but conceded twice in the second half.", wed) == []
    assert _resolved(nlp, "Profit fell in the first half, the company said.", wed) == ["2019"]


@pytest.mark.parametrize(("text", "published", "resolved"), [
    ("fourth-quarter", date(2016, 2, 9), "2015"),  # "its fourth-quarter results, due on Feb. 25"
    ("first-quarter", date(2016, 11, 20), "2017"),  # "expects first-quarter revenue of ..." in November
    ("the second quarter", date(2016, 5, 3), "2016"),
    ("the first half", date(2016, 8, 1), "2016"),
    ("the second half", date(2016, 2, 1), "2015"),
])
def test_a_quarter_or_half_without_tense_is_the_one_nearest_publication(text, published, resolved):
    assert _one(text, published=published, tense=None)[0] == resolved


def test_that_unit_is_the_unit_of_the_date_told_last():
    texts = _texts("The plant opened on May 3, 2019. Later that month it closed; that year it lost money. "
                   "It runs year-round so that year-round fans come.")
    assert texts == ["May 3, 2019", "Later that month", "that year"]
    (t,) = find_timexes("that afternoon")
    assert resolve(t, published=PUB, anchor=(date(2019, 5, 3), "day"), tense="past") == ("2019-05-03", "day", True)
    (t,) = find_timexes("later that year")
    assert resolve(t, published=PUB, anchor=(date(2019, 5, 3), "day"), tense="past")[0] == "2019"

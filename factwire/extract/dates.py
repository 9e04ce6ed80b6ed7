"""Time expressions resolved against the publication date.

`timex.py` finds the expressions; this module pins each one to a partial ISO date:
- absolute ones ("June 14, 2025", "January 2024", "2015") as written, `relative` False;
- deictic ones ("last year", "this week", "two weeks ago", "Tuesday") against `published`;
- anaphoric ones ("the previous week", "a year earlier", "the next year", "that year", "later that
  month", "that afternoon") against the date the text mentioned last, or `published` when there is none;
- a month or weekday without a year ("in January", "on Friday") to the occurrence that the tense of
  its clause implies: past tense looks back from the publication date ("since Monday" too), future
  (will, modals, "is set to") looks forward, and so does a weekday on a verb in the simple present,
  the act's schedule ("the Gophers play Saturday"); "next"/"last" always do; with no tense to go by
  (a date that modifies a noun, "Monday's announcement", also under a present-tense verb), the
  occurrence nearest the publication date. The future of a past
  moment ("his vow that Britain would leave on Oct. 31", "the vote was due to take place on March 3",
  "the board scheduled a vote for Dec. 9") says nothing about which side of publication the date is
  on, so it takes the nearest occurrence too (tense "near"). So does a date whose own word looks ahead
  from its clause's moment ("effective Jan. 2", "through Thursday evening", "set sentencing for April
  18"; tense "nearest": the occurrence nearest publication, never a later year the text named before). So
  does a date a past act points ahead to: what a verb of directing orders ("ordered it to install wells by
  Dec. 31"), a hearing or deadline named "pending", "before", "ahead of" ("held pending a hearing on Jan. 6"),
  the backshifted past of a condition under "would" ("would fine owners if repairs were not done by Feb. 1");
  and a verb of scheduling fixes a date on either side in any form ("has scheduled a vote for", "was postponed
  to"). A day's closing price ("a premium to its closing price on Friday") and a participle of a past act set
  off before its clause ("Under the deal, signed late on Monday, ...") are past.
- a season ("last spring", "this winter", "in the fall") to the year of that season: "last" is the
  latest one that ended before publication, "next" the first that starts after it, "this" and a bare
  season the current one, else by tense (the one already begun for the past, the one not yet over
  for the future, the nearest otherwise). Seasons are meteorological (spring = March to May) and a
  winter is named by the year of its December. Granularity "quarter" (three months), resolved to a year.
- a weekend ("last weekend", "over the weekend") to the date of its Saturday (day precision);
  "last" is the weekend before the current week's, "next" the one after it, "this" and "the weekend"
  by tense. "last night" is the day before publication; "tonight", "overnight", "this morning" the
  publication day; "the past few days", "in recent weeks" the publication month ("recent months" its
  year): the precision a reader can be sure of.
- a quarter or half of a year ("the third quarter", "second-quarter profit", "the first half") to the year
  its tense implies: told in the past, one not yet over at publication is last year's; told in the
  future, one already over is next year's; else the one nearest publication ("its fourth-quarter
  results, due on Feb. 25"); "the second half of last year" names its year.
`resolved` keeps only the precision a reader can be sure of: a week gives its month, a quarter or half
its year. `granularity` is the unit the expression names (day, week, month, quarter, half, year). When the
publication date is unknown, everything relative stays unresolved (None), never resolved against today.

Date arithmetic is python-dateutil's `relativedelta` (month ends, leap years). dateparser is not
used: it is slow to import and call (hundreds of ms per article), resolves a bare month forward
regardless of tense, and needs each candidate span found first anyway, which the grammar does.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc, Token

from factwire.extract.timex import Timex, find_timexes, holiday_date
from factwire.nlp import PRESENT_VERB_TAGS, doc_text
from factwire.wordlists import wordlist

PRECISION = {"day": 3, "month": 2, "year": 1}
UNIT_PRECISION = {"day": "day", "week": "month", "month": "month", "quarter": "year", "year": "year"}
FUTURE_MODALS = wordlist("extract.dates", "future_modals")
_AHEAD_WORDS = wordlist("extract.dates", "ahead_words")  # "effective Jan. 2", "through Thursday"
_SETTING_VERBS = wordlist("extract.dates", "setting_verbs")  # "set sentencing for April 18"
# "is expected to", "is set to": present tense that points forward.
NAME_ENTS = wordlist("extract.dates", "name_ents")
PROSPECTIVE = wordlist("extract.dates", "prospective")
# Present-tense verbs of intent: what they govern lies ahead.
INTENDING = wordlist("extract.dates", "intending")
# Verbs whose infinitive names something still ahead at the time they were said ("vowed to leave").
INTENT = wordlist("extract.dates", "intent")
DIRECTING = wordlist("extract.dates", "directing")  # "ordered it to install wells by Dec. 31"
# "The board scheduled a vote for Dec. 9": the act is past, the date it fixes may lie either side.
SCHEDULING = wordlist("extract.dates", "scheduling")
# "pending a hearing on Jan. 6", "before the Jan. 15 deadline": what they govern lies after the clause's act.
AFTER_THE_ACT = wordlist("extract.dates", "after_the_act")
CONDITION_MARKS = wordlist("extract.dates", "condition_marks")  # "if", "unless"
SETTLED_PRICE_WORDS = wordlist("extract.dates", "settled_price_words")  # "its closing price on Friday"
# Clauses that report or narrate: a "would" inside them is the future of a past moment.
SUBORDINATE = wordlist("extract.dates", "subordinate")
# Meteorological seasons (northern hemisphere): the month each starts in. A winter is named by the
# year of its December ("winter 2019" = Dec 2019 to Feb 2020), as "the 2019-20 winter" is written.
SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "winter": 12}


def fmt(d: date, precision: str) -> str:
    """A date written at a precision: '2025', '2025-06' or '2025-06-14'."""
    return {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(precision, d.isoformat())


def parse_partial(value: str) -> tuple[date, str]:
    """A partial ISO date ('2025-06') as its first day and its precision."""
    parts = [int(p) for p in value.split("-")]
    precision = ("year", "month", "day")[len(parts) - 1]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1), precision


def coarser(a: str, b: str) -> str:
    """The less precise of two precisions."""
    return a if PRECISION[a] <= PRECISION[b] else b


def shift(d: date, unit: str, n: int) -> date:
    """The date n units (day/week/month/quarter/year) after d (before when n < 0)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * n
    return d + relativedelta(months=months)


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """past, future or present: the tense of the clause a char span belongs to; None if no verb, or
    if the span belongs to a noun under a present-tense verb ("consider the visit on Saturday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok: Token = span.root
    if _points_ahead(tok):
        return "nearest"
    if _a_settled_price(tok):
        return "past"
    tense = _tense_above(tok)
    if tense == "past" and _named_after_the_act(tok):
        return "nearest"  # "ordered the men held pending a hearing on Jan. 6"
    return tense


def _tense_above(tok: Token) -> str | None:
    """The tense of the clause above a date's root token (see clause_tense)."""
    if tok.dep_ in ("compound", "nmod", "poss", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        # "an October news conference", "Monday's announcement": a known event, the nearest one;
        # but one that a past-tense clause tells of is over ("distanced themselves from Thursday's fight"),
        # unless the event is one planned ("ahead of its scheduled November meeting"): the nearest one
        head = tok.head
        if any(c.dep_ in ("amod", "acl") and c.lemma_ in PROSPECTIVE for c in head.children):
            return "near"
        for _ in range(12):
            if head.pos_ in ("VERB", "AUX") and _finite_tense(head) is not None:
                return "past" if _finite_tense(head) == "past" else None
            if head.head.i == head.i:
                return None
            head = head.head
        return None
    via_noun = False  # "consider Trump's visit on Saturday": the date is the visit's, not the verb's act
    start_tok = tok
    for _ in range(12):
        if tok.lower_ == "since" or (tok.tag_ in ("VBN", "VBG") and _finite_tense(tok) is None and any(
                c.lower_ == "since" and c.dep_ in ("mark", "prep") for c in tok.children)):
            return "past"  # "since Monday", "since introduced on Monday": a starting point already past
        if tok.pos_ in ("VERB", "AUX") or tok.tag_ == "MD":
            tense = _finite_tense(tok)
            if tense == "present" and via_noun:
                return None
            if tense:
                return tense
            if intended := _intended_in_the_past(tok):
                return intended
        if tok.head.i == tok.i:
            return None
        via_noun = via_noun or tok.pos_ in ("NOUN", "PROPN") and tok.i != start_tok.i
        tok = tok.head
    return None


def _points_ahead(tok: Token) -> bool:
    """A date whose own word looks ahead from the clause's moment, whatever its tense: a change
    "effective Jan. 2", a span that runs "through Thursday evening" or "until Friday", a day a verb of
    setting fixes something "for" ("set sentencing for April 18", "listed the matter for 4 March") or the day
    after what it is set for ("listed the matter for final hearing on August 21"): the nearest such day to publication
    (tense "nearest"), never a year the text named for something else."""
    gov = tok.head
    if gov.i == tok.i:
        return False
    if gov.lower_ in _AHEAD_WORDS:
        return True
    if gov.lower_ == "for" and gov.head.lemma_ in _SETTING_VERBS:
        return True  # "set sentencing for April 18"
    return gov.lower_ == "on" and gov.head.lemma_ in _SETTING_VERBS and gov.i > 0 \
        and any(a.lower_ == "for" and a.dep_ == "prep" for a in (tok.doc[gov.i - 1], *tok.doc[gov.i - 1].ancestors)
                if a.i < gov.i)


def _a_settled_price(tok: Token) -> bool:
    """A day of a market's close ("a premium to its closing price on Friday"): the price was set
    before the story, so the day is past whatever the tense of the offer it measures. The day follows
    the price by its preposition, whichever word the parser hangs it on."""
    prep = tok.head
    if prep.dep_ != "prep" or prep.i == 0 or prep.i != tok.i - 1 and prep.lower_ != "on":
        return False
    before = prep.doc[prep.i - 1]
    return before.lemma_ == "price" and any(c.lower_ in SETTLED_PRICE_WORDS for c in before.children)


def _named_after_the_act(tok: Token) -> bool:
    """A date on a noun that a word of what comes later governs ("pending a hearing on Jan. 6", "before
    the agency's Jan. 15 deadline", "ahead of a May 20 deadline"): that hearing or deadline lies after
    the clause's act, so possibly after publication too; the nearest occurrence."""
    noun_between = False
    t = tok
    for _ in range(8):
        head = t.head
        if head.lower_ in AFTER_THE_ACT and noun_between:
            return True  # ("pending" is tagged a verb)
        if head.i == t.i or head.pos_ in ("VERB", "AUX"):
            return False
        noun_between = noun_between or head.pos_ in ("NOUN", "PROPN") and head.ent_type_ not in ("DATE", "TIME")
        t = head
    return False


def _intended_in_the_past(verb: Token) -> str | None:
    """An infinitive under a past verb of intent ("vowed to leave on Oct. 31"): the future of a past moment
    ("near"); under a past verb of directing ("ordered it to install wells by Dec. 31"): "nearest"."""
    gov = verb.head
    # (with a subject of its own too: "expected the central bank to raise rates in November", parsed as ccomp)
    if not (verb.dep_ in ("xcomp", "ccomp") and any(c.tag_ == "TO" for c in verb.children)
            and (gov.lemma_ in INTENT or gov.lemma_ in DIRECTING) and _finite_tense(gov) == "past"):
        return None
    return "near" if gov.lemma_ in INTENT else "nearest"


def _finite_tense(verb: Token) -> str | None:
    """The tense a verb's own form and auxiliaries mark, or None for a non-finite verb."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = [verb, *auxes]
    if any(a.lower_ in ("would", "'d") for a in auxes) and _reported(verb):
        return "near"  # "said the company would pay by Dec. 9": the future of a past moment
    if any(w.lower_ in FUTURE_MODALS or (w.tag_ == "MD") for w in auxes):
        return "future"
    if any(a.tag_ == "VBD" for a in auxes) and verb.lemma_ in PROSPECTIVE and verb.tag_ in ("VBN", "VBG"):
        return "near"  # "was scheduled for", "was going to", "had been expected to"
    if verb.lemma_ in SCHEDULING and (verb.tag_ == "VBD" or verb.tag_ == "VBN" and auxes):
        return "near"  # "scheduled a vote for", "has scheduled a meeting for", "was postponed to"
    if verb.tag_ == "VBD" and verb.lemma_ == "be" and any(
            (c.dep_ == "acomp" and c.lemma_ in PROSPECTIVE) or c.dep_ == "xcomp" for c in verb.children):
        return "near"  # "was due to", "was to testify"
    if _condition_under_would(verb):
        return "near"  # "would fine owners if repairs were not done by Feb. 1": no past time
    if any(w.tag_ in ("VBD",) for w in words):
        return "past"
    has_perfect = any(a.lemma_ == "have" for a in auxes)
    if verb.tag_ == "VBN" and has_perfect:
        return "past"
    if verb.tag_ == "VBN" and not auxes and (verb.dep_ == "acl" or verb.dep_ == "advcl" and (
            any(c.dep_ == "agent" for c in verb.children) or not any(c.dep_ == "mark" for c in verb.children))):
        # (also a participle set off before the clause, with its agent or without a subordinator: "Under
        # the terms, set out by the ministry on Monday, holders will ...", "Under the deal, signed late on
        # Monday, the union will ..."; "if approved on Monday" is a condition, not a report)
        # a reduced relative ("a bill released Dec. 9") reports a past event unless it plans one; a plan
        # that a past-tense clause tells of is the future of a past moment ("canceled an increase in
        # tariffs planned for Oct. 15")
        if verb.lemma_ not in PROSPECTIVE or any(c.dep_ == "prt" for c in verb.children):
            return "past"  # ("terms set out in a statement on Monday": "set out" states, "set for" plans)
        return "near" if _told_in_the_past(verb.head) else "future"
    if any(w.tag_ in PRESENT_VERB_TAGS for w in words):
        if verb.lemma_ in INTENDING and verb.tag_ in PRESENT_VERB_TAGS:
            return "future"  # "the school expects results in March", "plans to open on Friday"
        if verb.lemma_ in PROSPECTIVE and verb.tag_ in ("VBN", "VBG"):
            return "future"
        if verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes):
            return "future"  # "is meeting on Friday": the present progressive of plans
        return "present"
    return None


def _condition_under_would(verb: Token) -> bool:
    """A condition ("if", "unless") of a clause with "would": its past tense is backshifted, not past time."""
    return (verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children)
            and any(a.lower_ in ("would", "'d") for a in verb.head.children if a.dep_ == "aux"))


def _told_in_the_past(noun: Token) -> bool:
    """Whether the nearest finite verb above a noun is in the past tense."""
    tok = noun
    for _ in range(8):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and (tense := _finite_tense(tok)) is not None:
            return tense == "past"
    return False


def _reported(verb: Token) -> bool:
    """A clause that reports or narrates from a past moment: under a past-tense verb or a noun ("vow that")."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ not in SUBORDINATE:
        return False
    gov = clause.head
    if gov.pos_ in ("NOUN", "PROPN"):
        # "her vow that Britain would leave": reported; "a bill that would cap rents": a conditional
        return clause.dep_ != "relcl"
    return gov.tag_ in ("VBD", "VBN") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in gov.children)


def _year_for(month: int, day: int | None, published: date, tense: str | None, rel: str | None) -> int:
    """The year of a month (and day) written without one, from 'next'/'last' or the tense."""
    here = (published.month, published.day if day else 0)
    there = (month, day or 0)
    y = published.year
    if rel == "next":
        return y if (month > published.month) else y + 1
    if rel == "last":
        return y if (month < published.month) else y - 1
    if tense == "past":
        return y - 1 if there > here else y
    if tense == "future":
        return y + 1 if there < here else y
    # no tense to go by: the nearest such month (or day) to the publication date
    if day:
        days = {c: abs((date(c, month, min(day, 28)) - published).days) for c in (y - 1, y, y + 1)}
        return min(days, key=lambda c: (days[c], c != y))
    return min((y - 1, y, y + 1), key=lambda c: (abs((c - y) * 12 + month - published.month), c != y))


def _season_year(season: str, published: date, tense: str | None, rel: str | None) -> int:
    """The year that names the season meant: 'last spring' is the latest spring over by publication."""
    start_month = SEASON_START[season]
    spans = [(y, date(y, start_month, 1), date(y, start_month, 1) + relativedelta(months=3))
             for y in range(published.year - 2, published.year + 2)]  # (name, first day, day after)
    ended = [y for y, _s, e in spans if e <= published]
    begun = [y for y, s, _e in spans if s <= published]
    not_over = [y for y, _s, e in spans if e > published]
    upcoming = [y for y, s, _e in spans if s > published]
    current = [y for y, s, e in spans if s <= published < e]
    if rel == "last":
        return ended[-1]
    if rel == "next":
        return upcoming[0]
    if current:
        return current[0]
    if tense == "past":
        return begun[-1]
    if tense == "future" or (rel == "this" and tense == "present"):  # "opens this spring"
        return not_over[0]
    if rel == "this" and tense is None:  # "this spring's floods": the one of the publication's year
        return published.year
    # the nearest season: fewer days between the publication date and its span
    return min(spans, key=lambda sp: min(abs((sp[1] - published).days), abs((published - sp[2]).days)))[0]


def _holiday(name: str, published: date, tense: str | None, rel: str | None) -> date:
    """The occurrence of a named holiday meant: by 'last'/'next'/'this' or the tense, else the nearest."""
    days = [holiday_date(name, y) for y in range(published.year - 1, published.year + 2)]
    if rel == "last":
        return max(d for d in days if d < published)
    if rel == "next":
        return min(d for d in days if d > published)
    if rel == "this":
        return days[1]
    if tense == "past":
        return max(d for d in days if d <= published)
    if tense == "future":
        return min(d for d in days if d >= published)
    return min(days, key=lambda d: abs((d - published).days))


def _weekend_saturday(published: date, tense: str | None, rel: str | None) -> date:
    """The Saturday of the weekend meant: 'last weekend' is the one before the current week's."""
    wd = published.weekday()
    saturday = published + timedelta(days=5 - wd)  # the Saturday of the publication's (Monday) week
    if rel == "last":
        return saturday - timedelta(weeks=1)
    if rel == "next":
        return saturday + timedelta(weeks=1)
    if wd >= 5:  # published on the weekend itself: "this weekend", "over the weekend"
        return saturday
    if tense == "past" or (tense != "future" and wd <= 1):
        return saturday - timedelta(weeks=1)  # the weekend just gone
    return saturday


def _weekday_date(weekday: int, published: date, tense: str | None, rel: str | None) -> date:
    """The date of a named weekday near the publication date."""
    back = (published.weekday() - weekday) % 7
    forward = (weekday - published.weekday()) % 7
    if rel == "last":
        return published - timedelta(days=back or 7)
    if rel == "next":
        return published + timedelta(days=forward or 7)
    if rel == "this":
        return published - timedelta(days=published.weekday()) + timedelta(days=weekday)
    if tense in ("future", "present", "near"):
        # the simple present of an act is its schedule: "the Gophers play Saturday", "holds a hearing
        # Wednesday" (today when the day is the publication's own); a weekday said to lie ahead ("said her
        # Cabinet would meet on Monday") lies ahead of a saying of the same week, so of publication too
        return published + timedelta(days=forward)
    if tense == "past":
        return published - timedelta(days=back)
    # no tense ("Monday's announcement"): the nearest one
    return published + timedelta(days=forward) if forward < back else published - timedelta(days=back)


def resolve(t: Timex, *, published: date | None, anchor: tuple[date, str] | None,
            tense: str | None, context_year: int | None = None) -> tuple[str | None, str, bool]:
    """(resolved, granularity, relative) of one time expression. `context_year`: the year after
    publication the text named last ("the 2020 tour", "next year"); a month or day written without a
    year whose clause is not in the past tense, and that would otherwise fall before publication,
    falls in that year ("kicks off June 9", a list of dates)."""
    if t.kind == "date":
        try:
            return fmt(date(t.year, t.month, t.day), "day"), "day", False
        except ValueError:
            return None, "day", False
    if t.kind == "month_year":
        return f"{t.year:04d}-{t.month:02d}", "month", False
    if t.kind == "year":
        return f"{t.year:04d}", "year", False
    if t.kind in ("quarter", "half") and t.year:
        return f"{t.year:04d}", t.kind, False
    if t.kind == "anchored":
        base, precision = anchor or ((published, "day") if published else (None, "day"))
        if base is None:
            return None, t.unit, True
        if t.rel != "point":
            precision = coarser(precision, UNIT_PRECISION[t.unit])
        return fmt(shift(base, t.unit, t.shift), precision), t.unit, True
    if t.kind == "month_rel_year":  # "March of last year"
        if published is None:
            return None, "month", True
        return f"{published.year + t.shift:04d}-{t.month:02d}", "month", True
    if published is None:
        granularity = {"month_day": "day", "weekday": "day", "month": "month", "season": "quarter",
                       "weekend": "week", "holiday": "day"}.get(t.kind, t.unit or "day")
        return None, granularity, True
    if t.kind in ("month", "month_day"):
        year = _year_for(t.month, t.day, published, tense, t.rel)
        if context_year is not None and context_year > year and t.rel is None and tense not in ("past", "nearest") \
                and (year, t.month, t.day or 31) < (published.year, published.month, published.day):
            year = context_year  # "the 2020 tour ... June 9": the year the text is talking about
        try:
            d = date(year, t.month, t.day or 1)
        except ValueError:
            return None, "day", True
        precision = "day" if t.day else "month"
        return fmt(d, precision), precision, True
    if t.kind == "weekday":
        return fmt(_weekday_date(t.weekday, published, tense, t.rel), "day"), "day", True
    if t.kind == "season":
        return f"{_season_year(t.season, published, tense, t.rel):04d}", "quarter", True
    if t.kind == "holiday":
        return fmt(_holiday(t.holiday, published, tense, t.rel), "day"), "day", True
    if t.kind == "weekend":
        return fmt(_weekend_saturday(published, tense, t.rel), "day"), "week", True
    if t.kind == "recent":  # "the past few days", "in recent weeks": only the month is sure
        if t.unit != "month":
            return fmt(published, "month"), t.unit, True
        # "in recent months": the year, unless the stretch reaches back into the year before
        sure = shift(published, "month", t.shift).year == published.year
        return (fmt(published, "year") if sure else None), "month", True
    if t.kind == "half" and t.rel:  # "the second half of last year"
        return f"{published.year + t.shift:04d}", "half", True
    if t.kind in ("quarter", "half"):
        return f"{_period_year(t, published, tense):04d}", t.kind, True
    # deictic: "last year", "this week", "two weeks ago", "yesterday"
    return fmt(shift(published, t.unit, t.shift), UNIT_PRECISION[t.unit]), t.unit, True


def _period_year(t: Timex, published: date, tense: str | None) -> int:
    """The year of a quarter or half named without one: told in the past, one not yet over at
    publication is last year's; told in the future, one already over is next year's; else the one
    nearest publication ("its fourth-quarter results, due on Feb. 25" are last year's)."""
    current = (published.month - 1) // 3 + 1
    if tense == "past":
        return published.year - (t.quarter > current)
    if tense == "future":
        return published.year + (t.quarter < current)
    last = 3 * t.quarter  # its last month
    first = last - (3 if t.kind == "quarter" else 6) + 1
    now = published.year * 12 + published.month

    def months_away(year: int) -> int:
        return max(year * 12 + first - now, now - (year * 12 + last), 0)

    return min((published.year, published.year - 1, published.year + 1), key=months_away)


def _in_a_name(doc: Doc, t: Timex) -> bool:
    """A month or weekday word that is part of a name ("April Ryan", "June Oil", "Black Friday")."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span is not None and any(tok.ent_type_ in NAME_ENTS for tok in span)


def _overnight_is_a_time(doc: Doc, t: Timex) -> bool:
    """'Rain fell overnight' dates an event; 'the overnight rate', 'won't happen overnight' do not."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or span.root.dep_ == "amod" or span.root.pos_ == "ADJ":
        return False
    verb = span.root.head
    return clause_tense(doc, t.start, t.end) in ("past", "present") and not any(
        c.dep_ == "neg" for c in verb.children)


_SCORE = re.compile(r"\b\d{1,3}[-\u2013]\d{1,3}\b")
_GAME_WORDS = wordlist("extract.dates", "game_words")


def _game_period(doc: Doc, t: Timex) -> bool:
    """'scoring 24 points in the third quarter' of a game with a score ("led 14-7 at halftime") is a
    period of play, not a quarter of the year; so is any bare "the third quarter" of a story that
    reports a game (a sentence with a score and a word of play: "rallied to beat X 27-24 ... four
    touchdowns")."""
    if t.kind not in ("quarter", "half") or t.year is not None:
        return False
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    sent = span.sent
    if _SCORE.search(sent.text) or any(w.lower_ in _GAME_WORDS for w in sent):
        return True
    return any(_SCORE.search(s.text) and any(w.lower_ in _GAME_WORDS for w in s) for s in doc.sents)


def _counts_something(doc: Doc, t: Timex) -> bool:
    """A four-digit number that counts a plural noun ("1500 troops") is not a year."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ != "nummod" or root.head.tag_ not in ("NNS", "NNPS"):
        return False
    # "the 2020 tour dates", "2019 tax returns": a singular noun between the number and the plural
    # one says the number dates the thing it stands before; "1500 new troops" counts them
    plausible_year = root.text.isdigit() and 1900 <= int(root.text) <= 2100
    return not plausible_year or not any(tok.tag_ in ("NN", "NNP") for tok in doc[root.i + 1:root.head.i])


def extract_dates(doc: Doc, *, published: date | None) -> list[dict[str, Any]]:
    """Rows of the dates table: text, start, end, resolved, granularity, relative."""
    if isinstance(published, datetime):
        published = published.date()  # a datetime would print its time into `resolved`
    rows: list[dict[str, Any]] = []
    anchor: tuple[date, str] | None = None
    context_year: int | None = None
    for t in find_timexes(doc_text(doc)):
        if t.kind == "year" and t.text.isdigit() and _counts_something(doc, t):
            continue
        if t.kind in ("month", "weekday") and " " not in t.text and _in_a_name(doc, t):
            continue
        if _game_period(doc, t):
            continue
        needs_tense = t.kind in ("month", "month_day", "weekday", "quarter", "half", "season", "weekend",
                                 "holiday")
        tense = clause_tense(doc, t.start, t.end) if needs_tense else None
        if t.rel == "overnight" and not _overnight_is_a_time(doc, t):
            continue
        resolved, granularity, relative = resolve(t, published=published, anchor=anchor, tense=tense,
                                                  context_year=context_year)
        rows.append({"text": t.text, "start": t.start, "end": t.end, "resolved": resolved,
                     "granularity": granularity, "relative": relative})
        if resolved:
            anchor = parse_partial(resolved)
            if (granularity == "year" or not relative) and published and anchor[0].year > published.year:
                context_year = anchor[0].year  # "2020", "June 2020", "next year": a year ahead named last
    return rows

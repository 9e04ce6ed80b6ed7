"""A small grammar of English time expressions: finds them in text and says what each one names.

Resolution against the publication date lives in `dates.py`; this module only reads the surface.
Each `Timex` carries the parts it names (year, month, day, weekday, a relative shift, an anchor
word), so that resolving it is plain date arithmetic. Regular expressions over the clean text are
the grammar (as in HeidelTime or SUTime): the surface forms of dates are lexical, and reading them
directly is both faster and more exact than spaCy's DATE entities, which also tag durations ("18
years") and miss offsets on "mid-June".
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from dateutil.easter import easter

from factwire.resolve.lexicon import MONTHS

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}
SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = ("spring", "summer", "fall", "autumn", "winter")


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (n = -1: the last one)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


# Holidays news writes by name: the date each falls on in a year (US dates for the floating ones).
HOLIDAYS = {
    "new year's day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31),
    "valentine's day": lambda y: date(y, 2, 14),
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "easter": easter,
    "easter sunday": easter,
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "fourth of july": lambda y: date(y, 7, 4),
    "july fourth": lambda y: date(y, 7, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "halloween": lambda y: date(y, 10, 31),
    "veterans day": lambda y: date(y, 11, 11),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "black friday": lambda y: _nth_weekday(y, 11, 3, 4) + timedelta(days=1),
    "cyber monday": lambda y: _nth_weekday(y, 11, 3, 4) + timedelta(days=4),
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas": lambda y: date(y, 12, 25),
    "christmas day": lambda y: date(y, 12, 25),
}
_APOS = "['\u2019]"
# Capitalized as names are; not when the name runs on into another ("Christmas Island", "Easter Parade").
_HOLIDAY = (rf"(?P<hol>New\sYear{_APOS}s\s(?:Day|Eve)|Valentine{_APOS}s\sDay|Good\sFriday|Easter(?:\sSunday)?|"
            r"Memorial\sDay|(?:the\s)?Fourth\sof\sJuly|July\sFourth|Labor\sDay|Halloween|Veterans\sDay|"
            r"Thanksgiving(?:\sDay)?|Black\sFriday|Cyber\sMonday|Christmas(?:\s(?:Eve|Day))?)\b(?!\s[A-Z])")


def holiday_date(name: str, year: int) -> date:
    """The date a named holiday falls on in a year."""
    key = name.lower().replace("\u2019", "'").removeprefix("the ")
    return HOLIDAYS[" ".join(key.split())](year)

# Full month names, or an abbreviation with its period ("Dec."), or a bare one before a day number.
_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
_MONTH = rf"(?P<month>{_FULL}|{_ABBR})"
_MONTH_D = rf"(?P<month>{_FULL}|{_ABBR}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=\s\d))"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_NOT_NUM = r"(?![\d,.]\d|\s?%|\s?(?:percent|per cent)\b|s\b|'s\b)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_UNIT = r"(?P<unit>day|night|morning|afternoon|evening|week|month|year|quarter|weekend|decade)s?"
_PART = r"(?P<part>mid|early|late)"
_REL = r"(?P<rel>this|last|next)"
_ANCH = r"(?P<anch>previous|prior|following|next|same)"
_EDGE = r"(?P<edge>end|beginning|start|middle|rest|remainder)"
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_SEASON_LC = r"(?P<season>spring|summer|fall|autumn|winter)"  # used outside (?i:...): lower case only


@dataclass(frozen=True)
class Timex:
    """A time expression found in text: its span and the calendar parts it names."""

    start: int
    end: int
    text: str
    kind: str  # date | month_year | month_rel_year | year | month | month_day | weekday | deictic | anchored | quarter
    # | half | season | weekend | recent | holiday
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str | None = None  # day | week | month | year | quarter | half
    shift: int = 0  # units forward (+) or back (-)
    rel: str | None = None  # this | last | next ("next January"); "point" for "a year earlier";
    # for a day word, the word itself ("tonight", "overnight", "last night")
    quarter: int | None = None  # for a half, the last quarter it takes in
    season: str | None = None  # spring | summer | fall | winter
    holiday: str | None = None  # its name as written ("Thanksgiving", "New Year's Eve")


def _month(s: str) -> int:
    return MONTHS[s.casefold().rstrip(".")]


def _num(s: str) -> int:
    return int(s) if s.isdigit() else SMALL_NUMBERS[s.casefold()]


def _unit(s: str) -> str:
    u = s.lower()
    # a part of a day ("the night before", "the next morning") moves by days
    return {"weekend": "week", "decade": "year", "night": "day", "morning": "day", "afternoon": "day",
            "evening": "day"}.get(u, u)


# Each rule: (kind, pattern). Earlier and longer matches win over later, overlapping ones.
RULES: list[tuple[str, re.Pattern[str]]] = [(k, re.compile(p)) for k, p in [
    ("weekday_date", rf"\b{_WEEKDAY},?\s{_MONTH_D}\s{_DAY}(?:,?\s{_YEAR})?\b{_NOT_NUM}"),
    # British and Commonwealth order: "Friday 30 August", "Monday, 2 September 2024"
    ("weekday_date", rf"\b{_WEEKDAY},?\s{_DAY}\s{_MONTH}(?:,?\s{_YEAR})?\b{_NOT_NUM}"),
    ("date", rf"\b{_MONTH_D}\s{_DAY},?\s{_YEAR}\b{_NOT_NUM}"),
    ("date", rf"\b{_DAY}\s{_MONTH},?\s{_YEAR}\b{_NOT_NUM}"),
    ("month_year", rf"\b(?:(?:{_PART}-|(?P<part2>mid|early|late)\s)){_MONTH}\s(?:of\s)?{_YEAR}\b{_NOT_NUM}"),
    ("month_year", rf"\b{_MONTH},?\s(?:of\s)?{_YEAR}\b{_NOT_NUM}"),
    # "May of this year", "March of last year": the month of a year named relative to publication
    ("month_rel_year", rf"\b{_MONTH}\s(?i:(?:of\s)?(?P<rel>this|last|next)\syear)\b"),
    ("month_day", rf"\b{_MONTH_D}\s{_DAY}\b(?![,.]?\d|\s?%)"),
    ("month_day", rf"\b{_DAY}\s{_MONTH}(?!\s?\d)"),
    # "the third quarter", "second-quarter profit" (the adjective is hyphened), "the fourth quarter of 2024"
    ("quarter", rf"(?i:\b(?:the\s)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter)"
                rf"(?:\s(?:of\s)?{_YEAR})?\b"),
    # a half of a (fiscal) year: "the first half", "first-half sales", "the second half of 2024", "the
    # second half of the year"; not the half of something else ("the first half of June", "of a game")
    ("half", rf"(?i:\b(?:the\s)?(?P<ord>first|second)[\s-]half\b)(?:\s(?:of\s)?{_YEAR}\b"
             rf"|(?i:\sof\s(?:the|(?P<rel>this|last|next))\syear)\b|(?!\s+of\b))"),
    ("quarter", rf"\bQ(?P<q>[1-4])(?:\s?{_YEAR})?\b"),
    ("season_year", rf"(?i:\b(?:the\s)?{_SEASON}\s(?:of\s)?){_YEAR}\b{_NOT_NUM}"),
    ("part_year", rf"(?i:\b(?:{_PART}-|(?P<part2>mid|early|late)\s)){_YEAR}\b{_NOT_NUM}"),
    ("fiscal_year", rf"\b(?:fiscal(?:\syear)?\s|FY\s?){_YEAR}\b{_NOT_NUM}"),
    ("rel_month", rf"(?i:\b(?:this\s(?P<past>past)|(?P<rel>next|last|this))\s){_MONTH}(?!\s\d)"),
    ("part_month", rf"(?i:\b(?:{_PART}-|(?P<part2>mid|early|late)\s)){_MONTH}(?!\s\d)"),
    ("month", rf"\b{_MONTH}(?!\s\d)"),
    ("weekday", rf"(?i:\b(?:(?P<rel>last|next|this)\s)?){_WEEKDAY}"
                r"(?i:(?:\s(?:morning|afternoon|evening|night))?)\b"),
    ("holiday", rf"\b(?:(?P<rel>(?i:last|next|this))\s)?{_HOLIDAY}"),
    ("day_word", r"(?i:\b(?P<w>today|yesterday|tomorrow|tonight|overnight)\b)"),
    ("day_word", r"(?i:(?<!the\s)\b(?P<w>last\s(?:night|evening))\b)"),
    ("day_word", r"(?i:\bthis\s(?P<w>morning|afternoon|evening))\b"),
    # "last spring", "this past summer", "the past winter"; not "the last fall in prices"
    # Seasons are written in lower case; "Spring Valley", "the Arab Spring" are names.
    ("season", rf"(?<![Tt]he\s)\b(?:(?i:this)\s(?P<past>past)|(?P<rel>(?i:this|last|next)))\s{_SEASON_LC}\b"),
    ("season", rf"\b(?i:the)\s(?P<past>past)\s{_SEASON_LC}\b"),
    # a bare season after a preposition ("in the spring", "over the summer"); not "the fall of Rome"
    ("season", rf"\b(?i:in|during|over|by|until|through|throughout|since|before|after)\s"
               rf"(?P<core>(?:the\s)?{_SEASON_LC})\b(?!\s+of\b|-)"),
    # the weekend names its Saturday: "last weekend", "over the weekend"; not "the weekend of June 3"
    ("weekend", r"(?i:(?<!the\s)\b(?:this\s(?P<past>past)|(?P<rel>this|last|next))\sweekend)\b"),
    ("weekend", r"(?i:\bthe\s(?P<past>past)\sweekend)\b"),
    ("weekend", r"(?i:\b(?:over|during|on|at|through|throughout|since|until|before|after|by)\s"
                r"(?P<core>the\sweekend))\b(?!\s+of\b|'s|-)"),
    # a recent stretch: "the past few days", "in recent weeks", "the last two weeks"
    ("recent", rf"(?i:\b(?:the\s(?:last|past)\s(?:few|several|couple\sof|{_NUM})|recent)\s"
               r"(?P<unit>day|week|month)s)\b"),
    ("edge", rf"(?i:\bthe\s{_EDGE}\sof\s(?:the|this|(?P<rel>last|next))\s{_UNIT})\b"),
    # not "the last week of June", "the last night of the fair"
    ("deictic", rf"(?i:\b(?:earlier\s|later\s|so\sfar\s)?"
                rf"(?:(?<!the\s){_REL}|(?:the|this)\s(?P<rel2>past|coming))\s{_UNIT})\b"),
    ("ago", rf"(?i:\b{_NUM}\s{_UNIT}\sago)\b"),
    ("anchored", rf"(?i:\b{_NUM}\s{_UNIT}\s(?P<dir>earlier|later|before))\b(?!\s(?:the|a|an|his|her|its|their)\b)"),
    ("anchored", rf"(?i:\bthe\s{_ANCH}\s{_UNIT})\b"),
    # the unit of the date told last: "that year", "later that month", "that afternoon" (not "that year-round")
    ("anchored", rf"(?i:\b(?:(?:later|earlier)\s)?(?P<that>that)\s{_UNIT})\b(?!-)"),
    ("anchored", rf"(?i:\bthe\s{_UNIT}\s(?P<dir>before|after))\b(?=[\s,.;]|$)(?!\s(?:the|a|an|his|her|its|their)\b)"),
    ("year", rf"\b(?<![$€£¥\d.,#-]){_YEAR}\b{_NOT_NUM}"),
]]


def _make(kind: str, m: re.Match[str]) -> Timex | None:
    """The Timex a rule's match names, or None when the match is not a date after all."""
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    # a rule may match a leading preposition only to know the context; the span is its `core`
    cut = "core" if "core" in g else 0
    base = {"start": m.start(cut), "end": m.end(cut), "text": m.group(cut)}
    year = int(g["year"]) if "year" in g else None
    month = _month(g["month"]) if "month" in g else None
    if "day" in g and not 1 <= int(g["day"]) <= 31:
        return None
    day = int(g["day"]) if "day" in g else None
    if kind in ("date", "weekday_date"):
        return Timex(**base, kind="date" if year else "month_day", year=year, month=month, day=day)
    if kind == "month_year":
        return Timex(**base, kind="month_year", year=year, month=month)
    if kind == "month_rel_year":
        shift = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        return Timex(**base, kind="month_rel_year", month=month, unit="year", shift=shift)
    if kind in ("month_day", "month", "part_month", "rel_month"):
        if g.get("month") == "May" and kind == "month" and not _may_is_month(m):
            return None
        rel = "last" if "past" in g else g.get("rel", "").lower() or None  # "this past May"
        return Timex(**base, kind="month_day" if day else "month", month=month, day=day, rel=rel)
    if kind in ("season_year", "part_year", "fiscal_year"):
        return Timex(**base, kind="year", year=year)
    if kind == "year":
        return Timex(**base, kind="year", year=year)
    if kind == "quarter":
        q = int(g["q"]) if "q" in g else ORDINALS[g["ord"].casefold()]
        return Timex(**base, kind="quarter", year=year, quarter=q, unit="quarter")
    if kind == "half":  # `quarter`: the last quarter the half takes in
        shift = {"last": -1, "next": 1}.get((g.get("rel") or "").lower(), 0)
        return Timex(**base, kind="half", year=year, quarter=2 * ORDINALS[g["ord"].casefold()], unit="half",
                     shift=shift, rel=(g.get("rel") or "").lower() or None)
    if kind == "weekday":
        return Timex(**base, kind="weekday", weekday=WEEKDAYS[g["weekday"].casefold()],
                     rel=g.get("rel", "").lower() or None)
    if kind == "holiday":
        return Timex(**base, kind="holiday", unit="day", rel=(g.get("rel") or "").lower() or None,
                     holiday=g["hol"])
    if kind == "day_word":
        word = " ".join(g["w"].lower().split())
        shift = {"yesterday": -1, "tomorrow": 1, "last night": -1, "last evening": -1}.get(word, 0)
        return Timex(**base, kind="deictic", unit="day", shift=shift, rel=word)
    if kind in ("season", "weekend"):
        rel = "last" if "past" in g else (g.get("rel") or "").lower() or None
        season = g["season"].lower().replace("autumn", "fall") if "season" in g else None
        return Timex(**base, kind=kind, unit="quarter" if season else "week", rel=rel, season=season)
    if kind == "recent":  # shift: how many units back the stretch reaches at least
        n = _num(g["n"]) if "n" in g else 2
        return Timex(**base, kind="recent", unit=g["unit"].lower(), shift=-n)
    if kind in ("deictic", "edge"):
        rel = (g.get("rel") or g.get("rel2") or "this").lower()
        unit = _unit(g["unit"]) if "unit" in g else "year"
        shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
        return Timex(**base, kind="deictic", unit=unit, shift=shift)
    if kind == "ago":
        n = _num(g["n"]) * (10 if g["unit"].lower().startswith("decade") else 1)
        return Timex(**base, kind="deictic", unit=_unit(g["unit"]), shift=-n)
    if kind == "anchored":
        word = (g.get("anch") or g.get("dir") or g.get("that") or "").lower()
        n = _num(g["n"]) if "n" in g else 1
        sign = {"previous": -1, "prior": -1, "earlier": -1, "before": -1, "same": 0, "that": 0}.get(word, 1)
        # "a year earlier" moves the anchor's point; "the previous year" names a whole unit
        return Timex(**base, kind="anchored", unit=_unit(g["unit"]), shift=sign * n,
                     rel="point" if "dir" in g else None)
    return None


def _may_is_month(m: re.Match[str]) -> bool:
    """'May' alone is a month only after a preposition or time word, not as the modal verb."""
    before = m.string[max(0, m.start() - 12):m.start()].lower().split()
    return bool(before) and before[-1] in {"in", "since", "by", "until", "from", "through", "before", "after",
                                           "during", "of", "early", "late", "mid", "last", "next", "this",
                                           "to", "between", "and", "or"}


# Characters outside ASCII that a case-insensitive ASCII letter matches in `re` ("(?i)k" matches the
# Kelvin sign): folded to that letter before a rule's required words are looked for.
_RE_CASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_MAX_WORDS = 64


def _best(needs: list[set[str]]) -> set[str] | None:
    """The most telling of several sets of required strings: the longest shortest string, then the fewest."""
    return max(needs, key=lambda f: (min(map(len, f)), -len(f))) if needs else None


def _literal_words(seq: Any) -> tuple[set[str] | None, list[set[str]]]:
    """Of a parsed pattern: the lower-case strings it can only match (if a few, else None), and sets
    of lower-case strings such that every match holds a string of each set."""
    exact: set[str] | None = {""}  # the strings matched so far, while only literals were met
    run: set[str] | None = {""}  # the literal strings a match holds contiguously up to here
    found: list[set[str]] = []

    def cut() -> None:
        nonlocal run
        if run and "" not in run:
            found.append(run)
        run = {""}

    for op, av in seq:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width: consumes nothing, so what comes after continues the run
        piece: set[str] | None = None
        if op is sre.LITERAL and av < 128:
            piece = {chr(av).lower()}
        elif op is sre.IN and av and all(o is sre.LITERAL and a < 128 for o, a in av):
            piece = {chr(a).lower() for _, a in av}
        elif op in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
            piece, needs = _literal_words(av[-1] if op is sre.SUBPATTERN else av)
            if piece is None:
                found += needs
        elif op is sre.BRANCH:
            parts = [e if e is not None else _best(n) for e, n in map(_literal_words, av[1])]
            if all(e is not None for e, _ in map(_literal_words, av[1])):
                piece = set().union(*parts)
            elif all(part is not None for part in parts):
                found.append(set().union(*parts))  # each branch holds its own: the match, one of them
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            item_exact, item_needs = _literal_words(av[2])
            if av[0] == av[1] == 1:
                piece = item_exact
            if piece is None:
                found += [item_exact] if item_exact is not None else item_needs
        if piece is None or "" in piece:
            cut()
            exact = None
            continue
        joined = {a + b for a in run for b in piece} if run is not None else None
        if joined is None or len(joined) > _MAX_WORDS:
            cut()
            joined = piece if len(piece) <= _MAX_WORDS else None
        run = joined if joined is not None else {""}
        exact = {a + b for a in exact for b in piece} if exact is not None else None
        if exact is not None and len(exact) > _MAX_WORDS:
            exact = None
    cut()
    return exact, [f for f in found if f and "" not in f and len(f) <= _MAX_WORDS]


@lru_cache(maxsize=256)
def _required_words(rx: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Sets of lower-case strings such that every match of the pattern holds a string of each (the
    three most telling first; none when no such set is known). A text that lacks every string of
    one set has no match: the rule need not run over it."""
    try:
        exact, needs = _literal_words(sre_parse.parse(rx.pattern, rx.flags).data)
    except Exception:  # an internal parser of `re`: never let a change in it break extraction
        return ()
    needs = [exact] if exact is not None and "" not in exact else needs
    return tuple(frozenset(f) for f in sorted(needs, key=lambda f: (-min(map(len, f)), len(f)))[:3])


@lru_cache(maxsize=256)
def _max_width(rx: re.Pattern[str]) -> int | None:
    """The longest match the pattern can make, None when unbounded or unknown."""
    try:
        width = sre_parse.parse(rx.pattern, rx.flags).getwidth()[1]
    except Exception:  # an internal parser of `re`: never let a change in it break extraction
        return None
    return width if width < 1_000 else None


_CONTEXT = 64  # more than any rule's look-ahead needs after its match


def _matches(rx: re.Pattern[str], text: str, folded: str, offsets: Callable[[str], list[int]]):
    """The matches of `rx.finditer(text)`, searched for only near the words every match holds: a match
    is at most `_max_width` long and holds a word of the first set of `_required_words`, so it starts at
    most that far before one of them. The search reads past each window enough for any look-ahead,
    and look-behinds see the text before it, so the matches are finditer's, in its order."""
    needs, width = _required_words(rx), _max_width(rx)
    if not needs or width is None or len(folded) != len(text):
        yield from rx.finditer(text)
        return
    windows: list[list[int]] = []
    for at in sorted(i for w in needs[0] for i in offsets(w)):
        if windows and at - width <= windows[-1][1]:
            windows[-1][1] = at + 1
        else:
            windows.append([max(0, at - width), at + 1])
    pos = 0
    for start, end in windows:  # a match starts in [start, end)
        pos = max(pos, start)
        while pos < end:
            m = rx.search(text, pos, min(len(text), end + width + _CONTEXT))
            if m is None or m.start() >= end:
                break
            yield m
            pos = max(m.end(), m.start() + 1)


def _occurrences(text: str, word: str) -> list[int]:
    """Every offset at which `word` occurs in `text`."""
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def find_timexes(text: str) -> list[Timex]:
    """Every time expression in the text, in order, without overlaps (earlier rules win ties)."""
    found: list[tuple[int, int, int, Timex]] = []
    folded = text.translate(_RE_CASE_FOLD).lower()
    seen: dict[str, list[int]] = {}  # the offsets of each word the rules need, searched once per text

    def offsets(word: str) -> list[int]:
        if word not in seen:
            seen[word] = _occurrences(folded, word)
        return seen[word]

    for rank, (kind, rx) in enumerate(RULES):
        if not all(any(offsets(w) for w in words) for words in _required_words(rx)):
            continue  # every match of the rule would hold one of these words: this text lacks them
        for m in _matches(rx, text, folded, offsets):
            t = _make(kind, m)
            if t is not None:
                found.append((t.start, -(t.end - t.start), rank, t))
    chosen: list[Timex] = []
    taken: list[tuple[int, int]] = []
    # Longest first, then rule order: a full date beats the month inside it.
    for _s, _neg_len, _rank, t in sorted(found, key=lambda f: (f[1], f[2], f[0])):
        if all(t.end <= s or t.start >= e for s, e in taken):
            chosen.append(t)
            taken.append((t.start, t.end))
    return sorted(chosen, key=lambda t: t.start)

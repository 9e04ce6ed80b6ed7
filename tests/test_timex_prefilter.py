"""The time-expression rules skip a text that lacks every word one of their matches needs, and search
a text only near those words: the words are read from each rule's own pattern, and skipping must never
change what is found."""

from __future__ import annotations

import random
import re

from factwire.extract import timex
from factwire.extract.timex import RULES, _make, _required_words, find_timexes


def _unfiltered(text: str) -> list[timex.Timex]:
    """find_timexes as it is without the prefilter: every rule over the whole text."""
    found = []
    for rank, (kind, rx) in enumerate(RULES):
        for m in rx.finditer(text):
            t = _make(kind, m)
            if t is not None:
                found.append((t.start, -(t.end - t.start), rank, t))
    chosen: list[timex.Timex] = []
    for *_, t in sorted(found, key=lambda f: (f[1], f[2], f[0])):
        if all(t.end <= c.start or t.start >= c.end for c in chosen):
            chosen.append(t)
    return sorted(chosen, key=lambda t: t.start)


def test_required_words_come_from_the_pattern() -> None:
    assert _required_words(re.compile(r"(?i:\b(?P<n>\d+)\s(?P<unit>day|week)s?\sago)\b")) == (
        frozenset({"ago"}), frozenset({"day", "week"}))
    assert _required_words(re.compile(r"\b(?:Jan|Jun|Jul)\.")) == (frozenset({"jan.", "jun.", "jul."}),)
    assert _required_words(re.compile(r"\d+")) == ()  # nothing literal: the rule always runs
    assert _required_words(re.compile(r"(?:ago)?\d")) == ()  # optional words are never required


def test_skipping_rules_changes_nothing() -> None:
    words = ("the last next this past coming few several recent days weeks ago earlier later before after "
             "previous following end start quarter half second first-half that Q3 fiscal FY 2019 spring fall weekend "
             "over during "
             "in Monday Friday morning night tonight yesterday Christmas Eve Easter Sunday Thanksgiving New "
             "Year's July June Jan. Sept. Dec 5 12th mid early late - , . of a two twelve 10 THE LAST AGO "
             "\u0130 \u0131 \u212a").split()
    rnd = random.Random(3)
    texts = [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 10))) for _ in range(1500)]
    # long texts with line breaks: a rule is searched only near the words its matches hold, in windows
    # that must give finditer's matches wherever they fall (at a window's edge, across a line break)
    texts += ["".join(rnd.choice(words) + rnd.choice("  \n,") for _ in range(rnd.randint(30, 150))) for _ in range(300)]
    texts += ["It happened two days ago in Chicago.", "Sales rose in the third quarter of 2019.",
              "Over the weekend, early-June plans changed; last Monday night they met.",
              "The deal closed on Dec. 5, 2019, a year earlier than planned."]
    for text in texts:
        assert find_timexes(text) == _unfiltered(text), text

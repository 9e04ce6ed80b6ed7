"""A name span found in a Doc before grouping, and the word tests every span rule shares."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from factwire.resolve.lexicon import CLUB_FIRST_WORDS, INSTITUTION_HEADS, ORG_DESCRIPTIONS, listed_titles
from factwire.resolve.people import is_given_name
from factwire.wordlists import wordlist

POSSESSIVE_MARKS = wordlist("resolve.draft", "possessive_marks")  # "Acme's", "the Joneses'"
# every word of a listed title, abbreviations also without their period ("Supt" "." as the tokenizer splits it)
TITLE_WORDS = {v for t in listed_titles() for w in t.replace("-", " ").split() for v in (w, w.rstrip("."))} - {""}
# Institutions whose one-word names are also words of titles ("Treasury Secretary", "Council member"): written
# alone with a capital and no title word after it ("the Treasury prepares", "tabled in Parliament"), the body.
TITLED_BODIES = frozenset(INSTITUTION_HEADS & TITLE_WORDS)


@dataclass
class Draft:
    """A cleaned name span before grouping (token bounds into the Doc)."""

    ts: int
    te: int
    label: str
    canonical: str | None = None  # a name built by a rule ("Orange County")
    votes: Counter = field(default_factory=Counter)
    acronym_of: int | None = None  # index of the draft this acronym is defined after, "(SEC)"
    acronym_said: bool = False  # the text says in words that it is the acronym: "known by its initials EPL"
    stands_for: str | None = None  # the full name an abbreviation stands for ("FL" after a city: Florida)


def is_based_word(tok) -> bool:
    """The "based" of an epithet by place: "a Reno-based group", "the Santa Clara, California-based
    startup" (the tokenizer splits the hyphen off)."""
    return tok.lower_.endswith("based")


def is_org_kind_noun(tok, *, opening: bool = False) -> bool:
    """A noun in lower case for a kind of organization ("group", "firm", "automaker"): set right before a name,
    as in "French luxury group Aurevilly", it says what the name is (with `opening`, also capitalized as its
    sentence's first word: "Union members voted")."""
    return (tok.is_lower or opening and tok.is_sent_start) and tok.lemma_.lower() in ORG_DESCRIPTIONS


def is_possessive(tok) -> bool:
    """A possessive ending token ("'s", "\u2019", "'")."""
    return tok.tag_ == "POS" or tok.text in POSSESSIVE_MARKS


def is_opening_gerund(tok) -> bool:
    """A gerund capitalized only because it opens the sentence ("Hosting Tim Cook was a dream"): no
    part of a name, unless it is a given name too ("Sterling") or opens a club's name ("Racing Valderas")."""
    return tok.is_sent_start and tok.lower_.endswith("ing") and len(tok) > 4 and not is_given_name(tok.text) \
        and tok.lower_ not in CLUB_FIRST_WORDS

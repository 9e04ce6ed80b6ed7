"""Word lists of English news writing: titles, organization and place words, descriptions.

These are rules of the language (what a CEO, a county or "the utility" is), never names of one
article's entities. Job titles live in factwire/data/titles.tsv.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from factwire.wordlists import wordlist

TITLES_FILE = Path(__file__).resolve().parent.parent / "data" / "titles.tsv"
PLACES_FILE = Path(__file__).resolve().parent.parent / "data" / "places.tsv"


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Lower-case title phrase -> normalized title ("chief executive" -> "CEO"): the listed titles and the
    portfolio titles."""
    return listed_titles() | portfolio_titles()


@lru_cache(maxsize=1)
def listed_titles() -> dict[str, str]:
    """The titles of titles.tsv: lower-case phrase -> normalized title."""
    out: dict[str, str] = {}
    for line in TITLES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, _, norm = line.partition("\t")
        out[phrase.strip()] = norm.strip() or phrase.strip()
    return out


@lru_cache(maxsize=1)
def portfolio_titles() -> dict[str, str]:
    """'agriculture minister', 'housing secretary': a portfolio of portfolios.txt before "minister" or
    "secretary" (their words stay words of names: "Bangalore Water Supply and Sewerage Board")."""
    return {f"{portfolio} {post}": f"{portfolio} {post}" for (portfolio, *_) in _tsv("portfolios.txt")
            for post in ("minister", "secretary")}


def _tsv(name: str) -> list[list[str]]:
    """Rows of a tab-separated word list in factwire/data/ (comments and blank lines skipped)."""
    path = TITLES_FILE.parent / name
    return [[part.strip() for part in line.split("\t")]
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, str]]:
    """Key of a country or bloc name as news writes it -> (index name, type): "us" -> United States, GPE."""
    out: dict[str, tuple[str, str]] = {}
    for line in PLACES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            form, name, kind = (part.strip() for part in line.split("\t"))
            out[form] = (name, kind)
    return out


@lru_cache(maxsize=65536)
def _place_key(text: str) -> str:
    key = " ".join(text.replace(".", "").replace("\u2019", "'").split()).lower()
    return key[4:] if key.startswith("the ") else key


def country_name(text: str) -> str | None:
    """The index name of a country or bloc written as "U.S.", "UK", "Britain", "the EU"; else None."""
    found = _places().get(_place_key(text))
    return found[0] if found else None


def country_type(text: str) -> str | None:
    """The entity type of a country or bloc name from the gazetteer (GPE, or ORG for a bloc); else None."""
    found = _places().get(_place_key(text))
    return found[1] if found else None


# Month names and their abbreviations as news writes them (periods left off) -> month number: the
# dates grammar reads them; a name before a number that is a month is a date, not a model ("June 10").
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# Words that qualify a title without being part of the office ("former CEO" is still a CEO).
TITLE_QUALIFIERS = wordlist("resolve.lexicon", "title_qualifiers")
# Words that belong to a title when they come before one ("senior director", "deputy leader").
TITLE_MODIFIERS = wordlist("resolve.lexicon", "title_modifiers")
# Posts in a sports team ("Minnesota quarterback"): factwire/data/sports_titles.txt.
SPORTS_TITLES = frozenset(row[0] for row in _tsv("sports_titles.txt"))
# Titles only an organization confers ("Acme's CEO"): whoever holds them belongs to an organization.
ORG_TITLES = wordlist("resolve.lexicon", "org_titles")
_RANK_MODIFIERS = wordlist("resolve.lexicon", "rank_modifiers")
_COINED_CHIEF = re.compile(r"chief(?: [\w-]+)+ officer")  # "chief risk officer", "chief people officer"


def is_org_title(title: str) -> bool:
    """Whether a title is one only an organization confers (ORG_TITLES), with or without the modifiers of rank
    before it ("deputy chairperson", "senior vice president"), or a chief officer's post a company coins ("chief
    risk officer")."""
    words = title.lower().split()
    while len(words) > 1 and words[0] in _RANK_MODIFIERS and " ".join(words) not in ORG_TITLES:
        words = words[1:]
    return " ".join(words) in ORG_TITLES or _COINED_CHIEF.fullmatch(title.lower()) is not None
# Offices of a place's government ("Riverton Mayor Ana Ruiz", "Ohio Gov. Mike DeWine"): the name
# before one is the place whose office it is, never an organization.
PLACE_OFFICES = wordlist("resolve.lexicon", "place_offices")  # whose body is the place itself
PLACE_TITLES = wordlist("resolve.lexicon", "place_titles") | PLACE_OFFICES
# (not "police chief": transit systems and universities have police too, "BART Police Chief")
# Forms of address: stripped from a name, never a role.
HONORIFICS = wordlist("resolve.lexicon", "honorifics")

# A company's legal form: it ends nothing but a company's name ("Ithaca Holdings", "Acme Inc.", "Siemens AG").
# Some are written in lower case ("Halloway Live plc", "Eyjaberg hf."), and are words of the name all the same.
LOWER_CASE_LEGAL_FORMS = wordlist("resolve.lexicon", "lower_case_legal_forms")
LEGAL_FORMS = wordlist("resolve.lexicon", "legal_forms") | LOWER_CASE_LEGAL_FORMS
LEGAL_FORM_PREFIXES = wordlist("resolve.lexicon", "legal_form_prefixes")  # written in capitals, before the name
# Last words that make a name an organization ("Acme Corp", "Federal Trade Commission"): the legal forms and
# "Co.", "Group", "Bank", "FC".
ORG_SUFFIXES = wordlist("resolve.lexicon", "org_suffixes") | LEGAL_FORMS
# Words that make a name a place ("Orange County", "Sierra Nevada", "Rio Grande River").


def _heads() -> dict[str, set[str]]:
    """Last words of names by the type they give the name (factwire/data/name_heads.tsv)."""
    out: dict[str, set[str]] = {}
    for word, kind in _tsv("name_heads.tsv"):
        out.setdefault(kind, set()).add(word)
    return out


_HEADS = _heads()
ORG_HEADS = frozenset(_HEADS["ORG"])  # "Federal Trade Commission", "Leeds United"
GPE_HEADS = frozenset(_HEADS["GPE"])  # "Orange County", "Zabul province"
LOC_WORDS = frozenset(_HEADS["LOC"])  # "Lake Tahoe", "Sierra Nevada" (first or last word)
FAC_HEADS = frozenset(_HEADS["FAC"])  # "Heinz Field", "17th Street", "Belmarsh prison"
EVENT_HEADS = frozenset(_HEADS["EVENT"])  # "Davis Cup", "ATP Finals"
LAW_HEADS = frozenset(_HEADS["LAW"])  # "Affordable Care Act", "First Amendment"
EVENT_FIRST_WORDS = frozenset(_HEADS["EVENT_FIRST"])  # "Hurricane Ian", "Tropical Storm Nicole"
ORG_FIRST_WORDS = frozenset(_HEADS["ORG_FIRST"])  # "FC Porto", "AC Milan"
CLUB_FIRST_WORDS = frozenset(_HEADS["CLUB_FIRST"])  # "Racing Santander", "Sporting Lisbon"
COMPANY_FIRST_WORDS = frozenset(_HEADS["COMPANY_FIRST"])  # "Grupo Bimbo", "Banco Santander"
# A union's local, a lodge: the numbered branch of an organization ("Unite Here Local 5"), an organization
BRANCH_WORDS = frozenset(_HEADS["BRANCH"])
NUMBERED_HEADS = frozenset(_HEADS["NUMBERED"]) | BRANCH_WORDS  # "Route 66", "Section 230": numbered, yet no product
PRODUCT_HEADS = frozenset(_HEADS["PRODUCT"])  # "MacBook Pro", "Chromecast Ultra": an edition of a product line
# Words any organization's name may end in ("Records", "Group", "Inc").
ORG_NAME_WORDS = ORG_HEADS | frozenset(ORG_SUFFIXES)
# Every word that makes a name something other than a person's ("Commission", "County", "Inc").
NAME_HEAD_WORDS = ORG_NAME_WORDS | GPE_HEADS | FAC_HEADS | EVENT_HEADS | LOC_WORDS


def named_with_kind(name: str) -> bool:
    """A place named with its kind ("Lehigh County", "Terrebonne Parish", "Zabul province"): a local
    government's, whose offices and bodies are written after its name ("Lehigh County Judge", "Larimer
    County District Court")."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in GPE_HEADS


# A member's title -> the head noun of the body the member sits on ("councilor" -> "council").
MEMBER_BODIES = dict(pair.split(":") for pair in wordlist("resolve.lexicon", "member_titles"))
# Head nouns of institutions' names: a bare "the commission" stands for the one entity whose name ends
# so ("Federal Trade Commission"); generic business words ("company", "group") do not.
INSTITUTION_HEADS = wordlist("resolve.lexicon", "institution_heads")
# A country's institutions named by the country: "the US military", "the Afghan government", "the
# Ecuadorean embassy" name one body each (an organization of its own, not the country).
NATIONAL_INSTITUTIONS = wordlist("resolve.lexicon", "national_institutions")
# Lower-case words that follow a name and belong to it ("the Haqqani network", "Zabul province").
NAME_TAILS_ORG = {"network", "administration"}
NAME_TAILS_PLACE = wordlist("resolve.lexicon", "name_tails_place")

# Head nouns of definite descriptions ("the company") by the entity type they can refer to.
ORG_DESCRIPTIONS = wordlist("resolve.lexicon", "org_descriptions")
# Descriptions of a news organization: "told the paper" means an outlet, never the company the
# article is about, so these resolve only to an organization the text itself calls one.
# Organization titles that are also forms of address, capitalized before a name ("Vice President Biden",
# "Chairman Powell", "Professor Jane Roe"); "Spokesman John Kirby", "Founder Jane Roe" are jobs.
ADDRESS_TITLES = wordlist("resolve.lexicon", "address_titles")
# Descriptions that fit any organization, whatever its kind ("the company", "the group"): every
# company's name may hold them, and "in the company" is still the company.
GENERIC_ORG_NOUNS = wordlist("resolve.lexicon", "generic_org_nouns")
MEDIA_DESCRIPTIONS = wordlist("resolve.lexicon", "media_descriptions")
# People an organization or a country has: "300 Google employees", "two US service members" are
# theirs (in "30 Boeing jets" or "two county warrants" the name is a maker's or an issuer's).
MEMBER_NOUNS = wordlist("resolve.lexicon", "member_nouns")
# Bare class descriptions of government bodies, by the words one of the bodies' names must hold
# ("the agency" for "Lakeshore State Police", "the force" for a police force only).
_GOV_BODIES = wordlist("resolve.lexicon", "gov_bodies")
GOV_DESCRIPTIONS = {"agency": _GOV_BODIES, "department": {"department", "police"}, "bureau": {"bureau"},
                    "force": {"police", "constabulary", "force"}}
PERSON_DESCRIPTIONS = wordlist("resolve.lexicon", "person_descriptions")
# Words before a title that make it a lesser post: a "vice president" is not "the president".
SUBORDINATE_TITLE_WORDS = wordlist("resolve.lexicon", "subordinate_title_words")
# Prepositions that introduce a place ("in Kyiv", "from Ohio"): one list for every place rule.
LOCATIVE_PREPOSITIONS = wordlist("resolve.lexicon", "locative_prepositions")
# Those of them that take no recipient ("adviser to Halden", "according to Halden"): a name after one of these
# stands where a place goes.
PLACE_ONLY_PREPOSITIONS = LOCATIVE_PREPOSITIONS - {"to"}
# Kinds of settlement ("the town of Albion"); never what a country or state is.
SETTLEMENTS = wordlist("resolve.lexicon", "settlements")
GPE_DESCRIPTIONS = wordlist("resolve.lexicon", "gpe_descriptions")


@lru_cache(maxsize=1)
def position_abbreviations() -> frozenset[str]:
    """Sports positions in capitals before a player's name ("CB", "S"): factwire/data/position_abbreviations.txt."""
    return frozenset(row[0] for row in _tsv("position_abbreviations.txt"))


@lru_cache(maxsize=1)
def celestial_bodies() -> frozenset[str]:
    """The planets, the Moon and the larger moons ("Mars", "Europa"): factwire/data/celestial_bodies.txt."""
    return frozenset(row[0] for row in _tsv("celestial_bodies.txt"))


@lru_cache(maxsize=1)
def common_abbreviations() -> frozenset[str]:
    """Capitals that abbreviate a common noun ("EV", "GMT"): factwire/data/common_abbreviations.txt."""
    return frozenset(row[0] for row in _tsv("common_abbreviations.txt"))


def _product_cues(cue: str) -> frozenset[str]:
    """The words of one cue in factwire/data/product_cues.tsv (read once, into the constants below)."""
    return frozenset(word for word, kind in _tsv("product_cues.tsv") if kind == cue)


EDITION_ADJECTIVES = _product_cues("edition")  # "the new iPhone"
SIZE_UNITS = _product_cues("size")  # "the 16-inch MacBook Pro"


@lru_cache(maxsize=1)
def product_nouns() -> frozenset[str]:
    """Nouns for kinds of product ("SUV", "console", "vaccine"): factwire/data/product_nouns.txt."""
    return frozenset(row[0] for row in _tsv("product_nouns.txt"))


@lru_cache(maxsize=1)
def pronouns() -> dict[str, tuple[str, str | None]]:
    """Third-person pronoun -> (what it refers to: person | thing | group, gender m/f or None)."""
    return {word: (kind, None if gender == "-" else gender) for word, kind, gender in _tsv("pronouns.tsv")}


@lru_cache(maxsize=1)
def reflexive_pronouns() -> frozenset[str]:
    """The reflexive pronouns of the lexicon: English writes them with -self / -selves."""
    return frozenset(w for w in pronouns() if w.endswith(("self", "selves")))


@lru_cache(maxsize=1)
def gendered_words() -> dict[str, str]:
    """Form of address or title before a name -> the gender it states ("ms" -> "f")."""
    return {word: gender for word, gender in _tsv("gendered_words.tsv")}


@lru_cache(maxsize=1)
def kind_nouns() -> dict[str, frozenset[str]]:
    """A common noun for a kind of body -> head words of the names it stands for (kind_nouns.tsv)."""
    return {noun: frozenset(heads.split()) for noun, heads in _tsv("kind_nouns.tsv")}


@lru_cache(maxsize=1)
def post_bodies() -> dict[str, frozenset[str]]:
    """A post that heads one kind of body -> head words of that body's name (post_bodies.tsv)."""
    return {post: frozenset(heads.split()) for post, heads in _tsv("post_bodies.tsv")}


@lru_cache(maxsize=1)
def not_occupations() -> frozenset[str]:
    """Nouns that describe a person without naming a post ("wife", "resident", "victim")."""
    return frozenset(row[0] for row in _tsv("not_occupations.txt"))

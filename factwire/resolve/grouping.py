"""Grouping name spans into entities: short forms join long forms, one type voted over all mentions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.lang.en.lex_attrs import like_num
from spacy.tokens import Doc

from factwire.nlp import doc_ents, doc_text
from factwire.resolve.datelines import wire_credits
from factwire.resolve.draft import TITLED_BODIES
from factwire.resolve.gazetteer import (
    city_population,
    demonym_place,
    is_admin_region,
    is_country,
    is_known_place,
    is_major_place,
    is_region,
    is_us_state,
    is_world_region,
)
from factwire.resolve.index import Entity, Mention
from factwire.resolve.lexicon import (
    BRANCH_WORDS,
    CLUB_FIRST_WORDS,
    COMPANY_FIRST_WORDS,
    EVENT_FIRST_WORDS,
    EVENT_HEADS,
    FAC_HEADS,
    GPE_HEADS,
    HONORIFICS,
    INSTITUTION_HEADS,
    LAW_HEADS,
    LEGAL_FORM_PREFIXES,
    LEGAL_FORMS,
    LOC_WORDS,
    NAME_HEAD_WORDS,
    NAME_TAILS_ORG,
    NATIONAL_INSTITUTIONS,
    NUMBERED_HEADS,
    ORG_FIRST_WORDS,
    ORG_HEADS,
    ORG_NAME_WORDS,
    ORG_SUFFIXES,
    PLACE_ONLY_PREPOSITIONS,
    PRODUCT_HEADS,
    celestial_bodies,
    country_name,
    country_type,
    product_nouns,
)
from factwire.resolve.names import (
    acronym_letters,
    clipped_name,
    head_noun,
    initials,
    looks_like_brand,
    name_key,
    spelling_variant,
    title_case_acronym,
    without_diacritics,
)
from factwire.resolve.people import is_family_name_first, is_given_name, surnames_of
from factwire.resolve.spans import always_capitalized
from factwire.resolve.speech_words import SPEECH_VERBS
from factwire.resolve.titles import title_after
from factwire.wordlists import wordlist

_PLACEISH = wordlist("resolve.grouping", "placeish")
# "Scissors said ...": a known surname opening a sentence as the subject of a reporting verb


@dataclass
class Candidate:
    """One cleaned name span: character bounds, NER label and evidence gathered by rules."""

    start: int
    end: int
    text: str
    label: str
    canonical: str | None = None
    votes: Counter = field(default_factory=Counter)
    acronym_of: int | None = None
    acronym_said: bool = False  # "known by its Spanish initials EPL": whatever its letters
    stands_for: str | None = None  # the full name an abbreviation stands for: grouped with it, written as is
    sent_start: bool = False
    cap_the: bool = False  # written "The X" inside a sentence: the article is part of the name
    titled_start: int | None = None  # start of a formal title before a person's name
    after_the: bool = False  # written after a lower-case "the" ("facing the Browns")
    the_before: bool = False  # written right after "the" or "The", wherever the sentence starts
    the_modifies: bool = False  # and before a common noun the article is of ("the Marshalltown gauge")


@dataclass
class _Group:
    members: list[int]
    key: str

    def first(self, cands: list[Candidate]) -> int:
        return min(cands[i].start for i in self.members)


_SLASH = re.compile(r"\s*/\s*")
_WEB_DOMAIN = re.compile(r"\.(com|net|org)\b", re.I)
_WORD_BREAK = re.compile(r"[\s\-]+")
_LETTER = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")


def _form(c: Candidate) -> str:
    """The name a candidate stands for: its rule-built name, a state's name for its abbreviation
    after a city ("FL" -> Florida), a country's index name ("U.S." -> "United States") or its text
    before a slash."""
    return c.canonical or c.stands_for or _written_form(c.text)


@lru_cache(maxsize=65536)
def _written_form(text: str) -> str:
    """A name as written, read as a country's index name or cut at a slash (asked of the same
    candidates again and again while they are grouped)."""
    return country_name(text) or _before_slash(text)


def _before_slash(text: str) -> str:
    """A name cut where a slash joins it to another ("Pfizer/BioNTech" -> "Pfizer"); not a slash inside a
    legal form that is written with one ("Nordbrik A/S", "Petrobras S/A")."""
    words = text.split()
    if len(words) > 1 and words[-1].lower() in LEGAL_FORMS:
        return text
    return _SLASH.split(text)[0]


# Generational suffixes after a surname ("Joseph R. Biden Jr.", "Henry Ford II"): no part of the surname
_GENERATIONAL = wordlist("resolve.grouping", "generational")


def core_words(name: str) -> list[str]:
    """Words of a name without a company suffix, generational suffix or web domain ("Walt Disney Co."
    -> walt disney, "Joseph R. Biden Jr." -> joseph r. biden)."""
    words = name_key(_WEB_DOMAIN.sub("", name)).split()
    while len(words) > 1 and (words[-1] in ORG_SUFFIXES or words[-1] in _GENERATIONAL) \
            and not (len(words) == 2 and is_country(name.split()[0])):
        words = words[:-1]  # (but "Bangladesh Bank", "Japan Group": a country and a suffix is no country)
    if len(words) > 2 and name.split()[0] in LEGAL_FORM_PREFIXES:
        words = words[1:]  # "PT Saku Rupa Digital": a legal form written before the name
    if len(words) == 3 and words[1] == "of" and words[0] in ORG_HEADS:
        words = [words[2], words[0]]  # "Department of Justice" is the "Justice Department"
    elif len(words) > 3 and words[-2] == "of" and words[-3] in _DEPARTMENT_HEADS:
        words = [*words[:-3], words[-1], words[-3]]  # "Idaho Department of Commerce": "Commerce Department"
    return words


_DEPARTMENT_HEADS = wordlist("resolve.grouping", "department_heads")




def _person_like(name: str) -> bool:
    """Two or three capitalized alphabetic words (four after a family name written first: "Nguyen Thi Thu
    Ha") with no organization or place word, not opening with "The" (a person's name takes no article:
    "The Lancet", "The Verge")."""
    words = name.split()
    return 2 <= len(words) <= (4 if is_family_name_first(words[0]) else 3) and words[0] != "The" \
        and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words) \
        and not any(w.lower() in NAME_HEAD_WORDS for w in words)


def _acronym_fits(letters: str, name: str, *, inside_words: bool = False) -> bool:
    """'PG&E' fits 'Pacific Gas & Electric Co.', 'PUC' fits 'California Public Utilities Commission',
    'AP' fits 'The Associated Press' (initials skip a name's article), 'MDOT' fits 'Michigan Department of
    Transportation' (the initial of every word). `inside_words`: an acronym its
    brackets declare may also take letters from inside the words, in order, from the first initial
    ('Japan Aerospace Exploration Agency (JAXA)'; only where brackets declare it, never to guess)."""
    words = [w for w in _WORD_BREAK.split(name) if w.lower() not in ORG_SUFFIXES]
    if len(words) > 1 and words[0] == "The":
        words = words[1:]
    if inside_words and len(letters) >= 3 and words and letters[0] == words[0][:1].upper():
        rest = iter("".join(words).upper())
        if all(ch in rest for ch in letters):
            return True
    init = initials(words)
    if letters == init or letters == initials(_WORD_BREAK.split(name)):  # "SNC": Sierra Nevada Corporation
        return True
    if len(letters) >= 3 and letters == _every_initial(name):
        return True  # "MDOT": Michigan Department of Transportation, with the "of" ("DOT", "PennDOT")
    if len(letters) >= 3 and init.endswith(letters):
        return True
    lower = [w.lower() for w in words]
    if "of" in lower[1:2] and lower[0] in INSTITUTION_HEADS and letters == initials(words[2:]):
        return True  # "VA": Department of Veterans Affairs, called by the field after its head and "of"
    it = iter(init)
    return len(letters) >= 3 and letters[0] == init[:1] and all(ch in it for ch in letters)


_FUNCTION_WORDS = wordlist("resolve.grouping", "function_words")
_WILDFIRE_LANDMARKS = wordlist("resolve.grouping", "wildfire_landmarks")


def _every_initial(name: str) -> str:
    """The initials of every word of a name but a leading "The" ("Agence France-Presse": AFP)."""
    words = [w for w in _WORD_BREAK.split(name) if w]
    return "".join(w[0].upper() for w in (words[1:] if len(words) > 1 and words[0] == "The" else words))


def _translated_acronym(letters: str, name: str) -> bool:
    """'Revolutionary Armed Forces of Colombia (FARC)', 'National Revolutionary Front (FRN)': an acronym
    given in brackets after a name translated from another language spells its initials in the
    original's word order (only where the brackets declare it, never to guess)."""
    words = [w for w in _WORD_BREAK.split(name) if w and w.lower() not in ORG_SUFFIXES | _FUNCTION_WORDS]
    return len(letters) >= 3 and sorted(letters) == sorted(initials(words))


def _titled_form(cands: list[Candidate], g: _Group) -> str:
    """A group's name with the capitalized "The" it is written with inside sentences ("The Real Deal",
    whose initials are "TRD")."""
    form = _form(cands[g.members[0]])
    return "The " + form if any(cands[i].cap_the for i in g.members) and not form.startswith("The ") else form


_YEAR_OR_ORDINAL = re.compile(r"(?:19|20)\d\d|\d+(?:st|nd|rd|th)")
_MODEL_NUMBER = re.compile(r"\d+|[A-Za-z]+\d+[A-Za-z]*|\d+[A-Za-z]+")


def _model_number(word: str) -> bool:
    """A model's number or designation: "2", "737", "RAV4", "X5"; not a year ("Expo 2020") or an
    ordinal ("10th Circuit", "6th Avenue"). A word without a digit is none (and is not tried against the
    patterns, which backtrack over every split of a long word)."""
    if not any(ch.isdigit() for ch in word) or _YEAR_OR_ORDINAL.fullmatch(word):
        return False
    return bool(_MODEL_NUMBER.fullmatch(word))


def _place_votes(name: str, after_the: bool = False) -> Counter:
    """A country or US state is a place, and a country's first-level region whose name is no given
    name; so is a city of 100,000 people whose name is no given name
    ("Winnipeg"), less surely one whose name is a given name too ("Austin", "Charlotte"), or a smaller
    town; a city's name of several words ("San Francisco", "Casa Grande") is nobody's name. A town's name takes no
    article: a one-word name written after "the" (`after_the`) is no small town's ("the Honda I own"; a
    city's name may modify a noun after it, "the Bogotá newspaper El Tiempo")."""
    votes: Counter = Counter()
    if is_region(name):
        votes["GPE"] += 8
    elif is_admin_region(name) and not is_given_name(name):
        votes["GPE"] += 6  # a country's province or state ("Ontario", "Zabul"; not "Victoria", a given name)
    elif " " in name:
        population = city_population(name)
        votes["GPE"] += 8 if population >= 100_000 else 3 if population else 0
    elif not is_given_name(name):
        population = city_population(name)
        votes["GPE"] += 6 if population >= 100_000 else 3 if population and not after_the else 0
    elif city_population(name) >= 100_000:
        votes["GPE"] += 3  # "Raleigh", "Reno", "Vienna": a city first, unless the article names a person so
    return votes


_ORG_WORDS_UNDOTTED = {s.strip(".") for s in ORG_SUFFIXES} | ORG_HEADS  # built once


def _romanized_after_given_name(parts: list[str]) -> bool:
    """'Chris RuiWen Kuo': a given name, then a romanized name written with a capital inside, is a
    person's name, not a brand."""
    return len(parts) > 2 and is_given_name(parts[0]) and all(w.isalpha() for w in parts) \
        and not looks_like_brand(parts[0])  # ("Grace HealthCare" is a company)


def _plural_word(word: str) -> bool:
    """A capitalized plural of a common noun that names no product ("Components", "Foods"; not "Watches"
    in "Apple Watches", a product in the plural), not a brand's spelling ("AirPods") or a word in
    -ss/-us/-is ("Express", "Nexus", "Genesis")."""
    if not (word.istitle() and word.isalpha() and word.endswith("s")) or word.endswith(("ss", "us", "is")):
        return False
    lower = word.lower()
    return not {lower[:-1], lower[:-2]} & product_nouns()


def _branch(words: list[str]) -> bool:
    """A numbered branch's own name ("Local 1287", "Lodge 7"): the short form of its organization's full
    name, however long ("United Auto Workers Local 1287")."""
    return len(words) == 2 and words[0] in BRANCH_WORDS and words[1].isdigit()


def _numbered(words: list[str]) -> bool:
    """A numbered name ("U.S. Highway 20", "Route 66", "Section 230"): its number is no model's or brand's."""
    return len(words) > 1 and words[-1].isdigit() and words[-2] in NUMBERED_HEADS


def _type_votes(cands: list[Candidate], g: _Group, name: str, org_words: frozenset[str] = frozenset(),
                person_words: frozenset[str] = frozenset(), in_person_names: frozenset[str] = frozenset(),
                makers: frozenset[str] = frozenset(), surnames: frozenset[str] = frozenset()) -> Counter:
    """NER labels of every mention (the full name counts double) plus rules of English names.

    `org_words`: words that name an organization on their own in this article ("Nissan"), so that
    "Nissan Sentra" is not read as a first name and a surname; `makers`: those of them that begin a
    product's name ("Toyota" beside "Toyota RAV4 Prime"): the product's maker, whatever else the word
    names (Toyota is also a city); `surnames`: last words of people's full names in the article."""
    votes: Counter = Counter()
    full = name_key(name)
    words = name.split()
    if len(words) == 1 and name.endswith("s") and not name.endswith("ss") and any(
            cands[i].after_the for i in g.members) and not any(cands[i].label in {"NORP", "GPE"} for i in g.members) \
            and not is_known_place(name):
        votes["ORG"] += 4  # "the Browns", "the Doobies": a people's name takes no article; a team's or band's does
    if len(words) <= 2 and demonym_place(name) and all(w[:1].isupper() for w in words):
        votes["NORP"] += 8  # "Mainers", "New Yorkers": the people of a state or city
    surname_follows = _tagged_person_in_full(cands, g, name)
    for i in g.members:
        c = cands[i]
        whole = name_key(_form(c)) == full
        votes[c.label if whole or not surname_follows else "PERSON"] += 2 if whole else 1
        votes.update(c.votes)
    words = [w.lower() for w in name.split()]
    before_of = words[: words.index("of")] if "of" in words else words
    parts = name.split()
    if _LETTER.search(name) and _DIGIT.search(name) and len(parts) == 1:
        votes["PRODUCT"] += 10  # a model number ("A350", "F-35") names a product, not its maker
    elif len(parts) > 1 and (_model_number(parts[-1]) or any(_model_number(p) and not p.isdigit() for p in parts)) \
            and not _numbered(words) \
            and not any(w in NAME_HEAD_WORDS for w in words):
        votes["PRODUCT"] += 6  # "Destiny 2", "Boeing 737", "PS4 Pro": a model's number or edition
    elif len(parts) > 1 and name_key(parts[0]) in org_words and not any(w in NAME_HEAD_WORDS for w in words[1:]) \
            and not is_given_name(parts[0]) and name_key(parts[-1]) not in person_words \
            and not _plural_word(parts[-1]):
        # "Google Stadia", "Toyota RAV4 Prime": a maker's name, then a model's (a company's own name ends
        # in a plural common noun, "Vantrell Precision Components", "Halvorsen Foods"; a model's does not)
        votes["PRODUCT"] += 6
    elif any(looks_like_brand(w) for w in parts) and not _romanized_after_given_name(parts) \
            and not _numbered(words):
        # ("U.S. Highway 20", "Route 66": a numbered name's number is no brand's)
        # written like a brand ("SpaceX", "PlayStation Portal", "Series 9"): a company's or a product's
        # name, never a person's or a place's; which of the two, the other evidence says
        votes["PRODUCT" if votes["PRODUCT"] > votes["ORG"] else "ORG"] += 10
    if any(w.strip(".") in _ORG_WORDS_UNDOTTED for w in before_of[1:] or before_of) \
            and not (len(words) > 1 and words[-1] in LAW_HEADS | EVENT_HEADS):
        votes["ORG"] += 8  # (a law's or event's head word decides: "Occupational Health and Safety Act")
    if len(words) > 1 and words[-1] in LEGAL_FORMS:
        votes["ORG"] += 12  # "Desert Sun Fuel LLC", "the store's owner": a legal form ends a company's name only
    if len(words) == 2 and words[1] == "state" and not is_region(parts[0]) and not is_admin_region(parts[0]):
        votes["ORG"] += 8  # "Palouse State", "Boise State": a university named "X State" where X is no state
    elif words and words[-1] in GPE_HEADS:
        votes["GPE"] += 8
    person_like = _person_like(name)
    the_before = any(cands[i].the_before for i in g.members)
    given = person_like and is_given_name(name.split()[0])
    if len(parts) > 1 and votes["PERSON"] and not is_given_name(parts[0]) and _opens_with_town(parts) \
            and words[-1] not in GPE_HEADS | LOC_WORDS | FAC_HEADS:
        votes["ORG"] += 6  # "Kansas City Star", "Tottenham Hotspur" read as a person's name: a body named
        # after its town
    if len(words) > 1 and head_noun(name) in FAC_HEADS and not given:
        votes["FAC"] += 8  # "Heinz Field", "Belmarsh Prison", "17th Street", "U.S. Highway 20"
    if len(words) > 1 and words[-1] in PRODUCT_HEADS and not given:
        votes["PRODUCT"] += 8  # "MacBook Pro", "Chromecast Ultra", "Pixel 4 XL": an edition of a product line
    if len(words) > 1 and words[-1] in EVENT_HEADS and not given:
        votes["EVENT"] += 8  # "Davis Cup", "ATP Finals"
    if len(words) > 2 and words[-1] == "fire" and words[-2] in _WILDFIRE_LANDMARKS:
        votes["EVENT"] += 8  # "Bear Gulch Fire": a wildfire, named for the landmark where it started
    elif len(words) > 1 and words[-1] == "fire" and name.split()[-1] == "Fire" and the_before \
            and not any(w in ORG_NAME_WORDS for w in words[:-1]):
        votes["EVENT"] += 10  # "the Carr Fire", "the 1990 Awbrey Hall Fire": a wildfire's name takes "the" ("Cal
        # Fire", the agency, takes none; a year before it dates the fire, as it does a car's model)
    if len(words) > 1 and words[-1] in LAW_HEADS and not given:
        votes["LAW"] += 8  # "Affordable Care Act", "First Amendment"
    if len(words) > 1 and (words[0] in EVENT_FIRST_WORDS or " ".join(words[:2]) in EVENT_FIRST_WORDS):
        votes["EVENT"] += 12  # "Hurricane Ian", "Tropical Storm Nicole": a storm, whatever name it is given
    if len(words) > 1 and (words[0] in ORG_FIRST_WORDS and name.split()[0].isupper()
                           or words[0] in CLUB_FIRST_WORDS | COMPANY_FIRST_WORDS and name.split()[0].istitle()):
        votes["ORG"] += 12  # "FC Porto", "AC Milan", "Racing Santander": a club, whatever it is named after;
        # "Grupo Serra Azul", "Cervejaria Tucano": a company named by its kind of business first
    if name in celestial_bodies() and name_key(name) not in in_person_names:
        votes["LOC"] += 10  # "Europa", "Titan": a body of the solar system (not "Moon" after "Moon Jae-in")
    if country_type(name):  # "United States" is a country whatever list it stands in
        votes[country_type(name)] += 10
    elif is_world_region(name):
        votes["LOC"] += 10  # "Europe", "East Africa", "the Sahel": a location, no government's country
    if words and (words[0] in LOC_WORDS or words[-1] in LOC_WORDS) and len(words) > 1:
        votes["LOC"] += 6
    shorts = {name_key(_form(cands[i])) for i in g.members}
    if person_like and full.split()[-1] in shorts:
        votes["PERSON"] += 3  # a surname used alone
    if len(words) == 1 and full in surnames:
        votes["PERSON"] += 2  # "Hale" beside "Margaret Hale" and "David Hale": a surname several people share
    first = name.split()[0]
    if person_like and is_given_name(first) and name_key(first) not in org_words and not is_region(name) \
            and not the_before:
        votes["PERSON"] += 5  # "Linus Ullmark": a known first name and a surname ("The Red Cross" takes an article)
    if not (full in person_words and " " not in name and not is_region(name) and city_population(name) < 100_000):
        # ("at the Marshalltown gauge": the article is the gauge's, a town's name may modify a noun)
        votes.update(_place_votes(name, after_the=any(cands[i].the_before and not cands[i].the_modifies
                                                      for i in g.members)))
        # (a town's name the model reads as a person's, "Obama", is the person's)
    if name_key(name) in makers:
        votes["ORG"] += 8
    if len(words) == 1 and is_country(name) and not is_given_name(name):
        votes.pop("PERSON", None)  # "Malawi has struggled": a country's name is nobody's, however often the
        # model reads it as one ("Jordan", "Chad" are given names too)
    return votes


def _tagged_person_in_full(cands: list[Candidate], g: _Group, name: str) -> bool:
    """Whether a name is a given name and a surname that the model tags a person's in most of its full
    mentions ("Mary Steenburgen"): news names a person in full once, then by surname alone, and the
    model, blind to the full name, often tags the bare surname an organization or a place
    ("Steenburgen said"); the bare surname's mentions then vote as the full name does."""
    if not (_person_like(name) and is_given_name(name.split()[0])):
        return False
    full = name_key(name)
    labels = Counter(cands[i].label for i in g.members if name_key(_form(cands[i])) == full)
    return labels["PERSON"] > sum(labels.values()) - labels["PERSON"]


def _opens_with_town(parts: list[str]) -> bool:
    """Whether a name's first words, not all of them, are a country, a region or a city of 100,000
    people ("Sacramento Bee", "Kansas City Star")."""
    return any(is_major_place(" ".join(parts[:k])) for k in range(1, len(parts)))


_HEAD_WORDS = ORG_HEADS | GPE_HEADS | LOC_WORDS  # built once
_KIN_PLURALS = wordlist("resolve.grouping", "kin_plurals")  # "The Doobie Brothers", "Beastie Boys"


def _has_given_name_first(cands: list[Candidate], g: _Group) -> bool:
    """Whether a person's name opens with a given name ("Amit Patel", not "Jet Propulsion Laboratory"):
    news never calls such a person by initials."""
    form = _form(cands[g.members[0]])
    return _person_like(form) and is_given_name(form.split()[0])


def _has_given_name(cands: list[Candidate], g: _Group) -> bool:
    """Whether a name of several words holds a given name after its first word ("Moon Jae-in", not
    "Moon Express"): a person's, whatever the tag."""
    return any(is_given_name(w) for w in _form(cands[g.members[0]]).split()[1:])


def _in_company_slots(cands: list[Candidate], g: _Group) -> bool:
    """Whether a name is written where an organization goes ("Hoang Long shares", "Hoang Long's chief
    executive") and never where only a person does ("his wife")."""
    return any(cands[i].votes["ORG"] > 0 for i in g.members) and not any(cands[i].votes["PERSON"] > 0
                                                                          for i in g.members)


def _used_as_place(doc: Doc, c: Candidate) -> bool:
    """A name written where a place goes: after a preposition of place ("in Halden", "from Galax") or
    before a comma and a known place ("Halden, Norway")."""
    text = doc_text(doc)
    before = text[max(0, c.start - 12):c.start].split()
    after = re.match(r",\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", text[c.end:c.end + 40])
    return bool(before) and before[-1].lower() in PLACE_ONLY_PREPOSITIONS \
        or after is not None and is_known_place(after.group(1).rstrip("."))


def _company_short_form(doc: Doc, cands: list[Candidate], g: _Group, name: str) -> bool:
    """Whether a place's name that opens an organization's name stands for the organization: after
    "Halden Energy Partners", "Halden will pay" uses the short form news gives a company once named in
    full. Not where the article writes the name as a place ("in Halden"), nor for a country, a state, a
    city of 100,000 people or a county, whose name is the place's ("Houston" beside "Houston
    Methodist"), nor for a people's adjective ("American"), nor after "the". A name no gazetteer knows
    as a place is the company's wherever it is written ("a request from Allegheny Crest")."""
    if is_major_place(name) or name.split()[-1].lower() in GPE_HEADS \
            or any(cands[i].label == "NORP" for i in g.members):
        return False  # ("Montgomery County" is the county; "American", "Arab" a people's adjective)
    # (a landform's name says it is a place, known or not: "families along Kessel Creek" live by the creek)
    known = is_known_place(name) or name.split()[-1].lower() in LOC_WORDS
    return not any(cands[i].the_before or known and _used_as_place(doc, cands[i]) for i in g.members)


def _join_target(doc: Doc, cands: list[Candidate], groups: list[_Group], g: _Group,
                 types: dict[int, str]) -> _Group | None:
    """The longer-named group a one-word name or acronym stands for, if exactly one fits."""
    first = g.first(cands)
    c0 = cands[g.members[0]]
    if _form(c0) in celestial_bodies() and not any(
            types[id(h)] == "PERSON" and g.key in h.key.split() and _has_given_name(cands, h)
            for h in groups if h is not g):
        return None  # "Moon" is the Moon, not short for "Blue Moon" (but a surname: "Moon Jae-in")
    explicit = [i for i in g.members if cands[i].acronym_of is not None]
    if explicit:
        target = next((h for h in groups if cands[explicit[0]].acronym_of in h.members and h is not g), None)
        full = _form(cands[target.members[0]]) if target is not None else ""
        letters = acronym_letters(_form(c0)) or (_form(c0).upper() if title_case_acronym(_form(c0), full) else "")
        if target is not None and (_acronym_fits(letters, full, inside_words=True) or _translated_acronym(letters, full)
                                   or letters == full.split()[0].upper()  # "Kospi Index (KOSPI)": a code
                                   or clipped_name(_form(c0), full)  # "Petroleos Mexicanos (Pemex)"
                                   or cands[explicit[0]].acronym_said):
            return target
    letters = acronym_letters(_form(c0))
    if letters:
        # (news names no person by initials: "(AP)" is no "Amit Patel"; a dateline's wire credit is the
        # agency's initials, every word of its name: "(AP)" is no "Archdiocese of Philadelphia")
        credit = bool(wire_credits(doc) & {cands[i].start for i in g.members})
        fits = [h for h in groups if h is not g and len(h.key.split()) > 1
                and not (types[id(h)] == "PERSON" and _has_given_name_first(cands, h))
                and _acronym_fits(letters, _titled_form(cands, h))
                and not (credit and letters != _every_initial(_titled_form(cands, h)))]
        return fits[0] if len(fits) == 1 else None
    words = g.key.split()
    if len(words) > 1 and types[id(g)] in _PLACEISH:
        # "Cascade State" for "Cascade State University", "Boise State" for "Boise State University": a
        # school named "X State" is called so, whatever a place's head word in its name suggests
        schools = [h for h in groups if h is not g and types[id(h)] == "ORG"
                   and h.key in {g.key + " university", g.key + " college"}]
        if len(schools) == 1:
            return schools[0]
    placed = types[id(g)] in _PLACEISH and _company_short_form(doc, cands, g, _form(c0))
    if len(words) > 1 and (types[id(g)] in {"ORG", "PERSON", "PRODUCT", "WORK_OF_ART"} or placed):
        # "Big Machine" for "Big Machine Records": an organization's name without its generic last words
        # (whatever the model read the short form as: "paid Granite Arch $2.3 million", a title of a work)
        plain = [h for h in groups if h is not g and types[id(h)] == "ORG" and h.key.startswith(g.key + " ")
                 and all(w in ORG_NAME_WORDS for w in h.key[len(g.key) + 1:].split())]
        if len(plain) > 1:  # ("Cascade State" after "Cascade State University", before "Cascade State Athletic
            plain = [h for h in plain if h.first(cands) < first] or plain  # Foundation": the one named before)
        if len(plain) == 1:
            return plain[0]
        if types[id(g)] == "PERSON" and not plain:
            # "Khalid bin Fahad" after "Khalid bin Fahad al-Sudairi": a person's name without its last part
            people = [h for h in groups if h is not g and types[id(h)] == "PERSON"
                      and h.key.startswith(g.key + " ") and h.first(cands) < first]
            if len(people) == 1:
                return people[0]
        if not plain and not (types[id(g)] == "PERSON" and _has_given_name_first(cands, g)
                              and not _in_company_slots(cands, g)):
            # "Lakeshore Meridian" after "Lakeshore Meridian Health", "Hickory Lane" after "Hickory Lane
            # Kitchen Inc.": after the full name, its leading words are its short form (a person's
            # name, "John Smith" of "John Smith Foundation", stays the person's, unless the article
            # writes it only where a company goes: "Hoang Long shares", "Hoang Long's chief executive")
            plain = [h for h in groups if h is not g and types[id(h)] == "ORG" and h.key.startswith(g.key + " ")
                     and h.first(cands) < first]
            if len(plain) == 1:
                return plain[0]
    headed = words[-1] in ORG_HEADS
    if len(words) > 1 and types[id(g)] == "PERSON":
        # "Red Cross" after "American Red Cross": the last words of an organization's name, named before,
        # are its short form, however person-like they read (an organization's name ends in no person's)
        owned = [h for h in groups if h is not g and types[id(h)] == "ORG" and h.key.endswith(" " + g.key)
                 and h.first(cands) < first]
        if len(owned) == 1:
            return owned[0]
    if len(words) > 1 and (types[id(g)] != "PERSON" if headed else types[id(g)] == "ORG") and not _national_body(words):
        # "Security Council" for "UN Security Council", "Budget Committee" for "the European
        # Parliament's Budget Committee": an organization's name without its owner in front, as a
        # surname stands for a full name (a tail with no head noun only after the full name)
        fits = [h for h in groups if h is not g and types[id(h)] in {"ORG", "FAC"}
                and h.key.endswith(" " + g.key) and (headed or h.first(cands) < first)
                and (len([w for w in h.key.split() if w not in {"s", "&"}]) - len(words) <= 2 or _branch(words))]
        if not fits and types[id(g)] == "ORG" and all(cands[i].the_before for i in g.members):
            # "the Red Cross" after "International Committee of the Red Cross": a body named "X of the
            # Y" is called "the Y" once named in full
            fits = [h for h in groups if h is not g and types[id(h)] == "ORG" and h.first(cands) < first
                    and h.key.endswith(" of the " + g.key)]
        if not fits and headed:
            # "House Committee" for "House Select Committee on Intelligence": the name's first word and
            # head noun with words left out between, after the full name
            fits = [h for h in groups if h is not g and types[id(h)] in {"ORG", "FAC"} and h.first(cands) < first
                    and h.key.split()[0] == words[0] and _in_order(words, h.key.split())
                    and len(h.key.split()) > len(words)]
        if not fits and not headed:
            # "Almeida Prado" (read as a firm) after "Ricardo Almeida Prado": a person's two surnames
            fits = [h for h in groups if h is not g and types[id(h)] == "PERSON"
                    and h.key.endswith(" " + g.key) and h.first(cands) < first]
        return fits[0] if len(fits) == 1 else None
    if len(words) > 1:
        # "Eriksson Ek" for "Joel Eriksson Ek": a person's surname in two words; "Mustang Mach E" or
        # "Mach E" for "Ford Mustang Mach E": a product's name without its maker or line, after it
        fits = [h for h in groups if h is not g and types[id(h)] in {"PERSON", "PRODUCT"}
                and h.key.endswith(" " + g.key) and h.first(cands) < first]
        return fits[0] if len(fits) == 1 else None
    w = words[0]
    # "the Conservatives", "Democrats" for "Conservative Party", "Democratic Party": a party's members
    parties = [h for h in groups if h is not g and h.key.split()[-1] == "party" and len(h.key.split()) == 2
               and w.endswith("s") and h.key.split()[0].startswith(w[:-1]) and len(w) > 4]
    if len(parties) == 1:
        return parties[0]
    labels = {cands[i].label for i in g.members}
    fits = []
    for h in groups:
        if h is g or len(h.key.split()) < 2:
            continue
        name = _form(cands[h.members[0]])
        hw = core_words(name)
        before_of = hw[: hw.index("of")] if "of" in hw else hw  # "Pennsylvania House | of Representatives"
        if h.first(cands) > first:
            # a surname before the full name (a headline, a quote's attribution): only a person's,
            # only where no other person of the article shares it; and "the state Senate" before
            # "Nevada Senate": "the state" says which state's body it is
            if types[id(h)] == "PERSON" and len(hw) >= 2 and w == hw[-1] and not is_region(w) \
                    and sum(types[id(o)] == "PERSON" and core_words(_form(cands[o.members[0]]))[-1:] == [w]
                            for o in groups if o is not g) == 1:
                fits.append(h)
            elif types[id(h)] == "ORG" and _state_body(before_of, w) \
                    and any(_after_the_state(doc, cands[i].start) for i in g.members):
                fits.append(h)
            elif types[id(h)] == "ORG" and hw[-1] == w and w in INSTITUTION_HEADS \
                    and (all(cands[i].the_before for i in g.members) or w in TITLED_BODIES) \
                    and sum(core_words(_form(cands[o.members[0]]))[-1:] == [w] for o in groups if o is not g) == 1:
                # "If the Commission gets its way," a speaker says before the reporter writes "The European
                # Commission": a body's capitalized head noun after "the" is the one body so headed (a titled
                # body without it: "tabled in Parliament" before "Queensland Parliament")
                fits.append(h)
            continue
        hw = before_of
        # "the Fed" for "Federal Reserve": a clipped first word of an organization's name
        clipped = types[id(h)] == "ORG" and 3 <= len(w) <= 4 and len(hw) >= 2 and hw[0].startswith(w) and hw[0] != w
        if clipped and types[id(g)] not in {"PERSON"}:
            fits.append(h)
            continue
        if types[id(h)] == "ORG" and len(hw) >= 2 and hw[-1] in _KIN_PLURALS and w == hw[0] + "s" \
                and any(cands[i].the_before for i in h.members):
            # "the Doobies" for "The Doobie Brothers": a band named "The X Brothers/Boys" is "the Xs"
            # (a firm, "Lehman Brothers", writes no "The", and "the Lehmans" are a family)
            fits.append(h)
            continue
        surname = types[id(h)] == "PERSON" and len(hw) >= 2 and (
            w == hw[-1] or spelling_variant(w, hw[-1]) or w in {name_key(s) for s in surnames_of(name)})
        if surname and not is_region(w):
            # "Maroon" after "Pat Maroon", whatever the NER called it; "Zelensky" after "Volodymyr
            # Zelenskiy": once a full name is given, the surname alone is that person
            fits.append(h)
            continue
        if w not in hw or len(hw) < 2:
            continue
        if w == hw[0] and hw[-1] in NATIONAL_INSTITUTIONS:
            continue  # "Afghan", "US" name a people or a country, not "the Afghan government"
        if w == hw[0] and is_known_place(_form(c0)) and (
                {hw[-1], head_noun(h.key)} & INSTITUTION_HEADS or types[id(h)] == "FAC"
                and (is_major_place(_form(c0)) or any(_used_as_place(doc, cands[i]) for i in g.members))):
            continue  # "Loveland" is never short for "Loveland City Council" or "Loveland Chamber of
            # Commerce": a public body named for its place is not called by the place's bare name (a
            # company named for its town may be: "Halden" for "Halden Energy Partners"); and "jobs in
            # Asheville" are in the city, not at "Asheville Regional Airport"; a big city's name is the city
            # wherever it is written ("a Dubai-based lessor" beside "the Dubai Airshow")
        if w == hw[0] and hw[-1] in NAME_TAILS_ORG and "PERSON" in labels:
            continue  # "President Biden" is the person, not "the Biden administration" he leads
        if (is_region(w) or is_major_place(_form(c0)) and w != hw[0]) and types[id(h)] in _PLACEISH:
            continue  # a country or state is its own place: "Virginia" is not "Virginia Beach"; so is a city
            # another place's name holds after words of its own: "Manchester" is not "Greater Manchester"
            # (but "Ondo" is short for "Ondo State", a place named with its kind)
        if w == hw[-1] and types[id(h)] == "ORG" and is_country(_form(c0)):
            continue  # nor is a country short for a body named after it: "Mexico" is no "Banco de Mexico"
        if labels <= _PLACEISH and types[id(g)] in _PLACEISH and types[id(h)] not in _PLACEISH \
                and not (w == hw[-1] and types[id(h)] == "ORG") \
                and not (w == hw[0] and types[id(h)] == "ORG" and placed and h.first(cands) < first):
            # "California" does not stand for "California Public Utilities Commission"; but the last
            # word of a group's name is its short form whatever its tag ("Islanders", "the Journal")
            continue
        if w in _HEAD_WORDS and not (w == hw[0] and types[id(h)] == "ORG" and h.first(cands) < first
                                     and not any(cands[i].the_before for i in g.members)):
            # (a head word that opens a company's name is its short form after it: "Sentinel" for
            # "Sentinel Maritime Technologies")
            # "the Journal" for "The Wall Street Journal", "the House" for "Pennsylvania House of
            # Representatives": a head noun (the last word, or the word before "of"), after "the", for
            # its own name; a state's body also after "the state" ("the state Senate": "Nevada Senate")
            the_before = any(cands[i].the_before or _state_body(hw, w) and _after_the_state(doc, cands[i].start)
                             for i in g.members)
            # ("Forest" for the club "Nottingham Forest": a word of landscape ending an organization's name
            # is its short form, as "Wanderers" or "United" are)
            club = w in LOC_WORDS and hw[-1] == w and types[id(h)] == "ORG" and types[id(g)] == "ORG"
            # ("tabled in Parliament" after "Queensland Parliament": a titled body is written without "the")
            titled = w in TITLED_BODIES and hw[-1] == w and types[id(h)] == "ORG"
            if not (the_before and hw[-1] == w) and not club and not titled:
                continue
        elif types[id(h)] == "PERSON" and w not in (hw[0], hw[-1]):
            continue
        elif types[id(h)] != "PERSON" and w not in (hw[0], hw[-1]) and not (
                w == hw[-2] and hw[-1] in ORG_HEADS
                and all(cands[i].the_before for i in g.members)):
            continue  # (but "the Treasury" for "U.S. Treasury Department": the word before its head noun)
        elif types[id(h)] == "PRODUCT" and w == hw[0] != hw[-1] and types[id(g)] == "ORG" \
                and not all(cands[i].the_before for i in g.members):
            continue  # "Google" is the maker of "Google Stadia", not a short form of it ("the Chromecast"
            # is "Chromecast Ultra": a maker's name takes no article)
        fits.append(h)
    if len(fits) > 1 and all(types[id(h)] == "PERSON" for h in fits):
        # several people share the surname: news calls the one it is about by the surname alone and
        # the others by their first names ("Margaret Hale ... her son, David Hale ... Hale is survived
        # by"): the one named first, when the surname alone comes after all of them; else no one
        # ("Haqqani" between two Haqqanis)
        first_named = min(fits, key=lambda h: h.first(cands))
        if all(h.first(cands) < first for h in fits):
            return first_named
        return None
    people = [h for h in fits if types[id(h)] == "PERSON"]
    if len(people) == 1 and len(fits) > 1 and all(types[id(h)] == "ORG" and h.key.split()[0] == w
                                                  for h in fits if h is not people[0]) \
            and not _in_company_slots(cands, g):
        # "Saucedo" after "Gilberto Saucedo" and his "Saucedo Produce Co.": a surname alone is the person
        # named in full, whatever business bears his name, unless written where only a business goes
        return people[0]
    # "Emirates" after "United Arab Emirates" and "Emirates Airline": the one of its own kind
    own = Counter()
    for i in g.members:
        own[cands[i].label] += 1
        own.update(cands[i].votes)
    return min(fits, key=lambda h: (-own[types[id(h)]], h.first(cands))) if fits else None


def _national_body(words: list[str]) -> bool:
    """'Bank of Canada', 'Central Bank of Nigeria', 'Parliament of Ghana': a bank or an institution named for its
    country by "of" is that country's own, never the tail of another body's name ("Tamarack Bank of Canada")."""
    if "of" not in words:
        return False
    k = len(words) - 1 - words[::-1].index("of")
    return 0 < k < len(words) - 1 and words[k - 1] in INSTITUTION_HEADS | {"bank"} \
        and is_country(" ".join(words[k + 1:]))


def _in_order(short: list[str], long: list[str]) -> bool:
    """Whether every word of `short` appears in `long` in the same order."""
    it = iter(long)
    return all(w in it for w in short)


def _state_body(words: list[str], head: str) -> bool:
    """Whether a name's words (its "of ..." cut off) are a US state's name and then `head`
    ("nevada senate", "pennsylvania house")."""
    return len(words) >= 2 and words[-1] == head and is_us_state(" ".join(words[:-1]).title())


def _after_the_state(doc: Doc, start: int) -> bool:
    """Whether "the state" comes right before a character offset ("the state Senate")."""
    tok = doc.char_span(start, start + 1, alignment_mode="expand")
    i = tok.start if tok is not None else 0
    return i > 1 and doc[i - 1].lower_ == "state" and doc[i - 2].lower_ == "the"


def _written(c: Candidate) -> str:
    """The name as the article writes it: a rule-built name, or the text before a slash."""
    return c.canonical or _before_slash(c.text)


def _canonical(cands: list[Candidate], g: _Group, nationalities: frozenset[str] = frozenset()) -> str:
    """The fullest form the article itself uses ("U.S." when it never writes "United States"), with
    "The" only where the text writes it as part of the name, and without an adjective of nationality
    the article uses as such (`nationalities`) where the name is also written without it ("the Afghan
    Taliban" ... "the Taliban": Taliban; not "Chinese Communist Party", headed by a kind of body)."""
    # of forms with as many words, the one not abbreviated ("California", not "Calif." or "CA")
    best = max(g.members, key=lambda i: (len(_written(cands[i]).split()), not _written(cands[i]).endswith("."),
                                         cands[i].stands_for is None, -cands[i].start))
    c = cands[best]
    name = _written(c)
    if name.isupper() and " " in name and any(len(w) > 4 for w in name.split()):
        name = name.title()  # "NISSAN SENTRA" in a heading; "CBS DFW", acronyms only, stays
    words = name.split()
    # (a name headed by a kind of body needs its nationality: "Chinese Communist Party")
    if len(words) > 1 and words[0] in nationalities and words[-1].lower() not in NAME_HEAD_WORDS \
            and any(name_key(_written(cands[i])) == name_key(" ".join(words[1:])) for i in g.members):
        return " ".join(words[1:])
    if any(cands[i].cap_the and name_key(_written(cands[i])) == name_key(name) for i in g.members):
        name = "The " + name
    return name


def group_candidates(doc: Doc, cands: list[Candidate],
                     evidence: Callable[[int, int, str], Counter] | None = None) -> list[Entity]:
    """Resolve candidate spans into entities with names, types, aliases and mentions.

    `evidence(ts, te, label)` gives the type votes of a name found later without a tag ("Quorvia
    shares fell" before "Quorvia" was tagged), so that every mention's context counts."""
    by_key: dict[str, _Group] = {}
    for i, c in enumerate(cands):
        key = " ".join(core_words(_form(c)))
        if not key:
            continue
        by_key.setdefault(key, _Group([], key)).members.append(i)
    groups = sorted(by_key.values(), key=lambda h: -len(h.key.split()))
    # words that name an organization on their own in this article ("Nissan", beside "Nissan Sentra")
    org_words = frozenset(h.key for h in groups if len(h.key.split()) == 1
                          and Counter(cands[i].label for i in h.members).most_common(1)[0][0] in {"ORG", "PRODUCT"})
    # ... and words that name a person on their own ("Braun" beside "Scooter Braun": no maker's model)
    person_words = frozenset(h.key for h in groups if len(h.key.split()) == 1
                             and Counter(cands[i].label for i in h.members).most_common(1)[0][0] == "PERSON")
    org_words = frozenset(w for w in org_words if w not in person_words)
    # ... and the words of people's full names ("Moon" in "Moon Jae-in": no body of the solar system)
    in_person_names = frozenset(w for h in groups if len(h.key.split()) > 1 and _has_given_name(cands, h)
                                and Counter(cands[i].label for i in h.members).most_common(1)[0][0] == "PERSON"
                                for w in h.key.split())  # ("Moon Express" is no one's name)
    types = {id(h): _type_votes(cands, h, _canonical(cands, h), org_words, person_words, in_person_names)
             .most_common(1)[0][0] for h in groups}
    # ... and the surnames of people named in full ("Hale" beside "Margaret Hale")
    surnames = frozenset(h.key.split()[-1] for h in groups if len(h.key.split()) > 1 and types[id(h)] == "PERSON")
    # ... and the makers that products' names begin with ("Toyota" beside "Toyota RAV4 Prime")
    makers = org_words & {h.key.split()[0] for h in groups if len(h.key.split()) > 1 and types[id(h)] == "PRODUCT"}
    types.update({id(h): _type_votes(cands, h, _canonical(cands, h), org_words, person_words, in_person_names,
                                     makers).most_common(1)[0][0] for h in groups if h.key in makers})
    merged: dict[int, _Group] = {}
    for g in sorted(groups, key=lambda h: len(h.key.split())):
        target = _join_target(doc, cands, [h for h in groups if id(h) not in merged], g, types)
        if target is not None:
            while id(target) in merged:
                target = merged[id(target)]
            target.members += g.members
            merged[id(g)] = target
    final = [g for g in groups if id(g) not in merged]
    _add_unlabelled_mentions(doc, cands, final, types, evidence)
    final.sort(key=lambda h: h.first(cands))
    entities = []
    full_text = doc_text(doc)
    # adjectives of nationality as the article uses them ("Afghan forces"): no part of a name they precede
    nationalities = frozenset(e.text for e in doc_ents(doc) if e.label_ == "NORP" and len(e) == 1
                              and e[0].pos_ == "ADJ")
    for n, g in enumerate(final, 1):
        eid = f"E{n}"
        name = _canonical(cands, g, nationalities)
        etype = _type_votes(cands, g, name, org_words, person_words, in_person_names, makers,
                            surnames).most_common(1)[0][0]
        mentions, aliases = [], []
        for i in sorted(g.members, key=lambda i: cands[i].start):
            c = cands[i]
            start = c.titled_start if c.titled_start is not None and c.titled_start < c.start \
                and etype == "PERSON" else c.start  # ("President Tessel Group" is no title of a company)
            text = full_text[start:c.end]
            kind = "name" if name_key(text) == name_key(name) else "alias"
            mentions.append(Mention(eid, text, start, c.end, kind))
            for form in dict.fromkeys((text, c.text)):  # in a fixed order
                if name_key(form) != name_key(name) and form not in aliases:
                    aliases.append(form)
        entities.append(Entity(eid, name, etype, aliases, mentions))
    return entities


_NEXT_NAME = re.compile(r"\s+[A-Z][a-z]")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def _occurrences(text: str, form: str):
    r"""Where a name form stands alone in the text: not inside a longer word or hyphenated name, and
    not followed by another capitalized word (then it is part of a longer name). Same matches as the
    regex (?<![\w-])FORM(?![\w-]|\s+[A-Z][a-z]), without compiling one per form."""
    start = text.find(form)
    while start >= 0:
        end = start + len(form)
        if (start == 0 or not _is_word_char(text[start - 1])) and (end == len(text) or not _is_word_char(text[end])) \
                and not _NEXT_NAME.match(text, end):
            yield start, end
            start = text.find(form, end)
        else:
            start = text.find(form, start + 1)


def _add_unlabelled_mentions(doc: Doc, cands: list[Candidate], groups: list[_Group],
                             types: dict[int, str],
                             evidence: Callable[[int, int, str], Counter] | None = None) -> None:
    """Add names NER left out: a known name, or a person's first name or surname alone ("Elon")."""
    covered = [(c.start, c.end) for c in cands]
    full_text = doc_text(doc)
    forms: dict[str, set[int]] = {}
    for g in groups:
        for i in g.members:
            forms.setdefault(_form(cands[i]), set()).add(id(g))
        name = _canonical(cands, g)
        if types[id(g)] == "PERSON" and _person_like(name):
            for w in (name.split()[0], *surnames_of(name)):
                # also written without diacritics: "Andres" for "José Andrés"
                for form in dict.fromkeys((w, without_diacritics(w))):
                    forms.setdefault(form, set()).add(id(g))
        words = name.split()
        if types[id(g)] == "ORG" and len(words) >= 3 and words[-1].lower() in LEGAL_FORMS:
            # "Queen City Retail Partners" after "Queen City Retail Partners LLC": the name without its
            # legal form
            forms.setdefault(" ".join(words[:-1]).rstrip(","), set()).add(id(g))
        first = name.split()[0]
        if types[id(g)] == "ORG" and 2 <= len(name.split()) <= 3 and len(first) > 2 and first.istitle() \
                and first.lower() not in _HEAD_WORDS | {"the"} and not country_name(first) and not like_num(first):
            forms.setdefault(first, set()).add(id(g))  # "Vexa" for "Vexa Pharma", as a surname for a person
        if types[id(g)] == "ORG" and 3 <= len(words) <= 4 and first.isalpha() and like_num(first) \
                and words[1].istitle():
            forms.setdefault(" ".join(words[:2]), set()).add(id(g))  # "Five Rivers" for "Five Rivers Wealth
            # Partners": a number word alone names nothing, its first two words do
    by_id = {id(g): g for g in groups}
    for form, owners in forms.items():
        if len(owners) != 1 or not form[:1].isupper():
            continue
        g = by_id[next(iter(owners))]
        for s, e in _occurrences(full_text, form):
            if any(s < ce and cs < e for cs, ce in covered):
                continue
            span = doc.char_span(s, e)
            if span is None:
                continue
            said = span[-1].dep_ == "nsubj" and span[-1].head.lemma_ in SPEECH_VERBS
            # "Simmons teased the tour": a person's surname opening a sentence as the subject of a verb,
            # whatever tag the model gave the capitalized word
            acts = types[id(g)] == "PERSON" and span[-1].dep_ in ("nsubj", "nsubjpass") \
                and span[-1].head.pos_ == "VERB" and span[0].is_title
            if span[0].is_sent_start and span[0].pos_ != "PROPN" and not said and not acts \
                    and not (len(span) > 1 and span[-1].is_title) and form not in always_capitalized(doc):
                # (a word the text capitalizes inside its sentences too is a name at a sentence's start:
                # "Aurevilly also said", though the tagger reads it as an adverb)
                # "Wild defenseman Ryan Suter." opening a sentence: a name before a title and a
                # person is the organization, whatever the tagger says of the word (a form of two words
                # whose second has a capital is a name wherever it stands: "Five Rivers, which ...")
                t = title_after(doc, span.end)
                if t is None or t.end >= len(doc) or doc[t.end].ent_type_ != "PERSON":
                    continue
            votes = evidence(span.start, span.end, types[id(g)]) if evidence else Counter()
            # "Mr Assange", "Ms. Persson": a form of address written with the name is part of the mention
            prev = doc[span.start - 1] if span.start else None
            titled = prev.idx if prev is not None and prev.lower_ in HONORIFICS and prev.is_title \
                and types[id(g)] == "PERSON" else None
            cands.append(Candidate(s, e, form, types[id(g)], votes=votes, titled_start=titled,
                                   after_the=full_text[max(0, s - 4):s] == "the "))
            g.members.append(len(cands) - 1)
            covered.append((s, e))

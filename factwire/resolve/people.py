"""What a name says about a person: whether its first word is a given name, and its gender.

Given names come from gender-guesser's dictionary (about 40,000 first names from many countries,
shipped inside the package; nothing is downloaded).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import gender_guesser.detector as gender_detector
from spacy.lang.en.stop_words import STOP_WORDS

from factwire.resolve.index import Entity
from factwire.resolve.names import without_diacritics
from factwire.wordlists import wordlist

_FAMILY_NAMES_FIRST = wordlist("resolve.people", "family_names_first")
_MALE = {"male", "mostly_male"}
_FEMALE = {"female", "mostly_female"}


@lru_cache(maxsize=1)
def _detector() -> gender_detector.Detector:
    return gender_detector.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def given_name_gender(word: str) -> str | None:
    """'m' or 'f' for a given name that is mostly one gender's, None for others and for non-names."""
    if not word[:1].isupper() or not word.replace("-", "").isalpha():
        return None
    found = _detector().get_gender(word)
    return "m" if found in _MALE else "f" if found in _FEMALE else None


@lru_cache(maxsize=4096)
def is_given_name(word: str) -> bool:
    """Whether a capitalized word is a known first name ("Linus", "Pat", "Jo-Wilfried" via "Jo")."""
    if not word[:1].isupper() or not word.replace("-", "").replace(".", "").isalpha():
        return False
    first = word.split("-")[0]
    if first.lower() in STOP_WORDS:  # "The", "Will", "May": words first, names only by chance
        return False
    # (with its diacritics or without them: "Micheál" is "Micheal", as news writes either)
    return any(_detector().get_gender(form) != "unknown" for form in dict.fromkeys((first, without_diacritics(first))))


def is_family_name_first(word: str) -> bool:
    """Whether a capitalized word is a family name that Vietnamese, Chinese and Korean names put before
    the given name ("Nguyen" of "Nguyen Thi Thu Ha")."""
    return word[:1].isupper() and word.lower() in _FAMILY_NAMES_FIRST


def surnames_of(name: str) -> tuple[str, ...]:
    """The words of a person's full name that stand for the person alone: the last word, and in a name
    of three words the middle word too. Spanish and Portuguese names carry two surnames, the father's then
    the mother's, and news goes on with the first ("Lucía Barragán Torres" ... "Barragán"), be it a given
    name elsewhere too ("Rogelio Anaya Beltrán" ... "Anaya"); news calls no one by a middle given name
    alone, so the word alone is this person wherever it is written."""
    words = name.split()
    if len(words) == 3 and words[1][:1].isupper() and words[1].isalpha():
        return words[-1], words[1]
    return tuple(words[-1:])


def is_unattested_person(entity: Entity, roles: Sequence[dict[str, Any]]) -> bool:
    """A one-word name typed a person's that the article never shows to be one: news introduces a
    person by given name and surname or with a title, and goes on with "he"/"she"; a lone capitalized
    word with no given name, no title or other form, no role and no pronoun ("Humidifier" in a product
    list, "Tanf" for a town, "Optilli" for an artwork) is no person known to the article."""
    return entity.type == "PERSON" and len(entity.name.split()) == 1 and not entity.aliases \
        and not is_given_name(entity.name) and not any(m.kind == "pronoun" for m in entity.mentions) \
        and not any(r["person_id"] == entity.entity_id for r in roles)

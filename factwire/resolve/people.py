"""What a name says about a person: whether its first word is a given name, and its gender.

Given names come from gender-guesser's dictionary (about 40,000 first names from many countries,
shipped inside the package; nothing is downloaded).
"""

from __future__ import annotations

from functools import lru_cache

import gender_guesser.detector as gender_detector
from spacy.lang.en.stop_words import STOP_WORDS

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
    return _detector().get_gender(first) != "unknown"

"""A speaker's canonical name without the title or form of address written before it.

"Gov. John Smith said", "Superintendent Jane Roe said", "Dr. Alan Grant said": the speaker is John
Smith, Jane Roe, Alan Grant. Royal and religious styles ("King Charles", "Pope Francis") are how
those people are named, so they stay.
"""

from __future__ import annotations

from collections.abc import Callable

from factwire.resolve.lexicon import HONORIFICS, ORG_NAME_WORDS, TITLE_MODIFIERS, TITLE_QUALIFIERS, titles
from factwire.wordlists import wordlist

# Abbreviated titles of news style (AP and others), with and without the period.
_ABBREVIATIONS = wordlist("extract.speaker_names", "abbreviations")
# Office words common before a name that the job-title list does not hold as single words.
_OFFICES = wordlist("extract.speaker_names", "offices")
# Styles that are part of how a person is named.
_STYLES = wordlist("extract.speaker_names", "styles")


def _title_words() -> set[str]:
    words = {w for phrase in titles() for w in phrase.replace("-", " ").split()}
    return (words | _OFFICES | HONORIFICS | TITLE_MODIFIERS | TITLE_QUALIFIERS) - _STYLES


def _is_title_word(word: str) -> bool:
    w = word.lower()
    return w.rstrip(".") in _ABBREVIATIONS or w in _TITLE_WORDS or w.rstrip(".") in _TITLE_WORDS


def without_title(name: str) -> str:
    """'Gov. John Smith' -> 'John Smith', 'Superintendent Jane Roe' -> 'Jane Roe'; keeps at least one
    capitalized word, and leaves names that would not be a person's ('Coach Inc.')."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and _is_title_word(words[k]):
        k += 1
    rest = words[k:]
    if k == 0 or not all(w[:1].isupper() for w in rest) or rest[-1].lower() in ORG_NAME_WORDS:
        return name
    return " ".join(rest)


def without_affiliation(name: str, other_name: Callable[[str], bool]) -> str:
    """'Browns DL Sheldon Richardson' -> 'Sheldon Richardson', 'Ukraine Kurt Volker' -> 'Kurt Volker':
    news writing puts a person's team, country or employer (a name of its own, `other_name`) and a
    position before the name; they are not part of it. Two words always stay."""
    words = name.split()
    k = 0
    while k < len(words) - 2:
        n = next((n for n in range(len(words) - 2 - k, 0, -1) if other_name(" ".join(words[k:k + n]))), 0)
        if not n:
            break
        k += n  # "Gull Harbor Tomas Reyes": the longest name of its own first
    while 0 < k < len(words) - 2 and (words[k].isupper() and len(words[k]) <= 4 or _is_title_word(words[k])):
        k += 1  # a position after the team: "Browns DL", "Acme CEO"
    return " ".join(words[k:])


def could_be_person(name: str) -> bool:
    """'Kurt Volker': two or three capitalized words that do not end like an organization's name."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha()
                                        for w in words) and words[-1].lower() not in ORG_NAME_WORDS


_TITLE_WORDS = _title_words()

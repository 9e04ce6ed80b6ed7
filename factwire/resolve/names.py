"""Name normalization: keys for matching surface forms, and canonical forms of names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from factwire.resolve.lexicon import common_abbreviations

_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


def strip_possessive(text: str) -> str:
    """'Blue Origin's' -> 'Blue Origin'."""
    return _POSSESSIVE.sub("", text.strip())


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-folded text without diacritics ("Dräger" -> "drager", "Zürich" -> "zurich")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def without_diacritics(text: str) -> str:
    """The text as written, case kept, without diacritics ("Andrés" -> "Andres")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


_LEADING_THE = re.compile(r"^the\s+")
_NOT_NAME_CHARS = re.compile(r"[^\w\s&+.-]")
_SPACES = re.compile(r"\s+")
_DOMAIN_END = re.compile(r"\.(com|net|org|io)$")
_ACRONYM_MARKS = re.compile(r"[.&\-]")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A key for comparing names: case-folded, diacritics dropped (a name and its ASCII spelling are
    one name), no leading 'the', no possessive, single spaces."""
    s = unicodedata.normalize("NFKC", fold(text)).replace("\u2019", "'")
    s = strip_possessive(s).casefold()
    s = _LEADING_THE.sub("", s)
    s = _NOT_NAME_CHARS.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


# Surname prefixes that put a capital inside a person's name ("McDowell", "DeSantis", "O'Brien").
_NAME_PREFIXES = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|O'|O\u2019|D'|D\u2019)[A-Z]")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
# a brand written with a small first letter: "iPhone", "eBay", "iOS", "watchOS" (not "mRNA", "kWh":
# common nouns and units, listed in common_abbreviations.txt)
_SMALL_FIRST_BRAND = re.compile(r"[a-z]{1,5}[A-Z][A-Za-z0-9]*")
# surname particles written small before a capital ("deGrom", "van Gogh" run together, "diCaprio")
_SMALL_PARTICLES = re.compile(r"(?:de|da|di|du|la|le|van|von|mc|mac)[A-Z]")


# Prepositions after the head noun of a name ("Office for Civil Rights", "Committee on Ways and Means",
# "Independent Commission Against Corruption").
_HEAD_ENDS = frozenset({"of", "for", "on", "against"})


def head_noun(name: str) -> str:
    """The head noun of a name: its last word (the word before a number: "U.S. Highway 20"), or the word
    before "of", "for", "on" or "against" ("Office for Civil Rights")."""
    words = name.lower().split()
    if len(words) > 1 and words[-1].isdigit():
        words = words[:-1]
    return next((words[k - 1] for k in range(1, len(words)) if words[k] in _HEAD_ENDS), words[-1])


def two_word_head(name: str) -> str:
    """A name's last two words as the data files write a head of two words: "medical-center" for "St.
    Brendan Regional Medical Center" (a center of another kind is no hospital), "police-service" for
    "Winnipeg Police Service"."""
    return "-".join(w.rstrip("'\u2019") for w in name.lower().split()[-2:])  # ("Players' Association")


def looks_like_brand(word: str) -> bool:
    """A word written like a company or product, never like a person ("SpaceX", "eBay", "AT&T")."""
    if any(c.isdigit() for c in word) or "&" in word or "+" in word or _DOMAIN_END.search(word):
        return True
    return bool(_INNER_CAPITAL.search(word)) and not _NAME_PREFIXES.match(word)


def is_small_first_brand(word: str) -> bool:
    """A name written with a small first letter and a capital after it ("iPhone", "eBay", "iOS"):
    English writes no common word so, except some units and scientific terms ("kWh", "mRNA": the
    common abbreviations of factwire/data/common_abbreviations.txt)."""
    return bool(_SMALL_FIRST_BRAND.fullmatch(word)) and not _SMALL_PARTICLES.match(word) \
        and word not in common_abbreviations()


def initials(words: list[str]) -> str:
    """Upper-case initials of the capitalized words ("Pacific Gas & Electric" -> "PGE"); an abbreviation
    written with periods gives all its letters ("U.S. Department of Agriculture" -> "USDA")."""
    return "".join(w.replace(".", "") if _DOTTED.fullmatch(w) else w[0] for w in words if w[:1].isupper())


_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")  # "U.S.", "U.K.": an abbreviation of several words


def acronym_letters(text: str) -> str | None:
    """The letters of an acronym ("PG&E" -> "PGE", "U.S." -> "US"), or None if it isn't one."""
    t = text.strip()
    if len(t) > 2 and t.endswith("s") and t[:-1].isupper():
        t = t[:-1]  # "AMAs": an acronym in the plural
    letters = _ACRONYM_MARKS.sub("", t)
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters
    return None


def title_case_acronym(word: str, name: str) -> bool:
    """Whether a word is the name's acronym written as a word, with one capital, as British and South African
    papers write acronyms said as words ("Amcu" for the Association of Mineworkers and Construction Union,
    "Nato"): its letters are the initials of the name's capitalized words."""
    return 3 <= len(word) <= 6 and word.isalpha() and word.istitle() and word.upper() == initials(name.split())


def clipped_name(word: str, name: str) -> bool:
    """Whether a capitalized word is built of the openings of the name's words, in order, from its first
    word and of two words at least: the short name a company or agency of Spanish or Portuguese is known
    by ("Pemex" for Petroleos Mexicanos, "Petrobras" for Petroleo Brasileiro, "Codelco" for Corporacion
    Nacional del Cobre). Asked only of a word brackets declare after the name."""
    if not (4 <= len(word) <= 10 and word.isalpha() and word[:1].isupper()):
        return False
    words = [fold(w).lower() for w in name.split() if w.isalpha()]
    target = fold(word).lower()

    def fits(rest: str, k: int, used: int) -> bool:
        if not rest:
            return used >= 2
        for n in range(k, len(words)):
            if n > k and used == 0:
                return False  # the first piece opens the first word
            w = words[n]
            for size in range(min(len(w), len(rest)), 0, -1):
                if w[:size] == rest[:size] and fits(rest[size:], n + 1, used + 1):
                    return True
        return False

    return len(words) >= 2 and fits(target, 0, 0)


def declares_short_form(word: str, name: str) -> bool:
    """Whether a word written in brackets (or after "or", "known as") right after a name can be its short
    form: initials in capitals ("SEC"), an acronym written as a word ("Amcu") or a clipped name ("Pemex")."""
    return bool(acronym_letters(word)) or title_case_acronym(word, name) or clipped_name(word, name)


def spelling_variant(a: str, b: str) -> bool:
    """Two spellings of one surname as transliterations give them: the same word but for up to two
    letters at its end ("Zelensky" / "Zelenskiy" / "Zelenskyy"), diacritics ignored, six letters or more."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 6 and long_.startswith(short[:-1]) and len(long_) - len(short) <= 2 and short[:-1] != ""


_AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|ant|(?<!m)ent|eer|man|woman|person|ee|ive|ic|ary|ier|yer|ess|ate)$")


def is_agent_noun(lemma: str) -> bool:
    """A noun for one who does something, by its ending ("operator", "economist", "spokesperson",
    "parent"): a person's trade, or what a company or person runs ("the operator of 31 restaurants")."""
    return bool(_AGENT_NOUN.search(lemma))

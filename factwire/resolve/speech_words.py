"""The word lists of speech and sourcing, loaded once from factwire/data/.

reporting_verbs.txt holds every reporting verb with its class (plain speech, clause-only, manner,
publication, naming, acts) and the verbs of sourcing (on the air, obtained, published);
speech_nouns.txt the nouns (representatives, unnamed sources, statements, documents, company
results, media words, channels, person descriptions). Every module that needs one of
these lists takes it from here, so there is one copy of each.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
VERBS_FILE = DATA / "reporting_verbs.txt"
NOUNS_FILE = DATA / "speech_nouns.txt"


def _classes(path: Path, default: str) -> dict[str, frozenset[str]]:
    """Class -> words, from a file of `word[<tab>class]` lines (# comments and blank lines skipped)."""
    out: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, cls = line.partition("\t")
        out.setdefault(cls.strip() or default, set()).add(word.strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def verb_classes() -> dict[str, frozenset[str]]:
    """Verbs by class: 'speech', 'clause', 'manner', 'publication', 'naming', 'act', 'on_air',
    'obtain', 'publish', 'as', 'denial'."""
    return _classes(VERBS_FILE, "speech")


@lru_cache(maxsize=1)
def noun_classes() -> dict[str, frozenset[str]]:
    """Speech and sourcing nouns by class (see the head of speech_nouns.txt)."""
    return _classes(NOUNS_FILE, "")


def verbs(*classes: str) -> frozenset[str]:
    """The verbs of these classes together."""
    table = verb_classes()
    return frozenset().union(*(table.get(c, frozenset()) for c in classes))


def nouns(cls: str) -> frozenset[str]:
    """The nouns of one class."""
    return noun_classes().get(cls, frozenset())


# A reporting verb of a speaker: every class but a publication's and naming verbs.
SPEECH_VERBS = verbs("speech", "clause", "manner")
# Every verb that attributes a statement, including a publication's "reported".
REPORTING_LEMMAS = SPEECH_VERBS | verbs("publication")
NAMING_VERBS = verbs("naming")
TELLING_VERBS = verbs("telling")  # "told reporters that ...": the object is whom it was told to
DIRECTIVE_VERBS = verbs("directive")  # "told residents to shelter": an order, no report
REPRESENTATIVES = nouns("representative")  # "a WeWork spokesperson", "union officials": speak for a body
AS_NAMING_VERBS = verbs("as")  # naming only in an "as" phrase that opens a quotation
MANNER_VERBS = verbs("manner")
# Verbs that report only with a clause or a quotation of their own (manner verbs among them).
CLAUSE_ONLY_VERBS = verbs("clause", "manner")


def is_told(tok) -> bool:
    """Whether a token is whom something was told to ("told Reuters", "told the paper that ..."): the object
    of a verb of telling, an audience, never the teller."""
    return tok.dep_ in {"dobj", "dative"} and tok.head.lemma_ in TELLING_VERBS

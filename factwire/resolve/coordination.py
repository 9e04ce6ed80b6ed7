"""Names joined by 'and' / 'or': one NER span split into its names, untagged conjuncts found.

"Twitter and Facebook" tagged as one span names two organizations, while "Procter and Gamble" and
"the Securities and Exchange Commission" are single names. English gives the difference away: the
conjuncts of a list are named alone elsewhere in the article, a list has commas ("Google, Apple and
Amazon"), two people's names each have a first name and a surname, and an "and" inside a name comes
before the name's head noun ("... and Exchange Commission") or after an "of" ("Bank of X and Y").
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from factwire.nlp import doc_tokens, span_text
from factwire.resolve.draft import TITLE_WORDS, Draft
from factwire.resolve.lexicon import HONORIFICS, ORG_HEADS, ORG_SUFFIXES, country_name, titles
from factwire.resolve.names import acronym_letters, initials

CONJUNCTIONS = frozenset({"and", "or"})  # the words that join names in a list
_HEAD_WORDS = ORG_HEADS | {s.strip(".") for s in ORG_SUFFIXES}  # an organization's last word: head or legal form


def _ends_in_head(doc: Doc, d: Draft) -> bool:
    return doc[d.te - 1].lower_.strip(".") in _HEAD_WORDS


def _name_words(doc: Doc, i: int, j: int) -> bool:
    """Tokens i..j are all capitalized words (a name on its own)."""
    return j > i and all(t.text[:1].isupper() for t in doc[i:j])


def _standalone_texts(doc: Doc, drafts: list[Draft]) -> Counter:
    """How often each name text is tagged on its own (not inside a longer span)."""
    return Counter(doc[d.ts:d.te].text for d in drafts)


def _split_one(doc: Doc, d: Draft, alone: Counter, in_list: bool) -> list[Draft]:
    """The conjuncts of one span, or the span itself when the 'and' belongs to the name."""
    conj = [i for i in range(d.ts + 1, d.te - 1) if doc[i].lower_ in CONJUNCTIONS]
    if len(conj) != 1 or d.label not in {"ORG", "PERSON", "PRODUCT", "GPE", "NORP", "WORK_OF_ART"}:
        return [d]
    k = conj[0]
    words = [t.lower_ for t in doc[d.ts:d.te]]
    if "of" in words[: k - d.ts] or _ends_in_head(doc, d):
        return [d]  # "Department of Health and Human Services", "Securities and Exchange Commission"
    left, right = (d.ts, k), (k + 1, d.te)
    if not (_name_words(doc, *left) and _name_words(doc, *right)):
        return [d]
    texts = [doc[a:b].text for a, b in (left, right)]
    people = d.label == "PERSON" and all(b - a >= 2 for a, b in (left, right))
    if not (in_list or people or any(alone[t] for t in texts)):
        return [d]
    return [Draft(a, b, d.label, votes=Counter(d.votes)) for a, b in (left, right)]


def _rejoined(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Two names the model tagged on either side of an "and" made one where the article tags the whole
    once elsewhere: a name written twice is one name ("Customs" | and | "Border Protection" after
    "Customs and Border Protection")."""
    at = doc_tokens(doc)
    whole = {span_text(doc, d.ts, d.te): d.label for d in drafts
             if any(at[k].lower_ in CONJUNCTIONS for k in range(d.ts, d.te))}
    if not whole:
        return drafts
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev is not None and prev.te + 1 == d.ts and at[prev.te].lower_ in CONJUNCTIONS \
                and (label := whole.get(span_text(doc, prev.ts, d.te))) is not None:
            out[-1] = Draft(prev.ts, d.te, label, votes=prev.votes + d.votes)
        else:
            out.append(d)
    return out


def split_conjoined(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Drafts with coordinated names split into one draft per name ("Google, Apple and Amazon")."""
    drafts = _rejoined(doc, drafts)
    alone = _standalone_texts(doc, drafts)
    out: list[Draft] = []
    for n, d in enumerate(drafts):
        prev = drafts[n - 1] if n else None
        in_list = prev is not None and prev.te + 1 == d.ts and doc[prev.te].text == ","
        out += _split_one(doc, d, alone, in_list)
    return out


def _ends_in_singular_head(doc: Doc, d: Draft) -> bool:
    """(a plural head names a company of its own: "Southeastern Grocers and Tops Markets" are two)"""
    head = doc[d.te - 1]
    return _ends_in_head(doc, d) and head.tag_ not in {"NNS", "NNPS"} \
        and not (head.lower_.endswith("s") and head.lower_[:-1] in _HEAD_WORDS)


def joined_by_head(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Drafts (in text order) with two that one head noun closes made one name: "Kibuye Savings | and | Credit
    Ltd", "Australian Charities | and Not-for-profits | Commission", "Green Ridge Rehabilitation | and | Nursing
    Center". Capitalized words joined by "and" before an organization's singular head noun are one name, the head's,
    as in "Securities and Exchange Commission": where the first conjunct ends in no head of its own, is no
    person's name or acronym and is written nowhere else alone, and neither is a name the lexicon knows."""
    alone = _standalone_texts(doc, drafts)
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev is not None and _one_head_closes(doc, prev, d, alone):
            out[-1] = Draft(prev.ts, d.te, "ORG", votes=prev.votes + d.votes)
        else:
            out.append(d)
    return out


def _one_head_closes(doc: Doc, prev: Draft, d: Draft, alone: Counter) -> bool:
    # (a person's name or an acronym is a name of its own: "Jo Park and Acme Partners LLC", "SBI and ICICI Bank")
    if not (0 < d.ts - prev.te <= 8) or not _ends_in_singular_head(doc, d) or _ends_in_head(doc, prev) \
            or alone[doc[prev.ts:prev.te].text] > 1 or prev.label == "PERSON" \
            or any(acronym_letters(t.text) for t in doc[prev.ts:prev.te]) \
            or any(country_name(span_text(doc, x.ts, x.te)) for x in (prev, d)):
        return False  # (nor two names the lexicon knows: "the United Nations and European Union")
    at = doc_tokens(doc)
    gap = doc.text[at[prev.te - 1].idx + len(at[prev.te - 1]):at[d.ts].idx]
    words = gap.split()
    joints = sum(w.lower() in CONJUNCTIONS | {"&"} for w in words) \
        + sum(t.lower_ in CONJUNCTIONS | {"&"} for t in doc[prev.ts:prev.te])
    # (each other word of the gap capitalized, or a hyphened part run on to the word before: "Bio|-energy")
    return joints == 1 and len(words) <= 3 and all(w.lower() in CONJUNCTIONS | {"&"} or w[:1].isupper()
                               or w.startswith("-") and gap.startswith(w) for w in words)


def _conjunct(doc: Doc, i: int, step: int, taken: set[int]) -> tuple[int, int] | None:
    """Token bounds of up to three untagged capitalized proper nouns from token i in one direction."""
    toks = []
    j = i
    while 0 <= j < len(doc) and len(toks) < 4 and j not in taken and doc[j].pos_ == "PROPN" \
            and doc[j].is_title and doc[j].lower_ not in TITLE_WORDS | HONORIFICS:
        toks.append(j)
        j += step
    if not toks or len(toks) > 3:
        return None
    a, b = min(toks), max(toks) + 1
    if doc[a].is_sent_start or doc[a:b].text.lower() in titles():
        return None
    return a, b


def _acronyms(doc: Doc) -> set[str]:
    """The acronyms the article writes ("ICE", "SEC")."""
    return {letters for t in doc_tokens(doc) if (letters := acronym_letters(t.text)) is not None}


def untagged_conjuncts(doc: Doc, drafts: list[Draft], taken: set[int]) -> list[Draft]:
    """'Twitter and Facebook' with only 'Twitter' tagged: a capitalized proper noun joined to a
    tagged name by 'and'/'or' is a name of the same kind. Where the article writes the initials of
    the whole ("U.S. Immigration" | and | "Customs Enforcement", then "ICE"), the whole is one name: the
    tagged draft takes the words after "and" (drafts are the spans being built, changed in place here as
    the other span rules do)."""
    surnames = {doc[d.te - 1].text for d in drafts if d.label == "PERSON" and d.te - d.ts > 1}
    acronyms = None
    out = []
    for d in drafts:
        for conj, i, step in ((d.te, d.te + 1, 1), (d.ts - 1, d.ts - 2, -1)):
            if not (0 <= conj < len(doc)) or doc[conj].lower_ not in CONJUNCTIONS:
                continue
            found = _conjunct(doc, i, step, taken)
            if found is None:
                continue
            a, b = found
            if d.label == "PERSON" and b - a == 1 and d.te - d.ts > 1 and doc[a].text not in surnames:
                continue  # "Jane Roe and Acme": a lone word beside a full name is no second person
            if step == 1 and d.label == "ORG":
                acronyms = _acronyms(doc) if acronyms is None else acronyms
                whole = [t.text for t in doc[d.ts:b] if t.lower_ not in CONJUNCTIONS and not acronym_letters(t.text)]
                if len(whole) > 2 and initials(whole) in acronyms:
                    d.te = b
                    taken.update(range(a, b))
                    continue
            out.append(Draft(a, b, d.label))
            taken.update(range(a, b))
    return out

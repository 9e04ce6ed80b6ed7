"""Organization names the model cut short: at 'for' or 'of' ("United Nations | High Commissioner for
Human Rights") or before a last capitalized word ("the Ashby | Athletic manager"): the capitalized
words that follow belong to the name."""

from __future__ import annotations

from spacy.tokens import Doc

from factwire.resolve.spans import TITLE_WORDS, Draft

_LINKS = {"for", "of", "and", "on"}


def _capitalized(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return tok.is_title and tok.is_alpha and not tok.is_sent_start and tok.ent_type_ not in {"PERSON", "DATE", "TIME"}


def extend_cut_names(doc: Doc, drafts: list[Draft], taken: set[int]) -> None:
    """Extend an ORG/FAC name over untagged capitalized words joined by 'for'/'of' after it."""
    for d in drafts:
        if d.label not in {"ORG", "FAC"}:
            continue
        j, end, linked = d.te, None, False
        while j < len(doc) and j - d.te < 9 and j not in taken - set(range(d.ts, d.te)):
            if _capitalized(doc, j):
                end = j + 1
            elif doc[j].lower_ in _LINKS and j + 1 < len(doc) and _capitalized(doc, j + 1):
                linked = linked or doc[j].lower_ in {"for", "of"}
            else:
                break
            j += 1
        if end is not None and not linked and end - d.te <= 2 and end < len(doc) and doc[end].is_lower \
                and not any(doc[k].lower_ in TITLE_WORDS or doc[k].ent_type_ for k in range(d.te, end)):
            taken.update(range(d.te, end))  # "the Ashby Athletic manager" with only "Ashby" tagged
            d.te = end
            continue
        if end is None or not linked or (end < len(doc) and doc[end].ent_type_ == "PERSON"):
            continue  # "Acme President Jo Park": a title before a person is no part of the name
        if any(doc[k].lower_ in {"for", "of"} for k in range(d.te, end)):
            taken.update(range(d.te, end))
            d.te = end

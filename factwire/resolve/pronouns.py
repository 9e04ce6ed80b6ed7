"""Pronoun mentions: he/she/it/they and their forms resolved by one policy, for every extractor.

The policy is a rule of how news is written: a third-person pronoun continues the most prominent
fitting entity of the sentences just before it, and the subject of a clause is more prominent than
its objects. So, looking back from the pronoun through its own sentence and then the sentences
before it (this paragraph and the previous one): in its own sentence the nearest fitting subject
before it; in an earlier sentence that sentence's fitting subject (a pronoun resolved there
included), else the owner named in its subject ("Jo Park's album ..."), else its direct object,
else its last fitting mention.

- he/she (him, his, her, ...) fit a person whose gender, when the article or the given name
  states one, agrees.
- it/its fit an organization, product, work, law or event; a pronoun with no referent ("it is
  likely that ...", "it was raining") is left alone, and so is "it" in a sentence whose only
  fitting entity is a place.
- they/their fit a group written as a plural name ("the Steelers", "Democrats") or an organization
  the text gives a plural verb ("Big Machine have denied it", British usage), never a company named
  in the singular otherwise, since "they" in news usually means people the text does not name.

Pronouns inside quotation marks are the speaker's words about whoever the speaker means, and are
not resolved here (the first person plural of a speaker who speaks for an organization is, once the
quotes have their speakers: first_person.py). The subject of a reported clause is the sayer when it
fits ("Kestrel, which said it would ..."). A pronoun under a clause whose subject the text leaves
unnamed continues that subject ("The company said it would comply", "A man said he saw it") and stays
unresolved too, whoever was named before. A pronoun with no fitting entity in reach stays unresolved: never a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from factwire.nlp import doc_text, doc_tokens
from factwire.resolve.datelines import wire_credits
from factwire.resolve.index import Entity, EntityIndex, Mention
from factwire.resolve.lexicon import (
    PERSON_DESCRIPTIONS,
    gendered_words,
    not_occupations,
    pronouns,
    reflexive_pronouns,
    titles,
)
from factwire.resolve.people import given_name_gender
from factwire.resolve.speech_words import REPORTING_LEMMAS
from factwire.wordlists import wordlist

_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")
_THING_TYPES = wordlist("resolve.pronouns", "thing_types")
_GROUP_TYPES = {"ORG", "NORP"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_DIRECT_OBJECTS = wordlist("resolve.pronouns", "direct_objects")
# "it is likely that", "it was raining", "it takes courage to": verbs whose "it" stands for a clause
_EMPTY_IT_HEADS = wordlist("resolve.pronouns", "empty_it_heads")




def _stated_genders(doc: Doc, table: dict, per_sent: list[list[tuple[Token, Entity]]], sent_of: list[int],
                    quoted: Sequence[tuple[int, int]]) -> dict[str, str]:
    """Genders the article's own pronouns state: a he/she after one person only, named as a subject
    in its sentence or the one before, refers to that person ("Taylor Swift posted ... She claimed")."""
    votes: dict[str, dict[str, int]] = {}
    for tok in doc_tokens(doc):
        entry = table.get(tok.lower_)
        if entry is None or entry[0] != "person" or entry[1] is None or _inside(tok.idx, quoted):
            continue
        k = sent_of[tok.i]
        near = [(t, e) for t, e in (per_sent[k - 1] if k else []) + per_sent[k]
                if e.type == "PERSON" and (sent_of[t.i] < k or t.i < tok.i)]
        people = {e.entity_id for _, e in near}
        if len(people) == 1 and any(t.dep_ in _SUBJECTS for t, _ in near):
            who = people.pop()
            votes.setdefault(who, {}).setdefault(entry[1], 0)
            votes[who][entry[1]] += 1
    return {who: max(v, key=v.get) for who, v in votes.items() if len(v) == 1 or max(v.values()) > min(v.values())}


def _plural_agreement(per_sent: list[list[tuple[Token, Entity]]]) -> set[str]:
    """Organizations the text itself treats as plural ("Big Machine have denied it", "the club are"):
    British usage, where "they" continues a company."""
    out = set()
    for mentions in per_sent:
        for tok, e in mentions:
            verb = tok.head
            if e.type == "ORG" and tok.dep_ == "nsubj" and tok.tag_ == "NNP" and (
                    verb.tag_ == "VBP" or any(c.dep_ == "aux" and c.tag_ == "VBP" for c in verb.children)):
                out.add(e.entity_id)
    return out


def _gender(entity: Entity, doc: Doc, stated: str | None = None) -> str | None:
    """'m' or 'f' when a form of address or gendered title before one of the person's names says
    so ("Ms. Ortiz"), else the article's own pronouns (`stated`), else the given name ("Linus" -> m);
    None when nothing says."""
    words = gendered_words()
    for m in entity.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in (span[0], doc[span.start - 1] if span.start else None):
            if tok is not None and tok.lower_.rstrip(".") in words:
                return words[tok.lower_.rstrip(".")]
    if stated is not None:
        return stated
    first = entity.name.split()[0] if len(entity.name.split()) > 1 else ""
    return given_name_gender(first) if first else None


def _inside(offset: int, ranges: Sequence[tuple[int, int]]) -> bool:
    k = bisect_right(ranges, (offset, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= offset < ranges[k][1]


def _empty_it(tok: Token) -> bool:
    """An 'it' that stands for no entity: an expletive, the subject of a copula or weather verb with a
    clause after it ("It is likely that ..."), or of an adjective with one ("made it clear that ...")."""
    if tok.dep_ == "expl":
        return True
    head = tok.head
    if tok.dep_ in _SUBJECTS and head.lemma_ in _EMPTY_IT_HEADS:
        return any(c.dep_ in {"ccomp", "xcomp", "csubj", "acomp", "advcl"} for c in head.children) \
            or head.lemma_ in {"rain", "snow"}
    if tok.dep_ in _SUBJECTS and head.pos_ == "ADJ" \
            and any(c.dep_ in {"ccomp", "xcomp", "advcl"} for c in head.children):
        return True  # "made it evident that ...", "makes it easier to ...": the clause after the adjective
    return False


_OBJECTS = wordlist("resolve.pronouns", "objects")
_QUANTIFIERS = wordlist("resolve.pronouns", "quantifiers")


def _clause_subject(tok: Token, index: EntityIndex, resolved: dict[int, Entity]) -> Entity | None:
    """The entity that is subject of the nearest clause above the pronoun (outside its own phrase);
    a pronoun subject counts as what it was resolved to (`resolved`: by character offset)."""
    own = {t.i for t in tok.head.subtree} if tok.dep_ == "poss" else {tok.i}
    for anc in tok.ancestors:
        if anc.pos_ not in {"VERB", "AUX"}:
            continue
        for c in anc.children:
            if c.dep_ in _SUBJECTS and c.i not in own:
                return _subject_entity(c, anc, index, resolved)
        if anc.dep_ in _OBJECTS or anc.dep_ in _SUBJECTS:
            continue  # a verb form used as a noun ("had a meeting with him"): its clause is further up
        return None
    return None


def _sayer(tok: Token, index: EntityIndex, resolved: dict[int, Entity]) -> Entity | None:
    """For the subject of a clause a verb reports ("X said it would ..."), the verb's own subject: the
    one who says it of itself ("Kestrel, which said it would ..." through the relative's antecedent)."""
    if tok.dep_ not in _SUBJECTS or tok.head.dep_ != "ccomp" or tok.head.i < tok.head.head.i:
        return None  # ("It was low on cash, Bloomberg reported": the source comes after, and is no sayer of itself)
    verb = tok.head.head
    subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    return _subject_entity(subj, verb, index, resolved) if subj is not None else None


def _subject_entity(subj: Token, verb: Token, index: EntityIndex, resolved: dict[int, Entity]) -> Entity | None:
    """The entity a clause's subject stands for: a relative pronoun's antecedent ("Kestrel, which said
    ..."), a pronoun resolved before it (`resolved`, by character offset), else the mention there."""
    if subj.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
        subj = verb.head
    elif subj.pos_ == "PRON":
        return resolved.get(subj.idx)
    return index.at(subj.idx, subj.idx + len(subj.text))


def _unnamed_subject(tok: Token, index: EntityIndex, kind: str) -> bool:
    """Whether the clause above the pronoun has a subject the text leaves unnamed, of the pronoun's
    kind: "The company said it would comply", "A man said he saw it": the pronoun continues that
    subject, whoever else the text named before."""
    for anc in tok.ancestors:
        if anc.pos_ not in {"VERB", "AUX"}:
            continue
        if any(c.i == tok.i for c in anc.children):
            continue  # the pronoun's own clause: the subject that counts is the one above it
        subj = next((c for c in anc.children if c.dep_ in _SUBJECTS and c.i < tok.i), None)
        if subj is None or subj.pos_ != "NOUN" or subj.tag_ != "NN":
            return False
        if index.at(subj.idx, subj.idx + len(subj.text)) is not None or any(
                c.dep_ == "appos" or c.dep_ in {"poss", "nmod", "compound"} and c.pos_ in {"PROPN", "PRON"}
                for c in subj.children):
            return False  # "The company, Acme, said it ...": named after all; "Blue Origin's lander
            # concept is based on its Blue Moon vehicle": the owner is in view too
        if any(c.dep_ in {"attr", "acomp"} and any(g.dep_ == "poss" and g.pos_ == "PROPN" for g in c.children)
               for c in anc.children):
            return False  # "The purchase is Hoshizora's largest since it bought ...": so is the predicate's owner
        if subj.lemma_.lower() == "one" or any(c.dep_ == "det" and c.lower_ in _QUANTIFIERS for c in subj.children):
            return False  # "no one has said how she built it": no one is nobody to continue
        lemma = subj.lemma_.lower()
        person_noun = lemma in PERSON_DESCRIPTIONS or lemma in titles() or lemma in gendered_words() \
            or lemma in not_occupations()  # "a man", "the victim", "his wife"
        return person_noun if kind == "person" else kind == "thing" and not person_noun
    return False


def _attribution_after(tok: Token) -> bool:
    """The source of an attribution written after what it reports ("It was running low on cash,
    Bloomberg News reported, before it secured $75 million"): "it" goes on with the reported clause's
    subject, not with its source (a person quoted so goes on as "he" or "she": "..., said Tom Lee, who
    spoke with his sister")."""
    verb = tok.head
    return tok.dep_ in _SUBJECTS and verb.lemma_ in REPORTING_LEMMAS \
        and any(c.dep_ == "ccomp" and c.i < tok.i for c in verb.children)


def _most_prominent(cands: list[tuple[Token, Entity]], *, subjects: bool = True, last: bool = True) -> Entity | None:
    """Of a sentence's fitting mentions, the one a pronoun after it continues: its subject; else the
    owner named in its subject ("Jo Park's first album sold well. She ..."); else a direct object, more
    prominent than a name in a prepositional phrase ("required the British royal spending three days at
    Epstein's mansion. He ..." is the royal); else (`last`) the last one."""
    subj = [e for t, e in cands if _is_subject(t)] if subjects else []
    owner = [e for t, e in cands if t.dep_ == "poss" and t.head.dep_ in _SUBJECTS]
    objects = [e for t, e in cands if t.dep_ in _DIRECT_OBJECTS]
    return subj[-1] if subj else owner[-1] if owner else objects[-1] if objects else \
        (cands[-1][1] if cands and last else None)


def _is_subject(tok: Token) -> bool:
    """A clause's subject, or a name set in apposition to it ("The company that runs the show, Dick
    Clark Productions, denies ...")."""
    return tok.dep_ in _SUBJECTS or (tok.dep_ == "appos" and tok.head.dep_ in _SUBJECTS)


def pronoun_mentions(doc: Doc, index: EntityIndex, quoted: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """One mention per resolvable third-person pronoun outside quotation marks, in text order."""
    table = pronouns()
    if not any(t.lower_ in table for t in doc_tokens(doc)):
        return []
    by_start: dict[int, tuple[Entity, Mention]] = {}
    credits = wire_credits(doc)  # "OSLO (Reuters) - ... raised its rate": a wire credit is no antecedent
    for e in index.entities:
        for m in e.mentions:
            if m.kind != "pronoun" and not _inside(m.start, quoted) and m.start not in credits:
                by_start.setdefault(m.start, (e, m))
    token_of = {}
    for start, (_e, m) in by_start.items():
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            token_of[start] = span.root
    sents = list(doc.sents)
    sent_of = [0] * len(doc)
    for k, s in enumerate(sents):
        for i in range(s.start, s.end):
            sent_of[i] = k
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(doc_text(doc))]  # one per run of line breaks
    para_of = [bisect_right(breaks, t.idx) for t in doc_tokens(doc)]
    genders: dict[str, str | None] = {}
    # mentions per sentence, in text order: (head token, entity)
    per_sent: list[list[tuple[Token, Entity]]] = [[] for _ in sents]
    for start in sorted(token_of):
        tok = token_of[start]
        per_sent[sent_of[tok.i]].append((tok, by_start[start][0]))

    def fits(e: Entity, kind: str, gender: str | None, m_tok: Token) -> bool:
        if kind == "person":
            if e.type != "PERSON":
                return False
            if gender is not None:
                if e.entity_id not in genders:
                    genders[e.entity_id] = _gender(e, doc, stated.get(e.entity_id))
                return genders[e.entity_id] in (None, gender)
            return True
        if kind == "thing":
            return e.type in _THING_TYPES
        if kind == "speaking thing":  # "it said": only a body says things, no event, work or law
            return e.type == "ORG"
        return e.type in _GROUP_TYPES and (m_tok.tag_ in {"NNPS", "NNS"} or e.entity_id in plural_orgs)

    stated = _stated_genders(doc, table, per_sent, sent_of, quoted)
    plural_orgs = _plural_agreement(per_sent)
    out: list[Mention] = []
    resolved: dict[int, Entity] = {}
    for tok in doc_tokens(doc):
        entry = table.get(tok.lower_)
        if entry is None or _inside(tok.idx, quoted) or tok.pos_ not in {"PRON", "DET"}:
            continue
        kind, gender = entry
        if kind == "thing" and _empty_it(tok):
            continue
        if kind == "thing" and tok.dep_ in _SUBJECTS and tok.head.lemma_ in REPORTING_LEMMAS:
            kind = "speaking thing"
        found = None
        here = sent_of[tok.i]
        if _unnamed_subject(tok, index, kind):
            continue
        clause_subject = _clause_subject(tok, index, resolved)
        if tok.lower_ in reflexive_pronouns():
            # binding: a reflexive is its own clause's subject ("It finances itself through extortion"),
            # or no one the text names there
            if clause_subject is None or not fits(clause_subject, kind, gender, tok):
                continue
            found = clause_subject
            resolved[tok.idx] = found
            out.append(Mention(found.entity_id, tok.text, tok.idx, tok.idx + len(tok.text), "pronoun"))
            continue
        # binding: an object pronoun is never its own clause's subject ("Volker met with him")
        bound = clause_subject if tok.dep_ in _OBJECTS else None
        own = [(t, e) for t, e in per_sent[here] if t.i < tok.i and fits(e, kind, gender, t) and e is not bound]
        subjects = [(t, e) for t, e in own if _is_subject(t) and not (kind != "person" and _attribution_after(t))]
        sayer = _sayer(tok, index, resolved)
        if sayer is not None and (fits(sayer, kind, gender, tok) or kind == "thing" and sayer.type == "GPE"):
            # "X said it would ...", "Kestrel, which said it would ...": the sayer; a country or state that says
            # something of itself speaks as a body ("Uttar Pradesh said it had received Rs 1,412 crore")
            found = sayer
        elif subjects:
            found = subjects[-1][1]
        elif own and tok.dep_ == "poss":  # "Acme and its rivals", "Ortiz and her lawyer"
            found = own[-1][1]
        elif own and (bound is not None or tok.dep_ in _OBJECTS):
            # "Volker met Giuliani, and he had lunch with him": not himself; "NASCAR suspended crew chief Luis
            # Obregon and fined him": an object pronoun goes on with the person its sentence named last
            found = own[-1][1]
        elif own and _is_subject(tok):
            # "Officers arrested Jo Park in March, and she spent 41 days in jail": with no fitting subject
            # before it in its sentence, a subject pronoun goes on as after an earlier sentence, with the
            # owner named in a subject there, else a direct object
            found = _most_prominent(own, subjects=False, last=False)
        elif tok.dep_ == "poss" and clause_subject is not None and fits(clause_subject, kind, gender, tok) \
                and (kind != "group"):
            found = clause_subject  # "In his speech, Ortiz said ...": a possessive may come before its subject
        # he/she reach back through this paragraph and the one before; it/they two sentences
        floor = 0 if kind == "person" else here - 2
        k = here - 1
        # a sentence that reaches into the previous paragraph is within reach
        while found is None and k >= max(floor, 0) and para_of[sents[k].end - 1] >= para_of[tok.i] - 1:
            cands = [(t, e) for t, e in per_sent[k] if fits(e, kind, gender, t) and e is not bound]
            found = _most_prominent(cands)
            k -= 1
        if found is not None:
            resolved[tok.idx] = found
            out.append(Mention(found.entity_id, tok.text, tok.idx, tok.idx + len(tok.text), "pronoun"))
            # a pronoun keeps its entity in view for the pronouns after it: "He was photographed with
            # Epstein. ... He told the BBC": the second "he" goes on with the subject, not with Epstein
            mentions = per_sent[here]
            mentions.insert(bisect_right([t.i for t, _ in mentions], tok.i), (tok, found))
    return out


def with_pronouns(doc: Doc, index: EntityIndex, quoted: Sequence[tuple[int, int]] = ()) -> EntityIndex:
    """A new index whose entities also hold their pronoun mentions (the input is not changed)."""
    return index.with_mentions(pronoun_mentions(doc, index, quoted))

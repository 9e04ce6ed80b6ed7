"""Whose a quantity is, and the time its clause refers to, read from the dependency parse.

The owner, in order of precedence:
1. the possessor of the quantity's noun ("Blue Origin's $2.4 billion allocation"), or the subject of an
   object relative clause on it ("the 90 engineers that Fabrikam hired"); for a count, the organization
   it sits in ("the 21 seats in the Nevada Senate");
2. for money, a beneficiary after "for", on the amount, on the noun it hangs on ("the request of $17
   billion for the agency") or on a verb of allocating ("set aside $70 million for X", "a telescope
   for which NASA requested $12 million");
3. the recipient of a verb or noun of giving ("awarded SpaceX $5.9 billion", "granted $3 million to Acme",
   "a $5 million grant to Acme");
4. the subject of the clause (or, for a price noun as subject, what it prices: "pricing for the
   Sentra starts at $19,090", "shares of Acme fell to $20"), climbing through infinitives,
   participles, coordinated verbs and relative clauses to the verb that has one ("SoftBank agreed
   to inject $6.5 billion"), a second clause's subject where the parser hung it on the noun before
   ("X scored and Y made 30 saves"); not through reported speech;
5. for a budget a legislative chamber passes, the place the chamber is named for ("the Pennsylvania
   House passed a $45.6 billion budget": Pennsylvania's);
6. where none of these names one, the possessor of the whole the quantity is part of ("4.2 million of
   its customers", "$150 million of Brightwater's debt");
7. for a count of a workforce or of sites that none of these gives an owner, in a sentence that names
   no other organization or person, the organization the article is about ("About 240 employees
   worked at those locations"): `workforce_owner`, called by the quantities extractor.
A phrase becomes an entity through the EntityIndex: the mention it overlaps, else a look-up of its
surface form; an appositive name wins over its common noun ("the carrier Emirates Airline"); he/she
with no mention of its own goes to the last person named in its sentence or the one before.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from factwire.extract.clauses import (
    grammatical_subject,
    is_infinitive,
    nearest_verb,
    prep_objects,
    resolve_relative,
    stranded_subject,
)
from factwire.extract.counts import LEVEL_VERBS
from factwire.extract.triggers import lemma_forms
from factwire.resolve import Entity, EntityIndex
from factwire.resolve.descriptions import salient_org
from factwire.resolve.lexicon import GPE_DESCRIPTIONS, ORG_DESCRIPTIONS, kind_nouns
from factwire.resolve.names import head_noun, is_agent_noun
from factwire.resolve.reference import entity_at, entity_of, is_possessor, prep_object_entity, real_subject
from factwire.resolve.speech_words import verbs
from factwire.wordlists import wordlist

GIVING = wordlist("extract.subjects", "giving")
# Verbs that set money apart for someone: "for X" names whose it becomes ("set aside $70 million for X").
ALLOCATING = wordlist("extract.subjects", "allocating")
PAYING = wordlist("extract.subjects", "paying")
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Nouns of money given: "a $5 million grant to X" is X's money, whoever recommends or pays it.
GIFTS = wordlist("extract.subjects", "gifts")
VALUING = wordlist("extract.subjects", "valuing")  # "valued the company at $1.1 billion"
CHANGING = LEVEL_VERBS  # "raises Jo Park's salary from $285,000 to $340,000"


# Nouns of what a thing costs: "pricing for the Sentra starts at $19,090" is the Sentra's price; "shares
# of Acme fell to $20" is the price of Acme's stock.
PRICE_NOUNS = wordlist("extract.subjects", "price_nouns")
EQUITY_NOUNS = wordlist("extract.subjects", "equity_nouns")


def _priced(noun: Token, entities: EntityIndex) -> Entity | None:
    """The thing a price noun is the price of ("the price of X", "pricing for X", "X's price", "shares in X")."""
    lemma = noun.lemma_.lower()
    if lemma not in PRICE_NOUNS:
        return None
    return prep_object_entity(noun, entities, "for") or prep_object_entity(noun, entities, "of") \
        or (prep_object_entity(noun, entities, "in") if lemma in EQUITY_NOUNS else None) or _possessor(noun, entities)


def _is_verb(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX")


# Clauses that take their subject (and time) from the clause they hang on. Not reported speech
# (ccomp): in "the company said 1,200 staff would move", the staff are not the sayer's to count.
CONTROLLED = ("xcomp", "advcl", "conj", "pcomp", "acl", "relcl")


def _possessor(noun: Token, entities: EntityIndex) -> Entity | None:
    for c in noun.children:
        if is_possessor(c):
            return entity_of(c, entities, whose=True)
    return None


def _partitive_possessor(noun: Token, entities: EntityIndex) -> Entity | None:
    """The possessor of the whole a count is a part of: "4.2 million of its customers" are its customers."""
    return next((found for o in prep_objects(noun, "of") if (found := _possessor(o, entities)) is not None), None)


def _beneficiary(noun: Token, entities: EntityIndex) -> Entity | None:
    """The entity named after "for" ("$70 million for the telescope"), if the index knows it."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            for o in c.children:
                if o.dep_ == "pobj" and o.pos_ in ("PROPN", "NOUN"):
                    return entity_of(o, entities, whose=True)
                if o.dep_ == "pobj" and o.tag_ in ("WDT", "WP") and noun.dep_ == "relcl":
                    # "a telescope for which NASA requested $12 million": the relative's antecedent
                    ante = noun.head
                    return entity_of(ante, entities, whose=True) or (entity_of(ante.head, entities, whose=True)
                                                         if ante.dep_ == "appos" else None)
    return None


def _penalized(noun: Token, entities: EntityIndex) -> Entity | None:
    """The party a penalty is laid on: "a penalty of S$1.2 million on Lumio Pay", "imposed a fine ... on X"."""
    if noun.lemma_.lower() not in _PENALTIES:
        return None
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
    return next((found for h in holders for p in ("on", "against")
                 if (found := prep_object_entity(h, entities, p)) is not None), None)


def _stated_penalty(money: Token, entities: EntityIndex) -> Entity | None:
    """The party a sum said to be "in penalties" is laid on: "$2.41 million in penalties against Gulfbend"."""
    kind = next((w for p in money.children if p.dep_ == "prep" and p.lower_ == "in"
                 for w in p.children if w.dep_ == "pobj"), None)
    return _penalized(kind, entities) if kind is not None else None


def _fined(verb: Token, entities: EntityIndex, noun: Token) -> tuple[Entity | None, Token | None]:
    """The party a verb of fining fines (its object), with the object's head: "fined Acme, a maker of apps,
    2.8 million euros" is Acme's money, however the parser hangs the sum on the object; so is what a verb of
    charging cites or charges its object for or with ("cited Gulf Meridian for 14 violations"; not "charged
    her and four of the group's lawyers": the count is the object)."""
    forms = lemma_forms(verb)
    charged_for = _CHARGING.intersection(forms) and any(
        a.dep_ == "prep" and a.lower_ in {"for", "with"} and a.head.i == verb.i for a in noun.ancestors)
    if not (_FINING.intersection(forms) or charged_for):
        return None, None  # (the lemmatizer reads "fined" as "fin")
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return (entity_of(obj, entities, whose=True), obj) if obj is not None else (None, None)


def _given_to(noun: Token, entities: EntityIndex) -> Entity | None:
    """The recipient of a noun of giving ("a $5.1 million grant to Evidence Action")."""
    if noun.lemma_.lower() not in GIFTS:
        return None
    return prep_object_entity(noun, entities, "to")


def _recipient(verb: Token) -> Token | None:
    """The indirect object of a verb ("awarded SpaceX ...", "cost it $5 million"), or the object of its "to" if it
    gives; none for a verb of paying: what a party pays ("the fund paid Granite Arch $2.3 million in fees",
    "agreed to pay C$650,000 to Nathan Greyeyes") is its outlay, the payer's money."""
    if verb.lemma_.lower() in PAYING:
        return None
    for c in verb.children:
        if c.dep_ == "dative" and c.pos_ != "ADP":
            return c
        if (c.dep_ == "dative" or (c.dep_ == "prep" and verb.lemma_ in GIVING)) and c.lower_ == "to":
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    # "the recall would cost it $28.9 million": of two objects the first is the indirect one (the parser may
    # read both as direct)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects[0] if len(objects) == 2 else None


def _subject(verb: Token, own: Token) -> Token | None:
    """The verb's subject; of two, the one nearer the verb (a dateline can be parsed as a subject)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i != own.i]
    if not subjects:
        return stranded_subject(verb)
    c = min(subjects, key=lambda s: abs(verb.i - s.i))
    real = real_subject(c)  # a dateline or wire credit the parser made the subject
    if real is not c:
        return real
    if c.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        return resolve_relative(c, verb)  # "the company, which had 12,500 employees"
    return c


def _agent(noun: Token, entities: EntityIndex) -> Entity | None:
    """The doer an action noun names with "by" ("a $3 billion offer by SoftBank", "17 observations by
    the Keck Observatory"), or the owner a participle "owned by" names ("two patents owned by Solberg
    Licensing AB"): whose money or count it is."""
    return prep_object_entity(noun, entities, "by") or next(
        (found for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() == "own" and c.tag_ == "VBN"
         and (found := prep_object_entity(c, entities, "by")) is not None), None)


def _body_of(noun: Token, entities: EntityIndex) -> Entity | None:
    """The organization a counted whole sits in: "the 21 seats in the Nevada Senate" are the Senate's
    (the part of them, "13 of the 21 seats", is counted on its own and goes to its holder)."""
    found = prep_object_entity(noun, entities, "in")
    return found if found is not None and found.type == "ORG" else None


def _employer(noun: Token, entities: EntityIndex) -> Entity | None:
    """Whose workforce a count of people is: where they work ("About 650 people work at Norbrook", "1,150
    employees at Keystone Ridge", "300 workers work for Acme"): an organization or a site, not a place."""
    lemma = noun.lemma_.lower()
    if lemma not in WORKFORCE and lemma not in {"people", "person"}:
        return None
    found = prep_object_entity(noun, entities, "at") if lemma in WORKFORCE else None
    if found is None and noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "work":
        found = prep_object_entity(noun.head, entities, "at", "for")
    return found if found is not None and found.type in {"ORG", "FAC"} else None


def _valued(noun: Token) -> Token | None:
    """The thing a value is set on: "valued the company at $1.1 billion", "priced the shares at $20"
    (its value, not the valuer's)."""
    prep = noun.head
    verb = prep.head
    if prep.dep_ != "prep" or prep.lower_ != "at" or verb.lemma_ not in VALUING:
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _changed_owner(noun: Token, entities: EntityIndex) -> Entity | None:
    """Whose the thing is that an amount of change measures: "raises Jo Park's salary from $285,000 to
    $340,000" (the object's possessor), "the club's payroll will rise by $4.5 million" (with no object,
    the subject's). Only a possessed thing says whose; else the clause's owner stands."""
    prep = noun.head
    while prep.dep_ == "prep" and prep.head.dep_ == "prep" and prep.lower_ in {"to", "from"}:
        prep = prep.head  # "from $A to $B", the second hung on the first
    verb = prep.head
    if prep.dep_ != "prep" or prep.lower_ not in {"from", "to", "by"} or verb.lemma_ not in CHANGING:
        return None
    thing = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None) \
        or next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _possessor(thing, entities) if thing is not None else None


COLLECTIVES = wordlist("extract.subjects", "collective_nouns")


def _object_relative_subject(noun: Token, entities: EntityIndex) -> Entity | None:
    """The subject of a relative clause whose object is the quantity's noun ("the 420 people Cascadence
    employs", "the 90 engineers that Acme hired"): who employs, hires or holds them owns them (a subject
    relative, "the 420 people who work there", names no owner)."""
    for clause in noun.children:
        if clause.dep_ != "relcl":
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.tag_ not in ("WDT", "WP"):
            return entity_of(subject, entities, whose=True)
    return None


def _described_owner(t: Token, entities: EntityIndex) -> Entity | None:
    """"Hickory Lane, the operator of 31 restaurants", "the Ratepayers Alliance, a coalition of 40
    groups": what a company or person set in apposition with an agent noun is said to run, own or make,
    the members of a body set in apposition with a collective noun, and the people of a place set in
    apposition with a place noun ("Jacksonville, a town of 3,000 residents"), are theirs (not "Acme,
    one of 40 companies"; not "West Palm Beach, the first stop of 30 cities")."""
    lemma = t.lemma_.lower()
    if t.dep_ != "appos" or t.pos_ != "NOUN" or not (is_agent_noun(lemma) or lemma in COLLECTIVES
                                                    or lemma in GPE_DESCRIPTIONS or lemma in ORG_DESCRIPTIONS) \
            or not any(c.dep_ == "prep" and c.lower_ in {"of", "with"} for c in t.children):
        return None  # ("Kestrel Drug Co., a regional pharmacy chain with stores in four states": its stores)
    found = entity_of(t.head, entities, whose=True)
    kinds = {"GPE", "LOC"} if lemma in GPE_DESCRIPTIONS else {"ORG", "PERSON"}
    return found if found is not None and found.type in kinds else None


WORKFORCE = wordlist("extract.subjects", "workforce_nouns")
_FINING = wordlist("extract.subjects", "fining")
_PENALTIES = wordlist("extract.subjects", "penalty_nouns")
_CHARGING = wordlist("extract.subjects", "charging")  # "cited X for 14 violations": X's violations
_RESULTS = wordlist("extract.subjects", "result_nouns")
_FORECASTING = verbs("own_forecast")  # "expects", "forecasts" of a body's own figures (reporting_verbs.txt)
_UNDERTAKINGS = wordlist("extract.subjects", "undertakings")


def workforce_owner(noun: Token, entities: EntityIndex) -> Entity | None:
    """The article's organization for a count of a workforce or of sites whose sentence gives it no
    owner ("About 240 employees worked at those locations" in a story about one company); None where
    the sentence names another organization or a person, or no organization dominates the article."""
    if noun.lemma_.lower() not in WORKFORCE:
        return None
    return _article_org_alone(noun, entities)


def _article_org_alone(noun: Token, entities: EntityIndex, *, business: bool = False) -> Entity | None:
    """The organization the article is about (with `business`, the business it is about: a company's
    results are no regulator's), where the sentence of `noun` names no other organization or person."""
    org = salient_org(entities, noun.doc, business=business)
    if org is None:
        return None
    sent = noun.sent
    others = {e.entity_id for t in sent if (e := entity_at(t, entities)) is not None and e.type in {"ORG", "PERSON"}}
    return org if others <= {org.entity_id} else None


def owner(noun: Token, entities: EntityIndex, *, money: bool = False) -> tuple[Entity | None, Token | None]:
    """(whose the quantity is, the head of the owner phrase the parse gives) for the noun it sits on;
    where the sentence names no owner, the possessor of the whole it is part of ("4.2 million of its
    customers"; not before the clause's own owner: "Emirates ordered 30 of Boeing's jets")."""
    found, phrase = _owner(noun, entities, money=money)
    if found is None and (whole := _partitive_possessor(noun, entities)) is not None:
        return whole, None
    if money and found is not None and _is_budget(noun) and (place := _chamber_place(found, entities)):
        return place, None
    return found, phrase


def _is_budget(noun: Token) -> bool:
    """A budget: "a $45.6 billion budget", "a $45.6 billion spending plan"."""
    lemma = noun.lemma_.lower()
    return lemma == "budget" or lemma in {"plan", "bill"} and any(c.lower_ == "spending" for c in noun.children)


def _chamber_place(body: Entity, entities: EntityIndex) -> Entity | None:
    """The place a legislative chamber is named for ("Pennsylvania House of Representatives" ->
    Pennsylvania), where the article names it: a budget a chamber passes is its state's."""
    if head_noun(body.name) not in kind_nouns().get("chamber", frozenset()):
        return None
    words = body.name.split()
    for k in range(len(words) - 1, 0, -1):
        place = entities.lookup(" ".join(words[:k]))
        if place is not None and place.type == "GPE":
            return place
    return None


def _owner(noun: Token, entities: EntityIndex, *, money: bool = False) -> tuple[Entity | None, Token | None]:
    paid = money and noun.dep_ == "dobj" and noun.head.lemma_.lower() in PAYING  # "pay $N for X": X is bought
    ent = _possessor(noun, entities) or _agent(noun, entities) or _object_relative_subject(noun, entities) or \
        ((None if paid else _beneficiary(noun, entities)) or _given_to(noun, entities) if money
         else _body_of(noun, entities) or _employer(noun, entities))
    if ent:
        return ent, None
    if money and (penalty := _stated_penalty(noun, entities)) is not None:
        return penalty, None
    if money and (valued := _valued(noun)) is not None:
        return entity_of(valued, entities, whose=True), valued
    if money and (changed := _changed_owner(noun, entities)) is not None:
        return changed, None
    if money and (spender := _relative_spender(noun, entities)) is not None:
        return spender, None
    t = noun
    for _ in range(12):
        if _is_verb(t) and t is not noun:  # (the amount's own word is a noun, however tagged: "412 billion
            break  # won", the currency, read as the verb "win")
        if t.head.i == t.i:
            return None, None
        if t.dep_ == "prep" and t.lower_ in {"of", "with"} and (described := _described_owner(t.head, entities)):
            return described, None
        t = t.head
        if t.pos_ in ("NOUN", "PROPN", "NUM"):
            # "the request of $17 billion for the agency": the money is for the agency
            ent = (_beneficiary(t, entities) or _given_to(t, entities) or _penalized(t, entities)
                   or _agent(t, entities) if money else None) or _possessor(t, entities)
            if ent:
                return ent, None
    verb = t
    if money and verb.lemma_ in ALLOCATING:
        ent = _beneficiary(verb, entities)
        if ent:
            return ent, None
    for _ in range(6):
        fined, obj = _fined(verb, entities, noun)
        if fined is not None:
            return fined, obj
        rec = _recipient(verb)
        if rec is not None and not _inside(noun, rec):
            ent = entity_of(rec, entities, whose=True)
            if ent:
                return ent, rec
        subj = _subject(verb, noun)
        if subj is not None and not _inside(noun, subj):
            priced = _priced(subj, entities) if money else None
            found = priced or entity_of(subj, entities, whose=True)
            if found is None and money and _forecast(verb) and _own_figure(subj, entities):
                verb = verb.head  # "Acme expects revenue to fall by $5 million": the forecaster's figure
                continue
            if found is None and money and subj.lemma_.lower() in _RESULTS and not _possessor(subj, entities):
                return _article_org_alone(noun, entities, business=True), None  # "Net income rose to C$48.6 million"
            return (priced, None) if priced else (found, subj)
        infinitive = is_infinitive(verb)
        if verb.dep_ == "relcl" and not _is_verb(verb.head) and not infinitive:
            return entity_of(verb.head, entities, whose=True), verb.head
        if verb.dep_ not in CONTROLLED or verb.head.i == verb.i:
            return None, None
        # "directed Culhane to pay €10,000": the named object of the verb over an infinitive does what it says
        # (object control, as the clause's grammatical subject reads it)
        controlled = verb.dep_ == "xcomp" and infinitive and any(c.dep_ == "dobj" for c in verb.head.children)
        controller = next(iter(grammatical_subject(verb)), None) if controlled else None
        if controller is not None and not _inside(noun, controller) \
                and (ent := entity_of(controller, entities, whose=True)) is not None:
            return ent, controller
        verb = nearest_verb(verb.head) or verb.head
    return None, None


def _relative_spender(noun: Token, entities: EntityIndex) -> Entity | None:
    """Who a relative clause on the amount (or on its unit: "per square foot") says paid, raised or spent it:
    "the $5 million that Acme raised", "the HK$12,300 per square foot that Harbourline paid" are theirs."""
    heads = [noun] + [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "per"
                      for o in p.children if o.dep_ == "pobj"]
    for head in heads:
        for clause in (c for c in head.children if c.dep_ == "relcl"):
            if not any(c.dep_ == "dobj" and c.tag_ in {"WDT", "WP"} for c in clause.children) \
                    and any(c.dep_ == "dobj" for c in clause.children):
                continue  # ("the $5 million that paid for X": the amount is the clause's subject)
            subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.tag_ not in {"WDT", "WP"}), None)
            found = entity_of(subject, entities, whose=True) if subject is not None else None
            if found is not None and found.type in {"ORG", "PERSON", "GPE"}:
                return found
    return None


def _forecast(verb: Token) -> bool:
    """Whether the verb's clause is what its head verb forecasts ("expects revenue to fall")."""
    return verb.dep_ in {"ccomp", "xcomp"} and verb.head.lemma_.lower() in _FORECASTING


def _own_figure(subj: Token, entities: EntityIndex) -> bool:
    """Whether a forecast clause's subject is the forecaster's own: a result with no owner named
    ("revenue"), or an undertaking it speaks of as its own ("the deal", "its restructuring")."""
    lemma = subj.lemma_.lower()
    if _possessor(subj, entities) is not None or any(c.dep_ == "poss" and c.lower_ not in {"its", "their"}
                                                   for c in subj.children):
        return False
    return lemma in _RESULTS or lemma in _UNDERTAKINGS and any(
        c.dep_ in {"det", "poss"} and c.lower_ in {"the", "its", "their", "this"} for c in subj.children)


def _inside(tok: Token, head: Token) -> bool:
    """Whether tok lies in head's subtree (head itself included)."""
    return head.left_edge.i <= tok.i <= head.right_edge.i


def date_clauses(doc: Doc, dates: list[dict[str, Any]]) -> dict[int, list[tuple[int, str]]]:
    """Resolved dates by the index of the verb whose clause they sit in: (token index, resolved)."""
    by_verb: dict[int, list[tuple[int, str]]] = {}
    for d in dates:
        if not d.get("resolved"):
            continue
        span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
        if span is None:
            continue
        v = nearest_verb(span.root)
        if v is not None:
            by_verb.setdefault(v.i, []).append((span.root.i, d["resolved"]))
    return by_verb


def period(tok: Token, clauses: dict[int, list[tuple[int, str]]]) -> str | None:
    """The resolved date in the clause of a token (the nearest one), or in the clauses above it."""
    verb = nearest_verb(tok)
    for _ in range(6):
        if verb is None:
            return None
        if verb.i in clauses:
            return min(clauses[verb.i], key=lambda c: abs(c[0] - tok.i))[1]
        if verb.dep_ not in CONTROLLED or verb.head.i == verb.i:
            return None
        verb = nearest_verb(verb.head) or verb.head
    return None

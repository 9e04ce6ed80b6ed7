"""The event taxonomy: trigger lemmas and their event types, read from factwire/data/event_triggers.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

DATA_FILE = "event_triggers.json"


@dataclass(frozen=True)
class Trigger:
    """One trigger rule: a lemma of a part of speech that signals an event type, with conditions."""

    type: str
    lemma: str
    pos: str  # "verb" | "noun"
    with_: frozenset[str] = frozenset()  # one of these must be the object (verbs) or modifier (nouns)
    particle: str | None = None  # "off" in "lay off"
    subject_is_target: bool = False  # "win", "receive": the subject gets, the source gives
    complement: bool = False  # "name": only with a complement naming the post
    symmetric: bool = False  # parties are peers (meeting): coordinated parties share one event
    prep: str | None = None  # "with" in "charged X with fraud"
    two_parties: bool = False  # needs a named party besides the actor
    bare: bool = False  # only without a complement: "called X", not "called X a threat"
    of_is_actor: bool = False  # "the resignation of X": X acts
    subject_with: frozenset[str] = frozenset()  # one of these must be the subject: "the bill funds X"
    plural: bool = False  # only the plural noun: "talks", not "a pep talk"
    person: bool = False  # the object (or the prep's object) must be a person: "replace X", not "replace the roof"
    incoming: bool = False  # "X replaces Y": the subject takes the post (target), the post's organization acts
    support: frozenset[str] = frozenset()  # nouns: only with one of these verbs over them ("signed a contract")
    actor_preps: tuple[str, ...] = ()  # nouns: prepositions naming the actor, the possessor then the target ("her
    # hearing before the committee": the committee hears her)
    target_preps: tuple[str, ...] = ()  # more prepositions naming the target ("suspensions for X"; a verb's
    # where its object names no party: "approved a tax abatement for X")
    place_suffices: bool = False  # a named place is enough to keep the event ("protests in Iran")
    group_suffices: bool = False  # a counted group as target is enough ("sanctions on six people")
    thing_suffices: bool = False  # a named body's act on a thing is enough ("FEMA approved a grant")
    sayer_acts: bool = False  # a passive act with no agent is the reporting organization's ("..., police said")
    each_actor: bool = False  # an act of one's own: coordinated subjects each do it ("A and B pleaded guilty")
    employer_acts: bool = False  # the organization whose people are acted on acts ("Acme workers were laid off")
    beside_noun: bool = False  # its verb is an event of its own where it supports an event noun ("approved the deal")
    complement_with: frozenset[str] = frozenset()  # verbs: the complement's lemma ("found X guilty")
    either_polarity: bool = False  # a denied complement still counts ("pleaded not guilty" is a plea)
    target_types: frozenset[str] = frozenset()  # entity types a target may have ("suspension": a person)
    product_target: str | None = None  # the type it becomes with a product as target ("unveiled the Sentra": launch)
    not_particles: frozenset[str] = frozenset()  # particles that make another verb ("rule out" is no ruling)
    alone: bool = False  # nouns: only with no "with"/"between" party ("a news conference", not "... with Macron")
    seller: bool = False  # "sold X to Y", "the sale of X to Y": Y (after "to") acts, the subject takes part
    active: bool = False  # verbs: only in the active voice ("was met with laughter" is no meeting)
    thing_agent: bool = False  # no person's: "his debut" is a first appearance, no launch
    actor_types: frozenset[str] = frozenset()  # entity types the actor may have ("a statement": a body's)
    measure: bool = False  # the subject is the measure, the object the body that votes: "the bill passed the House"
    prep_with: frozenset[str] = frozenset()  # the prep's object must be one of these: "jailed for three years"
    organization: bool = False  # verbs: the object must be an organization: "hired Acme Paving LLC", not "a nurse"
    ordered: bool = False  # verbs: only as what a party is ordered to do ("ordered X to halt all programming")
    clause_target: bool = False  # verbs: with no object, the subject of the that-clause is the target ("ruled that X
    # should have ...", "found that X was negligent")


@dataclass(frozen=True)
class Taxonomy:
    """Every trigger rule, indexed by (pos, lemma), plus the support verbs of noun triggers."""

    rules: dict[tuple[str, str], tuple[Trigger, ...]]
    descriptions: dict[str, str]
    support_verbs: frozenset[str]
    patient_support_verbs: frozenset[str]
    motion_verbs: frozenset[str]
    delegate_verbs: frozenset[str] = frozenset()  # "X led the acquisition": X acts for the employer
    group_nouns: frozenset[str] = frozenset()  # "the NASA team", "officers from X": the group acts for X
    wish_words: frozenset[str] = frozenset()  # "sought to buy X", "a request to investigate X": not (yet) events
    product_verbs: frozenset[str] = frozenset()  # "unveiled the Sentra": a named object is a thing made
    carried: tuple[str, str] | None = None  # (vote type, the type a body's carried vote also is: approval)
    refusing_verbs: frozenset[str] = frozenset()  # "voted to reject the plan": no approval
    ordering_verbs: frozenset[str] = frozenset()  # "ordered X to suspend work": the one who orders acts
    ordered_types: frozenset[str] = frozenset()  # the types so imposed (suspension)

    @cached_property
    def _word_hash_array(self) -> np.ndarray:
        """`_word_hashes` as an array, for one vectorized look-up per Doc."""
        return np.fromiter(self._word_hashes, dtype=np.uint64)

    @cached_property
    def _word_hashes(self) -> frozenset[int]:
        """String hashes of every word that can make a token a candidate: the rules' lemmas in lower case,
        capitalized and in capitals (as a lemma may be written), and the spellings `lemma_forms` strips a
        verb's suffix from ("fined" for "fine")."""
        words: set[str] = set()
        for pos, lemma in self.rules:
            words |= {lemma, lemma.capitalize(), lemma.upper()}
            if pos == "verb":
                spellings = {lemma, lemma[:-3] + "ise"} if lemma.endswith("ize") else {lemma}  # ("penalise")
                words |= spellings | {s[:len(s) - len(repl)] + suffix for s in spellings for suffix, repl in _SUFFIXES
                                      if s.endswith(repl)}
        return frozenset(hash_string(w) for w in words)

    def positions(self, doc: Doc) -> list[int]:
        """Indices of the tokens that may trigger a rule (a superset of those `candidates` gives rules
        for): one look-up of each token's lower-case form and lemma among the rules' words and their
        inflections, read from the Doc's arrays instead of a Token per word."""
        found = np.isin(doc.to_array([LOWER, LEMMA]), self._word_hash_array).any(axis=1)
        return np.flatnonzero(found).tolist()

    def candidates(self, token: Token) -> tuple[Trigger, ...]:
        """Rules whose lemma and part of speech fit this token (conditions not yet checked)."""
        pos = "verb" if token.pos_ in ("VERB", "AUX") else "noun" if token.pos_ in ("NOUN", "PROPN") else None
        if pos is None:
            return ()
        for form in lemma_forms(token):
            if (pos, form) in self.rules:
                return self.rules[(pos, form)]
        return ()

    def brings_out(self, verb: Token) -> bool:
        """Whether the verb brings out a thing made ("launched", "unveiled", "rolled out"): a verb of the
        launch type without conditions on its object, or one of `product_verbs`."""
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        return any(form in self.product_verbs for form in lemma_forms(verb)) or any(
            rule.type == "launch" and not rule.with_ and (rule.particle is None or any(
                c.dep_ == "prt" and c.lower_ == rule.particle for c in verb.children))
            for rule in self.candidates(verb) if rule.pos == "verb")

    def lends_subject(self, verb: Token, *, patient: bool = False, rule: Trigger | None = None) -> bool:
        """Whether the verb is a support verb ("held a hearing"); `patient`: one whose subject undergoes it;
        `rule`: a noun rule whose own support verbs lend their subject too ("told reporters at a news
        conference")."""
        verbs = self.patient_support_verbs if patient else self.support_verbs | (rule.support if rule else frozenset())
        return any(form in verbs for form in lemma_forms(verb))


_SUFFIXES = (("ed", ""), ("ed", "e"), ("d", ""), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"))
def lemma_forms(token: Token) -> list[str]:
    """The token's lemma, then base forms guessed from its spelling for verbs the lemmatizer gets wrong
    ("fined" -> "fin", "staged" -> "stag" by the model's rules; we also try "fine", "stage"; "lay" read as
    the past of "lie": we also try the word as written), and the "-ize" form of a British "-ise"; for a
    noun also the word as written, since the lemmatizer singularizes nouns used only in the plural
    ("earnings" -> "earning")."""
    forms = [token.lemma_.lower()]
    if token.pos_ in ("NOUN", "PROPN") and token.lower_ != forms[0]:
        forms.append(token.lower_)
    if token.pos_ in ("VERB", "AUX"):
        w = token.lower_
        if w != forms[0]:
            forms.append(w)  # a base form the tagger read as another verb's past ("lay off" as "lie")
        for suffix, repl in _SUFFIXES:
            if w.endswith(suffix) and len(w) > len(suffix) + 2:
                forms.append(w[: -len(suffix)] + repl)
    # British spelling writes "-ise" where the lexicon has "-ize" ("penalised", "authorised", "scrutinises")
    forms += [f[:-3] + "ize" for f in forms if f.endswith("ise") and len(f) > 5]
    return forms


def _rule(type_: str, pos: str, entry: str | dict[str, Any], spec: dict[str, Any]) -> Trigger:
    symmetric, two, of_actor = bool(spec.get("symmetric")), bool(spec.get("two_parties")), bool(spec.get("of_is_actor"))
    type_keys = {"target_preps": tuple(spec.get("target_preps", ())),
                 "actor_preps": tuple(spec.get("actor_preps", ())),
                 "place_suffices": bool(spec.get("place_suffices")),
                 "group_suffices": bool(spec.get("group_suffices")),
                 "thing_suffices": bool(spec.get("thing_suffices")),
                 "sayer_acts": bool(spec.get("sayer_acts")),
                 "each_actor": bool(spec.get("each_actor")),
                 "employer_acts": bool(spec.get("employer_acts")),
                 "beside_noun": bool(spec.get("beside_noun")),
                 "target_types": frozenset(spec.get("target_types", ())),
                 "product_target": spec.get("product_target")}
    if isinstance(entry, str):
        return Trigger(type_, entry.lower(), pos, symmetric=symmetric, two_parties=two, of_is_actor=of_actor,
                       **type_keys)
    # a trigger's own "two_parties" and "target_types" override its type's ("appointed a panel": no named
    # appointee needed; "raised $22 million": only a company raises an investment)
    if "target_types" in entry:
        type_keys = {**type_keys, "target_types": frozenset(entry["target_types"])}
    return Trigger(type_, entry["lemma"].lower(), pos, frozenset(w.lower() for w in entry.get("with", [])),
                   entry.get("particle"), entry.get("subject") == "target", bool(entry.get("complement")),
                   symmetric, entry.get("prep"), bool(entry.get("two_parties", two)), bool(entry.get("bare")),
                   of_actor, frozenset(w.lower() for w in entry.get("subject_with", [])), bool(entry.get("plural")),
                   bool(entry.get("person")), entry.get("subject") == "incoming",
                   frozenset(w.lower() for w in entry.get("support", [])),
                   complement_with=frozenset(w.lower() for w in entry.get("complement_with", [])),
                   either_polarity=bool(entry.get("either_polarity")),
                   not_particles=frozenset(entry.get("not_particle", ())), alone=bool(entry.get("alone")),
                   seller=entry.get("subject") == "seller", active=bool(entry.get("active")),
                   thing_agent=entry.get("subject") == "thing", measure=entry.get("subject") == "measure",
                   actor_types=frozenset(entry.get("actor_types", ())),
                   prep_with=frozenset(w.lower() for w in entry.get("prep_with", ())),
                   organization=bool(entry.get("organization")), ordered=bool(entry.get("ordered")),
                   clause_target=bool(entry.get("clause_target")), **type_keys)


def parse_taxonomy(data: dict[str, Any]) -> Taxonomy:
    """Build the taxonomy from the JSON structure of event_triggers.json."""
    rules: dict[tuple[str, str], list[Trigger]] = {}
    descriptions = {}
    for type_, spec in data["types"].items():
        descriptions[type_] = spec.get("description", "")
        for pos in ("verb", "noun"):
            for entry in spec.get(pos + "s", []):
                rule = _rule(type_, pos, entry, spec)
                rules.setdefault((pos, rule.lemma), []).append(rule)
    # A rule with more conditions goes before one with fewer of the same lemma, so that it gets its chance
    # ("take over from X" before "take over").
    def conditions(r: Trigger) -> int:
        return sum(map(bool, (r.with_, r.subject_with, r.particle, r.prep, r.complement, r.plural, r.person,
                              r.support, r.complement_with, r.organization, r.ordered)))

    rules = {k: sorted(v, key=lambda r: -conditions(r)) for k, v in rules.items()}
    return Taxonomy({k: tuple(v) for k, v in rules.items()}, descriptions,
                    frozenset(data.get("support_verbs", [])), frozenset(data.get("patient_support_verbs", [])),
                    frozenset(data.get("motion_verbs", [])), frozenset(data.get("delegate_verbs", [])),
                    frozenset(data.get("group_nouns", [])), frozenset(data.get("wish_words", [])),
                    frozenset(data.get("product_verbs", [])),
                    (carried["from"], carried["type"]) if (carried := data.get("carried_votes")) else None,
                    frozenset(carried.get("refusing_verbs", [])) if carried else frozenset(),
                    frozenset(data.get("ordered_acts", {}).get("verbs", [])),
                    frozenset(data.get("ordered_acts", {}).get("types", [])))


@lru_cache(maxsize=8)
def load_taxonomy(path: str | None = None) -> Taxonomy:
    """The taxonomy from `path`, or the packaged event_triggers.json; cached."""
    if path is None:
        text = resources.files("factwire").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return parse_taxonomy(json.loads(text))

"""Events from clause structure: a trigger word, who acts (actor), on whom (target), with whom, how much, when, where.

Triggers and their event types live in factwire/data/event_triggers.json (see docs/events.md). A verb
trigger takes its parties from its subject, objects and prepositional phrases (passives and control
verbs included); a noun trigger ("the acquisition of X by Y", "held a hearing") from its possessor,
its of-/by-/with- phrases and the verb that supports it. Only events with at least one named party
(an entity of the article) are kept: a bare "meetings" says nothing a reader can query.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from itertools import islice
from typing import Any

from spacy.tokens import Doc, Token

from factwire.extract import clauses as cl
from factwire.extract.speech import is_naming_verb, is_speech_verb
from factwire.extract.triggers import Taxonomy, Trigger, lemma_forms, load_taxonomy
from factwire.nlp import PRESENT_VERB_TAGS, char_span_start, doc_tokens
from factwire.resolve import Entity, EntityIndex
from factwire.resolve.datelines import dateline_end
from factwire.resolve.descriptions import body_of_kind, body_of_members, named_as_kind
from factwire.resolve.draft import is_org_kind_noun
from factwire.resolve.grouping import core_words
from factwire.resolve.lexicon import MEMBER_BODIES, kind_nouns
from factwire.resolve.reference import PLACE_TYPES, employer, entity_at, entity_of
from factwire.wordlists import wordlist

Rows = list[dict[str, Any]]
# Prepositions whose object takes part in the event ("met with X", "injected into X", "a suit against X").
PARTY_PREPS = ("with", "to", "into", "from", "between", "among", "against")
FIRST_SECOND = wordlist("extract.events", "first_second")
# A noun after these prepositions is what the verb is about, not an event the verb's subject takes part
# in: "said of the discovery", "asked about the merger".
TOPIC_PREPS = ("of", "about", "regarding", "concerning")
# Words that set a second party beside the first: "awarded X $5bn compared to Y's $2bn".
COMPARISON = ("compare", "versus", "vs.")

# Who decides on a thing as a body: organizations and the governments of places ("Montgomery County approved").
_DECIDING_TYPES = frozenset({"ORG", "GPE"})

@dataclass
class Draft:
    """An event being assembled from one trigger."""

    type: str
    trigger: Token
    symmetric: bool = False
    two_parties: bool = False
    actors: list[Entity] = field(default_factory=list)
    targets: list[Entity] = field(default_factory=list)
    others: list[Entity] = field(default_factory=list)
    location: str | None = None
    scope: set[int] = field(default_factory=set)  # token indices of the clause: amount and date come from here
    amount_scope: set[int] | None = None  # a narrower scope for the amount (one side of a comparison)
    on_behalf: bool = False  # the actor led or negotiated it for the organization they work for
    predecessor: Entity | None = None  # "X replaces Y": Y, whose employer fills the post if none is named
    ordered: bool = False  # the target is the party ordered to do it ("ordered Acme to suspend work"), any type
    place_suffices: bool = False  # kept with a named place and no named party ("protests in Iran")
    group_target: bool = False  # its target is a counted group with no name ("on six people and 11 companies")
    thing_target: bool = False  # its target is a thing, no party ("approved a $500,000 grant")
    each_actor: bool = False  # coordinated subjects each do it ("A and B pleaded guilty": two pleas; a joint
    # lawsuit is one)


def entity_for(token: Token, entities: EntityIndex, *, agent: bool = False) -> Entity | None:
    """The party a noun phrase names: the document model's entity, or whose thing it is."""
    return entity_of(token, entities, whose=True, agent=agent)


def _entities(tokens: list[Token], entities: EntityIndex, *, agent: bool = False,
              groups: frozenset[str] = frozenset()) -> list[Entity]:
    out: list[Entity] = []
    for t in tokens:
        grouped = t.lemma_.lower() in groups or t.lemma_.lower() in MEMBER_BODIES  # ("officers", "senators")
        e = entity_for(t, entities, agent=agent) or (_group_entity(t, entities) if grouped else None)
        found = [e] if e is not None else []
        if e is None and t.tag_ == "NNS":  # "Critics, including the ACLU, have sued": the ones named act
            found = [x for o in cl.prep_objects(t, "including") if (x := entity_for(o, entities)) is not None]
        named = [n for a in cl.children(t, "appos") for n in (a, *a.conjuncts)] if t.tag_ == "NNS" else []
        if len(named) > 1:  # "The two managers, A and B, pleaded guilty": each one named
            found = [x for n in named if (x := entity_for(n, entities)) is not None] or found
        out += [x for x in found if all(x.entity_id != o.entity_id for o in out)]
    return out


def _acting_along(verb: Token, objects: list[Token]) -> list[Token]:
    """Who does the act together with its subject: "investigate the failure along with the NTSB",
    "searched the house alongside FBI agents" (the parser hangs the phrase on the verb or its object)."""
    out: list[Token] = []
    for head in [verb, *objects]:
        out += cl.prep_objects(head, "alongside")
        for along in cl.children(head, "prep", "advmod"):
            if along.lower_ == "along":
                out += cl.prep_objects(along, "with")
    return out


def _group_entity(token: Token, entities: EntityIndex) -> Entity | None:
    """A group of people acts for the organization it belongs to: "the NASA team", "officers from the
    Columbus Police Department", "investigators at the FBI" (never a place: "police in Ohio"). Once
    the text has said whose a group is, the group named again on its own is the same one ("Officers
    from the Columbus Police Department arrested X ... Officers also arrested Y")."""
    if token.pos_ != "NOUN":
        return None
    return _named_group(token, entities) or _group_named_before(token, entities) or _body_named_next(token, entities)


def _body_named_next(token: Token, entities: EntityIndex) -> Entity | None:
    """The body a lede's group of people acts for, named in its next sentence: "Arizona utility regulators on
    Tuesday approved ..." then "The Arizona Corporation Commission voted 3-2": the first organization named
    there whose head word the group's noun stands for (kind_nouns.tsv: regulators are a commission's)."""
    noun = token.lemma_.lower()
    sents = list(islice(token.doc.sents, 3))  # (a dateline may stand as a sentence of its own before the lede)
    k = next((k for k, sent in enumerate(sents) if sent.start <= token.i < sent.end), None)
    if noun not in kind_nouns() or k is None or k + 1 >= len(sents) or k > 1 \
            or k == 1 and dateline_end(sents[0][0]) is None:
        return None  # (only the lede's, after a dateline set apart as a sentence of its own)
    for t in sents[k + 1]:
        e = entity_at(t, entities)
        if e is not None and e.type == "ORG" and named_as_kind(e.name, noun):
            return e
    return None


def _group_named_before(token: Token, entities: EntityIndex) -> Entity | None:
    """The organization the same group noun was last said to belong to, earlier in the text."""
    if any(c.dep_ in {"compound", "poss"} for c in token.children) \
            or cl.prep_objects(token, "from", "at", "of", "with"):
        return None  # the phrase says whose it is, or says it is no one's we know
    lemma = token.lemma_.lower()
    for earlier in reversed(doc_tokens(token.doc)[:token.i]):
        if earlier.lemma_.lower() == lemma and earlier.pos_ == "NOUN":
            found = _named_group(earlier, entities)
            if found is not None:
                return found
    return None


def _named_group(token: Token, entities: EntityIndex) -> Entity | None:
    """The organization a group noun's own phrase names ("the NASA team", "officers from X")."""
    phrases = [[t] for t in cl.children(token, "compound", "poss")]
    # "officers from the Columbus Police Department Intelligence Led Policing Unit": a name inside the phrase
    phrases += [list(t.subtree) for t in cl.prep_objects(token, "from", "at", "of", "with")]
    # (an official's office acts for the official: "her office had opened an investigation")
    excluded = PLACE_TYPES | ({"NORP"} if token.lemma_.lower() == "office" else {"PERSON", "NORP"})
    for words in phrases:
        for t in words:
            e = entity_at(t, entities)
            if e is not None and e.type not in excluded:
                return e
    # "union members voted", "board members": a kind of body in lower case before the group is the one body
    # of that kind the article has named
    kinds = [c.lemma_.lower() for c in cl.children(token, "compound") if c.pos_ == "NOUN"
             and is_org_kind_noun(c, opening=True)]  # ("Union members voted ...")
    found = next((e for kind in kinds if (e := body_of_kind(entities, kind, token.idx)) is not None), None)
    if found is None and token.tag_ in {"NNS", "NNPS"} and (head := MEMBER_BODIES.get(token.lemma_.lower())):
        found = body_of_members(entities, {head})  # "Senators voted 27-11": the members of the one Senate named
    return found


def _possessor(noun: Token, entities: EntityIndex) -> list[Entity]:
    """Whose the event is: "X's lawsuit", "his hearing", "its investigation" (pronouns as the document
    model resolved them)."""
    out = []
    for p in cl.children(noun, "poss"):
        e = entity_for(p, entities)  # "his", "its": as the document model resolved them
        if e is not None:
            out.append(e)
    return out


def _object_pronouns(tokens: list[Token], entities: EntityIndex, actors: list[Entity]) -> list[Entity]:
    """"met with him", "sued her": the person the document model resolved an object pronoun to
    (its policy already keeps "him" in "Volker met with him" from being Volker), never an actor."""
    out: list[Entity] = []
    for t in tokens:
        if t.lower_ not in ("him", "her") or t.dep_ == "poss":
            continue
        linked = entity_at(t, entities)
        if linked is not None and linked not in actors and linked not in out:
            out.append(linked)
    return out


def _lemmas(noun: Token) -> set[str]:
    """Lemmas of a noun and its compounds ("interest rate" -> interest, rate), with the words as written
    ("earnings")."""
    return {form for t in [noun, *cl.children(noun, "compound")] for form in lemma_forms(t)}


def _named_as(tok: Token, entities: EntityIndex, type_: str) -> bool:
    """Whether the token names (or stands for) an entity of this type: the document model's type where it
    resolved the token ("Themba Mahlangu", a person the model's tagger read as a product), else the parse's."""
    e = entity_at(tok, entities)
    if e is not None:
        return e.type == type_
    return cl.is_person(tok) if type_ == "PERSON" else cl.is_organization(tok)


def _rule_fits(rule: Trigger, tok: Token, entities: EntityIndex, ordering: frozenset[str] = frozenset()) -> bool:
    """Whether the token meets the rule's conditions (particle, object, complement)."""
    if rule.pos == "verb":
        if tok.dep_ == "amod":
            return False  # a participle as an adjective is no clause: "visiting officials", "the departing CEO"
        if rule.particle and cl.particle(tok) != rule.particle:
            return False
        if rule.not_particles and cl.particle(tok) in rule.not_particles:
            return False  # "ruled out Taliban involvement" is no ruling
        if rule.complement_with and not any(c.lemma_.lower() in rule.complement_with and
                                            (rule.either_polarity or not cl.negated(c)) for c in cl.complement(tok)):
            return False  # "found X guilty", not "found X not guilty"
        if rule.complement and not cl.complement(tok):
            return False
        if rule.ordered and not _ordered_parties(tok, ordering):
            return False  # "ordered Acme to suspend all experiments", not "Acme suspended all experiments"
        if rule.prep_with:
            if not any(o.lemma_.lower() in rule.prep_with for o in cl.prep_objects(tok, rule.prep)):
                return False  # "jailed for three years" (not "jailed on charges": held, no sentence)
        elif rule.prep and not any(not cl.is_time(o) for o in cl.prep_objects(tok, rule.prep)):
            return False  # ("posted on Twitter", not "posted a loss on Monday": a time is no party or place)
        if rule.bare and cl.complement(tok):
            return False
        if rule.active and cl.is_passive(tok):
            return False  # "was met with hoots of laughter"
        if rule.seller and tok.tag_ in PRESENT_VERB_TAGS and not cl.children(tok, "aux"):
            return False  # "a company that sells steel to builders": its trade, in the present simple, no sale
        if rule.thing_agent and any(_named_as(s, entities, "PERSON") for s in cl.grammatical_subject(tok)):
            return False  # "Monteiro debuted for Forest": a first appearance, no launch
        if rule.subject_with and not any(_lemmas(t) & rule.subject_with for t in cl.grammatical_subject(tok)):
            return False
        if rule.person and not any(_named_as(o, entities, "PERSON") for o in (cl.prep_objects(tok, rule.prep)
                                                                              if rule.prep else cl.patients(tok))):
            return False  # "replace the roof" is no appointment; "replace Tom Hale" is
        if rule.organization and not any(_named_as(o, entities, "ORG") for o in cl.patients(tok)):
            return False  # "hired a nurse" is no contract; "hired Acme Paving LLC" is
        if rule.with_:  # (also a part or a change of it: "cut 20% of its workforce", "reported a drop in sales")
            objects = cl.patients(tok)
            objects += [p for o in objects for p in cl.prep_objects(o, "of", "in")]
            return any(_lemmas(o) & rule.with_ for o in objects)
        return True
    if tok.dep_ == "compound" or tok.ent_iob_ == "I" or (tok.ent_iob_ == "B" and tok.nbor(1).ent_iob_ == "I"):
        return False  # "launch day" is a modifier; "Space Launch System" is a name, not an event
    if rule.plural and tok.tag_ not in ("NNS", "NNPS"):
        return False
    if rule.prep and not cl.prep_objects(tok, rule.prep):
        return False  # "the sale of X to Y", not "the sale of tickets"
    if rule.person and not any(_named_as(o, entities, "PERSON") for o in cl.prep_objects(tok, rule.prep or "of")):
        return False  # "the release of activist Jo Park", not "the release of the report"
    if rule.alone and cl.prep_objects(tok, "with", "between"):
        return False  # "a news conference with Macron" is a meeting
    if rule.thing_agent and any(_named_as(c, entities, "PERSON") for c in cl.children(tok, "poss")):
        return False  # "make his debut against Fulham": a first appearance, no launch
    if rule.support:
        verb = cl.governing_verb(tok)
        if verb is None or not set(lemma_forms(verb)) & rule.support:
            return False
    if rule.with_:  # (a compound's own compounds too: "a Series C round")
        mods = cl.children(tok, "compound", "amod")
        mods += [c for m in mods for c in cl.children(m, "compound")] + cl.prep_objects(tok, "of")
        return bool({m.lemma_.lower() for m in mods} & rule.with_)
    return True


def _ordered_parties(verb: Token, ordering: frozenset[str]) -> list[Token]:
    """Who a verb of ordering tells to do what `verb` says ("ordered Acme to suspend work": Acme), none where
    `verb` is no such infinitive."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in ordering:
        return []
    return cl.children(verb.head, "dobj")


def match_trigger(tok: Token, taxonomy: Taxonomy, entities: EntityIndex) -> Trigger | None:
    """The first rule of the taxonomy that this token triggers, if any (none in a denied clause)."""
    rule = next((r for r in taxonomy.candidates(tok) if _rule_fits(r, tok, entities, taxonomy.ordering_verbs)), None)
    return None if rule is None or _unreal(tok, taxonomy) else rule


def _unreal(tok: Token, taxonomy: Taxonomy) -> bool:
    """Whether the clause denies, supposes or only wishes the event; for a noun, also the verb over it
    ("did not reach an agreement", "asked the court to open an investigation")."""
    # the verb an object noun depends on ("did not reach an agreement"), not the predicate about a
    # subject noun ("the call was not in line with ...")
    verb = cl.governing_verb(tok) if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "nsubj" else None
    # ("threatened legal action", "sought an investigation": a noun event only wanted or threatened)
    return any(cl.negated(t) or cl.hypothetical(t) or cl.wished(t, taxonomy.wish_words) or cl.denied(t)
               for t in (tok, verb) if t is not None) \
        or (verb is not None and verb.lemma_.lower() in taxonomy.wish_words)


def _location(tok: Token, entities: EntityIndex, motion: bool) -> str | None:
    """A place named in the clause: "at Cape Canaveral", "in Doha", "near McAllen"; "to X" after a motion verb."""
    preps = ("at", "in", "near", "to") if motion else ("at", "in", "near")
    found = cl.prep_objects(tok, *preps)
    if tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children):
        found = found + [tok.head]  # "St. Lucie County, where four people died": there
    # "in more than 100 cities across Iran", "in dozens of towns across France": the place inside the phrase
    inner = found
    for _ in range(2):
        inner = [q for p in inner if p.pos_ in ("NOUN", "NUM") for q in cl.prep_objects(p, "across", "in", "throughout",
                                                                                          "of")]
        found = found + inner
    for p in found:
        e = entity_for(p, entities)
        if e is not None and (e.type in PLACE_TYPES or (motion and p.head.lower_ == "to")):
            return e.name
        if p.ent_type_ in PLACE_TYPES:
            ent = next(s for s in p.doc.ents if s.start <= p.i < s.end)
            return ent.text.removeprefix("the ").removeprefix("The ")
    return None


def _verb_draft(rule: Trigger, verb: Token, ent: EntityIndex, tax: Taxonomy) -> Draft:
    d = Draft(rule.type, verb, rule.symmetric, rule.two_parties, place_suffices=rule.place_suffices)
    subjects, objects = cl.agents(verb), cl.patients(verb)
    d.group_target = rule.group_suffices and _counted_group(objects + cl.prep_objects(verb, *rule.target_preps))
    d.thing_target = rule.thing_suffices and any(o.pos_ == "NOUN" for o in objects)
    if any(t.lower_ in FIRST_SECOND for t in subjects):
        return d  # "I took over Washington": inside a quote, who "I" is belongs to the quote's speaker
    if rule.subject_is_target:  # "X won a contract from Y", "X won a NASA contract"
        won = [o for o in objects if _lemmas(o) & rule.with_]
        subjects, objects = cl.prep_objects(verb, "from", "by", "before"), cl.grammatical_subject(verb)
        subjects = subjects or [g for o in won for g in cl.prep_objects(o, "from", "by") + cl.children(o, "compound")]
    if rule.measure:  # "House Bill 12 passed the state House 71-45": the House votes on the bill
        subjects, objects = objects, cl.grammatical_subject(verb)
    sellers: list[Token] = []
    if rule.seller:  # "Acme sold its unit to Globex": Globex buys, Acme takes part
        sellers, subjects = subjects, cl.prep_objects(verb, "to")
        objects = [o for o in objects if o not in subjects]  # (the parser may read "to Y" as a dative)
    outgoing: list[Token] = []
    if rule.incoming:  # "X replaces Y as CEO of Z": X takes the post, Z appoints, Y takes part
        outgoing = cl.prep_objects(verb, rule.prep) if rule.prep else objects
        subjects, objects = [], subjects
    cond: list[Token] = []
    if rule.with_ and not rule.subject_is_target:
        # The object that qualifies the verb ("cut jobs", "asked regulators") is a circumstance, not the target.
        cond = [o for o in objects if _lemmas(o) & rule.with_]
        objects = [o for o in objects if o not in cond]
        # ("suspended Lakeshore's operating certificate", "the permit of Zoomly": whose the qualifying object is
        # takes part)
        d.others = _entities(cond, ent) + [e for o in cond for e in _possessor(o, ent)
                                           + _entities(cl.prep_objects(o, "of"), ent)]
        if cond:  # "took the wraps off the Sentra": what the object is taken off takes part
            d.others += [e for e in _entities(cl.prep_objects(verb, "off"), ent) if e.type not in PLACE_TYPES]
    d.actors, d.targets = _entities(subjects, ent, agent=True, groups=tax.group_nouns), _entities(objects, ent)
    if rule.type in tax.ordered_types:
        # "the regulator ordered Acme to suspend construction": the one who orders suspends, the one ordered
        ordered = _entities(_ordered_parties(verb, tax.ordering_verbs), ent)
        if ordered:
            d.actors = _entities(cl.agents(verb.head), ent, agent=True, groups=tax.group_nouns)
            d.targets, d.ordered = ordered, True
    if rule.subject_is_target and not d.actors:
        # "raised $186 million from investors, including a round led by Tidewater Ventures": who leads the
        # round, or the group of investors, gives
        d.actors = _entities([a for t in verb.subtree if t.lemma_ == "lead" and t.dep_ in {"acl", "advcl"}
                              and (a := cl.agent_object(t)) is not None], ent)
    if not d.targets and d.two_parties and not rule.incoming:
        # "approved the renewal of Keystone Ridge's license": an act on a thing of another party's concerns
        # that party (for an event of two parties)
        owned = [t for o in objects for t in cl.prep_objects(o, "of") + _stake_in(o)]
        owners = [e for t in owned for e in _entities([t], ent) + _possessor(t, ent)]
        d.targets = [e for e in owners if e.type not in PLACE_TYPES
                     and all(e.entity_id != a.entity_id for a in d.actors)]
    if d.symmetric and len(d.actors) > 1 and not d.targets:
        # "Yemen's government and Houthi rebels agreed to free 600 detainees": of peers named together as its
        # subject, the first acts and the other is the party it acts with
        d.actors, d.targets = d.actors[:1], d.actors[1:]
    d.each_actor = rule.each_actor and len(d.actors) > 1
    if not d.actors and rule.sayer_acts and cl.is_passive(verb):
        d.actors = _reporting_organization(verb, ent)
    d.others += _entities(sellers, ent)
    if not rule.incoming:  # "sued her", "met with him"
        d.targets += [e for e in _object_pronouns(objects, ent, d.actors) if e not in d.targets]
        d.others += _object_pronouns(cl.prep_objects(verb, *PARTY_PREPS), ent, d.actors)
    # "will succeed him": an object pronoun stands for the last person named
    left = [e for t in outgoing if (e := entity_for(t, ent)) is not None]
    left = [e for e in left if e not in d.targets]  # "X will succeed him": him is not X
    d.others = d.others + left
    d.predecessor = next((e for e in left if e.type == "PERSON"), None)
    if rule.incoming and not d.actors:
        # ("will join Kestrel's board": whose the board is seats the newcomer)
        d.actors = _post_organization(verb, ent) or [e for e in d.others if e.type == "ORG"][:1]
        d.others = [e for e in d.others if e not in d.actors]
    comparison = [c for c in verb.children if c.lemma_ in COMPARISON]
    preps = cl.prep_objects(verb, *PARTY_PREPS)
    if d.symmetric:  # "agreed a loan programme with the IMF", "agreed to terms with X": the "with" of what
        # the parties agree on names the other party
        preps += [w for o in objects + cl.prep_objects(verb, "to") for w in cl.prep_objects(o, "with")]
    if not cl.is_passive(verb):  # "agreed to a rescue by X", the by-phrase hung on the verb
        preps += cl.prep_objects(verb, "by")
    # "agreed to a rescue by X", "paid to settle claims by X": the agent of a nominal in the clause, after a
    # preposition or as the verb's direct object, takes part too
    nominals = preps + [o for o in objects + cond if o.dep_ == "dobj"]  # ("settle claims by X")
    d.others += _entities(preps + [a for p in nominals if p.pos_ == "NOUN" for a in cl.prep_objects(p, "by")], ent)
    # "invested in X", "a stake in X": an organization after "in" takes part; a place is where it happened
    d.others += [e for e in _entities(cl.prep_objects(verb, "in"), ent) if e.type not in PLACE_TYPES]
    d.others += _entities(_acting_along(verb, objects), ent, agent=True, groups=tax.group_nouns)
    if not d.targets and rule.clause_target:  # "the Ombudsman ruled that Corrib should have ...": about Corrib
        d.targets = _entities([s for c in cl.children(verb, "ccomp") for s in cl.children(c, "nsubj", "nsubjpass")],
                              ent)
    if not d.targets and rule.target_preps:
        # "approved a tax abatement for X", "approved $2 million for X": the one the thing approved is for
        # is the party whose request it was, where the thing itself names no one
        for_ = cl.prep_objects(verb, *rule.target_preps) + [p for o in objects
                                                              for p in cl.prep_objects(o, *rule.target_preps)]
        d.targets = [e for e in _entities(for_, ent) if e.type not in PLACE_TYPES]
    for x in cl.children(verb, "xcomp"):  # "agreed to inject money into X", "asked regulators to limit X launches"
        if not d.targets:
            d.targets = _entities(cl.patients(x), ent)
        d.others += _entities(cl.prep_objects(x, *PARTY_PREPS), ent)
    if rule.type in ("appointment", "resignation", "dismissal") and not (d.actors if rule.type == "appointment"
                                                                          else d.targets):
        # "named chairman of X's division", "resigned as CEO of X": the organization of the post
        post = [t for c in cl.complement(verb) for t in c.subtree]
        orgs = [e for e in _entities(post, ent) if e.type != "PERSON"]
        if rule.type == "appointment":
            d.actors = orgs[:1]
        else:  # "resigned as CEO of X", "stepped down from X"
            left = [e for e in _entities(cl.prep_objects(verb, "from"), ent) if e.type != "PERSON"]
            d.targets = orgs[:1] or left[:1]
    head = verb.head
    motion = verb.dep_ in ("advcl", "xcomp") and head.lemma_ in tax.motion_verbs
    d.location = _location(verb, ent, False) or (_location(head, ent, True) if motion else None)
    for x in cl.children(verb, "xcomp"):
        d.location = d.location or _location(x, ent, False)
    if rule.type == "visit" and d.location is None:  # "visited Kyiv", "visited the border near McAllen"
        d.location = next((e.name for e in d.targets if e.type in PLACE_TYPES), None) or \
            next((p for o in objects if (p := _location(o, ent, False)) is not None), None)
    # "testified about a July 10 meeting": that date is the meeting's, not the testimony's
    topics = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in TOPIC_PREPS]
    d.scope = set(t.i for t in cl.clause_tokens(verb)) - cl.subtree_range(comparison + topics)
    if motion:
        d.scope |= {t.i for t in cl.clause_tokens(head)} - {t.i for t in verb.subtree}
    return d


def _post_organization(verb: Token, ent: EntityIndex) -> list[Entity]:
    """Who fills the post a newcomer takes: "as manager of Z", "as Z's manager", "at Z", or the
    subject of a naming verb whose object is the newcomer ("Z named X to replace Y")."""
    post = [t for c in cl.complement(verb) for t in c.subtree] + cl.prep_objects(verb, "at")
    orgs = [e for e in _entities(post, ent) if e.type != "PERSON"]
    head = verb.head
    if not orgs and verb.dep_ == "xcomp" and cl.children(head, "dobj"):
        orgs = [e for e in _entities(cl.agents(head), ent, agent=True) if e.type != "PERSON"]
    return orgs[:1]


def _comparison_drafts(base: Draft, ent: EntityIndex) -> list[Draft]:
    """"awarded X $5bn compared to Y's $2bn": the same act with another target and amount."""
    out = []
    for c in base.trigger.children:
        if c.lemma_ not in COMPARISON or c.dep_ not in ("prep", "advcl", "cc"):
            continue
        for obj in cl.prep_objects(c, "to", "with") + cl.children(c, "pobj"):
            targets = _entities([obj], ent)
            if targets:
                d = Draft(base.type, base.trigger, base.symmetric, base.two_parties, list(base.actors), targets, [],
                          base.location, base.scope, cl.subtree_range([obj]))
                out.append(d)
    return out


def _reporting_organization(verb: Token, ent: EntityIndex) -> list[Entity]:
    """'Coutinho has been banned for four years, the Athletics Integrity Unit said', 'Park was
    arrested, police said': the organization that reports a passive act that names no agent is the
    one that did it."""
    up = verb.head
    if verb.dep_ not in ("ccomp", "parataxis") or up.i == verb.i or not is_speech_verb(up):
        return []
    return [e for e in _entities(cl.grammatical_subject(up), ent) if e.type == "ORG"][:1]


_COUNTED_PARTIES = wordlist("extract.events", "counted_parties")


def _counted_group(tokens: list[Token]) -> bool:
    """Whether one of the tokens (or a conjunct of it) is a counted group of people or organizations
    ("six people and 11 companies", "five men"): a party the text does not name."""
    for t in tokens:
        for g in [t, *(c for c in t.children if c.dep_ == "conj")]:
            if g.lemma_.lower() in _COUNTED_PARTIES and any(c.dep_ == "nummod" for c in g.children):
                return True
    return False


def _parties_or_owners(tokens: list[Token], ent: EntityIndex, actors: list[Entity]) -> list[Entity]:
    """The parties the tokens name, else whose things they are ("an investigation into Zhenhai's planned
    takeover": Zhenhai; "a probe into 1.4 billion rand of purchases by the department": the department), the
    actors aside."""
    return _entities(tokens, ent) or [e for t in tokens for e in _thing_owners(t, ent) if e not in actors]


def _thing_owners(thing: Token, ent: EntityIndex) -> list[Entity]:
    """Whose a thing is: its possessor ("Zhenhai's takeover"), else the one who does it, after "by"
    ("purchases by the department"), or the company a stake is in ("a 76 per cent stake in GreenLoop"), through
    the "of" of an amount or a part ("R1.4 billion of purchases by the department", "the rigging of contracts by
    the firm", "the acquisition of a stake in X")."""
    for _ in range(3):
        found = _possessor(thing, ent) or _entities(cl.prep_objects(thing, "by") + _stake_in(thing), ent)
        following = cl.prep_objects(thing, "of")
        if found or not following:
            return found
        thing = following[0]
    return []


def _stake_in(thing: Token) -> list[Token]:
    """What a stake is a part of: "a 70% stake in Bellandi" is a piece of Bellandi, so buying it acquires (part
    of) Bellandi."""
    return cl.prep_objects(thing, "in") if thing.lemma_.lower() in _STAKES else []


_STAKES = wordlist("extract.events", "stakes")


def _supporting_relative(noun: Token, tax: Taxonomy, rule: Trigger) -> Token | None:
    """The verb of a relative clause on the noun that supports it with the noun as its object ("the review
    that the board ordered", "an investigation NHTSA opened"): one with no object of its own."""
    for verb in noun.children:
        # (an "acl" with a subject of its own is a relative clause too: the parser reads "that" as a mark)
        relative = verb.dep_ == "relcl" or verb.dep_ == "acl" and any(c.dep_ == "nsubj" for c in verb.children)
        own_object = any(c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP") for c in verb.children)
        if relative and not own_object and tax.lends_subject(verb, rule=rule):
            return verb
    return None


def _noun_draft(rule: Trigger, noun: Token, ent: EntityIndex, tax: Taxonomy) -> Draft:
    d = Draft(rule.type, noun, rule.symmetric, rule.two_parties, place_suffices=rule.place_suffices)
    # "X's lawsuit against Y", "the lawsuit by X", "a lawsuit filed by X against Y"
    heads = [noun, *cl.children(noun, "acl")]
    d.actors = _possessor(noun, ent)
    d.actors += [e for e in _entities([a for h in heads for a in cl.prep_objects(h, "by")], ent) if e not in d.actors]
    if rule.seller:  # "the sale of X to Y": Y buys X
        d.actors += [e for e in _entities([a for h in heads for a in cl.prep_objects(h, "to")], ent)
                     if e not in d.actors]
    target_tokens = [t for h in heads for t in cl.prep_objects(h, "of", "including", "against", "into", "on",
                                                                *(() if rule.seller else ("to",)), *rule.target_preps)]
    # "an investigation under the Investment Act into X": the parser hangs the noun's "into" on the noun before it
    target_tokens += [t for h in heads for o in cl.prep_objects(h, "under", "by", "in")
                      for t in cl.prep_objects(o, "into", "against")]
    # "an investigation into whether Halcyon misled customers": what the question is about
    target_tokens += [t for h in heads for t in cl.prep_question_subjects(h, "into", "of", "on", "over")]
    d.targets = _parties_or_owners(target_tokens, ent, d.actors)
    # "a deal to buy X's jets": what the deal is about names its other party
    d.targets += _entities([t for v in cl.infinitive_modifiers(noun) for t in cl.patients(v)], ent)
    d.others = _entities(cl.prep_objects(noun, "with", "between", "among", "from"), ent)
    before = _entities([a for h in heads for a in cl.prep_objects(h, *rule.actor_preps)], ent) \
        if rule.actor_preps else []
    if before:  # "her confirmation hearing before the Senate committee": the committee hears her
        d.actors, d.targets = before, [e for e in d.actors + d.targets if e not in before]
    if rule.of_is_actor and d.targets:  # "the resignation of X": X resigns
        d.actors, d.targets = d.targets + d.actors, []
    elif "PERSON" in rule.target_types and not d.targets and [a.type for a in d.actors[:1]] == ["PERSON"] \
            and not cl.prep_objects(noun, "by"):
        # "Mueller's appointment", "her suspension": a person's act of this kind is done to them
        d.actors, d.targets = [], d.actors[:1]
    compounds = _entities([c for c in cl.children(noun, "compound") if c.pos_ == "PROPN"], ent)
    if not d.actors:
        d.actors = compounds
    else:
        d.others += compounds
    verb = cl.governing_verb(noun)
    if verb is not None and noun.dep_ == "pobj" and noun.head.lower_ in TOPIC_PREPS and noun.head.head == verb:
        verb = None  # "said of the discovery" (but "initiated rounds of outages")
    relative = _supporting_relative(noun, tax, rule)
    if relative is not None and not d.actors:
        # "an investigation that NHTSA opened last May": a relative clause of a support verb names who acts
        d.actors = _entities(cl.agents(relative), ent, agent=True, groups=tax.group_nouns)
    d.scope = set(cl.subtree_range([noun]))
    if verb is not None and tax.lends_subject(verb, patient=True):
        # "X faces scrutiny from Y": the subject undergoes the event
        d.targets = d.targets or _entities(cl.grammatical_subject(verb), ent)
        d.actors = d.actors or _entities(cl.prep_objects(noun, "from", "by") + cl.prep_objects(verb, "from", "by"), ent)
        d.scope |= {t.i for t in cl.clause_tokens(verb)}
    elif verb is not None and tax.lends_subject(verb, rule=rule):
        # "held a hearing", "reached a settlement with X", "said in a letter to X"
        supporter = _entities(cl.agents(verb), ent, agent=True, groups=tax.group_nouns)
        if not d.actors:
            d.actors = supporter
            d.on_behalf = verb.lemma_ in tax.delegate_verbs
        else:  # "Ford announced the resignation of X": Ford takes part
            d.others += supporter
        if not d.targets:  # "signed a deal to buy X's jets", the purpose hung on the verb
            purpose = [v for v in verb.children if v.dep_ in ("advcl", "xcomp") and cl.is_infinitive(v)]
            d.targets = _entities([t for v in purpose for t in cl.patients(v)], ent)
        if not d.targets and noun.dep_ == "dobj":  # "sent Halbrook a warning letter": whom it is sent to
            # (the parser may read the first of two objects as a direct one: "gave coach X a contract extension")
            d.targets = _entities([c for c in verb.children if c.dep_ == "dative"
                                   or c.dep_ == "dobj" and c.i < noun.i], ent)
        if not d.targets:  # "imposed a $5 million fine on Acme", "opened an investigation into Acme's takeover of
            # Beta": the "on" or "into" the parser hung on the verb; of a thing, whose thing it is
            hung = cl.prep_objects(verb, "on", "into")
            target_tokens += hung
            d.targets = _parties_or_owners(hung, ent, d.actors)
        d.others += _entities(cl.prep_objects(verb, "with", "to", "against"), ent)
        d.scope |= {t.i for t in cl.clause_tokens(verb)}
    # "had one meeting with him", "the proceedings against her"
    d.others += [e for e in _object_pronouns(cl.prep_objects(noun, "with", "between", "against"), ent, d.actors)
                 if e not in d.others and e not in d.targets]
    d.location = _location(noun, ent, False) or (_location(verb, ent, False) if verb is not None else None)
    d.group_target = rule.group_suffices and _counted_group(target_tokens)
    return d


def _next_post_of(trigger: Token, org: Entity, ent: EntityIndex) -> bool:
    """Whether the organization is named in a "to become ..." clause of the trigger: the post the
    person leaves for, not the one left."""
    for c in trigger.children:
        if c.dep_ == "advcl" and cl.is_infinitive(c):
            if any((e := entity_for(t, ent)) is not None and e.entity_id == org.entity_id for t in c.subtree):
                return True
    return False


def _use_roles(d: Draft, roles: Rows, ent: EntityIndex) -> None:
    """Resignations leave an employer; a deal an executive led or negotiated is the employer's; a vote is
    a body's, and a member who "voted against" takes part in the vote of the body the roles seat them on."""
    if d.type == "resignation" and not d.targets and d.actors:
        org = employer(d.actors[0], roles, ent)
        if org is not None and _next_post_of(d.trigger, org, ent):
            org = None  # "X stepped down to become president of Y": Y is the post X goes to
        d.targets = [org] if org else []
    elif d.type == "appointment" and not d.actors and d.targets and d.targets[0].type == "PERSON":
        # "X replaces Y": Y's employer; "X was named chairman": of the employer the roles name
        # (the newcomer's own employer is where they come from, not the post's: "She replaces Dr. Pruett")
        org = employer(d.predecessor, roles, ent) if d.predecessor else employer(d.targets[0], roles, ent)
        d.actors = [org] if org else []
    elif d.type == "vote" and d.actors and d.actors[0].type == "PERSON":
        org = employer(d.actors[0], roles, ent)
        d.others = [*d.actors, *d.others]
        d.actors = [org] if org is not None and org.type in ("ORG", "GPE") else []
    elif d.on_behalf and d.actors and d.actors[0].type == "PERSON":
        org = employer(d.actors[0], roles, ent)
        if org is not None:
            d.others.append(d.actors[0])
            d.actors = [org]


def _use_maker(d: Draft, ent: EntityIndex) -> None:
    """"Google Stadia launches tomorrow", "the Vista made its debut": a product is what is launched,
    and one named after its maker is launched, released or unveiled by that maker when the clause
    names no one else."""
    if d.type not in _MAKERS_ACT:
        return
    if d.actors and d.actors[0].type == "PRODUCT" and not d.targets:  # "the Vista made its debut"
        d.actors, d.targets = d.actors[1:], d.actors[:1]
    if d.actors or not d.targets or d.targets[0].type != "PRODUCT":
        return
    words = core_words(d.targets[0].name)
    makers = [e for e in ent.entities if e.type == "ORG" and len(words) > 1 and core_words(e.name) == words[:1]]
    if len(makers) == 1:
        d.actors = makers


_MAKERS_ACT = wordlist("extract.events", "makers_act")


def _first_in(rows: Rows, doc: Doc, scope: set[int], kind: str | None = None) -> dict[str, Any] | None:
    """The first row (a money amount, a date) whose span starts inside the clause."""
    for r in rows:
        if kind is not None and r.get("kind") != kind:
            continue
        first = char_span_start(doc, r["start"], r["end"])
        if first is not None and first in scope:
            return r
    return None


def _rows(d: Draft, doc: Doc, quantities: Rows, dates: Rows) -> Rows:
    """Table rows of one draft: one per target unless the event is between peers."""
    priced = [q for q in quantities if q.get("value") is not None]
    money = _first_in(priced, doc, d.amount_scope if d.amount_scope is not None else d.scope, "money")
    when = _first_in(dates, doc, d.scope)
    sent = d.trigger.sent
    target_sets = [d.targets] if d.symmetric or len(d.targets) < 2 else [[t] for t in d.targets]
    each = d.each_actor
    out = []
    for actor, targets in [(a, ts) for a in (d.actors if each else d.actors[:1] or [None]) for ts in target_sets]:
        if actor is not None:
            # no one acts on itself: "Acme bought its phones from X" names the buyer's own things, no target
            targets = [t for t in targets if t.entity_id != actor.entity_id]
        target = targets[0] if targets else None
        parties: list[str] = []
        for e in [*([actor] if each else d.actors), *targets, *d.others]:
            if e.name not in parties and (len(target_sets) == 1 or e not in d.targets or e in targets):
                parties.append(e.name)
        if d.place_suffices and d.location is not None:
            pass  # "protests in Iran", "X visited a base in Qatar": the place says where, enough for a reader
        elif d.group_target and actor is not None:
            pass  # "imposed sanctions on six people and 11 companies": a counted group is a party, unnamed
        elif d.thing_target and actor is not None and actor.type in _DECIDING_TYPES:
            pass  # "FEMA approved a fire management assistance grant": a body's decision on a thing
        elif not parties or (d.two_parties and parties == [actor.name if actor else None]):
            continue  # "bought properties": an acquisition of nothing named is not kept
        out.append({
            "type": d.type, "trigger": d.trigger.text,
            "actor": actor.name if actor else None, "actor_id": actor.entity_id if actor else None,
            "target": target.name if target else None, "target_id": target.entity_id if target else None,
            "participants": parties,
            "amount": float(money["value"]) if money else None, "currency": money.get("currency") if money else None,
            "date": when.get("resolved") if when else None, "location": d.location,
            "start": sent.start_char, "end": sent.end_char,
        })
    return out


def _compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a[k] is None or b[k] is None or a[k] == b[k] for k in ("amount", "date", "location"))


def merge_repeats(rows: Rows) -> Rows:
    """One row per event: a later sentence that restates an event (same type, actor and target, no
    conflicting amount, date or place; or the same type and target with no actor named: "X was banned
    by Y ... when she was suspended") adds its participants and details to the first mention, and its
    actor where the first named none ("It raised $85 million in a round led by X")."""
    out: Rows = []
    for row in rows:
        key = (row["type"], row["actor_id"] or row["actor"], row["target_id"] or row["target"])
        same = next((o for o in out if (o["type"], o["actor_id"] or o["actor"], o["target_id"] or o["target"]) == key
                     and _compatible(o, row)), None)
        if same is None and key[1] is None and key[2] is not None:
            same = next((o for o in out if (o["type"], o["target_id"] or o["target"]) == (key[0], key[2])
                         and _compatible(o, row)), None)
        if same is None and key[1] is not None and key[2] is not None:
            # "It raised $85 million in a round led by X": the round names who acted in the raise
            same = next((o for o in out if (o["type"], o["target_id"] or o["target"]) == (key[0], key[2])
                         and o["actor"] is None and _compatible(o, row)), None)
            if same is not None:
                same["actor"], same["actor_id"] = row["actor"], row["actor_id"]
                same["participants"] = [row["actor"], *(p for p in same["participants"] if p != row["actor"])]
        if same is None:
            out.append(dict(row, participants=list(row["participants"])))
            continue
        same["participants"] += [p for p in row["participants"] if p not in same["participants"]]
        for k in ("amount", "currency", "date", "location"):
            same[k] = same[k] if same[k] is not None else row[k]
    return _doers_carried(out)


def _doers_carried(rows: Rows) -> Rows:
    """A later event of a type the article has already reported, told without its doer ("DOTI fined two
    operators ... Skootr was fined $48,000"), is done by the one doer the article named for that type
    before it; where it named several, or none, the row stays without one."""
    out: Rows = []
    for row in rows:
        doers = {(o["actor_id"] or o["actor"]): o for o in out if o["type"] == row["type"] and o["actor"]}
        if row["actor"] is None and row["target"] is not None and len(doers) == 1:
            first = next(iter(doers.values()))
            if (first["actor_id"] or first["actor"]) != (row["target_id"] or row["target"]):
                row = dict(row, actor=first["actor"], actor_id=first["actor_id"],
                           participants=[first["actor"], *(p for p in row["participants"] if p != first["actor"])])
        out.append(row)
    return out


def _drafts(tok: Token, rule: Trigger, ent: EntityIndex, tax: Taxonomy) -> list[Draft]:
    if rule.pos == "noun":
        if tok.dep_ == "oprd" and is_naming_verb(tok.head):
            return []  # "called the ruling 'an invitation to every future Legislature'": a name for it, no event
        return [_noun_draft(rule, tok, ent, tax)]
    if tok.lemma_ in tax.motion_verbs and any(
            match_trigger(c, tax, ent) for c in tok.children if c.dep_ in ("advcl", "xcomp")):
        return []  # "traveled to X to meet Y" is the meeting, held at X
    if not rule.beside_noun and tax.lends_subject(tok) and any(
            match_trigger(o, tax, ent) for o in cl.patients(tok) if o.pos_ == "NOUN"):
        return []  # "launched an investigation": the noun is the event, the verb only supports it
    base = _verb_draft(rule, tok, ent, tax)
    return [base, *_comparison_drafts(base, ent)]


def _typed(d: Draft, rule: Trigger) -> Draft:
    """Only targets of the types the event type allows ("a new rear suspension" of a car is no suspension);
    an announcement of a product is its launch ("Nissan unveiled the all-new Sentra")."""
    if rule.target_types and not d.ordered:
        d.targets = [t for t in d.targets if t.type in rule.target_types]
    if rule.actor_types:  # "Jo Park said in a statement": a person's statement is a quote, no announcement
        d.actors = [a for a in d.actors if a.type in rule.actor_types]
    if rule.employer_acts and not d.actors and d.targets and d.targets[0].type == "ORG":
        d.actors, d.targets = d.targets[:1], d.targets[1:]  # "300 Acme workers were laid off": Acme lays off
    if rule.product_target and d.targets and d.targets[0].type == "PRODUCT":
        d.type = rule.product_target
    return d


def extract_events(doc: Doc, *, entities: EntityIndex, quantities: Rows, dates: Rows, published: date | None,
                   roles: Rows | None = None, taxonomy: Taxonomy | None = None) -> Rows:
    """Rows of the events table (`dates` come resolved, so `published` is not needed here)."""
    tax = taxonomy or load_taxonomy()
    rows: Rows = []
    at = doc_tokens(doc)
    for i in tax.positions(doc):
        tok = at[i]
        rule = match_trigger(tok, tax, entities)
        if rule is None:
            continue
        for d in map(lambda d: _typed(d, rule), _drafts(tok, rule, entities, tax)):
            _use_roles(d, roles or [], entities)
            _use_maker(d, entities)
            rows += _rows(d, doc, quantities, dates)
            if (approved := _carried(d, tax, entities)) is not None:
                rows += _rows(approved, doc, quantities, dates)
    return merge_repeats(rows)


def _carried(d: Draft, tax: Taxonomy, ent: EntityIndex) -> Draft | None:
    """A body's vote to do something ("the council voted 6-3 to rezone the land") carried: the body
    approved it, an event of its own (not where the infinitive refuses or stops: "voted to reject")."""
    if tax.carried is None or d.type != tax.carried[0] or not d.actors or d.actors[0].type not in {"ORG", "GPE"}:
        return None
    done = next((c for c in d.trigger.children if c.dep_ in {"xcomp", "advcl"} and c.pos_ == "VERB"
                 and cl.is_infinitive(c)), None)
    if done is None or done.lemma_.lower() in tax.refusing_verbs:
        return None
    if getattr(match_trigger(done, tax, ent), "type", None) == tax.carried[1] and _entities(cl.patients(done), ent):
        return None  # "voted to approve X's request": the infinitive is an approval of its own, with its party
    return replace(d, type=tax.carried[1], targets=[], others=[], symmetric=False, two_parties=False)

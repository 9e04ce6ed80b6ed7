"""Clause structure from spaCy's dependency parse: who does what to whom, for the events extractor.

Pure functions over tokens of one parsed Doc; nothing here knows about event types.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from factwire.nlp import FINITE_VERB_TAGS
from factwire.resolve.lexicon import pronouns, reflexive_pronouns
from factwire.resolve.reference import real_subject
from factwire.resolve.speech_words import REPORTING_LEMMAS, verbs
from factwire.wordlists import wordlist

RELATIVE_PRONOUNS = wordlist("extract.clauses", "relative_pronouns")
# Adjunct clauses ("after reaching a deal") take the subject of the clause they modify.
ADJUNCT_PREPS = wordlist("extract.clauses", "adjunct_preps")
# Children that start a clause of their own: their words are not this clause's arguments.
CLAUSE_DEPS = wordlist("extract.clauses", "clause_deps")
# An authority's decisions: a participle after one acts for its issuer ("issued an order suspending X").
DECISION_NOUNS = wordlist("extract.clauses", "decision_nouns")
# Words that open an embedded question ("into whether X misled", "into how X handled")
QUESTION_WORDS = wordlist("extract.clauses", "question_words")


def with_conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("A, B and C" -> A, B, C)."""
    out = [token]
    # ("two of the lawyers, A and B": the names the parser joined to a part of a group are its members)
    partitive = token.pos_ == "NUM" and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    for t in token.conjuncts:
        if t.pos_ == token.pos_ or {t.pos_, token.pos_} <= {"NOUN", "PROPN", "PRON"} \
                or partitive and t.pos_ == "PROPN":
            out.append(t)
    if token.pos_ == "PROPN":
        # "Ruben Castillo, 46, a shift supervisor, and Kendrick Moss, 29, ...": the parser joins the next name
        # to the first one's appositive; names listed each with their own are coordinated
        out += [t for a in token.children if a.dep_ == "appos" and a.pos_ == "NOUN" and a.i > token.i
                for t in a.conjuncts if t.pos_ == "PROPN" and t.i > a.i]
    return sorted(set(out), key=lambda t: t.i)


def is_passive(verb: Token) -> bool:
    """Whether the verb is in the passive voice (has a passive subject or auxiliary), is a past
    participle on a noun ("the budget approved by X", "protesters killed in Iran"), or a past
    participle joined to a passive verb, whose auxiliary it shares ("was arrested and charged"; the
    tagger may call the participle a past tense, "was evicted and sentenced to 50 weeks", when it has
    no object of its own), or any participle with a "by" agent."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or _reduced_passive(verb):
        return True
    if verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
        return True  # "Founded in 2011 by Jo Park, Tucano grew": a participle with its doer after "by"
    participle = verb.tag_ == "VBN" or verb.tag_ == "VBD" and not any(c.dep_ == "dobj" for c in verb.children)
    return verb.dep_ == "conj" and participle and verb.head.i < verb.i \
        and not any(c.dep_ in ("nsubj", "aux") for c in verb.children) \
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children)


def _reduced_passive(verb: Token) -> bool:
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") and \
        not any(c.dep_ == "nsubj" for c in verb.children)  # "the hotelier Trump tapped": a relative clause


def children(token: Token, *deps: str) -> list[Token]:
    """Children of the token with one of these dependency labels."""
    return [c for c in token.children if c.dep_ in deps]


# he, him, his, she, her, hers: the lexicon's pronouns of people, reflexives aside
_PERSONAL_PRONOUNS = frozenset(w for w, (kind, _) in pronouns().items() if kind == "person") - reflexive_pronouns()


def is_person(tok: Token) -> bool:
    """Whether the token names or stands for a person (the model's NER, or him/her), or is a noun a
    person's name is set beside ("killed the pilot, Gary Moerdyk"), or a name set before an age ("killed
    Ruben Castillo, 46, a shift supervisor": news gives people's ages so)."""
    return tok.ent_type_ == "PERSON" or tok.lower_ in _PERSONAL_PRONOUNS \
        or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children) \
        or tok.pos_ == "PROPN" and any(c.dep_ == "appos" and c.text.isdigit() and 0 < int(c.text) < 120
                                       for c in tok.children)


def is_organization(tok: Token) -> bool:
    """Whether the token names an organization (the model's NER), or is a noun an organization's name is set
    beside ("hired a new provider, Buckeye Health Partners")."""
    return tok.ent_type_ == "ORG" or any(c.dep_ == "appos" and c.ent_type_ == "ORG" for c in tok.children)


def is_time(tok: Token) -> bool:
    """A date or a time of day as the model tagged it ("on Tuesday"): when something happened, never who."""
    return tok.ent_type_ in ("DATE", "TIME")


def agent_object(verb: Token) -> Token | None:
    """Who the "by" phrase of a passive verb names ("surveyed by Refinitiv"): the object of its preposition."""
    agent = next(iter(children(verb, "agent")), None)
    return next(iter(children(agent, "pobj")), None) if agent is not None else None


def prep_objects(token: Token, *preps: str) -> list[Token]:
    """Objects of the token's prepositions with these lemmas ("met with X" -> X), conjuncts included."""
    out: list[Token] = []
    for p in token.children:
        if p.dep_ in ("prep", "agent", "dative") and p.lower_ in preps:
            for o in children(p, "pobj"):
                out += with_conjuncts(o)
    return out


def prep_question_subjects(token: Token, *preps: str) -> list[Token]:
    """Subjects of an embedded question that is the object of the token's prepositions: "an investigation
    into whether Halcyon misled customers" -> Halcyon, "a probe into how the agency handled it" -> agency
    (what is looked into is what the question is about)."""
    out: list[Token] = []
    for p in token.children:
        if p.dep_ == "prep" and p.lower_ in preps:
            for clause in children(p, "pcomp"):
                if any(c.dep_ in ("mark", "advmod") and c.lower_ in QUESTION_WORDS for c in clause.children):
                    out += [t for c in children(clause, "nsubj", "nsubjpass") for t in with_conjuncts(c)]
    return out


def resolve_relative(subject: Token, verb: Token) -> Token:
    """'who', 'which' or 'that' in a relative clause stands for the noun the clause modifies (the
    parser may label the clause "acl": "its Blue Moon lander that the company unveiled"). English says
    "who" of people, never of places: "a worker from Baytown who testified", the clause hung on the
    place, is about the worker."""
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ in ("relcl", "acl"):
        head = verb.head
        if subject.lower_ in ("who", "whom") and head.ent_type_ in ("GPE", "LOC", "FAC") and head.dep_ == "pobj" \
                and head.head.head.pos_ in ("NOUN", "PROPN"):
            return head.head.head
        named = _name_before_comma(subject)
        if named is not None and named.i > head.i and named in head.subtree:
            return named  # "Shares of Brightwell, which sells 130 medicines": Brightwell sells, not the shares
        return head
    return subject


def _name_before_comma(pronoun: Token) -> Token | None:
    """The proper name a clause set off by a comma follows ("Brightwell" in "Shares of Brightwell, which
    sells ..."): a relative clause after a comma describes the name just before it, unless that is a place
    that only says where the thing it describes is."""
    doc, k = pronoun.doc, pronoun.i
    if k >= 2 and doc[k - 1].text == "," and doc[k - 2].pos_ == "PROPN" \
            and doc[k - 2].ent_type_ not in ("GPE", "LOC", "FAC"):
        return doc[k - 2]  # (not a place: "the plant in Monterrey, which will employ 900 people" is the plant)
    return None


_TITLE_PHRASE_POS = {"NOUN", "PROPN", "ADJ", "DET", "PART", "CCONJ", "PUNCT"}  # "the company's chief executive,"


def stranded_subject(verb: Token) -> Token | None:
    """The subject of a coordinated clause that the parser hung on the noun before it: in "Montour
    scored for the Sabres and Linus Ullmark stopped 22 shots" the name between "and" and the second
    verb is that verb's subject, though parsed as a conjunct of "Sabres". And a name right before a
    finite main verb with no subject, after the comma that ends an opening phrase ("In a dissent
    joined by Justice A, Chief Justice B called ...", B parsed as in apposition to A), is its subject."""
    if verb.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    doc = verb.doc
    before = doc[verb.i - 1]
    if verb.dep_ == "ROOT" and verb.tag_ == "VB":  # "..., the Front, known as the FRN, will free": the
        # name before the modal, past the commas and the name's own appositive phrase
        modals = [c.i for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD" and c.i < verb.i]
        k = min(modals, default=verb.i) - 1
        k -= 1 if k > 0 and doc[k].text == "," else 0
        if modals and k > 0:
            return next((a for a in [doc[k], *doc[k].ancestors] if a.pos_ == "PROPN"
                         and a.ent_type_ in ("PERSON", "ORG") and a.dep_ == "appos" and a.right_edge.i == k
                         and a.left_edge.i > 0 and doc[a.left_edge.i - 1].text == ","), None)
        return None
    if verb.dep_ == "ROOT" and verb.tag_ in FINITE_VERB_TAGS and before.pos_ == "PROPN" \
            and before.ent_type_ in ("PERSON", "ORG"):
        start = before.i
        while start > 0 and doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i <= before.i:
            start -= 1  # "Chief Justice Harold | Benning": the name's compounds, a title's included
        if start > 0 and doc[start - 1].text == ",":
            return before
        k = start - 1  # '"...," chairman, CEO and president Craig Menear said': the titles and the name
        while k > 0 and start - k < 10 and doc[k].pos_ in _TITLE_PHRASE_POS and not doc[k].is_quote \
                and doc[k].text not in {".", ";", ":"}:  # between a quote's closing mark and the verb
            k -= 1
        return before if k > 0 and doc[k].is_quote and doc[k - 1].text == "," else None
    if verb.dep_ != "conj":
        return None
    if before.pos_ not in ("PROPN", "NOUN") or before.dep_ in ("nsubj", "nsubjpass"):
        return None
    start = before.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == before.i:
        start -= 1
    if start == 0 or doc[start - 1].lower_ not in ("and", "but") or start == 1:
        return None
    return before


def _explicit_subject(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        stranded = stranded_subject(verb)
        return [stranded] if stranded is not None else []
    # Two subjects are a misparse (a dateline before the sentence): the one nearest the verb is real.
    nearest = min(subjects, key=lambda c: abs(verb.i - c.i))
    real = real_subject(nearest)
    if real is not nearest:
        return with_conjuncts(real) if real is not None else []
    return with_conjuncts(resolve_relative(nearest, verb))


def grammatical_subject(verb: Token, depth: int = 0) -> list[Token]:
    """The verb's subject, explicit or inherited through control and coordination."""
    found = _explicit_subject(verb)
    if found or depth > 6:
        return found
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp":
        # Object control: "asked regulators to limit" -> the regulators limit.
        obj = children(head, "dobj")
        if obj:
            return with_conjuncts(obj[0])
        return grammatical_subject(head, depth + 1)
    if verb.dep_ in ("advcl", "conj") and head.pos_ in ("VERB", "AUX"):
        return grammatical_subject(head, depth + 1)
    if verb.dep_ == "relcl" and not is_infinitive(verb):
        return [head]
    if _reduced_passive(verb):  # "the budget approved by X": the budget
        return with_conjuncts(head)
    if verb.dep_ == "dobj" and verb.tag_ == "VBG" and head.pos_ in ("VERB", "AUX"):
        # a gerund object is done by the subject of its verb: "he had one meeting with him" (meeting as a verb)
        return grammatical_subject(head, depth + 1)
    if verb.dep_ == "pcomp" and head.lower_ in ADJUNCT_PREPS:
        # "(X rolled back its policy ...) after reaching a settlement": the nearest clause with a subject.
        for anc in head.ancestors:
            if anc.pos_ in ("VERB", "AUX") and _explicit_subject(anc):
                return _explicit_subject(anc)
        return []
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in DECISION_NOUNS \
            and head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
        # "the FAA issued an order suspending X": the order's issuer suspends X
        return grammatical_subject(head.head, depth + 1)
    if verb.dep_ in ("acl", "relcl") and is_infinitive(verb):
        # "the Fed's decision to cut" -> the Fed; "X made a decision to cut" -> X.
        poss = children(head, "poss")
        if poss:
            return poss
        if head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
            return grammatical_subject(head.head, depth + 1)
    return []


def is_infinitive(verb: Token) -> bool:
    """Whether the verb heads a "to"-clause."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def infinitive_modifiers(noun: Token) -> list[Token]:
    """Verbs in "to"-clauses on a noun: "a deal to buy X", "a decision to cut rates"."""
    return [c for c in noun.children if c.dep_ in ("acl", "relcl") and is_infinitive(c)]


def agents(verb: Token) -> list[Token]:
    """Who does the action: the active subject, or the by-phrase of a passive."""
    if is_passive(verb):
        return prep_objects(verb, "by")
    return grammatical_subject(verb)


def patients(verb: Token) -> list[Token]:
    """Who undergoes or receives it: objects, the indirect object, or the subject of a passive."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP":
            out += with_conjuncts(resolve_relative(c, verb))  # "the firm which X bought": the firm
        elif c.dep_ == "dative":  # "gave it to X" parsed as dative "to"
            for o in children(c, "pobj"):
                out += with_conjuncts(o)
    for adj in _small_clauses(verb):  # "found X guilty": X
        out += [t for s in children(adj, "nsubj") for t in with_conjuncts(s)]
    if not out:
        # "named Jeff Williams chief operating officer" parsed with the name inside the post
        out = [n for c in children(verb, "oprd") for n in c.children
               if n.dep_ in ("nmod", "compound") and n.ent_type_ == "PERSON" and n.pos_ == "PROPN"]
    if is_passive(verb):
        out = grammatical_subject(verb) + out
    elif not out and verb.dep_ in ("relcl", "acl") and any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS
                                                  for c in verb.children) \
            and not any(c.tag_ == "WRB" for c in verb.children):
        # "the panel she appointed": the noun the clause modifies is the object its own subject acts on
        # (not "the county, where four people died": where it happened)
        out = [verb.head]
    return out


def particle(verb: Token) -> str | None:
    """The verb's particle ("off" in "lay off"), if any."""
    for c in verb.children:
        # the parser sometimes calls a particle an adverb ("stepped down"): take it when it follows the verb
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.pos_ in ("ADV", "ADP")):
            return c.lower_
    return None


def complement(verb: Token) -> list[Token]:
    """The post or predicate a verb assigns: "named X chairman", "resigned as CEO"."""
    out = children(verb, "oprd", "attr", "acomp")
    out += prep_objects(verb, "as")
    out += _small_clauses(verb)
    # "found Tom Reyes guilty" parsed with the adjective on the object: English puts a modifying
    # adjective before its noun, so one after the object is what the verb says of it
    out += [a for o in children(verb, "dobj") for a in o.children if a.dep_ == "amod" and a.i > o.i
            and a.pos_ == "ADJ"]
    return out


def _small_clauses(verb: Token) -> list[Token]:
    """An adjective with its own subject after the verb: "found X guilty", "declared X dead"."""
    return [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ == "ADJ"
            and children(c, "nsubj")]


def clause_tokens(head: Token) -> Iterator[Token]:
    """Tokens of the head's own clause: its subtree without nested clauses."""
    yield head
    for c in head.children:
        if c.dep_ in CLAUSE_DEPS or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
            continue
        yield from clause_tokens(c)


def nearest_verb(tok: Token) -> Token | None:
    """The nearest verb above a token (the token itself if it is one), within ten steps; unlike
    `governing_verb`, whatever the token's relation to it."""
    t = tok
    for _ in range(10):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun is an argument of: directly, or through a preposition or an "of" phrase."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr", "nsubjpass", "nsubj", "oprd") and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        grand = head.head
        if grand.pos_ in ("VERB", "AUX"):
            return grand
        if head.lower_ == "of" and grand.pos_ == "NOUN" and grand.dep_ in ("dobj", "attr"):
            # "initiated four rounds of outages" -> initiated
            return governing_verb(grand)
    return None


def subtree_range(tokens: Iterable[Token]) -> set[int]:
    """Token indices of the subtrees of these tokens."""
    return {t.i for tok in tokens for t in tok.subtree}


def negated(trigger: Token) -> bool:
    """Whether the clause denies the event: "did not meet", "would not rush to cut", "no agreement"."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return True
    tok = trigger
    for _ in range(4):
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if tok.dep_ != "xcomp" or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


DENIALS = verbs("denial")


def denied(trigger: Token) -> bool:
    """Whether the clause is one a denial reports ("Acme denied that it had agreed to buy X": no
    agreement, no purchase), through the clauses it is the complement of."""
    tok = trigger
    for _ in range(4):
        if (tok.dep_ in ("ccomp", "xcomp") or tok.dep_ == "dobj" and tok.tag_ == "VBG") \
                and tok.head.lemma_.lower() in DENIALS:
            return True  # ("denied meeting X": a gerund object too)
        if tok.dep_ not in ("xcomp", "ccomp", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def wished(trigger: Token, heads: frozenset[str]) -> bool:
    """Whether the trigger's clause is only wanted or asked for: a "to"-clause under a verb or noun of
    wanting ("sought to buy X", "a request to investigate X", "wanted the freedom to purchase X"), or a
    gerund under one ("would consider asking the court"), not a report that it happened."""
    tok = trigger
    for _ in range(3):
        gerund = tok.tag_ == "VBG" and tok.dep_ == "xcomp"
        if not (is_infinitive(tok) or gerund) or tok.dep_ not in ("xcomp", "acl", "advcl", "ccomp") or tok.head == tok:
            return False
        head = tok.head
        if head.lemma_.lower() in heads:
            return True
        if head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.lemma_.lower() in heads:
            return True  # "wanted more freedom to purchase": what is wanted is the chance, not the act
        tok = head
    return False


# Modal auxiliaries that make a clause a possibility, not a report: "could face charges", "might sue".
HYPOTHETICAL_MODALS = wordlist("extract.clauses", "hypothetical_modals")
CONDITIONAL_MARKS = wordlist("extract.clauses", "conditional_marks")


def _reported_future(clause: Token) -> bool:
    """Whether a clause is what a past reporting verb says will happen: "said it would cut 1,200 jobs"
    reports the plan ("will cut"), shifted back to the time of saying, and supposes nothing."""
    verb = clause
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
    head = verb.head
    return verb.dep_ == "ccomp" and head.tag_ == "VBD" and head.lemma_.lower() in REPORTING_LEMMAS


def hypothetical(trigger: Token) -> bool:
    """Whether the clause only supposes the event: a modal ("could face charges", "would buy"; not the
    "would" of reported speech, "said it would cut jobs"), or a condition ("if convicted", "unless it
    settles"), on the trigger or the verbs it depends on."""
    tok = trigger
    for _ in range(4):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in HYPOTHETICAL_MODALS
               and not (c.lower_ == "would" and _reported_future(tok)) for c in tok.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
            return True
        if tok.dep_ not in ("xcomp", "conj") or tok.head == tok:
            return False
        if tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return False  # a second clause with a subject of its own has its own mood: "X would not
            # say, and Gannett laid off hundreds" (a shared subject shares it: "would buy X and sell Y")
        tok = tok.head
    return False

"""Definite descriptions ("the company", "the Amazon founder") resolved to the one entity they fit."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from itertools import islice
from typing import Any

from spacy.tokens import Doc, Token

from factwire.nlp import char_span_start, doc_text, doc_tokens
from factwire.resolve.datelines import DASHES, dateline_country, dateline_end, wire_credits
from factwire.resolve.draft import is_based_word, is_org_kind_noun, is_possessive
from factwire.resolve.gazetteer import (
    city_population,
    country_code,
    country_of_capital,
    is_country,
    is_known_place,
    is_region,
    is_us_state,
    region_kind,
)
from factwire.resolve.grouping import core_words
from factwire.resolve.index import Entity, EntityIndex, Mention
from factwire.resolve.lexicon import (
    GENERIC_ORG_NOUNS,
    GOV_DESCRIPTIONS,
    GPE_DESCRIPTIONS,
    INSTITUTION_HEADS,
    MEDIA_DESCRIPTIONS,
    MEMBER_NOUNS,
    NATIONAL_INSTITUTIONS,
    ORG_DESCRIPTIONS,
    ORG_HEADS,
    ORG_SUFFIXES,
    PERSON_DESCRIPTIONS,
    SETTLEMENTS,
    SUBORDINATE_TITLE_WORDS,
    celestial_bodies,
    gendered_words,
    kind_nouns,
    not_occupations,
    product_nouns,
    titles,
)
from factwire.resolve.names import head_noun, is_agent_noun, strip_possessive, two_word_head
from factwire.resolve.reference import based_epithet_start, entity_at, real_subject
from factwire.resolve.spans import is_nationality_epithet, named_before_kind
from factwire.resolve.speech_words import REPORTING_LEMMAS, REPRESENTATIVES, is_told
from factwire.resolve.titles import title_after
from factwire.wordlists import wordlist

_ORG_TYPES = {"ORG", "FAC"}
# Institutions whose names say what they are ("Federal Trade Commission", "Supreme Court", "Labour
# Party"), unlike agencies known by an acronym ("NASA" is "the agency")
_NAMED_KINDS = wordlist("resolve.descriptions", "named_kinds")
_BUSINESS_KINDS = wordlist("resolve.descriptions", "business_kinds")
_TRADE_EPITHETS = wordlist("resolve.descriptions", "trade_epithets")
_OVERSIGHT_NOUNS = wordlist("resolve.descriptions", "oversight_nouns")  # "the regulator": never a company
# What a description says where or whose it is by.
PLACE_OR_PEOPLE = wordlist("resolve.descriptions", "place_or_people")
_WORKPLACE_NOUNS = wordlist("resolve.descriptions", "workplace_nouns")
BUSINESS_NOUNS = wordlist("resolve.descriptions", "business_nouns")


# Head nouns of bodies that are no company: public institutions and unions ("the union" heads, kind_nouns.tsv)
_NO_COMPANY_HEADS = INSTITUTION_HEADS | frozenset(kind_nouns()["union"])
# The heads of two words kind_nouns.tsv lists ("players-association" under "union"): a name so headed is of that kind
_KINDS_OF_TWO_WORD_HEADS = frozenset(h for heads in kind_nouns().values() for h in heads if "-" in h)


def _no_company(entity: Entity) -> bool:
    """A place or facility ("Eastern Avenue"), a public body or a union ("Teamsters Local 727"), which
    "the company" never refers to."""
    return entity.type != "ORG" or _is_institution(entity) or head_noun(entity.name) in _NO_COMPANY_HEADS


def _is_institution(entity: Entity) -> bool:
    """A public body by its name's head noun ("Supreme Court", "Labor Department", "Afghan government",
    "Idaho Department of Commerce"), or a country's central bank ("Central Bank of Nigeria", "Reserve Bank
    of India", "Bank of Canada": a bank named so or of a country is no company)."""
    return any(head in INSTITUTION_HEADS or head in NATIONAL_INSTITUTIONS
               for head in {entity.name.split()[-1].lower(), head_noun(entity.name)}) or is_central_bank(entity.name)


def is_central_bank(name: str) -> bool:
    """A country's central bank by its name ("Central Bank of Nigeria", "Reserve Bank of India", "Bank of Ghana");
    a bank with a name of its own before "Bank of" a country ("Royal Bank of Canada") is a company."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return head_noun(name) == "bank" and (any(w.lower() in {"central", "reserve"} for w in words)
                                          or words[:2] == ["Bank", "of"] and is_country(" ".join(words[2:])))


def _clearly_most(entities: list[Entity], count: Callable[[Entity], int], ratio: float,
                  least: int = 0) -> Entity | None:
    """The one entity counted `ratio` times as often as any other (and `least` times at least), if
    there is one; the only one, where there is only one."""
    ranked = sorted(entities, key=lambda e: -count(e))
    if len(ranked) == 1 or (ranked and count(ranked[0]) >= max(least, ratio * count(ranked[1]))):
        return ranked[0]
    return None


def _dominant(entities: list[Entity], credits: frozenset[int] = frozenset()) -> Entity | None:
    """The entity mentioned clearly most often (1.5 times the next) by name or pronoun, if there is one
    (mentions starting at a `credits` offset, a dateline's wire credit, do not count)."""
    return _clearly_most(entities, lambda e: sum(m.kind != "description" and m.start not in credits
                                                 for m in e.mentions), 1.5)


def salient_org(index: EntityIndex, doc: Doc, *, business: bool = False) -> Entity | None:
    """The organization the article is about, when one clearly dominates ("the company"); a facility
    ("Elm Street", "Heinz Field") is no candidate, and an agency's wire credit ("COLUMBUS, Ohio (AP) —")
    says who filed the story, not what it is about. With `business`, the business it is about: no
    public body or union ("the company" of a story about a Navy contract is the shipyard that won it)."""
    credits = wire_credits(doc)
    return _dominant([e for e in index.entities if e.type == "ORG" and not (business and _no_company(e))
                      and any(m.start not in credits for m in e.mentions)], credits)


def described_org(doc: Doc, index: EntityIndex, i: int, noun: str, salient: Entity | None,
                  definite: bool = True) -> Entity | None:
    """The organization a description by `noun` before token i stands for ("the company's chief
    executive", "company CEO", "a company spokeswoman"): the one named last before it, else the one the
    article is about (`salient`); for a business noun, a business, never a public body; for the head noun
    of a public body written as one body's (`definite`: "Commission Chairwoman", "the council's"; not "high
    school math teacher"), the one body of the article whose name it heads."""
    if definite and noun in INSTITUTION_HEADS:  # "Commission Chairwoman Diane Kolb": the one "... Commission"
        headed = [e for e in index.entities if e.type in _ORG_TYPES and len(e.name.split()) > 1
                  and head_noun(e.name) == noun]
        if len(headed) == 1:
            return headed[0]
    if noun not in GENERIC_ORG_NOUNS and (kind := body_of_kind(index, noun, doc[i].idx)) is not None:
        return kind  # "Bank president Carol Dunaway": the one bank named, not the fintech named last
    found = nearest_org(doc, index, i, noun)
    return found or (article_business(index, doc, salient) if noun in BUSINESS_NOUNS else salient)


def article_business(index: EntityIndex, doc: Doc, salient: Entity | None) -> Entity | None:
    """The business the article is about, given the organization it is about (`salient`): that one,
    unless it is a public body or a union; then the business it names most. Where no organization
    dominates the article, the business that dominates its businesses (a strike story names the union as
    often as the employer), unless the lede's subject is another business (that one is named first)."""
    if salient is not None:
        return salient if not _no_company(salient) else salient_org(index, doc, business=True)
    business = salient_org(index, doc, business=True)
    return business if business is not None and lede_business(doc, index) in (None, business) else None


def _opening_sentences(doc: Doc, n: int) -> list:
    """The article's first `n` sentences, a dateline the parser made a sentence of its own left out
    ("OSLO, March 21 (Reuters) -")."""
    sents = list(islice(doc.sents, n + 1))
    if sents and sents[0][-1].text in DASHES | {"-"}:
        sents = sents[1:]
    return sents[:n]


def lede_business(doc: Doc, index: EntityIndex) -> Entity | None:
    """The business named as the subject of the article's first sentence: news names the main actor of
    its story first ("Brightwell Generics Inc said on Wednesday it was recalling ..."), so where no
    business is named clearly most and none is named near, "the company" is that one."""
    sents = _opening_sentences(doc, 1)
    if not sents:
        return None
    credits = wire_credits(doc)
    for tok in sents[0]:
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.pos_ in {"VERB", "AUX"}:
            entity = entity_at(tok, index)
            if entity is not None and entity.type == "ORG" and not _is_institution(entity) \
                    and not any(m.start in credits for m in entity.mentions):
                return entity
    return None


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _name_echo(doc: Doc, index: EntityIndex, i: int, j: int) -> Entity | None:
    """The one organization whose name shares a content word (singular or plural) with the
    description tokens i..j ("the production company" / "Dick Clark Productions"); a bare "the utility"
    shares its noun with a name's head only ("Residential Utility Consumer Office" is an office)."""
    words = {_stem(t.text) for t in doc[i + 1:j] if t.pos_ in {"NOUN", "ADJ"} and t.is_alpha}
    words -= GENERIC_ORG_NOUNS  # words any company's name may hold
    bare = j - i == 2  # "the utility" names a utility: the head of a name, not a word that modifies it
    fits = [e for e in index.entities if e.type in _ORG_TYPES
            and words & {_stem(w) for w in (_before_complement(e.name.split())[-1:] if bare
                                             else _before_complement(e.name.split()))}]
    return fits[0] if len(fits) == 1 else None


def _before_complement(words: list[str]) -> list[str]:
    """A name's words before an "of"/"for" complement: what the body is, not what it serves ("the
    utility" is no "Office of the Utility Consumer Advocate")."""
    cut = next((k for k, w in enumerate(words) if k and w.lower() in {"of", "for"}), len(words))
    return words[:cut]


def _sentences_back(doc: Doc, i: int, n: int) -> int:
    """The first token of the sentence `n` sentences before token i's (0: its own sentence)."""
    k = doc[i].sent.start
    for _ in range(n):
        if k > 0:
            k = doc[k - 1].sent.start
    return k


def nearest_org(doc: Doc, index: EntityIndex, i: int, noun: str | None = None) -> Entity | None:
    """The organization named last before token i, in its sentence or the one before (a country's
    government or military is "the government", never "the group" or "the company"); for a business
    noun ("the company's president"), a business, never a facility ("Executive Boulevard") or a public
    body ("the Arizona Corporation Commission")."""
    floor = _sentences_back(doc, i, 1)
    business = noun in BUSINESS_NOUNS
    credits = wire_credits(doc)  # ("OSLO (Reuters) - The central bank ...": the wire credit is no referent)
    for k in range(i - 1, floor - 1, -1):
        e = index.at(doc[k].idx, doc[k].idx + len(doc[k].text)) if doc[k].idx not in credits else None
        if e is not None and (e.type == "ORG" and not _is_institution(e) if business
                              else e.type in _ORG_TYPES and e.name.split()[-1].lower() not in NATIONAL_INSTITUTIONS):
            return e
    return None


def _orgs_near(doc: Doc, index: EntityIndex, i: int) -> list[Entity]:
    """The organizations named before token i in its sentence and the one before (a country's
    government or military aside, and a dateline's wire credit), each once."""
    floor = _sentences_back(doc, i, 1)
    credits = wire_credits(doc)
    return [e for e in _entities_in(doc, index, floor, i, skip=credits) if e.type in _ORG_TYPES
            and e.name.split()[-1].lower() not in NATIONAL_INSTITUTIONS]


def _only_company_near(doc: Doc, index: EntityIndex, i: int, salient: Entity | None = None) -> Entity | None:
    """The one company named just before token i (its sentence and the one before; an institution,
    "Stanford University" or "the Office for Civil Rights", is no "German drugmaker", nor is a union,
    "Teamsters Local 727", a company); where none is, the company the article is about ("The
    Seattle-based carrier" after a quote of its chief), and so where it is one of several ("Halcyon
    Digital, an exchange that advertised during NFL broadcasts, filed ... The Miami-based company")."""
    near = [e for e in _orgs_near(doc, index, i) if not _no_company(e)]
    if len(near) == 1:
        return near[0]
    if salient is not None and not _no_company(salient) \
            and (not near or any(e.entity_id == salient.entity_id for e in near)):
        return salient
    return None


def _sole_company_before(doc: Doc, index: EntityIndex, i: int) -> Entity | None:
    """The one company the text has named before token i, however far back: "the company" refers back to a
    company already named, and where only one has been ("The contract went to Kessler Bridge & Grading Co.
    ... Brian Kessler, the company's president"), to that one (a dateline's wire credit is none)."""
    credits = wire_credits(doc)
    start = doc[i].idx
    named = [e for e in index.entities if e.type == "ORG" and not _no_company(e)
             and any(m.start < start and m.kind in ("name", "alias") and m.start not in credits for m in e.mentions)]
    return named[0] if len(named) == 1 else None


def introduced_company(doc: Doc, index: EntityIndex, i: int) -> Entity | None:
    """The company the text has just introduced, with what it is or does set beside its name, where it
    is the one organization named there (token i's sentence and the one before, a paragraph break between
    them or not): "At Alamo Steelworks Inc., which sells steel to builders, ... Finance chief Denise
    Kowalski said the company has ..." or "a contract with Keystone Relief Staffing, a Denver firm that
    supplies nurses. The company will be paid ..." speak of that company, not of the one the article is
    about; so does the quote paragraph after "Nordwerk Energie AG, a Duesseldorf-based utility, said ...":
    "'...,' Jonas Thiele, the company's chief financial officer, said"."""
    floor = _sentences_back(doc, i, 1)
    credits = wire_credits(doc)
    named = {e.entity_id for e in _entities_in(doc, index, floor, i, skip=credits) if e.type in _ORG_TYPES}
    if len(named) != 1:
        return None
    for k in range(floor, i):
        e = index.at(doc[k].idx, doc[k].idx + len(doc[k].text))
        if e is not None and e.entity_id in named and not _no_company(e) \
                and any(c.dep_ in {"appos", "relcl"} and c.i > k for c in doc[k].children):
            return e
    return None


def subject_org(doc: Doc, index: EntityIndex, i: int) -> Entity | None:
    """The organization a bare "the company" continues where none dominates the article: as with a
    pronoun, the subject of its own sentence before it, else of the sentence before ("Big Machine says
    ... But the company says"), and on back through sentences whose subject is "it" or "the company"
    again: a topic carried from sentence to sentence ("Halvorsen said ... It forecast ... The company
    also said")."""
    sent = doc[i].sent
    lo, hi = sent.start, i
    for step in range(5):
        subjects = [doc[k] for k in range(lo, hi) if doc[k].dep_ in {"nsubj", "nsubjpass"}]
        # the subject or its owner ("Forest's chief executive said ... The club, which ..."), or the body
        # its members are of ("Members of the Landless Workers' Movement occupied ... the group's campaign")
        found = [e for t in subjects for w in (t, *(c for c in t.children if c.dep_ == "poss"), *_body_of_members(t))
                 if (e := index.at(w.idx, w.idx + len(w.text))) is not None and e.type in _ORG_TYPES]
        if found:
            return found[-1]
        carried = any(t.head.dep_ == "ROOT" and (t.lower_ == "it" or t.lower_ in ORG_DESCRIPTIONS and t.pos_ == "NOUN"
                                                 and any(c.lower_ == "the" for c in t.children))
                      for t in subjects)  # (the main clause's: not "our company" in a quote)
        if lo == 0 or step > 0 and not carried:
            return None
        prev = doc[lo - 1].sent
        lo, hi = prev.start, prev.end
    return None


def _body_of_members(noun: Token) -> list[Token]:
    """The body a plural of its people is of: "members of X", "officials from X" (X's head token)."""
    if noun.lemma_.lower() not in MEMBER_NOUNS or noun.tag_ != "NNS":
        return []
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ in {"of", "from"}
            for o in p.children if o.dep_ == "pobj"]


def _reported_subject(index: EntityIndex, tok: Token) -> Entity | None:
    """The organization whose act a description reports as its sayer, after the report: "Emberline is buying
    Copperkite Studios, ..., the ad-supported streamer confirmed" is Emberline's confirmation, the reported
    clause's subject, however near another company is named."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.lemma_.lower() not in REPORTING_LEMMAS:
        return None
    clauses = [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and c.i < tok.i]
    if verb.dep_ in {"advcl", "parataxis"} and verb.head.i < tok.i \
            and not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
        clauses.append(verb.head)  # (the parser may hang the attribution on the reported verb; "while the
        # group claimed it" says something of its own)
    for clause in clauses:
        for subject in (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}):
            entity = index.at(subject.idx, subject.idx + len(subject.text))
            if entity is not None and entity.type == "ORG":
                return entity
    return None


def _speaker_org(doc: Doc, index: EntityIndex, i: int) -> Entity | None:
    """The one organization named in the phrase of the person whose clause holds token i: "Amina Diallo,
    executive director of Sahel Health Mission, said the organization ..." speaks of her own."""
    for anc in doc[i].ancestors:
        if anc.pos_ not in {"VERB", "AUX"}:
            continue
        subject = next((c for c in anc.children if c.dep_ == "nsubj" and c.i != i), None)
        if subject is None:
            continue
        person = index.at(subject.idx, subject.idx + len(subject.text))
        if person is None or person.type != "PERSON":
            return None
        orgs = {e.entity_id: e for t in subject.subtree
                if (e := entity_at(t, index)) is not None and e.type in _ORG_TYPES}
        return next(iter(orgs.values())) if len(orgs) == 1 else None
    return None


def _recent_body(doc: Doc, index: EntityIndex, noun: str, i: int) -> Entity | None:
    """The one public body of that class named in the sentence of token i (before it) or the one before,
    else in the one before that: news calls a body it has just named "the agency" ("... the Federal
    Aviation Administration said in a statement. The agency said it would oversee ..."), whatever else the
    article names; an agency named by its initials ("NASA") is one too."""
    of_class = {e.entity_id for e in _class_bodies(index, noun)}
    for back in (1, 2):  # the sentence before first; the one before that where it names none
        floor = doc[_sentences_back(doc, i, back)].idx
        bodies = [e for e in index.entities if e.type in _ORG_TYPES
                  and (e.entity_id in of_class or noun == "agency" and e.name.isupper() and 2 < len(e.name) < 6)
                  and any(floor <= m.start < doc[i].idx and m.kind in ("name", "alias") for m in e.mentions)]
        if bodies:
            return bodies[0] if len(bodies) == 1 else None
    return None


def _class_bodies(index: EntityIndex, noun: str) -> list[Entity]:
    """The organizations whose names hold a word of the class a bare "the agency", "the department"
    names (GOV_DESCRIPTIONS)."""
    return [e for e in index.entities if e.type in _ORG_TYPES
            and {w.lower() for w in e.name.split()} & GOV_DESCRIPTIONS[noun]]


def _government_body(index: EntityIndex, noun: str) -> tuple[Entity | None, bool]:
    """The one government body a bare "the agency" / "the department" / "the force" can mean: the
    body whose name ends in that noun, else the only (or clearly most mentioned) body of its class;
    True when several bodies fit and none stands out (then the description is left out)."""
    bodies = _class_bodies(index, noun)
    if any(e.type in _ORG_TYPES and e not in bodies and e.name.isupper() and len(e.name) > 2
           for e in index.entities):
        return None, False  # an acronym ("NASA", "FEMA") may name a body too: leave it to other rules
    own = [e for e in bodies if e.name.split()[-1].lower() == noun]
    if len(own) == 1:
        return own[0], False
    if len(bodies) < 2:
        return (bodies[0] if bodies else None), False
    best = _dominant(bodies)
    return best, best is None




def _description_np(doc: Doc, tok: Token, index: EntityIndex) -> tuple[int, int] | None:
    """Token bounds of a definite description headed by `tok`, or None if it is not one."""
    at = doc_tokens(doc)  # at[i] is doc[i] without a new Token object each time
    based = based_epithet_start(tok)  # "the Santa Clara, California-based startup", cut by the parser
    if tok.tag_ not in {"NN", "NNP"} or (tok.dep_ in {"compound", "appos", "nmod"} and based is None):
        return None
    if entity_at(tok, index) is not None:
        return None
    left = tok.left_edge.i if based is None else based
    if at[left].lower_ != "the":
        return None
    nxt = at[tok.i + 1] if tok.i + 1 < len(doc) else None
    told = is_told(tok)  # "told the paper that ...": a clause of what was said, no relative clause that picks
    # one paper out
    if nxt is not None and (nxt.lower_ == "of" or nxt.lower_ == "that" and not told or nxt.pos_ == "PROPN"):
        return None  # "the president of France", "the company that ...", "the company Acme": not a bare description
    # set in apposition next to a name ("X, the company's founder," / "the group's leader, X"):
    # the name is given right there, so this is no description used on its own; the owner in it ("the
    # company" of "the company's founder") is one: the name next to it is the founder's, not the company's
    for k in (left - 2, tok.i + 2) if nxt is None or not is_possessive(nxt) else ():
        if 0 <= k < len(doc) and at[min(k, left - 1) if k < left else tok.i + 1].text == "," \
                and (named := index.at(at[k].idx, at[k].idx + len(at[k].text))) is not None \
                and not (k > tok.i and _owner_in_apposition(doc, named, at[k].idx)):
            return None
    return left, tok.i + 1


def _owner_in_apposition(doc: Doc, named: Entity, start: int) -> bool:
    """Whether the name at character `start`, opening an apposition, owns what the apposition says ("The
    shipbuilder, South Korea's fifth-largest by order book, posted ..."): a possessor, not the description's name."""
    end = next((m.end for m in named.mentions if m.start <= start < m.end), None)
    return end is not None and doc_text(doc)[end:end + 2] in {"'s", "\u2019s"}


def _possession(doc: Doc, i: int, j: int) -> bool:
    """Whether the description at tokens i..j is owned by a possessor inside it ("the county's general
    fund", "the company's business unit"): a part or possession of the owner, no organization named
    before; but a ranking among the owner's own ("the state's largest utility") is an epithet of one."""
    at = doc_tokens(doc)
    return any(is_possessive(at[k]) for k in range(i + 1, j - 1)) \
        and not any(at[k].tag_ == "JJS" for k in range(i + 1, j))


_NATIONAL_FIRST_WORDS = wordlist("resolve.descriptions", "national_first_words")


def _national(entity: Entity) -> bool:
    """A body of the nation, by the first word of its name ("U.S. Department of Agriculture", "Federal
    Aviation Administration", "National Weather Service")."""
    return entity.name.split()[0] in _NATIONAL_FIRST_WORDS


def _named_before(entity: Entity, start: int) -> bool:
    """Whether the entity has a mention before char offset `start`."""
    return any(m.start < start for m in entity.mentions)


def _entities_in(doc: Doc, index: EntityIndex, i: int, j: int, skip: frozenset[int] = frozenset()) -> list[Entity]:
    """The entities named in tokens i..j, each once, in order (a token at a char offset in `skip` aside)."""
    out = []
    at = doc_tokens(doc)  # one Token object per token, not three per doc[k]
    for t in at[i:j]:
        e = entity_at(t, index) if t.idx not in skip else None
        if e is not None and e not in out:
            out.append(e)
    return out


def _paragraph(text: str, pos: int) -> int:
    """The number of the paragraph (blocks separated by line breaks) holding char offset `pos`."""
    return len(re.findall(r"\n+", text[:pos]))


def _latest_holder(text: str, at: int, holders: list[Entity]) -> Entity | None:
    """Of several holders of one title, the one named last before `at`, if named in the same
    paragraph or the one before ("the senator" right after "Ellis proposed ..."); farther on, the
    holder the article mentions clearly most ("the president" in a story about one president)."""
    last = [(max(m.start for m in e.mentions if m.start < at), e) for e in holders]
    start, person = max(last, key=lambda p: p[0])
    return person if _paragraph(text, at) - _paragraph(text, start) <= 1 else _dominant(holders)


def _person_for(noun: str, org: Entity | None, before: list[Entity], roles: list[dict[str, Any]],
                text: str = "", at: int = 0) -> tuple[Entity | None, bool]:
    """The person a description fits; True when the description itself states a new role."""
    by_id = {e.entity_id: e for e in before}
    def heads(title: str) -> set[str]:  # "co-founder" holds "founder"; a "vice president" is no president
        words = title.lower().split()
        if not words or set(words[:-1]) & SUBORDINATE_TITLE_WORDS:
            return set()
        return {words[-1], words[-1].split("-")[-1]}

    fit = {r["person_id"] for r in roles if noun in heads(r["title"]) | heads(r["title_normalized"])
           and (org is None or r["org_id"] == org.entity_id) and r["person_id"] in by_id}
    if len(fit) == 1:
        return by_id[fit.pop()], False
    if fit:
        return _latest_holder(text, at, [by_id[p] for p in sorted(fit)]), False
    if org is not None and noun in titles():  # "the Amazon founder": the one person with no stated role
        with_role = {r["person_id"] for r in roles}
        free = [e for e in before if e.entity_id not in with_role]
        return (free[0], True) if len(free) == 1 else (None, False)
    if noun not in titles():  # "the billionaire": the article's main person
        return _dominant(before), False
    return None, False


def _office_descriptions(doc: Doc, index: EntityIndex, taken: set[int]) -> list[tuple[Entity, Mention]]:
    """'the attorney general' for 'New York State Attorney General': the last words of an office's
    or agency's name, in lower case after 'the' (two words or more, so 'the company' is not one)."""
    out = []
    at = doc_tokens(doc)
    the = [t for t in at if t.lower_ == "the" and t.i + 1 < len(doc)]
    for ent in index.entities:
        words = ent.name.lower().split()
        if ent.type not in _ORG_TYPES or len(words) < 3:
            continue
        for n in (3, 2):
            tail = " ".join(words[-n:])  # compared as written: "the sheriff's office" is three tokens
            for t in the:
                end = _words_end(at, t.i + 1, tail)
                if end is None:
                    continue
                start = at[t.i + 1].idx
                if at[t.i + 1].text[:1].isupper() or t.idx in taken or index.at(start, end) is not None:
                    continue  # written as the name itself, or already a mention
                taken.add(t.idx)
                out.append((ent, Mention(ent.entity_id, doc_text(doc)[t.idx:end], t.idx, end, "description")))
    return out


_PLACE_BODY_NOUNS = {noun: frozenset(heads.split()) for noun, heads in
                     (pair.split(":") for pair in wordlist("resolve.descriptions", "place_body_nouns"))}


def _place_bodies(doc: Doc, index: EntityIndex, taken: set[int]) -> list[tuple[Entity, Mention]]:
    """'Columbus police' for the Columbus Division of Police: a place's name (tagged so, or known to the
    gazetteer) and a lower-case noun for its public body, where one organization of the article is
    named with both."""
    out = []
    at = doc_tokens(doc)
    for tok in at:
        if tok.lower_ not in _PLACE_BODY_NOUNS or not tok.is_lower or entity_at(tok, index):
            continue
        k = tok.i
        while k > 0 and tok.i - k < 3 and at[k - 1].is_title and at[k - 1].is_alpha:
            k -= 1
        if k == tok.i:
            continue
        start = at[k].idx
        place_name = doc_text(doc)[start:at[tok.i - 1].idx + len(at[tok.i - 1].text)]
        place = index.at(start, start + 1)
        if not (place is not None and place.type == "GPE" or is_known_place(place_name)):
            continue
        bodies = [e for e in index.entities if e.type == "ORG" and tok.lower_ in e.name.lower().split()
                  and place_name.lower() in e.name.lower() and head_noun(e.name) in _PLACE_BODY_NOUNS[tok.lower_]]
        if len(bodies) == 1 and start not in taken:
            taken.add(start)
            end = tok.idx + len(tok.text)
            out.append((bodies[0], Mention(bodies[0].entity_id, doc_text(doc)[start:end], start, end, "alias")))
    return out


def _words_end(at: list[Token], i: int, words: str) -> int | None:
    """The character offset where the tokens from i spell `words` (lower case, one space wherever the text
    has any whitespace), ending with a whole token; None where they do not."""
    written, gap = "", False
    for tok in at[i:]:
        if tok.is_space:  # a line break or a second space, a token of its own
            gap = True
            continue
        written += (" " if written and gap else "") + tok.lower_
        if written == words:
            return tok.idx + len(tok.text)
        if not words.startswith(written):
            return None
        gap = bool(tok.whitespace_)
    return None


def stated_classes(doc: Doc, index: EntityIndex) -> dict[str, list[tuple[int, Entity]]]:
    """What the article itself says each entity is, by head noun: "the moon Europa", "Europa, an icy
    moon", "Acme is a brokerage", "running back Jo Park" -> moon: Europa, brokerage: Acme, back: Park.
    Each noun maps to (character offset where it was said, entity), in text order."""
    out: dict[str, list[tuple[int, Entity]]] = {}

    def learn(noun: Token, entity: Entity | None, lower_case: bool = False) -> None:
        lemma = noun.lemma_.lower()
        if entity is not None and (noun.pos_ == "NOUN" or lower_case and noun.is_lower) \
                and lemma not in not_occupations() and noun.is_alpha \
                and (lemma not in GPE_DESCRIPTIONS or entity.type in {"GPE", "LOC"}) \
                and not (entity.type == "PERSON" and lemma in ORG_DESCRIPTIONS):
            # (a place noun before a body's name says whose body it is: "the state Senate" is no state; an
            # organization's noun before a person's title whose post it is: "company President Jo Park")
            out.setdefault(lemma, []).append((noun.idx, entity))

    at = doc_tokens(doc)
    named: set[int] = set()
    for start, end in {(m.start, m.end) for e in index.entities for m in e.mentions if m.kind != "description"}:
        k = char_span_start(doc, start, end)  # the tokens of each name mention, as char_span would give
        while k is not None and k < len(doc) and (at[k].idx < end):
            named.add(k)
            k += 1
    for tok in (at[i] for i in sorted(named)):
        entity = entity_at(tok, index)
        before = at[tok.i - 1] if tok.i else None
        if entity is not None and entity.type in _ORG_TYPES and tok.pos_ != "PROPN" and before is not None \
                and is_org_kind_noun(before) and before.tag_ == "NN" and tok.i - 1 not in named:
            learn(before, entity)  # "French luxury group Aurevilly posted", a name the tagger read as an adverb
        if tok.pos_ == "PROPN" and entity is not None:
            for c in tok.children:  # "Europa, an icy moon", "the moon Europa" (parsed either way; a name
                # the parser made its sentence's root keeps its appositive: "Harwood Foods Inc, a chain")
                if c.dep_ == "appos" and any(g.dep_ in {"cc", "conj"} for g in c.children):
                    continue  # "Taylor Swift, her former record label and ...": a list, not a restatement
                if c.dep_ == "appos" or (c.dep_ in {"compound", "nmod"} and c.i == tok.i - 1
                                         and c.pos_ == "NOUN"):
                    learn(c, _settled(tok, c, entity, index))
            if tok.dep_ == "appos" and tok.head.pos_ == "NOUN":  # "the automaker, Volkswagen"
                learn(tok.head, entity)
            if named_before_kind(tok):  # "the ruling Morena party" (the tagger's proper noun, in lower case)
                learn(tok.head, entity, lower_case=True)
            if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":  # "Acme is a brokerage"
                for c in tok.head.children:
                    if c.dep_ == "attr":
                        learn(c, entity)
    return out


def _settled(tok: Token, noun: Token, entity: Entity, index: EntityIndex) -> Entity | None:
    """What a settlement's noun said of a name describes: never a country or state ("Marlow Springs, Kansas,
    a city of about 14,000 residents" describes the town before the state, which news writes after a town's
    name between commas); anything else, the name itself."""
    if noun.lemma_.lower() not in SETTLEMENTS or not is_region(entity.name):
        return entity
    town = entity_at(tok.head, index) if tok.dep_ in {"conj", "appos", "npadvmod"} \
        and tok.head.i < tok.i else None
    return town if town is not None and town.type == "GPE" and not is_region(town.name) else None


def _stated(noun: str, at: int, classes: dict[str, list[tuple[int, Entity]]]) -> Entity | None:
    """The entity said to be a `noun` before offset `at`, if exactly one entity was so called by then (a
    description points back: "Harwood Foods, a regional supermarket chain, ... The chain had 8,900
    employees" before "Brightway, a family-owned chain" is met). A noun that fits any organization ("the
    company") says nothing of which: it counts only where one entity is ever called so."""
    said = [(pos, e) for pos, e in classes.get(noun, []) if pos < at]
    called = said if noun not in GENERIC_ORG_NOUNS else classes.get(noun, [])
    if not said or len({e.entity_id for _, e in called}) != 1:
        return None
    return said[-1][1]


def _place_kinds(name: str) -> frozenset[str]:
    """What kinds of place a name is, as a bare description would call it: country, state, province, city or
    county (a city-state or a territory with a city's name, "Hong Kong", "Singapore", is a country and a
    city; a country's province or state, "Manitoba", "Queensland", is called by what ISO 3166-2 calls it)."""
    kinds = set()
    if is_region(name):
        kinds.add("state" if is_us_state(name) else "country")
    if city_population(name):
        kinds.add("city")
    if not kinds - {"city"} and (region := region_kind(name)) in {"province", "state"}:
        kinds.add(region)  # "Manitoba": "the province"; "Queensland": "the state"; "New Brunswick", also a
        # city's name, is "the province" too
    if len(name.split()) > 1 and name.split()[-1].lower() in {"county", "township", "borough", "parish"}:
        kinds.add(name.split()[-1].lower())  # "Nobles County": "the county"; "West Chester Township": "the township"
    return frozenset(kinds)


_PLACE_NOUNS = {"country": "country", "nation": "country", "kingdom": "country", "state": "state",
                "province": "province", "city": "city", "capital": "city", "county": "county",
                "township": "township", "borough": "borough", "parish": "parish"}


def _described_place(doc: Doc, index: EntityIndex, i: int) -> Entity | None:
    """The place a phrase holding token i describes, within its clause: in "Aurora, a suburb east of the
    city", "the city" sits inside the apposition on Aurora, so it is some other city."""
    for anc in doc[i].ancestors:
        if anc.pos_ in {"VERB", "AUX"}:
            return None
        entity = index.at(anc.idx, anc.idx + len(anc.text))
        if entity is not None and entity.type == "GPE":
            return entity
    return None


def _says_whence(doc: Doc, m: Mention) -> bool:
    """Whether a place's mention only says where a body is from, modifying its noun ("a Kenosha excavation
    firm"): no place the story is set in, which "the city" would continue."""
    span = doc.char_span(m.start, m.end)
    return span is not None and span[-1].dep_ in ("compound", "amod", "nmod") \
        and span[-1].head.lemma_.lower() in ORG_DESCRIPTIONS


def _recent_place(doc: Doc, index: EntityIndex, noun: str, i: int) -> Entity | None:
    """'the country', 'the city', 'the capital': the place of that kind named last in this sentence or
    the two before it, when no other place of that kind is named there too; farther on, the place of
    that kind the article names most by then (twice at least, half as often again as any other), as
    news calls the story's city "the city" ("the state" of a story about Colombia is no state the
    article named once in passing, "the U.N. in New York"). Never the place whose description holds it."""
    kind = _PLACE_NOUNS.get(noun)
    if kind is None:
        return None
    own = _described_place(doc, index, i)
    places = [e for e in index.entities if e.type == "GPE" and e is not own and kind in _place_kinds(e.name)]
    if kind == "city":  # a town no gazetteer knows is a city where the text says so ("Harlan Springs city
        # officials", "the Harlan Springs City Council")
        towns = [e for e in index.entities if e.type == "GPE" and e is not own and e not in places]
        stated = _governed_city(doc, index, towns, doc[i].idx) or council_city(index, before=doc[i].idx)
        places += [stated] if stated in towns else []
    floor = doc[_sentences_back(doc, i, 2)].idx  # this sentence and the two before it
    seen = [e for e in places
            if any(floor <= m.start < doc[i].idx and m.kind != "pronoun" and not _says_whence(doc, m)
                   for m in e.mentions)
            or kind != "city" and _bodies_of(index, e, floor, doc[i].idx)]
    if len(seen) > 1:
        seen = _nearest_of_several(doc, index, seen, i)
    if seen:
        return seen[0] if len(seen) == 1 else None

    def named(e: Entity) -> int:
        return sum(m.start < doc[i].idx and m.kind in ("name", "alias") for m in e.mentions)

    ranked = sorted(places, key=lambda e: -named(e))
    if not ranked or named(ranked[0]) < 2 or (len(ranked) > 1 and named(ranked[0]) < 1.5 * named(ranked[1])):
        if kind == "city":
            return story_city(doc, index, places, i)
        with_bodies = [e for e in places if _bodies_of(index, e, 0, doc[i].idx)]
        if len(with_bodies) == 1:
            return with_bodies[0]
        # the one place of that kind the article has named so far ("Deschutes County commissioners ... the
        # county's share"): a description refers back to the only thing of its kind already introduced ("the
        # state" and "the country" may stand for a nation's government instead, whatever state it named)
        before = [e for e in places if named(e)]
        if len(before) == 1 and kind not in {"country", "state"}:
            return before[0]
        return _dateline_country(doc, places) if kind == "country" and not before else None
    return ranked[0]


def _dateline_country(doc: Doc, countries: list[Entity]) -> Entity | None:
    """The country of the story's dateline, among `countries`: "TORONTO — ... the country's seventh-largest
    bank" names Canada before the text does, as a story filed from a place is set in its country."""
    code = dateline_country(doc_text(doc))
    return next((e for e in countries if code is not None and country_code(e.name) == code), None)


def _nearest_of_several(doc: Doc, index: EntityIndex, seen: list[Entity], i: int) -> list[Entity]:
    """Of several places of one kind named lately, those a description at token i can stand for: the one its
    own sentence names before it, where it names one ("Conab, Brazil's agency, estimated that the country
    produced 55 million bags", after a sentence on shipments to China), none where it names several (then the
    one the article names most, as farther on); never the subject of the verb whose object it is
    ("Washington invaded the country" is not the United States), nor the place whose apposition holds it
    ("Aurora, a suburb east of the city")."""
    head = doc[i].head if doc[i].dep_ == "det" else doc[i]
    verb = head.head if head.dep_ in ("dobj", "pobj") and head.head.pos_ != "ADP" else \
        head.head.head if head.dep_ == "pobj" else None
    subject = [t for c in (verb.children if verb is not None and verb.pos_ == "VERB" else ())
               if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
    subjects = {e.name for t in subject if (e := entity_at(t, index)) is not None}
    # (a capital's name as the subject stands for its country's government: "Washington invaded")
    own = subjects | {country_of_capital(name) for name in subjects} - {None}
    text, start = doc_text(doc), doc[i].sent.start_char
    here = [e for e in seen if e.name not in own and any(
        start <= m.start < doc[i].idx and m.kind != "pronoun"
        and not re.fullmatch(r",\s+(?:a|an|the)\s[^,.;]*", text[m.end:doc[i].idx].rstrip()) for m in e.mentions)]
    if len(here) > 1:
        return []  # (several named in its own sentence: the one the article names most, as farther on)
    return here or seen


def _bodies_of(index: EntityIndex, place: Entity, start: int, end: int) -> bool:
    """Whether a body named for the place ("the Ohio Environmental Protection Agency", "the Linn County
    Board of Supervisors") is named between offsets start and end: its name names the place too, and
    "the state", "the county" refer back to it."""
    prefix = place.name + " "
    return any(e.type in _ORG_TYPES and e.name.startswith(prefix)
               and any(start <= m.start < end and m.kind == "name" for m in e.mentions) for e in index.entities)


def council_city(index: EntityIndex, before: int | None = None) -> Entity | None:
    """The city of the one city council the article names (before offset `before`, where given): "the
    Loveland City Council" is Loveland's, the city a local story is set in. None where it names no
    council, several, or the city only inside the council's name."""
    councils = {e.name.rsplit(" ", 2)[0] for e in index.entities if e.type in _ORG_TYPES
                and e.name.lower().endswith(" city council") and e.mentions
                and (before is None or e.mentions[0].start < before)}
    if len(councils) != 1:
        return None
    return next((e for e in index.entities if e.type == "GPE" and e.name in councils), None)


_CITY_GOVERNMENT_NOUNS = "|".join(sorted(wordlist("resolve.descriptions", "city_government_nouns")))
# (after the name or its possessive: "Salina city commissioners", "Pueblo's city employee pension fund")
_CITY_GOVERNMENT = re.compile(rf"(?:['\u2019]s)?\s+city\s+(?:{_CITY_GOVERNMENT_NOUNS})\b")


def _governed_city(doc: Doc, index: EntityIndex, cities: list[Entity], before: int) -> Entity | None:
    """The one city the story names with its government in lower case before offset `before` ("Salina city
    commissioners approved", "Racine city officials said"): the city of a local story."""
    text = doc_text(doc)
    governed = [e for e in cities if any(m.start < before and m.kind == "name"
                                         and _CITY_GOVERNMENT.match(text, m.end) for m in e.mentions)]
    return governed[0] if len(governed) == 1 else None


def story_city(doc: Doc, index: EntityIndex, cities: list[Entity], i: int) -> Entity | None:
    """The city a local story is set in, which news calls "the city" though it names it seldom: the one
    city whose council the story names before token i ("the Tulsa City Council"), or whose government it
    names in lower case ("Salina city commissioners"), else the city of its dateline ("TUCSON, Ariz. (AP)
    —")."""
    council = council_city(index, before=doc[i].idx)
    if council is not None:
        return council if council in cities else None
    governed = _governed_city(doc, index, cities, doc[i].idx)
    if governed is not None:
        return governed
    first = doc_tokens(doc)[0] if len(doc) else None
    if first is None or dateline_end(first) is None:
        return None
    return next((e for e in cities if any(m.start == first.idx for m in e.mentions)), None)


_HEADED_TYPES = wordlist("resolve.descriptions", "headed_types")


_OTHER_ONE = wordlist("resolve.descriptions", "other_one")  # "the next show" is another show


def _bare_or_epithet(doc: Doc, i: int, j: int) -> bool:
    """'the festival', or 'the historic show': the article and the head noun with lower-case adjectives
    only, none that picks out another one of its kind ("the next show")."""
    return all(w.is_lower and w.pos_ == "ADJ" and w.lower_ not in _OTHER_ONE for w in doc_tokens(doc)[i + 1:j - 1])


def _most_named(entities: list[Entity]) -> Entity | None:
    """Of several things of one kind, the one the article is about: named three times or more and at
    least twice as often as any other (by name or short form). A bare "the festival" in a story about
    one festival that names another is the story's; one name more is no such evidence."""
    return _clearly_most(entities, lambda e: sum(m.kind in {"name", "alias"} for m in e.mentions), 2, least=3)


def _head_noun_echo(doc: Doc, index: EntityIndex, tok: Token) -> tuple[Entity, tuple[int, int]] | None:
    """A bare "the festival", "the camp", "the show" after the one name of the article that ends in
    that noun ("Amsterdam Light Festival", "Rukban camp", "Los Angeles Auto Show") or has it as its
    head before "of"/"for" ("the court" for "U.S. Bankruptcy Court for the Western District of North
    Carolina"), or whose head a noun of its kind stands for ("the panel" for a committee,
    kind_nouns.tsv): news refers back to a named thing by its head noun; of several so named, to the one
    named just before, else to the one the article is about."""
    if tok.pos_ not in {"NOUN", "PROPN"} or not tok.is_lower or tok.text.title() in celestial_bodies() \
            or (bounds := _description_np(doc, tok, index)) is None:
        return None  # ("the moon" is the Moon, not "Blue Moon"; a word in lower case the tagger read as a proper
        # noun, "the diocese's parishes", is a common noun)
    named = _named_of_kind(index, tok.lemma_.lower(), tok.idx)
    specific = [e for e in named if two_word_head(e.name) in kind_nouns().get(tok.lemma_.lower(), ())]
    if specific:  # "the union" for "WPBA Players Association", not the league's "... Basketball Association": a
        named = specific  # head of two words the noun stands for says more than its last word
    else:  # and "the league" is not the players' association, whose head of two words is another kind's
        named = [e for e in named if two_word_head(e.name) not in _KINDS_OF_TWO_WORD_HEADS]
    if not named and _bare_or_epithet(doc, *bounds):
        # "The district drew $5 million ..." before "Ridgeline Area School District" is named: a story
        # about the one district it names calls it so from the start (its headline named it)
        later = _named_of_kind(index, tok.lemma_.lower(), len(doc_text(doc)) + 1)
        named = later if len(later) == 1 else []
    if not _bare_or_epithet(doc, *bounds):
        # "the science directorate", "the Los Angeles show": the name's own words before its head
        # noun ("Science Mission Directorate", "Los Angeles Auto Show"); never "the next show"
        modifiers = doc_tokens(doc)[bounds[0] + 1:bounds[1] - 1]
        words = {w.lower_ for w in modifiers if not (w.is_lower and w.pos_ == "ADJ")}
        if any(w.lower_ in _OTHER_ONE for w in modifiers):
            return None
        named = [e for e in named if words <= {w.lower() for w in e.name.split()}]
    if len(named) > 1:
        # of several of its kind, the one named in this sentence or the one before, where only one is: "The Steel
        # Pipe Manufacturers Association warned ... 'We are not against it,' said the association's secretary
        # general", in a story that named a producers' association before
        floor = doc[_sentences_back(doc, tok.i, 1)].idx
        recent = [e for e in named if any(floor <= m.start < tok.idx and m.kind != "pronoun" for m in e.mentions)]
        if len(recent) == 1:
            return recent[0], bounds
    latest = _most_named(named)
    return (latest, bounds) if latest is not None else None


def _named_of_kind(index: EntityIndex, noun: str, at: int) -> list[Entity]:
    """The things named before character `at` whose name's head is `noun` or a head it stands for
    (kind_nouns.tsv: "the panel" for a committee, "the carrier" for an airline)."""
    heads = {_stem(noun)} | {_stem(h) for h in kind_nouns().get(noun, ())}
    # an organization named like a title, with "The" ("The Real Deal", a newspaper, is no deal), is
    # referred to by its head noun only where that noun is a kind of body ("The Carlyle Group"); a trade's
    # word may stand before the legal form ("Arcwell Semiconductor Inc."), and only a business has a trade
    trade = noun in _TRADE_EPITHETS
    return [e for e in index.entities if e.type in _HEADED_TYPES and len(e.name.split()) > 1
            and (bool(_trade_words(e.name) & heads) and not _no_company(e) if trade
                 else _stem(e.name.split()[-1]) in heads or _stem(head_noun(e.name)) in heads
                 or _stem(two_word_head(e.name)) in heads)
            and (e.type != "ORG" or not e.name.startswith("The ") or noun in ORG_DESCRIPTIONS or noun in ORG_HEADS)
            and any(m.start < at and m.kind != "pronoun" for m in e.mentions)]


def _trade_words(name: str) -> set[str]:
    """The words of a company's name that may say its trade: its last ("Sierra Summit Bank") and the last
    before its legal form ("Semiconductor" of "Arcwell Semiconductor Inc."); none in a name with "of", whose
    last word is what a body is of ("Colorado Division of Insurance")."""
    words = name.split()
    return set() if "of" in words else {_stem(words[-1]), _stem(core_words(name)[-1])}


def named_as_kind(name: str, noun: str) -> bool:
    """Whether a name's head word is the kind noun or one of the heads it stands for (kind_nouns.tsv: "the
    regulator" for a "... Commission"), compared as written."""
    return head_noun(name) in {noun} | kind_nouns().get(noun, frozenset())


def body_of_kind(index: EntityIndex, noun: str, at: int) -> Entity | None:
    """The body named before character `at` as one of the kind `noun` says (its name headed by the noun
    or a head the noun stands for, kind_nouns.tsv), the one the article is about where it names several:
    "airport spokeswoman Carla Munoz" after "Denver International Airport", "Bank president" after "Flint
    Hills Community Bank"."""
    return _most_named(_named_of_kind(index, noun, at))


def body_of_members(index: EntityIndex, heads: set[str]) -> Entity | None:
    """The one body of the article whose name's head noun is one of `heads`, the bodies a member's title
    names (lexicon.MEMBER_BODIES): "Councilor Renee Harjo" sits on the "... City Council", "Senators voted"
    is the "... Senate" voting; none where the article names several (or only the bare head word)."""
    bodies = [e for e in index.entities if e.type in _ORG_TYPES and len(e.name.split()) > 1
              and head_noun(e.name) in heads]
    return bodies[0] if len(bodies) == 1 else None


def _product_for(doc: Doc, index: EntityIndex, tok: Token, bounds: tuple[int, int]) -> Entity | None:
    """'the car', 'the new sedan', 'the game': a bare description by a kind of product refers to the one
    product named in its sentence or the one before, else to the product the article is about (named
    before it and clearly the most mentioned)."""
    i, j = bounds
    if _entities_in(doc, index, i, j):
        return None  # "the Audi EV", "the Stadia app": a description that names something of its own
    named = [e for e in index.entities if e.type == "PRODUCT"
             and any(m.start < doc[i].idx and m.kind != "pronoun" for m in e.mentions)]
    floor = _sentences_back(doc, i, 1)
    near = [e for e in named if any(doc[floor].idx <= m.start < doc[i].idx for m in e.mentions)]
    if near:
        return near[0] if len(near) == 1 else None
    return _dominant(named)


def _last_person(doc: Doc, index: EntityIndex, i: int) -> Entity | None:
    """The person named last before token i, in its sentence or the two before it."""
    floor, at = doc[_sentences_back(doc, i, 2)].idx, doc[i].idx
    named = [(m.start, e) for e in index.entities if e.type == "PERSON"
             for m in e.mentions if floor <= m.start < at and m.kind != "pronoun"]
    return max(named, key=lambda p: p[0])[1] if named else None


def _topic_person(doc: Doc, index: EntityIndex, i: int) -> Entity | None:
    """The person an epithet with no stated fact ("The 24-year-old") is about: in its own sentence before
    it, else in the nearest sentence before that names people, the one named first (the topic: "...
    signing of striker Rafael Monteiro, with manager Steve Marwood calling him ...")."""
    sent = doc[i].sent
    for _ in range(3):
        end = min(sent.end, i)
        lo, hi = doc[sent.start].idx, doc[end].idx if end < len(doc) else len(doc_text(doc))
        found = sorted((m.start, e.entity_id, e) for e in index.entities if e.type == "PERSON"
                       for m in e.mentions if m.kind != "pronoun" and lo <= m.start < hi)
        if found:
            return found[0][2]
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
    return None


def _age_at(at: list[Token], i: int) -> tuple[int, int] | None:
    """'45-year-old' written from token i: (the age, the token after "old")."""
    if i + 4 < len(at) and at[i].like_num and at[i].text.isdigit() and len(at[i].text) <= 3 \
            and [t.lower_ for t in at[i + 1:i + 5]] == ["-", "year", "-", "old"]:
        return int(at[i].text), i + 5
    return None


def comma_age(at: list[Token], i: int) -> int | None:
    """The age at token i set off by commas after a name, as news gives a person's ("Maria Chen, 45,")."""
    if 1 <= i and i + 1 < len(at) and at[i - 1].text == "," and at[i + 1].text == "," \
            and at[i].text.isdigit() and len(at[i].text) <= 3:
        return int(at[i].text)
    return None


def stated_ages(doc: Doc, index: EntityIndex) -> dict[int, set[str]]:
    """Ages the article gives people: "Maria Chen, 45," and "45-year-old Maria Chen" (age -> entity ids)."""
    at = doc_tokens(doc)
    ages: dict[int, set[str]] = {}
    for i, tok in enumerate(at):
        if not tok.like_num:
            continue
        person = None
        if comma_age(at, i) is not None and i >= 2:
            person = index.at(at[i - 2].idx, at[i - 2].idx + len(at[i - 2].text))  # "Maria Chen, 45,"
        elif (found := _age_at(at, i)) is not None and found[1] < len(at):
            nxt = at[found[1]]
            person = index.at(nxt.idx, nxt.idx + len(nxt.text))  # "45-year-old Maria Chen"
        if person is not None and person.type == "PERSON":
            ages.setdefault(int(tok.text), set()).add(person.entity_id)
    return ages


def _age_epithet(doc: Doc, index: EntityIndex, i: int, ages: dict[int, set[str]]) -> tuple[Entity, int] | None:
    """'the 45-year-old' (or 'the 45-year-old woman') at token i: the one person the article gave that
    age, or where it gives no one that age, the person named last just before ("Coutinho has been
    banned ... The 27-year-old, who won bronze ..."); and where the description ends."""
    at = doc_tokens(doc)
    found = _age_at(at, i + 1) if at[i].lower_ == "the" else None
    if found is None or len(ages.get(found[0], ())) > 1:
        return None
    if not ages.get(found[0]):
        person = _topic_person(doc, index, i)
        ages = {found[0]: {person.entity_id}} if person is not None else {}
        if not ages:
            return None
    end = found[1]
    if end < len(at) and is_nationality_epithet(at[end]):
        return None  # "the 48-year-old Australian": the nationality rule's description
    if end < len(at) and at[end].pos_ == "NOUN" and at[end].is_lower:
        noun = at[end].lemma_.lower()
        if noun in ORG_DESCRIPTIONS or not (noun in gendered_words() or noun in PERSON_DESCRIPTIONS
                                            or noun in titles() or is_agent_noun(noun)):
            return None  # "the 19-year-old business": an age of a thing, no person's
        end += 1  # "the 45-year-old woman", "the 34-year-old miner"
    if any(entity_at(t, index) is not None for t in at[i:end]):
        return None  # "the 45-year-old Maria Chen" is a name with its age, already a mention
    return index.get(next(iter(ages[found[0]]))), end


def _description_mention(doc: Doc, entity: Entity, i: int, j: int) -> Mention:
    """The mention of `entity` that the description on tokens i..j-1 is."""
    text = doc[i:j].text
    return Mention(entity.entity_id, text, doc[i].idx, doc[i].idx + len(text), "description")


def _delayed_identification(doc: Doc, index: EntityIndex) -> tuple[Entity, int, int] | None:
    """The company a lede describes before naming it: "A Huber Heights manufacturer ... plans to spend $85
    million" then "Vantrell Precision Components will build ...", "Norway's central bank raised its rate"
    then "The move by Norges Bank ...". News often withholds the name from the first sentence and gives it
    in the next, or in the lede's own attribution ("Nigeria's telecoms regulator has fined ..., the Nigerian
    Communications Commission said"): the description that is the first sentence's subject, headed by a noun
    of organizations, is the body named after it whose head the noun stands for (kind_nouns.tsv), else the
    first business named in the second sentence, where the first names no business itself.
    Returns (entity, first token, end token) of the description."""
    sents = _opening_sentences(doc, 2)
    if len(sents) < 2:
        return None
    lede, second = sents[:2]
    # the noun phrase that opens the sentence, subject of its first verb ("A Huber Heights manufacturer ...
    # plans to spend $85 million, company officials said")
    subj = next((t for t in lede if t.dep_ in {"nsubj", "nsubjpass"} and t.head.pos_ in {"VERB", "AUX"}
                 and t.pos_ in {"NOUN", "PROPN"}), None)
    if subj is None:  # the dateline before the lede parsed as its subject, the real one hung on it ("SEOUL,
        # South Korea (AP) — South Korea's transport ministry on Wednesday fined ...")
        dateline = next((c for c in lede.root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < lede.start), None)
        subj = real_subject(dateline) if dateline is not None else None
    elif subj.pos_ == "PROPN" and not subj.is_lower:  # a dateline parsed as a subject: "OSLO ... raised"
        subj = next((t for t in lede if t.i > subj.i and t.dep_ in {"nsubj", "nsubjpass"}
                     and t.head.pos_ in {"VERB", "AUX"}), None)
    if subj is None or subj.pos_ not in {"NOUN", "PROPN"}:
        return None
    if subj.lemma_.lower() not in ORG_DESCRIPTIONS or not subj.is_lower or subj.tag_ not in {"NN", "NNP"}:
        return None  # (a plural, "Pennsylvania gambling regulators fined ...", is people acting, no withheld name)
    i = subj.left_edge.i
    if any(e.type in _ORG_TYPES | {"PERSON"} for e in _entities_in(doc, index, i, subj.i + 1)):
        return None  # (a description holding a name of its own: "Alphabet's parent company")
    credits = wire_credits(doc)
    in_lede = [e for e in _entities_in(doc, index, lede.start, lede.end) if e.type in _ORG_TYPES | {"PERSON"}
               and not any(m.start in credits for m in e.mentions)]
    # the first body of the second sentence whose name has the description's head noun ("Turkey's central
    # bank" ... "The Central Bank of the Republic of Turkey said"; "South Korea's transport ministry fined
    # Hanbit Air" ... "The Ministry of Land, Infrastructure and Transport said"), where the lede names none
    # so; else the first business it names, where the lede names no business itself
    # (not the outlet someone talks to: "The city council voted ..." then "... told Acme News")
    noun = subj.lemma_.lower()
    told = {e.entity_id for t in second if is_told(t)
            and (e := entity_at(t, index)) is not None}
    orgs = [e for e in _entities_in(doc, index, second.start, second.end) if e.type == "ORG"
            and e.entity_id not in told]
    # (a kind noun stands for the heads kind_nouns.tsv gives it: "Nigeria's telecoms regulator" ... "the
    # Nigerian Communications Commission said", in the lede's own attribution or the next sentence)
    after = [e for e in _entities_in(doc, index, subj.i + 1, lede.end) if e.type == "ORG"
             and named_as_kind(e.name, noun) and not any(lede.start_char <= m.start < subj.idx for m in e.mentions)]
    first = next(iter(after), None) or next((e for e in orgs if named_as_kind(e.name, noun)), None)
    if first is not None and not any(named_as_kind(e.name, noun) for e in in_lede if e not in after):
        return first, i, subj.i + 1
    if any(not _is_institution(e) for e in in_lede):
        return None
    first = first or next((e for e in orgs if not _is_institution(e)), None)
    return (first, i, subj.i + 1) if first is not None else None


def _bodies_before_posts(doc: Doc, index: EntityIndex, taken: set[int]) -> list[tuple[Entity, Mention]]:
    """'airport spokeswoman Carla Munoz', 'township attorney Dana Whitlock', 'Diocese spokeswoman Anne Welch': a
    kind of body before a named person's post is the one body of that kind the article has named, read as
    "the airport", "the township" would be (not "county officials said": people, no post of one person; a
    noun of organizations, "company spokeswoman", is `_representatives_bodies`')."""
    out = []
    at = doc_tokens(doc)
    for tok in at:
        noun = tok.lemma_.lower()
        if tok.i + 1 < len(doc) and tok.idx not in taken and tok.dep_ == "compound" \
                and noun not in ORG_DESCRIPTIONS and (tok.is_lower or tok.is_sent_start and tok.is_title) \
                and at[tok.i + 1].is_lower and entity_at(tok, index) is None \
                and (t := title_after(doc, tok.i + 1)) is not None and t.start == tok.i + 1 and t.end < len(doc) \
                and getattr(index.at(at[t.end].idx, at[t.end].idx + len(at[t.end].text)), "type", None) == "PERSON":
            body = _recent_place(doc, index, noun, tok.i) if noun in _PLACE_NOUNS \
                else body_of_kind(index, noun, tok.idx)
            if body is not None:
                out.append((body, _description_mention(doc, body, tok.i, tok.i + 1)))
    return out


def _representatives_bodies(doc: Doc, index: EntityIndex, added: list[tuple[Entity, Mention]],
                            business: Entity | None, lede: Entity | None) -> list[tuple[Entity, Mention]]:
    """'union officials said', 'a hospital spokeswoman said', 'company executives': the body a kind noun
    before a representative's noun names, as a bare "the union" would: the one the article already calls
    so, else the one body of that kind it names, else (for a business noun) the business it is about, or
    where none is, the business its lede names as the subject ("Hollander Cheese Co. will spend $48 million
    ..., company officials announced")."""
    out = []
    for tok in doc_tokens(doc):
        noun = tok.lemma_.lower()
        if tok.dep_ != "compound" or not tok.is_lower or tok.pos_ != "NOUN" or noun not in ORG_DESCRIPTIONS \
                or tok.head.lemma_.lower() not in REPRESENTATIVES:
            continue
        said = [e for e, m in added if m.start < tok.idx and m.kind == "description"
                and m.text.lower().split()[-1] == tok.lower_ and len(m.text.split()) == 2]
        kind = [e for e in _named_of_kind(index, noun, tok.idx) if e.type in _ORG_TYPES]
        # ("Hawkeye's bid was $8.9 million. A company spokeswoman declined": the business just named)
        near = nearest_org(doc, index, tok.i, noun) if noun in BUSINESS_NOUNS else None
        target = near or (said[-1] if said else kind[0] if len(kind) == 1 else
                          (business or lede) if noun in BUSINESS_NOUNS else None)
        if target is not None:
            out.append((target, _description_mention(doc, target, tok.i, tok.i + 1)))
    return out


_COUNSEL = wordlist("resolve.descriptions", "counsel_nouns")


def add_clients(doc: Doc, index: EntityIndex) -> EntityIndex:
    """The index with 'his client', 'her client' in what a person's lawyer says added as a description of
    the person the lawyer acts for ("Mabry's attorney, Glenn Pirtle, said his client had accepted
    responsibility"; "Jo Brill, a lawyer for Anselmo, told Reuters his client ..."; "Figgins, who represents
    Thomas, said his client ..."; "His lawyer, Ana Ruiz, ... She said her client"). Read once pronouns are
    resolved: the lawyer may be "he" or "she", or "his lawyer"."""
    added = []
    for tok in doc_tokens(doc):
        if tok.lower_ != "client":
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in {"his", "her"}), None)
        if tok.tag_ != "NN" or owner is None:
            continue
        verb = next((a for a in tok.ancestors if a.lemma_.lower() in REPORTING_LEMMAS), None)
        sayer = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        client = _represented(doc, sayer, index) if sayer is not None else None
        if client is not None and client.type == "PERSON":
            added.append((client, _description_mention(doc, client, owner.i, tok.i + 1)))
    return _with_mentions(index, added, index.roles) if added else index


def _represented(doc: Doc, sayer: Token, index: EntityIndex) -> Entity | None:
    """Whom the lawyer a speaker's phrase names acts for: the lawyer noun's possessor ("Mabry's attorney") or
    its "for" object ("a lawyer for Anselmo"), the object of "represents" in a clause on the speaker, or of
    "for" after "appearing" or "acting" (counsel in court: "Darius Bharucha, appearing for Rohan Deshmane"); where
    the speaker is a pronoun or a name, the phrases around the lawyer's name where the article gave it."""
    lawyer = index.at(sayer.idx, sayer.idx + len(sayer.text))
    phrases = [sayer]
    if lawyer is not None and lawyer.type == "PERSON":
        named = [span.root for m in lawyer.mentions if m.kind == "name"
                 and (span := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None]
        phrases += [t.head if t.dep_ == "appos" else t for t in named]  # ("Ruffin's lawyer, Gregory Tolliver")
    for t in (t for phrase in phrases for t in phrase.subtree):
        if t.lemma_.lower() in _COUNSEL and t.pos_ == "NOUN":
            whose = [c for c in t.children if c.dep_ == "poss"] + [
                o for c in t.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children if o.dep_ == "pobj"]
        elif t.lemma_.lower() == "represent" and t.dep_ == "relcl":
            whose = [c for c in t.children if c.dep_ == "dobj"]
        elif t.lemma_.lower() in {"appear", "act"} and t.dep_ in {"acl", "relcl", "advcl"}:
            whose = [o for c in t.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children
                     if o.dep_ == "pobj"]  # "Darius Bharucha, appearing for Rohan Deshmane": counsel's client
        else:
            continue
        found = next((e for c in whose if (e := index.at(c.idx, c.idx + len(c.text))) is not None), None)
        if found is not None:
            return found
    return None


def add_descriptions(doc: Doc, index: EntityIndex, roles: list[dict[str, Any]] | None = None) -> EntityIndex:
    """The index with description mentions and aliases added where exactly one entity fits."""
    roles = list(roles or [])
    org = salient_org(index, doc)
    business = article_business(index, doc, org)
    ledes = lede_business(doc, index)  # the fallback of "the company", read once per article
    classes = stated_classes(doc, index)
    text = doc_text(doc)
    # the head nouns of the names "the festival" can echo: only those words need a closer look
    head_nouns = {_stem(w) for e in index.entities if e.type in _HEADED_TYPES and len(e.name.split()) > 1
                  for w in (e.name.split()[-1], head_noun(e.name), two_word_head(e.name))}
    head_nouns |= {_stem(noun) for noun, heads in kind_nouns().items() if {_stem(h) for h in heads} & head_nouns}
    added: list[tuple[Entity, Mention]] = []
    lede = _delayed_identification(doc, index)
    if lede is not None:
        added.append((lede[0], _description_mention(doc, *lede)))
    ages = stated_ages(doc, index)
    for tok in doc_tokens(doc):
        if lede is not None and lede[1] <= tok.i < lede[2]:
            continue
        if tok.lower_ == "the" and (aged := _age_epithet(doc, index, tok.i, ages)) is not None:
            person, end = aged  # "the 45-year-old": the person the article said is 45
            added.append((person, _description_mention(doc, person, tok.i, end)))
            continue
        if tok.pos_ != "NOUN" and tok.tag_ not in {"NN", "NNP"}:
            continue  # every rule below reads a noun (a common noun, or a nationality "the Argentine")
        if is_nationality_epithet(tok):  # "the 48-year-old Australian": the person named just before
            person = _last_person(doc, index, tok.left_edge.i)
            if person is not None:
                added.append((person, _description_mention(doc, person, tok.left_edge.i, tok.i + 1)))
            continue
        noun = tok.lemma_.lower()
        if noun in classes and tok.pos_ == "NOUN" and noun not in PERSON_DESCRIPTIONS \
                and index.lookup(noun) is None and (bounds := _description_np(doc, tok, index)) is not None:
            # "the moon" after "the moon Europa": the one entity the article said is a moon (a
            # description naming an entity of its own, "the Amazon founder", is left to the rules below)
            target = _stated(noun, tok.idx, classes) if not _entities_in(doc, index, *bounds) else None
            if target is not None and any(e is not target and head_noun(e.name).lower() == noun
                                          for e in _named_of_kind(index, noun, tok.idx)):
                target = None  # "HKMA, the city's central bank, fined Sai Kung Commercial Bank. The bank's
                # failures ...": one is called a bank, another is named "... Bank"; the rules below choose
            if target is not None:
                added.append((target, _description_mention(doc, target, *bounds)))
                continue
        if noun in GPE_DESCRIPTIONS and (bounds := _description_np(doc, tok, index)) is not None \
                and bounds[1] - bounds[0] == 2:
            place = _recent_place(doc, index, noun, bounds[0])
            if place is not None:
                added.append((place, _description_mention(doc, place, *bounds)))
            continue
        if noun in product_nouns() and tok.pos_ == "NOUN" and tok.is_lower \
                and (bounds := _description_np(doc, tok, index)) is not None:
            product = _product_for(doc, index, tok, bounds)
            if product is not None:
                added.append((product, _description_mention(doc, product, *bounds)))
            continue
        if noun not in ORG_DESCRIPTIONS and noun not in PERSON_DESCRIPTIONS:
            headed = _head_noun_echo(doc, index, tok) if _stem(noun) in head_nouns else None
            if headed is not None:
                target, (i, j) = headed
                added.append((target, _description_mention(doc, target, i, j)))
            continue
        bounds = _description_np(doc, tok, index)
        if bounds is None:
            continue
        i, j = bounds
        inside = _entities_in(doc, index, i, j - 1)
        target = None
        before = [e for e in index.entities if e.type == "PERSON" and e.mentions
                  and e.mentions[0].start < doc[i].idx]
        if noun in PERSON_DESCRIPTIONS and not any(e.type == "PERSON" for e in inside):
            owner = next((e for e in inside if e.type in _ORG_TYPES), None)
            target, new_role = _person_for(noun, owner, before, roles, text, doc[i].idx)
            if target is not None and new_role:
                roles.append({"person": target.name, "person_id": target.entity_id, "title": doc[j - 1].text,
                              "title_normalized": titles()[noun], "org": owner.name, "org_id": owner.entity_id})
        elif noun in ORG_DESCRIPTIONS and not any(e.type in _ORG_TYPES | {"PERSON"} for e in inside) \
                and not _possession(doc, i, j):
            # "the utilities commission" for "Public Utilities Commission", "the administration"
            # for "Obama administration": the name's own head noun, with a shared modifier or in
            # lower case (a bare "the company" says nothing about "The We Company")
            words = {t.lower_ for t in doc[i + 1:j - 1]}
            places = {t.lower_ for t in doc[i + 1:j - 1] if t.ent_type_ in {"GPE", "NORP"}}
            named = [e for e in index.entities if e.type in _ORG_TYPES and len(e.name.split()) > 1
                     and e.name.split()[-1].lower() == noun
                     and (e.name.split()[-1].islower() or words & {w.lower() for w in e.name.split()[:-1]})
                     and places <= {w.lower() for w in e.name.split()}  # "the US space agency" is
                     # not the European Space Agency; "the central bank" before "European Central Bank"
                     # is named is another bank (a description points back to a name already given)
                     and e.mentions and e.mentions[0].start < doc[i].idx]
            if not named and noun == "bank" and "central" in words:
                # "the central bank" for "Reserve Bank of Malawi": the central bank the article has named
                named = [e for e in index.entities if e.type == "ORG" and is_central_bank(e.name)
                         and places <= {w.lower() for w in e.name.split()}
                         and e.mentions and e.mentions[0].start < doc[i].idx]
            body, unclear = None, False
            if noun in GOV_DESCRIPTIONS and j - i == 2:  # the body just named, else the article's one
                body = _recent_body(doc, index, noun, i)
                if body is None:
                    body, unclear = _government_body(index, noun)
            if not named and j - i == 2 and noun not in GENERIC_ORG_NOUNS:
                # a bare "the airline" for "Alaska Airlines", "the university" for "Ohio State
                # University": the one organization named as that kind of body, as the head noun echoes
                # other names (not "the company" for "The We Company": any company is one)
                headed = _head_noun_echo(doc, index, tok)
                named = [headed[0]] if headed is not None and headed[0].type in _ORG_TYPES else []
            if not named and noun in INSTITUTION_HEADS and j - i == 2:  # bare "the commission" for the
                # one "... Commission" of the article; "the US space agency" says more than that
                named = [e for e in index.entities if e.type in _ORG_TYPES and len(e.name.split()) > 1
                         and e.name.split()[-1].lower() == noun]
                named = [e for e in [_most_named(named)] if e is not None]
                if not named and noun == "league":  # "the league" for "NFL", "NHL": the acronym's last
                    # letter is its head noun's (other heads share their initial too often: Commission,
                    # Corporation, Council; Agency, Association, Administration)
                    named = [e for e in index.entities if e.type in _ORG_TYPES and e.name.isupper()
                             and 2 < len(e.name) < 6 and e.name.isalpha() and e.name[-1] == "L"]
            if not named and noun in _TRADE_EPITHETS:
                # "the chipmaker" for the one business whose name holds its trade ("Arcwell Semiconductor Inc."),
                # whatever company was named last
                named = [e for e in _named_of_kind(index, noun, doc[i].idx) if e.type == "ORG"]
                named = named if len(named) == 1 else []
            if len(named) == 1:
                target = named[0]
            elif body is not None or unclear or (noun in {"bureau", "force"} and j - i == 2):
                target = body  # a bare "the force" is a police force or nothing
            elif any(e.type in PLACE_OR_PEOPLE for e in inside) or any(t.ent_type_ in PLACE_OR_PEOPLE
                                                                          for t in doc[i + 1:j - 1]):
                # "the Ohio-based retailer", "the German automaker": the epithet news gives a company it
                # has just named, by where it is based or from (of two companies named there, which one
                # is German is knowledge the text may not give); "the Inner Mongolia health commission"
                # names a public body of its own place, not one named before
                # (where none is named near, "the Seattle-based carrier" is the article's company; "the
                # German automaker" says more than the article may know of it)
                based = any(is_based_word(t) for t in doc[i:j])
                target = None if noun in INSTITUTION_HEADS else \
                    _only_company_near(doc, index, i, org if based else None)
                if target is None and based and noun not in INSTITUTION_HEADS:
                    # none named near and none the article's: the one named as that kind of body
                    # ("the Seattle-based carrier" for the one airline of a story about three bodies)
                    kind = [e for e in _named_of_kind(index, noun, doc[i].idx) if e.type == "ORG"]
                    target = kind[0] if len(kind) == 1 else None
            elif (echo := _name_echo(doc, index, i, j)) is not None:
                # "the production company" for "Dick Clark Productions", "the music label" for "Big
                # Machine Label Group": a description that repeats a word of exactly one name
                target = echo
            elif noun not in MEDIA_DESCRIPTIONS and noun not in INSTITUTION_HEADS \
                    and any(t.pos_ in {"ADJ", "NOUN", "PROPN"} for t in doc[i + 1:j - 1]):
                # "the French plane-maker": a description with its own detail refers back to the
                # organization just named, not to the article's main one (a medium, "the state's
                # finances website", only to one the text calls so; an institution with a detail,
                # "the city council", is one of its own unless its name matched above)
                target = _reported_subject(index, tok) or nearest_org(doc, index, i, noun) or org
            elif noun not in MEDIA_DESCRIPTIONS and noun not in _NAMED_KINDS and not (
                    noun in _WORKPLACE_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ in {"in", "into", "inside"}):
                # a bare "the company", "the agency" is the article's organization; "the commission",
                # "the court", "the party" are named so, and none named so is no guess at another one;
                # "in the studio" is where anyone records or films, not the article's band
                speaker = _speaker_org(doc, index, tok.i)
                if speaker is not None and noun in BUSINESS_NOUNS \
                        and (speaker.type != "ORG" or _no_company(speaker)):
                    speaker = None  # "Jo Roe, a professor at Stanford, said the company ...": no university
                subject = subject_org(doc, index, i)
                if subject is not None and noun in BUSINESS_NOUNS and _no_company(subject):
                    subject = None  # "The FDA posted a notice. ... the company said": the agency is no company
                # a description refers back: of the readings, the first whose entity is named before it
                readings = [speaker, introduced_company(doc, index, i) if noun in BUSINESS_NOUNS else None,
                            business if noun in BUSINESS_NOUNS | _BUSINESS_KINDS else org, subject]
                if noun in BUSINESS_NOUNS:
                    readings += [_only_company_near(doc, index, i), ledes, _sole_company_before(doc, index, i)]
                target = next((e for e in readings if e is not None and _named_before(e, doc[i].idx)), None)
                if target is not None and noun in BUSINESS_NOUNS and _no_company(target):
                    target = None  # "the company" is no court, department, council or union
                elif target is not None and noun in GOV_DESCRIPTIONS and not _is_institution(target) \
                        and not target.name.isupper() \
                        and not {w.lower() for w in target.name.split()} & GOV_DESCRIPTIONS[noun]:
                    target = None  # and "the agency" no drugmaker: a public body, one named so, or
                    # one named by initials, whatever they stand for ("NASA")
                elif target is not None and noun in _OVERSIGHT_NOUNS \
                        and target.name.split()[-1].lower() in ORG_SUFFIXES:
                    target = None  # "the regulator" is not the company it fined ("Pembroke Copper Corp")
        if target is not None and target.mentions and min(m.start for m in target.mentions) > doc[i].idx:
            target = None  # a description refers back ("The label said ..." before any label is named)
        if target is not None and any(t.lower_ == "state" for t in doc[i + 1:j - 1]) and _national(target):
            target = None  # "the state agriculture department" is a state's, never the U.S. Department of ...
        if target is not None:
            added.append((target, _description_mention(doc, target, i, j)))
    added += _bodies_before_posts(doc, index, {m.start for _, m in added})
    added += _representatives_bodies(doc, index, added, business, ledes)
    added += _office_descriptions(doc, index, {m.start for _, m in added})
    added += _place_bodies(doc, index, {m.start for _, m in added})
    return _with_mentions(index, added, roles)


def _with_mentions(index: EntityIndex, added: list[tuple[Entity, Mention]],
                   roles: list[dict[str, Any]] | None) -> EntityIndex:
    """A new index with the description mentions `added` and their texts as aliases (the input is left as it was)."""
    extra: dict[str, list[Mention]] = {}
    for ent, m in added:
        extra.setdefault(ent.entity_id, []).append(m)
    entities = []
    for ent in index.entities:  # new entities: the input index is left as it was
        found = extra.get(ent.entity_id, [])
        aliases = list(ent.aliases)
        for m in found:
            alias = strip_possessive(m.text)
            if alias.islower() and " " not in alias:
                continue  # "union" of "union officials" names the union there, but is no name of it
            if alias.lower() != ent.name.lower() and alias not in aliases:
                aliases.append(alias)
        entities.append(replace(ent, aliases=aliases,
                                mentions=sorted([*ent.mentions, *found], key=lambda x: x.start)))
    return EntityIndex(entities, roles=roles)


_RENAME_VERBS = wordlist("resolve.descriptions", "rename_verbs")


def merge_renamed(doc: Doc, index: EntityIndex) -> EntityIndex:
    """'the company rebranded itself The We Company': the new name is the same entity."""
    pairs = []
    for tok in doc_tokens(doc):
        low = tok.lower_
        renamed = low.startswith(("rebrand", "renam")) or (low in {"called", "known"} and any(
            c.lower_ in {"now", "formerly"} for c in tok.children))
        if not renamed or tok.pos_ != "VERB":
            continue
        subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and subj.lower_ == "it":  # "Acme said it had renamed itself ..."
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is None and tok.dep_ in {"acl", "relcl"}:  # "Acme, now called Zeta,"
            subj = tok.head
        old = index.at(subj.left_edge.idx, subj.idx + len(subj.text)) if subj is not None else None
        obj = [c for c in tok.children if c.dep_ in {"oprd", "dobj", "attr", "prep"} and c.lower_ != "itself"]
        if obj and obj[-1].dep_ == "prep":
            obj = [c for c in obj[-1].children if c.dep_ == "pobj"]
        new = None
        if obj:
            o = obj[-1]  # the new name heads the object: renaming "its Twitter account" renames no Twitter
            new = index.at(o.idx, o.idx + len(o.text))
        if old is not None and new is not None and old is not new and old.type == new.type:
            pairs.append((old, new))
    return index.joined(pairs) if pairs else index

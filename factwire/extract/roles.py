"""People's titles and organizations, as news writes them.

Patterns: a title before the name ("Blue Origin CEO Dave Limp", "President Donald Trump"), a title
set off before it ("WeWork's founder and former CEO, Adam Neumann"), an appositive after it
("Dave Limp, the chief executive of Blue Origin,"), a relative clause ("X, who heads Y", "X, who is
also an executive at Y") and "X was named chairman of Y". Titles come from factwire/data/titles.tsv. `title` is
the title as the text words it, without qualifiers or articles ("chief executive", "Gov.",
"director of sales"); `title_normalized` is its normal form ("CEO", "Governor").
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Token

from factwire.extract import clauses as cl
from factwire.extract.clauses import is_infinitive
from factwire.extract.quotemarks import QuotedDoc
from factwire.nlp import PRESENT_VERB_TAGS, char_span_start, doc_tokens
from factwire.resolve import Entity, EntityIndex
from factwire.resolve.descriptions import (
    BUSINESS_NOUNS,
    PLACE_OR_PEOPLE,
    body_of_kind,
    body_of_members,
    described_org,
    introduced_company,
    is_central_bank,
    lede_business,
    story_city,
    subject_org,
)
from factwire.resolve.draft import is_based_word, is_possessive
from factwire.resolve.gazetteer import is_country
from factwire.resolve.lexicon import (
    INSTITUTION_HEADS,
    MEMBER_BODIES,
    ORG_DESCRIPTIONS,
    PLACE_OFFICES,
    SPORTS_TITLES,
    TITLE_MODIFIERS,
    TITLE_QUALIFIERS,
    is_org_title,
    named_with_kind,
    not_occupations,
    position_abbreviations,
    post_bodies,
    titles,
)
from factwire.resolve.names import head_noun, is_agent_noun, two_word_head
from factwire.resolve.reference import ACTING_MEMBERS, entity_in, entity_of, past_entity, relative_antecedent
from factwire.resolve.speech_words import is_told
from factwire.resolve.titles import Title, title_after, title_before
from factwire.wordlists import wordlist

_DETERMINERS = wordlist("extract.roles", "determiners")
_HEAD_VERBS = {"head": "head", "lead": "leader", "run": "head", "chair": "chair", "found": "founder",
               "co-found": "co-founder", "own": "owner", "direct": "director", "coach": "coach",
               "manage": "manager"}
_NAMED_VERBS = wordlist("extract.roles", "named_verbs")
_ORG_TYPES = frozenset({"ORG", "FAC"})



def _past_determiners(doc: Doc, i: int, limit: int) -> int:
    """The first token from i on (before `limit`) that is no determiner or adverb of time ("the", "its",
    "now"): where a title after a name or a verb begins."""
    while i < limit and doc[i].lower_ in _DETERMINERS:
        i += 1
    if i + 1 < limit and doc[i + 1].tag_ in {"NNS", "NNPS"}:
        i = _past_count(doc, i, limit)  # a count of the people a plural title is shared by: "A and B, the two
        # directors of X"
    return i


def _modifiers_before(doc: Doc, index: EntityIndex, i: int) -> int:
    """The first of the title's own modifiers before token i ("CNN's chief medical correspondent",
    "the company's billionaire founder", "Acme's longtime CEO"): lower-case adjectives and noun
    modifiers, no name; i itself when there are none."""
    at = doc_tokens(doc)
    k = i - 1
    while k > 0 and i - k <= 3 and at[k].is_lower and at[k].is_alpha and at[k].lower_ not in _DETERMINERS \
            and (at[k].pos_ == "ADJ" or at[k].dep_ in {"amod", "compound", "nmod"}) \
            and at[k].lower_ not in ORG_DESCRIPTIONS and entity_in(doc, k, k + 1, index) is None:
        k -= 1
    return k + 1


def _org_before(doc: Doc, index: EntityIndex, i: int, salient: Entity | None,
                title: str | None = None) -> tuple[Entity | None, bool]:
    """The organization written before token i ("Blue Origin CEO", "WeWork's founder", "company CEO";
    for a post in a sports team, a place names the team: "Minnesota quarterback").

    Returns the organization (or None) and whether a place or people word stood there instead.
    """
    if i <= 0:
        return None, False
    first = _modifiers_before(doc, index, i)
    for m in doc[first:i]:  # "airport spokeswoman Carla Munoz", "a diocese spokeswoman": a noun naming a
        # kind of body is the post's body, where the article names one body of that kind
        if m.pos_ == "NOUN" and (kind := body_of_kind(index, m.lemma_.lower(), m.idx)) is not None:
            return kind, False
    k = first - 1
    if is_possessive(doc[k]):
        k -= 1
    if k < 0:
        return None, False
    ent = entity_in(doc, k, k + 1, index)
    if ent is not None:
        if ent.type in _ORG_TYPES or ent.type in {"GPE", "LOC"} and (title or "").lower() in SPORTS_TITLES \
                or ent.type == "GPE" and ((title or "").lower() in PLACE_OFFICES or named_with_kind(ent.name)):
            # ("Sylvania's mayor", "Ohio Gov. Jo Park": the place's own office; "Lehigh County Judge Jo
            # Park", "Terrebonne Parish President": any post of a county's or parish's government)
            return ent, False
        return None, True
    if doc[k].lower_ in ORG_DESCRIPTIONS:  # "company CEO Andy Vesey", "the company's founder Jeff Bezos"
        # the organization named last before, else the one the article is about
        definite = doc[k].is_title or k > 0 and doc[k - 1].lower_ == "the"
        return described_org(doc, index, k, doc[k].lower_, salient, definite), False
    return None, False


def _org_after(doc: Doc, index: EntityIndex, i: int) -> Entity | None:
    """The organization of an 'of/at/for/with/representing ORG' phrase starting at token i.

    In "of NASA's Jet Propulsion Laboratory" the possessed name is the one; in "vice president of
    Product at Acme" the organization after "at" is (the first is a division).
    """
    if i + 1 < len(doc) and (doc[i].text == "," or doc[i].is_title):
        # "Jo Park, Director, Acme Securities" / "Jo Park, President Acme North America": a title
        # followed straight by an organization's name, as company statements and captions write it
        k = i + 1 if doc[i].text == "," else i
        ent = entity_in(doc, k, k + 1, index)
        if ent is not None and ent.type in _ORG_TYPES:
            end = past_entity(doc, k, len(doc), index, ent)
            if end >= len(doc) or doc[end].is_punct:
                return ent
    if i < len(doc) and doc[i].text == "(" and (close := next((k for k in range(i + 1, min(i + 6, len(doc)))
                                                               if doc[k].text == ")"), None)) is not None:
        i = close + 1  # "assistant managing director (capital markets) at MAS": the portfolio in brackets
    if i >= len(doc) or doc[i].lower_ not in {"of", "at", "for", "with", "representing"}:
        return None  # ("an attorney representing Acme" is Acme's attorney)
    found: list[Entity] = []
    at_org = None
    for k in range(i + 1, min(i + 14, len(doc))):
        tok = doc[k]
        if tok.is_punct and tok.text not in {"&", "-", "'", "\u2019"}:
            break
        if found and tok.lower_ in {"in", "on", "who", "that", "and"}:
            break
        ent = entity_in(doc, k, k + 1, index)
        if ent is not None and ent.type in _ORG_TYPES and (not found or found[-1] is not ent):
            found.append(ent)
            if doc[k - 1].lower_ == "at" or (k >= 2 and doc[k - 2].lower_ == "at" and doc[k - 1].lower_ == "the"):
                at_org = ent
    return at_org or (found[-1] if found else None)


_COMPLEMENT_STOPS = wordlist("extract.roles", "complement_stops")


def _wording(doc: Doc, t: Title, stop: int | None = None, org: Entity | None = None) -> str:
    """The title proper as written, with an 'of/for ...' complement that is no name of its own
    ("director of sales", "Secretary of State for Health"; not "chief executive of the charity X").
    `stop`: the complement ends before it (the name, where the title stands before the name);
    a title after the name may run to the end of its sentence."""
    end = t.end
    if stop is None or stop <= t.end:
        stop = doc[t.start].sent.end
    if org is not None:  # "Senior Vice President of Acme, Inc.": the organization is no part of the title
        starts = [s for m in org.mentions if (s := char_span_start(doc, m.start, m.end)) is not None
                  and t.end <= s < stop]
        stop = min(starts, default=stop)
    while end + 1 < len(doc) and (doc[end].lower_ in {"of", "for"} or doc[end].lower_ == "to" and t.capitalized):
        k = end + 1
        while k < stop and k - end <= 5 and doc[k].is_alpha and (
                (t.capitalized and doc[k].ent_type_ != "PERSON"
                 and (doc[k].is_title or doc[k].lower_ in {"and", "of"}))  # "for Health and Social Care"
                or (doc[k].lower_ not in _COMPLEMENT_STOPS and not doc[k].ent_type_ and doc[k].is_lower
                    and doc[k].pos_ in {"NOUN", "ADJ"})):  # "director of sales"
            k += 1
        while k > end + 1 and doc[k - 1].lower_ in {"and", "of"}:
            k -= 1
        if k == end + 1:
            break
        end = k
    return doc[t.core_start if t.core_start >= 0 else t.start:end].text


def _row(person: Entity, t: Title | None, org: Entity | None, *, title: str | None = None,
         text: str | None = None) -> dict[str, Any]:
    """A roles row: `text` is the title as written, `title` (or the Title's) its normal form."""
    normalized = title or t.title
    return {"person": person.name, "person_id": person.entity_id, "title": text or (t.written if t else title),
            "title_normalized": normalized, "org": org.name if org else None,
            "org_id": org.entity_id if org else None}




def _occupation_noun(tok) -> bool:
    """A common noun that can name a person's occupation or post: a title of the lexicon, or any noun
    but those that say who someone is to others ("wife", "resident", "victim")."""
    if tok.pos_ not in {"NOUN", "PROPN"} or not tok.is_alpha and "-" not in tok.text:
        return False
    if tok.pos_ == "PROPN" and tok.ent_type_ and tok.lower_ not in titles():
        return False  # a name, not a title
    lemma = tok.lemma_.lower()
    if lemma in not_occupations() or tok.lower_ in not_occupations() or tok.like_num:
        return False
    # a noun for a person by trade is a title of the lexicon or an agent noun ("economist",
    # "pass rusher", "spokesperson"); "the whole point", "her record label" name no one
    return lemma in titles() or tok.lower_ in titles() or lemma in TITLE_MODIFIERS or is_agent_noun(lemma)


def _phrase_org(doc: Doc, index: EntityIndex, tokens) -> Entity | None:
    """An organization named inside a title phrase ("White House physician", "NASA's lead scientist"), or a
    place below a country whose post it is by a possessive ("the county's elections director")."""
    for tok in tokens:
        ent = entity_in(doc, tok.i, tok.i + 1, index)
        if ent is not None and (ent.type in _ORG_TYPES or ent.type == "GPE" and _local_government(doc, tok, ent)):
            return ent  # (a country's envoy is the country's people, no post at a body: "Norway's special envoy")
    return None


def _local_government(doc: Doc, tok: Token, place: Entity) -> bool:
    """Whether a place in front of a post is the government whose post it is: one below a country, by a
    possessive ("the county's elections director"), or a local government named with its kind ("a former
    Loyalsock Township supervisor"; "a Seattle lawyer" only works there)."""
    return not is_country(place.name) and (tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "POS"
                                           or named_with_kind(place.name))


def _title_words(doc: Doc, index: EntityIndex, left: int, head: int) -> tuple[int, Entity | None] | None:
    """Where the title words of a phrase ending at `head` begin (after any determiner, qualifier,
    possessive owner or organization name in front), and the organization named in front."""
    org = _phrase_org(doc, index, doc[left:head + 1])
    start = left
    for k in range(left, head + 1):
        tok = doc[k]
        ent = entity_in(doc, k, k + 1, index)
        if k == head and ent is not None and ent.type == "PERSON":
            ent = None  # the title's own noun, in a description of its holder ("the union's president")
        # a place or people named in the title qualifies it ("Russia adviser", "U.S. Attorney"); an
        # organization or a person in front of it is whose title it is
        # a nationality says who the person is, not which post ("a Canadian philosopher"); a title
        # never runs across a line break ("Stats | DL Jo Park")
        if tok.is_space and "\n" in tok.text \
                or tok.lower_ in _DETERMINERS or tok.lower_ in TITLE_QUALIFIERS or tok.text in {"'s", "\u2019s", "'"} \
                or tok.tag_ in {"POS", "WP$"} or (ent is not None and ent.type not in PLACE_OR_PEOPLE) or tok.like_num \
                or (ent is not None and ent.type == "GPE" and _local_government(doc, tok, ent)) \
                or (ent is not None and ent.type == "NORP") or tok.ent_type_ == "NORP" \
                or (start == k > left and not doc[k - 1].whitespace_ and "-" in {tok.text, doc[k - 1].text}):
            # (the last: the rest of a hyphenated word begun by a word left out: "a 58-year-old
            # physician", "a NASA-funded scientist")
            start = k + 1
    # a prefix glued on with a hyphen is part of the title ("co-author", "ex-president")
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha and doc[start - 2].is_lower:
        start -= 2
    return (start, org) if start <= head else None


def _team_in_front(doc: Doc, index: EntityIndex, start: int, head: int) -> tuple[int, Entity | None]:
    """"Barcelona soccer player Gerard Pique", "a Minnesota linebacker": a place in front of a post in a
    sports team names the team (sports pages call a club by its city, state or school), whose post it
    is; the title begins after it. (start, None) where the phrase holds no such post or place."""
    words = [t.lower_ for t in doc[start:head + 1]]
    if not any(" ".join(words[k:]) in SPORTS_TITLES for k in range(len(words))):
        return start, None
    team = entity_in(doc, start, start + 1, index)
    if team is None or team.type not in {"GPE", "LOC"}:
        return start, None
    return past_entity(doc, start, head, index, team), team


def _party_and_state(tok) -> bool:
    """Whether the token ends a legislator's party and state written after the name: "D-N.M.", "R-Texas"."""
    words = [t.text for t in tok.doc[tok.left_edge.i:tok.i + 1] if not t.is_punct or t.text == "-"]
    return len(words) == 3 and words[0] in {"D", "R", "I"} and words[1] == "-" and words[2][:1].isupper()


def occupation_roles(doc: Doc, index: EntityIndex, span) -> list[tuple[Title, Entity | None]]:
    """Roles stated by a noun phrase about the person, read off the parse, with any occupational noun:
    - an apposition ("Jo Park, a planetary scientist at NASA,"; "Jo Park, NASA's lead researcher,"),
      or the name set in apposition after the post ("Norway's special envoy to the talks, Jo Park,");
    - a noun phrase written in front of the name ("running back Jo Park", "White House physician Jo Park").
    The organization is one named in the phrase or after "at/of/for/with"."""
    out = []
    root = span.root
    # (a legislator's party and state set after the name, "Rep. Jo Park, D-N.M., the chairwoman of ...", is an
    # aside: the apposition after it is the person's, however the parser hangs it on the aside)
    asides = [a for a in root.children if a.dep_ == "appos" and _party_and_state(a)]
    for app in [*root.children, *(c for a in asides for c in a.children)]:
        if app.dep_ != "appos" or app.i < span.end or not _occupation_noun(app) or app.pos_ == "PROPN" \
                or any(c.dep_ == "nummod" for c in app.children):
            continue  # "Jo Park 74 100% 7 tackles, 3 assists": a count, not a post
        # (a compound's own modifiers belong to the title: "economic | development | director")
        left = min([c.left_edge.i if c.dep_ == "compound" else c.i for c in app.lefts
                    if c.dep_ in {"compound", "amod", "nmod", "poss", "det", "case"}] + [app.i])
        found = _title_words(doc, index, left, app.i)
        if found is None:
            continue
        start, org = found
        if org is None:
            start, org = _team_in_front(doc, index, start, app.i)
        org = org or _org_after(doc, index, app.i + 1)
        out.append((_made_title(doc, start, app.i + 1), org))
        # "a singer and guitarist": an occupational noun joined to it by "and" is a second title
        for conj in app.children:
            if conj.dep_ == "conj" and conj.pos_ == "NOUN" and _occupation_noun(conj) \
                    and any(c.lower_ == "and" for c in app.children if app.i < c.i < conj.i):
                # (with its own owner: "a doctoral student and the union's president")
                left = min([c.left_edge.i if c.dep_ in {"compound", "poss"} else c.i for c in conj.lefts
                            if c.dep_ in {"compound", "amod", "poss", "det"}] + [conj.i])
                second = _title_words(doc, index, left, conj.i)
                if second is not None:
                    out.append((_made_title(doc, second[0], conj.i + 1), second[1] or org))
    head = _post_set_off(root)
    if root.dep_ == "appos" and head.i < span.start and head.pos_ in {"NOUN", "PROPN"} and _occupation_noun(head) \
            and span.start >= 1 and doc[span.start - 1].text == ",":
        # "Norway's special envoy to the talks, Kari Heggelund, told ...": the name set in apposition
        # after the post, whatever complement the post has
        left = min([c.i for c in head.lefts if c.dep_ in {"compound", "amod", "nmod", "poss", "det", "case"}]
                   + [head.i])
        found = _title_words(doc, index, left, head.i)
        if found is not None:
            start, org = found
            out.append((_made_title(doc, start, head.i + 1), org or _org_after(doc, index, head.i + 1)))
    pre = [c for c in root.lefts if c.i < span.start and c.dep_ in {"compound", "amod", "nmod"}]
    # "DL", "QB": an abbreviated post in capitals in front of a name reads as a title too
    abbreviated = pre and pre[-1].pos_ == "PROPN" and pre[-1].text.isupper() and len(pre[-1].text) <= 4 \
        and entity_in(doc, pre[-1].i, pre[-1].i + 1, index) is None
    if pre and pre[-1].i == span.start - 1 and (abbreviated or pre[-1].pos_ == "NOUN" and _occupation_noun(pre[-1])):
        left = min(c.left_edge.i for c in pre)
        found = _title_words(doc, index, left, pre[-1].i)
        if found is not None:
            start, org = found
            if org is None:
                start, org = _team_in_front(doc, index, start, pre[-1].i)
            out.append((_made_title(doc, start, pre[-1].i + 1), org))
    return out


def _post_set_off(name: Token) -> Token:
    """The noun a name set off by commas stands beside: the post whose whole phrase it follows ("The
    Chairman of the union in Lagos, Emeka Nwosu,": the parser hangs the name on "Lagos", the phrase's last
    noun), unless the noun it hangs on is a post itself."""
    head = name.head
    while not _occupation_noun(head) and head.dep_ == "pobj" and head.head.dep_ == "prep" \
            and head.head.head.i < head.i and head.head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head.head
    return head if _occupation_noun(head) else name.head


def _made_title(doc: Doc, start: int, end: int) -> Title:
    """A Title for words the lexicon need not know: normal form is the words themselves."""
    text = doc[start:end].text
    keep = doc[start].is_title or text.isupper()  # "Planetary Scientist", "LB" as written; else lower case
    normal = text if keep else text.lower()
    last = doc[end - 1]
    if last.tag_ in {"NNS", "NNPS"} and not text.isupper() and last.lemma_ and last.lemma_ != last.lower_:
        # a title several people share is written in the plural; each one's is the singular
        normal = normal[:len(normal) - len(last.text)] + last.lemma_.lower()
    return Title(start, end, normal, text, doc[start].is_title, start, text)


def _title_after_modifiers(doc: Doc, i: int, limit: int) -> Title | None:
    """A lexicon title after nouns in lower case that say of what ("a trading representative", "a sales
    manager"): the whole phrase, as written."""
    k = i
    while k < min(i + 3, limit) and doc[k].is_lower and doc[k].pos_ == "NOUN" and doc[k].dep_ == "compound":
        k += 1
    t = title_after(doc, k, limit) if k > i else None
    return _made_title(doc, i, t.end) if t is not None and t.start == k else None


def _whole_title(doc: Doc, t: Title, limit: int) -> Title:
    """The title with the rest of its noun phrase when the lexicon matched only its first words: "chief
    restructuring officer" (the lexicon has "chief"), up to an occupational head noun."""
    head = doc[t.end - 1].head
    if head.i < t.end or head.i >= limit or not _occupation_noun(head) \
            or not all(doc[k].dep_ in {"amod", "compound", "nmod"} for k in range(t.end, head.i)):
        return t
    return _made_title(doc, t.start, head.i + 1)


def _name_start(doc: Doc, s: int, e: int) -> int:
    """First token of the name proper inside a titled mention ("President | Donald Trump")."""
    for k in range(e - 1, s, -1):
        t = title_before(doc, k, s)
        if t is not None and t.end == k:
            return k
    return s


def find_roles(doc: Doc, index: EntityIndex, *, salient_org: Entity | None = None,
               people: frozenset[str] | None = None) -> list[dict[str, Any]]:
    """Every (person, title, organization) the text states, one row each (of the `people`, by entity
    id, where given)."""
    rows: list[dict[str, Any]] = []
    for ent in index.entities:
        if ent.type != "PERSON" or people is not None and ent.entity_id not in people:
            continue
        for m in ent.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or m.kind in ("description", "pronoun"):
                continue
            sent = span.sent
            ps = _name_start(doc, span.start, span.end)
            before = _roles_before(doc, index, ps, sent.start, salient_org)
            if not before and ps > 0 and doc[ps - 1].text in position_abbreviations():
                before = [(_made_title(doc, ps - 1, ps), None, None)]  # a roster's "DL Myles Garrett"
            org_after = _org_after(doc, index, span.end) or _seat_after(doc, index, span.end, sent.end)
            # ("geologist Jo Park of Acme Labs", "Judge Jo Park, who has sat on the Court of Appeal since 2012")
            hirer = _hiring_org(doc, index, span)  # "Rovers sacked head coach Jo Park" (not a former one)
            written = any(o is not None for _, o, _ in before)
            before = [(t, o or org_after or (hirer if t is not None and not _former(doc, t) else None)
                       or _implied_org(doc, index, t, salient_org, span.start) or _body_of_member(index, t)
                       or _body_of_post(doc, index, t)
                       or _office_place(doc, index, t, span.start) or _seat_of_members(doc, index, t), x)
                      for t, o, x in before]
            shared = {o.entity_id: o for _, o, _ in before if o is not None}
            if len(before) > 1 and len(shared) == 1 and not written:
                # "chairman, CEO and president Craig Menear": titles listed before a name with no
                # organization written among them are posts at one ("lead researcher and NASA planetary
                # scientist": NASA is the second title's)
                org = next(iter(shared.values()))
                before = [(t, o or org, x) for t, o, x in before]
            found = before + _roles_after(doc, index, span.end, sent.end, salient_org) + _heading_acts(doc, index, span)
            found += _appointed(doc, index, span)
            found += _predicate_roles(doc, index, span, salient_org)
            found += _conjoined_as_roles(doc, index, span)
            found += _tenure_as(doc, index, span)
            found += _shared_plural_title(doc, index, span, salient_org)
            # any occupational noun the parse sets in apposition or in front of the name; where the
            # lexicon found the same title, the phrase as written ("planetary scientist") is its wording
            by_end = {t.end: k for k, (t, _, _) in enumerate(found) if t is not None}
            for t, org in occupation_roles(doc, index, span):
                k = by_end.get(t.end)
                inner = None if k is not None else next(
                    (n for n, (lex, _, _) in enumerate(found) if lex is not None and t.start <= lex.start
                     and lex.end < t.end), None)
                if inner is not None:
                    # "Jo Park, the company's chief designer": the lexicon's "chief" is a word of the
                    # phrase the parse sets in apposition; the phrase is the title, at the same body
                    _, lex_org, text = found[inner]
                    found[inner] = (t, lex_org or org or org_after, text)
                elif k is None and not (t.end == ps and before):
                    implied = _implied_org(doc, index, t, salient_org, span.start)
                    found.append((t, org or org_after or implied, None))
                elif k is not None:
                    lex, lex_org, text = found[k]
                    if t.start < lex.core_start:
                        lex = replace(lex, core_start=t.start, start=min(lex.start, t.start))
                    found[k] = (lex, lex_org or org, text)
            for t, org, title in found:
                rows.append(_row(ent, t, org, title=title, text=_wording(doc, t, ps if t and t.end <= ps else None, org)
                                 if t else title))
                # "Kevin King and Timothy Weeks, both professors at ...": the first conjunct too
                k = span.start - 1
                while k > 0 and doc[k].ent_type_ == "NORP":  # "... and Australian Timothy Weeks"
                    k -= 1
                if k >= 1 and doc[k].lower_ == "and" and ps == span.start:
                    other = entity_in(doc, k - 1, k, index)
                    if other is not None and other.type == "PERSON" and other is not ent and t \
                            and t.text.endswith("s") and (doc[span.end:span.end + 2].text.startswith(", both") or (
                                t.start > span.end and doc[span.end].text == "," and doc[t.end - 1].tag_ == "NNS"
                                and _past_determiners(doc, span.end + 1, t.end) == t.start)):
                        # (or "A and B, the two directors of X": a plural title set off after them)
                        rows.append(_row(other, t, org, text=_wording(doc, t)))
    return unique_roles(rows)


def unique_roles(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows in order, each (person, normalized title, organization) once."""
    seen: set[tuple] = set()
    out = []
    for r in rows:
        key = (r["person_id"], r["title_normalized"].lower(), r["org_id"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _roles_before(doc: Doc, index: EntityIndex, ps: int, floor: int, salient: Entity | None) -> list:
    """Titles written before the name, with or without a comma, joined by 'and'."""
    out = []
    end = ps
    if ps - 1 >= floor and doc[ps - 1].text == ",":
        end = ps - 1
        office = entity_in(doc, end - 1, end, index)  # "the office of the NYAG, Letitia James"
        if office is not None and office.type in _ORG_TYPES:
            words = office.name.split()
            for n in range(min(4, len(words)), 0, -1):
                phrase = " ".join(words[-n:])
                t = title_after(_doc_of(doc, phrase), 0)
                if t is not None and t.end == n:
                    out.append((None, None, phrase))
                    break
            j = end - 1
            while j > floor and entity_in(doc, j - 1, j, index) is office:
                j -= 1
            j -= 1 if j > floor and doc[j - 1].lower_ == "the" else 0
            if not out and j - 1 > floor and doc[j - 1].lower_ in {"of", "at"}:  # "the boss of Acme, Jo Park"
                t = title_before(doc, j - 1, floor)
                if t is not None:
                    return [(t, office, None)]
    t = title_before(doc, end, floor) or title_with_complement(doc, end, floor)
    if t is not None and (end < ps and not _set_off_title(doc, index, t)
                          or getattr(entity_in(doc, t.end - 1, t.end, index), "type", "PERSON") != "PERSON"):
        t = None  # a title is no word of another name ("Blossom Music Center, Cuyahoga Falls")
    listed = False  # an "and" has joined two titles: a comma before them lists a third ("chairman, CEO and president")
    while t is not None:
        org, _ = _org_before(doc, index, t.start, salient, t.title)
        if org is None and t.end < end and doc[t.end].lower_ in {"of", "for", "to"}:
            org = _complement_org(doc, index, t.end, end)
        first = _modifiers_before(doc, index, t.start)
        if org is not None and first < t.start and is_possessive(doc[first - 1]):
            # "CNN's chief medical correspondent": the modifiers between the owner and the title are the title's
            t = replace(t, start=first, core_start=first)
        t = _with_place(doc, index, t)  # "U.S. Attorney Nealy Cox", "Russia adviser"
        if org is None:  # "Winnipeg police Chief Gordon Mercier": a body the title's own words name
            org = next((e for k in range(t.start, t.end) if (e := entity_in(doc, k, k + 1, index)) is not None
                        and e.type in _ORG_TYPES), None)
        out.append((t, org, None))
        # "scientist and study co-author": one plain noun may qualify the second title; "lead researcher
        # and NASA planetary scientist": so may the second title's organization and modifiers
        k = t.start - 1
        at = doc_tokens(doc)
        while k > floor and at[k].lower_ != "and" and t.start - k <= 4 and at[k].is_alpha \
                and (at[k].is_lower or (org is not None and entity_in(doc, k, k + 1, index) is org)):
            k -= 1
        if k >= floor and (doc[k].lower_ == "and" or listed and doc[k].text == "," and k == t.start - 1) \
                and (k == t.start - 1 or doc[k + 1].is_alpha):
            nxt = title_before(doc, k, floor)
            if nxt is not None:
                org2, _ = _org_before(doc, index, nxt.start, salient)
                out = [(tt, o or org2, x) for tt, o, x in out]
                listed = listed or doc[k].lower_ == "and"
                t = nxt
                continue
        break
    return out


def _set_off_title(doc: Doc, index: EntityIndex, t: Title) -> bool:
    """Whether a title before a comma is set off before the name ("Acme's founder and chairman, Ivo
    Marsh"), not an adverb ("Moving forward, Swift") or the last word of a name ("Blossom Music
    Center, Cuyahoga Falls")."""
    if doc[t.end - 1].pos_ not in {"NOUN", "PROPN"} and t.end - t.core_start == 1:
        return False  # (a title of several words is no adverb, whatever its last word: "secretary-general")
    before = doc[t.start - 1] if t.start > 0 else None
    return not (t.capitalized and before is not None and before.is_title and before.pos_ == "PROPN"
                and entity_in(doc, before.i, before.i + 1, index) is None)


def _implied_org(doc: Doc, index: EntityIndex, t: Title | None, salient: Entity | None, i: int) -> Entity | None:
    """"CEO Tim Cook said Apple ...": an organization's post written with no organization is at the
    company the article is about, when its sentence names that company or names no other; where no
    company dominates the article, at the organization its sentence is about, its main clause's subject
    ("Nottingham Forest have signed Braga striker X, with manager Steve Marwood describing ...")."""
    if t is None or not is_org_title(t.title) or _former(doc, t):
        return None
    salient = salient or _clause_subject_org(doc, index, i) or subject_org(doc, index, i) \
        or lede_business(doc, index)  # ("Sahyadri Polypack ... reported ...": a story about the lede's company)
    if salient is None:
        return None
    owner = next((c for c in doc[t.end - 1].children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ == "whose":
        return relative_antecedent(owner, index, _ORG_TYPES, nearest=True)  # "a firm whose chief executive, X,"
    if owner is not None or any(c.dep_ == "prep" and c.lower_ in {"of", "at", "for", "with"}
                                for c in doc[t.end - 1].children):
        return None  # "a member of the city council", "its director": the title names its own body, known or not
    bodies = _bodies_named(t)
    if bodies and not bodies & {w.lower() for w in salient.name.split()}:
        return None  # "Council member Jo Park", "Councilor Jo Park": the title says its body, a council
    named = _sentence_entities(doc, index, i)
    sent = doc[i].sent if i < len(doc) else doc[-1].sent
    bare = next((w for w in sent if w.lower_ in BUSINESS_NOUNS and w.i > 0 and doc[w.i - 1].lower_ == "the"
                 and w.dep_ != "appos"), None)  # ("Beta Inc., the company she founded": that is Beta's)
    if bare is not None:
        # called "the company": the one its paragraph has just introduced, else the article's
        return introduced_company(doc, index, bare.i) or salient
    if any(e.entity_id == salient.entity_id for e in named):
        return salient  # named as the article's company is
    return None if any(e.type in _ORG_TYPES for e in named) else salient


_CITY_OFFICES = wordlist("extract.roles", "city_offices")


def _office_place(doc: Doc, index: EntityIndex, t: Title | None, i: int) -> Entity | None:
    """'Mayor Jan Shepard' with no city written: the mayor of the city the story is set in, the one whose
    council it names ("Loveland City Council") or its dateline's ("ALLENTOWN, Pa. (AP) —"), as local news
    calls its own city's mayor just "Mayor"."""
    if t is None or t.title.lower() not in _CITY_OFFICES:
        return None
    return story_city(doc, index, [e for e in index.entities if e.type == "GPE"], min(i, len(doc) - 1))


def _seat_of_members(doc: Doc, index: EntityIndex, t: Title | None) -> Entity | None:
    """'Commissioner Rachel Okafor', 'Trustee Lee Waddell' with no body written: a seat on the one body (or
    place) whose members, in the plural, the article names acting ("Deschutes County commissioners approved",
    "West Chester Township trustees voted"), as the document model reads them."""
    if t is None or t.text.lower() not in ACTING_MEMBERS or " " in t.text:
        return None
    found = {e.entity_id: e for tok in doc_tokens(doc)
             if tok.tag_ == "NNS" and tok.lemma_.lower() == t.text.lower()
             and (e := entity_of(tok, index)) is not None and e.type != "PERSON"}
    return next(iter(found.values())) if len(found) == 1 else None


def _clause_subject_org(doc: Doc, index: EntityIndex, i: int) -> Entity | None:
    """The organization that is the subject of the nearest clause above the name at token i (its own
    clause aside): "Forest have signed X, with manager Jo Park describing ..." is about Forest."""
    if i >= len(doc):
        return None
    own = doc[i]
    for anc in own.ancestors:
        if anc.pos_ not in {"VERB", "AUX"}:
            continue
        subject = next((c for c in anc.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.left_edge.i <= i <= subject.right_edge.i:
            continue  # the name's own clause
        found = entity_in(doc, subject.i, subject.i + 1, index)
        return found if found is not None and found.type in _ORG_TYPES else None
    return None


def _bodies_named(t: Title) -> set[str]:
    """Head nouns of the bodies a title names: its own words ("Council member") or a member's title
    ("Councilor": a council)."""
    words = [w.lower() for w in t.text.split()]
    return ({w for w in words[:-1]} & INSTITUTION_HEADS) | {MEMBER_BODIES[w] for w in words if w in MEMBER_BODIES}


def _body_of_member(index: EntityIndex, t: Title | None) -> Entity | None:
    """The council or assembly a member's title names, where the article names exactly one body with that
    head noun: "Councilor Renee Harjo" and "Council member Tyrone Bascombe" sit on the "... City Council"."""
    heads = (_bodies_named(t) if t is not None else set()) & set(MEMBER_BODIES.values())
    if not heads:  # (only a council or an assembly: a "board member" may sit on a company's board)
        return None
    return body_of_members(index, heads)


def _body_of_post(doc: Doc, index: EntityIndex, t: Title | None) -> Entity | None:
    """"Governor Kwabena Asante-Mensah told a news conference", "Superintendent Renee Okonkwo said": a post
    that heads one kind of body (post_bodies.tsv), written with no body, is at the body of that kind the
    text names last before it; a bank only where it is a central bank by its name or is called "the
    central bank" ("Norges Bank"; commercial banks are run by chief executives)."""
    if t is None or _former(doc, t):
        return None
    heads = post_bodies().get(t.title.lower().split()[-1])
    if not heads:
        return None
    at, sent_end = doc[t.start].idx, doc[t.start].sent.end_char
    of_kind = [(m.start, e) for e in index.entities if e.type == "ORG"
               and ({head_noun(e.name), two_word_head(e.name)} & heads or "bank" in heads and is_central_bank(e.name))
               for m in e.mentions]
    named = [(start, e) for start, e in of_kind if start < at]
    # else the one its own sentence names after it ("Justice Orla Kinsella, sitting in the High Court")
    later = {e.entity_id: e for start, e in of_kind if at <= start < sent_end}
    if not named:
        return next(iter(later.values())) if len(later) == 1 and "bank" not in heads else None
    body = max(named, key=lambda pair: pair[0])[1]
    if "bank" in heads and not (is_central_bank(body.name) or any("central bank" in a.lower() for a in body.aliases)):
        return None
    return body


def _sentence_entities(doc: Doc, index: EntityIndex, i: int) -> list[Entity]:
    """The entities with a mention in the sentence of token i, but whom it was told to ("told Reuters",
    "told The Associated Press": the outlet a person speaks to is no party of the person's post) and those
    named only inside a quotation (the speaker's words: '"We disagree with OSHA's findings," spokesman Curtis
    Ballard said' says nothing of whose spokesman he is)."""
    sent = doc[i].sent if i < len(doc) else doc[-1].sent
    quoted = QuotedDoc.of(doc).ranges
    found, told = {}, set()
    for tok in sent:
        if any(a <= tok.idx < b for a, b in quoted):
            continue
        ent = entity_in(doc, tok.i, tok.i + 1, index)
        if ent is not None and is_told(tok):
            told.add(ent.entity_id)  # (by the head word of its name: "told Windpower | Brief")
        elif ent is not None:
            found[ent.entity_id] = ent
    return [e for e in found.values() if e.entity_id not in told]


def _with_place(doc: Doc, index: EntityIndex, t: Title) -> Title:
    """A title with the place or people written right before it as part of its wording ("U.S.
    Attorney", "Russia adviser"): the place says which office, not whose; and with a modifier of the
    title before the place ("Assistant U.S. Attorney", "Deputy U.S. Marshal")."""
    k = t.core_start
    while k > 0 and (ent := entity_in(doc, k - 1, k, index)) is not None and ent.type in PLACE_OR_PEOPLE:
        k -= 1
    while t.core_start > k > 0 and doc[k - 1].lower_ in TITLE_MODIFIERS and doc[k - 1].is_title == t.capitalized:
        k -= 1
    return t if k == t.core_start else replace(t, core_start=k, start=min(t.start, k))


def _complement_org(doc: Doc, index: EntityIndex, prep: int, end: int) -> Entity | None:
    """'Ambassador to the European Union', 'Prime Minister of the United Kingdom': the body or country
    a title's complement names the office of (not the country an ambassador is sent to)."""
    for k in range(prep + 1, end):
        e = entity_in(doc, k, k + 1, index)
        if e is not None and (e.type in _ORG_TYPES or e.type == "GPE" and doc[prep].lower_ in {"of", "for"}):
            return e
    return None


def title_with_complement(doc: Doc, end: int, floor: int) -> Title | None:
    """A formal title whose capitalized 'for/of' complement ends before token `end`
    ("Secretary of State for Health and Social Care, | Ann Lee")."""
    at = doc_tokens(doc)  # at[i] is doc[i] without a new Token object each time
    for k in range(end - 2, max(floor, end - 8) - 1, -1):
        if at[k].lower_ in {"for", "of", "to"}:  # "Ambassador to Japan"
            t = title_before(doc, k, floor)
            words = at[k + 1:end]
            # "Secretary of State for Health"; lower case only with "to" ("special envoy to Ukraine")
            if t is not None and (t.capitalized or at[k].lower_ == "to") \
                    and all(w.is_title or w.lower_ in {"and", "of", "the"} for w in words):
                return t
            return None
        if not (at[k].is_title or at[k].lower_ in {"and", "the"}):  # "Ambassador to the European Union"
            return None
    return None


def _doc_of(doc: Doc, text: str) -> Doc:
    """A tokenized copy of a short phrase, for matching a title inside an office's name."""
    return Doc(doc.vocab, words=text.split())


def _roles_after(doc: Doc, index: EntityIndex, pe: int, limit: int, salient: Entity | None) -> list:
    """Appositives, relative clauses and 'was named ...' after the name."""
    out = []
    pe = _past_age(doc, pe, limit)  # "Jane Roe, 45, a teacher at ...": the age comes first
    if pe + 1 < limit and doc[pe].text == ",":
        i = pe + 1
        if doc[i].lower_ == "who":  # ("Pruitt, who remains chief executive": at the article's company)
            return [(t, o or _implied_org(doc, index, t, salient, pe), x) for t, o, x in
                    _who_clause(doc, index, i + 1, limit)]
        org, owner_unread = None, False
        one_of = i + 2 < limit and doc[i].lower_ == "one" and doc[i + 1].lower_ == "of"
        if one_of:
            i += 2  # "Roger Pettibone, one of the county's three commissioners": one of a body's members
        i = _past_determiners(doc, i, limit)
        k = i
        while k < limit and k - i < 6 and not doc[k].is_punct and doc[k].tag_ != "POS" \
                and doc[k].text not in {"'s", "\u2019s"}:
            k += 1
        if k < limit and is_possessive(doc[k]):
            owner = entity_in(doc, k - 1, k, index)
            if owner is not None and owner.type in _ORG_TYPES \
                    and all(entity_in(doc, x, x + 1, index) is owner for x in range(i, k)):
                org, i = owner, k + 1
            elif owner is not None and owner.type == "GPE" \
                    and (office := title_after(doc, _past_count(doc, k + 1, limit), limit)) is not None \
                    and (office.title.lower() in PLACE_OFFICES or named_with_kind(owner.name)):
                org, i = owner, k + 1  # "Gail Marchetti, Sylvania's mayor": the place's own office ("Brannock
                # County's three commissioners": any post of a county's government, as before a name)
            elif owner is None and 1 <= k - i <= 3 and doc[k - 1].pos_ == "NOUN" and doc[i - 1].lower_ == "the" \
                    and all(doc[x].is_lower and doc[x].pos_ in {"NOUN", "ADJ"} for x in range(i, k)):
                # "Kevin Stroud, the jail's administrator", "Jo Park, the company's chief operating officer",
                # "Richard Almeda, the health system's president and CEO": a post at what "the jail", "the
                # health system" stands for, which the document model knows once descriptions are resolved;
                # never a guess at the organization named last
                owner_unread, i = True, k + 1
        if one_of:
            i = _past_count(doc, i, limit)  # "one of the county's three commissioners"
        if org is None and i + 1 < limit and doc[i].lower_ in BUSINESS_NOUNS \
                and title_after(doc, i + 1, limit) is not None:
            # "Alicia Brandt, a company spokeswoman": the company's, as "the company's spokeswoman" is
            org, i = described_org(doc, index, pe, doc[i].lower_, salient), i + 1
        if org is None:  # "a European Space Agency research fellow": the organization as modifier
            ent = entity_in(doc, i, i + 1, index)
            i = past_entity(doc, i, limit, index, ent)
            if ent is not None and ent.type in _ORG_TYPES:
                org = ent
            elif ent is not None:  # "a China scholar": a place or people word is no organization
                while i < limit and (doc[i].text == "-" or is_based_word(doc[i])):
                    i += 1  # "a Dubai-based partner at X": where the person works from is no word of the title
        while i < limit and doc[i].pos_ == "ADJ" and doc[i].lower_ not in TITLE_MODIFIERS \
                and title_after(doc, i, limit) is None:
            i += 1  # "a senior" stays, "a veteran" goes, not one that opens a title ("the special agent in charge")
        t = title_after(doc, i, limit) or _formal_title_after(doc, index, i, limit)
        titles_found = []
        while t is not None:
            titles_found.append(t)
            # "CEO and Founder of Ceres Robotics": titles joined by "and" share the organization (an
            # occupational noun the lexicon lacks, "a lawyer and novelist", is occupation_roles')
            if t.end + 1 < limit and doc[t.end].lower_ == "and":
                t = title_after(doc, t.end + 1, limit)
            else:
                break
        last = titles_found[-1].end if titles_found else limit
        if last < limit and getattr(entity_in(doc, last, last + 1, index), "type", None) == "PERSON":
            titles_found = []  # "Cory Booker, Hawaii Rep. Tulsi Gabbard, ...": a list of titled names
        if titles_found:
            org = org or _org_after(doc, index, titles_found[-1].end) \
                or _workplace_in_clause(doc, index, titles_found[-1].end, limit)
            # ("Alicia Brandt, a company spokeswoman, said": a post with no organization written is at the
            # article's company, as before a name)
            out += [(t, org or (None if owner_unread else _implied_org(doc, index, t, salient, pe)), None)
                    for t in titles_found]
            out += _second_title(doc, index, titles_found[-1].end, limit)
        else:  # "a former FDA investigator who is now a principal at X": an occupation the lexicon lacks (the
            # parse's to read) and a post in the relative clause on it
            k = next((k for k in range(i, min(limit, i + 8)) if doc[k].is_punct or doc[k].lower_ == "who"), None)
            if k is not None and doc[k].lower_ == "who":
                out += _who_clause(doc, index, k + 1, limit)
        return out
    if pe + 2 < limit and doc[pe].lemma_ == "be" and doc[pe + 1].lemma_ in _NAMED_VERBS:
        t = title_after(doc, pe + 2, limit)
        if t is not None:
            out.append((t, _org_after(doc, index, t.end), None))
    return out or _as_title(doc, index, pe, limit)


def _formal_title_after(doc: Doc, index: EntityIndex, i: int, limit: int) -> Title | None:
    """A formal title written in capitals with words of its own in front of a lexicon title, in an
    appositive ("Jo Park, Research and Advocacy Director at X"): the capitalized run is the title."""
    k = i
    while k < limit and k - i < 5 and (doc[k].is_title or doc[k].lower_ in {"and", "&"}) \
            and entity_in(doc, k, k + 1, index) is None:
        k += 1
        t = title_after(doc, k, limit)
        if t is not None and t.capitalized and t.core_start == k and doc[k - 1].lower_ not in {"and", "&"}:
            return _made_title(doc, i, t.end)
    return None


def _as_title(doc: Doc, index: EntityIndex, i: int, limit: int) -> list:
    """'(who) was sacked as manager of Rovers', 'joined as chief executive', 'served as mayor'."""
    k = i
    while k < limit and k - i < 5 and doc[k].pos_ in {"AUX", "VERB", "ADV", "PART"} and doc[k].lower_ != "as":
        k += 1
    joined = None
    if i < k < limit and doc[k - 1].lemma_ in {"join", "rejoin"}:
        # "joined Acme as chief executive": the organization joined confers the post
        joined = entity_in(doc, k, k + 1, index)
        while joined is not None and joined.type in _ORG_TYPES and k < limit \
                and entity_in(doc, k, k + 1, index) is joined:
            k += 1
    if k == i or k >= limit or doc[k].lower_ != "as" or doc[k].head.pos_ not in {"VERB", "AUX"}:
        return []
    verb = doc[k].head
    if verb.lemma_ in _NAMED_VERBS | {"pick", "select", "nominate", "install"} \
            and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return []  # "a hotelier Trump tapped as his ambassador": the one tapped takes the post, not Trump
    j = _past_determiners(doc, k + 1, limit)
    owner = entity_in(doc, j, j + 1, index)
    if owner is not None and owner.type in _ORG_TYPES:  # "as the Commodores coach", "as Acme's CEO"
        while j < limit and (entity_in(doc, j, j + 1, index) is owner or is_possessive(doc[j])):
            j += 1
    else:
        owner = None
    t = title_after(doc, j, limit)
    t = _whole_title(doc, t, limit) if t is not None else None  # "as a physician assistant"
    owner = owner or (joined if joined is not None and joined.type in _ORG_TYPES else None)
    if owner is not None and t is not None:
        return [(t, owner, None)]
    if t is not None and t.end < limit and is_possessive(doc[t.end]):
        t = title_after(doc, t.end + 1, limit)  # "served as the President's physician": the physician
    return [(t, _org_after(doc, index, t.end), None)] if t is not None else []


_TENURE = wordlist("extract.roles", "tenure_nouns")


def _tenure_as(doc: Doc, index: EntityIndex, span) -> list:
    """'X was hired after six seasons as an assistant at Baylor', 'X spent a decade as editor of Y': time
    spent "as" a post in the clause of which the person (or the "who" after the name) is the subject is the
    person's time in it (not where the stretch of time is someone else's: "praised Jo Park's years as mayor")."""
    head = span.root
    verbs = [head.head] if head.dep_ in ("nsubj", "nsubjpass") else []
    # "X, who spent 14 years as a senior planner at Y,": the relative clause's "who" is the person
    verbs += [c for c in head.children if c.dep_ == "relcl"
              and any(g.dep_ in ("nsubj", "nsubjpass") and g.tag_ == "WP" for g in c.children)]
    person = entity_in(doc, span.start, span.end, index)
    limit = doc[span.start].sent.end
    out = []
    for verb in verbs:
        # the stretch is the verb's own object or the object of one of its prepositions
        stretches = [*verb.children, *(g for c in verb.children if c.dep_ == "prep" for g in c.children)]
        for stretch in stretches:
            if stretch.lemma_.lower() not in _TENURE or stretch.pos_ != "NOUN":
                continue
            whose = [c for c in stretch.children if c.dep_ == "poss"]
            if whose and entity_in(doc, whose[0].i, whose[0].i + 1, index) is not person:
                continue
            # "after six seasons as an assistant", "spent a decade as editor" (the "as" hung on the verb whose
            # object the stretch is; not "came under attack last month as a new leader")
            for prep in [*stretch.children, *(verb.children if stretch.dep_ == "dobj" else ())]:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    t = title_after(doc, _past_determiners(doc, prep.i + 1, limit), limit) \
                        or _occupation_after_as(doc, index, prep)
                    if t is not None:
                        t = _whole_title(doc, t, limit)
                        out.append((t, _org_after(doc, index, t.end), None))
    return out


def _occupation_after_as(doc: Doc, index: EntityIndex, prep: Token) -> Title | None:
    """The occupational noun "as" names where the lexicon has no title for it ("as a senior planner")."""
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ != "NOUN" or not _occupation_noun(noun):
        return None
    left = min([c.i for c in noun.lefts if c.dep_ in {"compound", "amod", "det"}] + [noun.i])
    found = _title_words(doc, index, left, noun.i)
    return _made_title(doc, found[0], noun.i + 1) if found is not None else None


def _conjoined_as_roles(doc: Doc, index: EntityIndex, span) -> list:
    """'Jo Park is president of the school board and works as a physician assistant': a verb joined to
    the person's verb by "and" shares its subject, so its "as" phrase states a post too."""
    subj = span.root
    if subj.dep_ != "nsubj":
        return []
    return [r for c in subj.head.children if c.dep_ == "conj" and c.pos_ == "VERB"
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            for r in _as_title(doc, index, c.i, doc[c.i].sent.end)]


def _former(doc: Doc, t: Title) -> bool:
    """A title qualified as past ("former striker", "ex-manager")."""
    return any(w.lower_ in {"former", "ex", "ex-", "then", "then-"} for w in doc[t.start:max(t.core_start, t.start)])


_HIRING = wordlist("extract.roles", "hiring")


def _hiring_org(doc: Doc, index: EntityIndex, span) -> Entity | None:
    """'Rovers have sacked head coach Jo Park': the organization that hires or fires the person."""
    head = span.root
    if head.dep_ not in {"dobj", "nsubjpass"} or head.head.lemma_ not in _HIRING:
        return None
    return _acting_org(doc, index, head.head, passive=head.dep_ == "nsubjpass")


def _acting_org(doc: Doc, index: EntityIndex, verb: Token, *, passive: bool = False) -> Entity | None:
    """The organization that does what the verb says: its subject, or its "by" agent when passive."""
    if passive:
        who = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    else:
        who = [c for c in verb.children if c.dep_ == "nsubj"]
    ent = entity_in(doc, who[0].i, who[0].i + 1, index) if who else None
    return ent if ent is not None and ent.type in _ORG_TYPES else None


def _appointed(doc: Doc, index: EntityIndex, span) -> list:
    """'Acme has named Jo Park (as) its new chief executive': the post a verb of appointing gives its
    object, at the organization named after it or else the one that appoints."""
    head = span.root
    verb = head.head
    if head.dep_ in ("nmod", "compound") and head.head.dep_ in ("dobj", "oprd"):
        verb = head.head.head  # "named [Ann Lee chief operating officer]", parsed as one phrase
    elif head.dep_ not in {"dobj", "oprd"}:  # ("The board named Jo Park, 52, as ...": parsed as a complement)
        return []
    if verb.lemma_ not in _NAMED_VERBS:
        return []
    j = span.end
    limit = doc[span.start].sent.end
    if j < limit and doc[j].text == ",":  # "named Carla Dunn, a former executive at Oakmont, as its CFO",
        # "appointed Jo Park, 52, director of X, as director of Y": the verb's own "as" past the appositives
        as_phrase = next((c.i for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and j < c.i < limit
                          and doc[c.i - 1].text == ","), None)
        if as_phrase is None:  # the parser may hang that "as" elsewhere: the first ", as" past the appositives
            as_phrase = next((k for k in range(j + 1, limit) if doc[k].lower_ == "as" and doc[k - 1].text == ","
                              and not any(doc[x].pos_ in {"VERB", "AUX"} for x in range(j, k))), None)
        if as_phrase is not None:
            j = as_phrase
    if j < limit and doc[j].lower_ == "as":
        j += 1
    j = _past_determiners(doc, j, limit)
    t = title_after(doc, j, limit)
    if t is None:
        return []
    t = _whole_title(doc, t, limit)
    return [(t, _org_after(doc, index, t.end) or _acting_org(doc, index, verb), None)]


_COPULAS = wordlist("extract.roles", "copulas")


def _predicate_roles(doc: Doc, index: EntityIndex, span, salient: Entity | None) -> list:
    """A title stated as what the person is: "Jo Park is the chief executive of Acme", "Jo Park became
    Acme's head coach", "Jo Park and Ann Lee are co-chairs of the institute" (each subject of the
    copula holds it), "Jo Park left to become president of Acme" (a purpose infinitive's subject is
    the verb's). The noun is a title of the lexicon, or an occupational noun with its organization
    named; a negated copula states no role. A verb of holding a post in the present ("Karaca heads Kapi
    Legal Aid", "Jo Park owns Acme Bakery") states it too, as "who heads" does."""
    subj = span.root
    while subj.dep_ == "conj" and subj.head.pos_ == "PROPN":  # "Jo Park and Ann Lee are ..."
        subj = subj.head
    verb = subj.head
    if subj.dep_ == "nsubj" and verb.lemma_ not in _COPULAS:
        # "Jo Park stepped down to become president of Acme": the subject is the infinitive's too; so is
        # a conjoined copula's with no subject of its own ("had served on the board and was mayor")
        verb = next((c for c in verb.children if c.dep_ == "advcl" and c.lemma_ in _COPULAS
                     and is_infinitive(c)), None) \
            or next((c for c in verb.children if c.dep_ == "conj" and c.lemma_ in _COPULAS
                     and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), verb)
    if subj.dep_ != "nsubj" or verb.lemma_ not in _COPULAS or any(c.dep_ == "neg" for c in verb.children):
        return []
    # the first noun the copula states of the subject that names a post ("is the CEO of DH"; the
    # tokenizer may split "co-chairs" into several attributes, the last one the noun)
    attrs = [c for c in verb.children if c.dep_ == "attr" and c.i > subj.i and (
        c.pos_ == "NOUN" and _occupation_noun(c) or c.pos_ == "PROPN" and c.lower_ in titles())]
    attr = next((a for a in attrs if a.i + 1 >= len(doc) or doc[a.i + 1].text != "-"), None)
    if attr is None:
        return []
    left = min([c.i for c in attr.lefts if c.dep_ in {"compound", "amod", "nmod", "poss", "det", "case"}] + [attr.i])
    while left - 1 > verb.i and not doc[left - 1].whitespace_:  # "co-chairs", split by the tokenizer
        left -= 1
    found = _title_words(doc, index, left, attr.i)
    if found is None:
        return []
    start, org = found
    if org is None:  # "the company's chief executive": whose post, as before a name
        org, _ = _org_before(doc, index, start, salient)
    org = org or _org_after(doc, index, attr.i + 1)
    # the lexicon's title that ends at the noun, its modifiers first ("non-executive chairman": "chairman")
    lexical = next((t for k in range(start, attr.i + 1) if (t := title_after(doc, k, attr.i + 1)) is not None
                    and t.end == attr.i + 1), None)
    if lexical is not None:  # (a company's post with no company written is at the article's, as before a name)
        return [(replace(lexical, start=start, core_start=min(lexical.core_start, start)) if doc[start].is_lower
                 else lexical, org or _implied_org(doc, index, lexical, salient, subj.i), None)]
    return [(_made_title(doc, start, attr.i + 1), org, None)] if org is not None else []


def _listed(name: Token) -> bool:
    """A name after the first of a list of names: a conjunct, or a name set after a comma that the
    parser took for an apposition of the name before ("Justices A, B and C": B is A's "appos")."""
    if name.head.i == name.i:
        return False
    if name.dep_ == "conj":
        return True
    return name.dep_ == "appos" and name.pos_ == "PROPN" and name.head.pos_ == "PROPN" \
        and name.head.ent_type_ == "PERSON" == name.ent_type_ and name.left_edge.i > 0 \
        and name.doc[name.left_edge.i - 1].text == ","


def _shared_plural_title(doc: Doc, index: EntityIndex, span, salient: Entity | None) -> list:
    """'the founders Jo Park and Ann Lee', 'the two managers, Jo Park and Ann Lee,': a title in the
    plural before names joined by "and" is each one's; the first name gets it as any title before a
    name, the later ones here."""
    root = span.root
    first = root.head
    while _listed(first) and first.head.pos_ == "PROPN":  # "A, B, C and D": the list's first name (not a
        first = first.head  # noun the parser joined the list to: "The families ..., pipefitters A and B")
    ps = _name_start(doc, span.start, span.end)
    named = entity_in(doc, first.i, first.i + 1, index)  # (the document model's person: the model may
    # tag none after a title it does not know, "Trustees Carmen Solis and Ray Pittman")
    if not _listed(root) or first.pos_ != "PROPN" or named is None or named.type != "PERSON" \
            or ps == 0 or doc[ps - 1].lower_ not in {"and", ","}:
        return []  # a name with a title of its own before it ("..., singer-keyboardist Michael McDonald")
    k = first.i
    while k > 0 and entity_in(doc, k - 1, k, index) is named and (doc[k - 1].pos_ == "PROPN" or doc[k - 1].text == "-"):
        k -= 1  # (a hyphened surname is one name: "Linda Vasquez-Hale")
    k = _name_start(doc, k, first.i + 1)  # (the mention may hold the title: "Trustees | Carmen Solis")
    end = k - 1 if k > 0 and doc[k - 1].text == "," else k  # "the two managers, Jo Park and Ann Lee"
    t = title_before(doc, end, doc[k].sent.start)
    if t is None:  # "Singer-guitarists Tom Johnston and Patrick Simmons": any occupational noun
        t = next((o for o, _ in occupation_roles(doc, index, doc[k:first.i + 1]) if o.end in {k, end}), None)
    if t is None or not doc[t.end - 1].lower_.endswith("s") or doc[t.end - 1].tag_ not in {"NNS", "NNPS"} \
            and t.text.lower() != f"{t.title.lower()}s":  # (the lexicon's singular, "Trustee", says the plural)
        return []
    org, _ = _org_before(doc, index, t.start, salient)
    return [(t, org or _org_after(doc, index, span.end) or _implied_org(doc, index, t, salient, span.start), None)]


def _second_title(doc: Doc, index: EntityIndex, i: int, limit: int) -> list:
    """'a researcher at X and lead author of the study': a second title later in the appositive."""
    for k in range(i, min(limit, i + 12)):
        if doc[k].is_punct:
            return []
        if doc[k].lower_ == "who" and k == i:
            # "a former FDA investigator who is now a principal at Keystone Partners": a post of the
            # relative clause on the appositive's noun
            return _who_clause(doc, index, k + 1, limit)
        if doc[k].lower_ == "and" and (k == 0 or doc[k - 1].lower_ not in {"of", "for"}):
            j = _past_determiners(doc, k + 1, limit)
            t = title_after(doc, j, limit)
            return [(t, _org_after(doc, index, t.end), None)] if t is not None else []
    return []


def heading_roles(doc: Doc, index: EntityIndex) -> list[dict[str, Any]]:
    """The roles verbs of founding and heading state of every person named ("Dr Jo Park, who founded the
    group"), read on the whole document model, so that the organization may be a description or a pronoun."""
    return [_row(ent, None, org, title=title, text=title)
            for ent in index.entities if ent.type == "PERSON"
            for m in ent.mentions if m.kind not in ("description", "pronoun")
            and (span := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None
            for _, org, title in _heading_acts(doc, index, span)]


def _heading_acts(doc: Doc, index: EntityIndex, span) -> list:
    """'Dalbit was founded in 2009 by Kang Soo-ja', 'Founded in 2011 by Jo Park, Tucano ...', 'Kosmos, a
    group co-founded by Jo Park', 'Ledgerline, which Ana Cruz founded in 2017': who does a verb of founding
    to an organization (its patient, as the document model reads it) is its founder, whenever it was. The
    verbs of holding a post ('heads', 'runs', 'owns', 'has coached', 'a group led by') say so of a post held
    now only ('who ran the firm until 2019' held it once)."""
    # the name and a noun in apposition with it ("by Yoon's mother, Kang Soo-ja", "Sen. Jo Park, a Democrat
    # who chairs the committee")
    doers = set(range(span.start, span.end)) | {a.i for a in cl.children(span.root, "appos")}
    if span.root.dep_ == "appos":
        doers.add(span.root.head.i)
    out: list = []
    for verb in span.sent:
        if verb.pos_ != "VERB" or verb.lemma_ not in _HEAD_VERBS or any(c.dep_ == "neg" for c in verb.children):
            continue
        founding = verb.lemma_ in {"found", "co-found"}
        if not founding and not _present(verb):
            continue
        if not any(a.i in doers for a in cl.agents(verb)):
            continue
        orgs = [e for p in cl.patients(verb) if (e := _named_or_set_off(doc, index, p)) is not None
                and e.type in _ORG_TYPES]
        title = _HEAD_VERBS[verb.lemma_]
        if verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "co":
            title = "co-" + title  # "co-founded"
        out += [(None, org, title) for org in orgs]
    return out


def _present(verb: Token) -> bool:
    """Whether the verb group says what is so now: the verb or an auxiliary of it in the present tense
    ("heads", "has coached ... since 2015", "is owned by"), or a participle on its noun ("a group led by")."""
    return any(t.tag_ in PRESENT_VERB_TAGS for t in (verb, *cl.children(verb, "aux", "auxpass"))) \
        or verb.tag_ == "VBN" and verb.dep_ == "acl"


def _named_or_set_off(doc: Doc, index: EntityIndex, tok: Token) -> Entity | None:
    """The entity the noun phrase headed by `tok` names or whose thing it is ("Acme's research unit"), or the
    name set off by a comma before it ("Kosmos, a group founded by ...": an indefinite description after a
    name describes it)."""
    found = entity_of(tok, index, whose=True)
    k = tok.left_edge.i - 1
    if found is None and k > 0 and doc[k].text == ",":
        found = entity_in(doc, k - 1, k, index)
    return found


def _who_clause(doc: Doc, index: EntityIndex, i: int, limit: int) -> list:
    """'who heads Y' -> head of Y; 'who is also an executive at Y' -> executive of Y."""
    if i >= limit or (i := _clause_verb(doc, i, limit)) is None:
        return []  # ("who does not run Y")
    if any(v.lemma_ in _HEAD_VERBS and i <= v.i < limit for v in (doc[i], *doc[i].conjuncts)):
        return []  # ("who heads Y": a verb of heading, read by _heading_acts)
    if doc[i].lemma_ in _COPULAS:  # "who is", "who remains chief executive", "who is now its CFO"
        j = i + 1
        while j + 1 < limit and doc[j].dep_ == "advmod":
            j += 1
        j = _past_determiners(doc, j, limit)
        t = title_after(doc, j, limit) or _title_after_modifiers(doc, j, limit)
        if t is not None:
            # "who is now its chief operating officer": the organization the document model reads "its" as
            owner = next((e for k in range(i + 1, j) if doc[k].tag_ == "PRP$"
                          and (e := entity_in(doc, k, k + 1, index)) is not None and e.type in _ORG_TYPES), None)
            return [(t, _org_after(doc, index, t.end) or owner, None)]
        # "who will be the merged company's chairman", "who is Acme's general counsel": a possessor's post
        k = next((k for k in range(j, min(j + 6, limit)) if is_possessive(doc[k])), None)
        t = title_after(doc, k + 1, limit) if k is not None else None
        if t is not None and t.start == k + 1:
            org, _ = _org_before(doc, index, t.start, None)
            if org is not None:
                return [(t, org, None)]
    return _as_title(doc, index, i, limit)


_WORK_VERBS = wordlist("extract.roles", "work_verbs")
_WORKPLACE_PREPOSITIONS = wordlist("extract.roles", "workplace_prepositions")


def _workplace_in_clause(doc: Doc, index: EntityIndex, i: int, limit: int) -> Entity | None:
    """The organization a relative clause at i on a title says the person does that job at: "Kenji Mori, an
    analyst who covers carmakers at Hamada Securities in Tokyo", "a structural engineer who teaches at the
    Indian Institute of Technology"."""
    return _clause_org(doc, index, i, limit, _WORK_VERBS, _WORKPLACE_PREPOSITIONS, reach=7)


def _clause_org(doc: Doc, index: EntityIndex, who: int, limit: int, verbs: frozenset[str],
                prepositions: frozenset[str], *, reach: int) -> Entity | None:
    """The organization a relative clause opening with "who" at `who` names after one of `prepositions`, within
    `reach` words of its verb, where the verb is one of `verbs` ("who has sat on X", "who covers airlines at X")."""
    if not (who + 1 < limit and doc[who].lower_ == "who") or (k := _clause_verb(doc, who + 1, limit)) is None \
            or doc[k].lemma_.lower() not in verbs:
        return None
    at = next((j for j in range(k + 1, min(k + 1 + reach, limit)) if doc[j].is_punct or doc[j].lower_ in prepositions),
              None)
    return _org_after_verb(doc, index, at + 1, limit) if at is not None and not doc[at].is_punct else None


_SEAT_VERBS = frozenset({"sit", "serve"})
_SEAT_PREPOSITIONS = frozenset({"on", "in"})


def _seat_after(doc: Doc, index: EntityIndex, pe: int, limit: int) -> Entity | None:
    """The body a relative clause after the name says the person sits or serves on: "Judge Jo Park, 56, who
    has sat on the Appellate Division since 2012" (where the title before the name is held)."""
    i = _past_age(doc, pe, limit)  # ("Jo Park, 56, who ...": the age first)
    if not (i + 2 < limit and doc[i].text == ","):
        return None
    return _clause_org(doc, index, i + 1, limit, _SEAT_VERBS, _SEAT_PREPOSITIONS, reach=1)  # "who has sat on"


def _past_count(doc: Doc, i: int, limit: int) -> int:
    """Past the number of a body's members before their title ("the county's three commissioners")."""
    return i + 1 if i + 1 < limit and doc[i].like_num and doc[i + 1].is_alpha else i


def _past_age(doc: Doc, pe: int, limit: int) -> int:
    """The comma after a person's age set off right after the name ("Jane Roe, 45, a teacher"), else `pe`."""
    return pe + 2 if pe + 3 < limit and doc[pe].text == "," and doc[pe + 1].like_num and doc[pe + 2].text == "," \
        else pe


def _clause_verb(doc: Doc, i: int, limit: int) -> int | None:
    """The verb of a relative clause whose words start at i, past its auxiliaries and adverbs ("who has
    coached", "who also runs"); None where the clause is denied ("who does not run")."""
    while i + 1 < limit and (doc[i].dep_ == "aux" and doc[i].lemma_ != "be" or doc[i].dep_ in {"advmod", "neg"}):
        if doc[i].dep_ == "neg":
            return None
        i += 1
    return i


_WHERE_PREPOSITIONS = wordlist("extract.roles", "where_prepositions")


def _org_after_verb(doc: Doc, index: EntityIndex, i: int, limit: int) -> Entity | None:
    """The last organization named in the verb's object ("heads the group's Haqqani network"), before any
    phrase of where it is ("owns a bakery on Santa Fe Avenue": the street is no employer)."""
    found = None
    for k in range(i, min(i + 10, limit)):
        if doc[k].is_punct and doc[k].text not in {"&", "'", "\u2019"} or doc[k].lower_ in _WHERE_PREPOSITIONS:
            break
        ent = entity_in(doc, k, k + 1, index)
        if ent is not None and ent.type in _ORG_TYPES:
            found = ent
    return found


def extract_roles(doc: Doc, *, entities: EntityIndex) -> list[dict[str, Any]]:
    """Rows of the roles table (computed with the entities, so descriptions add roles too)."""
    if entities.roles is not None:
        return [dict(r) for r in entities.roles]
    return find_roles(doc, entities)

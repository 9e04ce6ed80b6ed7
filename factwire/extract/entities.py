"""Named entities of an article, resolved to one record per real-world entity.

spaCy NER spans are cleaned into names (no titles, possessives, leading "the", quoted nicknames,
hyphenated compounds), grouped (a surname joins the full name, an acronym its long form, "Disney"
"Walt Disney Co."), typed by a vote over all mentions plus rules of English (org suffixes, head
nouns, brand spellings, titles before a name), and completed with definite descriptions and roles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Token

from factwire.extract.amounts import find_money
from factwire.extract.quotemarks import QuotedDoc
from factwire.extract.roles import find_roles, heading_roles, title_with_complement, unique_roles
from factwire.extract.triggers import load_taxonomy
from factwire.nlp import char_span_start, doc_ents, doc_text, doc_texts, doc_tokens, span_text
from factwire.resolve import Entity, EntityIndex
from factwire.resolve.coordination import CONJUNCTIONS
from factwire.resolve.datelines import DASHES, dateline_end
from factwire.resolve.descriptions import add_clients, add_descriptions, comma_age, merge_renamed, salient_org
from factwire.resolve.draft import TITLE_WORDS, Draft, is_based_word, is_opening_gerund, is_possessive
from factwire.resolve.extents import EPITHET_OPENERS
from factwire.resolve.gazetteer import is_known_place, is_region, is_town, us_state_of
from factwire.resolve.grouping import Candidate, group_candidates
from factwire.resolve.lexicon import (
    ADDRESS_TITLES,
    EDITION_ADJECTIVES,
    GPE_DESCRIPTIONS,
    GPE_HEADS,
    HONORIFICS,
    LOC_WORDS,
    LOCATIVE_PREPOSITIONS,
    MEDIA_DESCRIPTIONS,
    NAME_HEAD_WORDS,
    NAME_TAILS_PLACE,
    ORG_DESCRIPTIONS,
    ORG_TITLES,
    PERSON_DESCRIPTIONS,
    PLACE_ONLY_PREPOSITIONS,
    SETTLEMENTS,
    SIZE_UNITS,
    country_type,
    position_abbreviations,
    product_nouns,
    pronouns,
    titles,
)
from factwire.resolve.metonymy import merge_capitals
from factwire.resolve.names import is_agent_noun, is_small_first_brand, name_key
from factwire.resolve.people import is_given_name, is_unattested_person
from factwire.resolve.pronouns import with_pronouns
from factwire.resolve.spans import (
    COMPASS,
    ENTITY_LABELS,
    PLATFORMS,
    RESIDENT_NOUNS,
    TRADED,
    find_names,
    is_model_year,
    is_nationality_adjective,
    is_plural_title,
    kind_in_apposition,
)
from factwire.resolve.speech_words import SPEECH_VERBS, verbs
from factwire.resolve.titles import title_after, title_before
from factwire.wordlists import wordlist


def _appositive_votes(doc: Doc, d: Draft) -> None:
    """'Contoso, a Dallas-based rival,' names a company (the more surely where the kind is said of the name
    itself, "Halcyon Digital, a cryptocurrency exchange"); 'Jo Park, a lawyer,' a person; so does the
    noun a name restates ("The group that owns her music, Big Machine, says"). A name a relative
    clause opened by "which" follows is no person's ("Big Machine, which was bought"): English says
    "who" of people."""
    last = doc[d.te - 1]
    nouns = [c for c in last.children if c.dep_ == "appos" and c.i >= d.te]
    if last.dep_ == "appos" and last.head.i < d.ts and last.head.pos_ == "NOUN" and doc[d.ts - 1].text == ",":
        nouns.append(last.head)
    if not nouns and (head := _indefinite_apposition(doc, d.te)) is not None:
        nouns.append(head)  # "according to Detained Abroad, a Paris-based campaign group.": the parser
        # may hang the phrase elsewhere; set off by commas after the name, it restates it
    for child in nouns:
        lemma = child.lemma_.lower()
        if lemma in ORG_DESCRIPTIONS:
            # ("Halcyon Digital, a cryptocurrency exchange": a kind of body said of the name itself outweighs
            # what its words read as; "a lender at Northwoods Bank" is a person's job)
            d.votes["ORG"] += 8 if kind_in_apposition(last) and not (d.label == "PERSON"
                                                                       and is_given_name(doc[d.ts].text)) else 5
        elif lemma in product_nouns():  # "Corsa, a compact car,"
            d.votes["PRODUCT"] += 5
        elif lemma in _PLACE_CLASS_NOUNS and child.tag_ == "NN" and d.label != "NORP" \
                and (d.ts == 0 or doc[d.ts - 1].pos_ in {"ADP", "DET", "PUNCT", "CCONJ", "VERB"}):
            d.votes["GPE"] += 8  # "Port Ashby, a shrinking former resort city on the coast" (not a piece of a
            # name the model cut: "Braunau am" + "Inn, a town on the border")
        elif lemma in PERSON_DESCRIPTIONS or lemma in titles():
            d.votes["PERSON"] += 5
    if d.label == "PERSON" and d.te + 1 < len(doc) and doc[d.te].text == "," and doc[d.te + 1].lower_ == "which" \
            and last.dep_ != "dobj" and any(c.dep_ == "relcl" and c.i > last.i for c in last.children):
        # "sold the rights to Ben Sherman, which was bought": a brand named after a person ("hired Jane
        # Roe, which analysts praised" comments on the whole clause, whose object the name is)
        d.votes["ORG"] += 8


_APPOSITION_POS = {"DET", "ADJ", "NOUN", "PROPN", "ADV", "NUM", "PUNCT", "CCONJ", "VERB"}


def _indefinite_apposition(doc: Doc, i: int) -> Token | None:
    """The head noun of "a/an ... NOUN" set off by a comma at token i and ending the clause (a comma,
    a period or the text's end after it), with no verb but a participle of its modifiers ("a
    Paris-based campaign group")."""
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in {"a", "an"}:
        return None
    at = doc_tokens(doc)
    k = i + 2
    while k < len(doc) and k - i < 10 and at[k].text not in {",", ".", ";", ":"}:
        if at[k].pos_ not in _APPOSITION_POS or at[k].pos_ == "VERB" and at[k].tag_ not in {"VBN", "VBG"} \
                or at[k].pos_ == "PUNCT" and at[k].text != "-":
            return None
        k += 1
    if k == i + 2 or k < len(doc) and at[k].text not in {",", ".", ";", ":"}:
        return None  # an empty phrase, or one that runs on past ten tokens
    head = at[k - 1]
    return head if head.pos_ == "NOUN" else None


def _class_noun_votes(doc: Doc, d: Draft) -> None:
    """'the website Full Fact', 'the charity Oxfam', 'the game Red Dead Redemption', 'the Bogota
    newspaper El Tiempo': a common noun for a kind of thing set right before a name says what the name
    is (close apposition)."""
    k = d.ts - 1
    if k < 1 or doc[k].pos_ != "NOUN" or not doc[k].is_lower or doc[k - 1].lower_ not in {"the", "a", "an"} \
            and doc[k - 1].pos_ not in {"ADJ", "NOUN", "PUNCT", "VERB", "PROPN"}:
        return
    last = doc[d.te - 1]
    close = (doc[k].dep_ in {"compound", "nmod", "amod"} and d.ts <= doc[k].head.i < d.te) \
        or (last.dep_ == "appos" and last.head.i == k) \
        or (doc[k - 1].lower_ in {"the", "a", "an"} and doc[k].dep_ == last.dep_)  # parsed as two subjects
    if not close:
        return
    lemma = doc[k].lemma_.lower()
    if lemma in ORG_DESCRIPTIONS or lemma in MEDIA_DESCRIPTIONS:  # ("the trade publication Pollstar")
        # (a kind of business named by its trade, "the law firm Brennan Halloway", "property consultancy
        # Pemberton Sayle", outweighs what the name's words read as, as in apposition after it; "political
        # rival Joe Biden" may be a person's rival)
        trade = doc[k].tag_ == "NN" and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in doc[k].children)
        d.votes["ORG"] += 8 if trade else 5
    elif lemma in product_nouns():
        d.votes["PRODUCT"] += 5


def _kind_of_list(noun) -> str | None:
    """The type a plural common noun gives the names listed as its examples."""
    lemma = noun.lemma_.lower()
    if lemma in product_nouns():
        return "PRODUCT"
    if lemma in ORG_DESCRIPTIONS:
        return "ORG"
    if lemma in GPE_DESCRIPTIONS:
        return "GPE"
    if lemma in PERSON_DESCRIPTIONS or lemma in titles():
        return "PERSON"
    return None


def _example_votes(doc: Doc, d: Draft) -> None:
    """'Nissan models like the Altima and Maxima', 'companies such as Acme, Globex and Initech': names
    listed as examples of a plural noun for a kind are of that kind."""
    t = doc[d.te - 1]
    while t.dep_ == "conj" and t.head.i < t.i:
        t = t.head
    if t.dep_ != "pobj":
        return
    prep = t.head
    such_as = prep.lower_ == "as" and (any(c.lower_ == "such" for c in prep.children)
                                       or prep.i > 0 and doc[prep.i - 1].lower_ == "such")
    noun = prep.head
    if (prep.lower_ == "like" or such_as) and noun.pos_ == "NOUN" and noun.tag_ == "NNS" and noun.i < prep.i:
        kind = _kind_of_list(noun)
        if kind is not None:
            d.votes[kind] += 6


# class nouns of places that have no other sense before "of" ("the state of Apple's business", "the
# capital of JPMorgan" are no places)
_PLACE_CLASS_NOUNS = GPE_DESCRIPTIONS - {"state", "capital", "country", "nation"}


_TOWN_PARTS = wordlist("extract.entities", "town_parts")


def _place_class_votes(doc: Doc, d: Draft) -> None:
    """'the city of Dayton', 'the town of Uvalde', 'the province of Quebec': a name after a class noun
    of places and "of" is a place of that class, whatever the model tagged it; so is a part of a town
    named before its noun, a town named before the noun of people who live there, and the town of a
    person's residence as news gives it after the age ("Thomas Abernathy, 58, of Fostoria")."""
    at = doc_tokens(doc)  # at[i] is doc[i] without a new Token object each time
    after = at[d.te] if d.te < len(doc) else None
    if d.ts >= 2 and at[d.ts - 1].lower_ == "of" and at[d.ts - 2].is_lower \
            and at[d.ts - 2].lemma_.lower() in _PLACE_CLASS_NOUNS and at[d.ts - 2].pos_ == "NOUN" \
            and not (after is not None and is_possessive(after)):
        d.votes["GPE"] += 8
    elif d.ts >= 4 and at[d.ts - 1].lower_ == "of" and at[d.ts - 2].text == "," and at[d.ts - 3].is_digit \
            and at[d.ts - 4].text == "," and not (after is not None and is_possessive(after)):
        d.votes["GPE"] += 8  # "Jo Park, 32, of Franklin": the age, then the town the person lives in
    # "a Duesseldorf-based utility": what a body is based in, hyphened on to "based", is a place
    elif after is not None and after.text == "-" and not at[d.te - 1].whitespace_ and not after.whitespace_ \
            and d.te + 1 < len(doc) and is_based_word(at[d.te + 1]) and d.label != "NORP":
        d.votes["GPE"] += 8
    # "the city's Short North neighborhood", "the Plaza Midwood neighborhood": a name before the lower-case
    # noun of a part of a town is that part, a place
    elif after is not None and after.is_lower and after.lemma_.lower() in _TOWN_PARTS and d.label != "NORP":
        d.votes["LOC"] += 8
    # "a 27-year-old Warner Robins man", "a Macon woman": a name before a lower-case noun of people named
    # by where they live is their town
    elif after is not None and after.is_lower and after.lemma_.lower() in RESIDENT_NOUNS and d.label != "NORP" \
            and at[d.te - 1].head.i == d.te and at[d.te - 1].dep_ == "compound":
        d.votes["GPE"] += 8  # ("Lawrence voters", "Tulsa homeowners")
    # "Harlan Springs city officials", "the Racine city council": a name before the lower-case noun of its class of
    # place and a noun after it is that place's
    elif after is not None and after.is_lower and after.lemma_.lower() in _PLACE_CLASS_NOUNS and d.label != "NORP" \
            and after.dep_ in {"compound", "nmod"} and after.head.i > after.i and after.head.pos_ == "NOUN":
        d.votes["GPE"] += 8
    # "in east Lawrence", "across northern Syria": a compass word in lower case before the name of a town
    # or country GeoNames knows places it there ("the northern Sierra Nevada" is a place of another kind)
    elif d.ts > 0 and at[d.ts - 1].is_lower and at[d.ts - 1].lower_ in COMPASS and d.label in {"PERSON", "ORG"} \
            and is_known_place(span_text(doc, d.ts, d.te)):
        d.votes["GPE"] += 6


def _coordinated_place_votes(doc: Doc, d: Draft) -> None:
    """'Maricopa and Pinal counties', 'the Martin, Howard and Glasscock county lines' read 'counties':
    names joined by "and" before the plural noun of a class of places ("counties", "provinces",
    "towns") are places of that class, whatever the model tagged them; before the plural of a landform
    ("the Rhine, the Ruhr and the Erft rivers"), landforms."""
    at = doc_tokens(doc)
    before = d.ts - 1 if d.ts > 0 and at[d.ts - 1].lower_ == "the" else d.ts
    k, joined = d.te, before > 0 and at[before - 1].lower_ in CONJUNCTIONS
    # (each name may take its article: "the Rhine, the Ruhr and the Erft rivers")
    while k < len(doc) and k - d.te < 10 and (at[k].lower_ in CONJUNCTIONS or at[k].text == "," or at[k].is_title
                                               or at[k].lower_ == "the"):
        joined = joined or at[k].lower_ in CONJUNCTIONS
        k += 1
    if joined and k < len(doc) and at[k].is_lower and at[k].tag_ == "NNS":
        noun = at[k].lemma_.lower()
        if noun in _PLACE_CLASS_NOUNS | NAME_TAILS_PLACE:
            d.votes["GPE"] += 8
        elif noun in LOC_WORDS:  # "the Rhine and Ruhr rivers", "the Rocky and Cascade mountains": landforms
            d.votes["LOC"] += 8


def _place_comma_region_votes(doc: Doc, d: Draft) -> None:
    """'Irvine, California', 'Louisville, Colorado': a name set before a comma and a country or US
    state names a place in it (a city), whatever the model tagged it."""
    if d.te + 1 < len(doc) and doc[d.te].text == "," and (us_state_of(doc[d.te + 1].text) or any(
            is_region(doc[d.te + 1:k].text) for k in (d.te + 2, d.te + 3, d.te + 4) if k <= len(doc))):
        d.votes["GPE"] += 8


def _locative_before(doc: Doc, d: Draft) -> str | None:
    """The preposition of place before the name, or before the first of the names it is listed with
    ("in Aurora, Centennial and Parker": all three are where), in lower case; else None."""
    if d.ts > 0 and doc[d.ts - 1].lower_ in LOCATIVE_PREPOSITIONS:
        return doc[d.ts - 1].lower_
    tok = doc[d.ts:d.te].root
    if tok.dep_ != "conj":
        return None
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    prep = tok.head
    listed = tok.dep_ == "pobj" and prep.lower_ in LOCATIVE_PREPOSITIONS and prep.i == tok.left_edge.i - 1
    return prep.lower_ if listed else None


def _went_to(doc: Doc, i: int) -> bool:
    """Whether token i is where a verb of going goes: the object of its "to" ("driving to Beavercreek"),
    or a name joined by "or"/"and" to one ("to Greenfield or Gardner")."""
    tok = doc[i]
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lemma_.lower() in _MOTION_VERBS


def _unknown_place_votes(doc: Doc, d: Draft) -> None:
    """A one-word name the model tagged as a place that GeoNames does not know (no country, state or
    city of 15,000 people so named) and that no locative preposition introduces is more likely a
    company's or a website's name ("her Netflix special", "Eurogamer's review"); one GeoNames knows
    after "born in", "lives in", "grew up in" is the place ("Born in Dayton", whatever the tag), and
    less surely after any preposition of place ("a jail in Albert Lea"); in these places a town of 1,000
    people is known too, and so it is for every name of a list after the preposition ("in Aurora,
    Centennial and Parker"), for a town naming a business's site ("the Aurora location") and for a town
    that owns a part of a town ("Kalamazoo's east side"); a name after a
    settlement's kind and "of", or described by one, is a place ("the town of Albion", "Flin Flon, a city of
    about 5,000 people")."""
    preposition = _locative_before(doc, d)
    after_locative = preposition is not None
    if d.label in {"PERSON", "ORG", "GPE"} and d.ts > 1 and doc[d.ts - 1].lower_ == "of" \
            and doc[d.ts - 2].lower_ in SETTLEMENTS:
        d.votes["GPE"] += 6  # "the nearby town of Albion": a settlement's kind, then its name
        return
    root = doc[d.ts:d.te].root
    if d.label in {"PERSON", "ORG", "GPE"} and d.te < len(doc) and doc[d.te].text == "," \
            and (d.label != "PERSON" or is_town(span_text(doc, d.ts, d.te))) and any(
            c.dep_ == "appos" and c.lemma_.lower() in SETTLEMENTS and c.i > d.te for c in root.children):
        d.votes["GPE"] += 6  # "Flin Flon, a city of about 5,000 people": a name a settlement's kind describes
        return
    if d.label in {"PERSON", "ORG"} and d.ts > 0 and doc[d.ts - 1].lower_ in {"the", "its", "their"} \
            and d.te < len(doc) and doc[d.te].lemma_.lower() in _BRANCH_NOUNS and doc[d.te].is_lower \
            and is_town(span_text(doc, d.ts, d.te)):
        d.votes["GPE"] += 4  # "the Aurora location", "its Kalamazoo plant": a business's branch, by its town
        return
    if d.label in {"PERSON", "ORG", "GPE"} and root.dep_ == "poss" and root.head.lemma_.lower() in _TOWN_BELONGINGS \
            and is_town(span_text(doc, d.ts, d.te)):
        d.votes["GPE"] += 4  # "Kalamazoo's east side", "Hanmer's residents": a part or the people of a town
        return
    if d.label in {"PERSON", "ORG", "GPE"} and d.ts > 0 and doc[d.ts - 1].lower_ in {"a", "an"} \
            and _person_by_trade_after(doc, d.te) and is_town(span_text(doc, d.ts, d.te)):
        d.votes["GPE"] += 4  # "a Vinton hog farmer", "a Wausau exporter": where a person or business is from
        return
    if after_locative and d.ts > 1 and doc[d.ts - 2].lemma_.lower() in _RESIDENCE_VERBS \
            and is_town(span_text(doc, d.ts, d.te)):
        d.votes["GPE"] += 6
        return
    if preposition in PLACE_ONLY_PREPOSITIONS and d.label in {"PERSON", "ORG"} \
            and not (d.te < len(doc) and is_possessive(doc[d.te])) and is_town(span_text(doc, d.ts, d.te)):
        d.votes["GPE"] += 6  # "the county jail in Albert Lea": a town GeoNames knows, where a place goes
        return
    if d.label in {"PERSON", "ORG"} and _went_to(doc, d.ts) and not (d.te < len(doc) and is_possessive(doc[d.te])) \
            and is_town(span_text(doc, d.ts, d.te)):
        d.votes["GPE"] += 6  # "driving to Beavercreek", "drive 40 minutes to Greenfield or Gardner"
        return
    if d.label != "GPE" or d.te - d.ts != 1 or not doc[d.ts].is_title or after_locative or d.votes["PRODUCT"]:
        return
    word = doc[d.ts].text
    if not is_known_place(word) and not country_type(word):
        d.votes["ORG"] += 3


def _person_by_trade_after(doc: Doc, k: int) -> bool:
    """Whether the lower-case noun phrase at token k names a person or business by trade ("hog farmer",
    "exporter", "insurance agent"; not "manual")."""
    at = doc_tokens(doc)
    head = None
    while k < len(doc) and at[k].pos_ == "NOUN" and at[k].is_lower and (head is None or k - head.i == 1):
        head, k = at[k], k + 1
    return head is not None and (head.lemma_.lower() in titles() or is_agent_noun(head.lemma_.lower()))


def _product_votes(doc: Doc, d: Draft) -> None:
    """A name that modifies a noun for a kind of product in the singular is a product's ("the RAV4
    small SUV", "the Zorin X2 smartphone"; "Nissan models" are the maker's); so is a name after a
    model year ("the 2021 Corsa"), one with a size ("the 16-inch MacBook Pro"), the object of a verb
    that brings out a thing made ("unveiled the Sentra"; the launch verbs of event_triggers.json); and a
    brand with a small first letter (or a name the model tagged a product) that an edition adjective
    sets against another ("the new iPhone") or that takes an article ("the iPod")."""
    at = doc_tokens(doc)
    if d.ts > 0 and is_model_year(doc, d.ts - 1):
        # (a year dates an event as it does a car's model: "the 1990 Awbrey Hall Fire" is a wildfire)
        d.votes["EVENT" if at[d.te - 1].text == "Fire" and d.te - d.ts > 1 else "PRODUCT"] += 5
    k = d.te
    while k < len(doc) and k - d.te < 3 and at[k].lower_ not in product_nouns() \
            and (at[k].pos_ == "ADJ" or at[k].pos_ == "NOUN" and at[k].tag_ == "NN") :
        k += 1
    last = at[d.te - 1]
    if k < len(doc) and at[k].lower_ in product_nouns() and at[k].tag_ in {"NN", "NNP"} \
            and last.head.i >= d.te and last.dep_ in {"compound", "amod", "nmod"} and last.pos_ != "ADJ":
        # (an adjective says where a thing is from: "the French plane-maker", "a Japanese car")
        d.votes["PRODUCT"] += 5
    if d.label not in {"ORG", "PRODUCT"} or last.lower_ in NAME_HEAD_WORDS:
        return
    if d.ts >= 2 and at[d.ts - 1].lower_ in SIZE_UNITS and (at[d.ts - 2].text == "-" or at[d.ts - 2].like_num):
        d.votes["PRODUCT"] += 5  # "the 16-inch MacBook Pro", "a 40-foot Sunseeker": a thing has a size
    if last.dep_ in {"compound", "amod", "nmod", "poss"}:
        return
    if last.dep_ == "dobj" and last.head.pos_ == "VERB" and load_taxonomy().brings_out(last.head):
        d.votes["PRODUCT"] += 5  # "Apple released the MacBook Pro", "Sony unveiled the PlayStation 5"
    if not (is_small_first_brand(at[d.ts].text) or d.label == "PRODUCT"):
        return  # ("the new Costco", "the old Microsoft", "the AfD", "the DoJ": bodies, not things made)
    before = [c for c in last.children if c.i < d.ts]
    if any(c.dep_ == "amod" and c.lower_ in EDITION_ADJECTIVES for c in before):
        d.votes["PRODUCT"] += 5  # "the new iPhone", "the latest Galaxy": an edition of a thing made
    elif any(c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in before):
        # "the iPhone", "an iPod": a brand takes an article when it names a thing made; a company's
        # brand is written bare ("eBay said", "on eBay")
        d.votes["PRODUCT"] += 5


def _first_name_left(doc: Doc, d: Draft, names: set[str]) -> None:
    """'sued Bo Dawson' with only 'Dawson' tagged, "Real Madrid's board" with only 'Madrid': an
    untagged capitalized proper noun before a name joins it (opening a sentence, only when the longer
    name is tagged elsewhere in the article)."""
    i = d.ts - 1
    if i < 0 or doc[i].pos_ != "PROPN" or not doc[i].is_title or doc[i].ent_type_ \
            or doc[i].lower_ in TITLE_WORDS | HONORIFICS or is_plural_title(doc[i].lower_) \
            or is_opening_gerund(doc[i]) or doc[i].lower_ in EPITHET_OPENERS \
            or doc[i].text in position_abbreviations():  # "Hosting | Tim Cook ...", "S | Damarious Randall",
        return  # "Rival | Castellan Brands agreed": an epithet opening the sentence
    if i > 0 and doc[i - 1].is_title and not doc[i - 1].is_sent_start and not doc[i - 1].ent_type_:
        return  # "Minister for Foreign Affairs Ann Lee": a run of capitals before a name is a title's
    one_word = d.te - d.ts == 1 and doc[d.ts].is_title  # "Rahm | Cole" with "Cole" tagged a product
    given = one_word and is_given_name(doc[i].text) and doc[d.ts].lower_ not in NAME_HEAD_WORDS
    if d.label == "PERSON" or doc[i:d.te].text in names or (d.label == "PRODUCT" and one_word) or given:
        # (a given name left untagged before one capitalized word is its first name: "Anders | Nilsson")
        d.ts = i
    elif not doc[i].is_sent_start and d.label in {"ORG", "GPE", "FAC"} and doc[i - 1].lower_ not in {"the", "a"}:
        d.ts = i


def _org_title_votes(doc: Doc, d: Draft) -> None:
    """'the Globex founder', "Globex's chief executive": who has a founder is an organization (not an
    adjective of nationality before a title: "the Canadian scientist" is a Canadian)."""
    if is_nationality_adjective(doc, d):
        return
    i = d.te + 1 if d.te < len(doc) and is_possessive(doc[d.te]) else d.te
    t = title_after(doc, i, min(len(doc), i + 6))
    if t is not None and t.start == i and t.title.lower() in ORG_TITLES and not t.capitalized:
        d.votes["ORG"] += 4


# What only an organization has: "Rovers' board", "Twitter's shares", "the club's players".
_ORG_POSSESSIONS = wordlist("extract.entities", "org_possessions")
_PERSON_POSSESSIONS = wordlist("extract.entities", "person_possessions")
_PLACE_POSSESSIONS = wordlist("extract.entities", "place_possessions")
# "joined Rovers", "signed for Rovers", "sacked by Rovers": who hires and plays is an organization
_HIRING_BY = wordlist("extract.entities", "hiring_by")
_SPEAKERS_FOR = wordlist("extract.entities", "speakers_for")  # "a spokeswoman for Jo Park" speaks for a person
_POST_ON = wordlist("extract.entities", "post_on")
_PLAY_FOR = wordlist("extract.entities", "play_for")
_REPORTED_BY = verbs("publication") | verbs("publish")  # "reported by X", "published by X"
_STAFF = wordlist("extract.entities", "staff")  # "employees at X"
# Verbs of where someone is from or lives: the place after "in" is a place ("born in Dayton")
_RESIDENCE_VERBS = wordlist("extract.entities", "residence_verbs")
_BRANCH_NOUNS = wordlist("extract.entities", "branch_nouns")
_TOWN_BELONGINGS = wordlist("extract.entities", "town_belongings")
_MOTION_VERBS = load_taxonomy().motion_verbs  # verbs of going (event_triggers.json): one list for both


def _works_for(noun: Token, prep: Token) -> bool:
    """'manager of Rovers', 'a scientist at Vexa', 'analysts at Charles Schwab': a post or a word for
    staff before of/at/for names an organization (but "a spokeswoman for Jo Park" speaks for a person)."""
    if noun.lower_ in _SPEAKERS_FOR:
        return False
    lemma = noun.lemma_.lower()
    return noun.lower_ in ORG_TITLES or lemma in ORG_TITLES or prep.lower_ == "at" and lemma in _STAFF


def _org_slot_votes(doc: Doc, d: Draft) -> None:
    """A name in an organization's slot is an organization, whatever the model tagged it (and one that has
    kin is a person)."""
    at = doc_tokens(doc)  # at[i] is doc[i] without a new Token object each time
    head = at[d.te - 1]
    nxt = d.te + 1 if d.te < len(doc) and is_possessive(at[d.te]) else None
    if nxt is not None and nxt < len(doc):
        k = nxt
        while k < len(doc) and at[k].pos_ == "ADJ":
            k += 1
        if k < len(doc) and at[k].lower_ in _ORG_POSSESSIONS:
            d.votes["ORG"] += 5
        elif k < len(doc) and at[k].lower_ in _PERSON_POSSESSIONS:
            d.votes["PERSON"] += 5  # "Trump's wife", "Steenburgen's son": only a person has kin
        elif k < len(doc) and at[k].lower_ in _PLACE_POSSESSIONS and d.label not in {"NORP", "LOC"}:
            d.votes["GPE"] += 5  # "Longmont's population": only a place has residents (a region, "Europe", its own)
    if d.te - d.ts == 1 and d.label == "PERSON" and d.ts >= 2 and at[d.ts - 1].lower_ == "to" \
            and at[d.ts - 2].lower_ == "according" and not is_given_name(at[d.ts].text):
        d.votes["ORG"] += 3  # "according to Comscore": a source cited by one word that is no first name is a
        # body's name (a person is cited by full name first; the surname's group outvotes this)
    gov = head.head
    if gov.i == d.te and gov.lower_ in TRADED and (d.label != "PERSON" or d.te - d.ts == 1
                                                    or head.dep_ == "compound" and gov.pos_ == "NOUN"):
        d.votes["ORG"] += 5  # "Netflix shares fell", "Hoang Long shares jumped" (a person's are "Neumann's
        # shares"; "Elon Musk shares his view" is a verb)
    if head.dep_ == "pobj" and gov.lower_ == "of" and gov.head.lower_ in TRADED:
        d.votes["ORG"] += 5  # "shares of Netflix"
    if head.dep_ == "pobj" and gov.dep_ in {"prep", "agent"}:
        verb = gov.head
        if gov.lower_ == "by" and verb.lemma_ in _HIRING_BY:
            d.votes["ORG"] += 4
        elif gov.dep_ == "agent" and verb.lemma_ in _REPORTED_BY and d.te - d.ts == 1:
            d.votes["ORG"] += 6  # "first reported by Politico": one word that reports is an outlet
        elif gov.lower_ in {"for", "with"} and verb.lemma_ in _PLAY_FOR and verb.pos_ == "VERB":
            d.votes["ORG"] += 3
        elif gov.lower_ in {"of", "at", "for"} and d.label not in {"GPE", "LOC"} and _works_for(verb, gov):
            # "manager of Rovers", "a scientist at Vexa"; no one works "at" a person: "analysts at Charles Schwab"
            d.votes["ORG"] += 8 if gov.lower_ == "at" else 4
        elif gov.lower_ == "on" and verb.lemma_ in _POST_ON and d.te - d.ts == 1 \
                or gov.lower_ == "to" and verb.lemma_ == "take" and d.te - d.ts == 1 and d.label != "GPE":
            # "posted on Twitter", "said on Weibo", "took to Instagram": one posts on a platform, not a person
            d.votes["ORG"] += 5
    elif head.dep_ == "dobj" and head.head.lemma_ == "join" and d.label != "PERSON" or \
            (head.dep_ == "dobj" and head.head.lemma_ == "join" and d.te - d.ts == 1):
        d.votes["ORG"] += 3
    if head.dep_ == "nsubj" and head.head.lemma_ in SPEECH_VERBS:
        said_in = [c for c in head.head.children if c.dep_ == "prep" and c.lower_ == "in"
                   and any(g.lemma_ == "statement" for g in c.children)]
        if said_in:  # "Rovers said in a statement": a statement is what an organization issues
            d.votes["ORG"] += 3 if d.te - d.ts == 1 or d.label != "PERSON" else 1


def _platform_votes(doc: Doc, d: Draft) -> None:
    """'Twitter', 'Instagram': a medium one speaks through, written as a name, is the company that runs it."""
    tok = doc_tokens(doc)[d.ts]
    if d.te - d.ts == 1 and tok.lower_ in PLATFORMS and tok.is_title:
        d.votes["ORG"] += 10


def _person_votes(doc: Doc, d: Draft) -> None:
    """Evidence that a name is a person's: a title or form of address before it, 'who' or an age set off
    by commas after it; and that it is not: people's names take no article ("the Sabres", "for the Wild")."""
    at = doc_tokens(doc)  # at[i] is doc[i] without a new Token object each time
    if d.ts > 0 and at[d.ts - 1].lower_ == "the" and d.te - d.ts == 1 and d.label == "PERSON":
        d.votes["ORG"] += 3
    if d.ts > 0 and at[d.ts - 1].text == "The" and not at[d.ts - 1].is_sent_start and d.label == "PERSON":
        d.votes["ORG"] += 3  # "according to The Verge": a capital "The" inside a sentence is part of a title
    t = title_before(doc, d.ts, max(0, d.ts - 8))
    if t is None and d.ts >= 2 and at[d.ts - 1].text == "," and d.te < len(doc) and at[d.te].text in {",", "."}:
        t = title_before(doc, d.ts - 1, max(0, d.ts - 9))  # "the company's founder and chairman, Ivo Marsh,"
        j = d.ts - 2
        while t is None and j > 0 and d.ts - j < 8 and (at[j].is_title or at[j].lower_ in {"the", "&"}):
            j -= 1
            if at[j].lower_ in {"of", "at"}:  # "the boss of Tern Capital, Ada Holm,"
                t = title_before(doc, j, max(0, j - 8))
    t = t or title_with_complement(doc, d.ts, max(0, d.ts - 9))  # "Ambassador to Japan Rahm Cole"
    if t is not None and t.start >= 2 and at[t.start - 1].text == "," and at[t.start - 2].ent_type_ == "PERSON":
        t = None  # "Rob Goldman, President Ascom North America": the title is Goldman's, the name his employer
    if t is not None or (d.ts and at[d.ts - 1].lower_ in HONORIFICS):
        d.votes["PERSON"] += 3
        words = at[d.ts:d.te]
        if t is not None and t.end == d.ts and 2 <= len(words) <= 3 and all(w.is_title and w.is_alpha for w in words):
            d.votes["PERSON"] += 6  # "presenter Ada Lake": a first name and surname right after a title
    if d.te + 1 < len(doc) and at[d.te + 1].lower_ == "who" and (at[d.te].text == "," or (
            at[d.te].text in DASHES or at[d.te].text == "(") and d.label != "NORP"):
        # "Tommy \u2014 who only goes by his first name online \u2014 retired" ("an Australian \u2014 who had been
        # held" stays a nationality)
        d.votes["PERSON"] += 3
    if comma_age(at, d.te + 1) is not None:
        d.votes["PERSON"] += 6  # "Harpreet Singh Sandhu, 52, who ...": news gives a person's age so
    _pronoun_agreement_votes(doc, d)
    last = at[d.te - 1]
    if d.te - d.ts > 1 and d.ts > 0 and at[d.ts - 1].text == "the" and d.label == "PERSON" \
            and last.dep_ not in {"compound", "amod"}:
        d.votes["ORG"] += 6  # "the Cleveland Browns": a name that heads a phrase after "the" is no person's
    plural = last.tag_ == "NNPS" or (last.tag_ in {"NNP", "NNS"} and d.ts > 0 and at[d.ts - 1].lower_ == "the")
    if d.te - d.ts == 1 and last.text.endswith("s") and is_small_first_brand(last.text[:-1]) \
            and last.text[:-1].isalpha():
        d.votes["PRODUCT"] += 6  # "the first iPhones": a brand in the plural counts things made ("the
        # IronPigs", "YouTubers" are teams and people)
    elif plural and last.lower_.endswith("s") and not last.lower_.endswith("ss") and d.label != "NORP":
        d.votes["ORG"] += 4  # "the Steelers", "Hurricanes": a name in the plural is a group's, not a person's


def _pronoun_agreement_votes(doc: Doc, d: Draft) -> None:
    """A name that is the subject of its clause, the only person-like name of its sentence, with a gendered
    pronoun of the pronoun lexicon ("he", "his", "her") in the clause after it ("Trump released the
    transcript of his call"): the pronoun agrees with the subject, a person's (an organization's is "its")."""
    root = doc[d.ts:d.te].root
    if root.dep_ != "nsubj" or root.head.pos_ not in {"VERB", "AUX"} \
            or any(c.dep_ == "det" for c in root.children):  # ("A CT of his chest": a thing; names take no article)
        return
    # (the parse is projective: the clause after the name runs to its verb's right edge)
    table = pronouns()
    if not any(table.get(w.lower(), ("", None))[1] for w in doc_texts(doc)[d.te:root.head.right_edge.i + 1]):
        return
    if not any(t.ent_type_ == "PERSON" and not d.ts <= t.i < d.te for t in root.sent):  # (no other person
        d.votes["PERSON"] += 4  # the pronoun may stand for)


def _titled_start(doc: Doc, d: Draft) -> int:
    """Start of a formal title or form of address written before a person's name ("President
    Donald Trump", "Mr. Trump")."""
    if d.ts and doc[d.ts - 1].lower_ in HONORIFICS and doc[d.ts - 1].is_title:
        return d.ts - 1
    t = title_before(doc, d.ts, max(0, d.ts - 8))
    if t is None or not t.capitalized:
        return d.ts
    if t.title.lower() in ORG_TITLES:
        # "CEO Jane Roe", "Spokesman John Kirby", "Acme Vice President Jane Roe" are jobs, not forms of
        # the name; "Vice President Biden", a form of address with no organization before it, is
        before = doc[t.start - 1] if t.start else None
        if t.title.lower() not in ADDRESS_TITLES or t.written.isupper() \
                or before is not None and (before.pos_ == "PROPN" or is_possessive(before)):
            return d.ts
    if doc[t.core_start].lower_ in GPE_HEADS and t.core_start > 0 and doc[t.core_start - 1].is_title \
            and t.core_start + 1 < d.ts:
        return t.core_start + 1  # "Marion County Clerk Ruth Ellison": "County" is the place's word, not the title's
    return t.core_start


def _evidence(doc: Doc, ts: int, te: int, label: str) -> Counter:
    """Type votes from the context of a name found without a tag (the rules the tagged ones get)."""
    d = Draft(ts, te, label)
    _org_slot_votes(doc, d)
    _org_title_votes(doc, d)
    _pronoun_agreement_votes(doc, d)
    return d.votes


def _sentence_period(text: str, name: str) -> int:
    """1 when a name's last token carries the period that ends its sentence ("... and SpaceX.") and
    the article writes the name elsewhere without it; else 0 ("Inc.", "Calif.", "U.S." keep theirs)."""
    if not name.endswith(".") or name.count(".") > 1 or len(name) < 3 or not name[-2].isalnum():
        return 0
    bare = re.compile(r"(?<!\w)" + re.escape(name[:-1]) + r"(?![\w.])")
    return 1 if bare.search(text) else 0


def _opens_sentence(doc: Doc, i: int) -> bool:
    """Whether token i is capitalized as its sentence's first word, as a name's own "The" is not: the
    sentence's first token; the first after the quotation mark that opens a quoted sentence ("\"The FDA is
    not going to ...", said: "The FDA ..."; a quoted title, "the \"The Voice\" finale", keeps its own); or
    the first after a dateline ("Paris (AFP) - The European Space Agency said"), however the parser joined
    the dateline to it."""
    at = doc_tokens(doc)
    if at[i].is_sent_start:
        return True
    mark = at[i - 1] if i > 0 else None
    if mark is not None and mark.is_quote and mark.whitespace_ == "" and (
            mark.is_sent_start or mark.i == 0 or at[mark.i - 1].is_space or at[mark.i - 1].text in {",", ":"}):
        return True
    return i > 0 and (at[i - 1].text in DASHES or at[i - 1].text == "-") \
        and any(dateline_end(at[k]) in (i - 1, i) for k in range(max(0, i - 12), i - 1))


def _candidate(doc: Doc, d: Draft) -> Candidate:
    """The grouping's view of a draft: character bounds and text (a sentence's closing period left
    out), label, votes and the context the grouping needs."""
    at = doc_tokens(doc)
    name = span_text(doc, d.ts, d.te)
    name = name[:len(name) - _sentence_period(doc_text(doc), name)]
    titled = d.label == "PERSON" or (d.ts and at[d.ts - 1].lower_ in HONORIFICS)
    return Candidate(at[d.ts].idx, at[d.ts].idx + len(name), name, d.label, canonical=d.canonical, votes=d.votes,
                     acronym_of=d.acronym_of, acronym_said=d.acronym_said, stands_for=d.stands_for,
                     sent_start=at[d.ts].is_sent_start,
                     cap_the=d.ts > 0 and at[d.ts - 1].text == "The" and not _opens_sentence(doc, d.ts - 1)
                     and d.label in {"ORG", "WORK_OF_ART"},
                     after_the=d.ts > 0 and at[d.ts - 1].text == "the",
                     the_before=d.ts > 0 and at[d.ts - 1].lower_ == "the",
                     the_modifies=_modifies_place_noun(doc, d.te),
                     titled_start=at[_titled_start(doc, d)].idx if titled else None)


def _modifies_place_noun(doc: Doc, k: int) -> bool:
    """Whether a name ending before token k modifies the common nouns after it, none of them a kind of
    product ("the Marshalltown gauge", not "the Mustang performance car brand": a brand's)."""
    at = doc_tokens(doc)
    nouns = []
    while k < len(doc) and at[k].is_lower and at[k].pos_ in {"NOUN", "ADJ"} and len(nouns) < 4:
        nouns.append(at[k])
        k += 1
    return bool(nouns) and nouns[0].pos_ == "NOUN" \
        and not any(t.lemma_ in product_nouns() or t.lemma_ == "brand" for t in nouns)


def extract_entities(doc: Doc, *, title: str | None = None,
                     quoted: Sequence[tuple[int, int]] | None = None) -> EntityIndex:
    """The article's document model: NER spans resolved into entities with canonical names, aliases
    and every mention (names, aliases, descriptions, and pronouns outside the `quoted` ranges)."""
    drafts = find_names(doc, [(a.start, a.end) for a in find_money(doc_text(doc))])
    names = {span_text(doc, e.start, e.end) for e in doc_ents(doc)}
    for d in drafts:
        _first_name_left(doc, d, names)
        _person_votes(doc, d)
        _platform_votes(doc, d)
        _appositive_votes(doc, d)
        _class_noun_votes(doc, d)
        _example_votes(doc, d)
        _org_title_votes(doc, d)
        _org_slot_votes(doc, d)
        _product_votes(doc, d)
        _place_comma_region_votes(doc, d)
        _place_class_votes(doc, d)
        _coordinated_place_votes(doc, d)
        _unknown_place_votes(doc, d)
    cands = [_candidate(doc, d) for d in drafts]
    entities = group_candidates(doc, cands, evidence=lambda ts, te, label: _evidence(doc, ts, te, label))
    index = EntityIndex(entities)
    salient = salient_org(index, doc)  # by names: pronouns and descriptions would favour the subject of the story
    named_roles = find_roles(doc, index, salient_org=salient)
    index = merge_capitals(doc, merge_renamed(doc, add_descriptions(doc, index, named_roles)))
    index = add_clients(doc, with_pronouns(doc, index, QuotedDoc.of(doc).ranges if quoted is None else quoted))
    return _without_unattested_people(doc, _with_model_roles(doc, index, salient))


_LIST_JOINT = re.compile(r"\s*(?:,|and|or|, and|, or)\s+")


def _listed_type(doc: Doc, index: EntityIndex, entity: Entity) -> str | None:
    """The type of a name listed right after this entity's mention by "and", "or" or a comma ("Quorvia
    and Zentrix Media"): a list names things of one kind."""
    text = doc_text(doc)
    for m in entity.mentions:
        joint = _LIST_JOINT.match(text, m.end)
        other = index.at(joint.end(), joint.end() + 1) if joint else None
        if other is not None and other is not entity and other.type != "PERSON":
            return other.type
    return None


def _without_unattested_people(doc: Doc, index: EntityIndex) -> EntityIndex:
    """The index without the one-word "people" the article never shows to be people; one listed with
    a name of another kind takes that kind, and one the model tags an organization where it names it
    again is one ("Emberline is buying ... an Emberline spokesperson ... Emberline said"), or the town
    the gazetteer knows by that name; so is any place the gazetteer knows ("Rajasthan became the first
    state"). A leader whose government the article names after him is a person ("the Obama administration
    ... Obama would sign")."""
    roles = index.roles or []
    leaders = {words[0] for e in index.entities if len(words := e.name.split()) == 2 and words[1] == "administration"}
    kept = []
    for e in index.entities:
        if not is_unattested_person(e, roles) or e.name in leaders:
            kept.append(e)
        elif (kind := _listed_type(doc, index, e)) is not None:
            kept.append(replace(e, type=kind))
        elif is_known_place(e.name):
            # "Rajasthan became the first state ...", and a town the model reads as a person and a body
            # ("Menomonie", "Asheville"): the place the gazetteer knows
            kept.append(replace(e, type="GPE"))
        elif _tagged_organization(doc, e):
            kept.append(replace(e, type="ORG"))
    return EntityIndex(kept, roles=roles)


def _tagged_organization(doc: Doc, entity: Entity) -> bool:
    """Whether the model tags one of the entity's name mentions an organization."""
    at = doc_tokens(doc)
    return any((k := char_span_start(doc, m.start, m.end)) is not None and at[k].ent_type_ == "ORG"
               for m in entity.mentions if m.kind in ("name", "alias"))


def _with_model_roles(doc: Doc, index: EntityIndex, salient: Entity | None) -> EntityIndex:
    """The index with the organizations of its roles read again on the whole document model. The
    roles were found on names only, so that descriptions could find their people ("the company's
    chief executive"); an organization written as a description or a pronoun ("The company hired Jo
    Park as chief restructuring officer", "It named Jo Park its next CFO") is known only now. A role
    left without an organization takes the one a second reading finds for the same person and title;
    nothing else changes."""
    # ("Dr Jo Park, who founded the group": a verb of heading whose organization is a description)
    roles = unique_roles([*(index.roles or []), *heading_roles(doc, index)])
    people = frozenset(r["person_id"] for r in roles if r["org_id"] is None)
    if not people:
        return EntityIndex(index.entities, roles=roles)
    # (the article's organization by names, else by every mention: the company a story calls "it" and "the
    # company" throughout, though its name is written as often as the regulator's)
    article_org = index.get(salient.entity_id) if salient else salient_org(index, doc)
    orgs = {(r["person_id"], r["title_normalized"]): r for r in
            find_roles(doc, index, salient_org=article_org, people=people)
            if r["org_id"] is not None}
    filled = [r if r["org_id"] is not None or (found := orgs.get((r["person_id"], r["title_normalized"]))) is None
              else {**r, "org": found["org"], "org_id": found["org_id"]} for r in roles]
    return EntityIndex(index.entities, roles=unique_roles(filled))


def entity_rows(index: EntityIndex) -> list[dict[str, Any]]:
    """Rows of the entities table."""
    return [
        {"entity_id": e.entity_id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
         "mention_count": len(e.mentions)}
        for e in index.entities
    ]


def mention_rows(index: EntityIndex) -> list[dict[str, Any]]:
    """Rows of the mentions table."""
    return [
        {"entity_id": m.entity_id, "text": m.text, "start": m.start, "end": m.end, "kind": m.kind}
        for m in index.mentions()
    ]


__all__ = ["ENTITY_LABELS", "entity_rows", "extract_entities", "mention_rows", "name_key"]

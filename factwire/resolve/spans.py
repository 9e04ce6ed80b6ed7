"""Name spans of one Doc: spaCy NER spans cleaned into names, plus names NER left out.

Cleaning drops titles, possessives, a leading "the", quoted nicknames, bare titles and hyphenated
name compounds; rules of English add what the small model misses ("a Sugar Land-based firm", an
untagged "T-Mobile" in a list of companies, "Zach Parise" when only "Parise" was tagged, "the Space
Force", an office such as "the New York State Attorney General").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from factwire.nlp import (
    FINITE_VERB_TAGS,
    char_span_start,
    doc_ents,
    doc_pos,
    doc_text,
    doc_texts,
    doc_tokens,
    span_text,
)
from factwire.resolve.coordination import joined_by_head, split_conjoined, untagged_conjuncts
from factwire.resolve.datelines import opens_paragraph, wire_credits
from factwire.resolve.draft import (
    TITLE_WORDS,
    TITLED_BODIES,
    Draft,
    is_based_word,
    is_opening_gerund,
    is_org_kind_noun,
    is_possessive,
)
from factwire.resolve.extents import (
    EPITHET_OPENERS,
    extend_cut_names,
    extend_over_number_words,
    extend_over_numbers,
    hyphened_given_name,
    portfolio_list,
    untagged_speakers,
)
from factwire.resolve.gazetteer import (
    is_country,
    is_known_place,
    is_major_place,
    is_us_state,
    us_state_of,
)
from factwire.resolve.lexicon import (
    BRANCH_WORDS,
    COMPANY_FIRST_WORDS,
    EVENT_HEADS,
    FAC_HEADS,
    GPE_HEADS,
    HONORIFICS,
    INSTITUTION_HEADS,
    LEGAL_FORM_PREFIXES,
    LEGAL_FORMS,
    LOC_WORDS,
    LOCATIVE_PREPOSITIONS,
    MEMBER_NOUNS,
    MONTHS,
    NAME_HEAD_WORDS,
    NAME_TAILS_ORG,
    NAME_TAILS_PLACE,
    NATIONAL_INSTITUTIONS,
    NUMBERED_HEADS,
    ORG_DESCRIPTIONS,
    ORG_FIRST_WORDS,
    ORG_HEADS,
    ORG_NAME_WORDS,
    ORG_SUFFIXES,
    PLACE_TITLES,
    PRODUCT_HEADS,
    TITLE_QUALIFIERS,
    celestial_bodies,
    common_abbreviations,
    country_name,
    is_org_title,
    kind_nouns,
    named_with_kind,
    position_abbreviations,
    titles,
)
from factwire.resolve.names import (
    acronym_letters,
    declares_short_form,
    head_noun,
    initials,
    is_agent_noun,
    is_small_first_brand,
    looks_like_brand,
    without_diacritics,
)
from factwire.resolve.people import is_family_name_first, is_given_name
from factwire.resolve.speech_words import NAMING_VERBS, REPORTING_LEMMAS, SPEECH_VERBS, nouns
from factwire.resolve.titles import title_after, title_before
from factwire.wordlists import wordlist

ENTITY_LABELS = wordlist("resolve.spans", "entity_labels")
_TITLED_LABELS = frozenset({"WORK_OF_ART", "EVENT", "LAW"})  # names written as titles, verbs and all
_NOT_IN_NAMES = wordlist("resolve.spans", "not_in_names")  # "Awards | after | Swift": no name holds them
TRADED = wordlist("resolve.spans", "traded")  # "shares of Netflix": no word of the company's name
_YEAR = re.compile(r"(?:19|20)\d\d")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.I)  # an ordinal in figures: "6th", "101st"
_ELIDED_ARTICLE = re.compile(r"[dl]['\u2019][A-Z]")  # "d'Alene", "l'Aquila"
_SCORE = re.compile(r"\d+\s?[-\u2013]\s?\d+")
_SCALED_AMOUNT = re.compile(r"\d+\.\d+(?:bn|mn|tn|[kKmMbB])")  # "3.8M", "1.5bn"
_QUOTES_OPEN = wordlist("resolve.spans", "quotes_open")
_QUOTES_CLOSE = wordlist("resolve.spans", "quotes_close")
_HYPHENED_PAIR = re.compile(r"([\w.]+)\s?-\s?([\w.]+)")
# unions built once, not per word; a legal form ends a company's name, never a person's ("Ridgeback | Nickel Corp.")
_NAMED_PLACE_OR_ORG_HEADS = ORG_NAME_WORDS | GPE_HEADS | LOC_WORDS | FAC_HEADS | LEGAL_FORMS
_TITLES_HONORIFICS = TITLE_WORDS | HONORIFICS
_LEGAL_FORMS_OF = LEGAL_FORMS | {"co", "co."}  # "Co." ends a name too, but opens "Co. Cork" (a county)
_HEADED_NAME_TYPES = {**{w: "ORG" for w in ORG_HEADS}, **{w: "EVENT" for w in EVENT_HEADS},
                      **{w: "FAC" for w in FAC_HEADS}, **{w: "PRODUCT" for w in PRODUCT_HEADS},
                      **{w: "GPE" for w in wordlist("resolve.spans", "untagged_place_heads")}}


def is_model_year(doc: Doc, i: int) -> bool:
    """A year written before a capitalized name: a model year ("the 2021 RAV4 Prime"), no part of it."""
    return bool(_YEAR.fullmatch(doc[i].text)) and i + 1 < len(doc) and doc[i + 1].text[:1].isupper()


def _in_quotes(doc: Doc, ts: int, te: int) -> bool:
    """A span set off in quotation marks on both sides: a nickname or a title, not a name."""
    before = doc[ts - 1].text if ts > 0 else ""
    after = doc[te].text if te < len(doc) else ""
    return before in _QUOTES_OPEN and after in _QUOTES_CLOSE


def _with_particles(at: list[Token], toks: list[int]) -> list[int]:
    """A person's name span with the particles of its surname the model left outside it: before it ("Van der |
    Heijden", "de la | Cruz"), the surname after particles it ends in ("Ursula von der | Leyen") or that follow it
    ("Joana Ferreira | dos Santos"), and the given name before particles it opens with ("Chief Executive Joost |
    van der Heijden")."""
    k = toks[0]
    while k > 0 and at[k - 1].lower_ in _NAME_PARTICLES:
        k -= 1
    run = [at[i] for i in range(k, toks[0])]
    if run and (len(run) >= 2 or run[0].is_title or k > 0 and is_given_name(at[k - 1].text)):
        toks = [*range(k, toks[0]), *toks]
    k = end = toks[-1] + 1
    while k < len(at) and at[k].text in _NAME_PARTICLES:
        k += 1  # ("Joana Ferreira | dos Santos", "Luiz Inácio Lula | da Silva": particles the model left outside)
    if (at[toks[-1]].text in _NAME_PARTICLES or k > end and len(toks) >= 2) and k < len(at) and at[k].is_title \
            and at[k].ent_type_ != "ORG":
        toks = [*toks, *range(end, k + 1)]
    if _opens_surname(at, toks, "PERSON") and toks[0] > 0 and is_given_name(at[toks[0] - 1].text):
        toks = [toks[0] - 1, *toks]
    return toks


def _particle_after_given_name(at: list[Token], i: int) -> bool:
    """Whether a surname's particle at i follows a given name, as "Al", the article of an Arabic surname, does
    in "Maitha Al Suwaidi" (not the given name Al after a title: "Sen. Al Franken", "Coach Al Golden")."""
    before = at[i - 1] if i else None
    return at[i].lower_ in _NAME_PARTICLES and before is not None and before.is_title and before.is_alpha \
        and before.lower_ not in titles() and before.lower_ not in TITLE_WORDS


def _opens_surname(at: list[Token], toks: list[int], label: str) -> bool:
    """Whether a person's name span opens with the particles of a surname: two of them ("van der Heijden"), or
    one after a given name ("Joost | van Dijk"; "the van | Peterson rented" is a vehicle)."""
    k = 0
    while k < len(toks) and at[toks[k]].text in _NAME_PARTICLES:
        k += 1
    return label == "PERSON" and 0 < k < len(toks) and at[toks[k]].is_title \
        and (k >= 2 or toks[0] > 0 and is_given_name(at[toks[0] - 1].text))


def _hyphened_on(at: list[Token], i: int) -> bool:
    """Whether token i is the second half of a hyphened word ("Jin-woo", "Sun-hee")."""
    return i >= 2 and at[i - 1].text == "-" and not at[i - 1].whitespace_ and not at[i - 2].whitespace_


def _clean(doc: Doc, ts: int, te: int, label: str) -> list[Draft]:
    """Trim an NER span to the name(s) it holds; [] when it is no name at all."""
    at = doc_tokens(doc)  # one Token object per token, not one per doc[i]
    breaks = [i for i in range(ts, te) if at[i].is_space and "\n" in at[i].text or at[i].text == "@"]
    if breaks:  # a name never runs across a line break ("... Amphitheatre | (new paragraph) Police") or
        # an "@" standing for "at" ("Toronto, ON @ Budweiser Stage")
        bounds = [ts, *breaks, te]
        return [d for a, b in zip(bounds, bounds[1:], strict=False)
                for d in _clean(doc, a if a == ts else a + 1, b, label) if b > (a if a == ts else a + 1)]
    if _DAY_MONTH_YEAR.fullmatch(span_text(doc, ts, te)):
        return []  # "9 September 2022", "September 9, 2022" tagged as an event: a date, no name
    if _SCALED_AMOUNT.fullmatch(span_text(doc, ts, te)):
        return []  # "a hold on 3.8M credits": a number with its scale, no name (a name, "3M", has no decimals)
    if label not in _TITLED_LABELS and any(at[i].lemma_ == "be" and at[i].pos_ == "AUX" for i in range(ts + 1, te)):
        return []  # "Current Roster Of Games Is", a heading in title case: a clause, not a name
    cut = next((i for i in range(ts + 1, te) if at[i].text in _NOT_IN_NAMES
                or at[i].is_lower and at[i].pos_ in {"VERB", "AUX"}
                and (label not in _TITLED_LABELS or at[i].lemma_ in REPORTING_LEMMAS)
                or at[i].text == ":" and label not in _TITLED_LABELS), None)
    if cut is not None:  # "American Music Awards | after | Swift": a name never holds "after" in lower case,
        # nor a verb ("Mercado | told | The Associated Press"; a title of a work may, but for one that
        # reports: "Gone with the Wind"), nor a colon but in a title ("Jo Park: | Dealing in cocaine",
        # a list's entry; "Star Wars: The Last Jedi")
        rest = cut + 1 < te and at[cut].text != ":"  # (after a colon, an entry's text, not a name)
        return _clean(doc, ts, cut, label) + (_clean(doc, cut + 1, te, label) if rest else [])
    located = next((i for i in range(ts + 2, te - 1) if at[i].lower_ in {"in", "at"} and at[i - 1].is_title
                    and at[i - 1].lower_ in _NAMED_PLACE_OR_ORG_HEADS and is_known_place(span_text(doc, i + 1, te))),
                   None)
    if located is not None and not _in_quotes(doc, ts, te):
        # "Treasure Valley Children's Hospital | in | Boise" read as one title of a work: a body or building
        # named by its head noun, then the place it is in
        body = "ORG" if label == "WORK_OF_ART" else label
        return _clean(doc, ts, located, body) + _clean(doc, located + 1, te, "GPE")
    on = next((i for i in range(ts + 1, te - 1) if at[i].text == "on" and at[te - 1].lower_ in FAC_HEADS), None)
    if on is not None:
        # "the Quick Stop on Main Street": a place of business and the street it is on, two names
        return _clean(doc, ts, on, label) + _clean(doc, on + 1, te, "FAC")
    legal = next((i for i in range(ts + 1, te - 2) if at[i].lower_ in _LEGAL_FORMS_OF
                  and at[i + 1].lower_ == "of" and at[i + 2].is_title), None)
    if legal is not None and label == "ORG":
        # "Kessler Bridge & Grading Co. | of Dubuque": a legal form ends a company's name; "of" and a
        # name after it say where the company is from
        return _clean(doc, ts, legal + 1, label) + _clean(doc, legal + 2, te, "GPE")
    inner_the = next((i for i in range(ts + 1, te - 1) if at[i].text == "the"
                      and at[i - 1].lower_ not in {"of", "and", "for", "in", "on", "at", "&", "to"}), None)
    if inner_the is not None and at[te - 1].tag_ in {"NNPS", "NNS"}:
        # "told Billboard the Doobies have ...": two names the model ran together ("Alexander the Great",
        # an epithet in the singular, stays whole)
        return _clean(doc, ts, inner_the, label) + _clean(doc, inner_the + 1, te, label)
    toks = list(range(ts, te))
    # cut at an inner possessive: "Vox Media's Code Media" -> "Vox Media"; what follows is a name
    # of its own when it is an organization's ("NASA's Office of the Inspector General")
    for k, i in enumerate(toks[1:], 1):
        if is_possessive(at[i]) and k + 1 < len(toks) and at[toks[k + 1]].is_title and at[i - 1].is_title \
                and _peoples_possessive(at, i, [at[j] for j in toks[k + 1:]]):
            continue  # "Children's Hospital", "Farmers' Union": a kind of people's possessive is a word of the
            # name (a name's possessive is its owner's: "the Guard Corps' Quds Force")
        if is_possessive(at[i]):
            owned = [j for j in toks[k + 1:]]
            toks = toks[:k]
            if owned and at[owned[0]].is_title and (any(at[j].lower_ in ORG_NAME_WORDS for j in owned)
                                                     or (len(owned) == 1 and label == "ORG")):
                # "NASA's Office of ...", "Alphabet's Google", "Braun's Ithaca Holdings": an owner's
                # unit, brand or company
                return _clean(doc, toks[0], toks[-1] + 1, label) + [Draft(owned[0], owned[-1] + 1, "ORG")]
            break
    while toks and (at[toks[0]].is_punct or is_possessive(at[toks[0]]) or at[toks[0]].lower_ == "the"
                    or at[toks[0]].lower_ in ORG_SUFFIXES and len(toks) > 1  # "Inc. | Acme makes pumps"
                    # (a head word opens a name before a word: "Bank Indonesia", but "Group | A" is a pool)
                    and (at[toks[0]].lower_ in LEGAL_FORMS or at[toks[0]].text.endswith(".") or len(at[toks[1]]) < 2)
                    and not (at[toks[0]].text.isupper() and at[toks[0]].lower_ in ORG_FIRST_WORDS)  # "FC Porto"
                    and at[toks[1]].lower_ != "of"  # (a head word "of" a place opens its name: "Bank of England")
                    or is_model_year(doc, toks[0]) and len(toks) > 1  # "the 2020 | Sentra"
                    or at[toks[0]].lower_ in HONORIFICS
                    or at[toks[0]].is_sent_start and at[toks[0]].lower_ in EPITHET_OPENERS and len(toks) > 1
                    # ("Besides Oyelaran, the nominees are ...": a preposition, adverb or conjunction opening
                    # the sentence is capitalized as the sentence's first word, not as a name's; a word of
                    # English's closed classes only, whatever the tagger says of "Pike Range Capital")
                    or at[toks[0]].is_sent_start and at[toks[0]].lower_ in TRADED and len(toks) > 2
                    and at[toks[1]].lower_ == "of"  # "Shares of Tillman & Hayes jumped": the sentence's capital
                    or at[toks[0]].is_sent_start and at[toks[0]].tag_ in {"IN", "RB", "CC"} and len(toks) > 1
                    and at[toks[0]].lower_ in STOP_WORDS and at[toks[0]].lower_ not in _NAME_PARTICLES
                    or at[toks[0]].is_lower and not _ORDINAL.fullmatch(at[toks[0]].text)
                    and not _opens_surname(at, toks, label)):
        toks = toks[1:]  # (a numbered name keeps its number: "6th Avenue", "10th Circuit")
    if toks and label == "PERSON":
        toks = _with_particles(at, toks)
    # ("President Donald Trump" tagged as one PERSON span: find_names strips the title from every name)
    if label == "PERSON" and len(toks) > 1 and is_opening_gerund(at[toks[0]]):
        toks = toks[1:]  # "Hosting Cook at Dreamforce ...": a gerund capitalized only because it opens the sentence
    if label in {"PERSON", "ORG"}:
        # "Browns DL Sheldon Richardson", "NFL Insider Jo Park": a person's name begins with the given
        # name; capitalized words tagged with it in front are an affiliation or a title
        first = next((k for k, i in enumerate(toks) if is_given_name(at[i].text)), 0)
        tail = [at[i] for i in toks[first:]]
        # (not a team's name: a place whose last word is a given name, "New York | Yankees", "St. Louis
        # Blues", or a plural nickname, "Boston Red Sox")
        # (nor an organization's name after "the" with no place in front of the given name: "The American
        # Red Cross"; a people's name takes no article, "the Ukraine Marie Yovanovitch" is a place and a name)
        after_the = label == "ORG" and first and (at[ts].lower_ == "the" or ts > 0 and at[ts - 1].lower_ == "the") \
            and not is_known_place(span_text(doc, toks[0], toks[first]))
        # (nor a family name written first: "Nguyen Thi Thu Ha"; nor a company's kind written first: "Grupo |
        # Serra Azul")
        if first and not after_the and 2 <= len(tail) <= 3 and at[toks[first] - 1].text != "-" \
                and not (first == 1 and (is_family_name_first(at[toks[0]].text)
                                         or at[toks[0]].lower_ in COMPANY_FIRST_WORDS
                                         or len(tail) == 2 and _unlisted_given_name(at[toks[0]]))) \
                and all(t.is_title for t in tail) \
                and not any(is_given_name(at[i].text) for i in toks[:first]) \
                and not _particle_after_given_name(at, toks[first]) \
                and not any(t.lower_ in _NAMED_PLACE_OR_ORG_HEADS for t in tail) \
                and tail[-1].tag_ != "NNPS" and not is_known_place(span_text(doc, toks[0], toks[first] + 1)):
            owner = _affiliation_before_title(doc, toks[0], toks[first])
            if owner is not None:  # ("EPA Regional Administrator Dolores Whitcombe": the agency is named too)
                return [owner, *_clean(doc, toks[first], toks[-1] + 1, "PERSON")]
            toks, label = toks[first:], "PERSON"
    if label == "WORK_OF_ART" and len(toks) > 2:  # '," Supervisor Annette Vogel said': a capitalized title,
        # then a given name and a surname, is a titled person the model took for a title of a work
        first = next((k for k, i in enumerate(toks) if is_given_name(at[i].text)), 0)
        if first and len(toks) - first in (2, 3) and all(at[i].is_title for i in toks[first:]):
            if all(at[i].lower_ in titles() for i in toks[:first]):
                toks, label = toks[first:], "PERSON"
            elif (owner := _affiliation_before_title(doc, toks[0], toks[first])) is not None:
                # ("Hinode President Takeshi Moriyama": the employer, the post, then the person)
                return [owner, *_clean(doc, toks[first], toks[-1] + 1, "PERSON")]
    if len(toks) > 2 and label != "PERSON":  # "Founder of | Ceres Robotics Inc."
        t = title_after(doc, toks[0], toks[-1])
        if t is not None and at[t.end].lower_ in {"of", "at"} and t.end + 1 <= toks[-1]:
            toks = [i for i in toks if i > t.end]
    for k in toks[1:]:  # "Secretary of | State Paul Hendricks": a title that ends inside the span
        t = title_before(doc, k, max(0, toks[0] - 6))
        if t is not None and t.core_start < toks[0] and t.capitalized:
            toks = [i for i in toks if i >= k]
            if at[k].lower_ in {"for", "of"}:  # "Secretary of | State for Health": all of it a title
                return []
            break
    for k in toks[1:]:  # "Skyward Pacific | Chief Executive Laura Kimball": a title that starts inside the
        # span and runs past it belongs to the person after, not to the name
        t = title_after(doc, k, min(len(doc), toks[-1] + 4))
        # (or ends the span right before the person's name the model tagged: "Hoshino President | Takeshi
        # Morimoto")
        if t is not None and t.start == k and t.capitalized \
                and (t.end > toks[-1] + 1 or t.end == toks[-1] + 1 and t.end < len(doc)
                     and at[t.end].ent_type_ == "PERSON" and at[t.end].ent_iob_ == "B") \
                and not (label == "GPE" and at[k].lower_ in GPE_HEADS):
            # (a place's kind word is the place's: "Wood County | Commissioner Ray Halloran")
            toks = [i for i in toks if i < k]
            break
    while toks and (at[toks[-1]].is_punct and at[toks[-1]].text not in {".", "+"} or is_possessive(at[toks[-1]])):
        toks = toks[:-1]
    while len(toks) > 2 and at[toks[-1]].text in _POST_NOMINALS \
            and (label == "PERSON" or is_given_name(at[toks[0]].text)):
        toks = toks[:-1]  # "Michelle Aherne SC": a rank at the bar after a person's name is no part of it
    # "Bruins 5, Devils 1", "beat Chile 3-0": a score or count after a plural name or any name is no
    # part of it (a model number follows a singular name: "Windows 11", "Apollo 11")
    for n in (3, 1):  # "3 - 0" split in three tokens, or "3-0" whole
        if len(toks) > n and _SCORE.fullmatch(doc[toks[-n]:toks[-1] + 1].text):
            toks = toks[:-n]
            break
    while len(toks) > 1 and at[toks[-1]].like_num and at[toks[-2]].is_title \
            and at[toks[-2]].lower_.endswith("s") and not at[toks[-2]].lower_.endswith(("ss", "us", "is")):
        toks = toks[:-1]
    place_tail = None
    if len(toks) > 1 and at[toks[-1]].lower_ in NAME_TAILS_PLACE and at[toks[-1]].is_lower:
        place_tail = toks[-1] + 1  # "Zabul province": the name is "Zabul", the whole an alias
    while toks and not at[toks[-1]].text[:1].isupper() and not at[toks[-1]].text[:1].isdigit() \
            and at[toks[-1]].text not in {"+", "."} and not is_small_first_brand(at[toks[-1]].text) \
            and not _ELIDED_ARTICLE.match(at[toks[-1]].text) \
            and not (label not in {"GPE", "LOC", "NORP"} and _hyphened_on(at, toks[-1]) and at[toks[-1] - 2].is_title) \
            and not (label == "ORG" and len(toks) > 1 and at[toks[-1]].lower_ in LEGAL_FORMS):
        # (a company's legal form ends its name, in lower case too: "Halloway Live plc", "Eyjaberg hf.")
        toks = toks[:-1]  # "Afghan war" -> "Afghan"; a place tail is added back below ("Coeur d'Alene",
        # "Côte d'Ivoire": an elided article before a capital is a word of the name); a person's given
        # name may be hyphened in lower case ("Park Jin-woo", "Moon Jae-in"), whatever the model tagged it
        # ("Ha Tae-seok" as a work of art), but a place's is a word of its own ("Houston-area")
    if not toks:
        return []
    ts, te = toks[0], toks[-1] + 1
    if place_tail is not None:
        return [Draft(ts, place_tail, label, canonical=doc[ts:te].text)]
    # "CBS All Access, Disney": a comma between names separates two names
    # "World Health Organization (WHO": a bracket opens the acronym, a name of its own
    for i in range(ts + 1, te):
        if at[i].text == "," and i < te - 1 and portfolio_list(doc, ts, i, te):
            continue
        if at[i].text == "," and i < te - 1 or at[i].text == "(":
            return _clean(doc, ts, i, label) + _clean(doc, i + 1, te, label)
    return [Draft(ts, te, label)]


def _unlisted_given_name(tok: Token) -> bool:
    """Whether the word opening a three-word person's name, before a listed given name, reads as a given name
    the lists lack ("Rokeya Sultana Munni", "Adaeze Ngozi Okafor"): a plain capitalized word that is no title,
    acronym, plural ("Browns"), place or agent noun ("Alder", "Recorder"); a team, agency or title in front of a
    name is one of those."""
    return tok.is_title and tok.is_alpha and tok.tag_ == "NNP" and not tok.lower_.endswith("s") \
        and tok.lower_ not in TITLE_WORDS and tok.lower_ not in titles() and tok.lower_ not in HONORIFICS \
        and not is_known_place(tok.text) and tok.lower_ not in ORG_NAME_WORDS and not is_agent_noun(tok.lower_)


def _affiliation_before_title(doc: Doc, ts: int, name_start: int) -> Draft | None:
    """The body named before a title that runs up to a person's name, in one span the model tagged ("EPA |
    Regional Administrator | Dolores Whitcombe", "Acme Capital | analyst | Jo Park"): news names a person's
    employer, then the post, then the person; the employer's capitalized words are a name of their own (a
    place's where a gazetteer knows them: "Ohio | Gov. | Mike DeWine")."""
    at = doc_tokens(doc)
    for k in range(ts + 1, name_start):
        t = title_after(doc, k, name_start)
        if t is not None and t.start == k and t.end == name_start:
            if all(at[i].is_title or at[i].is_upper for i in range(ts, k)):
                return Draft(ts, k, "GPE" if is_known_place(span_text(doc, ts, k)) else "ORG")
            return None
    return None


def _peoples_possessive(at: Sequence[Token], i: int, owned: list[Token]) -> bool:
    """Whether the possessive at `i` is a kind of people's inside a name: an irregular plural ("Children's
    Hospital", "Firemen's Retirement System") or, before a body's head word, the plural of a noun for people
    ("Farmers' Union", "the Nurses' Association", "Citizens' Coalition Against Fracking", "Veterans' Affairs
    Committee"; not a team's player, "the Yankees' Aaron Judge")."""
    plural = at[i - 1].lower_
    if plural in _IRREGULAR_PLURALS or plural.endswith("men") and at[i].lower_ in {"'s", "’s"}:
        return True
    return at[i].text in {"'", "’"} and _people_plural(plural) and any(t.lower_ in ORG_NAME_WORDS for t in owned)


def _people_plural(plural: str) -> bool:
    """Whether a word is the plural of a noun for people: members, the public's groups, or ones who do
    something ("farmers", "nurses", "citizens", "broadcasters")."""
    singular = plural[:-1]
    return plural.endswith("s") and not plural.endswith("ss") \
        and (singular in MEMBER_NOUNS or singular in _PUBLIC_GROUPS or is_agent_noun(singular)
             or plural.endswith("ies") and plural[:-3] + "y" in _PUBLIC_GROUPS)


_NOMINAL_DEPS = wordlist("resolve.spans", "nominal_deps")
_IRREGULAR_PLURALS = wordlist("resolve.spans", "irregular_plurals")
_PUBLIC_GROUPS = wordlist("resolve.spans", "public_groups")
_NAMED_SITES = wordlist("resolve.spans", "named_sites")
_POST_NOMINALS = wordlist("resolve.spans", "post_nominals")
_NAME_PARTICLES = wordlist("resolve.spans", "name_particles")
_ROMANCE_LINKS = wordlist("resolve.spans", "romance_links")
_PARTY_MEMBERS = wordlist("resolve.spans", "party_members")


def _before_named_site(at: list[Token], j: int) -> bool:
    """Whether a named site's noun follows token j, with lower-case words of its kind between ("Red Fox |
    copper-zinc mine")."""
    k = j
    while k < len(at) and k - j < 4 and at[k].lower_ not in _NAMED_SITES \
            and (at[k].is_lower and at[k].pos_ in {"ADJ", "NOUN"} or at[k].text == "-"):
        k += 1
    return k < len(at) and at[k].lower_ in _NAMED_SITES and at[j - 1].head.i >= j


def is_nationality_adjective(doc: Doc, d: Draft) -> bool:
    """A name that is one adjective of nationality ("the Canadian scientist", "a French diplomat"): who
    the person is, never an organization, whatever title follows (a team may be an adjective: "Wild
    defenseman Jo Park")."""
    tok = doc_tokens(doc)[d.ts]
    return d.te - d.ts == 1 and tok.pos_ == "ADJ" and tok.ent_type_ == "NORP"


def is_nationality_epithet(tok: Token) -> bool:
    """'the Argentine', 'the 48-year-old Australian': a nationality in the singular heading a definite
    phrase names one person of it, as news refers back to someone just named."""
    return tok.ent_type_ == "NORP" and tok.tag_ in {"NNP", "NN"} and tok.dep_ in _NOMINAL_DEPS \
        and tok.left_edge.lower_ == "the" and not tok.lower_.endswith(_COLLECTIVE_ENDINGS) \
        and not (tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.tag_ == "VBP")  # "the Chinese have"


# Endings of a people's name used for the whole people ("the French", "the Chinese", "the Swiss",
# "the Americans"): no one person
_COLLECTIVE_ENDINGS = ("s", "ese", "sh", "ch")


def _is_junk(doc: Doc, d: Draft, surnames: set[str], org_words: frozenset[str] = frozenset(),
             common_words: frozenset[str] = frozenset()) -> bool:
    """Bare titles, lower-case phrases, quoted nicknames, sentence-initial adverbs, name compounds,
    capitals that abbreviate a common noun. `common_words`: words the text writes in lower case and never
    alone with a capital inside a sentence."""
    at = doc_tokens(doc)  # one Token object per token, not one per doc[i]
    span = at[d.ts:d.te]
    text = span_text(doc, d.ts, d.te)
    if not any(t.text[:1].isupper() or is_small_first_brand(t.text) and not _modifies_noun(t) for t in span) \
            and not is_drug_name(text) or not any(c.isalpha() for c in text):
        return True
    if text in common_abbreviations():  # "an EV with AWD", "0100 GMT"
        return True
    if len(text.rstrip(".")) == 1:  # "Group A", "Plan B": a letter alone names nothing
        return True
    if is_nationality_epithet(span[-1]) and d.label == "NORP":  # "the Argentine": a person, not a people
        return True
    # a word of an organization's name the article writes, with "'s": the body itself ("U.S. Treasury
    # Department" ... "the Treasury's assistant secretary", though "Treasury Secretary" is a title)
    owning_word = len(span) == 1 and span[0].lower_ in org_words and d.te < len(doc) and is_possessive(at[d.te])
    # (a body whose name is a title's word, alone with no title after it: "the Treasury prepares")
    titled_body = len(span) == 1 and span[0].lower_ in TITLED_BODIES and span[0].is_title \
        and not (d.te < len(doc) and (at[d.te].is_title or at[d.te].lower_ in TITLE_WORDS))
    if all(t.lower_ in TITLE_WORDS for t in span) and d.stands_for is None and not owning_word and not titled_body \
            and not (len(span) > 1 and span[-1].lower_ in ORG_HEADS):
        return True  # a bare title ("CO" after a city is Colorado; a body's name, "General Assembly", is none)
    if _in_quotes(doc, d.ts, d.te) and d.label not in {"GPE", "LOC", "NORP"}:
        return True
    if len(span) == 1 and span[0].is_sent_start and not span[0].text[:2].isupper() \
            and not (d.label == "GPE" and d.votes["GPE"]) \
            and (span[0].pos_ not in {"PROPN", "NOUN"} or (span[0].tag_ == "NNS" and d.label in {"PERSON", "NORP"})):
        # "Nationally, ...", "Jets will come ...", "Clinicians can ...": a capital only because it
        # opens the sentence (a people's name is a proper noun: "Americans"; "OPEC+ ministers" after a
        # dateline is written in capitals of its own; a place a rule read so stays: "Racine homeowners")
        return True
    if len(span) == 1 and span[0].is_sent_start and span[0].is_title and span[0].lower_ in common_words:
        return True  # "Committee member Dana Lee", "Bank president Jo Park": a capital only because the word
        # opens the sentence, where the writer's own lower case ("the committee") says it is a common word
        # (not capitals, "US FALLS", "WHO said": "us", "who" are other words)
    if len(span) == 1 and span[0].lower_ in COMPASS:  # "18 Northern and central counties"
        return True
    if len(span) == 1 and d.ts >= 2 and at[d.ts - 1].lower_ == "and" and at[d.ts - 2].is_title \
            and at[d.ts - 2].ent_iob_ != "B" and (t := title_after(doc, d.te)) is not None and t.capitalized:
        return True  # "Research and Advocacy Director Philip Luther": the department of a title
    if d.label not in {"GPE", "LOC", "NORP"} and _in_hyphened_pair(at, d, text, surnames):
        return True  # (places joined by a hyphen are places: "the US-China trade talks")
    # an acronym defined after a lower-case phrase is no name: "continuing resolution (CR)"
    if d.ts > 0 and at[d.ts - 1].text == "(" and acronym_letters(text) and d.ts > 1 \
            and at[d.ts - 2].is_lower:
        return True
    return False


def _in_hyphened_pair(at: list[Token], d: Draft, text: str, surnames: set[str]) -> bool:
    """Two surnames joined by a hyphen name a pair, not a person: "the Bezos-Musk rivalry", also where
    NER split the compound ("Kellerman" | "-" | "Dawson feud"); a name that goes on after the pair is
    one name ("the Salem-Keizer School District"), and so is one with a given name before it, a double
    surname ("Jenna Ostrowski-Reed")."""
    if any(m.group(1) in surnames and m.group(2) in surnames and m.end() == len(text) and m.start() == 0
           for m in _HYPHENED_PAIR.finditer(text)):
        return True
    if d.te + 1 < len(at) and at[d.te].text == "-" and not at[d.te - 1].whitespace_ \
            and at[d.te + 1].text in surnames and text in surnames:
        return True
    return d.ts >= 2 and at[d.ts - 1].text == "-" and not at[d.ts - 2].whitespace_ \
        and at[d.ts - 2].text in surnames and at[d.ts].text in surnames


def _place_plural(word: str) -> str | None:
    """The singular of a plural place noun ("counties" -> "county", "cities" -> "city"), else None."""
    if not word.endswith("s"):
        return None
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1]
    return singular if singular in NAME_TAILS_PLACE else None


def _tails(doc: Doc, d: Draft) -> None:
    """Lower-case words that complete a name: "the Haqqani network"."""
    nxt = doc[d.te] if d.te < len(doc) else None
    if nxt is None:
        return
    # "Acme, Inc.": a company's legal form set off by a comma is part of its name
    if nxt.text == "," and d.te + 1 < len(doc) and doc[d.te + 1].lower_ in ORG_SUFFIXES \
            and doc[d.te + 1].text[:1].isupper() and d.label in {"PERSON", "ORG", "GPE", "NORP"} \
            and not (d.label == "GPE" and us_state_of(doc[d.te + 1].text)):  # "Denver, CO" is Colorado
        d.te += 2
        d.canonical = doc[d.ts:d.te].text
        d.label = "ORG"
        d.votes["ORG"] += 10
        return
    if nxt.lower_ in LEGAL_FORMS and nxt.text[:1].isupper() and d.label in {"PERSON", "ORG", "NORP", "PRODUCT"}:
        # "paid Buckeye Institutional Foods LLC $186,400": a legal form the model left out of the name ends it
        d.te += 1
        d.canonical = doc[d.ts:d.te].text
        d.label = "ORG"
        d.votes["ORG"] += 10
        return
    if is_possessive(nxt) and d.label != "PERSON" and d.te + 1 < len(doc) and doc[d.te + 1].is_title \
            and not doc[d.te + 1].ent_type_ and _peoples_possessive(doc_tokens(doc), d.te, [doc[d.te + 1]]):
        # "Brazil's Landless Rural Workers'" + "Movement" the model left out: a kind of people's possessive
        # before a body's head word is inside its name, whatever the model read the people as ("Eastern
        # Shipowners'" + "Mutual", read as a place)
        d.te += 2
        d.canonical = None
        d.label = "ORG"
        return
    if nxt.lower_ in NAME_TAILS_ORG and d.label in {"PERSON", "ORG", "NORP", "GPE"} and nxt.is_lower:
        d.canonical = f"{doc[d.ts:d.te].text} {nxt.text}"
        d.te += 1
        d.votes["ORG"] += 10
    parts = doc[d.ts:d.te].text.split("-")
    if nxt.lower_ == "border" and len(parts) == 2 and all(is_known_place(p) or country_name(p) for p in parts):
        # "the U.S.-Mexico border": the border of two places is a location of its own, named so
        d.canonical = f"{doc[d.ts:d.te].text} {nxt.text}"
        d.te += 1
        d.label = "LOC"
        d.votes["LOC"] += 10
    # A single name before a plural place noun modifies it ("18 California counties" are counties in
    # California): only coordinated names share the noun, see _split_coordination.


def _split_coordination(doc: Doc, d: Draft) -> list[Draft]:
    """'Orange and Riverside' before a plural place noun: two places."""
    nxt = doc[d.te] if d.te < len(doc) else None
    inner = [i for i in range(d.ts + 1, d.te - 1) if doc[i].lower_ == "and"]
    singular = _place_plural(nxt.lower_) if inner and nxt is not None and nxt.is_lower else None
    if singular:
        i = inner[0]
        tail = singular.title()
        return [Draft(a, b, "GPE", canonical=f"{doc[a:b].text} {tail}", votes=Counter({"GPE": 10}))
                for a, b in ((d.ts, i), (i + 1, d.te))]
    return [d]


def _office_names(doc: Doc, drafts: list[Draft]) -> None:
    """'the New York State Attorney General (NYAG)': a place followed by a capitalized office title."""
    at = doc_tokens(doc)  # one Token object per token, not one per doc[i]
    for d in drafts:
        if d.label not in {"GPE", "ORG"} or d.te >= len(doc):
            continue
        found = None
        for j in range(d.te + 1, min(d.te + 5, len(doc)) + 1):
            if span_text(doc, d.te, j).lower() in titles() and all(t.text[:1].isupper() or t.lower_ == "of"
                                                             for t in doc[d.te:j]):
                found = j
        # "Acme Corp. President and CEO Jo Park": titles of a person, not an office's name
        joined = found is not None and found + 1 < len(doc) and at[found].lower_ in {"and", "&"} \
            and title_after(doc, found + 1, found + 6) is not None
        # "U.S. Ambassador to Japan Jo Park": a title with its complement is a person's
        joined = joined or (found is not None and found < len(doc) and at[found].lower_ in {"to", "for"})
        # "FIS | Chief Events Officer Lena Brunner": a longer title that runs past it is a person's
        longer = found is not None and (t := title_after(doc, d.te, d.te + 6)) is not None and t.end > found
        # (nor a title right before a person's name, the model's, one cut from its span or one opening with a
        # given name: "Hinode | President | Takeshi Moriyama")
        person_after = found is not None and found < len(doc) and (
            at[found].ent_type_ == "PERSON" or any(p.ts == found and p.label == "PERSON" for p in drafts)
            or at[found].is_title and is_given_name(at[found].text))
        if found and not joined and not longer and not person_after:
            d.te = found
            d.label = "ORG"
            d.votes["ORG"] += 10


def _joining_hyphen(at: list, j: int, taken: set[int]) -> bool:
    """A hyphen written without spaces between two capitalized words ("Salem-Keizer", "Wilkes-Barre")."""
    return at[j].text in {"-", "\u2010", "\u2011"} and j + 1 < len(at) and j + 1 not in taken \
        and not at[j - 1].whitespace_ and not at[j].whitespace_ and at[j + 1].text[:1].isupper()


def _extra_org_names(doc: Doc, taken: set[int]) -> list[Draft]:
    """Capitalized names ending in an organization noun, or after "the" in a place's kind word, that NER
    left out ("the Space Force", "the Salem-Keizer School District": a hyphen joins two capitalized words
    of a name); one ending in a legal form even where a capital opens the sentence ("Ithaca Holdings
    bought ...")."""
    at = doc_tokens(doc)  # one Token object per token, not one per doc[i]
    out = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in taken and (at[j].pos_ == "PROPN" and at[j].text[:1].isupper()
                                                   or j > i and _joining_hyphen(at, j, taken)):
            j += 1
        if j - i >= 2 and (at[j - 1].lower_ in ORG_HEADS and not at[i].is_sent_start
                           or at[j - 1].lower_ in LEGAL_FORMS):
            out.append(Draft(i, j, "ORG", votes=Counter({"ORG": 5})))
        elif j - i >= 2 and at[j - 1].lower_ in _LANDFORM_TAILS and i > 0 and at[i - 1].lower_ == "the":
            out.append(Draft(i, j, "LOC", votes=Counter({"LOC": 5})))  # "the Ohio River", "the Rocky Mountains"
        elif j - i >= 2 and at[j - 1].lower_ in GPE_HEADS and i > 0 and at[i - 1].lower_ == "the":
            # "the Salem-Keizer School District" is a body, a school's (an institution's word before the
            # kind word); "the Tri-Valley Water District" likewise; "the Kenai Peninsula Borough" a place
            body = at[j - 2].lower_ in INSTITUTION_HEADS
            out.append(Draft(i, j, "ORG" if body else "GPE", votes=Counter({"ORG" if body else "GPE": 5})))
        i = max(j, i + 1)
    return out


COMPASS = wordlist("resolve.spans", "compass")
_OF_PLACE_HEADS = wordlist("resolve.spans", "of_place_heads")
_LANDFORM_TAILS = wordlist("resolve.spans", "landform_tails")
_SHOP_NOUNS = wordlist("resolve.spans", "shop_nouns")
_ORDINAL_HEADS = wordlist("resolve.spans", "ordinal_heads")


_PLACE_CLASS_FIRST = wordlist("resolve.spans", "place_class_first")
_MONTH = "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
# a calendar date: "9 September 2022", "September 9, 2022", "Sept. 9"
_DAY_MONTH_YEAR = re.compile(rf"(?i:(?:the\s)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s(?:{_MONTH})\.?"
                             rf"|(?:{_MONTH})\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?)(?:\s\d{{4}})?)")
_CALENDAR = re.compile(r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
                       r"spring|summer|fall|autumn|winter|christmas|easter|new|mid|early|late|last|next)",
                       re.I)


def _extend_over_ordinals(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Extend a name that ends in a word of a numbered kind over the ordinal in figures in front of it,
    and over a compass word before that: "2nd | Marine Division", "134th | Legislative District", "West
    57th | Street" (the model tags the ordinal apart); a street named by an ordinal and its kind that the
    model left out (or took for a date, "East 12th") is a facility's name ("East 12th Street")."""
    at, texts = doc_tokens(doc), doc_texts(doc)
    covered = {k for d in drafts for k in range(d.ts, d.te)}
    streets = []
    for k in range(len(doc) - 1):
        if texts[k][:1].isdigit() and _ORDINAL.fullmatch(texts[k]) and texts[k + 1].lower() in FAC_HEADS \
                and at[k + 1].is_title and k not in covered and k + 1 not in covered:
            start = k - 1 if k > 0 and at[k - 1].is_title and at[k - 1].lower_ in COMPASS else k
            streets.append(Draft(start, k + 2, "FAC", votes=Counter({"FAC": 5})))
    for d in drafts:
        if d.label == "PERSON" or d.ts == 0 or at[d.te - 1].lower_ not in _ORDINAL_HEADS \
                or d.ts - 1 in covered or not _ORDINAL.fullmatch(at[d.ts - 1].text):
            continue
        d.ts -= 1
        if d.ts > 0 and at[d.ts - 1].is_title and at[d.ts - 1].lower_ in COMPASS and d.ts - 1 not in covered:
            d.ts -= 1
        d.canonical = None
    return sorted(drafts + streets, key=lambda d: d.ts) if streets else drafts


def _names_tagged_as_dates(doc: Doc) -> list[Draft]:
    """'Timothy Weeks' tagged DATE: a capitalized non-calendar word after a first name is a surname."""
    out = []
    for ent in doc_ents(doc):
        if ent.label_ not in {"DATE", "TIME"} or ent.start == 0 or len(ent) != 1:
            continue
        tok, prev = ent[0], doc[ent.start - 1]
        if tok.is_title and not tok.is_sent_start and not _CALENDAR.match(tok.text) \
                and prev.is_title and prev.pos_ == "PROPN" and not prev.ent_type_:
            out.append(Draft(prev.i, ent.end, "PERSON"))
    return out


def _party_names(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """"the Christian Democrats", "the Free Democrats": a capitalized word right before the capitalized plural
    of a party's members is a word of the party's name, and a name so ending is a party's, never a person's
    (the model tags "Christian" a people's adjective and "Free Democrats" a person)."""
    at = doc_tokens(doc)
    out: list[Draft] = []
    for d in drafts:
        last = at[d.te - 1]
        party = last.lower_ in _PARTY_MEMBERS and last.text[:1].isupper()
        prev = out[-1] if out else None
        # (the word a people's adjective or an adjective: "Christian", "Free"; "House Democrats" are the
        # Democrats of the House)
        if party and prev is not None and prev.te == d.ts and prev.te - prev.ts == 1 and at[prev.ts].is_title \
                and not at[prev.ts].is_sent_start and (prev.label == "NORP" or at[prev.ts].pos_ == "ADJ"):
            d = Draft(prev.ts, d.te, "NORP", votes=prev.votes + d.votes)
            out.pop()
        if party and d.te - d.ts > 1:  # ("Democrats" alone may be the Democratic Party's short form)
            d.votes["NORP"] += 8
        out.append(d)
    return out


def _join_of_names(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """'Stratospheric Observatory' + 'for' + 'Infrared Astronomy': one organization's name; so is a
    committee named by a list of fields the model cut at the comma ('Senate Commerce' + ',' + 'Science
    and Transportation Committee'), and a local government's body written after its place's name ('Larimer
    County' + 'District Court', 'Marion County' + 'Board of Elections')."""
    out: list[Draft] = []
    listed_to = -1  # where a body's name that lists its fields ends
    for d in drafts:
        prev = out[-1] if out else None
        if d.te <= listed_to:
            continue  # a field of the list
        if prev is not None and (end := _fields_listed_after_of(doc, prev)) is not None and d.ts < end:
            prev.te = listed_to = end  # "Ministry of Education" + ", Culture, Sports" + ", Science and Technology"
            continue
        if prev is not None and (saint := _saints_name(doc, prev, d)) is not None:
            out[-1] = saint
            continue
        if prev is not None and prev.label == "GPE" and d.label == "ORG" and d.ts == prev.te \
                and named_with_kind(span_text(doc, prev.ts, prev.te)) \
                and head_noun(span_text(doc, d.ts, d.te)) in INSTITUTION_HEADS:
            out[-1] = Draft(prev.ts, d.te, "ORG", votes=d.votes + Counter({"ORG": 5}))
            continue
        if prev is not None and prev.label in {"ORG", "FAC"} and d.ts == prev.te + 1 \
                and doc[prev.te].lower_ in {"of", "for"} and d.label != "NORP" and (
                    d.label != "GPE" and not is_known_place(span_text(doc, d.ts, d.te))  # "the Argus Leader of
                    or doc[prev.te - 1].lower_ in _OF_PLACE_HEADS):  # Sioux Falls"; "the Federal Reserve
            prev.te = d.te  # Bank of New York"
            continue
        if prev is not None and prev.label == d.label == "ORG" and d.ts == prev.te + 2 \
                and doc[prev.te].lower_ in {"of", "for"} and doc[prev.te + 1].lower_ == "the" \
                and doc[prev.te - 1].lower_ in ORG_HEADS | _OF_PLACE_HEADS:
            prev.te = d.te  # "United Nations Office for the Coordination of Humanitarian Affairs", "Department
            continue  # of the Treasury": a body's head with its remit named after "for the" or "of the"
        if prev is not None and prev.label in {"ORG", "FAC"} and d.ts == prev.te + 2 \
                and doc[prev.te].lower_ == "of" and doc[prev.te + 1].lower_ == "the" \
                and doc[prev.te - 1].lower_ in _OF_PLACE_HEADS and doc[d.ts].lower_ in _PLACE_CLASS_FIRST \
                and doc[d.ts + 1:d.te].text[:3] == "of ":
            prev.te = d.te  # "Redevelopment Authority of the City of Erie": a body of a place named in full
            continue
        if prev is not None and prev.label == d.label == "ORG" and d.ts == prev.te and d.te - d.ts == 1 \
                and (doc[d.ts].lower_ in ORG_NAME_WORDS and doc[d.ts].is_title or doc[d.ts].lower_ in LEGAL_FORMS):
            prev.te = d.te  # "GateHouse" + "Media", "Sawtooth Crest Development" + "LLC" tagged apart: a
            continue  # company's head word or legal form names nothing alone
        if prev is not None and prev.label != "GPE" and d.ts == prev.te and doc[d.te - 1].lower_ in LEGAL_FORMS \
                and all(t.is_title for t in doc[d.ts:d.te - 1]):
            # "Maumee Bay Gaming" (read as a person's name) + "LLC", "Corrib Home" + "Loans DAC": a legal form
            # makes the capitalized words in a row before it a company's name, whatever the model read them as
            out[-1] = Draft(prev.ts, d.te, "ORG", votes=prev.votes + d.votes + Counter({"ORG": 10}))
            continue
        if prev is not None and prev.label == d.label == "ORG" and d.ts == prev.te + 1 and doc[prev.te].text == "," \
                and any(t.lower_ == "and" for t in doc[d.ts:d.te]) and doc[d.te - 1].lower_ in ORG_HEADS \
                and doc[prev.te - 1].lower_ not in ORG_NAME_WORDS and all(t.is_title or t.is_lower and t.lower_ == "and"
                                                                         for t in doc[d.ts:d.te]):
            prev.te = d.te
            continue
        if prev is not None and prev.label in {"ORG", "NORP"} and d.label == "ORG" and d.ts == prev.te + 1 \
                and _joining_hyphen(doc_tokens(doc), prev.te, set()) and doc[d.te - 1].lower_ in INSTITUTION_HEADS \
                and all(t.is_title for t in doc[prev.ts:prev.te] if t.lower_ != "the"):
            # "Joint Norwegian" + "-" + "Russian Fisheries Commission": peoples joined by a hyphen before a
            # body's head word are words of its name
            out[-1] = Draft(prev.ts, d.te, "ORG", votes=prev.votes + d.votes + Counter({"ORG": 5}))
            continue
        if prev is not None and prev.label == "ORG" and d.label == "NORP" and d.ts == prev.te \
                and doc[d.te - 1].tag_ in {"NNPS", "NNS"} and _TRIBE_HEADS & {t.lower_ for t in doc[prev.ts:prev.te]} \
                and any(t.lower_ == "of" for t in doc[prev.ts:prev.te]):
            # "Maple Lake Band of Ojibwe" + "Indians": a tribe named "X Band of Y Indians" ends in its people
            prev.te = d.te
            continue
        if prev is not None and prev.label == "ORG" and d.label == "GPE" \
                and head_noun(span_text(doc, prev.ts, prev.te)) == "university" \
                and doc[d.ts - 1 if d.ts == prev.te else prev.te].lower_ == "at" and d.ts - prev.te in (0, 1):
            # "University of Texas at San Antonio": a state university names each campus by its city
            prev.te = d.te
            continue
        if prev is not None and prev.label == d.label == "PERSON" and d.ts == prev.te and prev.te - prev.ts == 1 \
                and d.te - d.ts <= 3 and doc[prev.ts].whitespace_ == " " and doc[d.ts].is_title:
            # "Mohd" + "Hafiz Rahman" tagged apart (after a stripped "Datuk"): English sets two people apart by a
            # comma or "and", so a one-word person's name right before another is the first word of one name
            prev.te = d.te
            continue
        if prev is not None and _second_surname(doc, prev, d):
            # "Ricardo Almeida" + "Prado" (read as a place): Spanish and Portuguese names carry two surnames
            out[-1] = Draft(prev.ts, d.te, "PERSON", votes=prev.votes + d.votes + Counter({"PERSON": 5}))
            continue
        if prev is not None and _fields_joined_by_and(doc, prev, d):
            prev.te = d.te
            prev.label = "ORG"
            continue
        if prev is not None and d.ts == prev.te + 1 and is_possessive(doc[prev.te]) and doc[d.ts].is_title \
                and _peoples_possessive(doc_tokens(doc), prev.te, list(doc[d.ts:d.te])):
            # "Treasure Valley Children's" + "Hospital" tagged apart: a kind of people's possessive before a
            # body's name is a word of one name
            out[-1] = Draft(prev.ts, d.te, "ORG", votes=prev.votes + d.votes + Counter({"ORG": 5}))
            continue
        out.append(d)
    return out


_TRIBE_HEADS = frozenset(kind_nouns()["tribe"])  # "band", "tribe", "nation" (kind_nouns.tsv)


def _fields_joined_by_and(doc: Doc, prev: Draft, d: Draft) -> bool:
    """Whether "and" (or "&") between two drafts joins the fields a body is named by: 'Alaska Department of
    Fish' + 'and' + 'Game' (the fields after an institution's "of", where the model saw no new name begin),
    'Norwegian Food' + 'and' + 'Allied Workers Union' (the trades of the people a union or body is of); whatever
    the model read the first field as (it cuts such a name at "and" and calls the rest an event or a law), but a
    place or a person."""
    if d.ts != prev.te + 1 or doc[prev.te].lower_ not in {"and", "&"} or prev.label in {"GPE", "PERSON"} \
            or d.label in {"GPE", "PERSON"} \
            or not all(t.is_title or t.lower_ in {"of", "for"} for t in doc[d.ts:d.te]) \
            or d.te < len(doc) and doc[d.te].is_title:
        return False
    words = [t.lower_ for t in doc[prev.ts:prev.te]]
    of_fields = _institution_of(words) and d.te - d.ts <= 3 \
        and (doc[d.ts].ent_iob_ != "B" or _written_only_in_a_list(doc, d.ts, d.te)) \
        and head_noun(span_text(doc, d.ts, d.te)) not in INSTITUTION_HEADS \
        and not is_known_place(span_text(doc, d.ts, d.te))
    if prev.te - prev.ts == 1 and prev.ts and (doc[prev.ts - 1].lower_ == "the" or is_possessive(doc[prev.ts - 1])) \
            and d.te - d.ts >= 2 and head_noun(span_text(doc, d.ts, d.te)) in INSTITUTION_HEADS \
            and doc[prev.ts].is_title and not acronym_letters(doc[prev.ts].text) \
            and _written_only_in_a_list(doc, prev.ts, prev.te):
        return True  # "the UAE's Telecommunications and Digital Government Regulatory Authority", "the Treasury
        # and Finance Ministry", "the Marine and Harbour Authority of Freedonia": one article before two fields and
        # a head word (a body named alone elsewhere, "the Pentagon and State Department", is a body of its own)
    # the trades or fields a body is of, before its head word: "Norwegian Food and Allied Workers Union"; "U.S.
    # Chemical Safety and Hazard Investigation Board", "Bangalore Water Supply and Sewerage Board", "Financial
    # Services and Pensions Ombudsman" (fields written only in that list, never as a name of their own; a
    # body's name, "Westfall Elementary School and Bryce Road Elementary School", is a name of its own)
    trades = d.label == "ORG" and "of" not in words and d.te - d.ts >= 2 \
        and (words[-1] not in ORG_NAME_WORDS or doc[prev.te - 1].tag_ in {"NNS", "NNPS"}
             and _written_only_in_a_list(doc, prev.ts, prev.te)) \
        and doc[d.te - 1].lower_ in INSTITUTION_HEADS and (doc[d.te - 2].tag_ in {"NNS", "NNPS"} or (
            prev.te - prev.ts >= 2 and (_a_field(doc[prev.te - 1]) or _a_trade(doc[prev.te - 1]))
            and _written_only_in_a_list(doc, prev.ts, prev.te))) \
        and all(t.is_title for t in doc[prev.ts:prev.te] if t.lower_ != "the")
    return of_fields or trades


def _second_surname(doc: Doc, prev: Draft, d: Draft) -> bool:
    """Whether a capitalized word the model tagged apart, written right after a given name and a surname with
    no comma or word between, is the person's second surname ("Ricardo Almeida Prado", "Hernán Ospina
    Arango"): English sets a place or body after a name off by a comma or a preposition."""
    at = doc_tokens(doc)
    word = at[d.ts]
    return d.ts == prev.te and d.te - d.ts == 1 and prev.te - prev.ts == 2 and prev.label in {"PERSON", "ORG"} \
        and is_given_name(at[prev.ts].text) and not is_given_name(at[prev.ts + 1].text) \
        and word.is_title and word.pos_ == "PROPN" and not word.is_sent_start and at[prev.te - 1].whitespace_ == " " \
        and word.lower_ not in NAME_HEAD_WORDS \
        and not (d.te < len(doc) and at[d.te].is_title)


def _a_field(tok: Token) -> bool:
    """A field a body is named for ("Safety", "Water Supply"): a singular noun, no plural name ("United Nations")."""
    return tok.tag_ not in {"NNS", "NNPS"} and not (tok.lower_.endswith("s") and not tok.lower_.endswith("ss"))


def _a_trade(tok: Token) -> bool:
    """The people of a trade a body is of, in the plural ("News Broadcasters" of the News Broadcasters and
    Digital Association)."""
    return tok.tag_ in {"NNS", "NNPS"} and _people_plural(tok.lower_)


def _institution_of(words: list[str]) -> bool:
    """Whether a name's words open with an institution's head word and "of" or "for" ("ministry of education",
    "commission for conciliation")."""
    link = next((k for k, w in enumerate(words) if k and w in {"of", "for"}), None)
    return link is not None and words[link - 1] in INSTITUTION_HEADS


def _written_only_in_a_list(doc: Doc, ts: int, te: int) -> bool:
    """Whether capitalized words are written only beside "and" or a comma, wherever the text has them: a field a
    body is named by ("Consumer Affairs" in "Department of Commerce and Consumer Affairs"), not a name of its own
    the article also writes alone; a common word a sentence opens with ("Shipping lines ...") is no such name."""
    text, words = doc_text(doc), span_text(doc, ts, te)
    at = doc_tokens(doc)
    for m in re.finditer(r"(?<![\w-])" + re.escape(words) + r"(?![\w-])", text):
        if re.match(r" [A-Z][a-z]", text[m.end():m.end() + 3]):
            continue  # words of a longer name ("the Local Government Audit Service"), not a name of their own
        if te - ts == 1 and (k := char_span_start(doc, m.start(), m.end())) is not None and at[k].pos_ != "PROPN" \
                and (at[k].is_sent_start or k and at[k - 1].is_sent_start and at[k - 1].is_quote):
            continue
        if not (re.search(r"(?:\band|,)\s+$", text[max(0, m.start() - 6):m.start()])
                or re.match(r"\s*(?:,|and\b)", text[m.end():m.end() + 5])):
            return False
    return True


def _fields_listed_after_of(doc: Doc, prev: Draft) -> int | None:
    """Where a body's name ends that lists its fields after its head word and "of" or "for", with commas and a
    last "and" ("Ministry of Education, Culture, Sports, Science and Technology", "Commission for Conciliation,
    Mediation and Arbitration"), if `prev` is its start."""
    if prev.label != "ORG" or not _institution_of([t.lower_ for t in doc[prev.ts:prev.te]]):
        return None
    k, fields = prev.te, sum(t.text == "," for t in doc[prev.ts:prev.te])  # (fields the model took in already)
    while k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].is_title and doc[k + 1].pos_ == "PROPN":
        end = _title_run_end(doc, k + 1)  # a field of one word or two ("Housing, Local Government and Heritage")
        if not _written_only_in_a_list(doc, k + 1, end):
            break
        k, fields = end, fields + 1
    if not fields or k + 1 >= len(doc) or doc[k].lower_ != "and" or not doc[k + 1].is_title:
        return None
    end = _title_run_end(doc, k + 1)
    if end < len(doc) and doc[end].is_title or not _written_only_in_a_list(doc, k + 1, end):
        return None
    return end  # (not "the Ministry of Defence, Lockheed and Boeing", bodies the article names alone too)


def _title_run_end(doc: Doc, k: int, most: int = 2) -> int:
    """Where a run of at most `most` capitalized words from token k ends."""
    end = k + 1
    while end < len(doc) and end - k < most and doc[end].is_title and doc[end].pos_ == "PROPN":
        end += 1
    return end


def _bodies_of_places(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A body named by its kind "of" the place it serves, which the model leaves untagged or tags as a
    people word ("the Diocese of Erie", "the Archdiocese of Philadelphia"), with the capitalized words or
    people word of its name before it ("the Roman Catholic Diocese of Erie", "the Episcopal Diocese of
    Ohio"): one organization's name."""
    at, texts = doc_tokens(doc), doc_texts(doc)
    heads = [k for k in range(1, len(doc) - 2) if texts[k + 1].lower() == "of" and texts[k].lower() in _OF_PLACE_HEADS
             and at[k].is_title]
    if not heads:
        return drafts
    by_start = {d.ts: d for d in drafts}
    owner = {k: d for d in drafts for k in range(d.ts, d.te)}
    out, dropped = [], set()
    for k in heads:
        head = owner.get(k)
        if head is not None and head.te != k + 1:
            continue  # (a name that runs on past the head word, "University of Michigan", is the model's)
        j = k + 3 if at[k + 2].lower_ == "the" else k + 2
        place = by_start.get(j)
        if place is not None and place.label not in {"GPE", "LOC"}:
            continue
        end = place.te if place is not None else j
        while place is None and end < len(doc) and at[end].is_title and at[end].pos_ == "PROPN" and end not in owner:
            end += 1
        if end == j or place is None and not is_known_place(span_text(doc, j, end)):
            continue
        start = head.ts if head is not None else k
        before = owner.get(start - 1)
        if before is not None and before.label == "NORP" and before.te == start:
            start = before.ts  # "Roman Catholic" + "Diocese of Erie"
        while before is None and start > 0 and at[start - 1].is_title and at[start - 1].pos_ == "PROPN" \
                and not at[start - 1].is_sent_start:
            start -= 1  # "Episcopal Diocese of Ohio"
        dropped |= {id(d) for d in drafts if start <= d.ts and d.te <= end}
        out.append(Draft(start, end, "ORG", votes=Counter({"ORG": 5})))
    if not out:
        return drafts
    return sorted([d for d in drafts if id(d) not in dropped] + out, key=lambda d: d.ts)


def _shops_named_for_people(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A small business named for its owner, a name, "'s" and the kind of shop with a capital ("Furtado's
    Bakery", "Rosa's Diner"): the business's name, where the model tagged only the owner's."""
    at = doc_tokens(doc)
    covered = {k for d in drafts for k in range(d.ts, d.te)}
    out = []
    for d in drafts:
        k = d.te
        if d.label in {"PERSON", "ORG"} and k + 1 < len(doc) and is_possessive(at[k]) and at[k + 1].is_title \
                and at[k + 1].lower_ in _SHOP_NOUNS and k + 1 not in covered:
            out.append(Draft(d.ts, k + 2, "ORG", votes=Counter({"ORG": 5})))
        else:
            out.append(d)
    return out


def _saints_name(doc: Doc, prev: Draft, d: Draft) -> Draft | None:
    """'St.' + 'Peter Cathedral', 'St. Mary' + "'s" + 'Catholic Church' tagged apart: a church, school or
    hospital named for a saint is one name, the saint's abbreviated title and possessive included."""
    at = doc_tokens(doc)
    head = at[d.te - 1].lower_
    headed = head in FAC_HEADS or head in ORG_HEADS
    if at[prev.ts].text != "St." or not (
            d.ts == prev.te and prev.te - prev.ts == 1 and (headed or d.label != "PERSON")
            or d.ts == prev.te + 1 and is_possessive(at[prev.te]) and headed):
        return None
    label = d.label if d.label != "PERSON" else "FAC" if head in FAC_HEADS else "ORG"
    return Draft(prev.ts, d.te, label, votes=d.votes + Counter({label: 5}))


def _orgs_before_titles(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """'Northwind Traders CEO Lena Ortiz', "Contoso's founder": who has a CEO is an organization."""
    at = doc_tokens(doc)  # one Token object per token, not one per doc[i]
    ends = {d.te: d for d in drafts}
    taken = {i for d in drafts for i in range(d.ts, d.te)}
    lower_words = {t.text for t in at if t.is_lower}
    out = []
    for d in drafts:
        t = title_before(doc, d.ts, max(0, d.ts - 8))
        if t is None and d.ts >= 2 and at[d.ts - 1].text == ",":  # "X's founder, Jane Roe"
            t = title_before(doc, d.ts - 1, max(0, d.ts - 9))
        while t is not None and t.start >= 2 and at[t.start - 1].lower_ == "and":  # "founder and CEO"
            nxt = title_before(doc, t.start - 1, max(0, t.start - 9))
            if nxt is None:
                break
            t = nxt
        if t is None:
            continue
        k = t.start
        if k and is_possessive(at[k - 1]):
            k -= 1
        place = t.title.lower() in PLACE_TITLES  # "Riverton Mayor Ana Ruiz": Riverton is a place
        if k in ends:
            if place and not is_nationality_adjective(doc, ends[k]):  # (not "Indian Prime Minister")
                ends[k].votes["GPE"] += 8
            elif is_org_title(t.title) and not is_nationality_adjective(doc, ends[k]):
                ends[k].votes["ORG"] += 8
            continue
        i = k
        while i - 1 >= 0 and i - 1 not in taken and at[i - 1].pos_ == "PROPN" and at[i - 1].is_title \
                and not at[i - 1].ent_type_:
            i -= 1
        # "Emirates President Tim Clark": the untagged name before a title is who confers it (not a
        # common word the article also writes in lower case, capitalized as part of the title: "U.S.
        # Bankruptcy Judge Harold Cates" in a story about a "bankruptcy" filing)
        if i < k and at[i].lower_ not in TITLE_QUALIFIERS and at[i].lower_ not in HONORIFICS \
                and not all(at[x].lower_ in lower_words for x in range(i, k)):
            # (a form of address before a title is the titled person's: "Ms Justice Aileen Brophy")
            kind = "GPE" if place else "ORG"
            out.append(Draft(i, k, kind, votes=Counter({kind: 5})))
    return out


def _modifies_noun(tok: Token) -> bool:
    """A word set before a noun it modifies ("qPCR tests", "the mmWave network"): a word written with a
    small first letter there is as often a term as a brand, so it is no name by its shape alone."""
    return tok.dep_ in {"compound", "amod", "nmod"} and tok.head.i > tok.i and tok.head.pos_ == "NOUN"


@lru_cache(maxsize=4)  # asked by the span rules and the grouping of one Doc
def always_capitalized(doc: Doc) -> frozenset[str]:
    """Words the text writes with a capital wherever it has them, inside a sentence too, though the tagger
    read them as common words ("Aurevilly", an adverb by its ending): English capitalizes names only."""
    at = doc_tokens(doc)
    inside = {t.text for t in at if t.is_title and t.is_alpha and len(t) > 3 and not t.is_sent_start
              and t.i > 0 and not at[t.i - 1].is_punct and t.pos_ not in {"PROPN", "PRON"}}
    lower = {t.lower_ for t in at if t.is_lower}
    return frozenset(w for w in inside if w.lower() not in lower and w.lower() not in STOP_WORDS)


@lru_cache(maxsize=8)  # asked three times per Doc
def _untagged_name_words(doc: Doc) -> tuple[tuple[bool, ...], tuple[bool, ...]]:
    """Per token: whether it can be a word of an untagged name (a capitalized proper noun, a brand's
    spelling, an acronym in the plural), and whether it is a hyphen that joins two such words ("T-Mobile")."""
    at = doc_tokens(doc)  # one Token object per token, not one per doc[i]
    n = len(at)
    texts = doc_texts(doc)  # each read once per Doc: a Token builds its strings on every access
    propn = [pos == "PROPN" for pos in doc_pos(doc)]
    # (an acronym in the plural, "the AMAs", may be tagged a common noun)
    words = tuple(
        (p or looks_like_brand(w) or len(w) > 2 and w[-1] == "s" and w[:-1].isupper()) if w[:1].isupper()
        else (not w.islower() and is_small_first_brand(w)) if w[:1].islower() else False
        for p, w in zip(propn, texts, strict=True))
    hyphens = tuple(w == "-" and 0 < j < n - 1 and not at[j - 1].whitespace_ and propn[j + 1]
                    for j, w in enumerate(texts))
    return words, hyphens


def _propn_runs(doc: Doc, taken: set[int], *, read_capitals: bool = False):
    """Runs of untagged capitalized proper nouns, hyphen-joined parts included ("T-Mobile"); with
    `read_capitals`, of words the text always capitalizes too, whatever the tagger read them as."""
    words, hyphens = _untagged_name_words(doc)
    if read_capitals and (capitalized := always_capitalized(doc)):
        words = tuple(w or t in capitalized for w, t in zip(words, doc_texts(doc), strict=True))
    n = len(words)
    i = 0
    while i < n:
        j = i
        while j < n and j not in taken and (words[j] or hyphens[j] and j > i):
            j += 1
        if j > i:
            yield i, j
        i = max(j, i + 1)


# "at" too for a place GeoNames knows ("at Kyiv"); for an unknown word "at Acme" says nothing
_LOCATIVE = LOCATIVE_PREPOSITIONS | {"at"}
# People named by where they live ("a Warner Robins man", "Racine homeowners")
RESIDENT_NOUNS = wordlist("resolve.spans", "resident_nouns")
_DATELINE_MARKS = wordlist("resolve.spans", "dateline_marks")


def _known_place(doc: Doc, i: int) -> bool:
    """An untagged word that GeoNames knows as a country, US state or city of 100,000 people, written
    where places are ("in Kyiv") or as a dateline opening a paragraph ("MADRID \u2014"); a country's name
    anywhere."""
    word = doc[i].text
    name = word.title() if word.isupper() and len(word) > 3 else word
    if not is_major_place(name):
        return False
    if opens_paragraph(doc, i) and word.isupper() and i + 1 < len(doc) and doc[i + 1].text in _DATELINE_MARKS:
        return True  # a dateline, whatever else the word can be ("VIENNA \u2014", Vienna also a given name)
    if is_country(name) and not is_given_name(name):
        return True  # a country's name is a place wherever it is written ("Nigeria imports most of its wheat")
    if i > 0 and doc[i - 1].lower_ in {"the", "a", "an"} and i + 1 < len(doc) and is_org_kind_noun(doc[i + 1]):
        return True  # "the Bratislava firm Kovac & Partneri", "a Lisbon brokerage": where the body is (a given
        # name is no modifier of a kind of body: "Bratislava", "Vienna" are places there)
    return not is_given_name(name) and i > 0 and doc[i - 1].lower_ in _LOCATIVE


_STORY_NOUNS = nouns("story")  # a piece an outlet publishes (speech_nouns.txt)
PLATFORMS = nouns("channel")  # media one speaks through; written with a capital, a platform's company


def _sourcing_slot(doc: Doc, i: int) -> bool:
    """Whether the name at token i stands where news names a source, after "the": "according to the",
    "told the", "a report in the", "published by the"."""
    at = doc_tokens(doc)
    if i < 3 or at[i - 1].lower_ != "the":
        return False
    prep, before = at[i - 2], at[i - 3]
    return (prep.lower_ == "to" and before.lower_ == "according") or prep.lemma_ == "tell" \
        or (prep.lower_ in {"in", "by"} and before.lemma_ in _STORY_NOUNS | {"publish", "report", "write"})


_DATA_NOUNS = nouns("document")


def _cited_data_owner(doc: Doc, i: int, j: int) -> bool:
    """Whether capitalized words i..j-1 (a name or an acronym) modify a document noun that "according
    to" or "citing" cites: the data's owner, an organization ("according to LSEG data")."""
    at = doc_tokens(doc)
    if j >= len(doc) or not {at[j].lower_, at[j].lemma_.lower()} & _DATA_NOUNS or at[j - 1].dep_ != "compound" \
            or not all(t.is_title or t.is_upper for t in at[i:j]):
        return False
    up = at[j].head
    return (up.lower_ == "to" and up.i > 0 and at[up.i - 1].lower_ == "according") or up.lemma_ == "cite"


_MODEL_DESIGNATOR = re.compile(r"[A-Za-z]+-?\d+[A-Za-z]*")  # "RAV4", "A350", "Powerbeats3"


def _name_words(ent: Span) -> list[str]:
    """The words of a tagged name up to a word no name holds ("American Music Awards | after Swift"),
    without "the"."""
    words = []
    for t in ent:
        if t.text in _NOT_IN_NAMES:
            break
        if t.lower_ != "the":
            words.append(t.text)
    return words


def _untagged_names(doc: Doc, taken: set[int]) -> list[Draft]:
    """Names NER left out: "a Sugar Land-based firm" (a place), "ESPN+" (a brand spelling), and an
    untagged name in a list of organizations ("AT&T, T-Mobile and others")."""
    at = doc_tokens(doc)  # one Token object per token, not one per doc[i]
    out = []
    ents = doc_ents(doc)
    person_words = {e[-1].text for e in ents if e.label_ == "PERSON"}
    # (compared without diacritics: "Andres" after "José Andrés")
    surnames = {without_diacritics(e[-1].text) for e in ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].is_title}
    org_initials = {initials(_name_words(e)) for e in ents if e.label_ in {"ORG", "FAC"} and len(e) > 1}
    for tok in at:  # "MADRID \u2014": a dateline the tagger took for a common noun
        if tok.is_upper and len(tok) > 3 and tok.i not in taken and tok.pos_ != "PROPN" and _known_place(doc, tok.i):
            out.append(Draft(tok.i, tok.i + 1, "GPE", canonical=tok.text.title(), votes=Counter({"GPE": 6})))
    for i, j in _propn_runs(doc, taken, read_capitals=True):
        if j - i <= 3 and i > 0 and is_org_kind_noun(at[i - 1]) and at[i - 1].pos_ == "NOUN" \
                and at[i - 1].tag_ == "NN" and all(t.is_title for t in doc[i:j]):
            # "French luxury group Aurevilly posted", "automaker Stellantis said": a kind of organization in
            # lower case right before capitalized words names them (close apposition), whatever the tagger
            # read a foreign name as ("Aurevilly", an adverb by its ending)
            out.append(Draft(i, j, "ORG", votes=Counter({"ORG": 6})))
            taken = taken | set(range(i, j))
    for i, j in _propn_runs(doc, taken):
        text = doc[i:j].text
        if at[i].lower_ in HONORIFICS and at[i].is_title and 2 <= j - i <= 4 \
                and all(t.is_title for t in doc[i + 1:j]):
            # "the Commissioner for Information, Mr Tunde Akinwale, said": a form of address says the
            # capitalized words after it are a person's name
            out.append(Draft(i + 1, j, "PERSON", votes=Counter({"PERSON": 8})))
            continue
        given_end = j - 1 if at[j - 1].text == "-" else j  # (the run may hold the hyphen: "Choi Min- | jun")
        if hyphened_given_name(doc, i, given_end) and not taken & {given_end, given_end + 1}:
            out.append(Draft(i, given_end + 2, "PERSON"))  # "Park Ji-hoon, director-general of ...", untagged
            continue
        place_end = next((k for k in range(i + 1, j) if (t := title_after(doc, k)) is not None and t.start == k
                          and t.end == j and t.capitalized and is_known_place(span_text(doc, i, k))), None) \
            if j < len(doc) and at[j].ent_type_ == "PERSON" else None
        if place_end is not None:
            # "New Brunswick Premier Colin Ashby": a place, then its government's office, before a person's name
            out.append(Draft(i, place_end, "GPE", votes=Counter({"GPE": 6})))
            continue
        if j - i <= 3 and all(t.is_title for t in doc[i:j]) and not at[i].is_sent_start and _before_named_site(at, j):
            out.append(Draft(i, j, "FAC", votes=Counter({"FAC": 6})))  # "its Red Fox copper-zinc mine"
            continue
        if 2 <= j - i <= 3 and at[j - 1].text in person_words and all(t.is_title for t in doc[i:j]) \
                and at[i].lower_ not in _TITLES_HONORIFICS:
            out.append(Draft(i, j, "PERSON"))  # "Zach Parise" untagged, "Parise" tagged elsewhere
            continue
        if j - i == 1 and without_diacritics(at[i].text) in surnames and at[i].pos_ == "PROPN" \
                and not is_possessive(at[i]):
            out.append(Draft(i, j, "PERSON"))  # "Trump and Xi ...": a surname the model tagged elsewhere
            continue
        given = next((k for k in range(i + 1, j - 1) if is_given_name(at[k].text) and at[k - 1].text != "-"), None)
        if given is not None and at[j - 1].text in person_words and j - given <= 4 \
                and all(t.is_title or t.text == "-" for t in doc[given:j]):
            # "... of Public Prosecution Eva-Marie Persson": capitalized words of a title run into an
            # untagged name; the person's name begins with the given name (the surname tagged elsewhere)
            out.append(Draft(given, j, "PERSON"))
            continue
        if 2 <= j - i <= 3 and all(t.is_title for t in doc[i:j]) and (
                (j + 1 < len(doc) and at[j].lower_ == "and" and at[j + 1].ent_type_ == "PERSON")
                or (i >= 2 and at[i - 1].lower_ == "and" and at[i - 2].ent_type_ == "PERSON")):
            out.append(Draft(i, j, "PERSON"))  # "Ana Ruiz and Ben Cole": one tagged, both people
            continue
        if 2 <= j - i <= 3 and all(t.is_title for t in doc[i:j]) and not at[i].is_sent_start \
                and (t := title_before(doc, i, max(0, i - 8))) is not None and not t.capitalized:
            out.append(Draft(i, j, "PERSON"))  # "Sabres center Casey Mittelstadt", untagged
            continue
        titled = next((t for k in range(i, max(i, j - 2)) if (t := title_after(doc, k, j)) is not None
                       and t.start == k and 2 <= j - t.end <= 3), None)
        if titled is not None and is_given_name(at[titled.end].text) and all(t.is_title for t in doc[titled.end:j]):
            # "Mayor Ana Ruiz, who ...", "City Councilwoman Ana Ruiz": a capitalized title (after words of
            # the office, "City"), then a given name and a surname
            out.append(Draft(titled.end, j, "PERSON"))
            continue
        if j - i == 1 and at[i].text in celestial_bodies():
            out.append(Draft(i, j, "LOC", votes=Counter({"LOC": 8})))  # "the surface of the Moon"
            continue
        if j - i == 1 and at[i].lower_ in PLATFORMS and at[i].is_title and not at[i].is_sent_start:
            out.append(Draft(i, j, "ORG", votes=Counter({"ORG": 8})))  # "a Twitter account": a platform's name
            continue
        if 2 <= j - i <= 3 and text.isupper() and opens_paragraph(doc, i) and j < len(doc) \
                and at[j].text in _DATELINE_MARKS and is_known_place(text.title()):
            # "DES MOINES —", "SAN ANTONIO (AP) —": a dateline of two or three words in capitals
            out.append(Draft(i, j, "GPE", canonical=text.title(), votes=Counter({"GPE": 6})))
            continue
        if j - i == 1 and _known_place(doc, i):
            out.append(Draft(i, j, "GPE", canonical=text.title() if text.isupper() else None,
                             votes=Counter({"GPE": 6})))
            continue
        if j + 1 < len(doc) and at[j].text == "," and j - i <= 3 \
                and (is_us_state(at[j + 1].text) or us_state_of(at[j + 1].text) is not None):
            # "RIVERTON, Ohio (AP) —", "in Elk Grove, Calif.": a town, then its state
            out.append(Draft(i, j, "GPE", canonical=text.title() if text.isupper() else None,
                             votes=Counter({"GPE": 6})))
            continue
        if _sourcing_slot(doc, i) and all(t.is_title or t.text == "-" for t in doc[i:j]) and j - i <= 4:
            # "according to the Argus Leader", "told the Star-Courier", "a report in the Sioux City
            # Journal": a capitalized name where news names its source is a news organization
            out.append(Draft(i, j, "ORG", votes=Counter({"ORG": 5})))
            continue
        if j - i <= 4 and all(t.is_title or t.text == "&" for t in doc[i:j]) and at[j - 1].dep_ == "appos" \
                and at[j - 1].head.lemma_.lower() in ORG_DESCRIPTIONS and at[j - 1].head.pos_ == "NOUN":
            # "His team, Brabo Pro Cycling, fired him", "the company, Acme Widgets,": capitalized words set
            # in apposition to a description of an organization name that organization
            out.append(Draft(i, j, "ORG", votes=Counter({"ORG": 6})))
            continue
        if j - i <= 4 and all(t.is_title or t.text == "&" for t in doc[i:j]) and j + 1 < len(doc) \
                and at[j].text == "," and kind_in_apposition(at[j - 1]):
            # "Ledgerline, the San Francisco-based startup that ...": capitalized words an apposition
            # describes as a kind of organization name that organization (with a first word the tagger
            # read as a common noun: "Plains Market, the family-owned grocery chain")
            start = i - 1 if i > 0 and at[i - 1].is_title and at[i - 1].dep_ == "compound" \
                and at[i - 1].head.i >= i and i - 1 not in taken else i
            out.append(Draft(start, j, "ORG", votes=Counter({"ORG": 6})))
            continue
        if 2 <= j - i <= 4 and at[i].is_sent_start and at[i].lower_ in ORG_DESCRIPTIONS and at[i].tag_ != "NNS" \
                and all(t.is_title for t in doc[i:j]) and at[i].dep_ == "compound":
            # "Rival Tillmark cut 20%": a kind of organization, capitalized as the sentence's first word,
            # before the organization's name ("rival Tillmark", "automaker Stellantis")
            out.append(Draft(i + 1, j, "ORG", votes=Counter({"ORG": 6})))
            continue
        if j - i <= 3 and _cited_data_owner(doc, i, j):
            # "according to LSEG data", "citing Kpler figures": whose data a source cites
            out.append(Draft(i, j, "ORG", votes=Counter({"ORG": 5})))
            continue
        if 2 <= j - i <= 3 and at[i].text.isupper() and at[i].lower_ in ORG_FIRST_WORDS:
            out.append(Draft(i, j, "ORG", votes=Counter({"ORG": 8})))  # "FC Porto", "AC Milan": a club
            continue
        if 2 <= j - i <= 4 and not at[i].is_sent_start and all(t.text[:1].isupper() or is_small_first_brand(t.text)
                                                               for t in doc[i:j]) \
                and any(_MODEL_DESIGNATOR.fullmatch(t.text) or is_small_first_brand(t.text) for t in doc[i:j]):
            # "the RAV4 Prime", "the iPad Pro", "A12X Bionic": capitalized words with a model's
            # designator (letters and digits in one word) or a brand's small first letter name a product
            out.append(Draft(i, j, "PRODUCT", votes=Counter({"PRODUCT": 5})))
            continue
        head = at[j - 1].lower_
        if j - i >= 2 and head in _HEADED_NAME_TYPES and all(t.is_title or t.is_upper for t in doc[i:j]) \
                and at[i].lower_ not in _TITLES_HONORIFICS:
            # "Coral Sky Amphitheatre", "Riverbend Music Center": capitalized words ending in a head
            # noun of places and bodies name one, typed by its head
            kind = _HEADED_NAME_TYPES[head]
            out.append(Draft(i, j, kind, votes=Counter({kind: 5})))
            continue
        words = doc[i:j]
        if 2 <= j - i <= 3 and is_given_name(at[i].text) and all(t.is_title and t.is_alpha for t in words) \
                and all(t.pos_ == "PROPN" for t in words) \
                and not any(t.lower_ in _NAMED_PLACE_OR_ORG_HEADS for t in words):
            out.append(Draft(i, j, "PERSON"))  # "Tuukka Rask", untagged: a first name and a surname
            continue
        if j - i <= 3 and at[j - 1].tag_ in {"NNPS", "NNP", "NNS"} and at[j - 1].lower_.endswith("s") \
                and i > 0 and at[i - 1].lower_ == "the" \
                and all(t.is_title for t in doc[i:j]) and at[j - 1].lower_ not in TITLE_WORDS:
            # "the Bruins", "the Nittany Lions": a plural proper name after "the" names a group
            # (a team, a band), never one person
            out.append(Draft(i, j, "ORG", votes=Counter({"ORG": 4})))
        elif j - i == 1 and (letters := acronym_letters(text)) and letters in org_initials:
            out.append(Draft(i, j, "ORG", votes=Counter({"ORG": 5})))  # "JPL" for a named laboratory
        elif j + 1 < len(doc) and at[j].text == "-" and is_based_word(at[j + 1]):  # "a Reno-based group"
            out.append(Draft(i, j, "GPE", votes=Counter({"GPE": 5})))
        elif j - i == 1 and _MODEL_DESIGNATOR.fullmatch(text):
            out.append(Draft(i, j, "PRODUCT", votes=Counter({"PRODUCT": 5})))  # "RAV4", "A350": a model
        elif j - i == 1 and is_small_first_brand(text) and not _modifies_noun(at[i]):
            out.append(Draft(i, j, "ORG"))  # "iPhone", "eBay": a brand; company or product, its context says
        elif j - i == 1 and looks_like_brand(text) and not text.isdigit():
            out.append(Draft(i, j, "ORG", votes=Counter({"ORG": 5})))
        elif i >= 2 and at[i - 1].text == "," and at[i - 2].ent_type_ == "ORG" \
                and j < len(doc) and at[j].text in {",", "and", "or"} and not at[i].is_sent_start:
            out.append(Draft(i, j, "ORG", votes=Counter({"ORG": 3})))
    return out



_CAPITALS = re.compile(r"(?<![\w.&-])[A-Z][A-Z.&-]*[A-Z.](?![\w&-])")  # "TRD", "U.S.", "AT&T", "S&P"


def _towns_of_residents(doc: Doc, taken: set[int]) -> list[Draft]:
    """"Racine homeowners", "Wichita voters": a capitalized word GeoNames knows as a place, before the noun of
    people who live there, names the town, however the tagger read it (an adjective, opening a sentence)."""
    at = doc_tokens(doc)
    return [Draft(k, k + 1, "GPE", votes=Counter({"GPE": 6})) for k in range(len(at) - 1)
            if k not in taken and at[k].is_title and at[k].is_alpha and at[k + 1].is_lower
            and at[k + 1].lemma_.lower() in RESIDENT_NOUNS and at[k].lower_ not in RESIDENT_NOUNS
            and not is_given_name(at[k].text) and is_known_place(at[k].text)]


def _names_joined_by_their_acronym(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """"the Bangladesh Garment Manufacturers and Exporters Association (BGMEA)": two names the model split at
    "and" are one where the acronym in brackets right after them spells the initials of both."""
    at = doc_tokens(doc)
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev is not None and prev.label in {"ORG", "FAC"} and d.label in {"ORG", "FAC"} and d.ts == prev.te + 1 \
                and at[prev.te].lower_ in {"and", "&"} and d.te + 2 < len(doc) and at[d.te].text == "(" \
                and at[d.te + 2].text == ")" and (letters := acronym_letters(at[d.te + 1].text)) is not None \
                and letters == initials([t.text for t in at[prev.ts:d.te]]):
            out[-1] = Draft(prev.ts, d.te, "ORG", votes=prev.votes + d.votes)
            continue
        out.append(d)
    return out


def _acronyms_of_names(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """'ICE officers arrested ...' after "U.S. Immigration and Customs Enforcement": an untagged word in
    capitals (the model may take it for a common noun) that spells the initials of an organization's
    name in the article, its country left out or not, is that organization's acronym."""
    at = doc_tokens(doc)
    spelled = set()
    for d in drafts:
        if d.label in {"ORG", "FAC"} and d.te - d.ts > 1:
            words = [t.text for t in at[d.ts:d.te] if t.lower_ != "the"]
            spelled.add(initials(words))
            if country_name(words[0]):  # a national body's acronym leaves its country out
                spelled.add(initials(words[1:]))
    covered = {k for d in drafts for k in range(d.ts, d.te)}
    found = [Draft(t.i, t.i + 1, "ORG", votes=Counter({"ORG": 5})) for t in at
             if t.i not in covered and t.is_upper and t.is_alpha and len(t) > 2 and t.pos_ != "PROPN"
             and t.text not in common_abbreviations() and acronym_letters(t.text) in spelled]
    return sorted(drafts + found, key=lambda d: d.ts) if found else drafts


def _names_of_initials(doc: Doc, taken: set[int]) -> list[Draft]:
    """'which was seen by The Real Deal. ... told TRD that': news gives an organization's full name,
    then its initials; capitalized words the model left untagged whose initials an acronym of the same
    article spells are that organization's name (a capitalized word or "The" in front may belong to it:
    "Live Nation" ... "LN"). Not a common abbreviation ("Chief Executive Officer" ... "CEO") and not
    words of a title."""
    acronyms: dict[str, list[int]] = {}  # letters -> character offsets where the article writes them
    for m in _CAPITALS.finditer(doc_text(doc)):
        text = m.group()
        letters = acronym_letters(text)
        if letters and text not in common_abbreviations() and text not in position_abbreviations():
            acronyms.setdefault(letters, []).append(m.start())
    if not acronyms:
        return []
    at = doc_tokens(doc)
    lengths = {len(letters) for letters in acronyms}
    out = []
    for i, j in _propn_runs(doc, taken):
        for s in range(max(0, i - 2), i + 1):  # the longest name first
            if j - s not in lengths:
                continue  # one capitalized word per letter: no acronym of the article has this many
            words = at[s:j]
            if j - s < 2 or any(k in taken for k in range(s, i)) \
                    or not all(w.is_title or w.is_upper for w in words) \
                    or any(w.is_sent_start for w in words[1:]) or all(w.lower_ in TITLE_WORDS for w in words):
                continue
            uses = acronyms.get(initials([w.text for w in words]), [])
            if any(c < at[s].idx or c >= at[j - 1].idx + len(at[j - 1]) for c in uses):
                out.append(Draft(s, j, "ORG", votes=Counter({"ORG": 5})))
                break
    return out


_NAME = r"[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,2}"
_SCORELINE = re.compile(rf"^({_NAME}) \d+, ({_NAME}) \d+(?: \((?:OT|SO|\d*OT)\))?:", re.M)




def _headed_names_with_first_word(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """'Hollywood Casino Amphitheatre': a capitalized word the model tagged on its own, right before a
    name found by its head noun, is the name's first word (capitalized words in a row make one name);
    and a head noun left untagged after a name ends it ("Mohegan Sun" | "Arena")."""
    at = doc_tokens(doc)
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev is not None and prev.te == d.ts and prev.te - prev.ts == 1 and at[prev.ts].is_title \
                and prev.label in {"GPE", "ORG", "PERSON", "NORP"} and d.te - d.ts >= 2 \
                and at[d.te - 1].lower_ in _HEADED_NAME_TYPES and d.label == _HEADED_NAME_TYPES[at[d.te - 1].lower_]:
            out[-1] = Draft(prev.ts, d.te, d.label, votes=d.votes)
            continue
        out.append(d)
    # "Mohegan Sun Arena" with "Mohegan Sun" tagged alone: a capitalized head noun of a place or body
    # right after a name, in no name of its own, ends that name and types it
    starts = {d.ts for d in out}
    for d in out:
        k = d.te
        if k < len(doc) and k not in starts and at[k].is_title and at[k].lower_ in _HEADED_NAME_TYPES \
                and not at[k].ent_type_ and at[k - 1].whitespace_ and not is_possessive(at[k - 1]) \
                and not (k + 1 < len(doc) and at[k + 1].is_title and at[k + 1].pos_ == "PROPN"):
            kind = _HEADED_NAME_TYPES[at[k].lower_]
            d.te, d.label, d.canonical = k + 1, kind, None
            d.votes[kind] += 8
    return out


def _uncovered(drafts: list[Draft], names: list[Draft]) -> list[Draft]:
    """The drafts that share no token with any of `names` (names found whole replace the pieces the
    model tagged inside them)."""
    inside = {k for n in names for k in range(n.ts, n.te)}
    return [d for d in drafts if not any(k in inside for k in range(d.ts, d.te))] if inside else drafts


def _quoted_titles(doc: Doc, drafts: list[Draft]) -> tuple[list[Draft], list[Draft]]:
    """Titles of songs, films, books and shows, which news sets in quotation marks with every longer
    word capitalized ("Bad Blood", "Takin' It To the Streets," with a list's comma inside): one
    WORK_OF_ART name each, replacing any name found inside it ("China" in "China Grove"). Not when a
    speaker follows ("'Fake News,' he said") or a verb of naming comes before (a nickname).
    Returns (drafts kept, title drafts)."""
    at = doc_tokens(doc)
    text = doc_text(doc)
    titles_found = []
    i = 0
    while i < len(doc):
        if at[i].text not in {"\u201c", '"'}:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j - i <= 10 and at[j].text not in {"\u201d", '"'} and "\n" not in at[j].text:
            j += 1
        if j >= len(doc) or at[j].text not in {"\u201d", '"'}:
            i += 1
            continue
        end = j - 1 if j - 1 > i and at[j - 1].text == "," else j
        words = [t for t in doc[i + 1:end] if t.is_alpha]
        speaker_after = any(t.lemma_ in SPEECH_VERBS for t in doc[j + 1:j + 4])
        nickname = any(t.lemma_ in NAMING_VERBS for t in doc[max(0, i - 4):i])  # "called the firm 'Fail Street'"
        inner = doc[i + 1:end].text
        # a name the article also writes without the marks is a name in scare quotes ("the new 'Magic
        # Keyboard'"), typed by its other mentions
        bare = text.count(inner) > text.count("\u201c" + inner) + text.count('"' + inner)
        if end > i + 1 and words and words[0].is_title and all(w.is_title or w.is_upper for w in words if len(w) > 3) \
                and not any(t.text in {".", "!", "?", ";", ":"} for t in doc[i + 1:end]) and not speaker_after \
                and not bare and not nickname:
            titles_found.append(Draft(i + 1, end, "WORK_OF_ART", votes=Counter({"WORK_OF_ART": 8})))
        i = j + 1
    return _uncovered(drafts, titles_found), titles_found


_MODEL_NUMBER = re.compile(r"\d{1,4}|[A-Za-z]{1,3}\d{1,4}[A-Za-z]{0,3}|\d{1,4}[A-Za-z]{1,2}")
_NOT_MODEL_WORDS = frozenset(MONTHS) | {"no", "number", "top", "fortune", "s&p", "nasdaq"}


def _model_names(doc: Doc, drafts: list[Draft], money: set[int] = frozenset()) -> list[Draft]:
    """'the Samsung Galaxy Note 10', 'the Boeing 737 Max', 'Destiny 2': capitalized words followed by a
    model number (not a year, a date's day, a score, a count of the noun after it or the number of a money
    amount, tokens `money`: "fined Skyhaven Air 30 million naira"), with an edition word or two after it,
    name a product. Returns the drafts, those the product covers replaced."""
    at = doc_tokens(doc)
    found = []
    k = 1
    while k < len(doc):
        tok = at[k]
        if not _MODEL_NUMBER.fullmatch(tok.text) or _YEAR.fullmatch(tok.text) or _ORDINAL.fullmatch(tok.text) \
                or not (at[k - 1].is_title and at[k - 1].pos_ == "PROPN" or is_small_first_brand(at[k - 1].text)) \
                or at[k - 1].lower_.rstrip(".") in _NOT_MODEL_WORDS \
                or tok.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"} or k in money:
            k += 1
            continue
        i = k - 1
        while i - 1 >= 0 and at[i - 1].is_title and at[i - 1].pos_ == "PROPN" and not at[i - 1].is_sent_start \
                and k - i < 4:
            i -= 1
        if at[i].is_sent_start and at[i].pos_ != "PROPN" or at[i].lower_ in NUMBERED_HEADS \
                or any(at[x].lower_ in NUMBERED_HEADS for x in range(i, k)):
            k += 1
            continue
        nxt = at[k + 1] if k + 1 < len(doc) else None
        score_before = i >= 2 and at[i - 1].text == "," and at[i - 2].like_num
        if score_before or nxt is not None and (
                nxt.text in {"-", "\u2013", ":", "%"} or nxt.tag_ in {"NNS", "NNPS"} and nxt.is_lower and tok.is_digit
                or nxt.text == "," and k + 3 < len(doc) and at[k + 3].like_num):
            k += 1  # "Islanders 5-4", "Chelsea 2, Arsenal 1", "Galaxy 10 phones": a score or a count
            continue
        j = k + 1
        while j < len(doc) and j - k <= 2 and (at[j].is_title or at[j].is_upper) and at[j].is_alpha \
                and at[j].pos_ in {"PROPN", "NOUN"} and at[j].ent_type_ not in {"GPE", "DATE"}:
            j += 1  # "737 Max", "11 Pro", "One X"
        found.append(Draft(i, j, "PRODUCT", votes=Counter({"PRODUCT": 5})))
        k = j
    return _uncovered(drafts, found) + found


_BILL_CHAMBERS = wordlist("resolve.spans", "bill_chambers")
_BILL_KINDS = wordlist("resolve.spans", "bill_kinds")


def _numbered_bills(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """'House Bill 412', 'Senate File 516': a chamber, a kind of bill and a number, all capitalized,
    name one bill (a law in the making), whatever pieces the model tagged in it. Returns the drafts,
    those the bill's name covers replaced."""
    at = doc_tokens(doc)
    found = []
    for i in range(len(doc) - 2):
        if at[i].lower_ not in _BILL_CHAMBERS or not at[i].is_title:
            continue
        for width in (1, 2):
            kind = at[i + 1:i + 1 + width]
            k = i + 1 + width
            if k < len(doc) and all(t.is_title for t in kind) and " ".join(t.lower_ for t in kind) in _BILL_KINDS \
                    and at[k].text.isdigit():
                found.append(Draft(i, k + 1, "LAW", votes=Counter({"LAW": 12})))
                break
    return _uncovered(drafts, found) + found


def _name_word(tok: Token) -> bool:
    """A capitalized word that may be part of a name (a sentence's first word only as a proper noun)."""
    return (tok.is_title or tok.is_upper) and tok.is_alpha and not (tok.is_sent_start and tok.pos_ != "PROPN")


def _numbered_branches(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """'United Auto Workers Local 1287', 'Unite Here Local 5', 'Local 1287': a union's local or a lodge is
    named by its organization's name (capitalized words, "of", "and" or "&" between them), the branch
    word and its number, or by the last two alone; one organization, whatever pieces the model tagged.
    Returns the drafts, those the branch's name covers replaced."""
    at = doc_tokens(doc)
    found = []
    for i in range(len(doc) - 1):
        if at[i].lower_ not in BRANCH_WORDS or not at[i].is_title or not at[i + 1].text.isdigit():
            continue
        start = i
        while start - 1 >= 0 and _name_word(at[start - 1]) \
                or start - 2 >= 0 and at[start - 1].lower_ in ("of", "and", "&") and _name_word(at[start - 2]):
            start -= 1
        found.append(Draft(start, i + 2, "ORG", votes=Counter({"ORG": 12})))
    return _uncovered(drafts, found) + found if found else drafts


def _place_before_office(doc: Doc, d: Draft) -> Draft | None:
    """The place a person's name tagged whole begins with, before an office of its government: "Marion
    County Clerk Ruth Ellison" is the county's clerk, Ruth Ellison (a place named with its kind, then a
    capitalized title, then at least one word of the name)."""
    if d.label != "PERSON" or d.te - d.ts < 4:
        return None
    for k in range(d.ts + 2, d.te - 1):
        t = title_after(doc, k)
        if named_with_kind(span_text(doc, d.ts, k)) and t is not None and t.capitalized and t.start == k \
                and t.end < d.te:
            return Draft(d.ts, k, "GPE", votes=Counter({"GPE": 8}))
    return None


def _makers_first(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """'Google Stadia launches ...' with only "Stadia" tagged: an untagged word that is the name of a
    company the article names on its own (not in a heading's capitals), right before a name in its
    sentence, is the maker the product's full name begins with; the name takes it in (grouping then
    types it a product). A maker with a name of its own there keeps it ("Airbus | A350")."""
    at = doc_tokens(doc)
    named = {at[d.ts].text for d in drafts if d.label == "ORG" and d.te - d.ts == 1 and not at[d.ts].is_upper}
    if not named:
        return drafts
    covered = {k for d in drafts for k in range(d.ts, d.te)}
    out = []
    for d in drafts:
        k = d.ts - 1
        if d.label in {"ORG", "PRODUCT"} and k >= 0 and k not in covered and at[k].text in named and at[k].whitespace_ \
                and not at[k].ent_type_ and at[k].pos_ == "PROPN" and not at[d.ts].is_sent_start:
            d = replace(d, ts=k, canonical=None)
        out.append(d)
    return out


def _state_abbreviations(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """'Tampa, FL', 'Sioux Falls, S.D.': a US state's postal code or AP abbreviation after a place's
    name and a comma names the state (grouped with the state's full name where the text writes it).
    Returns the new drafts; a draft already on the abbreviation is retyped."""
    at = doc_tokens(doc)
    by_start = {d.ts: d for d in drafts}
    out = []
    for i in range(2, len(doc)):
        state = us_state_of(at[i].text)
        if state is None or at[i - 1].text != "," or not at[i - 2].text[:1].isupper() or not at[i - 2].is_alpha:
            continue
        nxt = at[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and nxt.is_alpha and nxt.text[:1].isupper() and not nxt.is_sent_start:
            continue  # "Tampa, PA Systems": the capitals go on, a longer name
        d = by_start.get(i)
        if d is not None and d.te == i + 1:
            d.label, d.stands_for = "GPE", state
            d.votes["GPE"] += 8
        elif not any(x.ts <= i < x.te for x in drafts):
            out.append(Draft(i, i + 1, "GPE", votes=Counter({"GPE": 8}), stands_for=state))
        k = i - 2  # the place before it, when the model left it untagged ("June 9 - Tampa, FL")
        while k >= 0 and i - 2 - k < 4 and at[k].is_alpha and at[k].is_title and at[k].pos_ == "PROPN" \
                and not any(x.ts <= k < x.te for x in drafts):
            k -= 1
        if k < i - 2:
            out.append(Draft(k + 1, i - 1, "GPE", votes=Counter({"GPE": 8})))
    return out


def _national_institutions(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """'the US military', 'the Afghan government', 'the Ecuadorean embassy': after "the", a country or
    nationality and a lower-case institution noun name that body, an organization of its own; the
    drafts with the country's name inside it make way."""
    at = doc_tokens(doc)
    found = []
    for d in drafts:
        if d.label not in {"GPE", "NORP"} or d.ts == 0 or at[d.ts - 1].lower_ != "the" or d.te >= len(doc):
            continue
        noun = at[d.te]
        after = at[d.te + 1] if d.te + 1 < len(doc) else None
        if noun.is_lower and noun.text in NATIONAL_INSTITUTIONS \
                and not (after is not None and after.pos_ in {"NOUN", "PROPN"}):  # "the US military base"
            found.append(Draft(d.ts, d.te + 1, "ORG", votes=Counter({"ORG": 6})))
    return _uncovered(drafts, found) + found


def _scoreline_teams(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """"Wild 4, Sabres 1: ...": a line opening with two names and their scores names two teams
    (a sports roundup's convention); a name the tagger left out is added, a tagged one voted a team."""
    new = []
    for m in _SCORELINE.finditer(doc_text(doc)):
        for g in (1, 2):
            span = doc.char_span(m.start(g), m.end(g))
            if span is None:
                continue
            same = [d for d in drafts if d.ts < span.end and span.start < d.te]
            for d in same:
                d.votes["ORG"] += 8
            if not same:
                new.append(Draft(span.start, span.end, "ORG", votes=Counter({"ORG": 8})))
    return new


def _hyphened_modifier(doc: Doc, d: Draft) -> bool:
    """Whether a name is the first part of a hyphened modifier ("Mumbai-based", "Dubai-listed")."""
    return d.te + 1 < len(doc) and doc[d.te].text == "-" and not doc[d.te - 1].whitespace_ \
        and not doc[d.te].whitespace_ and doc[d.te + 1].is_lower


def _listed_kind(doc: Doc, d: Draft) -> str:
    """The kind a list member lends the others: a place the gazetteer knows is a place, whatever the model
    read it as ("Bahia, Piauí and Tocantins", all read as bodies or people)."""
    return "GPE" if d.label in {"ORG", "PERSON", "NORP"} and is_known_place(span_text(doc, d.ts, d.te)) else d.label


def _list_votes(doc: Doc, drafts: list[Draft]) -> None:
    """Names in one list are of one kind: "Marvel Entertainment, Lucasfilm and BamTech"."""
    for a, b in zip(drafts, drafts[1:], strict=False):
        gap = span_text(doc, a.te, b.ts).strip()
        # a comma alone may set off an appositive ("the agency, Jo Park"): a list needs a third
        # member or a conjunction after it
        after = span_text(doc, b.te, b.te + 1)
        if _hyphened_modifier(doc, b):
            continue  # "Dubai's Sahil Ports and Mumbai-based Varadh": the list holds what the place modifies
        if gap in {"and", "or", ", and", ", or"} or (gap == "," and after in {",", "and", "or"}):
            a.votes[_listed_kind(doc, b)] += 3
            b.votes[_listed_kind(doc, a)] += 3


# What news writes between a name and the acronym it declares: "the Securities and Exchange Commission
# (SEC)", "the Revolutionary Armed Forces of Colombia, or FARC"; and where it says so in words, "the
# Popular Liberation Army, known by its Spanish initials EPL" (then whatever the letters)
_SAYS_ACRONYM = r",\s*known\s+by\s+(?:its|the)\s+(?:\w+\s+)?(?:" + \
    "|".join(sorted(wordlist("resolve.spans", "acronym_nouns"))) + ")"
# what declares a short form right after a name: a bracket, ", or", ", known as", "known by its initials"
_DECLARES_ACRONYM = re.compile(r"\s*(?:\(|,\s*or|,\s*(?:also\s+)?known\s+as|" + _SAYS_ACRONYM + r")\s*$",
                               re.IGNORECASE)


def is_plural_title(word: str) -> bool:
    """"justices", "senators": the plural of a title word."""
    return word.endswith("s") and word[:-1] in TITLE_WORDS


_DRUG_STEMS = tuple(wordlist("resolve.spans", "drug_stems"))


def is_drug_name(word: str) -> bool:
    """A medicine's international nonproprietary name, written in lower case: a single word ending in
    one of the WHO's stems for its class ("tavoprenib", "pembrolizumab", "remdesivir", "lisinopril")."""
    return word.isalpha() and word.islower() and len(word) >= 7 and word.endswith(_DRUG_STEMS)


# A word of seven letters or more: where the text may name a medicine (each checked as a token)
_LONG_WORD = re.compile(r"[^\W\d_]{7,}")


def _drug_names(doc: Doc, taken: set[int]) -> list[Draft]:
    """Medicines named by their nonproprietary names, which news writes in lower case (the text's long
    words ending in a drug stem are found first: few articles have any)."""
    at = doc_tokens(doc)
    out = []
    for m in _LONG_WORD.finditer(doc_text(doc)):
        if not m.group().endswith(_DRUG_STEMS):
            continue
        k = char_span_start(doc, m.start(), m.end())
        if k is None or at[k].idx != m.start():
            continue
        t = at[k]
        if k not in taken and t.pos_ in {"NOUN", "PROPN"} and is_drug_name(t.text):
            out.append(Draft(k, k + 1, "PRODUCT", votes=Counter({"PRODUCT": 10})))
    return out


# "The drug, tavoprenib, will be sold under the brand name Renqua": the brand is the drug's other name
_BRAND_NAME = re.compile(r"\s*(?:,\s*)?(?:" + "|".join(sorted(wordlist("resolve.spans", "brand_verbs")))
                         + r")?\s*(?:under|as)?\s*(?:the\s+)?brand\s+name\s*$", re.IGNORECASE)


def _bracketed_short_name(doc: Doc, name: Draft, word: Draft, gap: str) -> bool:
    """Whether one capitalized word alone in brackets right after an organization's name of several words
    is that organization's short name, whatever its letters: news declares so the initials or clipped name
    of the name in its own language ("the German Aerospace Center (DLR)", "the Council of Brazilian Coffee
    Exporters (Cecafé)"). Not a place written so ("the Kanto Institute (Japan)")."""
    written = span_text(doc, word.ts, word.te)
    return name.label == "ORG" and name.te - name.ts > 1 and word.te - word.ts == 1 and gap.strip() == "(" \
        and word.te < len(doc) and doc[word.te].text == ")" and written[:1].isupper() and written.isalpha() \
        and not is_known_place(written)


def _declared_acronyms(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Acronyms the model left untagged where a name declares them ("the National Revolutionary Front,
    known by its Spanish initials FRN"): the organization's."""
    at = doc_tokens(doc)
    taken = {i for d in drafts for i in range(d.ts, d.te)}
    out = []
    for d in drafts:
        if d.label != "ORG":
            continue
        name = span_text(doc, d.ts, d.te)
        for j in range(d.te + 1, min(d.te + 9, len(doc))):
            if j not in taken and declares_short_form(at[j].text, name) \
                    and _DECLARES_ACRONYM.match(span_text(doc, d.te, j)):
                out.append(Draft(j, j + 1, "ORG", votes=Counter({"ORG": 5})))
                break
    return out


def _collective_votes(doc: Doc, drafts: list[Draft]) -> None:
    """A singular name with a plural verb is a body of people, as British usage writes clubs and firms
    ("Nottingham Forest have signed", "Arsenal are"): an organization, not a forest or a town."""
    for d in drafts:
        root = doc[d.ts:d.te].root
        if root.dep_ != "nsubj" or root.tag_ != "NNP" or root.lower_.endswith("s") and d.te - d.ts > 1 \
                or any(c.dep_ == "conj" for c in root.children):  # ("Apple Watches start at": a plural; a
            continue  # one-word name in -s is written so: "Valderas have signed")
        verb = root.head
        finite = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
        if any(w.tag_ == "VBP" or w.lower_ in {"were"} for w in finite):
            d.votes["ORG"] += 6


_KINDS_NAMED_BEFORE = wordlist("resolve.spans", "kinds_named_before")


def named_before_kind(tok: Token) -> bool:
    """Whether the last word of a name modifies a lower-case kind of body right after it that news names so:
    "the ruling Morena party" (Morena is the party, not a place)."""
    nxt = tok.head
    return tok.dep_ == "compound" and nxt.i == tok.i + 1 and nxt.is_lower and nxt.lemma_ in _KINDS_NAMED_BEFORE


def _kind_votes(doc: Doc, drafts: list[Draft]) -> None:
    """A name written before "party" or "movement" names that body: an organization."""
    for d in drafts:
        if named_before_kind(doc[d.te - 1]):
            d.votes["ORG"] += 8


def kind_in_apposition(root: Token) -> bool:
    """Whether a name whose last word is `root` is set before an apposition that says what kind of body it
    is ("Halcyon Digital, a cryptocurrency exchange"; not "Kevin Brauer, a lender at Northwoods Bank": a kind
    of body with a place of work is a person's job; nor "X, the company's founder")."""
    kind = next((c for c in root.children if c.dep_ == "appos" and c.i > root.i), None)
    if kind is None or kind.pos_ != "NOUN" or kind.tag_ != "NN" or kind.lemma_.lower() not in ORG_DESCRIPTIONS:
        return False
    return not any(c.dep_ == "poss" or c.tag_ == "POS" or c.dep_ == "prep" and c.lower_ in {"at", "with"}
                   for c in kind.children)


_SPEAKING_TYPES = wordlist("resolve.spans", "speaking_types")


_BODY_VERBS = wordlist("resolve.spans", "body_verbs")


def _body_votes(doc: Doc, drafts: list[Draft]) -> None:
    """A name that was founded, established or set up, in a passive clause or a participle set beside it
    ("Brennan Precision, founded in 1978,", "Thornbury was founded in 1978"), or that employs people
    ("Calder Mills, which employs 46 people"), is an organization, whatever person's name it looks like
    (not one that founds something: "Castellanos founded in 2017 a company")."""
    for d in drafts:
        root = doc[d.ts:d.te].root
        verbs = [c for c in root.children if c.dep_ in ("acl", "relcl")]
        if root.dep_ in ("nsubjpass", "nsubj"):
            verbs.append(root.head)
        for v in verbs:
            if v.lemma_ not in _BODY_VERBS or v.lemma_ == "set" and not any(c.lower_ == "up" for c in v.children):
                continue
            passive = v.tag_ == "VBN" and (v.dep_ == "acl" or root.dep_ == "nsubjpass" and v is root.head) \
                and not any(c.dep_ == "dobj" for c in v.children)
            employs = v.lemma_ == "employ" and v.tag_ in FINITE_VERB_TAGS \
                and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in v.children)
            if passive and v.lemma_ != "employ" or employs:
                d.votes["ORG"] += 6
                break


def _speaker_votes(doc: Doc, drafts: list[Draft]) -> None:
    """A name that says something is a speaker: a company or a person, never a product, building, place
    without a government, work or event ("Audi says", "Audi is promising": the carmaker, not the car)."""
    surnames = {doc[d.te - 1].text for d in drafts if d.label == "PERSON"}
    for d in drafts:
        # (a given name or a surname of the article, "Webb said" tagged an organization, is a person's)
        if d.label not in _SPEAKING_TYPES and not is_given_name(doc[d.ts].text) \
                and doc[d.te - 1].text not in surnames:
            root = doc[d.ts:d.te].root
            # (a speaker set beside a person's post is the person: "said Tunde Bakare, head of research at X")
            post = any(c.dep_ == "appos" and c.lower_ in TITLE_WORDS for c in root.children)
            if root.dep_ == "nsubj" and root.head.lemma_ in SPEECH_VERBS and not post:
                d.votes["ORG"] += 5


def _possessive_offices(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """"the California Governor's Office of Emergency Services": an office named after its holder
    keeps the holder's title and place, possessive included."""
    at = doc_tokens(doc)  # one Token object per token, not one per doc[i]
    for d in drafts:
        k = d.ts - 1
        if d.label != "ORG" or k < 2 or not is_possessive(at[k]) or at[k - 1].lower_ not in TITLE_WORDS \
                or not at[k - 1].is_title:
            continue
        i = k - 1
        while i - 1 >= 0 and at[i - 1].is_title and at[i - 1].pos_ == "PROPN" and not at[i - 1].is_sent_start:
            i -= 1
        d.ts = i
        d.votes["ORG"] += 5
    covered = {k for d in drafts for k in range(d.ts, d.te)}
    for tok in at:  # "the Linn County Attorney's Office said": the office untagged, its holder's title before it
        k = tok.i - 1
        if tok.text != "Office" or tok.i in covered or k < 2 or not is_possessive(at[k]) \
                or at[k - 1].lower_ not in TITLE_WORDS or not at[k - 1].is_title:
            continue
        i = k - 1
        while i - 1 >= 0 and at[i - 1].is_title and not at[i - 1].is_sent_start and at[i - 1].lower_ != "the":
            i -= 1
        drafts = sorted([*drafts, Draft(i, tok.i + 1, "ORG", votes=Counter({"ORG": 5}))], key=lambda d: d.ts)
    kept = []
    for d in drafts:  # drop the place swallowed by the office's name
        if not any(o is not d and o.ts <= d.ts and d.te <= o.te and (o.te - o.ts) > (d.te - d.ts) for o in drafts):
            kept.append(d)
    return kept


def model_names_joined(ents: tuple[Span, ...]) -> list[tuple[int, int, str]]:
    """The model's name spans of our types as (start, end, label), a given name the model tagged on its
    own joined to the person's name right after it: "Gilberto | Saucedo spent Monday" (a place and a
    person to the model) is one person, as a given name opens a person's full name; so is a person's name and
    the one word the model tagged apart that the parser hangs all of it on ("Hernán Ospina | Arango"); and a
    place's kind
    tagged apart from its name ("Terrebonne | Parish") joined to it."""
    out: list[tuple[int, int, str]] = []
    for ent in ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        if out and ent.label_ == "PERSON" and out[-1][1] == ent.start and out[-1][1] - out[-1][0] == 1 \
                and out[-1][2] != "PERSON" and is_given_name(ent.doc[ent.start - 1].text):
            out[-1] = (out[-1][0], ent.end, "PERSON")
            continue
        if out and out[-1][2] == "PERSON" and out[-1][1] == ent.start and len(ent) == 1 and ent.label_ != "PERSON" \
                and ent[0].is_title and ent[0].is_alpha and out[-1][1] - out[-1][0] >= 2 \
                and all(ent.doc[k].dep_ == "compound" and ent.doc[k].head.i == ent.start
                        for k in range(out[-1][0], out[-1][1])):
            # "Hernán Ospina | Arango" (a person and a place to the model): the parser hangs every word of
            # the person's name on the next one, a second surname, as Spanish and Portuguese names carry
            out[-1] = (out[-1][0], ent.end, "PERSON")
            continue
        if out and out[-1][1] == ent.start and len(ent) == 1 and ent[0].is_title and ent[0].lower_ in GPE_HEADS \
                and out[-1][2] in {"GPE", "ORG", "LOC"}:
            # "Terrebonne" + "Parish" tagged apart: a place's name and its kind, capitalized, are one name
            out[-1] = (out[-1][0], ent.end, "GPE")
            continue
        out.append((ent.start, ent.end, ent.label_))
    return out


def _irish_article_names(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """The drafts with a name opening with the Irish article "An" as one organization's name ("An Garda
    Síochána", "An Bord Pleanála", "An Post"): English writes "an" only before a vowel's sound, so "An" before a
    capitalized word opening with a consonant (no "h", no initials) is Irish, the name's first word."""
    at = doc_tokens(doc)
    out = list(drafts)
    for k, tok in enumerate(at[:-1]):
        nxt = at[k + 1]
        if tok.text != "An" or not (nxt.is_title and nxt.is_alpha) or nxt.text[0].lower() in "aeiouh":
            continue
        end = k + 1
        while end < len(at) and end - k <= 4 and at[end].is_title and at[end].is_alpha:
            end += 1
        out = [d for d in out if d.te <= k or d.ts >= end]
        out.append(Draft(k, end, "ORG", votes=Counter({"ORG": 12})))
    return sorted(out, key=lambda d: d.ts)


def _prefixed_companies(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """The drafts with a company named after a legal form written before it ("PT Saku Rupa Digital", which the
    model may split into a person and an organization), or after its kind of business in a Romance language
    ("Banco do Brasil"), as one organization's name, the form or kind included."""
    at = doc_tokens(doc)
    out = list(drafts)
    for k, tok in enumerate(at[:-1]):
        kind_first = tok.lower_ in COMPANY_FIRST_WORDS and tok.is_title
        if tok.text in LEGAL_FORM_PREFIXES:
            start = k + 1
        elif kind_first:
            # "Banco do Brasil", "Cervecería del Bajío", "Maison Lacombe-Rivière": a company's kind of business
            # written first, and particles after it, are its name's
            start = k + 1
            while start < len(at) - 1 and at[start].lower_ in _NAME_PARTICLES and start - k <= 2:
                start += 1
        else:
            continue
        if not at[start].is_title:
            continue
        end = start
        while end < len(at) and end - k <= 6 and ((at[end].is_title or at[end].is_upper) and at[end].is_alpha
                                                  or end + 1 < len(at) and at[end + 1].is_title and (
                                                      at[end].text == "-" and not at[end - 1].whitespace_
                                                      and not at[end].whitespace_
                                                      or kind_first and at[end].lower_ in _NAME_PARTICLES)):
            end += 1  # ("Maison Lacombe-Rivière"; "Banco Central de Chile" after a kind of business)
        out = [d for d in out if d.te <= k or d.ts >= end]
        out.append(Draft(k, end, "ORG", votes=Counter({"ORG": 12})))
    return sorted(out, key=lambda d: d.ts)


def _capitalized_run_end(at: list[Token], k: int) -> tuple[int, int]:
    """Where a run of capitalized words from token k ends, and how many words it holds (a hyphened surname,
    "Asante-Boakye", is one word; an initial, "K.", is one)."""
    j, words = k, 0
    while j < len(at) and at[j].is_title and at[j].is_alpha or j < len(at) and re.fullmatch(r"[A-Z]\.", at[j].text):
        j, words = j + 1, words + 1
        while j + 1 < len(at) and at[j].text == "-" and not at[j - 1].whitespace_ and not at[j].whitespace_ \
                and at[j + 1].is_title:
            j += 2  # ("Asante" + "-" + "Boakye")
    return j, words


def _names_after_titles(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A person's title written before capitalized words makes them one person's name ("Chief Executive Kwadwo
    Asante-Boakye told", "chief executive Anand Pendyala said"), whatever the model tagged in them (nothing, or
    pieces it read as places): news sets a title before a name, not before a place or a body."""
    at = doc_tokens(doc)
    out = list(drafts)
    for k in range(1, len(at)):
        if not at[k].is_title or at[k].is_sent_start or title_before(doc, k) is None:
            continue
        end, words = _capitalized_run_end(at, k)
        if not 2 <= words <= 4 or end < len(at) and (at[end].is_title or at[end].like_num):
            continue
        lowered = [t.lower_ for t in at[k:end]]
        if any(w in NAME_HEAD_WORDS or w in ORG_NAME_WORDS or w in MONTHS for w in lowered) \
                or is_known_place(span_text(doc, k, end)) or not is_given_name(at[k].text) and at[k].ent_type_ \
                or any(title_after(doc, x) is not None for x in range(k, end)):
            continue  # (a longer title's words: "Chief | Events Officer Lena Brunner")
        out = _with_name(out, Draft(k, end, "PERSON", votes=Counter({"PERSON": 5})), frozenset({"PERSON"})) or out
    return sorted(out, key=lambda d: d.ts)


def _with_name(drafts: list[Draft], name: Draft, labels: frozenset[str] | None = None) -> list[Draft] | None:
    """The drafts with `name` in place of the pieces inside its bounds; None where a draft crosses its bounds or
    one (of `labels`, of any label where None) already spans them."""
    inside = [d for d in drafts if d.ts < name.te and d.te > name.ts]
    if any(d.ts < name.ts or d.te > name.te or (d.ts, d.te) == (name.ts, name.te)
           and (labels is None or d.label in labels) for d in inside):
        return None
    return [d for d in drafts if not (d.ts < name.te and d.te > name.ts)] + [name]


def _names_joined_by_romance_links(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Capitalized words joined by the small words of Spanish, Portuguese, Italian or French names ("Auditoría
    Superior de la Federación", "Mexicanos Unidos por la Transparencia") are one name, whatever pieces the model
    tagged: English writes no "de la" or "por" small between two capitals. A person's where it opens with a
    given name and the model read a piece so, else a body's."""
    at = doc_tokens(doc)
    out = list(drafts)
    k = 0
    while k < len(at):
        if not (at[k].is_title and at[k].is_alpha):
            k += 1
            continue
        start, end, links = k, k, 0
        while True:
            while end < len(at) and at[end].is_title and at[end].is_alpha:
                end += 1
            link = end
            while link < len(at) and at[link].lower_ in _ROMANCE_LINKS and at[link].is_lower:
                link += 1
            if link == end or link >= len(at) or not (at[link].is_title and at[link].is_alpha):
                break
            end, links = link, links + 1
        k = max(end, k + 1)
        while start < end and (at[start].lower_ in {"the", "a", "an"} or (t := title_after(doc, start)) is not None
                                and t.end <= end and at[t.end].is_title):
            start = start + 1 if at[start].lower_ in {"the", "a", "an"} else t.end  # ("The", "President" before it)
        if not links or start >= end or at[start].lower_ in _ROMANCE_LINKS \
                or at[start].is_sent_start and end - start < 3:
            continue
        person = any(d.label == "PERSON" for d in out if d.ts < end and d.te > start) and is_given_name(at[start].text)
        label = "PERSON" if person else "ORG"
        out = _with_name(out, Draft(start, end, label, votes=Counter({label: 5}))) or out
    return sorted(out, key=lambda d: d.ts)


def _in_amount(doc: Doc, d: Draft, amounts: Sequence[tuple[int, int]]) -> bool:
    """Whether the draft lies inside one of the money amounts (character ranges): its digits, or its sign or
    currency's code ("AED" of "AED 892m", "TL" of "TL 31.6 billion")."""
    at = doc_tokens(doc)
    return any(s <= at[d.ts].idx and at[d.te - 1].idx < e for s, e in amounts)


def find_names(doc: Doc, amounts: Sequence[tuple[int, int]] = ()) -> list[Draft]:
    """Every cleaned name span of the Doc, in text order; none that holds the digits of one of the money
    `amounts` (character ranges the extractor found): the model takes a sign and a number for a name
    ("Sh180" of "Sh180 million", "NT$24.6" of "NT$24.6 billion", "COP 10" of "COP 10 billion")."""
    at = doc_tokens(doc)  # one Token object per token, not one per doc[i]
    drafts: list[Draft] = []
    ents = doc_ents(doc)
    for ts, te, label in model_names_joined(ents):
        drafts += _clean(doc, ts, te, label)
    drafts += _names_tagged_as_dates(doc)
    _office_names(doc, drafts)
    # a money amount's sign and number are no words of a name: a name the model ran into one ends before it
    # ("GreenLoop Recyclers for Rs 215 crore"), and no rule extends a name over one
    money = {t.i for t in at if any(s <= t.idx < e for s, e in amounts)}
    for d in drafts:
        cut = next((k for k in range(d.ts + 1, d.te) if k in money), None)
        if cut is not None:
            d.te, d.canonical = cut, None
            while d.te - d.ts > 1 and at[d.te - 1].is_lower:
                d.te -= 1  # (and the link word before it: "for")
    taken = {i for d in drafts for i in range(d.ts, d.te)} | {i for e in ents for i in range(e.start, e.end)} | money
    extend_cut_names(doc, drafts, taken)
    drafts += _extra_org_names(doc, taken)
    taken |= {i for d in drafts for i in range(d.ts, d.te)}
    drafts += _untagged_names(doc, taken)
    drafts += _towns_of_residents(doc, taken | {i for d in drafts for i in range(d.ts, d.te)})
    drafts += _names_of_initials(doc, taken | {i for d in drafts for i in range(d.ts, d.te)})
    drafts += _drug_names(doc, taken | {i for d in drafts for i in range(d.ts, d.te)})
    drafts += untagged_speakers(doc, taken)
    drafts = _names_after_titles(doc, drafts)
    drafts = _names_joined_by_romance_links(doc, drafts)
    extend_over_number_words(doc, drafts)
    drafts = _headed_names_with_first_word(doc, sorted(drafts, key=lambda d: d.ts))
    drafts = split_conjoined(doc, drafts)
    taken |= {i for d in drafts for i in range(d.ts, d.te)}
    drafts = joined_by_head(doc, sorted(drafts + untagged_conjuncts(doc, drafts, taken), key=lambda d: d.ts))
    drafts = _join_of_names(doc, drafts)
    drafts = _party_names(doc, drafts)
    drafts = _bodies_of_places(doc, drafts)
    drafts = _shops_named_for_people(doc, drafts)
    extend_over_numbers(doc, drafts)
    drafts = _extend_over_ordinals(doc, drafts)
    drafts = _names_joined_by_their_acronym(doc, drafts)
    drafts = _acronyms_of_names(doc, drafts)
    drafts = _prefixed_companies(doc, drafts)
    drafts = _irish_article_names(doc, drafts)
    for d in drafts:  # a dateline: "SAN FRANCISCO (AP) —" names the place in capitals
        text = doc[d.ts:d.te].text
        if (d.ts < 4 or opens_paragraph(doc, d.ts)) and text.isupper() and len(text) > 4 and d.te < len(doc) \
                and at[d.te].text in {"(", "\u2014", "-", "\u2013", ","}:
            d.canonical = text.title()
            d.votes["GPE"] += 30  # the wire's own statement of a place: it outweighs what the other
            # mentions' words suggest ("SISTERS, Ore. (AP)": a town, though "Sisters" reads as a group)
    credits = wire_credits(doc)
    for d in drafts:  # "PARIS, July 25 (Meridian) -": the credit in brackets after a dateline is a news agency's
        if at[d.ts].idx in credits and d.te - d.ts <= 3:
            d.votes["ORG"] += 30  # (though its name is a town's, "Meridian")
    named = {at[d.ts].idx for d in drafts}
    drafts = sorted(drafts + [Draft(t.i, t.i + 1, "ORG", votes=Counter({"ORG": 30})) for t in at
                              if t.idx in credits and t.idx not in named and t.is_alpha and not t.is_lower],
                    key=lambda d: d.ts)  # (a credit the model left untagged: "(Asiawire)")
    drafts = sorted(drafts + _orgs_before_titles(doc, drafts), key=lambda d: d.ts)
    drafts = sorted(drafts + _scoreline_teams(doc, drafts), key=lambda d: d.ts)
    drafts = sorted(drafts + _state_abbreviations(doc, drafts), key=lambda d: d.ts)
    drafts = sorted(_national_institutions(doc, drafts), key=lambda d: d.ts)
    drafts = sorted(_model_names(doc, drafts, money), key=lambda d: d.ts)
    drafts = sorted(_numbered_bills(doc, drafts), key=lambda d: d.ts)
    drafts = sorted(_numbered_branches(doc, drafts), key=lambda d: d.ts)
    drafts = _makers_first(doc, drafts)
    drafts, quoted_titles = _quoted_titles(doc, drafts)
    surnames = {at[d.te - 1].text for d in drafts if d.label == "PERSON"} | \
               {at[d.ts].text for d in drafts if d.te - d.ts == 1}
    org_words = frozenset(at[k].lower_ for d in drafts if d.label == "ORG" for k in range(d.ts, d.te - 1))
    in_longer = {k for d in drafts if d.te - d.ts > 1 for k in range(d.ts, d.te)}  # "Review Committee"
    alone_capital = {t.lower_ for t in at if not t.is_lower and not t.is_sent_start and t.i not in in_longer}
    common_words = frozenset({t.text for t in at if t.is_lower} - alone_capital)
    out: list[Draft] = []
    for d in drafts:
        while d.label == "PERSON" and d.te - d.ts > 2 and at[d.ts].text in position_abbreviations():
            d.ts += 1  # "S Damarious Randall", "LB Joe Schobert": a sports position in capitals, no name
        if (place := _place_before_office(doc, d)) is not None:
            out.append(place)  # "Marion County Clerk Ruth Ellison": the county, then the clerk's name
            d.ts, d.canonical = place.te, None
        while d.label == "PERSON" and d.te - d.ts > 1 and (at[d.ts].lower_ in _TITLES_HONORIFICS
                                                          or is_plural_title(at[d.ts].lower_)):
            # (a plural title before a list of names is each one's: "Justices Samuel Okonkwo, Ann Lee and")
            d.ts += 1  # "of Prince Andrew!" found by any rule: a title is never part of a person's name
            d.canonical = None
        if _is_junk(doc, d, surnames, org_words, common_words) or _in_amount(doc, d, amounts):
            continue
        for part in _split_coordination(doc, d):
            _tails(doc, part)
            out.append(part)
    out = sorted(out + quoted_titles, key=lambda d: d.ts)
    out = _possessive_offices(doc, out)
    _list_votes(doc, out)
    _speaker_votes(doc, out)
    _body_votes(doc, out)
    _collective_votes(doc, out)
    _kind_votes(doc, out)
    out = sorted(out + _declared_acronyms(doc, out), key=lambda d: d.ts)
    for k, d in enumerate(out):  # "the Securities and Exchange Commission (SEC)", "..., or FARC"
        if not k or d.ts < 2:
            continue
        if out[k - 1].label == "PRODUCT" and _BRAND_NAME.search(span_text(doc, out[k - 1].te, d.ts)) \
                and doc[out[k - 1].ts].sent == doc[d.ts].sent:
            d.acronym_of, d.acronym_said = k - 1, True  # "tavoprenib, sold under the brand name Renqua"
            continue
        p = k - 2 if k >= 2 and out[k - 1].label == "NORP" else k - 1  # "... its Spanish initials FRN"
        written = doc[d.ts:d.te].text
        gap = span_text(doc, out[p].te, d.ts)
        if _bracketed_short_name(doc, out[p], d, gap):
            d.acronym_of, d.acronym_said = p, True
            continue
        if not declares_short_form(written, span_text(doc, out[p].ts, out[p].te)):
            continue
        if _DECLARES_ACRONYM.match(gap):
            d.acronym_of = p
            d.acronym_said = re.match(_SAYS_ACRONYM, gap.strip(), re.IGNORECASE) is not None \
                or re.fullmatch(r",\s*or\s*", gap) is not None  # "the Justice and Development Party, or
            # AKP,": words declare it, whatever language its letters come from (brackets may hold a ticker)
    return out

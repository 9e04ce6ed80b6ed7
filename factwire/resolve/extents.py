"""Organization names the model cut short: at 'for' or 'of' ("United Nations | High Commissioner for
Human Rights") or before a last capitalized word ("the Ashby | Athletic manager"): the capitalized
words that follow belong to the name."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from factwire.nlp import doc_tokens, span_text
from factwire.resolve.draft import TITLE_WORDS, Draft
from factwire.resolve.lexicon import (
    HONORIFICS,
    LAW_HEADS,
    LEGAL_FORMS,
    LOWER_CASE_LEGAL_FORMS,
    NAME_HEAD_WORDS,
    NUMBERED_HEADS,
    titles,
)
from factwire.resolve.people import is_family_name_first, is_given_name
from factwire.resolve.speech_words import REPORTING_LEMMAS
from factwire.wordlists import wordlist

_LINKS = wordlist("resolve.extents", "links")
EPITHET_OPENERS = wordlist("resolve.extents", "epithet_openers")  # "Rival | Castellan Brands agreed"


def _capitalized(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return tok.is_title and tok.is_alpha and not tok.is_sent_start and tok.ent_type_ not in {"PERSON", "DATE", "TIME"} \
        and tok.pos_ != "PRON"  # "the Honda I own": the pronoun is no word of the name


def _left_word(doc: Doc, i: int, end: int) -> bool:
    """Whether the untagged capitalized proper noun at i, the first word of its sentence (where the model
    most often leaves a name's first word out), is a word of the organization's name after it: a
    modifier the parser attached inside that name, no title or form of address ("Huber Heights City
    Council is scheduled to vote"; not an epithet: "Rival Castellan Brands agreed")."""
    tok = doc[i]
    return tok.is_sent_start and tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha and not tok.ent_type_ \
        and tok.dep_ == "compound" and i < tok.head.i < end and tok.lower_ not in TITLE_WORDS \
        and tok.lower_ not in titles() and tok.lower_ not in HONORIFICS and tok.lower_ not in EPITHET_OPENERS


def _number_word_in_name(doc: Doc, i: int, openings: set[tuple[str, str]]) -> bool:
    """Whether the number word at i opens the name after it: running text writes numbers in lower case
    ("five rivers"), so a capital inside a sentence marks a name's word ("the owner of Five Rivers Wealth
    Partners"); at a sentence's start, where every word takes a capital, only where a name of the
    article opens with the same two words ("Five Rivers, which had an office ...")."""
    tok = doc[i]
    return tok.like_num and tok.is_alpha and tok.is_title and tok.ent_type_ in {"", "CARDINAL"} \
        and (not tok.is_sent_start or (tok.lower_, doc[i + 1].lower_) in openings)


def _counts_the_name(doc: Doc, i: int, end: int) -> bool:
    """Whether the number word at i counts the name up to `end` or the words inside it ("Five Rivers"),
    not a noun the name modifies ("Two | Bartholomew County deputies", "our One | Home Depot plans")."""
    return i < doc[i].head.i < end and not (doc[end - 1].dep_ in {"compound", "amod", "nmod"}
                                            and doc[end - 1].head.i >= end)


def extend_over_numbers(doc: Doc, drafts: list[Draft]) -> None:
    """Extend a numbered name of a place or body over its number, whatever rule found the name: "U.S.
    Highway | 20", "Iowa Highway | 14", "Interstate | 5"."""
    covered = {k for d in drafts for k in range(d.ts, d.te)}
    for d in drafts:
        if d.label in {"ORG", "FAC", "GPE", "LOC"} and doc[d.te - 1].lower_ in NUMBERED_HEADS and d.te < len(doc) \
                and doc[d.te].text.isdigit() and d.te not in covered:
            covered.add(d.te)
            d.te += 1


def extend_over_number_words(doc: Doc, drafts: list[Draft]) -> None:
    """Extend a name that is no person's over a capitalized number word in front of it, which the model
    tags a number ("the owner of Five | Rivers Wealth Partners")."""
    covered = {i for d in drafts for i in range(d.ts, d.te)}

    def extend(d: Draft, openings: set[tuple[str, str]]) -> bool:
        if d.label != "PERSON" and d.ts > 0 and d.ts - 1 not in covered \
                and _number_word_in_name(doc, d.ts - 1, openings) and _counts_the_name(doc, d.ts - 1, d.te):
            d.ts -= 1
            covered.add(d.ts)
            return True
        return False

    for d in drafts:  # a capital inside a sentence, as often as the words before are number words
        while extend(d, set()):
            pass
    # then at a sentence's start, where the article names another name opening with the same two words
    openings = {(doc[d.ts].lower_, doc[d.ts + 1].lower_) for d in drafts if d.te - d.ts > 1 and doc[d.ts].like_num}
    for d in drafts:
        extend(d, openings)


def _untagged_name_word(tok: Token) -> bool:
    """An untagged capitalized proper noun that is no title's or name head's word: a word a person's name
    the model cut may have left out."""
    return tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha and not tok.ent_type_ \
        and tok.lower_ not in TITLE_WORDS and tok.lower_ not in titles() and tok.lower_ not in NAME_HEAD_WORDS


def _surname_left_out(doc: Doc, j: int) -> bool:
    """Whether the untagged capitalized proper noun at j is the surname of the person's name before it
    that ends in a given name: the parser hangs the given name on it as on the head of one name (not a
    name that modifies a noun: "the Hazel Hen supercomputer")."""
    tok, given = doc[j], doc[j - 1]
    return _untagged_name_word(tok) and given.dep_ == "compound" and given.head.i == j \
        and is_given_name(given.text) and tok.dep_ not in {"compound", "amod", "nmod"}


def _given_name_left_out(doc: Doc, i: int, ts: int) -> bool:
    """Whether the untagged capitalized given name at i opens the person's name that starts at ts: the
    parser hangs it on that name as on the head of one name."""
    given = doc[i]
    return _untagged_name_word(given) and is_given_name(given.text) and given.dep_ == "compound" \
        and ts <= given.head.i < ts + 3


def hyphened_given_name(doc: Doc, ts: int, te: int) -> bool:
    """Whether the two words ts..te are an East Asian family name and the first half of a given name whose
    second half follows, hyphened in lower case ("Yoon Sang" | "-chul", "Park Ji" | "-hoon"): Korean names
    are romanized family name first, the given name's syllables joined by a hyphen."""
    at = doc_tokens(doc)
    return te - ts == 2 and te + 1 < len(doc) and is_family_name_first(at[ts].text) and at[ts + 1].is_title \
        and at[te].text == "-" and not at[te - 1].whitespace_ and not at[te].whitespace_ \
        and at[te + 1].is_lower and at[te + 1].is_alpha


_NAME_ARTICLES = frozenset({"al", "el"})  # the article of an Arabic family name, "al-Sudairi", "el-Sisi"


_PORTFOLIO_BODIES = wordlist("resolve.extents", "portfolio_bodies")


def portfolio_list(doc: Doc, ts: int, comma: int, te: int) -> bool:
    """'Department of Agriculture, Trade and Consumer Protection': a public body "of" a list of portfolios
    carries the whole list in its name, commas and all (the words after the comma capitalized, the list
    closed by "and")."""
    at = doc_tokens(doc)
    of = next((k for k in range(ts + 1, comma) if at[k].lower_ == "of"), None)
    return of is not None and at[of - 1].lower_ in _PORTFOLIO_BODIES \
        and any(at[k].lower_ == "and" for k in range(comma + 1, te - 1)) \
        and all(at[k].is_title or at[k].lower_ in {"and", ","} for k in range(comma + 1, te))


def extend_cut_names(doc: Doc, drafts: list[Draft], taken: set[int]) -> None:
    """Extend an ORG/FAC name over an untagged first word the parser hangs inside it, and over untagged
    capitalized words joined by 'for'/'of' after it (or by 'and' where they end a law's name), and a
    person's name over the first half of a hyphenated given name ("Anna-" | "Lena Berg") and over an
    Arabic family name with its article ("Khalid bin Fahad" | "al-Sudairi") and over the second half of a
    hyphenated surname ("Teresa Alvarado" | "-Kemp") or given name ("Yoon Sang" | "-chul"); and any name over the
    capitalized words that make it a longer name the article writes whole elsewhere ("Bluestem" | "Air Flight
    4417" after "Bluestem Air": the model cut the name it tagged whole before)."""
    whole = {span_text(doc, d.ts, d.te) for d in drafts if d.te - d.ts > 1}
    for d in drafts:
        k = d.te
        n = next((n for n in (2, 1) if k + n <= len(doc) and not taken & set(range(k, k + n))
                  and all(doc[x].is_title and doc[x].lower_ not in titles() for x in range(k, k + n))
                  and span_text(doc, d.ts, k + n) in whole), None)  # ("U.S. | Attorney Jo Park": a title, a name)
        if n is not None:
            taken.update(range(k, k + n))
            d.te = k + n
            continue
        if d.label == "PERSON" and k + 2 < len(doc) and doc[k].lower_ in _NAME_ARTICLES and doc[k + 1].text == "-" \
                and not doc[k].whitespace_ and not doc[k + 1].whitespace_ and doc[k + 2].is_title \
                and not taken & {k, k + 1, k + 2}:
            taken.update((k, k + 1, k + 2))
            d.te = k + 3
            continue
        if d.label == "PERSON" and d.ts >= 2 and doc[d.ts - 1].text == "-" and not doc[d.ts - 1].whitespace_ \
                and not doc[d.ts - 2].whitespace_ and doc[d.ts - 2].is_title and doc[d.ts - 2].is_alpha \
                and d.ts - 2 not in taken:
            taken.update((d.ts - 2, d.ts - 1))
            d.ts -= 2
            continue
        opener = next((h for h in range(d.ts - 1, max(-1, d.ts - 4), -1)
                       if doc[h].lower_ in HONORIFICS and doc[h].is_title), None)
        if opener is not None and opener + 1 < d.ts and d.te - d.ts <= 2 \
                and all(doc[x].is_title and x not in taken for x in range(opener + 1, d.ts)):
            # "Comrade Emeka | Nwosu" with "Nwosu" tagged alone: a form of address opens a person's name
            taken.update(range(opener + 1, d.ts))
            d.ts, d.label = opener + 1, "PERSON"
            continue
        if d.te - d.ts == 3 and doc[d.ts + 1].text == "-" and not doc[d.ts].whitespace_ \
                and not doc[d.ts + 1].whitespace_ and is_given_name(doc[d.ts].text) \
                and is_given_name(doc[d.ts + 2].text) and k < len(doc) and k not in taken and doc[k].is_title \
                and doc[k].is_alpha and doc[k].lower_ not in titles():
            # "Anne-Sophie | Berthier" with the given name tagged alone (as an organization): a given name of
            # two joined by a hyphen, as French and German write them, then the surname
            taken.add(k)
            d.te, d.label = k + 1, "PERSON"
            continue
        if d.label == "PERSON" and hyphened_given_name(doc, d.ts, k) and not taken & {k, k + 1}:
            taken.update((k, k + 1))  # "Yoon Sang | -chul": the model cut a given name at its hyphen
            d.te = k + 2
            continue
        if d.label == "PERSON" and k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ \
                and not doc[k].whitespace_ and doc[k + 1].is_title and doc[k + 1].is_alpha and not taken & {k, k + 1}:
            taken.update((k, k + 1))  # "Teresa Alvarado | -Kemp": the model cut a hyphenated surname
            d.te = k + 2
            continue
        if d.label == "PERSON" and d.te < len(doc) and d.te not in taken and _surname_left_out(doc, d.te):
            taken.add(d.te)  # "finding Darnell | Ruffin guilty": the model stopped at the given name
            d.te += 1
            continue
        if d.label == "PERSON" and d.ts > 0 and d.ts - 1 not in taken and _given_name_left_out(doc, d.ts - 1, d.ts):
            taken.add(d.ts - 1)  # "Cominas President Renata | Falcão Duarte": the model began after the given name
            d.ts -= 1
            continue
        if k < len(doc) and k not in taken and doc[k].text in LOWER_CASE_LEGAL_FORMS:
            taken.add(k)  # "Eyjaberg | hf. said": a legal form in lower case after a name ends a company's name,
            d.te, d.label = k + 1, "ORG"  # whatever the model took the name for
            continue
        if d.label not in {"ORG", "FAC"}:
            continue
        if d.te - d.ts == 1 and doc[d.ts].lower_ in LEGAL_FORMS and doc[d.ts].text[:1].isupper():
            # "Redbud Lending | LLC agreed", with only the legal form tagged: it ends a company's name whose words
            # all come before it, the sentence's first word too
            h = d.ts
            while h > 0 and d.ts - h < 5 and h - 1 not in taken and doc[h - 1].pos_ == "PROPN" \
                    and doc[h - 1].is_title and doc[h - 1].is_alpha and doc[h - 1].lower_ not in titles():
                h -= 1
            if h < d.ts:
                taken.update(range(h, d.ts))
                d.ts = h
                continue
        if k + 3 < len(doc) and doc[k].text == "," and k + 1 not in taken:
            end = k + 1
            while end < len(doc) and end - k < 9 and end not in taken \
                    and (doc[end].is_title or doc[end].lower_ in {"and", ","}):
                end += 1
            while end > k + 1 and not doc[end - 1].is_title:
                end -= 1
            if portfolio_list(doc, d.ts, k, end):  # "the Vermont Department of Labor | , Industry and ..."
                taken.update(range(k, end))
                d.te = end
                continue
        while d.ts > 0 and d.ts - 1 not in taken and _left_word(doc, d.ts - 1, d.te):
            d.ts -= 1  # "Huber | Heights City Council": the model left the first word of the name out
            taken.add(d.ts)
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
                and not any(doc[k].lower_ in titles() or doc[k].ent_type_ for k in range(d.te, end)) \
                and doc[d.ts:d.te].text.lower() not in titles():  # ("Trustee | Carmen Solis": a title, a name)
            taken.update(range(d.te, end))  # "the Ashby Athletic manager" with only "Ashby" tagged
            d.te = end
            continue
        # "Worker Adjustment | and Retraining Notification Act": an "and" inside the name of a law
        law = end is not None and doc[end - 1].lower_ in LAW_HEADS \
            and any(doc[k].lower_ == "and" for k in range(d.te, end))
        if end is None or not (linked or law) or (end < len(doc) and doc[end].ent_type_ == "PERSON"):
            continue  # "Acme President Jo Park": a title before a person is no part of the name
        if law or any(doc[k].lower_ in {"for", "of"} for k in range(d.te, end)):
            taken.update(range(d.te, end))
            d.te = end




def _speaks_as_organization(subj) -> bool:
    """'X said in a statement', 'X said it would ...': how an organization speaks."""
    verb = subj.head
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_ == "statement" for g in c.children):
            return True
        if c.dep_ == "ccomp" and any(g.dep_ == "nsubj" and g.lower_ == "it" for g in c.children) \
                and any(g.dep_ == "aux" for g in c.children):  # "said it would appeal", not "said it was hard"
            return True
    return False


def _named_in_full_before(doc: Doc, i: int) -> bool:
    """Whether the word at i was written earlier as a surname after a given name ("Jan Kovac ... Kovac said"):
    a person's surname used alone."""
    at = doc_tokens(doc)
    return any(at[k].text == at[i].text and is_given_name(at[k - 1].text) and at[k - 1].is_title
               for k in range(1, i))


def untagged_speakers(doc: Doc, taken: set[int]) -> list[Draft]:
    """'Facebook said in a statement ...' with nothing tagged: a capitalized proper noun (run) that is
    the subject of a reporting verb is a name: two or three words a person's, one word an
    organization's when it speaks as one ("said in a statement", "said it would")."""
    out = []
    for tok in doc_tokens(doc):
        if tok.dep_ != "nsubj" or tok.head.lemma_ not in REPORTING_LEMMAS or tok.i in taken or tok.pos_ != "PROPN" \
                or not tok.is_title or tok.lower_ in TITLE_WORDS:
            continue
        a = tok.i
        while a - 1 >= 0 and a - 1 not in taken and doc[a - 1].pos_ == "PROPN" and doc[a - 1].is_title \
                and doc[a - 1].dep_ == "compound" and doc[a - 1].lower_ not in TITLE_WORDS:
            a -= 1
        surname = a == tok.i and _named_in_full_before(doc, tok.i)
        if tok.i - a > 2 or (a == tok.i and not surname and not _speaks_as_organization(tok)):
            continue
        out.append(Draft(a, tok.i + 1, "ORG" if a == tok.i and not surname else "PERSON"))
        taken.update(range(a, tok.i + 1))
    return out

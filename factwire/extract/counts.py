"""Counts: a number with the plural noun it counts, read from the dependency parse.

A count is a number phrase ("28", "seven", "twenty-one", "a dozen", "2.5 million") that modifies a
plural noun ("28 missions"), or that stands for one left out by ellipsis ("SpaceX conducted 130
launches, while Blue Origin managed only four" -> 4 launches; "the number of people ... from an
estimate of 660,000" -> 660,000 people).

Not counts: years, dates and times (they are in the date spans or look like years), ordinals, model
and product numbers ("Boeing 737"), phone and emergency numbers ("911 calls"), durations ("18-year",
"two hours"), measurements ("55 mph"; points a level moves by, "fell 300 points", "25 basis points",
but not points scored, "scored 24 points"), vague amounts ("thousands of"), ranges ("four to six") and
"one of": none of these is how news counts things. Partitives count their noun ("30 of the jets").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from factwire.extract import currencies
from factwire.extract.clauses import is_person, nearest_verb
from factwire.extract.numbers import NUMBER_WORDS, TENS, UNITS, parse_number
from factwire.nlp import doc_tokens
from factwire.wordlists import wordlist

TENS_WORDS = set(TENS)
UNIT_WORDS = set(UNITS[1:10])
# Nouns whose plural is the singular ("270 aircraft"): the tagger often calls them singular.
INVARIANT = wordlist("extract.counts", "invariant")
SCALE_TOKENS = wordlist("extract.counts", "scale_tokens")
_RUN_ON_SCALES = frozenset({"M", "m", "bn", "mn", "B", "tn"})  # as the tokenizer splits them off digits
# (not "k": "4K TVs" are a resolution, "a 5k run" a distance)
TIME_UNITS = wordlist("extract.counts", "time_units")
MEASURES = wordlist("extract.counts", "measures")
# Numbers that name a line or a service rather than count calls ("911 calls", "a 999 operator").
LINE_NOUNS = wordlist("extract.counts", "line_nouns")
RANGE_WORDS = wordlist("extract.counts", "range_words")
NOT_ENTS = wordlist("extract.counts", "not_ents")
ANTECEDENT_HEADS = wordlist("extract.counts", "antecedent_heads")
_YEARLIKE = re.compile(r"^(1\d|20)\d\d$")


@dataclass(frozen=True)
class Count:
    """A number phrase and the plural noun it counts (the noun may be the antecedent of an ellipsis)."""

    phrase: Span
    value: float
    noun: Token
    elided: bool  # the noun comes from another clause ("... while Blue Origin managed only four")


def _numeric(t: Token) -> bool:
    """A cardinal number token: spaCy's like_num without ordinals ("first") and plurals ("hundreds")."""
    if t.lower_ in NUMBER_WORDS:
        return True
    return t.like_num and not t.lower_.endswith(("s", "st", "nd", "rd", "th"))


def _joins(a: Token, b: Token) -> bool:
    """Whether b continues the number a is part of: "2.5 million", "twenty-one", "two hundred fifty".

    Two numbers side by side are two numbers ("five 787 jets", "400 737 jets") and so are two units
    ("three four times", a correction), which word2number would add up."""
    if b.lower_ in SCALE_TOKENS:
        return True
    if not a.whitespace_ and a.like_num and a.text[:1].isdigit() and b.text in _RUN_ON_SCALES:
        return True  # "3.8M credits", "1.2bn people": a scale's abbreviation run on to the digits
    if a.lower_ in TENS_WORDS and b.lower_ in UNIT_WORDS:
        return True
    return a.lower_ in SCALE_TOKENS and b.lower_ in NUMBER_WORDS and not b.is_digit


def number_phrases(doc: Doc) -> list[Span]:
    """Maximal runs of tokens that write one number ("2.5 million", "twenty - one", "a dozen")."""
    at = doc_tokens(doc)  # one Token object per token, not one per doc[i]
    out, i = [], 0
    while i < len(doc):
        t = at[i]
        starts_a = t.lower_ in ("a", "an") and i + 1 < len(doc) and at[i + 1].lower_ in SCALE_TOKENS
        # "half a million": half of the scale, not the scale
        half = t.lower_ == "half" and i + 2 < len(doc) and at[i + 1].lower_ in ("a", "an") \
            and at[i + 2].lower_ in SCALE_TOKENS
        if not (_numeric(t) or starts_a or half):
            i += 1
            continue
        j = i + 2 if half else i + 1
        while j < len(doc):
            if at[j].text == "-" and j + 1 < len(doc) and at[j - 1].lower_ in TENS_WORDS \
                    and at[j + 1].lower_ in UNIT_WORDS:
                j += 2
            elif (_numeric(at[j]) or at[j].lower_ in SCALE_TOKENS or at[j].text in _RUN_ON_SCALES) \
                    and ((starts_a or half) and j == (i + 2 if half else i + 1) or _joins(at[j - 1], at[j])):
                j += 1  # ("two dozen": a scale word joins the number before it)
            else:
                break
        out.append(doc[i:j])
        i = j
    return out


def _plural(t: Token) -> bool:
    return t.tag_ in ("NNS", "NNPS") or "Plur" in t.morph.get("Number")


def _excluded(phrase: Span, doc: Doc, counted: Token | None) -> bool:
    """Whether a number phrase is a year, a label, part of a range, a partitive or a glued marker
    (`counted`: the plural noun it counts, if any, as find_counts found it)."""
    first, last = phrase[0], phrase[-1]
    text = phrase.text
    if len(phrase) == 1 and _YEARLIKE.match(text):
        return True
    # the model's QUANTITY is a measure ("70 mph"), but it tags counts of people that way too ("more
    # than 1.4 million Syrian refugees"): a plural noun that is no unit decides that one
    labels = {t.ent_type_ for t in phrase} & NOT_ENTS
    if labels == {"MONEY"} and counted is not None and not _unit_noun(counted) \
            and currencies.unit_word(counted.lemma_) is None and not (first.i > 0 and doc[first.i - 1].is_currency) \
            and not any(t.is_currency for t in phrase):
        labels = set()  # "more than 6 million Sentra vehicles": no currency, the model's MONEY is a count
    if labels and labels <= {"DATE", "TIME"} and _counts_past_modifier(last, counted):
        labels = set()
    if labels - {"QUANTITY"} or labels and (counted is None or _unit_noun(counted)) or ":" in text:
        return True
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if prev is not None and prev.whitespace_ == "" and prev.is_alpha:
        return True  # a citation marker or code glued to a word ("reported12")
    if prev is not None and prev.pos_ == "PROPN" and first.is_digit and not prev.is_sent_start:
        return True  # a model or series number: "Boeing 737", "Windows 11"
    if first.is_alpha and first.is_title and not first.is_sent_start and prev is not None and not prev.is_punct and any(
            t is not None and t.pos_ == "PROPN" and t.is_title and not t.is_sent_start for t in (prev, nxt)):
        return True  # a number word with a capital among capitalized names, inside a clause, is a word of a
        # name: "our One Home Depot investments", "Formula One" ("Tays: Two Bartholomew County warrants" counts)
    if nxt is not None and nxt.lower_ in ("percent", "%"):
        return True
    if prev is not None and (prev.lower_ in ("no.", "no", "nos.", "#", "number")
                             or prev.text == "." and first.i >= 2 and doc[first.i - 2].lower_ == "no"):
        return True  # a rank or a label: "the No. 1 team", "#3"
    if prev is not None and _numeric(prev) and first.is_digit:
        return True  # a model number after a count: "400 737 jets", "five 787 sales"
    if nxt is not None and nxt.lower_ in ("a.m.", "p.m.", "am", "pm", "o'clock"):
        return True
    for a, b in ((prev, first.i - 2), (nxt, last.i + 2)):
        if a is not None and a.lower_ in RANGE_WORDS and 0 <= b < len(doc) and _numeric(doc[b]) \
                and not (doc[b].ent_type_ == "MONEY" and any(t.is_currency for t in doc[max(0, b - 3):b])):
            low = doc[min(b, first.i)]  # ("gave $1.2 million to 46 businesses": money and a count, no range)
            if low.i > 0 and doc[low.i - 1].lower_ in ("from", "by"):
                continue  # a change, not a range: "down by 30 to 126", "from 40 to 60"
            return True  # "four to six", "two or three", "between 40 and 60"
    return False  # "a fight between two men" is a count


def _counts_past_modifier(last: Token, counted: Token | None) -> bool:
    """Whether a number the model reads as a date or time counts a plural noun past a word of time used as
    a modifier ("9,000 holiday meal boxes", "3,500 weekend backpacks"): the noun is no unit and no time
    itself, and every word between is a compound of the noun phrase."""
    if counted is None or counted.i <= last.i + 1 or _unit_noun(counted) or counted.ent_type_ in ("DATE", "TIME"):
        return False
    between = last.doc[last.i + 1:counted.i]
    return all(t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN") for t in between)


_UMBRELLAS = {"vehicles": wordlist("extract.counts", "vehicle_nouns"),
              "people": wordlist("extract.counts", "people_nouns")}


def counted_as(noun: Token) -> str:
    """What a count counts: the plural noun as written, or for a list of nouns the umbrella news sums it
    up with, where every listed noun is one ("cars, trucks and SUVs": vehicles; "parents, teachers and
    students": people)."""
    def own_list(t: Token) -> list[Token]:  # ("162 passengers and six crew members": two counts, no list;
        # "three passengers and the tanker's driver": a noun with a determiner of its own is no item of the list)
        return [c for c in t.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                and not any(g.dep_ in ("nummod", "det", "poss") for g in c.children)]
    listed = [noun, *own_list(noun)]
    listed += [g for c in listed[1:] for g in own_list(c)]
    if len(listed) > 1:
        lemmas = {t.lemma_.lower() for t in listed}
        for umbrella, members in _UMBRELLAS.items():
            if lemmas <= members:
                return umbrella
    return noun.lower_


def _counted_noun(root: Token) -> Token | None:
    """The plural noun a number modifies ("130 orbital launches" -> launches)."""
    head = root.head
    if head.i == root.i + 1 and _numeric(head) and head.is_digit:
        root, head = head, head.head  # "five 787 Dreamliner sales": past the model number
    if root.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and head.i > root.i \
            and head.pos_ in ("NOUN", "PROPN") and (_plural(head) or head.lower_ in INVARIANT):
        return head
    if root.dep_ == "nummod" and head.i > root.i and head.tag_ == "VBZ" and head.is_lower \
            and head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "conj", "appos", "attr"):
        return head  # "monitor 870 high-risk customer accounts": a word a number modifies is a noun, however tagged
    if root.dep_ == "nummod" and head.i == root.i + 1 and head.dep_ == "compound" and head.pos_ == "NOUN" \
            and not _plural(head) and not _unit_noun(head) and head.whitespace_ \
            and head.head.i == head.i + 1 and head.head.pos_ == "NOUN" and _plural(head.head):
        return head.head  # "the 12 team owners", "40 council members": the number counts the compound's head
    if root.dep_ == "nummod" and head.i > root.i and head.pos_ == "NOUN" and not _plural(head):
        # "four national security and diplomatic officials": coordinated modifiers share the plural noun
        conj = next((c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN" and _plural(c)
                     and not any(g.dep_ == "nummod" for g in c.children)), None)  # "1 tackle, 4 assists": two counts
        if conj is not None:
            return conj
    if root.text == "1" and root.dep_ == "nummod" and head.i == root.i + 1 and head.pos_ == "NOUN":
        return head  # "1 tackle, 4 assists": a count of one written as a numeral (the word "one" is no count)
    if root.dep_ == "nsubj" and head.i == root.i + 1 and head.tag_ == "VBZ" and head.is_lower and root.is_digit \
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "acomp", "attr") for c in head.children):
        return head  # "16 points and 11 rebounds": a plural noun right after its number, read as a verb
    return None


def _partitive(root: Token) -> Token | None:
    """The noun of a partitive count: "30 of the jets", "123 of its planes" -> jets, planes."""
    nxt = root.doc[root.i + 1] if root.i + 1 < len(root.doc) else None
    if nxt is None or nxt.lower_ != "of" or nxt.head.i != root.i:
        return None
    for o in nxt.children:
        if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN"):
            return o
    return None


def _unit_noun(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if lemma == "point":
        return _measured_points(noun)
    return lemma in TIME_UNITS or lemma in MEASURES or noun.lower_ in MEASURES


# Verbs of a level moving: "the Dow fell 300 points", "rates rose a quarter point" measure a change.
LEVEL_VERBS = wordlist("extract.counts", "level_verbs")


def _measured_points(noun: Token) -> bool:
    """Points as a measure ("percentage points", "basis points", "fell 300 points", "a quarter point"),
    not points won and counted ("scored 24 points", "two match points", a player who "added 16 points")."""
    if any(c.lower_ in {"percentage", "basis", "index"} for c in noun.children):
        return True
    if any(c.lower_ in {"quarter", "half", "tenth", "fraction"} or "." in c.text for c in noun.subtree
           if c.i < noun.i):
        return True
    verb = nearest_verb(noun)
    if verb is None or verb.lemma_.lower() not in LEVEL_VERBS:
        return False
    # a person who "added 16 points" or "finished with 22 points" scored them: no level moves
    return not any(c.dep_ == "nsubj" and is_person(c) for c in verb.children)


def find_counts(doc: Doc, *, skip: list[tuple[int, int]]) -> list[Count]:
    """Every count in the Doc, skipping number phrases inside the given char spans (money, dates...)."""
    found: list[Count] = []
    for phrase in number_phrases(doc):
        s, e = phrase.start_char, phrase.end_char
        if any(s < b and e > a for a, b in skip):
            continue
        root = phrase[-1]
        noun = _counted_noun(root)
        if noun is None and phrase.root.i != root.i and _counted_noun(phrase.root) is not None:
            root = phrase.root  # "two dozen protesters": the parser may hang the noun on "two", not "dozen"
            noun = _counted_noun(root)
        if _excluded(phrase, doc, noun):
            continue
        value = parse_number(phrase.text)
        if value is None:
            continue
        if noun is not None and noun.lower_ == "others":
            # "The five companies join nine others": the others are more of what was counted before
            antecedent = _antecedent(root, found)
            if antecedent is not None:
                found.append(Count(phrase, value, antecedent, elided=True))
                continue
        if noun is not None:
            if _unit_noun(noun) or noun.lemma_.lower() in LINE_NOUNS and phrase[0].is_digit:
                continue
            found.append(Count(phrase, value, noun, elided=False))
            continue
        if root.dep_ in ("nummod", "compound", "amod") or value == 1:
            continue  # modifies a singular noun ("five-year plan", "one station")
        part = _partitive(root)
        if part is not None:
            if not _unit_noun(part):
                found.append(Count(phrase, value, part, elided=True))
            continue
        antecedent = _antecedent(root, found)
        if antecedent is not None and root.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "conj", "appos", "pobj"):
            found.append(Count(phrase, value, antecedent, elided=True))
    return found


def _antecedent(root: Token, found: list[Count]) -> Token | None:
    """The plural noun an elliptical number stands for: the last counted noun of this or the previous
    sentence, or the noun of "the number of X" earlier in the sentence."""
    sent = root.sent
    # "down by 30 to 126": the number after "to" is the new count; "86,412 votes against 79,905": the other side's
    change = any(c.dep_ == "quantmod" and c.lower_ == "to" for c in root.children)
    if root.dep_ == "pobj" and root.head.lower_ not in ("of", "from", "to", "than", "against") and not change:
        return None
    for t in reversed(sent[: root.i - sent.start]):
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in ANTECEDENT_HEADS \
                and _plural(t):
            return t
    level = _level_subject(root)
    if level is not None:
        return level if level.lemma_.lower() not in _LEVEL_NOUNS else None  # ("prices rose to 300": a level)
    for c in reversed(found):
        if c.noun.i < root.i and c.noun.sent.start >= _previous_sentence_start(sent):
            return c.noun
    return None


def _level_subject(root: Token) -> Token | None:
    """'Arrests fell to about 54,000', 'crossings exceed 2,500 a day': the plural subject whose level the
    number is (a count of it unless the noun names a level itself: "prices", "rates")."""
    verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "to" else \
        root.head if root.dep_ == "dobj" else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in _MOVING_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or not _plural(subject) or _unit_noun(subject):
        return None
    return subject


_PASSING_VERBS = wordlist("extract.counts", "passing_verbs")
_MOVING_VERBS = LEVEL_VERBS | _PASSING_VERBS
# Nouns whose level is a measure, not a number of things: "prices rose to 300", "rates fell to 4"
_LEVEL_NOUNS = wordlist("extract.counts", "level_nouns")


def _previous_sentence_start(sent: Span) -> int:
    doc = sent.doc
    if sent.start == 0:
        return 0
    return doc[sent.start - 1].sent.start

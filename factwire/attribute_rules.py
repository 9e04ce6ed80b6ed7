"""The model's attribute rules tested on the Doc's arrays: same rules, same annotations, a fifth of the cost.

The English model's `attribute_ruler` maps fine-grained tags to parts of speech and morphology and
fixes the lemmas of a few words (179 rules, nearly all of one token). spaCy's Matcher walks the
tokens and tries every rule at each, about 10 ms of a ~100 ms parse per article on the benchmark
corpus. `ArrayAttributeRuler` reads the very same rules from the model's ruler, tests each rule on
all tokens at once (numpy over `Doc.to_array` of TAG, LOWER, DEP, IS_SPACE; about 2 ms), and hands
the matches, in the ruler's order, to the ruler's own `set_annotations`: the Doc comes out
byte-identical (tests/test_attribute_rules.py).

A ruler whose rules use anything this does not read (operators such as "OP", other attributes) is
left as it is: `readable` says so and `factwire.nlp.load_nlp` then keeps the model's component.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc

_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}  # order of Doc.to_array's columns below
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
_OPERATORS = {"IN", "NOT_IN", "REGEX"}

TokenMask = Callable[[np.ndarray, StringStore], np.ndarray]


def _value_mask(column: int, value: object, strings: StringStore) -> TokenMask:
    """One attribute's condition, as a function from the Doc's (tag, lower, dep, is_space) array to a
    boolean per token."""
    if column == _COLUMNS["IS_SPACE"]:
        wanted = int(bool(value))
        return lambda rows, _: rows[column] == wanted
    if isinstance(value, str):
        key = strings.add(value)
        return lambda rows, _: rows[column] == key
    (op, arg), = value.items()  # type: ignore[union-attr]
    if op in ("IN", "NOT_IN"):
        keys = np.array([strings.add(v) for v in arg], dtype=np.uint64)
        return lambda rows, _: np.isin(rows[column], keys, invert=op == "NOT_IN")
    pattern = re.compile(arg)

    def regex_mask(rows: np.ndarray, doc_strings: StringStore) -> np.ndarray:
        values, inverse = np.unique(rows[column], return_inverse=True)
        hits = np.array([bool(pattern.search(doc_strings[int(v)])) for v in values], dtype=bool)
        return hits[inverse.reshape(-1)]
    return regex_mask


def _token_mask(spec: dict, strings: StringStore) -> TokenMask:
    masks = [_value_mask(_COLUMNS[attr], value, strings) for attr, value in spec.items()]

    def mask(rows: np.ndarray, doc_strings: StringStore) -> np.ndarray:
        if not masks:  # {} matches every token
            return np.ones(rows.shape[1], dtype=bool)
        out = masks[0](rows, doc_strings)
        for m in masks[1:]:
            out = out & m(rows, doc_strings)
        return out
    return mask


def _spec_supported(spec: dict) -> bool:
    for attr, value in spec.items():
        if attr not in _COLUMNS:
            return False
        if isinstance(value, dict) and (len(value) != 1 or not set(value) <= _OPERATORS):
            return False
        if not isinstance(value, (str, bool, dict)):
            return False
    return True


def readable(ruler: AttributeRuler) -> bool:
    """Whether every rule of the ruler is a fixed run of tokens tested on TAG, LOWER, DEP or IS_SPACE."""
    return all(pattern and _spec_supported(spec) for entry in ruler.patterns
               for pattern in entry["patterns"] for spec in pattern)


@dataclass(frozen=True)
class _Rule:
    attr_id: int  # the ruler's rule number: later rules are applied later and win
    match_id: int  # the rule's key in the ruler's Matcher
    masks: tuple[TokenMask, ...]  # one per token of the pattern


class ArrayAttributeRuler:
    """The model's attribute rules, each tested on all tokens at once (numpy over the Doc's arrays)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        if not readable(ruler):
            raise ValueError("the attribute ruler has rules this component cannot read; keep the ruler itself")
        strings = ruler.vocab.strings
        self.ruler = ruler
        self._rules = tuple(_Rule(attr_id, strings[str(attr_id)], tuple(_token_mask(spec, strings) for spec in pattern))
                            for attr_id, entry in enumerate(ruler.patterns) for pattern in entry["patterns"])

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(rule number, match key, start, end) of every rule that matches, in the ruler's order."""
        n = len(doc)
        if not n:
            return []
        rows = np.ascontiguousarray(doc.to_array(_ARRAY_ATTRS).T)  # one array per attribute
        found: set[tuple[int, int, int, int]] = set()
        for rule in self._rules:
            width = len(rule.masks)
            if width > n:
                continue
            hit = rule.masks[0](rows, doc.vocab.strings)[:n - width + 1]
            for k, mask in enumerate(rule.masks[1:], start=1):
                hit = hit & mask(rows, doc.vocab.strings)[k:n - width + 1 + k]
            found.update((rule.attr_id, rule.match_id, int(s), int(s) + width) for s in np.flatnonzero(hit))
        return sorted(found)

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.matches(doc))
        return doc


@Language.factory("factwire_attribute_rules")
def make_array_attribute_ruler(nlp: Language, name: str, ruler_name: str = "attribute_ruler") -> ArrayAttributeRuler:
    """The rules of the pipeline's attribute ruler (`ruler_name`) tested on arrays; added in the
    ruler's place by factwire.nlp.load_nlp."""
    return ArrayAttributeRuler(nlp.get_pipe(ruler_name))

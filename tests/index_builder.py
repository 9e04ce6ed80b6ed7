"""Build an EntityIndex by hand for extractor tests, so they test the index API, not the NER.

The names are given by hand; pronoun mentions come from the document model's one policy, as in
the pipeline."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from factwire.extract.quotemarks import QuotedDoc
from factwire.resolve import Entity, EntityIndex, Mention
from factwire.resolve.pronouns import with_pronouns


def build_index(doc: Doc, spec: dict[str, tuple[str, list[str]]]) -> EntityIndex:
    """An index where each canonical name has a type and surface forms found word-bounded in the text.

    spec: {"Jeff Bezos": ("PERSON", ["Jeff Bezos", "Bezos"])}. Longer forms claim text first.
    """
    taken: list[tuple[int, int]] = []
    entities = []
    forms = sorted(((form, name) for name, (_, fs) in spec.items() for form in fs), key=lambda f: -len(f[0]))
    mentions: dict[str, list[Mention]] = {name: [] for name in spec}
    ids = {name: f"E{i}" for i, name in enumerate(spec, 1)}
    for form, name in forms:
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", doc.text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            kind = "name" if form == name else "alias"
            mentions[name].append(Mention(ids[name], form, m.start(), m.end(), kind))
    for name, (etype, forms_) in spec.items():
        aliases = [f for f in forms_ if f != name]
        entities.append(Entity(ids[name], name, etype, aliases, sorted(mentions[name], key=lambda m: m.start)))
    return with_pronouns(doc, EntityIndex(entities), QuotedDoc.of(doc).ranges)


def extractor_runner(nlp, extract, default_spec: dict[str, tuple[str, list[str]]]):
    """A test helper: run `extract(doc, entities=...)` on a text with a hand-built index, offsets checked."""

    def run(text: str, spec: dict | None = None) -> list[dict]:
        doc = nlp(text)
        rows = extract(doc, entities=build_index(doc, default_spec if spec is None else spec))
        for r in rows:
            assert text[r["start"]:r["end"]] == r["text"]
        return rows

    return run

"""The first person plural of a quoted speaker: "we", "us", "our" in a direct quote stand for the organization
the speaker speaks for.

A rule of how news quotes people: a company's spokesman, an official or a group's leader who says "we"
speaks for the body the article seats them at ("We have 140 drivers," said Tunde Bakare, managing director
of Crestway Motors: Crestway's drivers); an organization quoted as such speaks for itself ("Our physicians
care for 70,000 patients a year," the hospital said). A speaker the article seats nowhere (a parent, a
witness) says "we" of people it does not name: left alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from factwire.resolve.index import Entity, EntityIndex, Mention
from factwire.resolve.reference import employer, entity_at
from factwire.wordlists import wordlist

FIRST_PERSON_PLURAL = wordlist("resolve.first_person", "first_person_plural")
_SPEAKING_BODIES = {"ORG", "GPE"}


def _spoken_for(speaker: Entity, index: EntityIndex) -> Entity | None:
    """The organization a speaker speaks for: itself, or the one the roles seat a person at."""
    if speaker.type in _SPEAKING_BODIES:
        return speaker
    if speaker.type == "PERSON":
        return employer(speaker, index.roles or [], index)
    return None


def with_speakers_we(doc: Doc, index: EntityIndex, quotes: Iterable[tuple[int, int, str | None]]) -> EntityIndex:
    """A new index whose organizations also hold the first-person plural pronouns of the direct quotes
    (start, end, speaker entity id) their speakers speak for them in (the input is not changed)."""
    found: list[Mention] = []
    for start, end, speaker_id in quotes:
        speaker = index.get(speaker_id)
        body = _spoken_for(speaker, index) if speaker is not None else None
        span = doc.char_span(start, end, alignment_mode="expand") if body is not None else None
        if span is None:
            continue  # (only the quote's own tokens are read, not the whole text once per quote)
        found += [Mention(body.entity_id, t.text, t.idx, t.idx + len(t.text), "pronoun") for t in span
                  if start <= t.idx and t.idx + len(t.text) <= end and t.lower_ in FIRST_PERSON_PLURAL
                  and entity_at(t, index) is None]
    return index.with_mentions(found)

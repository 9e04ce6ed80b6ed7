"""The resolved entities of one article and the look-ups the other extractors need."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace

from factwire.resolve.lexicon import ORG_NAME_WORDS
from factwire.resolve.names import initials, name_key


@dataclass
class Mention:
    """One occurrence of an entity in the clean text."""

    entity_id: str
    text: str
    start: int
    end: int
    kind: str  # name | alias | description | pronoun


@dataclass
class Entity:
    """A distinct real-world entity of an article."""

    entity_id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


class EntityIndex:
    """Entities of one article with look-ups by character span and by surface form."""

    def __init__(self, entities: list[Entity], roles: list[dict] | None = None):
        self.entities = entities
        self.roles = roles  # rows of the roles table, when found with the entities
        self._by_id = {e.entity_id: e for e in entities}
        self._spans = sorted(((m.start, m.end, e, m.kind) for e in entities for m in e.mentions),
                             key=lambda t: t[0])
        self._starts = [s for s, *_ in self._spans]
        self._longest = max((e - s for s, e, *_ in self._spans), default=0)
        self._by_key: dict[str, Entity] = {}
        for e in entities:
            for form in [e.name, *e.aliases]:
                self._by_key.setdefault(name_key(form), e)

    def get(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, if any."""
        return self._by_id.get(entity_id) if entity_id else None

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping the character span [start, end)."""
        best: tuple[int, int, int] | None = None
        found = None
        first = bisect_left(self._starts, start - self._longest)  # no mention before it reaches `start`
        for s, e, ent, kind in self._spans[first:]:
            if s >= end:
                break
            overlap = min(e, end) - max(s, start)
            # a name beats a description that contains it ("Amazon" in "the Amazon founder"), but a
            # nationality is what a description of a person says of them ("the 48-year-old Australian")
            rank = (overlap, 0 if ent.type == "NORP" else 1 if kind == "description" else 2, -(e - s))
            if overlap > 0 and (best is None or rank > best):
                best, found = rank, ent
        return found

    def lookup(self, text: str) -> Entity | None:
        """The entity whose name or alias matches this surface form (case and 'the' ignored).

        Falls back to a title-free form ("CEO Jane Roe" -> "Jane Roe") and to a lone surname, first
        name or acronym that fits exactly one entity ("Roe", "SEC").
        """
        key = name_key(text)
        if key in self._by_key:
            return self._by_key[key]
        words = key.split()
        for k in range(1, len(words)):
            if " ".join(words[k:]) in self._by_key and len(words) - k >= 2:
                return self._by_key[" ".join(words[k:])]
        if len(words) == 1:
            # (the generic head of a longer name is no short form of it: "Partners" is not "Ridgeway
            # Capital Partners")
            generic = words[0] in ORG_NAME_WORDS
            fits = {e.entity_id: e for e in self.entities
                    if words[0] in (name_key(e.name).split()[:1] + ([] if generic and len(e.name.split()) > 2
                                                                     else name_key(e.name).split()[-1:]))
                    or (text.isupper() and initials(e.name.split()) == text.replace(".", "").replace("&", ""))}
            if len(fits) == 1:
                return next(iter(fits.values()))
        return None

    def joined(self, pairs: list[tuple[Entity, Entity]]) -> EntityIndex:
        """A new index where each second entity of a pair is part of the first: its mentions (names as
        aliases) and names join the first's, and roles at it point to the first ("Acme" renamed
        "Zeta", "Washington" acting for the United States). The index itself is left as it was."""
        by_id = {e.entity_id: e for e in self.entities}
        gone: dict[str, str] = {}  # joined entity id -> the id it joins
        for keep_entity, other in pairs:
            keep = by_id[keep_entity.entity_id]
            moved = [replace(m, entity_id=keep.entity_id, kind="alias" if m.kind == "name" else m.kind)
                     for m in other.mentions]
            aliases = keep.aliases + [a for a in [other.name, *other.aliases]
                                      if a not in keep.aliases and a != keep.name]
            by_id[keep.entity_id] = replace(keep, aliases=aliases,
                                            mentions=sorted(keep.mentions + moved, key=lambda m: m.start))
            gone[other.entity_id] = keep.entity_id
        roles = None if self.roles is None else [
            {**r, "org": by_id[gone[r["org_id"]]].name, "org_id": gone[r["org_id"]]} if r.get("org_id") in gone else r
            for r in self.roles]
        return EntityIndex([by_id[e.entity_id] for e in self.entities if e.entity_id not in gone], roles=roles)

    def with_mentions(self, found: list[Mention]) -> EntityIndex:
        """A new index whose entities also hold these mentions (each at its entity_id); the index itself is
        left as it was."""
        if not found:
            return self
        by_entity: dict[str, list[Mention]] = {}
        for m in found:
            by_entity.setdefault(m.entity_id, []).append(m)
        entities = [replace(e, mentions=sorted([*e.mentions, *by_entity.get(e.entity_id, [])], key=lambda m: m.start))
                    for e in self.entities]
        return EntityIndex(entities, roles=self.roles)

    def mentions(self) -> list[Mention]:
        """Every mention of every entity, in text order."""
        return sorted((m for e in self.entities for m in e.mentions), key=lambda m: (m.start, m.end))

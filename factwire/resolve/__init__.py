"""Entity resolution inside one article: canonical names, aliases and mentions."""

from factwire.resolve.index import Entity, EntityIndex, Mention

__all__ = ["Entity", "EntityIndex", "Mention"]

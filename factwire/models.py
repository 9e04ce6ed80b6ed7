"""Plain records passed between the pipeline's stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class RawArticle:
    """One article as read from its source: decoded body text plus metadata, before cleaning."""

    article_id: str
    source_uri: str
    raw_path: str
    source_format: str  # text | html | json | feed | url
    body: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None  # as the input states it; detected when None (factwire.language)


@dataclass
class Citation:
    """A numeric citation marker removed from the text."""

    anchor: str
    refs: list[int]
    raw_start: int
    raw_end: int
    clean_offset: int


@dataclass
class Article:
    """A cleaned article: the text every offset in every table points into."""

    raw: RawArticle
    clean_text: str
    citations: list[Citation] = field(default_factory=list)

    @property
    def article_id(self) -> str:
        """The content-hash id of the raw input."""
        return self.raw.article_id

    @property
    def published(self) -> date | None:
        """Publication date, the anchor for relative dates."""
        return self.raw.published


@dataclass
class Failure:
    """An input that could not be read or processed, bound for the quarantine table."""

    source_uri: str
    reason: str
    table: str = "articles"
    article_id: str | None = None
    record: str = "{}"

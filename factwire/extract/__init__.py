"""Extraction: from a parsed article to the rows of every record table.

One module per record kind. Each extractor takes the spaCy `Doc` of the clean text first and
keyword-only context after it, returns plain dict rows (the table's columns, without
`article_id`), and never mutates the Doc. `extract_article` runs them in dependency order.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from factwire.extract.attributions import extract_attributions, publication_ids, unnamed_source_rows
from factwire.extract.dates import extract_dates
from factwire.extract.entities import entity_rows, extract_entities, mention_rows
from factwire.extract.events import extract_events
from factwire.extract.quantities import extract_quantities
from factwire.extract.quotemarks import QuotedDoc
from factwire.extract.quotes import extract_quotes
from factwire.extract.roles import extract_roles
from factwire.models import Article
from factwire.nlp import remember_text
from factwire.resolve.first_person import with_speakers_we

Rows = list[dict[str, Any]]
RECORD_TABLES = ("citations", "entities", "mentions", "quantities", "dates", "quotes", "attributions",
                 "unnamed_sources", "roles", "events")


def citation_rows(article: Article) -> Rows:
    """Rows of the citations table from the markers clean.py removed."""
    return [
        {"anchor": c.anchor, "refs": list(c.refs), "raw_start": c.raw_start, "raw_end": c.raw_end,
         "clean_offset": c.clean_offset}
        for c in article.citations
    ]


def extract_article(doc: Doc, article: Article) -> dict[str, Rows]:
    """Every record table's rows for one article (without article_id)."""
    published = article.published
    remember_text(doc, article.clean_text)  # the text the Doc was made from: never joined from tokens again
    quoted = QuotedDoc.of(doc)
    index = extract_entities(doc, title=article.raw.title, quoted=quoted.ranges)
    dates = extract_dates(doc, published=published)
    publications = publication_ids(doc, index, quoted.mask)  # outlets the article quotes: both need them
    quotes = extract_quotes(doc, entities=index, quoted=quoted, publications=publications)
    # the document model's last step: a speaker's "we" is the organization the speaker speaks for
    index = with_speakers_we(doc, index, [(q["start"], q["end"], q["speaker_id"]) for q in quotes if q["direct"]])
    quantities = extract_quantities(doc, entities=index, dates=dates, published=published)
    attributions = extract_attributions(doc, entities=index, quoted=quoted, publications=publications)
    roles = extract_roles(doc, entities=index)
    events = extract_events(doc, entities=index, quantities=quantities, dates=dates, published=published,
                            roles=roles)
    return {
        "citations": citation_rows(article),
        "entities": entity_rows(index),
        "mentions": mention_rows(index),
        "quantities": quantities,
        "dates": dates,
        "quotes": quotes,
        "attributions": [r for r in attributions if r["named"]],
        "unnamed_sources": unnamed_source_rows(attributions),
        "roles": roles,
        "events": events,
    }

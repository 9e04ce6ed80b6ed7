"""The pipeline's steps as plain functions: ingest -> clean -> NLP -> extract -> validate -> store.

The Prefect flow in `flows/` only orchestrates these; tests and benchmarks call them directly.
"""

from __future__ import annotations

import json
import time
import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from factwire import EXTRACTOR_VERSION
from factwire.clean import clean_article
from factwire.extract import RECORD_TABLES, extract_article
from factwire.ingest import Source, read_source
from factwire.models import Article, Failure, RawArticle
from factwire.nlp import parse
from factwire.settings import Settings
from factwire.store import WriteResult, stored_versions, write_batch
from factwire.validate import quarantine_row, validate_rows
from schemas import TABLES

# Longer "articles" are dumps, not news: spaCy would need GBs of memory and minutes for one (its own
# default max_length is the same figure), and cleaning alone takes seconds.
MAX_ARTICLE_CHARS = 1_000_000
# Share of letters among the non-space characters below which a text is not prose (English news
# runs at ~0.8; binary data decoded as cp1252, symbol dumps and markup remnants fall far lower).
MIN_LETTER_SHARE = 0.5


def prose_problem(text: str) -> str | None:
    """Why a clean text cannot be an article (too few letters), or None when it reads as prose."""
    sample = [c for c in text[:20000] if not c.isspace()]
    letters = sum(c.isalpha() for c in sample)
    if not sample or letters < MIN_LETTER_SHARE * len(sample):
        share = letters / len(sample) if sample else 0.0
        return f"text does not read as prose: {share:.0%} of its characters are letters"
    return None


@dataclass
class Ingested:
    """Articles read from a batch of sources, and what could not be read."""

    articles: list[RawArticle] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: int = 0


@dataclass
class Batch:
    """Validated rows of every table for a batch of articles, ready to store."""

    frames: dict[str, pd.DataFrame]
    versions: dict[str, str]
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def quarantined(self) -> int:
        """Rows bound for the quarantine table."""
        q = self.frames.get("quarantine")
        return 0 if q is None else len(q)


def ingest(sources: list[Source], settings: Settings, *, force: bool = False) -> Ingested:
    """Read sources; drop articles already stored by this extractor version unless `force`."""
    out = Ingested()
    seen = {} if force else stored_versions(settings.processed_dir)
    batch_ids: set[str] = set()
    for source in sources:
        articles, failures = read_source(source, settings)
        out.failures.extend(failures)
        for art in articles:
            if seen.get(art.article_id) == EXTRACTOR_VERSION or art.article_id in batch_ids:
                out.skipped += 1
                continue
            batch_ids.add(art.article_id)
            out.articles.append(art)
    return out


def article_row(article: Article, ingested_at: datetime) -> dict[str, Any]:
    """The articles-table row of a cleaned article."""
    raw = article.raw
    return {
        "article_id": raw.article_id, "source_uri": raw.source_uri, "raw_path": raw.raw_path,
        "source_format": raw.source_format, "title": raw.title, "published": raw.published,
        "outlet": raw.outlet, "url": raw.url, "author": raw.author, "language": raw.language,
        "clean_text": article.clean_text, "word_count": len(article.clean_text.split()),
        "extractor_version": EXTRACTOR_VERSION, "ingested_at": ingested_at,
    }


def failure_row(failure: Failure) -> dict[str, Any]:
    """The quarantine row of an input that could not be read or processed."""
    row = quarantine_row(failure.table, failure.source_uri, failure.reason, None, failure.article_id)
    row["record"] = failure.record
    return row


def process(raws: list[RawArticle], settings: Settings, *, failures: list[Failure] | None = None) -> Batch:
    """Clean, parse, extract and validate a batch of articles; every failure becomes a quarantine row."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    quarantine = [failure_row(f) for f in failures or []]
    now = datetime.now(UTC)
    articles = []
    for raw in raws:
        if len(raw.body) > MAX_ARTICLE_CHARS:
            quarantine.append(quarantine_row(
                "articles", raw.source_uri, f"article text of {len(raw.body):,} characters is over the "
                f"{MAX_ARTICLE_CHARS:,}-character limit", {"title": raw.title}, raw.article_id))
            continue
        try:
            article = clean_article(raw)
        except Exception as exc:  # like extraction: one article's odd text must not sink the batch
            quarantine.append(quarantine_row("articles", raw.source_uri,
                                             f"cleaning failed: {exc.__class__.__name__}: {exc}",
                                             {"title": raw.title}, raw.article_id))
            continue
        problem = "no text left after cleaning" if not article.clean_text else prose_problem(article.clean_text)
        if problem:
            quarantine.append(quarantine_row("articles", raw.source_uri, problem, {"title": raw.title},
                                             raw.article_id))
            continue
        articles.append(article)
    timings["clean"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    docs = list(parse([a.clean_text for a in articles], model=settings.spacy_model,
                      n_process=settings.n_process if len(articles) >= 50 else 1))
    timings["nlp"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    for article, doc in zip(articles, docs, strict=True):
        rows["articles"].append(article_row(article, now))
        try:
            extracted = extract_article(doc, article)
        except Exception as exc:  # one article's extractor bug must not sink the batch
            quarantine.append(quarantine_row(
                "articles", article.raw.source_uri, f"extraction failed: {exc.__class__.__name__}: {exc}",
                {"traceback": traceback.format_exc(limit=3)}, article.article_id))
            continue
        for table in RECORD_TABLES:
            for row in extracted.get(table, []):
                rows[table].append({"article_id": article.article_id, **row})
    timings["extract"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    clean_texts = {a.article_id: a.clean_text for a in articles}
    uris = {a.article_id: a.raw.source_uri for a in articles}
    frames: dict[str, pd.DataFrame] = {}
    frames["articles"], bad = validate_rows("articles", rows["articles"], source_uris=uris)
    quarantine.extend(bad)
    # An article whose own row breaks the contract is quarantined whole: rows pointing at an article
    # the articles table does not hold would be orphans.
    rejected = {b["article_id"] for b in bad}
    for table in TABLES:
        if table in ("articles", "quarantine"):
            continue
        kept = [r for r in rows.get(table, []) if r["article_id"] not in rejected]
        frames[table], bad = validate_rows(table, kept, clean_texts=clean_texts, source_uris=uris)
        quarantine.extend(bad)
    frames["quarantine"], _ = validate_rows("quarantine", quarantine)
    timings["validate"] = time.perf_counter() - t0
    versions = {a.article_id: EXTRACTOR_VERSION for a in articles if a.article_id not in rejected}
    return Batch(frames=frames, versions=versions, timings=timings)


def store(batch: Batch, settings: Settings) -> WriteResult:
    """Publish a processed batch atomically under data/processed."""
    return write_batch(settings.processed_dir, batch.frames, articles=batch.versions)


def summarize(results: list[WriteResult]) -> dict[str, int]:
    """Rows written per table over several batches."""
    total: dict[str, int] = defaultdict(int)
    for r in results:
        for table, n in r.rows.items():
            total[table] += n
    return dict(total)


def dumps(summary: dict[str, Any]) -> str:
    """A run summary as one line of JSON."""
    return json.dumps(summary, default=str)

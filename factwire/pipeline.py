"""The pipeline's steps as plain functions: ingest -> clean -> NLP -> extract -> validate -> store.

The Prefect flow in `flows/` only orchestrates these; tests and benchmarks call them directly.
"""

from __future__ import annotations

import json
import os
import threading
import time
import traceback
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pandas as pd

from factwire.across import CopySettings, annotate_entities, mark_copies
from factwire.clean import clean_article
from factwire.extract import RECORD_TABLES, extract_article
from factwire.fetch import FetchSession, save_validators
from factwire.ingest import KNOWN_EXTS, SIDECAR, Source, content_id, is_url, read_source
from factwire.language import article_language, language_models, unsupported_reason
from factwire.models import Article, Failure, RawArticle
from factwire.nlp import load_nlp, parse
from factwire.settings import Settings
from factwire.store import WriteResult, stored_versions, write_batch
from factwire.validate import quarantine_row, validate_rows
from factwire.version import extractor_version
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
    # Feed URL -> ETag / Last-Modified, saved when the batch is committed (see `store`).
    validators: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class Batch:
    """Validated rows of every table for a batch of articles, ready to store."""

    frames: dict[str, pd.DataFrame]
    versions: dict[str, str]
    timings: dict[str, float] = field(default_factory=dict)
    validators: dict[str, dict[str, str]] = field(default_factory=dict)
    unsupported: dict[str, str] = field(default_factory=dict)  # article_id -> language no model reads
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds of the same stages

    @property
    def quarantined(self) -> int:
        """Rows bound for the quarantine table."""
        q = self.frames.get("quarantine")
        return 0 if q is None else len(q)


def ingest(sources: list[Source], settings: Settings, *, force: bool = False,
           known: dict[str, str] | None = None) -> Ingested:
    """Read sources; drop articles already stored by this extractor version unless `force`.

    `known` (article_id -> extractor version) saves re-reading the manifest for every batch of a
    run: the flow reads it once and adds the articles it has queued since.
    """
    out = Ingested()
    seen = {} if force else (stored_versions(settings.processed_dir) if known is None else known)
    batch_ids: set[str] = set()
    version = extractor_version(settings.spacy_model)
    with FetchSession(settings) as session:
        for source in sources:
            if seen and _unchanged_file(source, seen, version):
                out.skipped += 1
                continue
            articles, failures = read_source(source, settings, session)
            out.failures.extend(failures)
            for art in articles:
                if seen.get(art.article_id) == version or art.article_id in batch_ids:
                    out.skipped += 1
                    continue
                batch_ids.add(art.article_id)
                out.articles.append(art)
        out.skipped += len(session.not_modified)  # feeds answering 304: unchanged since the last commit
        out.validators = dict(session.fresh_validators)
    return out


def split_ingested(ingested: Ingested, size: int) -> Iterator[Ingested]:
    """An ingested batch in parts of at most `size` articles, so a feed of thousands of entries is
    processed a batch at a time. Failures go with the first part; feed validators with the last,
    to be saved only once every article they cover is committed."""
    parts = list(chunked(ingested.articles, size)) or [[]]
    for n, articles in enumerate(parts):
        yield Ingested(articles=articles, failures=ingested.failures if n == 0 else [],
                       skipped=ingested.skipped if n == 0 else 0,
                       validators=ingested.validators if n == len(parts) - 1 else {})


def _unchanged_file(source: Source, seen: dict[str, str], version: str) -> bool:
    """Whether a file is one article already stored by this extractor version, judged by its bytes alone.

    A text, HTML or single-object JSON file's article id is the hash of the whole file, so a re-run
    can skip it without parsing it; a file of several articles (JSON list or lines, feeds) never
    matches and is read as usual.
    """
    if source.is_url:
        return False
    try:
        data = Path(source.uri).read_bytes()
    except OSError:
        return False
    return seen.get(content_id(data)) == version


class SourceWalk:
    """The sources of `inputs`, discovered lazily in `discover`'s order; paths skipped collect in `.skipped`."""

    def __init__(self, inputs: list[str]) -> None:
        self.inputs = list(inputs)
        self.skipped: list[str] = []

    def __iter__(self) -> Iterator[Source]:
        for item in self.inputs:
            if is_url(item):
                yield Source(item, "url")
            elif os.path.isdir(item):
                yield from self._walk(Path(item))
            else:
                yield Source(str(Path(item)), "file")  # a missing file fails in read_source, loudly

    def _walk(self, folder: Path) -> Iterator[Source]:
        # Entries sorted by name, folders entered in place: the order of sorted(folder.rglob("*")).
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
        for entry in entries:
            path = folder / entry.name
            if entry.is_dir():
                yield from self._walk(path)
            elif entry.is_file():
                name = entry.name
                if name.endswith(SIDECAR) or name.startswith(".") or path.suffix.lower() not in KNOWN_EXTS:
                    self.skipped.append(str(path))
                else:
                    yield Source(str(path), "file")


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of `size` items (the last may be shorter), read lazily."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def article_row(article: Article, ingested_at: datetime, version: str) -> dict[str, Any]:
    """The articles-table row of a cleaned article."""
    raw = article.raw
    return {
        "article_id": raw.article_id, "source_uri": raw.source_uri, "raw_path": raw.raw_path,
        "source_format": raw.source_format, "title": raw.title, "published": raw.published,
        "outlet": raw.outlet, "url": raw.url, "author": raw.author, "language": raw.language,
        "clean_text": article.clean_text, "word_count": len(article.clean_text.split()),
        "extractor_version": version, "ingested_at": ingested_at,
    }


def failure_row(failure: Failure) -> dict[str, Any]:
    """The quarantine row of an input that could not be read or processed."""
    row = quarantine_row(failure.table, failure.source_uri, failure.reason, None, failure.article_id)
    row["record"] = failure.record
    return row


@dataclass
class Part:
    """Rows of every table extracted from some articles, not validated yet."""

    rows: dict[str, list[dict[str, Any]]]
    quarantine: list[dict[str, Any]]
    clean_texts: dict[str, str]
    uris: dict[str, str]
    timings: dict[str, float]
    cpu: dict[str, float] = field(default_factory=dict)
    unsupported: dict[str, str] = field(default_factory=dict)  # article_id -> language kept unextracted


class Clock:
    """Wall and CPU seconds of consecutive stages of one process's work."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._marks = (time.perf_counter(), time.process_time())

    def lap(self, stage: str) -> None:
        """Charge the time since the last lap (or the start) to `stage`."""
        now = (time.perf_counter(), time.process_time())
        self.wall[stage] = self.wall.get(stage, 0.0) + now[0] - self._marks[0]
        self.cpu[stage] = self.cpu.get(stage, 0.0) + now[1] - self._marks[1]
        self._marks = now


def extract_part(raws: list[RawArticle], model: str, ingested_at: datetime, n_process: int = 1) -> Part:
    """Clean, parse and extract some articles; runs in the caller or in a pool worker.

    An article in a language no installed model reads is kept (its article row, with the language)
    but not extracted: one quarantine row says why.
    """
    clock = Clock()
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    quarantine: list[dict[str, Any]] = []
    articles = []
    unread: list[Article] = []
    models = language_models(model)
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
        raw.language = article_language(raw.language, article.clean_text)
        if raw.language not in models:
            unread.append(article)
            quarantine.append(quarantine_row("articles", raw.source_uri, unsupported_reason(raw.language),
                                             {"title": raw.title, "language": raw.language}, raw.article_id))
            continue
        articles.append(article)
    clock.lap("clean")

    docs: list[Any] = [None] * len(articles)
    for lang, lang_model in models.items():  # one parse per installed model, in article order
        idx = [i for i, a in enumerate(articles) if a.raw.language == lang]
        if not idx:
            continue
        parsed = parse([articles[i].clean_text for i in idx], model=lang_model,
                       n_process=n_process if len(idx) >= 50 else 1)
        for i, doc in zip(idx, parsed, strict=True):
            docs[i] = doc
    clock.lap("nlp")

    version = extractor_version(model)
    done = list(unread)
    for article in unread:
        rows["articles"].append(article_row(article, ingested_at, version))
    for article, doc in zip(articles, docs, strict=True):
        try:
            extracted = extract_article(doc, article)
        except Exception as exc:  # one article's extractor bug must not sink the batch
            # Quarantined and not stored, so that it is not marked done: a later run (a fixed
            # extractor) tries it again, and its quarantine row is replaced, not repeated.
            quarantine.append(quarantine_row(
                "articles", article.raw.source_uri, f"extraction failed: {exc.__class__.__name__}: {exc}",
                {"traceback": traceback.format_exc(limit=3)}, article.article_id))
            continue
        done.append(article)
        rows["articles"].append(article_row(article, ingested_at, version))
        for table in RECORD_TABLES:
            for row in extracted.get(table, []):
                rows[table].append({"article_id": article.article_id, **row})
    clock.lap("extract")
    return Part(rows=dict(rows), quarantine=quarantine, clean_texts={a.article_id: a.clean_text for a in done},
                uris={a.article_id: a.raw.source_uri for a in done}, timings=clock.wall, cpu=clock.cpu,
                unsupported={a.article_id: a.raw.language for a in unread})


def merge_parts(parts: list[Part]) -> Part:
    """The rows of several parts as one part, in order (a batch's parts, back from the workers)."""
    if len(parts) == 1:
        return parts[0]
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    merged = Part(rows={}, quarantine=[], clean_texts={}, uris={}, timings=defaultdict(float), cpu=defaultdict(float))
    for part in parts:
        for table, table_rows in part.rows.items():
            rows[table].extend(table_rows)
        merged.quarantine.extend(part.quarantine)
        merged.clean_texts.update(part.clean_texts)
        merged.uris.update(part.uris)
        merged.unsupported.update(part.unsupported)
        for stage, secs in part.timings.items():
            merged.timings[stage] += secs
        for stage, secs in part.cpu.items():
            merged.cpu[stage] += secs
    merged.rows, merged.timings, merged.cpu = dict(rows), dict(merged.timings), dict(merged.cpu)
    return merged


def validate_part(part: Part, settings: Settings, failures: list[Failure] | None = None,
                  validators: dict[str, dict[str, str]] | None = None) -> Batch:
    """Across articles (copies, entity keys, places), then validate rows against every table's
    schema in one call per table; failures become quarantine rows.

    Runs in the driver over a whole batch: each pandera call costs ~20 ms whatever its size, so
    validating a batch at once costs a fraction of validating each worker's part apart; and copies
    are matched against the stored signatures by one process.
    """
    clock = Clock()
    uris, clean_texts = part.uris, part.clean_texts
    rows = dict(part.rows)
    # Across articles (factwire/across): copies against the stored signatures, entity keys, places.
    rows["articles"] = mark_copies(rows.get("articles", []), settings.signatures_dir, CopySettings(
        settings.copy_threshold, settings.copy_num_perm, settings.copy_shingle))
    rows["entities"] = annotate_entities(rows.get("entities", []), clean_texts)
    clock.lap("across")
    quarantine = [failure_row(f) for f in failures or []] + part.quarantine
    frames: dict[str, pd.DataFrame] = {}
    frames["articles"], bad = validate_rows("articles", rows.get("articles", []), source_uris=uris)
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
    clock.lap("validate")
    version = extractor_version(settings.spacy_model)
    versions = {aid: version for aid in clean_texts if aid not in rejected}
    return Batch(frames=frames, versions=versions, timings={**part.timings, **clock.wall},
                 validators=dict(validators or {}),
                 unsupported={a: lang for a, lang in part.unsupported.items() if a in versions},
                 cpu={**part.cpu, **clock.cpu})


def part_size(articles: int, processes: int, *, smallest: int = 4, largest: int = 16) -> int:
    """Articles per part: about two parts per worker, within [smallest, largest].

    Small parts balance the workers and pickle back quickly (plain rows, ~50 KB per article); each
    part pays a round trip to its worker, so a part holds at least `smallest` articles.
    """
    return max(smallest, min(largest, -(-articles // (2 * processes))))


def queue_depth(batch_size: int, size: int, workers: int) -> int:
    """Parts a driver keeps in flight: one batch's parts and two more per worker, so that while it
    reads the next batch or commits one, no worker runs out of work."""
    return -(-batch_size // size) + 2 * workers


WORKER_PARTS = 200
# A batch this small is parsed in-process while the workers are not started: starting them (a model
# load each) would cost more.
POOL_MIN_ARTICLES = 50


class WorkerPool:
    """Processes that each load the spaCy model once and process parts; started on first use.

    Each worker runs clean, NLP and extraction for its part, so the extractors run in parallel too,
    and only rows (not Docs) come back. Parts are queued as they are submitted: the workers take
    the next part the moment they finish one, whatever batch it is from. Workers are spawned, not
    forked: the parent runs Prefect's threads, and forking a threaded process can deadlock.
    """

    def __init__(self, processes: int, model: str, *, min_articles: int | None = None) -> None:
        self.processes = processes
        self.model = model
        self.min_articles = POOL_MIN_ARTICLES if min_articles is None else min_articles
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()  # two threads may start the pool at the same moment

    def submit(self, raws: list[RawArticle], ingested_at: datetime, *, size: int | None = None) -> list[Future[Part]]:
        """Queue articles in parts of `size` (default `part_size`); one future per part, in order.

        Until the workers are started, fewer than `min_articles` articles are processed here, now.
        """
        with self._lock:
            if self._executor is None and len(raws) < self.min_articles:
                return run_here(raws, self.model, ingested_at)
            if self._executor is None:
                # A worker is replaced after WORKER_PARTS parts: spaCy's string store only grows, and a
                # fresh worker (one model load, ~1-4 s per ~4,000 articles) keeps memory flat in long runs.
                self._executor = ProcessPoolExecutor(self.processes, mp_context=get_context("spawn"),
                                                     initializer=load_nlp, initargs=(self.model,),
                                                     max_tasks_per_child=WORKER_PARTS)
        size = size or part_size(len(raws), self.processes)
        return [self._executor.submit(extract_part, part, self.model, ingested_at)
                for part in chunked(raws, size)]

    def close(self) -> None:
        """Stop the workers."""
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def process(raws: list[RawArticle], settings: Settings, *, failures: list[Failure] | None = None,
            pool: WorkerPool | None = None, validators: dict[str, dict[str, str]] | None = None) -> Batch:
    """Clean, parse, extract and validate a batch of articles; every failure becomes a quarantine row.

    With a `pool`, the batch is cut into parts processed in its worker processes.
    """
    now = datetime.now(UTC)
    if pool is not None:
        parts = [f.result() for f in pool.submit(raws, now)]
    else:
        parts = [extract_part(raws, settings.spacy_model, now, n_process=settings.n_process)]
    return validate_part(merge_parts(parts), settings, failures, validators)


class _Done(Future):
    """A future that already holds its result: work done in the driver's own thread."""

    def __init__(self, result: Any) -> None:
        super().__init__()
        self.set_result(result)


def run_here(raws: list[RawArticle], model: str, ingested_at: datetime, n_process: int = 1) -> list[Future[Part]]:
    """Extract articles in this process, now; a `submit` for `stream` when there are no workers."""
    return [_Done(extract_part(raws, model, ingested_at, n_process))]


def _done(future: Any) -> bool:
    """Whether a concurrent, Dask or Prefect future has finished (Prefect's wrap one of the others)."""
    inner = getattr(future, "wrapped_future", future)
    done = getattr(inner, "done", None)
    return bool(done()) if callable(done) else False


@dataclass
class Committed:
    """What the driver did with one batch of sources."""

    sources: int
    skipped: int
    articles: int
    quarantined: int
    result: WriteResult | None
    # busy seconds of the workers' stages (clean, nlp, extract: summed over parts) and of the
    # driver's (ingest, submit, validate, store, and wait: blocked on the workers)
    timings: dict[str, float]
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds of clean, nlp, extract, validate
    unsupported: dict[str, str] = field(default_factory=dict)  # article_id -> language kept unextracted


@dataclass
class _Pending:
    sources: int
    ingested: Ingested
    futures: list[Any]
    ingest_s: float
    submit_s: float


def stream(chunks: Iterable[list[Source]], *, ingest: Callable[[list[Source]], Ingested],
           submit: Callable[[list[RawArticle], datetime], list[Any]], store: Callable[[Batch], WriteResult],
           depth: int, settings: Settings, known: dict[str, str] | None = None,
           size: int | None = None) -> Iterator[Committed]:
    """Drive batches of sources through ingest -> workers -> commit, keeping the workers fed.

    The driver reads a batch and queues its parts (`submit` returns one future per part, in any
    executor: a `WorkerPool`, Dask, Prefect), then reads the next while the workers process the
    queue. It commits batches in order as soon as all their parts are back, and blocks on the oldest
    only when more than `depth` parts are outstanding, so the queue never runs dry while it reads
    and commits, and memory is bounded by `depth` parts. A source that yields more than `size`
    articles (a feed of thousands of entries) is committed `size` articles at a time. `known`
    (article id -> extractor version), when given, gets every queued article so that later batches
    skip repeats of it. Feeds' validators are saved after their articles are committed.
    """
    pending: deque[_Pending] = deque()
    version = extractor_version(settings.spacy_model)

    def commit() -> Committed:
        item = pending.popleft()
        t0 = time.perf_counter()
        parts = [f.result() for f in item.futures]
        waited = time.perf_counter() - t0
        ing = item.ingested
        batch = validate_part(merge_parts(parts), settings, ing.failures, ing.validators) \
            if parts or ing.failures else Batch(frames={}, versions={}, validators=dict(ing.validators))
        t0 = time.perf_counter()
        result = None
        if batch.versions or batch.quarantined:
            result = store(batch)
        elif batch.validators:  # every article of those feeds is stored already
            save_validators(settings.data_dir, batch.validators)
        timings = {**batch.timings, "ingest": item.ingest_s, "submit": item.submit_s,
                   "store": time.perf_counter() - t0, "wait": waited}
        return Committed(item.sources, ing.skipped, len(batch.versions), batch.quarantined, result,
                         timings, batch.cpu, batch.unsupported)

    for chunk in chunks:
        t0 = time.perf_counter()
        ingested = ingest(chunk)
        if known is not None:  # a later batch skips what this run has already queued
            known.update({a.article_id: version for a in ingested.articles})
        ingest_s = time.perf_counter() - t0
        pieces = split_ingested(ingested, size) if size else [ingested]
        for n, piece in enumerate(pieces):
            t1 = time.perf_counter()
            futures = submit(piece.articles, datetime.now(UTC)) if piece.articles else []
            pending.append(_Pending(len(chunk) if n == 0 else 0, piece, futures, ingest_s if n == 0 else 0.0,
                                    time.perf_counter() - t1))
            while pending and (all(_done(f) for f in pending[0].futures)
                               or sum(len(p.futures) for p in pending) > depth):
                yield commit()
    while pending:
        yield commit()


def store(batch: Batch, settings: Settings) -> WriteResult:
    """Publish a processed batch atomically under data/processed, then its feeds' validators.

    Validators are saved only after the commit: a run that dies earlier polls those feeds in full again.
    """
    result = write_batch(settings.processed_dir, batch.frames, articles=batch.versions)
    save_validators(settings.data_dir, batch.validators)
    return result


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

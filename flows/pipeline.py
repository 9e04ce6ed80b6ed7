"""The ingest flow: sources -> batches of articles -> processed, validated, stored atomically.

Work is batched (one task per batch of articles, never per record), spaCy runs in one task at a
time, and only the task that reads the network retries.
"""

from __future__ import annotations

import time
from collections import defaultdict
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from factwire import pipeline
from factwire.ingest import Source, discover
from factwire.settings import Settings, get_settings
from factwire.store import WriteResult


@task(name="ingest-batch", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def ingest_task(sources: list[Source], settings: Settings, force: bool) -> pipeline.Ingested:
    """Read a batch of sources (files or URLs); transient network failures are retried."""
    return pipeline.ingest(sources, settings, force=force)


@task(name="process-batch", cache_policy=NO_CACHE)
def process_task(ingested: pipeline.Ingested, settings: Settings) -> pipeline.Batch:
    """Clean, parse, extract and validate one batch."""
    return pipeline.process(ingested.articles, settings, failures=ingested.failures)


@task(name="store-batch", cache_policy=NO_CACHE)
def store_task(batch: pipeline.Batch, settings: Settings) -> WriteResult:
    """Publish one batch atomically."""
    return pipeline.store(batch, settings)


def _chunks(items: list[Source], size: int) -> list[list[Source]]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


@flow(name="factwire-ingest", log_prints=False)
def ingest_flow(inputs: list[str], data_dir: str | None = None, batch_size: int | None = None,
                force: bool = False, show_progress: bool = False) -> dict[str, Any]:
    """Ingest files, folders, URLs or feeds into the dataset under `data_dir`; returns a summary."""
    started = time.perf_counter()
    settings = get_settings(data_dir)
    sources, skipped_files = discover(inputs)
    size = batch_size or settings.batch_size
    results: list[WriteResult] = []
    timings: dict[str, float] = defaultdict(float)
    counts = {"sources": len(sources), "articles": 0, "skipped_unchanged": 0, "quarantined": 0}
    progress = _progress(len(sources)) if show_progress and len(sources) > 1 else None
    for chunk in _chunks(sources, size):
        t0 = time.perf_counter()
        ingested = ingest_task(chunk, settings, force)
        timings["ingest"] += time.perf_counter() - t0
        counts["skipped_unchanged"] += ingested.skipped
        if ingested.articles or ingested.failures:
            batch = process_task(ingested, settings)
            for stage, secs in batch.timings.items():
                timings[stage] += secs
            t0 = time.perf_counter()
            results.append(store_task(batch, settings))
            timings["store"] += time.perf_counter() - t0
            counts["articles"] += len(batch.versions)
            counts["quarantined"] += batch.quarantined
        if progress:
            progress[0].advance(progress[1], len(chunk))
    if progress:
        progress[0].stop()
    return {
        **counts,
        "skipped_files": skipped_files,
        "rows": pipeline.summarize(results),
        "seconds": round(time.perf_counter() - started, 2),
        "stage_seconds": {k: round(v, 3) for k, v in timings.items()},
        "data_dir": str(settings.data_dir),
    }


def _progress(total: int):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), transient=False)
    bar.start()
    return bar, bar.add_task("articles", total=total)


def run(inputs: list[str], settings: Settings | None = None, **kwargs: Any) -> dict[str, Any]:
    """Run the flow in-process (Prefect's local mode when no server is configured)."""
    settings = settings or get_settings()
    return ingest_flow(inputs=[str(i) for i in inputs], data_dir=str(settings.data_dir), **kwargs)

"""The ingest flow: sources -> batches of articles -> processed, validated, stored atomically.

Work is batched (one task per batch of articles, never per record), spaCy runs in one task at a
time, and only the task that reads the network retries.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict, deque
from dataclasses import replace
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture
from prefect.task_runners import TaskRunner

from factwire import pipeline
from factwire.fetch import save_validators
from factwire.ingest import Source
from factwire.settings import Settings, get_settings
from factwire.store import WriteResult, maybe_compact, stored_versions
from factwire.version import extractor_version


@task(name="ingest-batch", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def ingest_task(sources: list[Source], settings: Settings, force: bool,
                known: dict[str, str] | None = None) -> pipeline.Ingested:
    """Read a batch of sources (files or URLs); transient network failures are retried."""
    return pipeline.ingest(sources, settings, force=force, known=known)


@task(name="process-batch", cache_policy=NO_CACHE)
def process_task(ingested: pipeline.Ingested, settings: Settings,
                 pool: pipeline.WorkerPool | None = None) -> pipeline.Batch:
    """Clean, parse, extract and validate one batch (in `pool`'s workers when given)."""
    return pipeline.process(ingested.articles, settings, failures=ingested.failures, pool=pool,
                            validators=ingested.validators)


@task(name="store-batch", cache_policy=NO_CACHE)
def store_task(batch: pipeline.Batch, settings: Settings) -> WriteResult:
    """Publish one batch atomically."""
    return pipeline.store(batch, settings)


def task_runner(settings: Settings) -> TaskRunner | None:
    """A DaskTaskRunner when settings name a Dask scheduler ("local": a LocalCluster), else None."""
    if not settings.dask_address:
        return None
    from prefect_dask import DaskTaskRunner

    if settings.dask_address == "local":
        return DaskTaskRunner(cluster_class="distributed.LocalCluster",
                              cluster_kwargs={"n_workers": max(1, settings.n_process), "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    return DaskTaskRunner(address=settings.dask_address)


@flow(name="factwire-ingest", log_prints=False)
def ingest_flow(inputs: list[str], data_dir: str | None = None, batch_size: int | None = None,
                force: bool = False, show_progress: bool = False, compact_every: int = 0) -> dict[str, Any]:
    """Ingest files, folders, URLs or feeds into the dataset under `data_dir`; returns a summary.

    With `compact_every` > 0 (scheduled runs), the run ends by compacting the tables when that many
    batches were committed since the last compaction.

    Sources are discovered and read lazily, batch by batch, and at most a few batches are in flight,
    so memory stays flat in the number of articles. Reading and storing happen here, one batch at a
    time; processing runs either in a local pool of `n_process` workers (two batches in flight so the
    workers never wait) or, on Dask, on the cluster's workers (one batch each, several in flight).
    """
    started = time.perf_counter()
    settings = get_settings(data_dir)
    distributed = _on_dask()
    walk = pipeline.SourceWalk(inputs)
    size = batch_size or settings.batch_size
    results: list[WriteResult] = []
    timings: dict[str, float] = defaultdict(float)
    counts = {"sources": 0, "articles": 0, "skipped_unchanged": 0, "quarantined": 0}
    known = None if force else stored_versions(settings.processed_dir)
    progress = _progress() if show_progress else None
    pending: deque[PrefectFuture] = deque()
    unsupported: dict[str, int] = {}  # language -> articles kept but not extracted (no model reads it)

    def store_next() -> None:
        batch = pending.popleft().result()
        for stage, secs in batch.timings.items():
            timings[stage] += secs
        t0 = time.perf_counter()
        results.append(store_task(batch, settings))
        timings["store"] += time.perf_counter() - t0
        counts["articles"] += len(batch.versions)
        counts["quarantined"] += batch.quarantined
        for lang in batch.unsupported.values():
            unsupported[lang] = unsupported.get(lang, 0) + 1
        if progress:
            progress[0].advance(progress[1], len(batch.versions))

    if distributed:  # each Dask worker parses on its own, one process, model loaded once per worker
        worker_settings, in_flight, pool = replace(settings, n_process=1), 2 * max(1, settings.n_process), None
    elif settings.n_process > 1:
        pool = pipeline.WorkerPool(settings.n_process, settings.spacy_model)
        # Batches too small for the pool are parsed in the task's thread: one at a time, then.
        worker_settings, in_flight = settings, 2 if size >= pool.min_articles else 1
    else:  # spaCy in one thread at a time: two threads in one process run slower than one
        worker_settings, in_flight, pool = settings, 1, None
    try:
        for chunk in pipeline.chunked(walk, size):
            counts["sources"] += len(chunk)
            t0 = time.perf_counter()
            ingested = ingest_task(chunk, settings, force, known)
            timings["ingest"] += time.perf_counter() - t0
            counts["skipped_unchanged"] += ingested.skipped
            if known is not None:  # a later batch skips what this run has already queued
                known.update({a.article_id: extractor_version(settings.spacy_model) for a in ingested.articles})
            if ingested.articles or ingested.failures:
                # A feed of thousands of entries is still processed `size` articles at a time.
                for part in pipeline.split_ingested(ingested, size):
                    pending.append(process_task.submit(part, worker_settings, pool))
                    while len(pending) >= in_flight:
                        store_next()
            elif ingested.validators:  # every article of those feeds is stored already
                save_validators(settings.data_dir, ingested.validators)
            while len(pending) >= in_flight:
                store_next()
        while pending:
            store_next()
    finally:
        if pool is not None:
            pool.close()
        if progress:
            progress[0].stop()
    if compact_every > 0:
        t0 = time.perf_counter()
        if maybe_compact(settings.processed_dir, every=compact_every):
            timings["compact"] += time.perf_counter() - t0
    return {
        **counts,
        "skipped_files": walk.skipped,
        "unsupported_languages": unsupported,
        "rows": pipeline.summarize(results),
        "seconds": round(time.perf_counter() - started, 2),
        "stage_seconds": {k: round(v, 3) for k, v in timings.items()},
        "data_dir": str(settings.data_dir),
    }


def _on_dask() -> bool:
    """Whether this flow run's tasks go to Dask (prefect_dask is only imported when it is used)."""
    module = sys.modules.get("prefect_dask")
    context = FlowRunContext.get()
    return module is not None and context is not None and isinstance(context.task_runner, module.DaskTaskRunner)


def _progress():
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), transient=False)
    bar.start()
    return bar, bar.add_task("articles", total=None)


def run(inputs: list[str], settings: Settings | None = None, **kwargs: Any) -> dict[str, Any]:
    """Run the flow in-process against `flows.server.run_api()`'s Prefect API, on Dask if set."""
    from flows.server import run_api

    settings = settings or get_settings()
    runner = task_runner(settings)
    flow_fn = ingest_flow.with_options(task_runner=runner) if runner else ingest_flow
    with run_api():  # a configured or kept server, else a temporary one that dies with this process
        return flow_fn(inputs=[str(i) for i in inputs], data_dir=str(settings.data_dir), **kwargs)

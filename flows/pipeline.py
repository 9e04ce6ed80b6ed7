"""The ingest flow: sources -> batches of articles -> processed, validated, stored atomically.

Work is batched (Prefect tasks per batch of articles, or per part of one on Dask, never per
record), and only the task that reads the network retries.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture
from prefect.task_runners import TaskRunner

from factwire import pipeline
from factwire.ingest import Source
from factwire.models import RawArticle
from factwire.settings import Settings, get_settings
from factwire.store import WriteResult, maybe_compact, stored_versions

Submit = Callable[[list[RawArticle], datetime], list[Any]]
# Articles per part on Dask at least: each part is a Prefect task run, whose bookkeeping costs more
# than a local pool's round trip.
DASK_PART_ARTICLES = 20


@task(name="ingest-batch", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def ingest_task(sources: list[Source], settings: Settings, force: bool,
                known: dict[str, str] | None = None) -> pipeline.Ingested:
    """Read a batch of sources (files or URLs); transient network failures are retried."""
    return pipeline.ingest(sources, settings, force=force, known=known)


@task(name="extract-part", cache_policy=NO_CACHE)
def extract_task(raws: list[RawArticle], model: str, ingested_at: datetime) -> pipeline.Part:
    """Clean, parse and extract a part of a batch (on a Dask worker); the driver validates the batch."""
    return pipeline.extract_part(raws, model, ingested_at)


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

    Sources are discovered and read lazily, batch by batch. Reading, validating and committing happen
    here, one batch at a time; each batch is cut into parts that are cleaned, parsed and extracted by
    a local pool of `n_process` workers, or on Dask by the cluster's workers, with parts of the next
    batches queued so that no worker waits (`pipeline.stream`). Memory is bounded by the parts in
    flight, not by the number of articles.
    """
    started = time.perf_counter()
    settings = get_settings(data_dir)
    walk = pipeline.SourceWalk(inputs)
    size = batch_size or settings.batch_size
    results: list[WriteResult] = []
    timings: dict[str, float] = defaultdict(float)
    counts = {"sources": 0, "articles": 0, "skipped_unchanged": 0, "quarantined": 0}
    known = None if force else stored_versions(settings.processed_dir)
    progress = _progress() if show_progress else None
    unsupported: dict[str, int] = {}  # language -> articles kept but not extracted (no model reads it)
    submit, depth, pool = _executor(settings, size)
    try:
        for done in pipeline.stream(pipeline.chunked(walk, size),
                                    ingest=lambda chunk: ingest_task(chunk, settings, force, known),
                                    submit=submit, store=lambda batch: store_task(batch, settings),
                                    depth=depth, settings=settings, known=known, size=size):
            counts["sources"] += done.sources
            counts["skipped_unchanged"] += done.skipped
            counts["articles"] += done.articles
            counts["quarantined"] += done.quarantined
            if done.result is not None:
                results.append(done.result)
            for stage, secs in done.timings.items():
                timings[stage] += secs
            for lang in done.unsupported.values():
                unsupported[lang] = unsupported.get(lang, 0) + 1
            if progress:
                progress[0].advance(progress[1], done.articles)
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


def _executor(settings: Settings, batch_size: int) -> tuple[Submit, int, pipeline.WorkerPool | None]:
    """Where the parts of a batch go (a `submit` for `pipeline.stream`), how many parts may be in
    flight, and the local pool to close at the end (None on Dask and in-process)."""
    workers, model = max(1, settings.n_process), settings.spacy_model
    if _on_dask():  # each Dask worker parses in one process, the model loaded once per worker
        sizes = {"smallest": DASK_PART_ARTICLES, "largest": 2 * DASK_PART_ARTICLES}

        def on_dask(raws: list[RawArticle], ingested_at: datetime) -> list[PrefectFuture]:
            size = pipeline.part_size(len(raws), workers, **sizes)
            return [extract_task.submit(part, model, ingested_at) for part in pipeline.chunked(raws, size)]

        depth = pipeline.queue_depth(batch_size, pipeline.part_size(batch_size, workers, **sizes), workers)
        return on_dask, depth, None
    if settings.n_process > 1:
        pool = pipeline.WorkerPool(settings.n_process, model)  # parts sized to each batch
        return pool.submit, pipeline.queue_depth(batch_size, pipeline.part_size(batch_size, workers), workers), pool

    def here(raws: list[RawArticle], ingested_at: datetime) -> list[Future]:
        # one process: spaCy in one thread at a time (two threads in one process run slower than one)
        return pipeline.run_here(raws, model, ingested_at)

    return here, 0, None


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

"""The pipeline's streaming pieces: lazy discovery, batching, skipping unchanged files, the worker pool."""

from __future__ import annotations

import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime

import pandas as pd
import pytest

from factwire import EXTRACTOR_VERSION, pipeline
from factwire.ingest import content_id, discover
from factwire.models import Failure, RawArticle
from tests.conftest import TEST_DATA


@pytest.fixture
def nested(tmp_path):
    root = tmp_path / "inbox"
    shutil.copytree(TEST_DATA, root / "b")
    shutil.copytree(TEST_DATA / "bad", root / "a-first")
    shutil.copy(TEST_DATA / "harbor-deal.txt", root / "b" / "zz-last.txt")
    return root


def test_source_walk_finds_what_discover_finds_in_the_same_order(nested):
    sources, skipped = discover([str(nested), "https://example.org/story"])
    walk = pipeline.SourceWalk([str(nested), "https://example.org/story"])
    assert list(walk) == sources
    assert walk.skipped == skipped
    assert any(s.endswith(".meta.json") for s in walk.skipped)


def test_source_walk_is_lazy(nested):
    walk = iter(pipeline.SourceWalk([str(nested)]))
    first = next(walk)
    assert first.uri.endswith(("broken.json", "empty.txt", "random-bytes.txt"))


def test_chunked_reads_lazily_and_keeps_order():
    def numbers():
        yield from range(7)

    assert list(pipeline.chunked(numbers(), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(pipeline.chunked([], 3)) == []


def test_ingest_skips_a_stored_file_by_its_bytes_without_reading_it(settings, tmp_path):
    story = tmp_path / "story.txt"
    shutil.copy(TEST_DATA / "harbor-deal.txt", story)
    known = {content_id(story.read_bytes()): EXTRACTOR_VERSION}
    sources = list(pipeline.SourceWalk([str(story)]))

    skipped = pipeline.ingest(sources, settings, known=known)
    assert skipped.skipped == 1 and skipped.articles == []
    assert not settings.raw_dir.exists()  # never parsed, so no raw copy was kept either

    stale = pipeline.ingest(sources, settings, known={content_id(story.read_bytes()): "0"})
    assert stale.skipped == 0 and len(stale.articles) == 1


def _without_timestamps(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {t: df.drop(columns=[c for c in ("ingested_at", "quarantined_at") if c in df.columns])
            for t, df in frames.items()}


@pytest.mark.model
@pytest.mark.slow
def test_worker_pool_gives_the_rows_of_the_in_process_run(settings, nlp):
    ingested = pipeline.ingest(list(pipeline.SourceWalk([str(TEST_DATA)])), settings, force=True)
    assert len(ingested.articles) == 8 and ingested.failures
    alone = pipeline.process(ingested.articles, settings, failures=ingested.failures)
    with pipeline.WorkerPool(2, settings.spacy_model, min_articles=2) as pool:
        pooled = pipeline.process(ingested.articles, replace(settings, n_process=2), failures=ingested.failures,
                                  pool=pool)
        # parts of three articles, merged and validated in the driver
        futures = pool.submit(ingested.articles, datetime.now(UTC), size=3)
        merged = pipeline.validate_part(pipeline.merge_parts([f.result() for f in futures]), settings,
                                        ingested.failures)
    assert len(futures) == 3
    expected = _without_timestamps(alone.frames)
    assert expected["entities"].shape[0] > 10
    for batch in (pooled, merged):
        assert batch.versions == alone.versions
        got = _without_timestamps(batch.frames)
        for table in expected:
            pd.testing.assert_frame_equal(expected[table], got[table], obj=table)
        assert set(batch.timings) == {"clean", "nlp", "extract", "across", "validate"}


def _raw(aid: str) -> RawArticle:
    return RawArticle(article_id=aid, source_uri=f"/in/{aid}.txt", raw_path="", source_format="text", body="x")


def test_stream_keeps_parts_queued_commits_in_order_and_bounds_what_is_in_flight(settings):
    """A thread pool stands in for the workers: parts finish out of order, commits do not."""
    depth, part = 5, 2
    outstanding = {"now": 0, "most": 0}
    lock = threading.Lock()

    def work(raws: list[RawArticle]) -> pipeline.Part:
        time.sleep(0.02 * (hash(raws[0].article_id) % 3))  # some parts finish before earlier ones
        return pipeline.Part(rows={}, quarantine=[], clean_texts={r.article_id: "x" for r in raws},
                             uris={r.article_id: r.source_uri for r in raws}, timings={"extract": 0.1})

    def ingest(chunk: list[str]) -> pipeline.Ingested:
        out = pipeline.Ingested()
        for aid in chunk:
            if aid.startswith("bad"):
                out.failures.append(Failure(f"/in/{aid}", "unreadable"))
            elif aid in known:
                out.skipped += 1
            else:
                out.articles.append(_raw(aid))
        return out

    def submit(raws: list[RawArticle], ingested_at) -> list:
        futures = [executor.submit(work, p) for p in pipeline.chunked(raws, part)]
        with lock:
            outstanding["now"] += len(futures)
            outstanding["most"] = max(outstanding["most"], outstanding["now"])
        return futures

    stored: list[pipeline.Batch] = []

    def store(batch: pipeline.Batch):
        stored.append(batch)
        with lock:
            outstanding["now"] -= -(-len(batch.versions) // part)
        return f"txn-{len(stored)}"

    chunks = [[f"a{i}", f"b{i}", f"c{i}", f"d{i}"] for i in range(6)] + [["a0", "bad-1"], ["a1"]]
    known: dict[str, str] = {}
    with ThreadPoolExecutor(3) as executor:
        done = list(pipeline.stream(chunks, ingest=ingest, submit=submit, store=store, depth=depth,
                                    settings=settings, known=known))
    assert [d.sources for d in done] == [4] * 6 + [2, 1]
    assert [d.articles for d in done] == [4] * 6 + [0, 0]
    assert [d.skipped for d in done] == [0] * 6 + [1, 1]  # repeats of queued articles are not queued again
    assert done[6].quarantined == 1 and done[6].result == "txn-7"  # a batch of only a failure is committed
    assert done[7].result is None  # nothing to commit
    assert [sorted(b.versions) for b in stored[:6]] == [sorted(c) for c in chunks[:6]]  # in order
    assert outstanding["most"] <= depth + 2  # at most one batch's parts over the depth
    assert outstanding["most"] > 2  # several batches were in flight at once
    assert set(done[0].timings) >= {"ingest", "store", "wait"}

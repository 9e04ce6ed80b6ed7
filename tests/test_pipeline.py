"""The pipeline's streaming pieces: lazy discovery, batching, skipping unchanged files, the worker pool."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pandas as pd
import pytest

from factwire import EXTRACTOR_VERSION, pipeline
from factwire.ingest import content_id, discover
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
    assert pooled.versions == alone.versions
    expected, got = _without_timestamps(alone.frames), _without_timestamps(pooled.frames)
    assert expected["entities"].shape[0] > 10
    for table in expected:
        pd.testing.assert_frame_equal(expected[table], got[table], obj=table)
    assert set(pooled.timings) == {"clean", "nlp", "extract", "across", "validate"}

"""Two runs at once on overlapping inputs: no duplicates, no lost rows.

How: writers serialize on an exclusive flock of data/processed/.lock (the kernel drops it when a
writer dies, so a crash never leaves a stale lock), and every batch replaces all stored rows of the
articles it writes (keyed by the content-hash article id) with one predicate overwrite per Delta
table, published by one `_commits` record. Two runs that both process an overlapping article
therefore each write a whole copy of it, and the second batch replaces the first instead of adding
to it. A lock, not optimistic retries, because a
commit is short next to the NLP that precedes it, and waiting is simpler than re-validating.
"""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest

from bench.crash_harness import duplicates, lost, rows_via_connect, rows_via_delta
from factwire import pipeline
from factwire.ingest import discover
from factwire.settings import get_settings
from factwire.store import latest, stored_versions, write_batch, writer_lock

pytestmark = pytest.mark.model

TEXTS = [
    "Mara Lindqvist, the governor of Tessaly, signed a budget of $2 billion on Thursday.",
    "The Orland Mining Company said it would close two mines in the north next year.",
    "Flooding forced 3,000 people from their homes in Rivenport, officials said on Sunday.",
    "Jonas Ekberg was named chief executive of Polaris Freight in April.",
    "The central bank of Vellmark raised its main interest rate by 0.5 percentage points.",
    "Students in Carrow marched on Saturday to protest higher tuition fees.",
]


def _inputs(folder: Path) -> list[str]:
    folder.mkdir(parents=True)
    paths = []
    for n, text in enumerate(TEXTS):
        (folder / f"n{n}.txt").write_text(text, encoding="utf-8")
        paths.append(str(folder / f"n{n}.txt"))
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    return paths + [str(folder / "broken.json")]


def _run(paths: list[str], data_dir: str, start: float) -> None:
    """One run committing one source at a time, so two runs' commits interleave."""
    settings = get_settings(data_dir)
    sources, _ = discover(paths)
    time.sleep(max(0.0, start - time.time()))
    for source in sources:
        ingested = pipeline.ingest([source], settings)
        pipeline.store(pipeline.process(ingested.articles, settings, failures=ingested.failures), settings)


def test_two_runs_at_once_on_overlapping_inputs_lose_nothing_and_duplicate_nothing(nlp, tmp_path):
    paths = _inputs(tmp_path / "in")
    clean = tmp_path / "clean"
    _run(paths, str(clean), 0)
    ref = rows_via_connect(clean)

    shared = tmp_path / "shared"
    ctx = multiprocessing.get_context("spawn")  # delta-rs's runtime does not survive a fork
    start = time.time() + 5  # after both spawned children have imported
    # Run A: sources 0-4 plus the bad file; run B: sources 2-6 in reverse order (overlap 2, 3, 4).
    a = ctx.Process(target=_run, args=(paths[:5] + paths[-1:], str(shared), start))
    b = ctx.Process(target=_run, args=(list(reversed(paths[2:])), str(shared), start))
    a.start()
    b.start()
    a.join(60)
    b.join(60)
    assert a.exitcode == 0 and b.exitcode == 0
    got = rows_via_connect(shared)
    assert lost(got, ref) == 0
    assert duplicates(got, ref) == 0
    assert got == ref
    assert rows_via_delta(shared) == ref


def test_a_second_writer_waits_for_the_lock(tmp_path):
    processed = tmp_path / "processed"
    ctx = multiprocessing.get_context("spawn")  # delta-rs's runtime does not survive a fork
    with writer_lock(processed):
        writer = ctx.Process(target=write_batch, args=(processed, {}), kwargs={"articles": {"abc": "1"}})
        writer.start()
        time.sleep(0.5)
        assert writer.is_alive(), "the second writer committed while the lock was held"
        assert latest(processed).seq == 0
    writer.join(10)
    assert writer.exitcode == 0
    assert latest(processed).seq == 1 and stored_versions(processed) == {}


def test_a_reader_that_started_before_a_replacement_finishes_on_the_old_state(tmp_path):
    from deltalake import DeltaTable

    from factwire.query import connect
    from tests.test_store import _frames

    processed = tmp_path / "processed"
    write_batch(processed, _frames(["a1"], n_entities=2), articles={"a1": "1"})
    before = connect(processed=processed)  # views bound to the first batch's table versions
    write_batch(processed, _frames(["a1"], n_entities=3), articles={"a1": "1"})
    # The replaced files are still on disk (until compact vacuums them): the earlier reader reads on.
    assert before.execute("SELECT count(*) FROM entities").fetchone()[0] == 2
    assert connect(processed=processed).execute("SELECT count(*) FROM entities").fetchone()[0] == 3
    assert len(DeltaTable(str(processed / "entities")).to_pandas()) == 3  # any Delta reader: the new state only

"""Crash safety, small: SIGKILL a writer inside write_batch (between its Delta commits), check, rerun.

The full version (60+ kills over a real corpus, Prefect rerun) is bench/crash_harness.py; this one
spawns a writer of a few small batches, so each trial costs well under a second.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

import pytest

from bench.crash_harness import (
    check,
    duplicates,
    kill_mid_batch,
    kill_state,
    lost,
    rows_via_connect,
    rows_via_delta,
    split_batches,
)
from factwire import pipeline
from factwire.ingest import discover
from factwire.store import write_batch

pytestmark = pytest.mark.model

ARTICLES = [
    "Lena Ortiz, the mayor of Dunmore, said on Monday that the city would spend $4 million on bridges.",
    "The Halvard Group reported revenue of 12 percent more than last year, its chief executive said.",
    "Police in Eastbrook arrested two men on Friday after a fire destroyed a warehouse.",
    "Tomas Reyes resigned as finance minister of Calvania in March, officials said.",
    "Shares of Norvik Energy fell 3% on Tuesday after the company cut its forecast.",
]


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for n, text in enumerate(ARTICLES):
        (folder / f"a{n}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _run(inputs: Path, settings) -> pipeline.Batch:
    sources, _ = discover([str(inputs)])
    ingested = pipeline.ingest(sources, settings)
    batch = pipeline.process(ingested.articles, settings, failures=ingested.failures)
    pipeline.store(batch, settings)
    return batch


def _writer(processed: str, batches: list, ready) -> None:
    ready.set()
    for frames, versions in batches:
        write_batch(Path(processed), frames, articles=versions)


def test_sigkill_inside_write_batch_never_leaves_a_partial_or_duplicated_dataset(nlp, tmp_path):
    from factwire.settings import get_settings

    inputs = _corpus(tmp_path / "inputs")
    clean = get_settings(tmp_path / "clean")
    batch = _run(inputs, clean)
    ref = rows_via_connect(clean.data_dir)
    keys = sorted({r[0] for c in ref.values() for r in c})
    pass1, groups = split_batches(batch, 2, keys)
    pass2, _ = split_batches(batch, 3, keys[1:] + keys[:1])
    rng = random.Random(3)
    ctx = multiprocessing.get_context("spawn")  # delta-rs's runtime does not survive a fork
    states = []
    for n in range(4):
        settings = get_settings(tmp_path / f"trial-{n}")
        ready = ctx.Event()
        proc = ctx.Process(target=_writer, args=(str(settings.processed_dir), pass1 + pass2, ready))
        proc.start()
        assert ready.wait(120), "the writer did not start"
        if n % 2:
            kill_mid_batch(proc, settings.processed_dir, rng.randrange(len(pass1)), rng.uniform(0, 0.05))
        else:
            time.sleep(rng.uniform(0, 0.3))
        os.kill(proc.pid, signal.SIGKILL)
        proc.join()
        if settings.processed_dir.exists():
            states.append(kill_state(settings.processed_dir))
        assert check(rows_via_connect(settings.data_dir), ref, groups) == []
        assert check(rows_via_delta(settings.data_dir, recorded=True), ref, groups) == []
        _run(inputs, settings)
        rerun = rows_via_connect(settings.data_dir)
        assert rerun == ref, (lost(rerun, ref), duplicates(rerun, ref))
        assert rows_via_delta(settings.data_dir) == ref
    assert states, "no kill landed after the first write"

"""The same flow on Dask (prefect-dask's DaskTaskRunner on a LocalCluster) and on a local pool of workers writes
the same dataset as the in-process run."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pandas as pd
import pytest

from factwire.store import read_table
from schemas import TABLES
from tests.conftest import TEST_DATA

pytestmark = [pytest.mark.model, pytest.mark.slow]

# Columns that record when a row was made, not what it says.
WHEN = {"ingested_at", "quarantined_at"}


def dataset(processed) -> dict[str, pd.DataFrame]:
    """Every table without its timestamps, rows in a canonical order."""
    out = {}
    for table in TABLES:
        df = read_table(processed, table)
        df = df[[c for c in df.columns if c not in WHEN]]
        key = df.astype(str)
        out[table] = df.loc[key.sort_values(list(key.columns)).index].reset_index(drop=True)
    return out


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "inbox"
    shutil.copytree(TEST_DATA, folder)  # good articles and bad inputs, so quarantine rows are compared too
    return folder


def test_dask_run_writes_the_same_dataset_as_the_local_run(prefect_harness, inputs, settings, tmp_path):
    from flows.pipeline import run, task_runner

    local = replace(settings, data_dir=tmp_path / "local", n_process=1, dask_address=None)
    on_dask = replace(settings, data_dir=tmp_path / "dask", n_process=2, dask_address="local")
    assert task_runner(local) is None
    assert type(task_runner(on_dask)).__name__ == "DaskTaskRunner"

    # batch_size 2: several batches in flight on the two Dask workers at once
    first = run([str(inputs)], local, batch_size=2)
    second = run([str(inputs)], on_dask, batch_size=2)
    assert first["articles"] == second["articles"] == 8
    assert first["rows"] == second["rows"]
    expected, got = dataset(local.processed_dir), dataset(on_dask.processed_dir)
    assert expected["entities"].shape[0] > 10 and expected["quarantine"].shape[0] == 3
    for table in TABLES:
        # source_uri and raw_path point into each run's own folders; compare them relative to those
        for frame, root in ((expected[table], local.data_dir), (got[table], on_dask.data_dir)):
            if "raw_path" in frame.columns:
                frame["raw_path"] = frame["raw_path"].str.replace(str(root), "<data>", regex=False)
        pd.testing.assert_frame_equal(expected[table], got[table], check_dtype=True, obj=table)

    again = run([str(inputs)], on_dask, batch_size=2)
    assert again["articles"] == 0 and again["skipped_unchanged"] == 8


def test_local_pool_streaming_parts_writes_the_same_dataset_as_the_in_process_run(
        prefect_harness, inputs, settings, tmp_path, monkeypatch):
    from factwire import pipeline
    from flows.pipeline import run

    monkeypatch.setattr(pipeline, "POOL_MIN_ARTICLES", 1)  # the pool starts for a handful of articles
    alone = replace(settings, data_dir=tmp_path / "alone", n_process=1, dask_address=None)
    pooled = replace(settings, data_dir=tmp_path / "pool", n_process=2, dask_address=None)
    first = run([str(inputs)], alone, batch_size=3)
    second = run([str(inputs)], pooled, batch_size=3)  # several batches' parts in flight on two workers
    assert first["articles"] == second["articles"] == 8
    assert first["rows"] == second["rows"]
    assert second["stage_seconds"]["nlp"] > 0 and second["stage_seconds"]["wait"] >= 0
    expected, got = dataset(alone.processed_dir), dataset(pooled.processed_dir)
    for table in TABLES:
        for frame, root in ((expected[table], alone.data_dir), (got[table], pooled.data_dir)):
            if "raw_path" in frame.columns:
                frame["raw_path"] = frame["raw_path"].str.replace(str(root), "<data>", regex=False)
        pd.testing.assert_frame_equal(expected[table], got[table], check_dtype=True, obj=table)


def test_dask_address_of_a_real_cluster_is_passed_to_the_runner(settings):
    from flows.pipeline import task_runner

    runner = task_runner(replace(settings, dask_address="tcp://10.0.0.5:8786"))
    assert runner.address == "tcp://10.0.0.5:8786"

"""The tables as other tools see them (Polars, the shared scorer), the maintenance commands, and migration."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

from bench.crash_harness import frame_rows, rows_via_connect
from factwire.cli import app
from factwire.store import OldFormatError, history, read_table, write_batch
from schemas import TABLES
from tests import legacy_store
from tests.conftest import SHARED
from tests.serve_support import build_dataset
from tests.test_store import _frames


@pytest.mark.model
def test_polars_reads_every_table_with_exactly_the_rows_factwires_views_show(nlp, tmp_path):
    import polars as pl

    data = build_dataset(tmp_path / "data")
    build_dataset(data, ["harbor-bridge.txt"])  # a second run: nothing new, nothing duplicated
    views = rows_via_connect(data)
    assert sum(sum(c.values()) for c in views.values()) > 20
    for table in TABLES:
        df = pl.read_delta(str(data / "processed" / table)).to_arrow().to_pandas()  # dates stay dates
        assert frame_rows(table, df, data) == views[table], table


@pytest.mark.model
@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="the shared scorer is not beside this clone")
def test_the_shared_scorer_reads_the_delta_tables(nlp, tmp_path):
    from factwire import pipeline
    from factwire.ingest import discover
    from factwire.settings import get_settings

    settings = get_settings(tmp_path / "data")
    ingested = pipeline.ingest(discover([str(SHARED / "seed-article.txt")])[0], settings)
    pipeline.store(pipeline.process(ingested.articles, settings, failures=ingested.failures), settings)
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--processed", str(settings.processed_dir),
                          str(SHARED / "eval" / "seed-article.gold.json"), "--json"],
                         capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)["categories"]
    assert scores["articles"]["tp"] == 1 and scores["entities"]["tp"] > 0


def _cli(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_history_as_of_and_compact_from_the_command_line(tmp_path):
    for n in range(3):
        write_batch(tmp_path / "processed", _frames([f"a{n}"]), articles={f"a{n}": "1"})
    write_batch(tmp_path / "processed", _frames(["a0"], n_entities=5), articles={"a0": "1"})
    shown = _cli("history", "--data-dir", str(tmp_path))
    assert shown.exit_code == 0 and "4 commits" in shown.output
    sql = "SELECT count(*) AS n FROM entities"
    assert _cli("query", sql, "--as-of", "2", "-f", "csv", "--data-dir", str(tmp_path)).output == "n\n4\n"
    assert _cli("query", sql, "--as-of", datetime.now(UTC).isoformat(), "-f", "csv",
                "--data-dir", str(tmp_path)).output == "n\n9\n"
    bad = _cli("query", sql, "--as-of", "40", "--data-dir", str(tmp_path))
    assert bad.exit_code == 2 and "no dataset version 40" in bad.output
    done = _cli("compact", "--data-dir", str(tmp_path))
    assert done.exit_code == 0 and "entities" in done.output
    assert history(tmp_path / "processed")[-1]["kind"] == "compact"
    assert _cli("query", sql, "-f", "csv", "--data-dir", str(tmp_path)).output == "n\n9\n"


# ------------------------------------------------------------------------------------ migration


def _legacy_dataset(processed):
    """A folder of the format before Delta Lake, written by that code, with replaced files and a pending commit."""
    legacy_store.write_batch(processed, _frames(["a1", "a2"]), articles={"a1": "1", "a2": "1"})
    legacy_store.write_batch(processed, _frames(["a2"], n_entities=3, name="Grace"), articles={"a2": "2"})
    legacy_store.write_batch(processed, _frames(["a3"]), articles={"a3": "1"})
    # A commit that crashed after its commit point: staged file, record, manifest not yet swapped.
    frames = _frames(["a4"])
    staged = processed / "_staging" / "t9" / "entities"
    staged.mkdir(parents=True)
    frames["entities"].to_parquet(staged / "part-t9.parquet", index=False)
    manifest = legacy_store.read_manifest(processed)
    manifest["tables"]["entities"]["part-t9.parquet"] = ["a4"]
    manifest["articles"]["a4"] = "1"
    record = {"txn": "t9", "adds": [["_staging/t9/entities/part-t9.parquet", "entities/part-t9.parquet"]],
              "removes": [], "manifest": manifest}
    (processed / "_txn").mkdir(exist_ok=True)
    (processed / "_txn" / "t9.json").write_text(json.dumps(record))


def _sorted(df):
    cols = [c for c in df.columns if c != "ingested_at"]
    return sorted(map(str, df[cols].to_dict("records")))


def test_migrate_converts_a_folder_the_old_code_wrote_losing_and_duplicating_nothing(tmp_path):
    processed = tmp_path / "data" / "processed"
    _legacy_dataset(processed)
    with pytest.raises(OldFormatError, match="factwire migrate"):
        read_table(processed, "entities")
    with pytest.raises(OldFormatError):
        write_batch(processed, _frames(["a5"]), articles={"a5": "1"})
    legacy_store.recover(processed)  # what the old readers would show, pending commit included
    expected = {t: _sorted(legacy_store.read_table(processed, t)) for t in TABLES}
    assert len(expected["entities"]) == 2 + 3 + 2 + 2
    _legacy_dataset(tmp_path / "again" / "processed")  # the same, with the commit still pending

    for data in (tmp_path / "data", tmp_path / "again"):
        result = _cli("migrate", "--data-dir", str(data))
        assert result.exit_code == 0 and "entities 9" in result.output
        got = {t: _sorted(read_table(data / "processed", t)) for t in TABLES}
        assert got == expected
        assert sorted(p.name for p in (data / "processed").iterdir()) == sorted([*TABLES, "_commits", ".lock"])
        assert [r["kind"] for r in history(data / "processed")] == ["migrate"]
        assert "nothing to migrate" in _cli("migrate", "--data-dir", str(data)).output
    write_batch(tmp_path / "data" / "processed", _frames(["a2"]), articles={"a2": "3"})
    ents = read_table(tmp_path / "data" / "processed", "entities")
    assert len(ents) == 2 + 2 + 2 + 2 and sorted(ents[ents.article_id == "a2"]["name"]) == [
        "Ada Lovelace 0", "Ada Lovelace 1"]


def test_a_migration_cut_short_is_finished_by_running_it_again(tmp_path, monkeypatch):
    from factwire import migrate, store

    processed = tmp_path / "processed"
    _legacy_dataset(processed)
    legacy_store.recover(processed)
    expected = {t: _sorted(legacy_store.read_table(processed, t)) for t in TABLES}

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed before the commit point")

    monkeypatch.setattr(store, "_append_record", crash)
    with pytest.raises(KeyboardInterrupt):
        migrate.migrate(processed)
    assert (processed / "_legacy").exists()
    monkeypatch.undo()
    assert migrate.migrate(processed)["entities"] == 9
    assert {t: _sorted(read_table(processed, t)) for t in TABLES} == expected
    assert not (processed / "_legacy").exists()

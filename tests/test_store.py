"""Delta Lake storage: whole batches, replaced articles, roll-back of an unpublished batch, history, compaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pandas as pd
import pyarrow as pa
import pytest
from deltalake import DeltaTable, write_deltalake

from factwire.query import connect
from factwire.store import (
    compact,
    history,
    latest,
    read_table,
    recover,
    snapshot,
    stored_versions,
    table_files,
    write_batch,
)
from factwire.validate import validate_rows
from schemas import SCHEMAS, TABLES, arrow_schema


def _frames(article_ids, n_entities=2, name="Ada Lovelace"):
    ents = [{"article_id": a, "entity_id": f"E{i}", "name": f"{name} {i}", "type": "PERSON", "aliases": [],
             "mention_count": 1} for a in article_ids for i in range(n_entities)]
    arts = [{"article_id": a, "source_uri": f"{a}.txt", "raw_path": f"raw/{a}.txt", "source_format": "text",
             "title": None, "published": None, "outlet": None, "url": None, "author": None, "language": "en",
             "clean_text": "Some text.", "word_count": 2, "extractor_version": "1",
             "ingested_at": datetime.now(UTC)} for a in article_ids]
    return {"entities": validate_rows("entities", ents)[0], "articles": validate_rows("articles", arts)[0]}


def _plain(processed, table):
    """A table as any Delta reader sees its latest version (no factwire code involved)."""
    return DeltaTable(str(processed / table)).to_pandas()


def test_write_and_read_back(tmp_path):
    result = write_batch(tmp_path, _frames(["a1", "a2"]), articles={"a1": "1", "a2": "1"})
    ents = read_table(tmp_path, "entities")
    assert sorted(ents["article_id"]) == ["a1", "a1", "a2", "a2"]
    assert list(ents.columns)[:3] == ["article_id", "entity_id", "name"]
    assert stored_versions(tmp_path) == {"a1": "1", "a2": "1"}
    assert result.seq == 1 and result.rows == {"entities": 4, "articles": 2}
    assert all((tmp_path / t / "_delta_log").is_dir() for t in TABLES)
    (rec,) = history(tmp_path)
    assert (rec["kind"], rec["articles_added"], rec["articles_replaced"], rec["rows"]) == (
        "batch", 2, 0, {"articles": 2, "entities": 4})


def test_same_batch_twice_leaves_the_same_rows(tmp_path):
    for _ in range(2):
        write_batch(tmp_path, _frames(["a1", "a2"]), articles={"a1": "1", "a2": "1"})
    assert len(read_table(tmp_path, "entities")) == 4
    assert len(_plain(tmp_path, "entities")) == 4
    assert len(_plain(tmp_path, "articles")) == 2
    assert [h["articles_replaced"] for h in history(tmp_path)] == [0, 2]


def test_rewriting_an_article_replaces_its_rows_in_every_table_in_one_commit(tmp_path):
    write_batch(tmp_path, _frames(["a1", "a2"]), articles={"a1": "1", "a2": "1"})
    before = DeltaTable(str(tmp_path / "entities")).version()
    write_batch(tmp_path, _frames(["a2"], n_entities=3, name="Grace Hopper"), articles={"a2": "2"})
    ents = read_table(tmp_path, "entities")
    assert sorted(ents[ents.article_id == "a2"]["name"]) == ["Grace Hopper 0", "Grace Hopper 1", "Grace Hopper 2"]
    assert len(ents[ents.article_id == "a1"]) == 2
    assert stored_versions(tmp_path)["a2"] == "1"  # the extractor_version column of its new row
    assert len(_plain(tmp_path, "entities")) == 5
    dt = DeltaTable(str(tmp_path / "entities"))
    assert dt.version() == before + 1  # removing the old rows and adding the new ones is one commit
    assert dt.history(1)[0]["operationParameters"]["mode"] == "Overwrite"


def test_article_whose_new_version_has_no_rows_loses_its_old_ones(tmp_path):
    write_batch(tmp_path, _frames(["a1"]), articles={"a1": "1"})
    frames = _frames(["a1"])
    frames["entities"] = frames["entities"].iloc[0:0]
    write_batch(tmp_path, frames, articles={"a1": "2"})
    assert len(read_table(tmp_path, "entities")) == 0


def test_quarantine_rows_without_article_are_replaced_by_source(tmp_path):
    row = {"table": "articles", "article_id": None, "source_uri": "it's bad.json", "reason": "invalid JSON",
           "record": "{}", "quarantined_at": datetime.now(UTC)}
    for _ in range(2):
        q, _ = validate_rows("quarantine", [row])
        write_batch(tmp_path, {"quarantine": q}, articles={})
    assert len(read_table(tmp_path, "quarantine")) == 1


def test_a_batch_without_its_commit_record_is_invisible_and_rolled_back_by_the_next_writer(tmp_path):
    write_batch(tmp_path, _frames(["a1"]), articles={"a1": "1"})
    # A writer killed after its child-table commits, before `articles` and the `_commits` record.
    crashed = _frames(["a2"])["entities"]
    write_deltalake(str(tmp_path / "entities"), pa.Table.from_pandas(
        crashed[arrow_schema(SCHEMAS["entities"]).names], schema=arrow_schema(SCHEMAS["entities"]),
        preserve_index=False), mode="append")
    assert len(_plain(tmp_path, "entities")) == 4  # an outside reader of the latest version sees it
    assert sorted(set(read_table(tmp_path, "entities")["article_id"])) == ["a1"]  # factwire's readers do not
    assert connect(processed=tmp_path).execute("SELECT count(*) FROM entities").fetchone()[0] == 2
    recover(tmp_path)
    assert len(_plain(tmp_path, "entities")) == 2
    write_batch(tmp_path, _frames(["a3"]), articles={"a3": "1"})
    assert sorted(set(_plain(tmp_path, "entities")["article_id"])) == ["a1", "a3"]


def test_readers_write_nothing(tmp_path):
    write_batch(tmp_path, _frames(["a1"]), articles={"a1": "1"})
    write_deltalake(str(tmp_path / "entities"), pa.Table.from_pandas(
        _frames(["a2"])["entities"][arrow_schema(SCHEMAS["entities"]).names],
        schema=arrow_schema(SCHEMAS["entities"]), preserve_index=False), mode="append")
    listing = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    connect(processed=tmp_path).execute("SELECT * FROM entities").fetchall()
    read_table(tmp_path, "entities")
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == listing


def test_empty_table_reads_with_its_columns(tmp_path):
    df = read_table(tmp_path, "quotes")
    assert isinstance(df, pd.DataFrame) and len(df) == 0 and "speaker" in df.columns
    assert connect(processed=tmp_path).execute("SELECT count(*) FROM quotes").fetchone()[0] == 0


def test_a_column_added_to_the_schema_later_is_merged_into_the_table(tmp_path):
    write_batch(tmp_path, _frames(["a1"]), articles={"a1": "1"})
    # A table created before "author" existed: rewrite it without the column.
    old = DeltaTable(str(tmp_path / "articles")).to_pyarrow_table().drop_columns(["author"])
    write_deltalake(str(tmp_path / "articles"), old, mode="overwrite", schema_mode="overwrite")
    recs = history(tmp_path)
    assert recs  # the rewrite above stands in for an old dataset; record it as the committed state
    from factwire import store

    store._append_record(tmp_path, latest(tmp_path), batch="old", kind="batch",
                         versions={**latest(tmp_path).versions,
                                   "articles": DeltaTable(str(tmp_path / "articles")).version()})
    write_batch(tmp_path, _frames(["a2"]), articles={"a2": "1"})
    arts = read_table(tmp_path, "articles")
    assert sorted(arts["article_id"]) == ["a1", "a2"] and arts["author"].isna().all()


def test_as_of_a_version_or_a_time_reads_the_dataset_as_it_was(tmp_path):
    write_batch(tmp_path, _frames(["a1"]), articles={"a1": "1"})
    between = datetime.now(UTC)
    write_batch(tmp_path, _frames(["a2"]), articles={"a2": "1"})
    write_batch(tmp_path, _frames(["a1"], n_entities=1), articles={"a1": "1"})

    def count(as_of):
        return connect(processed=tmp_path, as_of=as_of).execute("SELECT count(*) FROM entities").fetchone()[0]

    assert [count(1), count(2), count(3), count(None)] == [2, 4, 3, 3]
    assert count(between.isoformat()) == 2
    assert snapshot(tmp_path, "2").seq == 2
    with pytest.raises(ValueError, match="no dataset version 9"):
        snapshot(tmp_path, 9)
    with pytest.raises(ValueError, match="nothing was committed"):
        snapshot(tmp_path, (between - timedelta(days=1)).isoformat())


def test_compact_merges_files_keeps_rows_and_old_versions_within_retention(tmp_path):
    for n in range(5):
        write_batch(tmp_path, _frames([f"a{n}"]), articles={f"a{n}": "1"})
    rows = read_table(tmp_path, "entities").sort_values(["article_id", "entity_id"]).reset_index(drop=True)
    assert len(table_files(tmp_path, "entities")) == 5
    report = compact(tmp_path)
    assert report["entities"] == {"files_before": 5, "files_after": 1, "vacuumed": 0}
    assert len(table_files(tmp_path, "entities")) == 1
    after = read_table(tmp_path, "entities").sort_values(["article_id", "entity_id"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(after, rows)
    assert history(tmp_path)[-1]["kind"] == "compact"
    assert connect(processed=tmp_path, as_of=3).execute("SELECT count(*) FROM entities").fetchone()[0] == 6
    # A writer after compaction does not mistake the compaction for leftovers of a crash.
    write_batch(tmp_path, _frames(["a9"]), articles={"a9": "1"})
    assert len(read_table(tmp_path, "entities")) == 12
    report = compact(tmp_path, retention_hours=0)
    assert report["entities"]["vacuumed"] == 7  # the 5 first files, the first merge, a9's file
    assert len(list((tmp_path / "entities").glob("*.parquet"))) == 1
    assert len(read_table(tmp_path, "entities")) == 12


def test_scheduled_runs_compact_once_enough_batches_were_committed(tmp_path):
    from factwire.store import maybe_compact

    for n in range(3):
        write_batch(tmp_path, _frames([f"a{n}"]), articles={f"a{n}": "1"})
        assert maybe_compact(tmp_path, every=3) == (n == 2)
    assert len(table_files(tmp_path, "entities")) == 1
    write_batch(tmp_path, _frames(["a9"]), articles={"a9": "1"})
    assert not maybe_compact(tmp_path, every=3)  # one batch since the compaction


def test_tables_checkpoint_every_ten_commits_and_older_tables_get_the_property(tmp_path):
    for n in range(12):
        write_batch(tmp_path, _frames([f"a{n}"]), articles={f"a{n}": "1"})
    log = tmp_path / "entities" / "_delta_log"
    assert len(list(log.glob("*.checkpoint.parquet"))) == 1  # one within the first ten commits (not 100)
    assert DeltaTable(str(tmp_path / "entities")).metadata().configuration["delta.checkpointInterval"] == "10"
    # Tables made by an earlier factwire (delta-rs's default interval): the next writer sets the property,
    # leaves the rows alone, and the record stays the last commit of `_commits`.
    for table in (*TABLES, "_commits"):
        DeltaTable(str(tmp_path / table)).alter.set_table_properties({"delta.checkpointInterval": "100"})
    write_batch(tmp_path, _frames(["b1"]), articles={"b1": "1"})
    for table in (*TABLES, "_commits"):
        assert DeltaTable(str(tmp_path / table)).metadata().configuration["delta.checkpointInterval"] == "10"
    assert "factwire_commit" in DeltaTable(str(tmp_path / "_commits")).history(1)[0]
    assert latest(tmp_path).seq == 13
    assert sorted(set(_plain(tmp_path, "entities")["article_id"])) == sorted([f"a{n}" for n in range(12)] + ["b1"])
    assert len(read_table(tmp_path, "entities")) == 26


def test_an_unpublished_articles_row_is_not_taken_for_a_stored_article(tmp_path):
    write_batch(tmp_path, _frames(["a1"]), articles={"a1": "1"})
    # A writer killed after its `articles` commit, before the `_commits` record: the row is in the
    # table's latest version (and its file on disk), not in the dataset.
    schema = arrow_schema(SCHEMAS["articles"])
    write_deltalake(str(tmp_path / "articles"), pa.Table.from_pandas(
        _frames(["a2"])["articles"][schema.names], schema=schema, preserve_index=False), mode="append")
    result = write_batch(tmp_path, _frames(["a2"]), articles={"a2": "1"})
    assert result.replaced_articles == 0 and history(tmp_path)[-1]["articles_added"] == 1
    assert sorted(_plain(tmp_path, "articles")["article_id"]) == ["a1", "a2"]
    # Writing it again now replaces it: the check finds the published row.
    assert write_batch(tmp_path, _frames(["a2"]), articles={"a2": "1"}).replaced_articles == 1
    assert sorted(read_table(tmp_path, "articles")["article_id"]) == ["a1", "a2"]


def test_compaction_leaves_a_file_that_reached_the_target_size_alone(tmp_path):
    for n in range(4):
        write_batch(tmp_path, _frames([f"a{n}"], n_entities=2000), articles={f"a{n}": "1"})
    compact(tmp_path)
    (merged,) = table_files(tmp_path, "entities")
    size = (tmp_path / "entities" / merged.rsplit("/", 1)[-1]).stat().st_size
    for n in range(4, 7):
        write_batch(tmp_path, _frames([f"a{n}"], n_entities=2), articles={f"a{n}": "1"})
    report = compact(tmp_path, target_size=size)  # the merged file is as large as the target: not rewritten
    files = table_files(tmp_path, "entities")
    assert report["entities"]["files_before"] == 4 and len(files) == 2 and merged in files
    assert len(read_table(tmp_path, "entities")) == 4 * 2000 + 3 * 2
    compact(tmp_path)  # a target above both files' sizes: both are merged, the rows stay
    assert len(table_files(tmp_path, "entities")) == 1 and merged not in table_files(tmp_path, "entities")
    assert len(read_table(tmp_path, "entities")) == 4 * 2000 + 3 * 2


def test_batches_leave_expired_log_entries_to_compact(tmp_path):
    write_batch(tmp_path, _frames(["a0"]), articles={"a0": "1"})
    expire_now = {"delta.logRetentionDuration": "interval 0 hours"}
    DeltaTable(str(tmp_path / "entities")).alter.set_table_properties(expire_now)
    for n in range(1, 13):
        write_batch(tmp_path, _frames([f"a{n}"]), articles={f"a{n}": "1"})
    log = tmp_path / "entities" / "_delta_log"
    assert (log / f"{0:020d}.json").exists()  # expired and behind a checkpoint, yet no commit listed the log
    compact(tmp_path, retention_hours=24)  # the log keeps the versions of the retention period
    assert (log / f"{0:020d}.json").exists()
    compact(tmp_path, retention_hours=0)  # nothing kept: the log is cleaned up to the recorded state
    assert not (log / f"{0:020d}.json").exists()
    assert len(read_table(tmp_path, "entities")) == 26 and len(read_table(tmp_path, "articles")) == 13
    write_batch(tmp_path, _frames(["a13"]), articles={"a13": "1"})
    assert len(read_table(tmp_path, "entities")) == 28

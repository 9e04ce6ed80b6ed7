"""Atomic, idempotent Parquet storage: whole batches, replaced articles, recovery after a crash."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import duckdb
import pandas as pd

from factwire.store import read_manifest, read_table, recover, write_batch
from factwire.validate import validate_rows


def _frames(article_ids, n_entities=2, name="Ada Lovelace"):
    ents = [{"article_id": a, "entity_id": f"E{i}", "name": f"{name} {i}", "type": "PERSON", "aliases": [],
             "mention_count": 1} for a in article_ids for i in range(n_entities)]
    arts = [{"article_id": a, "source_uri": f"{a}.txt", "raw_path": f"raw/{a}.txt", "source_format": "text",
             "title": None, "published": None, "outlet": None, "url": None, "author": None, "language": "en",
             "clean_text": "Some text.", "word_count": 2, "extractor_version": "1",
             "ingested_at": datetime.now(UTC)} for a in article_ids]
    return {"entities": validate_rows("entities", ents)[0], "articles": validate_rows("articles", arts)[0]}


def _glob_count(processed, table):
    return duckdb.sql(f"SELECT count(*) FROM read_parquet('{processed}/{table}/*.parquet')").fetchall()[0][0]


def test_write_and_read_back(tmp_path):
    write_batch(tmp_path, _frames(["a1", "a2"]), articles={"a1": "1", "a2": "1"})
    ents = read_table(tmp_path, "entities")
    assert sorted(ents["article_id"]) == ["a1", "a1", "a2", "a2"]
    assert list(ents.columns)[:3] == ["article_id", "entity_id", "name"]
    assert read_manifest(tmp_path)["articles"] == {"a1": "1", "a2": "1"}
    assert not (tmp_path / "_staging").exists() and not list((tmp_path / "_txn").glob("*"))


def test_same_batch_twice_leaves_the_same_rows(tmp_path):
    for _ in range(2):
        write_batch(tmp_path, _frames(["a1", "a2"]), articles={"a1": "1", "a2": "1"})
    assert len(read_table(tmp_path, "entities")) == 4
    assert _glob_count(tmp_path, "entities") == 4
    assert _glob_count(tmp_path, "articles") == 2


def test_rewriting_an_article_replaces_its_rows_in_every_table(tmp_path):
    write_batch(tmp_path, _frames(["a1", "a2"]), articles={"a1": "1", "a2": "1"})
    write_batch(tmp_path, _frames(["a2"], n_entities=3, name="Grace Hopper"), articles={"a2": "2"})
    ents = read_table(tmp_path, "entities")
    assert sorted(ents[ents.article_id == "a2"]["name"]) == ["Grace Hopper 0", "Grace Hopper 1", "Grace Hopper 2"]
    assert len(ents[ents.article_id == "a1"]) == 2
    assert read_manifest(tmp_path)["articles"]["a2"] == "2"
    assert _glob_count(tmp_path, "entities") == 5  # replaced files are gone from the folder too


def test_article_whose_new_version_has_no_rows_loses_its_old_ones(tmp_path):
    write_batch(tmp_path, _frames(["a1"]), articles={"a1": "1"})
    frames = _frames(["a1"])
    frames["entities"] = frames["entities"].iloc[0:0]
    write_batch(tmp_path, frames, articles={"a1": "2"})
    assert len(read_table(tmp_path, "entities")) == 0


def test_quarantine_rows_without_article_are_replaced_by_source(tmp_path):
    row = {"table": "articles", "article_id": None, "source_uri": "bad.json", "reason": "invalid JSON",
           "record": "{}", "quarantined_at": datetime.now(UTC)}
    for _ in range(2):
        q, _ = validate_rows("quarantine", [row])
        write_batch(tmp_path, {"quarantine": q}, articles={})
    assert len(read_table(tmp_path, "quarantine")) == 1


def test_crash_before_commit_point_leaves_nothing(tmp_path):
    write_batch(tmp_path, _frames(["a1"]), articles={"a1": "1"})
    staged = tmp_path / "_staging" / "crashed" / "entities"
    staged.mkdir(parents=True)
    (staged / "part-crashed.parquet").write_bytes(b"half a file")
    stray = tmp_path / "entities" / "part-never-committed.parquet"
    stray.write_bytes(b"PAR1")
    recover(tmp_path)
    assert not (tmp_path / "_staging").exists() and not stray.exists()
    assert len(read_table(tmp_path, "entities")) == 2


def test_crash_after_commit_point_is_rolled_forward(tmp_path):
    write_batch(tmp_path, _frames(["a1"]), articles={"a1": "1"})
    # Replay a commit record whose files were staged but not yet moved into place.
    frames = _frames(["a2"])
    staging = tmp_path / "_staging" / "t1" / "entities"
    staging.mkdir(parents=True)
    frames["entities"].to_parquet(staging / "part-t1.parquet", index=False)
    manifest = read_manifest(tmp_path)
    manifest["tables"]["entities"]["part-t1.parquet"] = ["a2"]
    manifest["articles"]["a2"] = "1"
    record = {"txn": "t1", "adds": [["_staging/t1/entities/part-t1.parquet", "entities/part-t1.parquet"]],
              "removes": [], "manifest": manifest}
    (tmp_path / "_txn").mkdir(exist_ok=True)
    (tmp_path / "_txn" / "t1.json").write_text(json.dumps(record))
    recover(tmp_path)
    ents = read_table(tmp_path, "entities")
    assert sorted(set(ents["article_id"])) == ["a1", "a2"]
    assert not (tmp_path / "_txn" / "t1.json").exists()


def test_empty_table_reads_with_its_columns(tmp_path):
    df = read_table(tmp_path, "quotes")
    assert isinstance(df, pd.DataFrame) and len(df) == 0 and "speaker" in df.columns


def test_rewriting_a_file_from_before_a_schema_column_was_added(tmp_path):
    import pyarrow.parquet as pq

    write_batch(tmp_path, _frames(["a1", "a2"]), articles={"a1": "1", "a2": "1"})
    (name,) = read_manifest(tmp_path)["tables"]["articles"]
    path = tmp_path / "articles" / name
    pq.write_table(pq.read_table(path).drop_columns(["author"]), path)  # a file from before "author"
    write_batch(tmp_path, _frames(["a2"]), articles={"a2": "2"})
    arts = read_table(tmp_path, "articles")
    assert sorted(arts["article_id"]) == ["a1", "a2"] and arts["author"].isna().all()

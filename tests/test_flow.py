"""The Prefect flow end to end on real files: tables written, queryable, idempotent, bad input quarantined."""

from __future__ import annotations

import shutil

import pytest

from factwire.query import connect
from tests.conftest import TEST_DATA

pytestmark = pytest.mark.model


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "inbox"
    shutil.copytree(TEST_DATA, folder, ignore=shutil.ignore_patterns("bad"))
    bad = tmp_path / "bad"
    shutil.copytree(TEST_DATA / "bad", bad)
    return folder, bad


def _counts(data_dir):
    con = connect(data_dir)
    tables = ["articles", "citations", "entities", "mentions", "quarantine"]
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_flow_writes_tables_and_reruns_without_duplicates(prefect_harness, inputs, tmp_path, nlp):
    from flows.pipeline import ingest_flow

    folder, bad = inputs
    data_dir = tmp_path / "data"
    summary = ingest_flow(inputs=[str(folder), str(bad)], data_dir=str(data_dir))
    # harbor-deal.txt, 2 JSON stories, 2 JSONL briefs, the HTML page, 2 feed entries
    assert summary["articles"] == 8
    assert summary["quarantined"] == 3  # empty.txt, random-bytes.txt, broken.json
    assert any(p.endswith("notes.docx") for p in summary["skipped_files"])
    first = _counts(data_dir)
    assert first["articles"] == 8 and first["quarantine"] == 3
    assert first["citations"] == 1 and first["entities"] > 10

    con = connect(data_dir)
    reasons = dict(con.execute("SELECT regexp_extract(source_uri, '[^/]+$'), reason FROM quarantine").fetchall())
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["random-bytes.txt"]
    offsets_ok = con.execute(
        "SELECT bool_and(substr(a.clean_text, m.start + 1, m.\"end\" - m.start) = m.text) "
        "FROM mentions m JOIN articles a USING (article_id)").fetchone()[0]
    assert offsets_ok
    harbor = con.execute("SELECT title, published, outlet, source_format FROM articles "
                         "WHERE source_uri LIKE '%harbor-deal.txt'").fetchone()
    assert harbor[0].startswith("Port authority") and str(harbor[1]) == "2025-03-14" and harbor[3] == "text"

    again = ingest_flow(inputs=[str(folder), str(bad)], data_dir=str(data_dir))
    assert again["articles"] == 0 and again["skipped_unchanged"] == 8
    assert _counts(data_dir) == first

    forced = ingest_flow(inputs=[str(folder)], data_dir=str(data_dir), force=True)
    assert forced["articles"] == 8
    assert _counts(data_dir) == first
    assert (data_dir / "raw").exists() and any((data_dir / "raw").rglob("harbor-deal.txt"))

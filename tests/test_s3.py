"""The dataset in object storage: s3:// data folders against a real S3 API server (moto) on 127.0.0.1."""

from __future__ import annotations

import json
import multiprocessing
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factwire.store import history, read_table, snapshot, stored_versions, write_batch
from tests.test_store import _frames

BUCKET = "factwire-test"


@pytest.fixture
def s3(monkeypatch):
    """A moto S3 server on a free 127.0.0.1 port, the AWS_* variables pointing at it, and an empty bucket.

    The server runs in a process of its own: in a thread of this one, it would wait for the GIL while
    delta-rs, holding it, waits for the server's answer.
    """
    import boto3

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for name, value in {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}", "AWS_ACCESS_KEY_ID": "testing",
                        "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1"}.items():
        monkeypatch.setenv(name, value)
    try:
        deadline = time.time() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise RuntimeError("the moto S3 server did not start") from None
                time.sleep(0.2)
        client = boto3.client("s3")
        client.create_bucket(Bucket=BUCKET)
        yield client
    finally:
        server.terminate()
        server.wait(10)


def _keys(client, prefix: str) -> list[str]:
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix)
    return [o["Key"] for page in pages for o in page.get("Contents", [])]


def test_batches_replacement_history_as_of_and_compact_in_s3(s3):
    from factwire.query import connect

    where = f"s3://{BUCKET}/news/processed"
    write_batch(where, _frames(["a1", "a2"]), articles={"a1": "1", "a2": "1"})
    write_batch(where, _frames(["a2"], n_entities=3, name="Grace"), articles={"a2": "1"})
    assert any(k.startswith("news/processed/entities/_delta_log/") for k in _keys(s3, "news/"))
    ents = read_table(where, "entities")
    assert sorted(ents["name"]) == ["Ada Lovelace 0", "Ada Lovelace 1", "Grace 0", "Grace 1", "Grace 2"]
    assert stored_versions(where) == {"a1": "1", "a2": "1"}
    con = connect(processed=where)
    assert con.execute("SELECT count(*) FROM entities JOIN articles USING (article_id)").fetchone()[0] == 5
    assert connect(processed=where, as_of=1).execute("SELECT count(*) FROM entities").fetchone()[0] == 4
    assert [h["articles_replaced"] for h in history(where)] == [0, 1]
    from factwire.store import compact

    compact(where, retention_hours=0)
    assert sorted(read_table(where, "entities")["name"]) == sorted(ents["name"])
    assert snapshot(where).kind == "compact"
    assert not any(k.startswith("news/processed/_lock") for k in _keys(s3, "news/"))  # the lease is released


def test_a_dead_writers_lease_is_taken_over_after_it_expires(s3):
    s3.put_object(Bucket=BUCKET, Key="d/processed/_lock",
                  Body=json.dumps({"owner": "dead", "expires": time.time() - 1}).encode())
    write_batch(f"s3://{BUCKET}/d/processed", _frames(["a1"]), articles={"a1": "1"})
    assert len(read_table(f"s3://{BUCKET}/d/processed", "entities")) == 2


def _writer(where: str, ids: list[str], ready, go) -> None:
    ready.set()
    go.wait(60)
    for aid in ids:
        write_batch(where, _frames([aid]), articles={aid: "1"})


def test_two_writers_at_once_in_s3_lose_nothing_and_duplicate_nothing(s3):
    where = f"s3://{BUCKET}/shared/processed"
    ctx = multiprocessing.get_context("spawn")  # the children inherit the AWS_* variables
    go = ctx.Event()
    a_ready, b_ready = ctx.Event(), ctx.Event()
    ids = [f"a{n}" for n in range(6)]
    a = ctx.Process(target=_writer, args=(where, ids[:4], a_ready, go))
    b = ctx.Process(target=_writer, args=(where, list(reversed(ids[2:])), b_ready, go))  # overlap: a2, a3
    a.start()
    b.start()
    assert a_ready.wait(120) and b_ready.wait(120)
    go.set()
    a.join(180)
    b.join(180)
    assert a.exitcode == 0 and b.exitcode == 0
    ents = read_table(where, "entities")
    assert sorted(ents["article_id"]) == sorted(ids * 2)  # two entities per article, none twice
    assert len(read_table(where, "articles")) == 6
    recs = history(where)
    assert [r["seq"] for r in recs] == list(range(1, 9))
    assert sum(r["articles_replaced"] for r in recs) == 2


@pytest.mark.model
def test_the_pipeline_the_cli_and_the_service_on_an_s3_data_dir(nlp, s3, tmp_path, monkeypatch):
    from factwire import pipeline
    from factwire.cli import app
    from factwire.ingest import discover
    from factwire.serve.views import ReadOnlyViews
    from factwire.settings import get_settings
    from tests.serve_support import SERVE_DATA

    monkeypatch.setenv("FACTWIRE_RAW_DIR", str(tmp_path / "raw"))
    monkeypatch.setenv("FACTWIRE_SIGNATURES_DIR", str(tmp_path / "signatures"))
    data_dir = f"s3://{BUCKET}/pipeline"
    settings = get_settings(data_dir)
    assert settings.raw_dir == tmp_path / "raw" and settings.signatures_dir == tmp_path / "signatures"
    for _ in range(2):  # the second run skips what is stored
        ingested = pipeline.ingest(discover([str(SERVE_DATA / "harbor-bridge.txt")])[0], settings)
        pipeline.store(pipeline.process(ingested.articles, settings, failures=ingested.failures), settings)
    assert len(history(settings.processed_dir)) == 2 and ingested.skipped == 1
    # the copy-detection store is a local SQLite file: never a folder named "s3:" beside the code
    assert (tmp_path / "signatures" / "signatures.sqlite").exists() and not Path("s3:").exists()

    from typer.testing import CliRunner

    out = CliRunner().invoke(app, ["query", "SELECT count(*) AS n FROM articles", "-f", "csv",
                                   "--data-dir", data_dir], catch_exceptions=False)
    assert out.output == "n\n1\n"
    cur = ReadOnlyViews(settings.processed_dir).cursor()  # the service's locked-down connection
    assert cur.execute("SELECT count(*) FROM mentions").fetchone()[0] > 0
    with pytest.raises(Exception, match="disabled"):
        cur.execute(f"SELECT * FROM read_text('{tmp_path}/raw/*')").fetchall()


def test_a_schedule_for_an_s3_data_dir_is_kept_locally_and_names_the_bucket(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from factwire.cli import app
    from flows.deploy import load_schedules

    monkeypatch.setenv("FACTWIRE_SCHEDULES_DIR", str(tmp_path))
    feed = "https://example.org/feed.xml"
    out = CliRunner().invoke(app, ["schedule", "hourly", feed, "--every", "1h", "--data-dir", f"s3://{BUCKET}/news"],
                             catch_exceptions=False)
    assert out.exit_code == 0, out.output
    (saved,) = load_schedules(f"s3://{BUCKET}/news")
    assert saved.data_dir == f"s3://{BUCKET}/news" and (tmp_path / "schedules.json").exists()
    assert saved.parameters["data_dir"] == f"s3://{BUCKET}/news" and saved.parameters["compact_every"] == 24

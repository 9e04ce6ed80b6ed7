"""What the service must refuse: writes, other files, unbounded queries, path traversal, stack traces."""

from __future__ import annotations

import http.client
import json
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse

import httpx
import pandas as pd
import pytest

from factwire.query import check_select, connect_readonly
from tests.serve_support import build_dataset, live_app


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, nlp):
    """A dataset of two test articles, with a secret Parquet file and a text file beside it."""
    data = build_dataset(tmp_path_factory.mktemp("secure") / "data")
    pd.DataFrame({"secret": ["s3cr3t"]}).to_parquet(data / "secret.parquet")
    (data / "processed" / "notes.txt").write_text("private notes")
    return data


@pytest.fixture(scope="module")
def base(data_dir):
    with live_app(data_dir, query_timeout=1.0) as url:
        yield url


def refused(resp: httpx.Response, status: int = 400) -> str:
    """Assert a clear JSON error without a stack trace; return its message."""
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert body["status"] == status and body["error"]
    assert "Traceback" not in resp.text and 'File "' not in resp.text
    return body["error"]


@pytest.mark.parametrize("sql", [
    "COPY (SELECT * FROM articles) TO '{tmp}/stolen.csv'",
    "COPY articles TO '{tmp}/stolen.parquet' (FORMAT parquet)",
    "ATTACH '{tmp}/new.duckdb' AS other",
    "EXPORT DATABASE '{tmp}/export'",
    "CREATE TABLE junk AS SELECT 1 AS x",
    "DROP VIEW articles",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "SELECT 1; COPY articles TO '{tmp}/two.csv'",
    "PRAGMA database_list",
])
def test_query_cannot_write_attach_or_reconfigure(base, tmp_path, sql):
    message = refused(httpx.post(f"{base}/api/query", json={"sql": sql.format(tmp=tmp_path)}))
    assert "read-only" in message or "one statement" in message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM read_parquet('{data}/secret.parquet')",
    "SELECT * FROM read_text('{data}/processed/notes.txt')",
    "SELECT * FROM glob('{data}/**')",
    "SELECT * FROM read_parquet('{data}/processed/*/*.parquet')",
])
def test_query_cannot_read_files_outside_the_tables(base, data_dir, sql):
    resp = httpx.post(f"{base}/api/query", json={"sql": sql.format(data=data_dir)})
    message = refused(resp)
    assert "disabled by configuration" in message
    assert "s3cr3t" not in resp.text and "root:" not in resp.text and "private notes" not in resp.text


def test_views_still_work_on_a_locked_connection(data_dir):
    con = connect_readonly(data_dir)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        with pytest.raises(Exception, match="locked"):
            con.execute("SET enable_external_access = true")
        assert check_select(con, "WITH a AS (SELECT 1) SELECT * FROM a").startswith("WITH")
        with pytest.raises(ValueError, match="read-only"):
            check_select(con, "INSERT INTO x VALUES (1)")
    finally:
        con.close()


def test_query_time_limit_stops_a_runaway_query(base):
    started = time.monotonic()
    slow = "SELECT sum(a.range * b.range) FROM range(200000000) a, range(100000) b"
    message = refused(httpx.post(f"{base}/api/query", json={"sql": slow}, timeout=30), 408)
    assert "time limit" in message
    assert time.monotonic() - started < 10
    ok = httpx.post(f"{base}/api/query", json={"sql": "SELECT count(*) FROM articles"}).json()
    assert ok["rows"] == [[2]]  # the service carries on


def test_queries_beyond_the_concurrency_cap_are_turned_away(data_dir):
    slow = "SELECT sum(a.range * b.range) FROM range(200000000) a, range(100000) b"
    with live_app(data_dir, query_timeout=3.0, max_queries=1) as url:
        with ThreadPoolExecutor(1) as pool:
            first = pool.submit(httpx.post, f"{url}/api/query", json={"sql": slow}, timeout=30)
            time.sleep(0.5)
            message = refused(httpx.post(f"{url}/api/query", json={"sql": "SELECT 1"}, timeout=30), 503)
            assert "try again" in message
            refused(first.result(), 408)
        assert httpx.post(f"{url}/api/query", json={"sql": "SELECT 1"}).json()["rows"] == [[1]]


def test_bad_sql_is_a_clear_error(base):
    assert "syntax error" in refused(httpx.post(f"{base}/api/query", json={"sql": "SELEKT 1"})).lower()
    assert "does not exist" in refused(httpx.post(f"{base}/api/query", json={"sql": "SELECT * FROM nope"}))
    assert "sql" in refused(httpx.post(f"{base}/api/query", json={"query": "SELECT 1"}), 422)


def raw_get(base: str, path: str) -> tuple[int, str]:
    """GET a path byte for byte (no client-side normalisation of '..')."""
    url = urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


@pytest.mark.parametrize("path", [
    "/download/..%2F..%2F..%2Fetc%2Fpasswd.csv",
    "/download/%2e%2e%2fsecret.parquet",
    "/download/../../etc/passwd.csv",
    "/download/..%2Fsecret.parquet",
    "/download/notes.txt",
    "/download/_manifest.json",
    "/download/articles.sh",
    "/download?table=../secret&format=parquet",
    "/download?table=articles&format=../../etc/passwd",
    "/static/../../../../etc/passwd",
    "/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/api/tables/..%2Fsecret",
])
def test_downloads_cannot_escape_the_tables(base, path):
    status, body = raw_get(base, path)
    assert status in {400, 404}
    assert "root:" not in body and "s3cr3t" not in body and "private notes" not in body
    assert "Traceback" not in body


def test_errors_are_json_without_stack_traces(base, tmp_path):
    refused(httpx.get(f"{base}/articles/no-such-article"), 404)
    refused(httpx.get(f"{base}/api/articles/no-such-article"), 404)
    assert "published_from" in refused(httpx.get(f"{base}/download/articles.csv",
                                                 params={"published_from": "yesterday"}), 422)
    refused(httpx.get(f"{base}/api/tables/mentions", params={"limit": -1}), 422)
    refused(httpx.get(f"{base}/no/such/page"), 404)


def test_a_broken_dataset_gives_a_json_500_not_a_trace(data_dir, tmp_path):
    broken = tmp_path / "data"
    shutil.copytree(data_dir / "processed", broken / "processed")
    for f in (broken / "processed" / "entities").glob("*.parquet"):  # the Delta table's data files
        f.write_bytes(b"not parquet at all")
    with live_app(broken) as url:
        message = refused(httpx.get(f"{url}/api/tables"), 500)
        assert "internal error" in message
        assert refused(httpx.get(f"{url}/download/entities.csv"), 500)


def test_article_markup_is_escaped_and_script_links_dropped(tmp_path, nlp):
    from factwire import pipeline
    from factwire.ingest import discover
    from factwire.settings import get_settings

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "hostile.json").write_text(json.dumps({
        "title": "<script>alert('title')</script> Council meets",
        "url": "javascript:alert('url')",
        "outlet": "<img src=x onerror=alert(1)>",
        "text": "The council met on Monday. <script>alert('body')</script> Members of the council voted "
                "to delay the budget by a week, said the clerk, Rosa Hale.",
    }))
    settings = get_settings(tmp_path / "data")
    ingested = pipeline.ingest(discover([str(inbox)])[0], settings)
    pipeline.store(pipeline.process(ingested.articles, settings, failures=ingested.failures), settings)
    with live_app(settings.data_dir) as url:
        (found,) = httpx.get(f"{url}/api/articles").json()["articles"]
        for page in (httpx.get(f"{url}/articles/{found['article_id']}").text, httpx.get(f"{url}/").text):
            assert "<script>alert" not in page and "<img src=x" not in page
            assert "javascript:" not in page
        assert "&lt;script&gt;" in httpx.get(f"{url}/articles/{found['article_id']}").text

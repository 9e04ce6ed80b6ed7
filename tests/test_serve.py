"""The HTTP service against a real uvicorn server on 127.0.0.1, over a dataset made by the real pipeline."""

from __future__ import annotations

import io
import json
import re
from html import unescape

import duckdb
import httpx
import pandas as pd
import pyarrow.parquet as pq
import pytest

from factwire.query import connect
from factwire.serve.article import Span, segments
from schemas import SCHEMAS, TABLES, arrow_schema
from tests.serve_support import ARTICLES, build_dataset, live_app


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, nlp):
    """A dataset of two test articles."""
    return build_dataset(tmp_path_factory.mktemp("serve") / "data")


@pytest.fixture(scope="module")
def base(data_dir):
    """The service's base URL."""
    with live_app(data_dir, max_rows=5) as url:
        yield url


@pytest.fixture(scope="module")
def db(data_dir):
    """A direct DuckDB connection, to compare the service's answers with."""
    con = connect(data_dir)
    yield con
    con.close()


def counts(db: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}


def test_health(base, db):
    body = httpx.get(f"{base}/health").json()
    assert body["status"] == "ok"
    assert body["articles"] == counts(db)["articles"] == 2


def test_page_lists_tables_with_counts_and_schema_descriptions(base, db):
    html = httpx.get(f"{base}/").text
    for table, n in counts(db).items():
        assert f'id="table-{table}"' in html
        assert f'data-rows="{n}"' in html.split(f'id="table-{table}"')[1].split("</tr>")[0]
    assert SCHEMAS["mentions"].to_schema().columns["kind"].description in html
    assert "Latest articles" in html and "Port Elmsworth approves" in html


def test_api_tables_match_the_schemas(base, db):
    tables = {t["name"]: t for t in httpx.get(f"{base}/api/tables").json()}
    assert list(tables) == list(TABLES)
    for name, n in counts(db).items():
        assert tables[name]["rows"] == n
        assert [c["name"] for c in tables[name]["columns"]] == arrow_schema(SCHEMAS[name]).names
        assert all(c["description"] for c in tables[name]["columns"])
    assert tables["entities"]["last_update"] is not None


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_download_whole_table_is_streamed_and_complete(base, db, fmt):
    with httpx.stream("GET", f"{base}/download/entities.{fmt}") as resp:
        assert resp.status_code == 200
        assert resp.headers.get("transfer-encoding") == "chunked"  # streamed, no length known up front
        assert 'filename="entities.' in resp.headers["content-disposition"]
        body = resp.read()
    expected = db.execute("SELECT * FROM entities ORDER BY article_id, entity_id").fetch_df()
    if fmt == "csv":
        got = pd.read_csv(io.BytesIO(body), keep_default_na=False)
        got["aliases"] = got["aliases"].map(json.loads)  # lists travel as JSON arrays
    elif fmt == "jsonl":
        got = pd.DataFrame([json.loads(line) for line in body.decode().splitlines()])
    else:
        got = pq.read_table(io.BytesIO(body)).to_pandas()
    got = got.sort_values(["article_id", "entity_id"]).reset_index(drop=True)
    assert list(got.columns) == list(expected.columns)
    assert got["name"].tolist() == expected["name"].tolist()
    assert [list(a) for a in got["aliases"]] == [list(a) for a in expected["aliases"]]


def test_download_filters(base, db):
    ids = [r[0] for r in db.execute("SELECT article_id FROM articles ORDER BY published").fetchall()]
    one = pd.read_csv(io.StringIO(httpx.get(f"{base}/download/mentions.csv", params={"article_id": ids[0]}).text))
    assert set(one["article_id"]) == {ids[0]}
    assert len(one) == db.execute("SELECT count(*) FROM mentions WHERE article_id = ?", [ids[0]]).fetchone()[0]
    by_outlet = httpx.get(f"{base}/download/articles.jsonl", params={"outlet": "Elmsworth Ledger"}).text
    assert [json.loads(x)["outlet"] for x in by_outlet.splitlines()] == ["Elmsworth Ledger"]
    ranged = httpx.get(f"{base}/download/entities.parquet",
                       params={"published_from": "2026-10-01", "published_to": "2026-10-31"}).content
    expected = db.execute("SELECT count(*) FROM entities WHERE article_id IN "
                          "(SELECT article_id FROM articles WHERE published BETWEEN '2026-10-01' AND '2026-10-31')"
                          ).fetchone()[0]
    assert pq.read_table(io.BytesIO(ranged)).num_rows == expected > 0
    none = httpx.get(f"{base}/download/entities.csv", params={"outlet": "No Such Paper"}).text
    assert none.strip() == ",".join(f'"{c}"' for c in arrow_schema(SCHEMAS["entities"]).names)
    empty = httpx.get(f"{base}/download/entities.jsonl", params={"outlet": "No Such Paper"})
    assert empty.status_code == 200 and empty.content == b""
    empty_parquet = httpx.get(f"{base}/download/entities.parquet", params={"outlet": "No Such Paper"}).content
    assert pq.read_table(io.BytesIO(empty_parquet)).schema.names == arrow_schema(SCHEMAS["entities"]).names
    form = httpx.get(f"{base}/download", params={"table": "articles", "format": "csv", "article_id": ids[1]})
    assert form.status_code == 200 and ids[1] in form.text and ids[0] not in form.text


def test_datapackage_describes_every_table_and_its_resources_download(base):
    package = httpx.get(f"{base}/datapackage.json").json()
    assert package["profile"] == "tabular-data-package"
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == list(TABLES)
    quotes = resources["quotes"]
    assert [f["name"] for f in quotes["schema"]["fields"]] == arrow_schema(SCHEMAS["quotes"]).names
    types = {f["name"]: f["type"] for f in resources["articles"]["schema"]["fields"]}
    assert types["published"] == "date" and types["word_count"] == "integer" and types["ingested_at"] == "datetime"
    header = httpx.get(resources["entities"]["path"]).text.splitlines()[0]
    assert header.replace('"', "").split(",") == [f["name"] for f in resources["entities"]["schema"]["fields"]]


def highlighted_text(html: str) -> tuple[str, list[set[str]]]:
    """The article text of a page and, per character, the highlight kinds covering it."""
    body = html.split('<article id="article-text">')[1].split("</article>")[0]
    text, kinds = "", []
    for m in re.finditer(r'<span class="hl ([^"]*)" title="[^"]*">([^<]*)</span>|([^<]+)', body):
        piece = unescape(m.group(2) if m.group(1) else m.group(3))
        text += piece
        kinds += [set(m.group(1).split()) if m.group(1) else set()] * len(piece)
    return text, kinds


def test_article_page_highlights_records_in_the_text(base, db):
    article_id, text = db.execute("SELECT article_id, clean_text FROM articles ORDER BY article_id LIMIT 1").fetchone()
    html = httpx.get(f"{base}/articles/{article_id}").text
    shown, kinds = highlighted_text(html)
    assert shown == text  # the whole clean text, unchanged
    spans = {kind: db.execute(f"SELECT start, \"end\" FROM {table} WHERE article_id = ?", [article_id]).fetchall()
             for kind, table in [("entity", "mentions"), ("quote", "quotes"), ("quantity", "quantities"),
                                 ("date", "dates")]}
    assert spans["entity"]
    for kind, rows in spans.items():
        for start, end in rows:
            assert all(kind in k for k in kinds[start:end]), (kind, text[start:end])
    assert 'id="records"' in html and "entities <span class=\"count\">" in html
    api = httpx.get(f"{base}/api/articles/{article_id}").json()
    assert api["article"]["clean_text"] == text
    assert set(api["records"]) == set(TABLES) - {"articles", "quarantine"}
    assert len(api["records"]["mentions"]) == len(spans["entity"])


def test_segments_cover_the_text_and_nest_overlapping_spans():
    text = 'Mayor Ann Lee said "we spent $5 million in 2024" today.'
    quote = text.index("we spent")
    spans = [Span(6, 13, "entity", "Ann Lee"), Span(quote, quote + 27, "quote", "quote by Ann Lee"),
             Span(text.index("$5"), text.index("$5") + 10, "quantity", "money: 5e+06 USD"),
             Span(text.index("2024"), text.index("2024") + 4, "date", "date: 2024"), Span(50, 999, "date", "bad")]
    pieces = segments(text, spans)
    assert "".join(p["text"] for p in pieces) == text
    kinds = {p["text"]: p["kinds"] for p in pieces}
    assert kinds["Ann Lee"] == ["entity"]
    assert kinds["$5 million"] == ["quote", "quantity"]  # inside the quote, it keeps both highlights
    assert kinds["2024"] == ["quote", "date"]
    assert kinds["Mayor "] == []


def test_find_an_article_by_title_words(base):
    found = httpx.get(f"{base}/api/articles", params={"q": "libraries"}).json()["articles"]
    assert [a["title"] for a in found] == ["State grant keeps rural libraries open"]
    page = httpx.get(f"{base}/articles", params={"q": "harbor"}).text
    assert "Port Elmsworth approves" in page and "rural libraries" not in page


def test_api_table_rows_are_capped_and_filterable(base, db):
    body = httpx.get(f"{base}/api/tables/mentions", params={"limit": 100}).json()
    assert body["limit"] == 5 and len(body["rows"]) == 5  # the service's row cap wins
    assert body["total"] == counts(db)["mentions"]
    one = httpx.get(f"{base}/api/tables/articles", params={"outlet": "Valley Courier"}).json()
    assert one["total"] == 1 and one["rows"][0]["published"] == "2026-09-18"


def test_query_runs_read_only_sql_with_a_row_cap(base, db):
    ok = httpx.post(f"{base}/api/query", json={"sql": "SELECT name, type FROM entities ORDER BY name"}).json()
    assert ok["columns"] == ["name", "type"]
    assert ok["rows"] == [list(r) for r in db.execute("SELECT name, type FROM entities ORDER BY name LIMIT 5")
                          .fetchall()]
    assert ok["truncated"] is (counts(db)["entities"] > 5)
    small = httpx.get(f"{base}/api/query", params={"sql": "SELECT * FROM range(10)", "limit": 3}).json()
    assert small["rows"] == [[0], [1], [2]] and small["truncated"] is True
    for bad in (0, -2):
        refused = httpx.get(f"{base}/api/query", params={"sql": "SELECT 1", "limit": bad})
        assert refused.status_code == 422 and refused.headers["content-type"].startswith("application/json")
        assert httpx.post(f"{base}/api/query", json={"sql": "SELECT 1", "limit": bad}).status_code == 422
    dated = httpx.post(f"{base}/api/query", json={"sql": "SELECT published FROM articles ORDER BY 1"}).json()
    assert dated["rows"] == [["2026-09-18"], ["2026-10-06"]]


def test_service_sees_each_new_batch_without_restart(tmp_path, nlp):
    data_dir = build_dataset(tmp_path / "data", ARTICLES[:1])
    with live_app(data_dir) as url:
        assert httpx.get(f"{url}/health").json()["articles"] == 1
        assert httpx.get(f"{url}/health").json()["articles"] == 1  # the cached views answer again
        build_dataset(data_dir, ARTICLES[1:])  # a scheduled run commits a batch meanwhile
        assert httpx.get(f"{url}/health").json()["articles"] == 2
        ids = httpx.post(f"{url}/api/query", json={"sql": "SELECT count(DISTINCT article_id) FROM mentions"}).json()
        assert ids["rows"] == [[2]]

"""A service with a lock: the token on every route, per-client query limits, security headers, quiet errors."""

from __future__ import annotations

import re
import threading

import httpx
import pytest
from fastapi.routing import APIRoute
from typer.testing import CliRunner

from factwire.serve import create_app
from factwire.serve.security import COOKIE, load_token
from tests.serve_support import build_dataset, live_app

TOKEN = "test-token-5f0c9e1d2b7a4c8e"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, nlp):
    return build_dataset(tmp_path_factory.mktemp("lock") / "data")


@pytest.fixture(scope="module")
def locked(data_dir):
    with live_app(data_dir, token=TOKEN) as url:
        yield url


def _every_route(data_dir) -> list[tuple[str, str]]:
    """(method, path) of every route the app has, path parameters filled with a sample value."""
    app = create_app(data_dir, token=TOKEN)
    samples = {"table": "entities", "fmt": "csv", "article_id": "0000000000000000"}
    routes = []
    for route in app.routes:
        if isinstance(route, APIRoute):
            path = re.sub(r"\{(\w+)(:\w+)?\}", lambda m: samples.get(m[1], "x"), route.path)
            routes += [(method, path) for method in sorted(route.methods)]
    return routes


def test_the_token_guards_every_route(locked, data_dir):
    routes = _every_route(data_dir)
    assert {p for _, p in routes} >= {"/", "/articles", "/download/entities.csv", "/api/query", "/health",
                                      "/datapackage.json", "/api/tables", "/api/articles/0000000000000000"}
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    for method, path in routes + [("GET", "/api/openapi.json")]:
        body = {"json": {"sql": "SELECT 1"}} if method == "POST" else {}
        for headers in ({}, {"Authorization": "Bearer wrong-token-wrong-token"}, {"Cookie": f"{COOKIE}=forged"}):
            resp = httpx.request(method, f"{locked}{path}", headers=headers, **body)
            assert resp.status_code == 401, (method, path, headers)
            assert resp.json()["error"].startswith("this service needs its access token")
            assert resp.headers["www-authenticate"] == 'Bearer realm="factwire"'
            assert "Yvette" not in resp.text and "Dana" not in resp.text
        resp = httpx.request(method, f"{locked}{path}", headers=bearer, **body)
        assert resp.status_code in (200, 404, 422), (method, path, resp.text)  # the route answers for itself
    assert httpx.get(f"{locked}/static/style.css").status_code == 200  # the login page's stylesheet
    page = httpx.get(f"{locked}/articles", headers={"Accept": "text/html"})
    assert page.status_code == 401 and 'id="login-form"' in page.text and 'value="/articles"' in page.text


def test_a_browser_signs_in_once_and_carries_a_strict_cookie(locked):
    wrong = httpx.post(f"{locked}/login", data={"token": "nope", "next": "/articles"})
    assert wrong.status_code == 401 and "not the access token" in wrong.text and "set-cookie" not in wrong.headers
    right = httpx.post(f"{locked}/login", data={"token": TOKEN, "next": "/articles"})
    assert right.status_code == 303 and right.headers["location"] == "/articles"
    cookie = right.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and TOKEN not in cookie
    session = cookie.split(";")[0]
    assert httpx.get(f"{locked}/articles", headers={"Cookie": session}).status_code == 200
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):  # no open redirect
        assert httpx.post(f"{locked}/login", data={"token": TOKEN, "next": target}).headers["location"] == "/"
    assert "Max-Age=0" in httpx.get(f"{locked}/logout").headers["set-cookie"]


def test_wrong_tokens_are_limited_per_client(data_dir):
    with live_app(data_dir, token=TOKEN) as url:
        codes = [httpx.post(f"{url}/login", data={"token": f"guess-{n}"}).status_code for n in range(11)]
        assert codes == [401] * 10 + [429]
        # Even the right token waits out the minute: the limit is on attempts, not on wrong ones only.
        assert httpx.post(f"{url}/login", data={"token": TOKEN}).status_code == 429


def test_queries_are_limited_per_client_per_minute_with_429(data_dir):
    with live_app(data_dir, queries_per_minute=3) as url:
        codes = [httpx.post(f"{url}/api/query", json={"sql": "SELECT 1"}) for _ in range(4)]
        assert [r.status_code for r in codes] == [200, 200, 200, 429]
        assert "3 queries a minute" in codes[-1].json()["error"] and int(codes[-1].headers["retry-after"]) >= 1
        assert httpx.get(f"{url}/api/tables").status_code == 200  # only queries are counted


def test_queries_are_limited_per_client_at_once_with_429(data_dir):
    slow = "SELECT count(*) FROM range(100000000000) a"  # runs until the 2 s limit stops it
    with live_app(data_dir, queries_per_client=1, query_timeout=2.0) as url:
        done = threading.Event()
        seen: list[httpx.Response] = []

        def quick_ones() -> None:  # the same client, asking again and again while the slow one runs
            while not done.is_set():
                seen.append(httpx.post(f"{url}/api/query", json={"sql": "SELECT 1"}, timeout=30))

        helper = threading.Thread(target=quick_ones)
        helper.start()
        try:
            while (first := httpx.post(f"{url}/api/query", json={"sql": slow}, timeout=30)).status_code == 429:
                pass  # a quick one held the slot at that moment
        finally:
            done.set()
            helper.join()
        assert first.status_code == 408
        refused = [r for r in seen if r.status_code == 429]
        assert refused and "1 queries at a time" in refused[0].json()["error"]
        assert httpx.post(f"{url}/api/query", json={"sql": "SELECT 1"}).status_code == 200  # the slot came back


def _security_headers(resp: httpx.Response) -> None:
    csp = resp.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert resp.headers["x-content-type-options"] == "nosniff" and resp.headers["x-frame-options"] == "DENY"


def test_security_headers_on_every_response_and_no_inline_script(locked, data_dir):
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    for path in ("/", "/articles", "/api/tables", "/download/entities.csv", "/static/query.js", "/no-such-page",
                 "/api/tables/nope"):
        resp = httpx.get(f"{locked}{path}", headers=bearer)
        _security_headers(resp)
        assert resp.headers["cache-control"] == "no-store"  # a guarded service's data stays out of caches
        if resp.headers["content-type"].startswith("text/html"):
            assert not re.search(r"<script(?![^>]*\bsrc=)", resp.text), path  # every script is a file
            assert not re.search(r"\son[a-z]+\s*=", resp.text) and " style=" not in resp.text, path
    _security_headers(httpx.get(f"{locked}/"))  # the 401 too
    article = httpx.get(f"{locked}/api/articles", headers=bearer).json()["articles"][0]["article_id"]
    page = httpx.get(f"{locked}/articles/{article}", headers=bearer)
    _security_headers(page)
    assert page.status_code == 200 and not re.search(r"<script(?![^>]*\bsrc=)", page.text)


@pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")
def test_errors_never_echo_internals(data_dir):
    from fastapi.testclient import TestClient

    app = create_app(data_dir)

    def boom() -> None:
        raise KeyError(str(data_dir / "processed" / "secret-path"))

    app.add_api_route("/boom", boom)
    with TestClient(app, raise_server_exceptions=False) as client:
        resp = client.get("/boom")
        assert resp.status_code == 500 and resp.json()["error"] == "internal error; see the server log"
        assert str(data_dir) not in resp.text and "KeyError" not in resp.text
        _security_headers(resp)
        message = client.post("/api/query", json={"sql": "FROM duckdb_extensions()"}).json()["error"]
        assert "<server path>" in message and "/root" not in message and "/.duckdb" not in message
        message = client.post("/api/query", json={"sql": "SELECT * FROM read_parquet('/etc/passwd')"}).json()["error"]
        assert "/etc/passwd" in message  # what the client wrote itself may come back
        assert "data_dir" not in client.get("/health").json()


def test_serve_warns_when_listening_beyond_loopback_without_a_token(monkeypatch, tmp_path):
    from factwire import serve
    from factwire.cli import app

    started = []
    monkeypatch.setattr(serve, "run", lambda **kw: started.append(kw))
    monkeypatch.delenv("FACTWIRE_TOKEN", raising=False)
    monkeypatch.delenv("FACTWIRE_TOKEN_FILE", raising=False)
    runner = CliRunner()
    open_ = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--data-dir", str(tmp_path)])
    assert open_.exit_code == 0 and "warning:" in open_.output and "no access token" in open_.output
    assert started[-1]["token"] is None
    quiet = runner.invoke(app, ["serve", "--data-dir", str(tmp_path)])
    assert quiet.exit_code == 0 and "warning" not in quiet.output
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    locked = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--token-file", str(token_file),
                                 "--data-dir", str(tmp_path)])
    assert locked.exit_code == 0 and "warning" not in locked.output and "access token required" in locked.output
    assert started[-1]["token"] == TOKEN
    monkeypatch.setenv("FACTWIRE_TOKEN", TOKEN)
    assert runner.invoke(app, ["serve", "--data-dir", str(tmp_path)]).exit_code == 0 and started[-1]["token"] == TOKEN
    short = runner.invoke(app, ["serve", "--token", "short", "--data-dir", str(tmp_path)])
    assert short.exit_code != 0 and "atleast16characters" in re.sub(r"[\s│]", "", short.output)  # rich's box
    with pytest.raises(ValueError, match="cannot read a token"):
        load_token(token_file=tmp_path / "missing")

"""Network faults against real servers on 127.0.0.1: bounded time and memory, a clear reason.

One threaded HTTP server plays every fault: a response that never comes, a connection reset, a 500
followed by a 200 (retried), a redirect loop, a 50 MB body (declared and undeclared) and a body
that drips one byte at a time (each byte inside the read timeout, the whole never done).
"""

from __future__ import annotations

import socket
import struct
import threading
import time
import tracemalloc
from collections import Counter
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from factwire import pipeline
from factwire.ingest import Source, read_source

ARTICLE = ("Lena Ortiz, the mayor of Dunmore, said on Monday that the city would spend $4 million "
           "on new bridges over the next two years.\n")
FIFTY_MB = 50 * 1024 * 1024
CHUNK = b"x" * 65536


class FaultHandler(BaseHTTPRequestHandler):
    """Serves one fault per path."""

    hits: Counter = Counter()

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/plain; charset=utf-8", **headers) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _stream(self, total: int, declared: bool, pause: float = 0.0, chunk: bytes = CHUNK) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        if declared:
            self.send_header("Content-Length", str(total))
        else:
            self.send_header("Connection", "close")  # body ends when the connection does
        self.end_headers()
        sent = 0
        try:
            while sent < total:
                self.wfile.write(chunk)
                self.wfile.flush()
                sent += len(chunk)
                time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        FaultHandler.hits[self.path] += 1
        if self.path == "/good":
            self._send(200, ARTICLE.encode())
        elif self.path == "/hang":
            time.sleep(3)  # longer than the client's timeout; the client is gone by then
            self.close_connection = True
        elif self.path == "/reset":
            # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
        elif self.path == "/flaky":
            if FaultHandler.hits[self.path] == 1:
                self._send(500, b"internal error")
            else:
                self._send(200, ARTICLE.replace("Monday", "Tuesday").encode())
        elif self.path.startswith("/loop/"):
            nxt = "/loop/b" if self.path == "/loop/a" else "/loop/a"
            self._send(302, b"", Location=nxt)
        elif self.path == "/big-declared":
            self._stream(FIFTY_MB, declared=True)
        elif self.path == "/big-undeclared":
            self._stream(FIFTY_MB, declared=False)
        elif self.path == "/drip":
            self._stream(100_000, declared=True, pause=0.05, chunk=b"y")
        else:
            self._send(404, b"not found")


@pytest.fixture(scope="module")
def server():
    """A threaded fault server on 127.0.0.1 (an ephemeral port)."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FaultHandler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def net(settings):
    """Settings with a short timeout so that faults resolve quickly."""
    return replace(settings, http_timeout=0.5)


def read_url(url: str, settings) -> tuple[list, list, float]:
    t0 = time.perf_counter()
    articles, failures = read_source(Source(url, "url"), settings)
    return articles, failures, time.perf_counter() - t0


def test_timeout_is_bounded_and_explained(server, net):
    articles, failures, secs = read_url(f"{server}/hang", net)
    assert not articles and len(failures) == 1
    assert "timed out after 0.5s" in failures[0].reason
    assert secs < 3 * 0.5 + 1.5  # three attempts plus the backoff between them


def test_connection_reset_is_retried_then_explained(server, net):
    FaultHandler.hits["/reset"] = 0
    articles, failures, secs = read_url(f"{server}/reset", net)
    assert not articles and len(failures) == 1
    assert "network error" in failures[0].reason
    assert FaultHandler.hits["/reset"] == 3
    assert secs < 2


def test_500_then_200_is_retried_and_lands(server, net):
    FaultHandler.hits["/flaky"] = 0
    articles, failures, _ = read_url(f"{server}/flaky", net)
    assert failures == [] and len(articles) == 1
    assert articles[0].body.strip().endswith("next two years.") and "Tuesday" in articles[0].body
    assert FaultHandler.hits["/flaky"] == 2


def test_redirect_loop_stops_with_a_reason(server, net):
    articles, failures, secs = read_url(f"{server}/loop/a", net)
    assert not articles and len(failures) == 1
    assert f"more than {net.http_max_redirects} redirects" in failures[0].reason
    assert secs < 2


@pytest.mark.parametrize("path", ["/big-declared", "/big-undeclared"])
def test_fifty_megabytes_are_refused_in_bounded_time_and_memory(server, net, path):
    tracemalloc.start()
    try:
        articles, failures, secs = read_url(f"{server}{path}", net)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert not articles and len(failures) == 1
    assert f"{net.http_max_bytes}-byte cap" in failures[0].reason
    assert peak < 3 * net.http_max_bytes  # never the 50 MB
    assert secs < 10


def test_a_dripping_body_is_cut_off_in_bounded_time(server, net):
    net = replace(net, http_timeout=0.2)  # each byte (every 0.05 s) comes well inside it
    articles, failures, secs = read_url(f"{server}/drip", net)
    assert not articles and len(failures) == 1
    assert "timed out" in failures[0].reason and "took more than 0.6s" in failures[0].reason
    assert secs < 3 * (3 * 0.2) + 1.5


def test_one_run_with_every_fault_still_lands_the_good_urls(nlp, server, net):
    FaultHandler.hits["/flaky"] = 0
    paths = ["/good", "/flaky", "/reset", "/loop/a", "/big-declared", "/missing"]
    sources = [Source(f"{server}{p}", "url") for p in paths]
    ingested = pipeline.ingest(sources, net)
    batch = pipeline.process(ingested.articles, net, failures=ingested.failures)
    pipeline.store(batch, net)
    from factwire.query import connect

    con = connect(net.data_dir)
    landed = {u for (u,) in con.execute("SELECT source_uri FROM articles").fetchall()}
    reasons = dict(con.execute("SELECT source_uri, reason FROM quarantine").fetchall())
    assert landed == {f"{server}/good", f"{server}/flaky"}
    assert set(reasons) == {f"{server}{p}" for p in paths[2:]}
    assert "HTTP 404" in reasons[f"{server}/missing"]
    assert all(r for r in reasons.values())

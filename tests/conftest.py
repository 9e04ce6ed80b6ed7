"""Shared fixtures: one spaCy model per session, a temporary data folder, a Prefect test harness."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# Tests talk to their own servers on 127.0.0.1: no politeness delay between requests to one host
# (tests/test_fetch_polite.py checks the delay itself).
os.environ.setdefault("FACTWIRE_HOST_DELAY", "0")

ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(os.environ.get("FACTWIRE_SHARED", ROOT.parent / "shared"))
# The sample article ships with the project: tests never need ../shared for it.
SAMPLE = ROOT / "examples" / "seed-article.txt"


@pytest.fixture(scope="session")
def nlp():
    """The English model, loaded once for the whole session."""
    from factwire.nlp import load_nlp

    return load_nlp()


@pytest.fixture
def settings(tmp_path):
    """Settings pointing at an empty data folder."""
    from factwire.settings import get_settings

    return get_settings(tmp_path / "data")


@pytest.fixture(scope="session")
def prefect_harness():
    """A throwaway Prefect API for the flows under test."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


class _Handler:
    """Builds a request handler serving a dict of path -> (status, content type, body)."""

    @staticmethod
    def make(routes):
        from http.server import BaseHTTPRequestHandler

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                status, ctype, body = routes.get(self.path, (404, "text/plain", b"not found"))
                if callable(body):
                    body = body(self)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):  # keep test output quiet
                pass

        return Handler


@pytest.fixture
def http_server():
    """A real HTTP server on 127.0.0.1; set `server.routes[path] = (status, ctype, bytes)`."""
    import threading
    from http.server import ThreadingHTTPServer

    routes: dict = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler.make(routes))
    server.routes = routes
    server.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()

"""Helpers for the HTTP and browser tests: a small real dataset and live servers on 127.0.0.1."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

# Beside tests/data/ rather than in it: other tests ingest all of tests/data/ and count its articles.
SERVE_DATA = Path(__file__).resolve().parent / "serve_data"
ARTICLES = ["harbor-bridge.txt", "library-funding.txt"]
# Articles across which one person, one place and one syndicated copy recur (tests/test_across.py).
ACROSS_DATA = Path(__file__).resolve().parent / "across_data"
ACROSS_ARTICLES = ["lyon-metro.txt", "lyon-metro-copy.txt", "grenoble-tram.txt"]


def build_dataset(data_dir: Path, names: list[str] = ARTICLES, *, source: Path = SERVE_DATA) -> Path:
    """Run the real pipeline (ingest, spaCy, extract, validate, store) on (some of) the test articles."""
    from factwire import pipeline
    from factwire.ingest import discover
    from factwire.settings import get_settings

    inputs = data_dir.parent / f"inputs-{len(list(data_dir.parent.glob('inputs-*')))}"
    inputs.mkdir(parents=True)
    for name in names:
        for f in source.glob(name.removesuffix(".txt") + ".*"):
            shutil.copy(f, inputs / f.name)
    settings = get_settings(data_dir)
    sources, _ = discover([str(inputs)])
    ingested = pipeline.ingest(sources, settings)
    pipeline.store(pipeline.process(ingested.articles, settings, failures=ingested.failures), settings)
    return data_dir


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@contextlib.contextmanager
def live_app(data_dir: Path, **options) -> Iterator[str]:
    """The factwire service under uvicorn on a free 127.0.0.1 port; yields its base URL."""
    import uvicorn

    from factwire.serve import create_app

    sock = _free_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(data_dir, **options), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@contextlib.contextmanager
def static_files(folder: Path) -> Iterator[str]:
    """A plain http.server serving `folder` on a free 127.0.0.1 port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

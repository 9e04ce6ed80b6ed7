"""A scriptable HTTP server on a loopback address for the fetch tests: each path answers through a function."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A route: handler -> (status, headers, body).
Route = Callable[[BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes]]


class Site:
    """Routes, the requests seen (path and headers), and the base URL of a running server."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.headers: list[tuple[str, dict[str, str]]] = []
        self.base = ""
        self.port = 0

    def page(self, path: str, body: bytes, ctype: str = "text/html; charset=utf-8", status: int = 200,
             **headers: str) -> None:
        """Serve fixed bytes at a path."""
        self.routes[path] = lambda _h: (status, {"Content-Type": ctype, **headers}, body)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            site.hits[self.path] += 1
            site.headers.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = site.routes.get(self.path)
            status, headers, body = route(self) if route else (404, {"Content-Type": "text/plain"}, b"not found")
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:  # keep test output quiet
            pass

    return Handler


@contextmanager
def serve(host: str = "127.0.0.1", port: int = 0, site: Site | None = None) -> Iterator[Site]:
    """Run a threaded server for a Site on host:port (port 0: any free one) for the block's length."""
    site = site or Site()
    server = ThreadingHTTPServer((host, port), _handler(site))
    server.daemon_threads = True
    site.port = server.server_address[1]
    site.base = f"http://{host}:{site.port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def feed(*links: str, title: str = "Tribune") -> bytes:
    """An RSS feed whose entries are teasers, so factwire fetches each entry's page."""
    items = "".join(f"<item><title>Story {n}</title><link>{link}</link><description>Teaser.</description></item>"
                    for n, link in enumerate(links, 1))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{items}'
            "</channel></rss>").encode()


ARTICLE_HTML = (b"<html><head><title>Harbor council approves dredging</title></head><body><article>"
                b"<h1>Harbor council approves dredging</h1>"
                + b"<p>The Dunmore harbor council voted on Monday to approve a dredging contract worth "
                b"$4 million, the council's chair, Lena Ortiz, said after the meeting.</p>" * 6
                + b"</article></body></html>")
SECRET_HTML = (b"<html><head><title>Internal secret</title></head><body><article><h1>Internal secret</h1>"
               + b"<p>This page is only for the machine itself and must never land in a dataset.</p>" * 6
               + b"</article></body></html>")

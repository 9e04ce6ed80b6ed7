"""The service's lock: an optional access token, per-client query limits, security headers on every response.

Plain ASGI middleware, so that it wraps every route (pages, downloads, the API, errors) the same way
and streamed downloads pass through untouched.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import os
import re
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_ENV = "FACTWIRE_TOKEN"
TOKEN_FILE_ENV = "FACTWIRE_TOKEN_FILE"
COOKIE = "factwire_session"
OPEN_PATHS = ("/static/", "/login", "/logout")  # the login page needs its stylesheet
LOGIN_ATTEMPTS_PER_MINUTE = 10  # wrong tokens per client: guessing a 32-character token stays hopeless
QUERY_PATHS = ("/api/query",)

# No inline script or style anywhere; nothing loaded from other origins; no framing.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def load_token(token: str | None = None, token_file: str | Path | None = None) -> str | None:
    """The access token: given, else read from a file (first line), else FACTWIRE_TOKEN / FACTWIRE_TOKEN_FILE."""
    token_file = token_file or (None if token else os.environ.get(TOKEN_FILE_ENV))
    if not token and token_file:
        try:
            token = Path(token_file).read_text(encoding="utf-8").strip().splitlines()[0].strip()
        except (OSError, IndexError, UnicodeDecodeError) as exc:
            why = getattr(exc, "strerror", None) or exc
            raise ValueError(f"cannot read a token from {token_file}: {why}") from None
    token = token or os.environ.get(TOKEN_ENV) or None
    if token is not None and len(token) < 16:
        raise ValueError("the access token must have at least 16 characters (e.g. `openssl rand -hex 24`)")
    return token


def is_loopback(host: str) -> bool:
    """Whether a listening address is reachable from this machine only."""
    import ipaddress

    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def scrub(message: str, processed: Path, sql: str = "") -> str:
    """An error message without the server's paths: the data folder becomes `<data>`, any other
    quoted absolute path the client did not write itself becomes `<server path>`."""
    roots = {str(processed.resolve()), str(processed), str(processed.parent.resolve()), str(processed.parent)}
    for root in sorted((r for r in roots if len(r) > 1), key=len, reverse=True):
        message = message.replace(root, "<data>")

    def hide(match: re.Match[str]) -> str:
        return match.group(0) if match.group(2) in sql else f"{match.group(1)}<server path>{match.group(1)}"

    return re.sub(r"([\"'])(/[^\"']*)\1", hide, message)


def _client(scope: Scope) -> str:
    client = scope.get("client")
    return client[0] if client else "unknown"


async def _json(send: Send, status: int, message: str, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"error": message, "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds CSP, nosniff, frame-deny and friends to every response; `no-store` when a token guards the data."""

    def __init__(self, app: ASGIApp, *, private: bool = False) -> None:
        self.app = app
        self.headers = HEADERS + ([(b"cache-control", b"no-store")] if private else [])

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in self.headers if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)


LOGIN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>factwire: sign in</title><link rel="stylesheet" href="/static/style.css"></head>
<body><header><span class="brand">factwire</span></header><main>
<h1>Sign in</h1><p>{message}</p>
<form class="inline" method="post" action="/login" id="login-form">
<input type="hidden" name="next" value="{next}">
<label>access token <input type="password" name="token" autocomplete="current-password" autofocus></label>
<button type="submit">open</button></form></main></body></html>"""


class TokenGate:
    """Requires the access token on every route but the login page and static files.

    The API takes `Authorization: Bearer TOKEN`; a browser signs in once at /login and then carries
    an HttpOnly, SameSite=Strict cookie derived from the token (never the token itself).
    """

    def __init__(self, app: ASGIApp, *, token: str) -> None:
        self.app = app
        self.token = token
        self.session = hmac.new(token.encode(), b"factwire-session-v1", hashlib.sha256).hexdigest()
        self.attempts = MovingWindowRateLimiter(MemoryStorage())
        self.attempt_limit = RateLimitItemPerMinute(LOGIN_ATTEMPTS_PER_MINUTE)

    def _authorized(self, scope: Scope) -> bool:
        headers = dict((k.lower(), v) for k, v in scope.get("headers", []))
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if auth[:7].lower() == "bearer " and hmac.compare_digest(auth[7:].strip().encode(), self.token.encode()):
            return True
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get(b"cookie", b"").decode("latin-1"))
        except Exception:  # a malformed Cookie header is no session
            return False
        morsel = cookie.get(COOKIE)
        return morsel is not None and hmac.compare_digest(morsel.value.encode(), self.session.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope.get("path", "/")
        if path == "/login":
            return await self._login(scope, receive, send)
        if path == "/logout":
            return await self._redirect(send, "/login", clear=True)
        if path.startswith(OPEN_PATHS) or self._authorized(scope):
            return await self.app(scope, receive, send)
        accept = dict(scope.get("headers", [])).get(b"accept", b"")
        if scope.get("method") == "GET" and b"text/html" in accept:
            target = path + ("?" + scope["query_string"].decode("latin-1") if scope.get("query_string") else "")
            return await self._page(send, 401, "This factwire service needs its access token.", target)
        await _json(send, 401, "this service needs its access token: send 'Authorization: Bearer TOKEN'",
                    [(b"www-authenticate", b'Bearer realm="factwire"')])

    async def _login(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("method") != "POST":
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            return await self._page(send, 200, "This factwire service needs its access token.",
                                    query.get("next", ["/"])[0])
        body = b""
        while True:  # a form of one token: anything longer than 8 KB is not a login
            message = await receive()
            body += message.get("body", b"")
            if len(body) > 8192 or not message.get("more_body"):
                break
        form = parse_qs(body[:8192].decode("utf-8", errors="replace"))
        target = form.get("next", ["/"])[0]
        client = _client(scope)
        if not self.attempts.test(self.attempt_limit, "login", client):
            return await self._page(send, 429, "Too many wrong tokens from this address; wait a minute.", target)
        given = form.get("token", [""])[0].strip()
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            self.attempts.hit(self.attempt_limit, "login", client)
            return await self._page(send, 401, "That is not the access token.", target)
        await self._redirect(send, _local(target), cookie=self.session, secure=scope.get("scheme") == "https")

    async def _page(self, send: Send, status: int, message: str, target: str) -> None:
        body = LOGIN_PAGE.format(message=html.escape(message), next=html.escape(_local(target), quote=True)).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"text/html; charset=utf-8"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    async def _redirect(self, send: Send, location: str, *, cookie: str | None = None, clear: bool = False,
                        secure: bool = False) -> None:
        headers = [(b"location", location.encode("latin-1", errors="replace")), (b"content-length", b"0")]
        if cookie or clear:
            value = f"{COOKIE}={cookie or ''}; Path=/; HttpOnly; SameSite=Strict" + ("; Secure" if secure else "")
            headers.append((b"set-cookie", (value + ("; Max-Age=0" if clear else "")).encode()))
        await send({"type": "http.response.start", "status": 303, "headers": headers})
        await send({"type": "http.response.body", "body": b""})


def _local(target: str) -> str:
    """A redirect target on this service only: an absolute URL or `//host` becomes `/`."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


class QueryLimits:
    """Per client (by address): at most `concurrent` queries at once and `per_minute` in any minute; 429 beyond."""

    def __init__(self, app: ASGIApp, *, per_minute: int, concurrent: int) -> None:
        self.app = app
        self.concurrent = concurrent
        self.rate = RateLimitItemPerMinute(per_minute)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())
        self.running: dict[str, int] = {}
        self.lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") not in QUERY_PATHS:
            return await self.app(scope, receive, send)
        client = _client(scope)
        with self.lock:
            if self.running.get(client, 0) >= self.concurrent:
                busy = True
            else:
                busy = False
                self.running[client] = self.running.get(client, 0) + 1
        if busy:
            return await _json(send, 429, f"at most {self.concurrent} queries at a time per client; "
                                          "wait for one to finish", [(b"retry-after", b"1")])
        try:
            if not self.limiter.hit(self.rate, "query", client):
                reset = self.limiter.get_window_stats(self.rate, "query", client).reset_time
                wait = max(1, int(reset - time.time()) + 1)
                return await _json(send, 429, f"at most {self.rate.amount} queries a minute per client; "
                                              f"try again in {wait} s", [(b"retry-after", str(wait).encode())])
            await self.app(scope, receive, send)
        finally:
            with self.lock:
                self.running[client] -= 1
                if not self.running[client]:
                    del self.running[client]

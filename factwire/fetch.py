"""Outbound HTTP for ingest: safe destinations, polite requests, bounded bodies.

- Where: a URL a person typed is theirs to choose (its origin is trusted, pinned to the addresses it
  first resolved to); links found in feeds and every redirect may only reach public addresses or
  what `FACTWIRE_FETCH_ALLOW` names (`netguard.py` checks each connection).
- How: an honest User-Agent with factwire's version, robots.txt honoured for links found in feeds
  (`FACTWIRE_ROBOTS=0` turns it off), a delay between requests to one host (robots.txt's
  Crawl-delay when longer), conditional requests (ETag / Last-Modified) for feeds polled again.
- How much: a timeout per read and a deadline for the whole body, at most `http_max_redirects`
  redirects, and `http_max_bytes` counted after decompression (a gzip bomb stops at the cap).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from protego import Protego

from factwire import __version__
from factwire.errors import FetchRefused, IngestError, TransientError
from factwire.netguard import AddressPolicy, GuardedBackend, Resolver, literal_address, resolve
from factwire.settings import Settings

USER_AGENT = f"factwire/{__version__} (+https://github.com/factwire)"
ROBOTS_AGENT = "factwire"
FETCH_DEADLINE_TIMEOUTS = 3  # a whole response body must arrive within this many read timeouts
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: crawlers read at least the first 500 KiB
MAX_CRAWL_DELAY = 30.0  # a robots.txt asking for more than this per request is capped, not obeyed
VALIDATORS_FILE = "http-validators.json"
ATTEMPTS = 3
T = TypeVar("T")


@dataclass
class Fetched:
    """Bytes of a URL with what the server said about them."""

    url: str
    content: bytes
    content_type: str
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        """Whether the server answered 304: unchanged since the validators sent."""
        return self.status == 304

    @property
    def validators(self) -> dict[str, str]:
        """The ETag and Last-Modified to send next time (empty when the server gave neither)."""
        return {k: v for k, v in (("etag", self.etag), ("last_modified", self.last_modified)) if v}


# ---------------------------------------------------------------------------------- bodies


def _decoder(encoding: str, url: str) -> Any:
    """A zlib decompressor for a Content-Encoding (None for identity); others are refused."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, told apart by zlib
    raise IngestError(f"unsupported content encoding {encoding!r} from {url}")


def read_body(resp: httpx.Response, url: str, *, max_bytes: int, deadline: float, truncate: bool = False) -> bytes:
    """A response body, decompressed here so that the cap counts what would land in memory."""
    declared = resp.headers.get("content-length")
    if not truncate and declared and declared.isdigit() and int(declared) > max_bytes:
        raise IngestError(f"response of {declared} bytes is over the {max_bytes}-byte cap")
    decoder = _decoder(resp.headers.get("content-encoding", ""), url)
    chunks: list[bytes] = []
    size = 0
    raw_deflate_tried = False
    for raw in resp.iter_raw():
        if decoder is None:
            data = raw
        else:
            try:
                # Never more than one byte past the cap per chunk: a 64 KB chunk of a bomb can hold 64 MB.
                data = decoder.decompress(raw, max_bytes - size + 1)
            except zlib.error:
                if raw_deflate_tried or size or resp.headers.get("content-encoding", "").lower() != "deflate":
                    raise IngestError(f"corrupt compressed body from {url}") from None
                raw_deflate_tried = True  # some servers send deflate without its zlib header
                decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                data = decoder.decompress(raw, max_bytes - size + 1)
        size += len(data)
        if size > max_bytes:
            if truncate:
                chunks.append(data[: len(data) - (size - max_bytes)])
                break
            where = " after decompression" if decoder is not None else ""
            raise IngestError(f"response is over the {max_bytes}-byte cap{where}")
        if time.monotonic() > deadline:
            raise TransientError(f"timed out: the body of {url} was still arriving at its deadline")
        chunks.append(data)
    return b"".join(chunks)


# ---------------------------------------------------------------------------------- validators


def load_validators(data_dir: Path) -> dict[str, dict[str, str]]:
    """The ETag / Last-Modified saved per feed URL after its articles were committed."""
    path = Path(data_dir) / VALIDATORS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
        return {}  # lost or torn validators only cost one full download
    return data if isinstance(data, dict) else {}


def save_validators(data_dir: Path, fresh: dict[str, dict[str, str]]) -> None:
    """Merge validators into the data folder's file (locked, replaced atomically)."""
    if not fresh:
        return
    folder = Path(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f".{VALIDATORS_FILE}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        merged = {**load_validators(folder), **fresh}
        tmp = folder / f".{VALIDATORS_FILE}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(merged, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(folder / VALIDATORS_FILE)


# ---------------------------------------------------------------------------------- the session


def _origin(url: str) -> tuple[str, int]:
    """(host, port) of a URL as the connection layer sees them (IDNA-encoded host)."""
    try:
        parsed = httpx.URL(url)
        return parsed.raw_host.decode("ascii").lower(), parsed.port or (443 if parsed.scheme == "https" else 80)
    except (httpx.InvalidURL, UnicodeDecodeError):
        parts = urlsplit(url)
        return (parts.hostname or "").lower(), (443 if parts.scheme == "https" else 80)


class _PinnedResolver:
    """Resolves each trusted origin once, so a typed name cannot point elsewhere later in the run."""

    def __init__(self, resolver: Resolver, pinned: frozenset[tuple[str, int]]) -> None:
        self.resolver = resolver
        self.pinned = pinned
        self.answers: dict[tuple[str, int], list[str]] = {}

    def __call__(self, host: str, port: int) -> list[str]:
        key = (host.strip("[]").rstrip(".").lower(), port)
        if key not in self.pinned:
            return self.resolver(host, port)
        if key not in self.answers:
            self.answers[key] = self.resolver(host, port)
        return self.answers[key]


class FetchSession:
    """HTTP for the sources of one ingest batch: shared robots.txt answers, host delays and validators.

    Use one per batch (`with FetchSession(settings) as session:`), then `session.get(url, ...)`.
    `resolver`, `clock` and `sleep` can be replaced in tests.
    """

    def __init__(self, settings: Settings, *, resolver: Resolver = resolve,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.policy = AddressPolicy.parse(settings.fetch_allow)
        self.resolver = resolver
        self.clock = clock
        self.sleep = sleep
        self._robots: dict[str, Protego | str | None] = {}  # origin -> rules | why unreadable | None: allow all
        self._last: dict[tuple[str, int], float] = {}
        self._crawl_delay: dict[tuple[str, int], float] = {}
        self._clients: dict[tuple[str, int] | None, httpx.Client] = {}
        self._known: dict[str, dict[str, str]] | None = None
        self.fresh_validators: dict[str, dict[str, str]] = {}  # saved only once the batch is committed
        self.not_modified: list[str] = []
        self.transient_failures = 0  # a feed read with any of these keeps no validators: retry it in full

    # -------------------------------------------------------------- clients

    def _client(self, trusted: tuple[str, int] | None) -> httpx.Client:
        if trusted not in self._clients:
            if trusted is not None:  # one typed origin at a time: sources are read one after another
                for key in [k for k in self._clients if k is not None]:
                    self._clients.pop(key).close()
            policy = self.policy if trusted is None else self.policy.trusting(*trusted)
            backend = GuardedBackend(policy, _PinnedResolver(self.resolver, policy.trusted))
            transport = httpx.HTTPTransport()
            # httpx has no argument for a network backend: the pool is rebuilt around ours.
            transport._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(),
                                                      network_backend=backend, max_connections=10)
            self._clients[trusted] = httpx.Client(
                transport=transport, follow_redirects=False, timeout=self.settings.http_timeout,
                headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"})
        return self._clients[trusted]

    def close(self) -> None:
        """Close every connection."""
        for client in self._clients.values():
            client.close()
        self._clients.clear()

    def __enter__(self) -> FetchSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -------------------------------------------------------------- politeness

    def _wait_for(self, host: tuple[str, int]) -> None:
        delay = max(self.settings.host_delay, self._crawl_delay.get(host, 0.0))
        last = self._last.get(host)
        if last is not None and delay > 0:
            wait = last + delay - self.clock()
            if wait > 0:
                self.sleep(wait)

    def _robots_refusal(self, url: str, client: httpx.Client, policy: AddressPolicy) -> str | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin, client, policy)
        rules = self._robots[origin]
        if isinstance(rules, str):
            return rules
        if rules is None:
            return None
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            self._crawl_delay[_origin(url)] = min(float(delay), MAX_CRAWL_DELAY)
        if not rules.can_fetch(url, ROBOTS_AGENT):
            return (f"robots.txt of {origin} disallows {parts.path or '/'} for {ROBOTS_AGENT} "
                    "(FACTWIRE_ROBOTS=0 turns robots.txt off, for your own sites)")
        return None

    def _read_robots(self, origin: str, client: httpx.Client, policy: AddressPolicy) -> Protego | str | None:
        try:
            got = self._retrying(lambda: self._request(f"{origin}/robots.txt", client, policy, polite=False,
                                                       max_bytes=ROBOTS_MAX_BYTES, truncate=True, raise_4xx=False))
        except FetchRefused:
            raise
        except IngestError as exc:  # RFC 9309: an unreachable robots.txt means "fetch nothing"
            return f"robots.txt of {origin} could not be read ({exc}), so none of its pages are fetched"
        if got.status >= 400:
            return None  # no robots.txt: everything is allowed
        return Protego.parse(got.content.decode("utf-8", errors="replace"))

    # -------------------------------------------------------------- requests

    def get(self, url: str, *, typed: bool = False, trusted_origin: str | None = None, robots: bool = False,
            conditional: bool = False) -> Fetched:
        """GET a URL, retrying transient failures; refusals and HTTP errors raise IngestError.

        `typed`: a person gave this URL (its origin is trusted); `trusted_origin`: a typed URL whose
        origin this link shares trust with; `robots`: obey robots.txt (links found in feeds);
        `conditional`: send the validators saved for this URL and return a 304 as `not_modified`.
        """
        trust = _origin(url) if typed else (_origin(trusted_origin) if trusted_origin else None)
        client = self._client(trust)
        policy = self.policy if trust is None else self.policy.trusting(*trust)
        if robots and self.settings.respect_robots:
            self._precheck(url, policy)
            reason = self._robots_refusal(url, client, policy)
            if reason:
                raise FetchRefused(reason)
        headers = {}
        if conditional:
            known = self._validators().get(url, {})
            if known.get("etag"):
                headers["If-None-Match"] = known["etag"]
            if known.get("last_modified"):
                headers["If-Modified-Since"] = known["last_modified"]
        try:
            return self._retrying(lambda: self._request(url, client, policy, headers=headers,
                                                        max_bytes=self.settings.http_max_bytes))
        except TransientError:
            self.transient_failures += 1
            raise

    def _validators(self) -> dict[str, dict[str, str]]:
        if self._known is None:
            self._known = load_validators(self.settings.data_dir)
        return self._known

    def remember(self, fetched: Fetched, url: str) -> None:
        """Keep a feed's validators, to be saved once its articles are committed."""
        if fetched.validators:
            self.fresh_validators[url] = fetched.validators

    def _retrying(self, attempt: Callable[[], T]) -> T:
        last: TransientError | None = None
        for n in range(ATTEMPTS):
            if n:
                self.sleep(min(0.2 * 2 ** (n - 1), 2.0))
            try:
                return attempt()
            except TransientError as exc:  # timeouts, resets, 5xx answers
                last = exc
        assert last is not None
        raise last

    def _precheck(self, url: str, policy: AddressPolicy) -> None:
        """Refuse non-HTTP URLs and literal addresses (in any spelling) before anything connects."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise IngestError(f"not an http(s) URL: {url!r}")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise IngestError(f"invalid port in {url!r}") from None
        ip = literal_address(parts.hostname)
        if ip is not None and (reason := policy.refusal(parts.hostname, port, str(ip))):
            raise FetchRefused(reason)

    def _request(self, url: str, client: httpx.Client, policy: AddressPolicy, *, headers: dict[str, str] | None = None,
                 max_bytes: int, polite: bool = True, truncate: bool = False, raise_4xx: bool = True) -> Fetched:
        """One GET, following redirects by hand so that each hop is checked and explained."""
        settings = self.settings
        current = url
        for hop in range(settings.http_max_redirects + 1):
            try:
                self._precheck(current, policy)
            except FetchRefused as exc:
                raise FetchRefused(f"redirect to {current} {exc}" if hop else str(exc)) from None
            host = _origin(current)
            if polite:
                self._wait_for(host)
            try:
                with self._send(client, current, headers, hop, url) as resp:
                    if resp.has_redirect_location:
                        current = urljoin(str(resp.url), resp.headers["location"])
                        continue
                    if resp.status_code == 304 and headers and hop == 0:
                        return Fetched(str(resp.url), b"", "", status=304)
                    if 300 <= resp.status_code < 400:  # a 304 nobody asked for, a 300 choice: nothing to read
                        raise IngestError(f"HTTP {resp.status_code} from {current}")
                    if resp.status_code >= 500:
                        raise TransientError(f"HTTP {resp.status_code} from {current}")
                    if resp.status_code >= 400 and raise_4xx:
                        raise IngestError(f"HTTP {resp.status_code} from {current}")
                    deadline = time.monotonic() + FETCH_DEADLINE_TIMEOUTS * settings.http_timeout
                    try:
                        body = read_body(resp, current, max_bytes=max_bytes, deadline=deadline, truncate=truncate)
                    except TransientError:
                        raise TransientError(f"timed out: the body of {current} took more than "
                                             f"{FETCH_DEADLINE_TIMEOUTS * settings.http_timeout:g}s") from None
                    return Fetched(str(resp.url), body, resp.headers.get("content-type", "").lower(),
                                   status=resp.status_code, etag=resp.headers.get("etag"),
                                   last_modified=resp.headers.get("last-modified"))
            finally:
                if polite:
                    self._last[host] = self.clock()
        raise IngestError(f"more than {settings.http_max_redirects} redirects from {url}")

    @contextlib.contextmanager
    def _send(self, client: httpx.Client, url: str, headers: dict[str, str] | None, hop: int,
              first: str) -> Iterator[httpx.Response]:
        timeout = self.settings.http_timeout
        try:
            with client.stream("GET", url, headers=headers if hop == 0 else None) as resp:
                yield resp
        except FetchRefused as exc:
            raise FetchRefused(f"redirect to {url} {exc}" if hop else str(exc)) from None
        except httpx.TimeoutException:
            raise TransientError(f"timed out after {timeout:g}s fetching {url}") from None
        except httpx.TransportError as exc:
            raise TransientError(f"network error fetching {url}: {exc.__class__.__name__}") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, httpx.HTTPError) as exc:
            raise IngestError(f"cannot fetch {first!r}: {exc}") from None


"""Reading articles: files, folders, URLs and feeds. The only module that touches files or the network.

Every input's bytes are kept under `data/raw/` exactly as received, and each article's id is a hash
of its own raw bytes (`article_id`). What cannot be read becomes a `Failure` with a clear reason.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import feedparser
import trafilatura

from factwire.errors import IngestError
from factwire.fetch import FetchSession
from factwire.htmlguard import html_problem
from factwire.models import Failure, RawArticle
from factwire.settings import Settings

TEXT_EXTS = {".txt", ".text"}
JSON_EXTS = {".json", ".jsonl", ".ndjson"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
FEED_EXTS = {".rss", ".atom", ".xml"}
KNOWN_EXTS = TEXT_EXTS | JSON_EXTS | HTML_EXTS | FEED_EXTS
SIDECAR = ".meta.json"
MIN_FEED_CONTENT_CHARS = 400  # an entry shorter than this is a teaser: its page is fetched instead
TOO_DEEP = "JSON nested too deeply to read (over the parser's recursion limit)"


@dataclass(frozen=True)
class Source:
    """One input as the user gave it: a file path or a URL."""

    uri: str
    kind: str  # file | url

    @property
    def is_url(self) -> bool:
        """Whether this source is fetched over HTTP."""
        return self.kind == "url"


# ---------------------------------------------------------------------------------- discovery


def is_url(text: str) -> bool:
    """Whether an input is an http(s) URL."""
    return urlparse(text).scheme in {"http", "https"}


def discover(inputs: list[str]) -> tuple[list[Source], list[str]]:
    """Expand inputs into sources (folders walked recursively) and a list of skipped paths."""
    sources: list[Source] = []
    skipped: list[str] = []
    for item in inputs:
        if is_url(item):
            sources.append(Source(item, "url"))
            continue
        path = Path(item)
        if path.is_dir():
            for f in sorted(p for p in path.rglob("*") if p.is_file()):
                if f.name.endswith(SIDECAR) or f.name.startswith(".") or f.suffix.lower() not in KNOWN_EXTS:
                    skipped.append(str(f))
                else:
                    sources.append(Source(str(f), "file"))
        else:
            sources.append(Source(str(path), "file"))  # a missing file fails in read_source, loudly
    return sources, skipped


# ---------------------------------------------------------------------------------- helpers


def content_id(data: bytes) -> str:
    """The stable id of an article: the first 16 hex digits of the SHA-256 of its raw bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def decode_text(data: bytes) -> str:
    """Decode text bytes: BOMs honoured, then UTF-8, then cp1252; binary data refused."""
    if not data.strip():
        raise IngestError("empty input")
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        raise IngestError(f"not valid {exc.encoding} text after its byte-order mark: {exc.reason} "
                          f"at byte {exc.start}") from None
    sample = data[:65536]
    if b"\x00" in sample:
        raise IngestError("binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(3, len(text[:65536]) // 100):
        raise IngestError("binary data (control characters), not text")
    return text


def parse_date(value: Any) -> date | None:
    """An ISO date or datetime (or a feed's struct_time) as a date; None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if hasattr(value, "tm_year"):
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None  # "2025-13-45": an unreadable date is no date, not a lost article
    import dateparser  # slow to import; only for the odd non-ISO date

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if parsed else None


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = ", ".join(str(v.get("name", v) if isinstance(v, dict) else v) for v in value)
    text = str(value).strip() if value is not None else ""
    return text or None


def keep_raw(settings: Settings, data: bytes, name: str, original: Path | None = None) -> Path:
    """Keep the raw bytes under data/raw (a file already there is kept where it is)."""
    raw_dir = settings.raw_dir.resolve()
    if original is not None and original.resolve().is_relative_to(raw_dir):
        return original
    folder = settings.raw_dir / hashlib.sha256(data).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "input"
    target = folder / safe[:120]
    if not target.exists():
        # A tmp name of its own: two runs keeping the same input at once must not write into one file.
        tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
    if original is not None:
        sidecar = sidecar_path(original)
        if sidecar.exists():
            shutil.copyfile(sidecar, sidecar_path(target))
    return target


def sidecar_path(path: Path) -> Path:
    """The metadata sidecar of a text file: seed-article.txt -> seed-article.meta.json."""
    return path.with_name(path.name.rsplit(".", 1)[0] + SIDECAR)


# ---------------------------------------------------------------------------------- parsers


_CLOSERS = "\"'\u201d\u2019\u00bb)]"  # closing quotation marks and brackets after a sentence's period


def split_title(text: str) -> tuple[str | None, str]:
    """The first line is the title when a blank line follows it and it has no final period (a period
    inside closing quotation marks or a bracket is final: 'school."' ends a sentence)."""
    lines = text.lstrip("\ufeff").lstrip("\n").split("\n")
    if len(lines) > 2 and lines[0].strip() and not lines[1].strip():
        first = lines[0].strip()
        if not first.rstrip(_CLOSERS).endswith(".") and len(first) <= 300:
            return first, "\n".join(lines[2:])
    return None, text


def article_from_meta(meta: dict[str, Any], body: str, **fields: Any) -> RawArticle:
    """A RawArticle from a metadata dict with the contract's JSON keys."""
    published = meta.get("published") or meta.get("publishedAt") or meta.get("date")
    fallback_title = fields.pop("title", None)
    return RawArticle(
        body=body,
        title=_str_or_none(meta.get("title")) or fallback_title,
        published=parse_date(published),
        outlet=_str_or_none(meta.get("outlet") or meta.get("source")),
        url=_str_or_none(meta.get("url")),
        author=_str_or_none(meta.get("author")),
        language=_str_or_none(meta.get("language")),  # None: detected after cleaning
        **fields,
    )


def parse_text(data: bytes, *, uri: str, raw_path: str, meta: dict[str, Any] | None = None,
               source_format: str = "text") -> RawArticle:
    """A plain-text article with an optional title line and metadata."""
    text = decode_text(data)
    title, body = split_title(text)
    if title is None:  # a first line that repeats the sidecar's headline is the headline, however it ends
        body = drop_repeated_headline(body, _str_or_none((meta or {}).get("title")))
    if not body.strip():
        raise IngestError("no article text")
    return article_from_meta(meta or {}, body, title=title, article_id=content_id(data), source_uri=uri,
                             raw_path=raw_path, source_format=source_format)


def _json_objects(data: bytes) -> list[tuple[dict[str, Any], bytes]]:
    text = decode_text(data)
    try:
        doc = json.loads(text)
        items = doc if isinstance(doc, list) else [doc]
        if isinstance(doc, dict) and isinstance(doc.get("articles"), list):  # NewsAPI response
            items = doc["articles"]
        if not items:
            raise IngestError("JSON holds no articles (an empty list)")
        return [(it, json.dumps(it, sort_keys=True, ensure_ascii=False).encode()) if len(items) > 1
                else (it, data) for it in items]
    except RecursionError:
        raise IngestError(TOO_DEEP) from None
    except json.JSONDecodeError as exc:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if len(lines) < 2:
            raise IngestError(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
        out = []
        for n, line in enumerate(lines, 1):
            try:
                out.append((json.loads(line), line.encode()))
            except json.JSONDecodeError as err:
                out.append(({"__error__": f"invalid JSON on line {n}: {err.msg}"}, line.encode()))
            except RecursionError:
                out.append(({"__error__": f"line {n}: {TOO_DEEP}"}, line.encode()))
        return out


def parse_json(data: bytes, *, uri: str, raw_path: str) -> tuple[list[RawArticle], list[Failure]]:
    """Articles from a JSON object, a list of them, or JSON Lines (one object per line)."""
    articles: list[RawArticle] = []
    failures: list[Failure] = []
    for n, (obj, raw) in enumerate(_json_objects(data)):
        item_uri = uri if n == 0 and len(raw) == len(data) else f"{uri}#{n + 1}"
        if not isinstance(obj, dict) or "__error__" in obj:
            reason = obj.get("__error__") if isinstance(obj, dict) else f"item {n + 1} is not a JSON object"
            failures.append(Failure(item_uri, reason, article_id=content_id(raw)))
            continue
        body = obj.get("text") or obj.get("body") or obj.get("content")
        if not isinstance(body, str) or not body.strip():
            failures.append(Failure(item_uri, "JSON article has no 'text', 'body' or 'content'",
                                    article_id=content_id(raw), record=json.dumps(obj)[:2000]))
            continue
        articles.append(article_from_meta(obj, body, article_id=content_id(raw), source_uri=item_uri,
                                          raw_path=raw_path, source_format="json"))
    return articles, failures


def _squash(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def drop_repeated_headline(body: str, title: str | None) -> str:
    """The body without a first line that only repeats the headline (pages often put the <h1> there)."""
    first, _, rest = body.lstrip().partition("\n")
    if title and rest.strip() and _squash(first) and _squash(first) == _squash(title):
        return rest
    return body


def parse_html(data: bytes, *, uri: str, raw_path: str, source_format: str = "html",
               url: str | None = None) -> RawArticle:
    """Main text and metadata of an article page, with trafilatura."""
    html = decode_text(data)
    problem = html_problem(html)
    if problem:
        raise IngestError(problem)
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise IngestError("no article text found in the HTML page")
    body = drop_repeated_headline(body, doc.title)
    return RawArticle(
        article_id=content_id(data), source_uri=uri, raw_path=raw_path, source_format=source_format,
        body=body, title=doc.title or None, published=parse_date(doc.date), outlet=doc.sitename or None,
        url=doc.url or url, author=doc.author or None, language=doc.language or None,
    )


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """RSS or Atom, by content type or by the document's root element."""
    if any(t in content_type for t in ("rss", "atom")):
        return True
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head) or \
        head.startswith((b"<rss", b"<feed"))


# ---------------------------------------------------------------------------------- sources


def _read_feed(data: bytes, *, uri: str, raw_path: str, settings: Settings, session: FetchSession,
               typed_url: str | None = None) -> tuple[list[RawArticle], list[Failure]]:
    """Articles of a feed: each entry's content, or its page (checked: see fetch.py); `typed_url` is
    the feed's own URL when a person gave it, whose origin its links share trust with."""
    # No sanitizing: entry HTML only becomes text here, and feedparser's sgmllib sanitizer takes
    # minutes on pathological markup (html_problem refuses that below, in well under a second).
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if parsed.bozo and not parsed.entries:
        raise IngestError(f"not a readable RSS/Atom feed: {parsed.get('bozo_exception', 'parse error')}")
    outlet = parsed.feed.get("title")
    articles: list[RawArticle] = []
    failures: list[Failure] = []
    for n, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        entry_uri = link or f"{uri}#{n}"
        meta = {"title": entry.get("title"), "url": link, "author": entry.get("author"), "outlet": outlet,
                "published": entry.get("published_parsed") or entry.get("updated_parsed")}
        try:
            html = next((c.get("value") for c in entry.get("content", []) if c.get("value")), None)
            html = html or entry.get("summary") or ""
            if "<" in html and (problem := html_problem(html)):
                raise IngestError(problem)
            text = trafilatura.extract(html) if "<" in html else html
            if text and len(text) >= MIN_FEED_CONTENT_CHARS:
                raw = json.dumps({"feed": uri, "entry": dict(entry)}, sort_keys=True, default=str).encode()
                articles.append(article_from_meta(meta, text, article_id=content_id(raw), source_uri=entry_uri,
                                                  raw_path=raw_path, source_format="feed"))
            elif link and is_url(link):
                got = session.get(link, trusted_origin=typed_url, robots=True)
                page_raw = keep_raw(settings, got.content, _url_name(got.url))
                art = parse_html(got.content, uri=entry_uri, raw_path=str(page_raw), source_format="feed",
                                 url=got.url)
                art.title = art.title or meta["title"]
                art.published = art.published or parse_date(meta["published"])
                art.outlet = art.outlet or outlet
                articles.append(art)
            else:
                raise IngestError("feed entry has no content and no link to fetch")
        except IngestError as exc:
            failures.append(Failure(entry_uri, f"feed entry {n}: {exc}"))
    return articles, failures


def _url_name(url: str) -> str:
    parsed = urlparse(url)
    name = Path(parsed.path).name or "index"
    return name if "." in name else name + ".html"


def read_source(source: Source, settings: Settings,
                session: FetchSession | None = None) -> tuple[list[RawArticle], list[Failure]]:
    """Read one source into articles; what cannot be read comes back as failures, never raised.

    `session` shares robots.txt answers, host delays and feed validators across a batch's sources;
    without one, the source gets its own.
    """
    if session is None:
        with FetchSession(settings) as own:
            return read_source(source, settings, own)
    try:
        if source.is_url:
            got = session.get(source.uri, typed=True, conditional=True)
            if got.not_modified:  # a feed unchanged since its articles were committed: one small response
                session.not_modified.append(source.uri)
                return [], []
            raw_path = str(keep_raw(settings, got.content, _url_name(got.url)))
            if looks_like_feed(got.content, got.content_type):
                transient = session.transient_failures
                read = _read_feed(got.content, uri=source.uri, raw_path=raw_path, settings=settings,
                                  session=session, typed_url=source.uri)
                if session.transient_failures == transient:  # else the next poll must read it all again
                    session.remember(got, source.uri)
                return read
            if "json" in got.content_type:
                return parse_json(got.content, uri=source.uri, raw_path=raw_path)
            if "text/plain" in got.content_type:
                return [parse_text(got.content, uri=source.uri, raw_path=raw_path, source_format="url")], []
            if "html" in got.content_type or got.content.lstrip()[:1] == b"<":
                return [parse_html(got.content, uri=source.uri, raw_path=raw_path, source_format="url",
                                   url=got.url)], []
            raise IngestError(f"not an article: content type {got.content_type or 'unknown'!r}")
        path = Path(source.uri)
        if not path.is_file():
            raise IngestError(f"no such file: {path}")
        data = path.read_bytes()
        raw_path = str(keep_raw(settings, data, path.name, original=path))
        ext = path.suffix.lower()
        if not data.strip():
            raise IngestError("empty file")
        if ext in JSON_EXTS:
            return parse_json(data, uri=source.uri, raw_path=raw_path)
        if ext in HTML_EXTS:
            return [parse_html(data, uri=source.uri, raw_path=raw_path)], []
        if ext in FEED_EXTS or looks_like_feed(data):
            if len(data) > settings.http_max_bytes:  # the parser needs ~10x a feed's size in memory
                raise IngestError(f"feed of {len(data):,} bytes is over the {settings.http_max_bytes:,}-byte cap "
                                  "(FACTWIRE_HTTP_MAX_BYTES raises it)")
            return _read_feed(data, uri=source.uri, raw_path=raw_path, settings=settings, session=session)
        meta: dict[str, Any] = {}
        sidecar = sidecar_path(path)
        if sidecar.exists():
            try:
                meta = json.loads(sidecar.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise IngestError(f"unreadable sidecar {sidecar.name}: {exc}") from None
        return [parse_text(data, uri=source.uri, raw_path=raw_path, meta=meta)], []
    except IngestError as exc:
        return [], [Failure(source.uri, str(exc))]
    except (OSError, ValueError, RecursionError) as exc:
        return [], [Failure(source.uri, f"{exc.__class__.__name__}: {exc}")]


def read_sources(sources: list[Source], settings: Settings) -> Iterator[tuple[list[RawArticle], list[Failure]]]:
    """Read sources one after another, sharing one fetch session."""
    with FetchSession(settings) as session:
        for source in sources:
            yield read_source(source, settings, session)

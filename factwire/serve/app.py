"""The HTTP service: a page over the datasets, streamed downloads, article views, read-only SQL, a JSON API.

Every request gets its own cursor on a locked-down DuckDB database (`ReadOnlyViews`), rebuilt when a
batch is committed, so the service sees the latest data and untrusted SQL reads nothing but the tables.
"""

from __future__ import annotations

import logging
import threading
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from factwire import __version__
from factwire.across.places import geojson
from factwire.serve import across, catalog, export
from factwire.serve import article as article_view
from factwire.serve.security import HEADERS, QueryLimits, SecurityHeaders, TokenGate, scrub
from factwire.serve.sql import QueryRefused, QueryTimeout, run_limited
from factwire.serve.views import ReadOnlyViews
from schemas import TABLES

HERE = Path(__file__).resolve().parent
log = logging.getLogger("factwire.serve")


# Module level: FastAPI resolves the annotations of the route functions by name here.
FilterIds = Annotated[list[str] | None, Query(description="Article ids (repeat or comma-separate).")]


class QueryBody(BaseModel):
    """The body of POST /api/query."""

    sql: str
    limit: int | None = Field(None, ge=1)


def _date(name: str, value: str | None) -> date | None:
    """A filter date from a query string; empty means no filter (an HTML form sends empty fields)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name}: expected a date as YYYY-MM-DD, got {value!r}") from None


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, "status": status, **extra}, status_code=status)


def create_app(data_dir: str | Path | None = None, *, max_rows: int = 1000, query_timeout: float = 10.0,
               max_queries: int = 4, token: str | None = None, queries_per_minute: int = 60,
               queries_per_client: int = 2) -> FastAPI:
    """The FastAPI app serving the dataset under `data_dir` (default: FACTWIRE_DATA_DIR or data/).

    SQL queries are capped at `max_rows` rows and `query_timeout` seconds, `max_queries` at a time,
    and per client at `queries_per_client` at a time and `queries_per_minute` a minute. With a
    `token`, every route but the login page and static files requires it (see security.py).
    """
    from factwire.settings import get_settings

    processed = get_settings(data_dir).processed_dir
    # No Swagger UI: it needs inline script and a CDN, which the Content-Security-Policy forbids.
    app = FastAPI(title="factwire", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json")
    # Added innermost first: headers wrap everything (401 and 429 answers too), the gate wraps the limits.
    app.add_middleware(QueryLimits, per_minute=queries_per_minute, concurrent=queries_per_client)
    if token:
        app.add_middleware(TokenGate, token=token)
    app.add_middleware(SecurityHeaders, private=bool(token))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    slots = threading.BoundedSemaphore(max_queries)  # untrusted SQL may not take every core and GB at once

    views = ReadOnlyViews(processed)

    def con() -> duckdb.DuckDBPyConnection:
        return views.cursor()

    def table_or_404(table: str) -> str:
        if table not in TABLES:  # the only way a name reaches the disk is through the committed Delta versions
            raise HTTPException(404, f"no table named {table!r}; tables: {', '.join(TABLES)}")
        return table

    # ------------------------------------------------------------------ errors: always clear JSON

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"where": ".".join(str(p) for p in e["loc"]), "problem": e["msg"]} for e in exc.errors()]
        return _error(422, "invalid request: " + "; ".join(f"{d['where']}: {d['problem']}" for d in details),
                      details=details)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        log.exception("error serving %s", request.url.path)  # the trace goes to the log, never to the client
        response = _error(500, "internal error; see the server log")
        # Starlette answers this outside the middleware, so the security headers are added here.
        response.headers.update({k.decode(): v.decode() for k, v in HEADERS})
        return response

    # ------------------------------------------------------------------ pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        c = con()
        try:
            tables = catalog.tables(c, processed, views.snap)
            recent = article_view.rows(c, "SELECT article_id, title, outlet, published, word_count, duplicate_of, "
                                           "similarity FROM articles ORDER BY ingested_at DESC, published DESC "
                                           "NULLS LAST LIMIT 20", [])
        finally:
            c.close()
        return templates.TemplateResponse(request, "index.html", {
            "tables": tables, "recent": recent, "formats": list(export.FORMATS), "max_rows": max_rows,
            "timeout": query_timeout})

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, q: str = "", outlet: str = "", entity: str = "",
                      published_from: str = "", published_to: str = "", hide_copies: bool = False) -> HTMLResponse:
        found = search_articles(q, outlet, 200, entity=entity, published_from=published_from,
                                published_to=published_to, hide_copies=hide_copies)
        return templates.TemplateResponse(request, "articles.html", {
            "articles": found, "q": q, "outlet": outlet, "entity": entity, "published_from": published_from,
            "published_to": published_to, "hide_copies": hide_copies})

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        data = load_article(article_id)
        text = data["article"]["clean_text"]
        pieces = article_view.segments(text, article_view.highlight_spans(data["records"]))
        places = across.places_of(data["records"].get("entities", []))
        return templates.TemplateResponse(request, "article.html", {
            "a": data["article"], "records": data["records"], "segments": pieces, "places": places,
            "map_svg": across.map_svg(places) if places else ""})

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request, q: str = "", type: str = "") -> HTMLResponse:
        return templates.TemplateResponse(request, "entities.html", {
            "entities": find_entities(q, type, 200), "q": q, "type": type})

    @app.get("/entities/{entity_key}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_key: str) -> HTMLResponse:
        data = load_entity(entity_key)
        place = across.places_of([data["entity"]])
        return templates.TemplateResponse(request, "entity.html", {
            **data, "map_svg": across.map_svg(place) if place else ""})

    # ------------------------------------------------------------------ downloads

    def download(table: str, fmt: str, filters: export.Filters) -> StreamingResponse:
        table = table_or_404(table)
        if fmt not in export.FORMATS:
            raise HTTPException(404, f"no format {fmt!r}; formats: {', '.join(export.FORMATS)}")
        c = con()
        try:
            body = export.stream(c, table, fmt, filters)
            first = next(body, b"")  # fail here, as JSON, rather than halfway through the body
        except Exception:
            c.close()
            raise
        name = table + ("" if not filters.article_id else "-filtered") + "." + fmt

        def chained():
            yield first
            yield from body

        return StreamingResponse(chained(), media_type=export.FORMATS[fmt],
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    def filters(article_id: list[str] | None, outlet: str | None, published_from: str | None,
                published_to: str | None) -> export.Filters:
        ids = [i.strip() for part in article_id or [] for i in part.split(",") if i.strip()]
        return export.Filters(ids or None, outlet or None, _date("published_from", published_from),
                              _date("published_to", published_to))

    @app.get("/download/{table}.{fmt}", summary="Download a table (streamed)")
    def download_table(table: str, fmt: str, article_id: FilterIds = None, outlet: str | None = None,
                       published_from: str | None = None, published_to: str | None = None) -> StreamingResponse:
        """A whole table as Parquet, CSV or JSON Lines, optionally filtered."""
        return download(table, fmt, filters(article_id, outlet, published_from, published_to))

    @app.get("/download", include_in_schema=False)
    def download_form(table: str, format: str = "csv", article_id: FilterIds = None, outlet: str | None = None,
                      published_from: str | None = None, published_to: str | None = None) -> StreamingResponse:
        return download(table, format, filters(article_id, outlet, published_from, published_to))

    @app.get("/datapackage.json", summary="Frictionless Data Package")
    def datapackage(request: Request) -> JSONResponse:
        """Every table as a resource of a Frictionless Data Package, pointing at its CSV download."""
        c = con()
        try:
            tables = catalog.tables(c, processed, views.snap)
        finally:
            c.close()
        return JSONResponse(catalog.datapackage(str(request.base_url), tables))

    # ------------------------------------------------------------------ JSON API

    @app.get("/health")
    def health() -> dict[str, Any]:
        """Whether the service can read the dataset."""
        c = con()
        try:
            articles = c.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            c.close()
        return {"status": "ok", "version": __version__, "articles": articles}  # no server paths

    @app.get("/api/tables")
    def api_tables() -> list[dict[str, Any]]:
        """Every table: description, row count, last update, columns with descriptions."""
        c = con()
        try:
            return catalog.tables(c, processed, views.snap)
        finally:
            c.close()

    @app.get("/api/tables/{table}")
    def api_table_rows(table: str, article_id: FilterIds = None, outlet: str | None = None,
                       published_from: str | None = None, published_to: str | None = None,
                       limit: Annotated[int, Query(ge=1)] = 100, offset: Annotated[int, Query(ge=0)] = 0
                       ) -> dict[str, Any]:
        """Rows of a table as JSON (at most the service's row cap), with the download filters."""
        table = table_or_404(table)
        limit = min(limit, max_rows)
        where, params = filters(article_id, outlet, published_from, published_to).where(table)
        c = con()
        try:
            total = c.execute(f'SELECT count(*) FROM "{table}"{where}', params).fetchone()[0]
            rows = article_view.rows(c, f'SELECT * FROM "{table}"{where} LIMIT {limit} OFFSET {offset}', params)
        finally:
            c.close()
        return {"table": table, "total": total, "limit": limit, "offset": offset,
                "rows": article_view.jsonable(rows)}

    def search_articles(q: str, outlet: str, limit: int, *, entity: str = "", published_from: str | None = None,
                        published_to: str | None = None, hide_copies: bool = False) -> list[dict[str, Any]]:
        where, params = across.article_filters(q, outlet, entity, _date("published_from", published_from),
                                               _date("published_to", published_to), hide_copies)
        c = con()
        try:
            sql = (f"SELECT article_id, title, outlet, published, url, word_count, duplicate_of, similarity "
                   f"FROM articles{where} ORDER BY published DESC NULLS LAST, title LIMIT {int(limit)}")
            return article_view.rows(c, sql, params)
        finally:
            c.close()

    @app.get("/api/articles")
    def api_articles(q: str = "", outlet: str = "", entity: str = "", published_from: str | None = None,
                     published_to: str | None = None, hide_copies: bool = False,
                     limit: Annotated[int, Query(ge=1)] = 100) -> dict[str, Any]:
        """Articles whose title or text contains `q` (case-insensitive), newest first.

        Filters: `outlet`, `entity` (an entity_key), `published_from`/`published_to` (YYYY-MM-DD),
        `hide_copies` (leave out articles that copy another one).
        """
        found = search_articles(q, outlet, min(limit, max_rows), entity=entity, published_from=published_from,
                                published_to=published_to, hide_copies=hide_copies)
        return {"articles": article_view.jsonable(found)}

    def find_entities(q: str, type: str, limit: int) -> list[dict[str, Any]]:
        clauses, params = [], []
        if q:
            clauses.append("(name ILIKE ? OR list_contains(aliases, ?) OR entity_key = ?)")
            params += [f"%{q}%", q, q]
        if type:
            clauses.append("type = ?")
            params.append(type)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        c = con()
        try:
            return article_view.rows(c, f"SELECT entity_key, name, type, article_count, first_published, "
                                        f"last_published FROM entity_index{where} "
                                        f"ORDER BY article_count DESC, name LIMIT {int(limit)}", params)
        finally:
            c.close()

    def load_entity(entity_key: str) -> dict[str, Any]:
        return found_or_404(across.entity, entity_key, "entity with key")

    @app.get("/api/entities")
    def api_entities(q: str = "", type: str = "", limit: Annotated[int, Query(ge=1)] = 100) -> dict[str, Any]:
        """Entities of the entity_index whose name contains `q` (or with that alias or key), most covered first."""
        return {"entities": article_view.jsonable(find_entities(q, type, min(limit, max_rows)))}

    @app.get("/api/entities/{entity_key}")
    def api_entity(entity_key: str) -> dict[str, Any]:
        """One entity across the dataset: its index row, articles, quotes, roles, amounts and events."""
        return article_view.jsonable(load_entity(entity_key))

    def geojson_response(rows: list[dict[str, Any]], name: str) -> JSONResponse:
        return JSONResponse(geojson(article_view.jsonable(rows)), media_type="application/geo+json",
                            headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/api/places.geojson", summary="The dataset's places as GeoJSON")
    def places_geojson() -> JSONResponse:
        """Every place with coordinates in the dataset (one point per entity_key, with its article count)."""
        c = con()
        try:
            found = article_view.rows(c, "SELECT * EXCLUDE (aliases) FROM entity_index WHERE latitude IS NOT NULL "
                                         "ORDER BY article_count DESC, name", [])
        finally:
            c.close()
        return geojson_response(found, "places.geojson")

    @app.get("/api/articles/{article_id}/places.geojson", summary="An article's places as GeoJSON")
    def article_places_geojson(article_id: str) -> JSONResponse:
        """The places of one article that have coordinates."""
        data = load_article(article_id)
        found = [{**e, "article_id": article_id} for e in across.places_of(data["records"].get("entities", []))]
        return geojson_response(found, f"places-{article_id}.geojson")

    def load_article(article_id: str) -> dict[str, Any]:
        return found_or_404(article_view.load, article_id, "article with id")

    def found_or_404(load: Any, key: str, what: str) -> dict[str, Any]:
        """What `load(connection, key)` finds, or a 404 naming what was not found."""
        c = con()
        try:
            data = load(c, key)
        finally:
            c.close()
        if data is None:
            raise HTTPException(404, f"no {what} {key!r}")
        return data

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> dict[str, Any]:
        """One article with its records from every table."""
        return article_view.jsonable(load_article(article_id))

    def query(sql: str, limit: int | None) -> JSONResponse:
        cap = min(limit or max_rows, max_rows)
        if not slots.acquire(timeout=1.0):
            return _error(503, f"{max_queries} queries are running already; try again shortly")
        c = None
        try:
            c = con()
            result = run_limited(c, sql, max_rows=cap, timeout=query_timeout)
        except QueryRefused as exc:
            return _error(400, scrub(str(exc), processed, sql))
        except QueryTimeout as exc:
            return _error(408, str(exc))
        except duckdb.Error as exc:
            return _error(400, scrub(str(exc).split("\n")[0], processed, sql))
        finally:
            if c is not None:
                c.close()
            slots.release()
        return JSONResponse({"columns": result.columns, "rows": article_view.jsonable(result.rows),
                             "row_count": len(result.rows), "truncated": result.truncated,
                             "max_rows": cap, "seconds": result.seconds})

    @app.post("/api/query")
    def api_query(body: QueryBody) -> JSONResponse:
        """Run one read-only DuckDB statement over the tables (row cap and time limit apply)."""
        return query(body.sql, body.limit)

    @app.get("/api/query")
    def api_query_get(sql: str, limit: Annotated[int | None, Query(ge=1)] = None) -> JSONResponse:
        """The same as POST, for links and curl."""
        return query(sql, limit)

    return app

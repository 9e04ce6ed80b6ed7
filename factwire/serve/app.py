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
from factwire.serve import article as article_view
from factwire.serve import catalog, export
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
               max_queries: int = 4) -> FastAPI:
    """The FastAPI app serving the dataset under `data_dir` (default: FACTWIRE_DATA_DIR or data/).

    SQL queries are capped at `max_rows` rows and `query_timeout` seconds, `max_queries` at a time.
    """
    from factwire.settings import get_settings

    processed = get_settings(data_dir).processed_dir
    app = FastAPI(title="factwire", version=__version__, docs_url="/api/docs", redoc_url=None,
                  openapi_url="/api/openapi.json")
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
        return _error(500, f"internal error ({exc.__class__.__name__}); see the server log")

    # ------------------------------------------------------------------ pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        c = con()
        try:
            tables = catalog.tables(c, processed, views.snap)
            recent = article_view.rows(c, "SELECT article_id, title, outlet, published, word_count FROM articles "
                                           "ORDER BY ingested_at DESC, published DESC NULLS LAST LIMIT 20", [])
        finally:
            c.close()
        return templates.TemplateResponse(request, "index.html", {
            "tables": tables, "recent": recent, "formats": list(export.FORMATS), "max_rows": max_rows,
            "timeout": query_timeout})

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, q: str = "", outlet: str = "") -> HTMLResponse:
        found = search_articles(q, outlet, 200)
        return templates.TemplateResponse(request, "articles.html", {"articles": found, "q": q, "outlet": outlet})

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        data = load_article(article_id)
        text = data["article"]["clean_text"]
        pieces = article_view.segments(text, article_view.highlight_spans(data["records"]))
        return templates.TemplateResponse(request, "article.html", {
            "a": data["article"], "records": data["records"], "segments": pieces})

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
        return {"status": "ok", "version": __version__, "articles": articles, "data_dir": str(processed.parent)}

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

    def search_articles(q: str, outlet: str, limit: int) -> list[dict[str, Any]]:
        clauses, params = [], []
        if q:
            clauses.append("(title ILIKE ? OR clean_text ILIKE ? OR article_id = ?)")
            params += [f"%{q}%", f"%{q}%", q]
        if outlet:
            clauses.append("outlet = ?")
            params.append(outlet)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        c = con()
        try:
            sql = (f"SELECT article_id, title, outlet, published, url, word_count FROM articles{where} "
                   f"ORDER BY published DESC NULLS LAST, title LIMIT {int(limit)}")
            return article_view.rows(c, sql, params)
        finally:
            c.close()

    @app.get("/api/articles")
    def api_articles(q: str = "", outlet: str = "", limit: Annotated[int, Query(ge=1)] = 100) -> dict[str, Any]:
        """Articles whose title or text contains `q` (case-insensitive), newest first."""
        found = search_articles(q, outlet, min(limit, max_rows))
        return {"articles": article_view.jsonable(found)}

    def load_article(article_id: str) -> dict[str, Any]:
        c = con()
        try:
            data = article_view.load(c, article_id)
        finally:
            c.close()
        if data is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
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
            return _error(400, str(exc))
        except QueryTimeout as exc:
            return _error(408, str(exc))
        except duckdb.Error as exc:
            return _error(400, str(exc).split("\n")[0])
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

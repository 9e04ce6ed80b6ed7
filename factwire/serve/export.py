"""Streamed table downloads (Parquet, CSV, JSON Lines), filtered by article, outlet and published range."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from factwire.serve.article import jsonable
from schemas import SCHEMAS, arrow_schema

FORMATS = {
    "parquet": "application/vnd.apache.parquet",
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
}
BATCH_ROWS = 10_000


@dataclass(frozen=True)
class Filters:
    """Row filters every table understands (outlet and published go through the articles table)."""

    article_id: list[str] | None = None
    outlet: str | None = None
    published_from: date | None = None
    published_to: date | None = None

    def where(self, table: str) -> tuple[str, list[Any]]:
        """A WHERE clause (or "") and its parameters for one table."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.article_id:
            clauses.append(f"article_id IN ({', '.join('?' * len(self.article_id))})")
            params.extend(self.article_id)
        article_clauses: list[str] = []
        if self.outlet:
            article_clauses.append("outlet = ?")
            params.append(self.outlet)
        if self.published_from:
            article_clauses.append("published >= ?")
            params.append(self.published_from)
        if self.published_to:
            article_clauses.append("published <= ?")
            params.append(self.published_to)
        if article_clauses:
            if table == "articles":
                clauses.extend(article_clauses)
            else:
                clauses.append(f"article_id IN (SELECT article_id FROM articles WHERE {' AND '.join(article_clauses)})")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def select_sql(table: str, fmt: str, filters: Filters) -> tuple[str, list[Any]]:
    """The SELECT that feeds a download; CSV gets list columns as JSON text (CSV has no lists)."""
    cols = []
    for field in arrow_schema(SCHEMAS[table]):
        name = f'"{field.name}"'
        if fmt == "csv" and pa.types.is_list(field.type):
            cols.append(f"CAST(to_json({name}) AS VARCHAR) AS {name}")
        else:
            cols.append(name)
    where, params = filters.where(table)
    return f'SELECT {", ".join(cols)} FROM "{table}"{where}', params


class _Chunks(io.RawIOBase):
    """A write-only file that hands over what was written since the last `take()`."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self._pos = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._buf += data
        self._pos += len(data)
        return len(data)

    def tell(self) -> int:
        return self._pos

    def take(self) -> bytes:
        out = bytes(self._buf)
        self._buf.clear()
        return out


def stream(con: duckdb.DuckDBPyConnection, table: str, fmt: str, filters: Filters) -> Iterator[bytes]:
    """Yield the download's bytes batch by batch; the connection is closed at the end."""
    sql, params = select_sql(table, fmt, filters)
    try:
        reader = con.sql(sql, params=params).to_arrow_reader(BATCH_ROWS)
        sink = _Chunks()
        if fmt == "parquet":
            with pq.ParquetWriter(sink, reader.schema, compression="zstd") as writer:
                for batch in reader:
                    writer.write_batch(batch)
                    yield sink.take()
            yield sink.take()  # the footer
        elif fmt == "csv":
            with pacsv.CSVWriter(sink, reader.schema) as writer:
                for batch in reader:
                    writer.write_batch(batch)
                    yield sink.take()
            yield sink.take()  # the header alone when there are no rows
        else:
            for batch in reader:
                lines = (json.dumps(jsonable(row), ensure_ascii=False)
                         for row in batch.to_pylist())
                yield ("\n".join(lines) + "\n").encode("utf-8") if batch.num_rows else b""
    finally:
        con.close()

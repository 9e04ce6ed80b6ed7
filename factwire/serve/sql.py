"""Untrusted, read-only SQL with a row cap and a time limit."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from factwire.query import check_select


class QueryRefused(ValueError):
    """SQL the service will not run (not a single read-only statement, or not valid SQL)."""


class QueryTimeout(RuntimeError):
    """SQL that ran past the time limit and was interrupted."""


@dataclass
class QueryResult:
    """Columns and at most `max_rows` rows of a query, and whether more rows were cut off."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool
    seconds: float


def guard(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The one read-only statement of `sql`, or QueryRefused saying why it will not run."""
    try:
        return check_select(con, sql)
    except ValueError as exc:
        raise QueryRefused(str(exc)) from None
    except duckdb.Error as exc:
        raise QueryRefused(str(exc).split("\n")[0]) from None


@contextlib.contextmanager
def _file_refusals() -> Iterator[None]:
    """Report the connection's refusal of files other than the tables' as QueryRefused."""
    try:
        yield
    except duckdb.PermissionException as exc:
        raise QueryRefused(f"only the dataset's tables can be read: {str(exc).splitlines()[0]}") from None


def execute_guarded(con: duckdb.DuckDBPyConnection, sql: str) -> duckdb.DuckDBPyConnection:
    """Run one read-only statement on a `connect_readonly` connection; refusals raise QueryRefused.

    The connection itself refuses files other than the tables' (file readers, COPY, ATTACH); that
    refusal is reported as QueryRefused too.
    """
    statement = guard(con, sql)
    with _file_refusals():
        return con.execute(statement)


def arrow_guarded(con: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    """Like `execute_guarded`, the whole result as an Arrow table (types kept: integers stay integers)."""
    statement = guard(con, sql)
    with _file_refusals():
        return con.sql(statement).to_arrow_table()


def run_limited(con: duckdb.DuckDBPyConnection, sql: str, *, max_rows: int, timeout: float) -> QueryResult:
    """Run one read-only statement on a locked-down connection; interrupt it after `timeout` seconds."""
    statement = guard(con, sql)
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            cur = con.execute(statement)
            outcome["columns"] = [d[0] for d in cur.description or []]
            outcome["rows"] = cur.fetchmany(max_rows + 1)  # one more tells whether the cap cut rows
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc

    started = time.perf_counter()
    worker = threading.Thread(target=work, name="factwire-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        con.interrupt()  # DuckDB stops the running query at its next check
        worker.join()  # wait for that, so the caller's cap on running queries stays true
        raise QueryTimeout(f"query stopped: it ran past the time limit of {timeout:g} s")
    if "error" in outcome:
        raise outcome["error"]
    rows = outcome["rows"]
    return QueryResult(outcome["columns"], rows[:max_rows], len(rows) > max_rows,
                       round(time.perf_counter() - started, 3))

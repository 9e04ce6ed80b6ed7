"""DuckDB over the committed Delta tables: one view per table, named after it, all at one dataset version.

Readers never write: they read the latest `_commits` record (or the one `as_of` names) and open every
table at the version it records (`factwire.store`), take no lock and move no file.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from factwire.store import Snapshot, is_remote, snapshot, table_dataset, table_files
from schemas import SCHEMAS, TABLES, arrow_schema


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _empty_select(table: str) -> str:
    types = {"string": "VARCHAR", "int64": "BIGINT", "double": "DOUBLE", "bool": "BOOLEAN",
             "date32[day]": "DATE", "timestamp[us, tz=UTC]": "TIMESTAMPTZ", "list<item: string>": "VARCHAR[]",
             "list<item: int64>": "BIGINT[]"}
    cols = ", ".join(f"CAST(NULL AS {types.get(str(f.type), 'VARCHAR')}) AS \"{f.name}\""
                     for f in arrow_schema(SCHEMAS[table]))
    return f"SELECT {cols} WHERE false"


def create_views(con: duckdb.DuckDBPyConnection, processed: str | Path, snap: Snapshot | None = None, *,
                 unique: bool = False) -> Snapshot:
    """(Re)create one view per table at one committed state (the latest by default); returns that state.

    Local tables are read by DuckDB's own Parquet reader over the files of the recorded version;
    tables in object storage through delta-rs (registered Arrow datasets), which holds the credentials.
    The across-article views follow (`create_across_views`); `unique` leaves copies out of every view.
    """
    snap = snapshot(processed) if snap is None else snap
    if not unique:
        _create_table_views(con, processed, snap)
    else:  # the tables under other names, then the usual names narrowed to originals
        _create_table_views(con, processed, snap, prefix="_all_")
        for table in TABLES:
            con.execute(f'CREATE OR REPLACE VIEW "{table}" AS SELECT * FROM "_all_{table}"')
    create_across_views(con, unique=unique)
    return snap


def _columns(con: duckdb.DuckDBPyConnection, view: str) -> set[str]:
    return {row[0] for row in con.execute(f'DESCRIBE "{view}"').fetchall()}


def create_across_views(con: duckdb.DuckDBPyConnection, *, unique: bool = False) -> None:
    """The views across articles: `articles_unique` (copies left out), `sourcing` (every sourcing phrase,
    named or not: attributions and unnamed_sources in one shape, `named` telling them apart) and
    `entity_index` (one row per entity_key: most used name and type, every name and alias seen, article
    count, first and last date).

    With `unique`, every table's view (quarantine aside; the whole tables are then `_all_<table>`) is
    narrowed to articles that copy no other one, so any query leaves syndicated copies out. Files
    written before these columns existed read as originals with no keys.
    """
    has_copies = "duplicate_of" in _columns(con, "articles")
    original = "duplicate_of IS NULL" if has_copies else "true"
    if unique and has_copies:
        con.execute("CREATE OR REPLACE TEMP TABLE _copies AS SELECT article_id FROM articles "
                    "WHERE duplicate_of IS NOT NULL")
        for table in TABLES:
            if table != "quarantine" and _columns(con, f"_all_{table}") >= {"article_id"}:
                con.execute(f'CREATE OR REPLACE VIEW "{table}" AS SELECT * FROM "_all_{table}" '
                            "WHERE article_id NOT IN (SELECT article_id FROM _copies)")
    con.execute(f"CREATE OR REPLACE VIEW articles_unique AS SELECT * FROM articles WHERE {original}")
    # every sourcing phrase in one shape, named or not: the attributions and the unnamed sources
    con.execute("""CREATE OR REPLACE VIEW sourcing AS
        SELECT article_id, source, source_id, cue, text, start, "end", true AS named FROM attributions
        UNION ALL
        SELECT article_id, description AS source, CAST(NULL AS VARCHAR) AS source_id, cue, text, start, "end",
               false AS named FROM unnamed_sources""")
    present = _columns(con, "entities")
    place = {"geonames_id": "BIGINT", "latitude": "DOUBLE", "longitude": "DOUBLE", "country_code": "VARCHAR",
             "place_kind": "VARCHAR"}
    cols = ", ".join(f"any_value(e.{c}) AS {c}" if c in present else f"CAST(NULL AS {t}) AS {c}"
                     for c, t in place.items())
    key = "e.entity_key" if "entity_key" in present else "CAST(NULL AS VARCHAR)"
    con.execute(f"""CREATE OR REPLACE VIEW entity_index AS
        SELECT entity_key, name, type, list_filter(forms, lambda f: f <> name) AS aliases, article_count,
               mention_count, first_published, last_published, {", ".join(place)}
        FROM (SELECT {key} AS entity_key, mode(e.name) AS name, mode(e.type) AS type,
                     list_sort(list_distinct(flatten(list(list_prepend(e.name, e.aliases))))) AS forms,
                     count(DISTINCT e.article_id) AS article_count,
                     CAST(sum(e.mention_count) AS BIGINT) AS mention_count,
                     min(a.published) AS first_published, max(a.published) AS last_published, {cols}
              FROM entities e LEFT JOIN articles a USING (article_id)
              WHERE {key} IS NOT NULL GROUP BY 1)""")


def _create_table_views(con: duckdb.DuckDBPyConnection, processed: str | Path, snap: Snapshot, *,
                        prefix: str = "") -> None:
    """One view per table at the snapshot's versions (an empty view when it has none), named prefix + table."""
    for table in TABLES:
        if is_remote(processed):
            ds = table_dataset(processed, table, snap)
            if ds is not None:
                con.register(f"_delta_{prefix}{table}", ds)
                con.execute(f'CREATE OR REPLACE VIEW "{prefix}{table}" AS SELECT * FROM "_delta_{prefix}{table}"')
                continue
            files = []
        else:
            files = table_files(processed, table, snap)
        if files:
            listing = ", ".join(_sql_str(str(f)) for f in files)
            # By name after the empty select: every schema column is there, in schema order, even when
            # every file predates a nullable column added since (it reads as null).
            sql = (f"{_empty_select(table)} UNION ALL BY NAME "
                   f"SELECT * FROM read_parquet([{listing}], union_by_name = true)")
        else:
            sql = _empty_select(table)
        con.execute(f'CREATE OR REPLACE VIEW "{prefix}{table}" AS {sql}')


def _processed(data_dir: str | Path | None, processed: str | Path | None) -> str | Path:
    from factwire.settings import get_settings

    return processed if processed is not None else get_settings(data_dir).processed_dir


def connect(data_dir: str | Path | None = None, *, processed: str | Path | None = None,
            as_of: int | str | None = None, unique: bool = False) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with a view per table of the dataset (as of a version or time;
    copies left out if `unique`)."""
    where = _processed(data_dir, processed)
    con = duckdb.connect()
    create_views(con, where, snapshot(where, as_of), unique=unique)
    return con


def connect_readonly(data_dir: str | Path | None = None, *, processed: str | Path | None = None,
                     memory_limit: str = "1GB", threads: int = 2,
                     snap: Snapshot | None = None, unique: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection for untrusted SQL: the views work, every other file and setting is locked away.

    DuckDB may read only the committed Parquet files the views name (`allowed_paths`); external
    access (other files, ATTACH, COPY, INSTALL/LOAD, secrets) is off and the configuration is locked,
    so a query cannot switch it back on. Statement types are checked separately (`check_select`).
    """
    where = _processed(data_dir, processed)
    # One state for the views and the allowed paths: a commit in between would make the views name
    # files the allowed paths do not list.
    snap = snapshot(where) if snap is None else snap
    con = duckdb.connect()
    create_views(con, where, snap, unique=unique)
    files = [] if is_remote(where) else [str(f) for t in TABLES for f in table_files(where, t, snap)]
    con.execute(f"SET allowed_paths = [{', '.join(_sql_str(f) for f in files)}]")
    con.execute(f"SET memory_limit = {_sql_str(memory_limit)}")
    con.execute(f"SET threads = {int(threads)}")
    con.execute("SET parquet_metadata_cache = true")  # footers are read once per file, not once per query
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


READ_ONLY_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


def check_select(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The one read-only statement in `sql` (SELECT, WITH, FROM, DESCRIBE, EXPLAIN); ValueError otherwise."""
    statements = con.extract_statements(sql)  # raises duckdb.ParserException on bad SQL
    if len(statements) != 1:
        raise ValueError(f"send exactly one statement (got {len(statements)})")
    if statements[0].type not in READ_ONLY_STATEMENTS:
        raise ValueError(f"only read-only queries are allowed (got {statements[0].type.name})")
    return statements[0].query


def run_query(sql: str, data_dir: str | Path | None = None, *, as_of: int | str | None = None,
              unique: bool = False) -> pd.DataFrame:
    """Run SQL over the tables (as of a dataset version or time; copies left out if `unique`) and return
    the result as a DataFrame."""
    con = connect(data_dir, as_of=as_of, unique=unique)
    try:
        return con.execute(sql).fetch_df()
    finally:
        con.close()


def table_summary(data_dir: str | Path | None = None) -> list[dict[str, object]]:
    """Every table with its row count, file count and columns."""
    where = _processed(data_dir, None)
    snap = snapshot(where)
    con = duckdb.connect()
    create_views(con, where, snap)
    try:
        out = []
        for table in TABLES:
            n = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            cols = [f.name for f in arrow_schema(SCHEMAS[table])]
            files = table_files(where, table, snap)
            out.append({"table": table, "rows": n, "files": len(files), "columns": cols})
        return out
    finally:
        con.close()

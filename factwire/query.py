"""DuckDB over the committed Parquet tables: one view per table, named after it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from factwire.store import read_manifest, recover, table_files
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


def create_views(con: duckdb.DuckDBPyConnection, processed: Path, manifest: dict | None = None, *,
                 unique: bool = False) -> None:
    """(Re)create one view per table over its committed files (an empty view when it has none).

    The across-article views follow (`create_across_views`); `unique` leaves copies out of every view.
    """
    if not unique:
        _create_table_views(con, processed, manifest)
    else:  # the tables under other names, then the usual names narrowed to originals
        _create_table_views(con, processed, manifest, prefix="_all_")
        for table in TABLES:
            con.execute(f'CREATE OR REPLACE VIEW "{table}" AS SELECT * FROM "_all_{table}"')
    create_across_views(con, unique=unique)


def _columns(con: duckdb.DuckDBPyConnection, view: str) -> set[str]:
    return {row[0] for row in con.execute(f'DESCRIBE "{view}"').fetchall()}


def create_across_views(con: duckdb.DuckDBPyConnection, *, unique: bool = False) -> None:
    """The views across articles: `articles_unique` (copies left out) and `entity_index` (one row per
    entity_key: most used name and type, every name and alias seen, article count, first and last date).

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


def _create_table_views(con: duckdb.DuckDBPyConnection, processed: Path, manifest: dict | None = None, *,
                        prefix: str = "") -> None:
    """One view per table over its committed files (an empty view when it has none), named prefix + table."""
    manifest = manifest or read_manifest(processed)
    for table in TABLES:
        files = table_files(processed, table, manifest)
        if files:
            listing = ", ".join(_sql_str(str(f)) for f in files)
            # By name after the empty select: every schema column is there, in schema order, even when
            # every file predates a nullable column added since (it reads as null).
            sql = (f"{_empty_select(table)} UNION ALL BY NAME "
                   f"SELECT * FROM read_parquet([{listing}], union_by_name = true)")
        else:
            sql = _empty_select(table)
        con.execute(f'CREATE OR REPLACE VIEW "{prefix}{table}" AS {sql}')


def connect(data_dir: str | Path | None = None, *, processed: Path | None = None,
            unique: bool = False) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with a view per table of the dataset (copies left out if `unique`)."""
    from factwire.settings import get_settings

    processed = Path(processed) if processed else get_settings(data_dir).processed_dir
    if (processed / "_txn").exists():
        recover(processed)  # finish a commit a crashed writer left half-published
    con = duckdb.connect()
    create_views(con, processed, unique=unique)
    return con


def connect_readonly(data_dir: str | Path | None = None, *, processed: Path | None = None,
                     memory_limit: str = "1GB", threads: int = 2) -> duckdb.DuckDBPyConnection:
    """A connection for untrusted SQL: the views work, every other file and setting is locked away.

    DuckDB may read only the committed Parquet files the views name (`allowed_paths`); external
    access (other files, ATTACH, COPY, INSTALL/LOAD, secrets) is off and the configuration is locked,
    so a query cannot switch it back on. Statement types are checked separately (`check_select`).
    """
    from factwire.settings import get_settings

    processed = Path(processed) if processed else get_settings(data_dir).processed_dir
    if (processed / "_txn").exists():
        recover(processed)
    # One manifest for the views and the allowed paths: read twice, a commit in between would make
    # the views name files the second read does not allow (seen under load with a writer running).
    manifest = read_manifest(processed)
    con = duckdb.connect()
    create_views(con, processed, manifest)
    files = [str(f) for t in TABLES for f in table_files(processed, t, manifest)]
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


def run_query(sql: str, data_dir: str | Path | None = None, *, unique: bool = False) -> pd.DataFrame:
    """Run SQL over the tables and return the result as a DataFrame (copies left out if `unique`)."""
    con = connect(data_dir, unique=unique)
    try:
        return con.execute(sql).fetch_df()
    finally:
        con.close()


def table_summary(data_dir: str | Path | None = None) -> list[dict[str, object]]:
    """Every table with its row count, file count and columns."""
    con = connect(data_dir)
    try:
        out = []
        for table in TABLES:
            n = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            cols = [f.name for f in arrow_schema(SCHEMAS[table])]
            from factwire.settings import get_settings

            files = table_files(get_settings(data_dir).processed_dir, table)
            out.append({"table": table, "rows": n, "files": len(files), "columns": cols})
        return out
    finally:
        con.close()

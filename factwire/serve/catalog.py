"""What the service says about the dataset: tables, columns (from the pandera schemas), counts, freshness."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from factwire.store import Snapshot, latest, table_files
from schemas import SCHEMAS, TABLES, arrow_schema

# Frictionless Table Schema field types for our Arrow types (lists travel as JSON arrays in CSV).
FRICTIONLESS_TYPES = {
    "string": "string", "int64": "integer", "double": "number", "bool": "boolean", "date32[day]": "date",
    "timestamp[us, tz=UTC]": "datetime", "list<item: string>": "array", "list<item: int64>": "array",
}


def table_description(table: str) -> str:
    """The first line of the table model's docstring."""
    return (SCHEMAS[table].__doc__ or "").strip().splitlines()[0]


def columns(table: str) -> list[dict[str, Any]]:
    """Each column of a table: name, Arrow type, nullability and the schema's description."""
    schema = SCHEMAS[table].to_schema()
    out = []
    for field in arrow_schema(SCHEMAS[table]):
        column = schema.columns[field.name]
        out.append({"name": field.name, "type": str(field.type), "nullable": field.nullable,
                    "description": column.description or ""})
    return out


def last_update(snap: Snapshot) -> str | None:
    """When the dataset version was committed (ISO, UTC), None before the first commit."""
    at = snap.committed_at
    return at.astimezone(UTC).isoformat(timespec="seconds") if isinstance(at, datetime) else None


def tables(con: duckdb.DuckDBPyConnection, processed: str | Path, snap: Snapshot | None = None) -> list[dict[str, Any]]:
    """Every table with its description, row count, file count, last update and columns."""
    snap = latest(processed) if snap is None else snap
    out = []
    for table in TABLES:
        rows = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        out.append({"name": table, "description": table_description(table), "rows": rows,
                    "files": len(table_files(processed, table, snap)), "last_update": last_update(snap),
                    "columns": columns(table)})
    return out


def datapackage(base_url: str, table_rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A Frictionless Data Package describing every table, each resource pointing at its CSV download."""
    base = base_url.rstrip("/")
    resources = []
    for t in table_rows:
        fields = [{"name": c["name"], "type": FRICTIONLESS_TYPES.get(c["type"], "string"),
                   "description": c["description"], **({} if c["nullable"] else {"constraints": {"required": True}})}
                  for c in t["columns"]]
        resources.append({
            "name": t["name"], "title": t["name"], "description": t["description"],
            "profile": "tabular-data-resource", "path": f"{base}/download/{t['name']}.csv",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": fields, "missingValues": [""]},
            "alternates": {"parquet": f"{base}/download/{t['name']}.parquet",
                           "jsonl": f"{base}/download/{t['name']}.jsonl"},
            "stats": {"rows": t["rows"]},
        })
    return {"profile": "tabular-data-package", "name": "factwire", "title": "factwire news datasets",
            "description": "Records extracted from news articles: entities, quotes, quantities, dates and more.",
            "created": datetime.now(UTC).isoformat(timespec="seconds"), "resources": resources}

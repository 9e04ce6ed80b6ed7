"""`factwire migrate`: convert a processed folder of the pre-Delta format (`_manifest.json`) in place.

The old format: `<table>/part-*.parquet` files, `_manifest.json` naming the live files of each table,
`_txn/` commit records of a commit a crashed writer left half-published, `_objects/` links and
`_staging/`. Conversion, under the same writer lock the old writers took (`.lock`):

1. finish a pending old commit (its record in `_txn/` is rolled forward, as the old writers did);
2. move every table folder and the manifest into `_legacy/` (renames only);
3. write each table's live rows (the manifest's files, nothing else) as a new Delta table;
4. append a `migrate` record to `_commits`: the commit point;
5. delete `_legacy/`, `_objects/`, `_staging/` and `_txn/`.

A crash anywhere is finished by running `factwire migrate` again: before step 4 the rows are still in
`_legacy/` and the Delta tables are written anew; after it only the clean-up is left.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from factwire import store
from schemas import SCHEMAS, TABLES, arrow_schema

LEGACY = "_legacy"
MANIFEST = "_manifest.json"


def needs_migration(processed: Path) -> bool:
    """Whether a folder holds (part of) a dataset of the old format."""
    processed = Path(processed)
    return (processed / MANIFEST).exists() or (processed / LEGACY).exists()


def _roll_forward(processed: Path) -> None:
    """Finish a commit the old protocol left after its commit point; drop what never committed."""
    txn = processed / "_txn"
    for rec_path in sorted(txn.glob("*.json")) if txn.exists() else []:
        try:
            record = json.loads(rec_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, OSError):
            continue  # written atomically: a torn record never committed
        for src, dst in record["adds"]:
            if (processed / src).exists():
                (processed / dst).parent.mkdir(parents=True, exist_ok=True)
                os.replace(processed / src, processed / dst)
        tmp = processed / f".{MANIFEST}.migrate.tmp"
        tmp.write_text(json.dumps(record["manifest"]), encoding="utf-8")
        os.replace(tmp, processed / MANIFEST)
        rec_path.unlink()


def _live_rows(legacy: Path, table: str, manifest: dict) -> pa.Table:
    schema = arrow_schema(SCHEMAS[table])
    parts = []
    for name in sorted(manifest["tables"].get(table, {})):
        path = legacy / table / name
        if not path.exists():
            raise FileNotFoundError(f"the manifest names {table}/{name}, which is missing: nothing was converted")
        t = pq.read_table(path)
        for f in schema:  # a file from before a nullable column was added gets it as nulls
            if f.name not in t.column_names:
                t = t.append_column(f.name, pa.nulls(len(t), f.type))
        parts.append(t.select(schema.names).cast(schema))
    return pa.concat_tables(parts) if parts else schema.empty_table()


def migrate(processed: Path) -> dict[str, int]:
    """Convert the folder in place; returns the rows converted per table ({} when there was nothing to do)."""
    from deltalake import write_deltalake

    processed = Path(processed)
    if not needs_migration(processed):
        return {}
    legacy = processed / LEGACY
    with store.writer_lock(processed):
        done = any(r["kind"] == "migrate" for r in store.history(processed)) if legacy.exists() else False
        rows: dict[str, int] = next((r["rows"] for r in store.history(processed) if r["kind"] == "migrate"), {}) \
            if done else {}
        if not done:
            _roll_forward(processed)
            legacy.mkdir(exist_ok=True)
            for table in TABLES:
                old = processed / table
                if old.exists() and not (old / "_delta_log").exists() and not (legacy / table).exists():
                    os.replace(old, legacy / table)
            if (processed / MANIFEST).exists():
                os.replace(processed / MANIFEST, legacy / MANIFEST)
            manifest = json.loads((legacy / MANIFEST).read_text(encoding="utf-8"))
            versions = {}
            for table in (*TABLES, store.COMMITS):
                shutil.rmtree(processed / table, ignore_errors=True)  # a conversion a crash cut short
            store._ensure_tables(processed)
            for table in TABLES:
                data = _live_rows(legacy, table, manifest)
                if len(data):
                    write_deltalake(str(processed / table), data, mode="append", writer_properties=store._WRITER)
                versions[table] = store._open(processed, table).version()
                rows[table] = len(data)
            store._append_record(processed, store.EMPTY, batch="migrate", kind="migrate", versions=versions,
                                 added=len(manifest.get("articles", {})), rows=rows)
        for name in (LEGACY, "_objects", "_staging", "_txn"):
            shutil.rmtree(processed / name, ignore_errors=True)
        return rows

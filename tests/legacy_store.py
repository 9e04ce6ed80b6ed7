"""The storage protocol of factwire before Delta Lake (kept verbatim to write folders `factwire migrate` converts).

Layout under `data/processed/`:

    <table>/part-<txn>.parquet   data files; a file holds whole articles, never part of one
    _objects/<table>/<name>      a hard link to each data file, for readers that go through the
                                 manifest; kept RETAIN_SECONDS after the file leaves the manifest
    _manifest.json               the committed state: live files per table and the articles in
                                 each, plus the extractor version each article was made with
    _txn/<txn>.json              commit record (redo log) of a batch being published
    _staging/<txn>/              files written before the commit point
    .lock                        an flock held by the one writer at a time

A batch is published in this order: write its files to staging; write the commit record (the
commit point); move the files into the table folders; replace the manifest (write + rename); drop
the record. A crash before the record leaves only staging, which the next writer removes; a crash
after it is rolled forward by the next writer (or `recover`). Readers that go through the
manifest (`factwire.query`) see whole batches only. Rows of an article that is written again are
replaced, not added: the files that held it are rewritten without it, in the same commit.
Writers take an exclusive flock, so concurrent runs serialize their commits. Replaced files are
deleted from the table folders right after the manifest no longer names them, so that a plain
glob over a table folder (`read_parquet('data/processed/entities/*.parquet')`) sees no duplicates
either. Readers of the manifest (`table_files`) read the `_objects` links instead, which outlive
a replacement by RETAIN_SECONDS: a query or a streamed download that started on the previous
state finishes on it instead of failing on a file deleted under it (measured with
bench/load_serve.py --with-writer). The `_txn` folder exists only while a commit is pending, so
readers can tell cheaply whether there is anything to recover.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from schemas import SCHEMAS, TABLES, arrow_schema

MANIFEST = "_manifest.json"
OBJECTS = "_objects"
# How long a replaced file stays readable by manifest readers that started before the replacement.
RETAIN_SECONDS = 600


@dataclass
class WriteResult:
    """What one committed batch changed."""

    txn: str
    rows: dict[str, int]
    replaced_articles: int


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, separators=(",", ":"))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _empty_manifest() -> dict:
    return {"format": 1, "tables": {t: {} for t in TABLES}, "articles": {}}


def read_manifest(processed: Path) -> dict:
    """The committed state of the dataset (an empty one when nothing was written yet)."""
    path = Path(processed) / MANIFEST
    if not path.exists():
        return _empty_manifest()
    manifest = json.loads(path.read_text(encoding="utf-8"))
    for t in TABLES:
        manifest["tables"].setdefault(t, {})
    return manifest


def table_files(processed: Path, table: str, manifest: dict | None = None) -> list[Path]:
    """The committed Parquet files of a table (their `_objects` links, which outlive a replacement)."""
    manifest = manifest or read_manifest(processed)
    out = []
    for name in sorted(manifest["tables"].get(table, {})):
        link = Path(processed) / OBJECTS / table / name
        out.append(link if link.exists() else Path(processed) / table / name)  # a dataset from before _objects
    return out


def stored_versions(processed: Path) -> dict[str, str]:
    """article_id -> extractor version, for every article in the dataset."""
    return dict(read_manifest(processed)["articles"])


@contextlib.contextmanager
def writer_lock(processed: Path) -> Iterator[None]:
    """Hold the dataset's exclusive writer lock (blocks until it is free)."""
    processed = Path(processed)
    processed.mkdir(parents=True, exist_ok=True)
    with open(processed / ".lock", "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _apply(processed: Path, record: dict) -> None:
    """Carry out a commit record; every step can be repeated after a crash."""
    for src, dst in record["adds"]:
        src_p, dst_p = processed / src, processed / dst
        if src_p.exists():
            dst_p.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src_p, dst_p)
    for _, dst in record["adds"]:
        link, dst_p = processed / OBJECTS / dst, processed / dst
        if dst_p.exists() and not link.exists():
            link.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(OSError):  # no hard links here: readers use the table folder
                os.link(dst_p, link)
    for table in {Path(dst).parts[0] for _, dst in record["adds"]}:
        _fsync_dir(processed / table)
    _write_json_atomic(processed / MANIFEST, record["manifest"])
    for rel in record["removes"]:
        link = processed / OBJECTS / rel
        if link.exists():
            os.utime(link)  # its retention starts now
        (processed / rel).unlink(missing_ok=True)


def _vacuum_objects(processed: Path, manifest: dict) -> None:
    """Delete the links of files that left the manifest more than RETAIN_SECONDS ago."""
    now = time.time()
    for table in TABLES:
        live = manifest["tables"].get(table, {})
        folder = processed / OBJECTS / table
        for f in folder.glob("*.parquet") if folder.exists() else []:
            if f.name not in live and now - f.stat().st_mtime > RETAIN_SECONDS:
                f.unlink(missing_ok=True)


def _recover_locked(processed: Path) -> None:
    txn_dir = processed / "_txn"
    for rec_path in sorted(txn_dir.glob("*.json")) if txn_dir.exists() else []:
        try:
            record = json.loads(rec_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, OSError):
            rec_path.unlink(missing_ok=True)  # a record is written atomically; a torn one never committed
            continue
        _apply(processed, record)
        rec_path.unlink(missing_ok=True)
    for tmp in list(txn_dir.glob(".*.tmp")) if txn_dir.exists() else []:
        tmp.unlink(missing_ok=True)
    shutil.rmtree(processed / "_staging", ignore_errors=True)
    manifest = read_manifest(processed)
    known = {f"{t}/{n}" for t, files in manifest["tables"].items() for n in files}
    for table in TABLES:
        folder = processed / table
        for f in folder.glob("*.parquet") if folder.exists() else []:
            if f"{table}/{f.name}" not in known:
                f.unlink()  # a file never committed (its commit record did not survive)
    for tmp in processed.glob(f".{MANIFEST}.*.tmp"):
        tmp.unlink(missing_ok=True)
    _vacuum_objects(processed, manifest)
    with contextlib.suppress(OSError):
        txn_dir.rmdir()  # absent when nothing is pending: readers then skip recovery


def recover(processed: Path) -> None:
    """Finish or discard whatever a crashed writer left behind."""
    processed = Path(processed)
    if not processed.exists():
        return
    with writer_lock(processed):
        _recover_locked(processed)


def _key(table: str, row_article: object, row_uri: object) -> str:
    if isinstance(row_article, str) and row_article:
        return row_article
    return f"uri:{row_uri}"


def _keys_of(table: str, df: pd.DataFrame) -> pd.Series:
    uris = df["source_uri"] if "source_uri" in df.columns else pd.Series([None] * len(df), index=df.index)
    return pd.Series([_key(table, a, u) for a, u in zip(df["article_id"], uris, strict=True)], index=df.index,
                     dtype=object)


def _write_parquet(df: pd.DataFrame, table: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    schema = arrow_schema(SCHEMAS[table])
    arrow = pa.Table.from_pandas(df[schema.names], schema=schema, preserve_index=False)
    with open(path, "wb") as fh:
        pq.write_table(arrow, fh, compression="zstd")
        fh.flush()
        os.fsync(fh.fileno())


def write_batch(processed: Path, frames: dict[str, pd.DataFrame], *, articles: dict[str, str]) -> WriteResult:
    """Publish one batch atomically: every table's new rows, replacing the rows of `articles`.

    `articles` maps each article id the batch (re)writes to its extractor version; every stored row
    of those ids is replaced, in every table, by the batch's rows (which may be none). Quarantine
    rows without an article id are keyed by their source URI and replaced the same way.
    """
    processed = Path(processed)
    txn = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:10]}"
    with writer_lock(processed):
        _recover_locked(processed)
        manifest = read_manifest(processed)
        staging = processed / "_staging" / txn
        replace_keys = set(articles)
        if "quarantine" in frames and len(frames["quarantine"]):
            replace_keys |= set(_keys_of("quarantine", frames["quarantine"]))
        adds: list[tuple[str, str]] = []
        removes: list[str] = []
        rows: dict[str, int] = {}
        for table in TABLES:
            files = manifest["tables"][table]
            new_files: dict[str, list[str]] = {}
            for name, keys in list(files.items()):
                if not replace_keys.intersection(keys):
                    continue
                # Copy-on-write: the file loses the replaced articles' rows.
                # A file written before a nullable column was added to the schema gets it as nulls (a new
                # required column cannot be made up: re-extract with --force after adding one).
                old = pq.read_table(processed / table / name).to_pandas()
                old = old.reindex(columns=arrow_schema(SCHEMAS[table]).names)
                kept = old[~_keys_of(table, old).isin(replace_keys)]
                removes.append(f"{table}/{name}")
                del files[name]
                if len(kept):
                    new_name = f"part-{txn}-r{len(new_files)}.parquet"
                    _write_parquet(kept, table, staging / table / new_name)
                    new_files[new_name] = sorted(set(_keys_of(table, kept)))
            df = frames.get(table)
            if df is not None and len(df):
                name = f"part-{txn}.parquet"
                _write_parquet(df, table, staging / table / name)
                new_files[name] = sorted(set(_keys_of(table, df)))
                rows[table] = len(df)
            for name, keys in new_files.items():
                adds.append((f"_staging/{txn}/{table}/{name}", f"{table}/{name}"))
                files[name] = keys
        manifest["articles"].update(articles)
        if staging.exists():
            for folder in [staging, *[p for p in staging.iterdir() if p.is_dir()]]:
                _fsync_dir(folder)
        record = {"txn": txn, "adds": adds, "removes": removes, "manifest": manifest}
        (processed / "_txn").mkdir(exist_ok=True)
        _write_json_atomic(processed / "_txn" / f"{txn}.json", record)  # the commit point
        _apply(processed, record)
        (processed / "_txn" / f"{txn}.json").unlink()
        with contextlib.suppress(OSError):
            (processed / "_txn").rmdir()
        shutil.rmtree(processed / "_staging", ignore_errors=True)  # we hold the lock: no other batch stages
        return WriteResult(txn=txn, rows=rows, replaced_articles=len(replace_keys))


def read_table(processed: Path, table: str) -> pd.DataFrame:
    """A whole committed table as a DataFrame (empty, with its columns, when there is none)."""
    files = table_files(processed, table)
    schema = arrow_schema(SCHEMAS[table])
    if not files:
        return schema.empty_table().to_pandas()
    return pa.concat_tables([pq.read_table(f, schema=schema) for f in files]).to_pandas()

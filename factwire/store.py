"""The processed tables as Delta Lake tables (delta-rs), with batches that appear across tables together.

Layout under `data/processed/` (or `s3://bucket/prefix/processed/`):

    <table>/              one Delta Lake table per contract table (`_delta_log/` + Parquet files),
                          readable by any Delta reader: deltalake, Polars, DuckDB, Spark, Trino
    _commits/             a Delta table with one row per published batch (the dataset's versions):
                          seq, time, kind, the version of every table, articles added and replaced, rows
    .lock                 an flock held by the one writer at a time (on S3: a lease object, `lock.py`)

A batch is published in this order, one Delta commit per table it changes: the child tables first,
`quarantine`, then `articles`, then one row appended to `_commits`, which is the commit point. The
row names the version of every table that holds the batch. factwire's readers (`factwire.query`, the
service, downloads, `read_table`) read the latest `_commits` row and open every table at the version
it names, so they see whole batches only: a batch whose `_commits` row is not written is invisible
to them even when some of its table commits are. The next writer rolls such leftovers back (a Delta
RESTORE of each table to its recorded version) before it writes; readers never write, take no lock
and move no file. A running query or download keeps the versions it opened while writers commit:
files a newer version replaced stay until `factwire compact` vacuums them after a retention period.

Rows of an article that is written again are replaced, not added: the table's commit is a predicate
overwrite (`article_id IN (...)`) that removes the article's old rows and adds the new ones at once.
Quarantine rows without an article id are keyed by their source URI and replaced the same way.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
from deltalake import CommitProperties, DeltaTable, PostCommitHookProperties, WriterProperties, write_deltalake
from deltalake.exceptions import TableNotFoundError

from schemas import SCHEMAS, TABLES, arrow_schema

COMMITS = "_commits"
# Children first, articles last: an outside reader of the latest table versions meets a batch's
# article rows only after every other row of it.
WRITE_ORDER = tuple(t for t in TABLES if t not in {"articles", "quarantine"}) + ("quarantine", "articles")
# How long files no version needs are kept for readers that opened an older version (compact's default).
RETENTION_HOURS = 168
# Table properties factwire keeps on every table (set at creation; a writer sets them on older tables):
# a checkpoint every 10 commits bounds the log a reader or writer replays when it opens a table, so
# opening one costs the same at the 10th commit and the 10,000th (delta-rs's default is every 100).
TABLE_PROPERTIES = {"delta.checkpointInterval": "10"}
# `compact` merges files up to this size: a merged file that reached it is left alone, so each
# compaction rewrites at most this much per table however large the table grows (delta-rs: 100 MB).
COMPACT_TARGET_BYTES = 32 * 1024 * 1024
# Operations that change no rows: a writer leaves them in place when it rolls back leftovers.
_NEUTRAL_OPS = {"VACUUM START", "VACUUM END", "CREATE TABLE", "OPTIMIZE", "SET TBLPROPERTIES"}
_WRITER = WriterProperties(compression="ZSTD")
# A batch's commits write checkpoints but leave the expired-log cleanup to `compact`: delta-rs's
# cleanup hook lists every log entry of the table after each commit, so with it on a commit's cost
# grows with the commits the log holds (measured: 5 ms a write at 3 entries, 11 ms at 767).
_HOOKS = PostCommitHookProperties(create_checkpoint=True, cleanup_expired_logs=False)
COMMITS_SCHEMA = pa.schema([
    pa.field("seq", pa.int64(), nullable=False),
    pa.field("batch", pa.string(), nullable=False),
    pa.field("kind", pa.string(), nullable=False),
    pa.field("committed_at", pa.timestamp("us", tz="UTC"), nullable=False),
    pa.field("versions", pa.string(), nullable=False),  # JSON: table -> Delta version
    pa.field("articles_added", pa.int64(), nullable=False),
    pa.field("articles_replaced", pa.int64(), nullable=False),
    pa.field("rows", pa.string(), nullable=False),  # JSON: table -> rows written
])


@dataclass
class WriteResult:
    """What one committed batch changed."""

    txn: str
    rows: dict[str, int]
    replaced_articles: int
    seq: int = 0


@dataclass(frozen=True)
class Snapshot:
    """One committed state of the dataset: the version of every table after batch number `seq`."""

    seq: int
    versions: dict[str, int] = field(default_factory=dict)
    committed_at: datetime | None = None
    kind: str = "batch"


EMPTY = Snapshot(0)


# ------------------------------------------------------------------------------------ locations


def location(processed: str | Path) -> str:
    """The processed folder as a string: a local path, or an s3:// URI (a Path collapses its '//')."""
    text = str(processed)
    for scheme in ("s3", "s3a"):
        if text.startswith(f"{scheme}:/") and not text.startswith(f"{scheme}://"):
            return f"{scheme}://" + text[len(scheme) + 2:]
    return text


def is_remote(processed: str | Path) -> bool:
    """Whether the dataset lives in object storage."""
    return "://" in location(processed)


def table_uri(processed: str | Path, table: str) -> str:
    """Where one table lives."""
    return location(processed).rstrip("/") + "/" + table


def storage_options(processed: str | Path) -> dict[str, str] | None:
    """Object-store options for delta-rs (credentials and endpoint come from the usual AWS_* variables)."""
    if not is_remote(processed):
        return None
    from factwire.lock import s3_storage_options

    return s3_storage_options()


class OldFormatError(RuntimeError):
    """The folder holds a dataset of the format before Delta Lake."""


def _check_format(processed: str | Path) -> None:
    if not is_remote(processed) and (Path(processed) / "_manifest.json").exists():
        raise OldFormatError(f"{processed} holds tables of factwire's earlier format (_manifest.json): "
                             "convert them once with `factwire migrate`")


def _open(processed: str | Path, table: str, version: int | None = None) -> DeltaTable | None:
    try:
        return DeltaTable(table_uri(processed, table), version=version, storage_options=storage_options(processed))
    except TableNotFoundError:
        return None
    except Exception as exc:  # an old version whose log entries `compact` has cleaned up
        if version is None:
            raise
        raise ValueError(f"version {version} of table {table} can no longer be read ({exc}); "
                         "compact keeps versions for its retention period") from exc


# ------------------------------------------------------------------------------------ reading


def _record_snapshot(rec: dict) -> Snapshot:
    at = rec["committed_at"]
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    versions = rec["versions"] if isinstance(rec["versions"], dict) else json.loads(rec["versions"])
    return Snapshot(int(rec["seq"]), {k: int(v) for k, v in versions.items()}, at, rec.get("kind", "batch"))


def history(processed: str | Path) -> list[dict]:
    """Every committed batch (and compaction, migration), oldest first, as `_commits` rows."""
    dt = _open(processed, COMMITS)
    if dt is None:
        return []
    recs = dt.to_pyarrow_table().to_pylist()
    for r in recs:
        r["versions"] = json.loads(r["versions"])
        r["rows"] = json.loads(r["rows"])
    return sorted(recs, key=lambda r: r["seq"])


def latest(processed: str | Path) -> Snapshot:
    """The latest committed state (EMPTY before the first batch); reads one log entry in the usual case."""
    _check_format(processed)
    return _latest_of(processed, _open(processed, COMMITS))


def _latest_of(processed: str | Path, dt: DeltaTable | None) -> Snapshot:
    """The latest committed state, from the `_commits` table at the version `dt` holds."""
    if dt is None:
        return EMPTY
    info = dt.history(1)
    if info and "factwire_commit" in info[0]:  # every record's commit carries the record itself
        return _record_snapshot(json.loads(info[0]["factwire_commit"]))
    recs = history(processed)
    return _record_snapshot(recs[-1]) if recs else EMPTY


def snapshot(processed: str | Path, as_of: int | str | datetime | None = None) -> Snapshot:
    """The state after batch number `as_of` (an int), or as it was at a time (datetime or ISO text).

    None gives the latest state. ValueError when there is no such state.
    """
    if as_of is None:
        return latest(processed)
    recs = history(processed)
    if isinstance(as_of, int) or (isinstance(as_of, str) and as_of.strip().isdigit()):
        seq = int(as_of)
        found = [r for r in recs if r["seq"] == seq]
        if not found:
            last = recs[-1]["seq"] if recs else 0
            raise ValueError(f"no dataset version {seq}: versions run from 1 to {last} (see factwire history)")
        return _record_snapshot(found[0])
    when = as_of if isinstance(as_of, datetime) else _parse_time(as_of)
    before = [r for r in recs if r["committed_at"] <= when]
    if not before:
        first = recs[0]["committed_at"].isoformat() if recs else "never"
        raise ValueError(f"nothing was committed by {when.isoformat()} (first commit: {first})")
    return _record_snapshot(before[-1])


def _parse_time(text: str) -> datetime:
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"--as-of: expected a version number or an ISO time, got {text!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def table_files(processed: str | Path, table: str, snap: Snapshot | None = None) -> list[str]:
    """The Parquet files (paths or URIs) of a table at a committed state (the latest by default)."""
    snap = latest(processed) if snap is None else snap
    if table not in snap.versions:
        return []
    dt = _open(processed, table, snap.versions[table])
    return [] if dt is None else dt.file_uris()


def table_dataset(processed: str | Path, table: str, snap: Snapshot | None = None):
    """A pyarrow dataset of a table at a committed state (None when the state has no such table)."""
    snap = latest(processed) if snap is None else snap
    if table not in snap.versions:
        return None
    dt = _open(processed, table, snap.versions[table])
    return None if dt is None else dt.to_pyarrow_dataset()


def read_table(processed: str | Path, table: str, snap: Snapshot | None = None) -> pd.DataFrame:
    """A whole committed table as a DataFrame (empty, with its columns, when there is none)."""
    schema = arrow_schema(SCHEMAS[table])
    ds = table_dataset(processed, table, snap)
    if ds is None:
        return schema.empty_table().to_pandas()
    return ds.to_table().to_pandas().reindex(columns=list(dict.fromkeys([*schema.names, *ds.schema.names])))


def stored_versions(processed: str | Path, snap: Snapshot | None = None) -> dict[str, str]:
    """article_id -> extractor version, for every article in the dataset."""
    ds = table_dataset(processed, "articles", snap)
    if ds is None:
        return {}
    t = ds.to_table(columns=["article_id", "extractor_version"])
    return dict(zip(t["article_id"].to_pylist(), t["extractor_version"].to_pylist(), strict=True))


# ------------------------------------------------------------------------------------ the writer lock


@contextlib.contextmanager
def writer_lock(processed: str | Path) -> Iterator[None]:
    """Hold the dataset's exclusive writer lock (blocks until it is free)."""
    if is_remote(processed):
        from factwire.lock import s3_lease

        with s3_lease(location(processed).rstrip("/") + "/_lock"):
            yield
        return
    folder = Path(processed)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


# ------------------------------------------------------------------------------------ writing


def _ensure_tables(processed: str | Path) -> dict[str, DeltaTable]:
    """Every table at its latest version, created (empty, with its schema) where missing."""
    _check_format(processed)
    opts = storage_options(processed)
    out = {}
    for table in (*TABLES, COMMITS):
        dt = _open(processed, table)
        if dt is None:
            schema = COMMITS_SCHEMA if table == COMMITS else arrow_schema(SCHEMAS[table])
            dt = DeltaTable.create(table_uri(processed, table), schema, mode="ignore", storage_options=opts,
                                   name=table, configuration=TABLE_PROPERTIES)
        out[table] = dt
    return out


def _keep_properties(tables: dict[str, DeltaTable], extra: dict[str, str] | None = None) -> None:
    """Set `TABLE_PROPERTIES` (and `extra`) on tables made without them (by an earlier factwire, or `migrate`).

    A property commit changes no rows; call it after the roll-back and before the `_commits` record
    is appended (the record must stay that table's last commit, see `latest`).
    """
    for dt in tables.values():
        conf = dt.metadata().configuration
        missing = {k: v for k, v in {**TABLE_PROPERTIES, **(extra or {})}.items() if conf.get(k) != v}
        if missing:
            dt.alter.set_table_properties(missing, raise_if_not_exists=False, post_commithook_properties=_HOOKS)


def _roll_back_locked(processed: str | Path, tables: dict[str, DeltaTable] | None = None) -> Snapshot:
    """Restore every table a crashed writer changed after the last commit point; the latest state.

    Afterwards the latest version of every table holds the rows of that state.
    """
    snap = _latest_of(processed, tables[COMMITS]) if tables else latest(processed)
    for table in TABLES:
        dt = tables[table] if tables else _open(processed, table)
        base = snap.versions.get(table, 0)
        if dt is None or dt.version() <= base:
            continue
        ops = {h.get("operation") for h in dt.history(dt.version() - base)}
        if ops - _NEUTRAL_OPS:
            dt.restore(base, commit_properties=CommitProperties(
                custom_metadata={"factwire": "rollback of an unpublished batch"}), post_commithook_properties=_HOOKS)
            dt.update_incremental()
    return snap


def recover(processed: str | Path) -> None:
    """Roll back whatever a crashed writer published past the last commit point (writers do it first)."""
    if not is_remote(processed) and not Path(processed).exists():
        return
    with writer_lock(processed):
        _ensure_tables(processed)
        _roll_back_locked(processed)


def _key(row_article: object, row_uri: object) -> str:
    if isinstance(row_article, str) and row_article:
        return row_article
    return f"uri:{row_uri}"


def _keys_of(df: pd.DataFrame) -> set[str]:
    cols = ["article_id", "source_uri"] if "source_uri" in df.columns else ["article_id"]
    pairs = df[cols].drop_duplicates()  # one Python step per article, not per row
    uris = pairs["source_uri"] if "source_uri" in pairs.columns else [None] * len(pairs)
    return {_key(a, u) for a, u in zip(pairs["article_id"], uris, strict=True)}


def _sql(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _predicate(keys: Iterable[str], table: str) -> str:
    ids = sorted(k for k in keys if not k.startswith("uri:"))
    uris = sorted(k[4:] for k in keys if k.startswith("uri:"))
    parts = []
    if ids:
        parts.append(f"article_id IN ({', '.join(_sql(i) for i in ids)})")
    if uris and table == "quarantine":
        listing = ", ".join(_sql(u) for u in uris)
        parts.append(f"((article_id IS NULL OR article_id = '') AND source_uri IN ({listing}))")
    return " OR ".join(parts) or "false"


def _scan(dt: DeltaTable, columns: list[str], condition: pc.Expression) -> pa.Table:
    """The rows of `columns` that meet `condition` in the table's version `dt` holds.

    A local table's files are scanned by pyarrow directly: building delta-rs's dataset costs about
    1 ms a file, which would make a writer's check grow with the files added since the last
    compaction. The files are `dt`'s active files (factwire's tables have no partitions, deletion
    vectors or column mapping), so the rows are the same.
    """
    uris = dt.file_uris()
    if not uris:
        return pa.table({c: pa.array([], pa.string()) for c in columns})
    dataset = ds.dataset(uris, format="parquet") if "://" not in uris[0] else dt.to_pyarrow_dataset()
    return dataset.to_table(columns=columns, filter=condition)


def _stored_keys(tables: dict[str, DeltaTable], keys: set[str]) -> tuple[set[str], set[str]]:
    """Which of `keys` the articles table holds, and which the quarantine table holds (latest versions).

    It reads one column of `articles` (two of `quarantine`): about 0.1 us an article stored, plus
    about 0.3 ms a file (compaction keeps files few). An index of ids kept beside the tables would
    not read less: a batch's ids are content hashes spread over the whole key space, so any layout
    of the stored ids (sorted, partitioned, with min/max statistics) has every part hit by a batch
    of a few dozen articles, and the index would cost its own Delta commit per batch.
    """
    if not keys:
        return set(), set()
    ids = [k for k in keys if not k.startswith("uri:")]
    uris = [k[4:] for k in keys if k.startswith("uri:")]
    in_articles: set[str] = set()
    if ids:
        found = _scan(tables["articles"], ["article_id"], pc.field("article_id").isin(ids))
        in_articles = set(found["article_id"].to_pylist())
    cond = pc.field("article_id").isin(ids or [""]) | pc.field("source_uri").isin(uris or [""])
    t = _scan(tables["quarantine"], ["article_id", "source_uri"], cond)
    in_quarantine = {_key(a, u) for a, u in zip(t["article_id"].to_pylist(), t["source_uri"].to_pylist(),
                                                strict=True)} & keys
    return in_articles, in_quarantine


def _arrow(df: pd.DataFrame, table: str) -> pa.Table:
    schema = arrow_schema(SCHEMAS[table])
    return pa.Table.from_pandas(df[schema.names], schema=schema, preserve_index=False)


def _append_record(processed: str | Path, snap: Snapshot, *, batch: str, kind: str, versions: dict[str, int],
                   added: int = 0, replaced: int = 0, rows: dict[str, int] | None = None,
                   table: DeltaTable | None = None) -> Snapshot:
    rec = {"seq": snap.seq + 1, "batch": batch, "kind": kind, "committed_at": datetime.now(UTC),
           "versions": json.dumps(versions, sort_keys=True), "articles_added": added, "articles_replaced": replaced,
           "rows": json.dumps(rows or {}, sort_keys=True)}
    target = table if table is not None else table_uri(processed, COMMITS)
    write_deltalake(target, pa.Table.from_pylist([rec], schema=COMMITS_SCHEMA), mode="append",
                    storage_options=storage_options(processed), commit_properties=_carrying(rec),
                    post_commithook_properties=_HOOKS)
    return _record_snapshot(rec)


def _carrying(rec: dict) -> CommitProperties:
    """Commit properties that carry a `_commits` record, so `latest` reads it from the log alone."""
    meta = {**rec, "committed_at": rec["committed_at"].isoformat()}
    for name in ("versions", "rows"):
        if not isinstance(meta[name], str):
            meta[name] = json.dumps(meta[name], sort_keys=True)
    return CommitProperties(custom_metadata={"factwire_commit": json.dumps(meta)})


def write_batch(processed: str | Path, frames: dict[str, pd.DataFrame], *, articles: dict[str, str]) -> WriteResult:
    """Publish one batch: every table's new rows, replacing the rows of `articles`, visible at once.

    `articles` maps each article id the batch (re)writes to its extractor version; every stored row
    of those ids is replaced, in every table, by the batch's rows (which may be none). Quarantine
    rows without an article id are keyed by their source URI and replaced the same way. Stored
    articles are found through the `articles` table (and `quarantine`): as the contract says, rows
    of the other tables belong to an article whose `articles` row is stored with them.
    """
    txn = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:10]}"
    opts = storage_options(processed)
    with writer_lock(processed):
        tables = _ensure_tables(processed)
        snap = _roll_back_locked(processed, tables)
        _keep_properties(tables)
        frames = {t: df for t, df in frames.items() if df is not None}
        keys = set(articles)
        for df in frames.values():
            if len(df):
                keys |= _keys_of(df)
        in_articles, in_quarantine = _stored_keys(tables, keys)
        versions = {t: snap.versions.get(t, 0) for t in TABLES}
        rows: dict[str, int] = {}
        props = CommitProperties(custom_metadata={"factwire_batch": txn})
        for table in WRITE_ORDER:
            df = frames.get(table)
            new_keys = _keys_of(df) if df is not None and len(df) else set()
            gone = in_articles | (in_quarantine if table == "quarantine" else set())
            if not new_keys and not gone:
                continue
            dt = tables[table]
            data = _arrow(df, table) if new_keys else arrow_schema(SCHEMAS[table]).empty_table()
            if gone:  # one commit removes the old rows of these articles and adds the new ones
                write_deltalake(dt, data, mode="overwrite", predicate=_predicate(gone | new_keys, table),
                                schema_mode="merge", writer_properties=_WRITER, commit_properties=props,
                                post_commithook_properties=_HOOKS, storage_options=opts)
            else:
                write_deltalake(dt, data, mode="append", schema_mode="merge", writer_properties=_WRITER,
                                commit_properties=props, post_commithook_properties=_HOOKS, storage_options=opts)
            versions[table] = dt.version()
            if new_keys:
                rows[table] = len(df)
        replaced = (set(articles) & in_articles) | in_quarantine
        new = _append_record(processed, snap, batch=txn, kind="batch", versions=versions,
                             added=len(set(articles) - in_articles), replaced=len(replaced), rows=rows,
                             table=tables[COMMITS])
        return WriteResult(txn=txn, rows=rows, replaced_articles=len(replaced), seq=new.seq)


# ------------------------------------------------------------------------------------ maintenance


def compact(processed: str | Path, *, retention_hours: int = RETENTION_HOURS,
            target_size: int = COMPACT_TARGET_BYTES) -> dict[str, dict[str, int]]:
    """Merge every table's small files, then delete files no version of the last `retention_hours` needs.

    Readers that opened an older version keep reading it as long as it is younger than the retention
    period. The log entries of versions older than the retention go too (`delta.logRetentionDuration`
    follows `retention_hours`): their files are vacuumed, so they could not be read anyway. Every
    table's version after its vacuum is recorded, and checkpointed, so the recorded state stays
    readable when older log entries are cleaned up. Returns, per table, the files before and after
    and the files vacuumed.
    """
    report: dict[str, dict[str, int]] = {}
    with writer_lock(processed):
        tables = _ensure_tables(processed)
        snap = _roll_back_locked(processed, tables)
        _keep_properties(tables, {"delta.logRetentionDuration": f"interval {retention_hours} hours"})
        versions = {t: snap.versions.get(t, 0) for t in TABLES}
        tag = CommitProperties(custom_metadata={"factwire": "compact"})
        done: list[DeltaTable] = []
        for table in (*TABLES, COMMITS):
            dt = _open(processed, table)
            before = len(dt.file_uris())
            if table == COMMITS:  # its last commit must carry the latest record (see `latest`)
                snap = _append_record(processed, snap, batch=f"compact-{uuid.uuid4().hex[:10]}", kind="compact",
                                      versions=versions)
                dt = _open(processed, table)
                tag = _carrying(history(processed)[-1])
            dt.optimize.compact(target_size=target_size, writer_properties=_WRITER, commit_properties=tag)
            vacuumed = dt.vacuum(retention_hours=retention_hours, dry_run=False,
                                 enforce_retention_duration=False, commit_properties=tag)
            if table != COMMITS:  # the same rows as after the merge; the checkpoint below is at this version
                versions[table] = dt.version()
            dt.create_checkpoint()
            done.append(dt)
            report[table] = {"files_before": before, "files_after": len(dt.file_uris()), "vacuumed": len(vacuumed)}
        for dt in done:  # once the record names the new versions: readers of the last state never lose its log
            dt.cleanup_metadata()
    return report


def maybe_compact(processed: str | Path, *, every: int, retention_hours: int = RETENTION_HOURS) -> bool:
    """Compact when `every` batches or more were committed since the last compaction; whether it did."""
    dt = _open(processed, COMMITS)
    if dt is None:
        return False
    kinds = dt.to_pyarrow_table(columns=["seq", "kind"]).sort_by("seq")["kind"].to_pylist()  # two columns only
    since = 0
    for kind in reversed(kinds):
        if kind == "compact":
            break
        since += kind == "batch"
    if since < every:
        return False
    compact(processed, retention_hours=retention_hours)
    return True

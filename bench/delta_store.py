"""Delta Lake storage at scale: commit cost as the dataset grows, and a year of hourly runs.

    python bench/delta_store.py commits            # 1,000 -> 10,000 stored articles, 50 a commit (~2 min)
    python bench/delta_store.py commits --full     # 1,000 -> 100,000 stored articles, 90 a commit (1,100)
    python bench/delta_store.py hourly             # 500 hourly runs of 3 articles (~5 min)
    python bench/delta_store.py hourly --full      # 8,760 hourly runs (a year)

The rows are made without the NLP (cheap, so the benchmark measures the store): every table gets
the rows one article of the shared sample gives (13 entities, 57 mentions, ...), with the contract's
types and varied values, under new article ids. `commits` times every `store.write_batch` (one Delta
commit per table and the `_commits` record), optionally compacting every N batches as a scheduled
deployment does, and prints the 10th, 1,000th and last commit's seconds (each also as the median of
the 11 commits around it) and the median of the first and last 50. `hourly` commits one small batch
per simulated hour (optionally compacting as a deployment does), then prints the files per table and
the README's queries' seconds (view creation included) before and after `store.compact`.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pyarrow as pa  # noqa: E402

from factwire import store  # noqa: E402
from schemas import SCHEMAS, TABLES, arrow_schema  # noqa: E402

README_QUERIES = {
    "top entities": "SELECT name, type, mention_count FROM entities ORDER BY mention_count DESC LIMIT 20",
    "quotes with titles": "SELECT a.title, q.speaker, q.text FROM quotes q JOIN articles a USING (article_id)",
    "money": "SELECT * FROM quantities WHERE kind = 'money'",
    "money by subject": "SELECT subject, sum(value) FROM quantities WHERE kind = 'money' GROUP BY 1",
    "mentions per entity": "SELECT e.name, count(*) AS mentions FROM mentions m JOIN entities e "
                           "USING (article_id, entity_id) GROUP BY 1 ORDER BY 2 DESC",
}


# Rows per table of one article, as the shared sample article gives them (measured once through the
# pipeline); the generator makes rows of the contract's types in these numbers, with no NLP.
ROWS_PER_ARTICLE = {"citations": 10, "entities": 13, "mentions": 57, "quantities": 8, "dates": 7, "quotes": 4,
                    "attributions": 5, "roles": 6, "events": 8}
WORDS = ("harbor council bridge funding mayor library budget river contract vote million report school "
         "county said project residents state board plan city new would year public water").split()
_CHOICES = {"source_format": ["text"], "language": ["en"], "type": ["PERSON", "ORG", "GPE"],
            "kind": ["money", "count", "percent"], "currency": ["USD"], "granularity": ["day"],
            "place_kind": ["city"], "unit": ["percent"]}
_WORDS = np.random.default_rng(0).choice(WORDS, (4000, 420))
_POOL = pa.array([" ".join(w[:3]) for w in _WORDS])  # short strings: names, surface texts
_TEXTS = pa.array([" ".join(w) for w in _WORDS[:500]])  # article bodies (~2,500 characters, as the sample)


def _column(field: pa.Field, n: int, rng: np.random.Generator, table: str) -> pa.Array:
    """`n` values of one column: plausible, varied, of the field's type."""
    t = field.type
    if field.name in _CHOICES and not (table == "mentions" and field.name == "kind"):
        values = _CHOICES[field.name]
        return pa.array([values[i % len(values)] for i in range(n)], t)
    if table == "mentions" and field.name == "kind":
        return pa.array(["name"] * n, t)
    if pa.types.is_string(t) and field.name.endswith("_id") and field.name != "article_id":
        return pa.array([f"e{i % ROWS_PER_ARTICLE['entities']}" for i in range(n)], t)
    if field.name in {"resolved", "period"}:
        return pa.array(["2025-06-14"] * n, t)
    if pa.types.is_string(t):
        return _POOL.take(rng.integers(0, len(_POOL), n))
    if pa.types.is_int64(t):
        return pa.array(rng.integers(0, 2500, n), t)
    if pa.types.is_float64(t):
        return pa.array(rng.random(n) * (1 if field.name == "similarity" else 80), t)
    if pa.types.is_boolean(t):
        return pa.array(rng.random(n) < 0.5, t)
    if pa.types.is_date32(t):
        return pa.array([date(2025, 6, 14)] * n, t)
    if pa.types.is_timestamp(t):
        return pa.array([datetime(2025, 6, 14, tzinfo=UTC)] * n, t)
    if pa.types.is_list(t):
        item = [1, 2] if pa.types.is_int64(t.value_type) else ["alias one", "alias"]
        return pa.array([item] * n, t)
    raise TypeError(f"no generator for {field}")


def article_ids(start: int, n: int) -> list[str]:
    """The ids of articles number start .. start+n-1 (16 hex digits, as factwire's content hashes)."""
    return [hashlib.sha256(str(i).encode()).hexdigest()[:16] for i in range(start, start + n)]


def make_batch(start: int, n: int, seed: int = 0) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """Rows of every table for articles start .. start+n-1, made without the NLP (cheap)."""
    rng = np.random.default_rng(seed + start)
    ids = article_ids(start, n)
    frames = {}
    for table in TABLES:
        if table == "quarantine":
            continue
        per = ROWS_PER_ARTICLE.get(table, 1)
        schema = arrow_schema(SCHEMAS[table])
        cols = {f.name: _column(f, n * per, rng, table) for f in schema}
        cols["article_id"] = pa.array(np.repeat(ids, per), pa.string())
        if table == "articles":
            cols["clean_text"] = _TEXTS.take(rng.integers(0, len(_TEXTS), n))
            cols["duplicate_of"] = pa.nulls(n, pa.string())
            cols["similarity"] = pa.nulls(n, pa.float64())
        frames[table] = pa.table(cols, schema=schema).to_pandas()
    return frames, dict.fromkeys(ids, "bench")


def _window(times: list[float], k: int) -> float:
    """The median of the commits k-5 .. k+5 (1-based): one commit's seconds, less the noise of a shared machine."""
    return statistics.median(times[max(0, k - 6):k + 5])


def _out_of_time(start: float, a: argparse.Namespace) -> bool:
    return bool(a.max_minutes) and time.perf_counter() - start > a.max_minutes * 60


def commits(a: argparse.Namespace) -> None:
    """Commit cost from `--start` to `--end` stored articles, `--per-commit` articles a commit."""
    work = Path(tempfile.mkdtemp(prefix="factwire-delta-"))
    try:
        processed = work / "data" / "processed"
        began = t0 = time.perf_counter()
        stored = 0
        while stored < a.start:  # the starting dataset, in big batches (not timed)
            n = min(1000, a.start - stored)
            frames, versions = make_batch(stored, n)
            store.write_batch(processed, frames, articles=versions)
            stored += n
        print(f"seeded {stored} articles in {time.perf_counter() - t0:.1f}s", flush=True)
        times: list[float] = []
        cpu: list[float] = []  # CPU seconds of the process (every thread): less swayed by other jobs
        compact_secs: list[float] = []
        while stored < a.end and not _out_of_time(began, a):
            n = min(a.per_commit, a.end - stored)
            frames, versions = make_batch(stored, n)
            t0, c0 = time.perf_counter(), time.process_time()
            store.write_batch(processed, frames, articles=versions)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            stored += n
            if a.compact_every and len(times) % a.compact_every == 0:
                t0 = time.perf_counter()
                store.compact(processed, retention_hours=a.retention_hours)
                compact_secs.append(time.perf_counter() - t0)
            if len(times) % 100 == 0:
                print(f"  commit {len(times)}: {stored} articles, {times[-1]:.3f}s, median of the last 100 "
                      f"{statistics.median(times[-100:]):.3f}s (CPU {statistics.median(cpu[-100:]):.3f}s), "
                      f"load {os.getloadavg()[0]:.1f}"
                      + (f", last compaction {compact_secs[-1]:.2f}s" if compact_secs else ""), flush=True)
        stopped = " (STOPPED by --max-minutes)" if stored < a.end else ""
        print(f"{len(times)} commits of {a.per_commit} articles, {a.start} -> {stored} stored articles{stopped}"
              + (f", compacting every {a.compact_every} (retention {a.retention_hours} h)" if a.compact_every
                 else ", never compacted"))
        for k in sorted({10, 1000, len(times)}):
            if k <= len(times):
                span = f"{max(1, k - 5)}..{min(len(times), k + 5)}"
                print(f"  commit {k:5d}: {times[k - 1]:.3f}s (median of commits {span}: {_window(times, k):.3f}s; "
                      f"CPU {cpu[k - 1]:.3f}s, median {_window(cpu, k):.3f}s)")
        for name, xs in (("wall", times), ("CPU", cpu)):
            head, tail = statistics.median(xs[:50]), statistics.median(xs[-50:])
            print(f"  {name}: median of the first 50 {head:.3f}s, of the last 50 {tail:.3f}s (ratio {tail / head:.2f})")
        if compact_secs:
            print(f"  compactions: {len(compact_secs)}, first {compact_secs[0]:.2f}s, median "
                  f"{statistics.median(compact_secs):.2f}s, last {compact_secs[-1]:.2f}s")
        log = processed / "entities" / "_delta_log"
        print(f"  files per table now: entities {len(store.table_files(processed, 'entities'))}, "
              f"articles {len(store.table_files(processed, 'articles'))}; entities' _delta_log: "
              f"{len(list(log.glob('*.json')))} commits, {len(list(log.glob('*.checkpoint.parquet')))} checkpoints")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _query_seconds(processed: Path) -> dict[str, float]:
    from factwire.query import connect

    out = {}
    for name, sql in README_QUERIES.items():
        t0 = time.perf_counter()
        con = connect(processed=processed)
        con.execute(sql).fetchall()
        con.close()
        out[name] = time.perf_counter() - t0
    return out


def hourly(a: argparse.Namespace) -> None:
    """`--hours` hourly runs of `--per-run` articles, then file counts and query times around compact.

    With `--compact-every N` every run ends as a scheduled deployment's does (`store.maybe_compact`).
    """
    work = Path(tempfile.mkdtemp(prefix="factwire-hourly-"))
    try:
        processed = work / "data" / "processed"
        began = t0 = time.perf_counter()
        secs: list[float] = []
        compact_secs: list[float] = []
        for hour in range(a.hours):
            if _out_of_time(began, a):
                break
            frames, versions = make_batch(hour * a.per_run, a.per_run)
            t1 = time.perf_counter()
            store.write_batch(processed, frames, articles=versions)
            secs.append(time.perf_counter() - t1)
            if a.compact_every:
                t1 = time.perf_counter()
                if store.maybe_compact(processed, every=a.compact_every, retention_hours=a.retention_hours):
                    compact_secs.append(time.perf_counter() - t1)
            if (hour + 1) % 500 == 0:
                print(f"  hour {hour + 1}: commit {secs[-1]:.3f}s, median of the last 500 "
                      f"{statistics.median(secs[-500:]):.3f}s", flush=True)
        hours = len(secs)
        stopped = " (STOPPED by --max-minutes)" if hours < a.hours else ""
        print(f"{hours} hourly commits of {a.per_run} articles ({hours * a.per_run} articles) in "
              f"{time.perf_counter() - t0:.0f}s{stopped}; "
              + (f"compacted every {a.compact_every} runs ({len(compact_secs)} times, median "
                 f"{statistics.median(compact_secs):.2f}s); " if compact_secs else "never compacted; ")
              + f"commit first {secs[0]:.3f}s, median {statistics.median(secs):.3f}s, "
              f"median of the last 100 {statistics.median(secs[-100:]):.3f}s, last {secs[-1]:.3f}s")

        def on_disk() -> int:
            return sum(len(list((processed / t).glob("*.parquet"))) for t in TABLES)

        live = {t: len(store.table_files(processed, t)) for t in TABLES}
        before = _query_seconds(processed)
        disk_before = on_disk()
        t0 = time.perf_counter()
        report = store.compact(processed, retention_hours=0 if a.vacuum_now else store.RETENTION_HOURS)
        compact_s = time.perf_counter() - t0
        after = _query_seconds(processed)
        print(f"live files per table before `factwire compact`: {live}; Parquet files on disk: {disk_before}")
        vacuumed = sum(r["vacuumed"] for r in report.values())
        print(f"compact: {compact_s:.1f}s; live files per table after: "
              f"{ {t: report[t]['files_after'] for t in TABLES} }; vacuumed {vacuumed}, on disk now {on_disk()}")
        print(f"{'query (seconds, view creation included)':42s} {'before':>8s} {'after':>8s}")
        for name in README_QUERIES:
            print(f"{name:42s} {before[name]:8.3f} {after[name]:8.3f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    c = sub.add_parser("commits", help="commit cost as the dataset grows")
    c.add_argument("--full", action="store_true", help="1,000 -> 100,000 articles, 90 a commit")
    c.add_argument("--start", type=int, default=1000)
    c.add_argument("--end", type=int, default=10_000)
    c.add_argument("--per-commit", type=int, default=50)
    c.add_argument("--compact-every", type=int, default=0, help="compact every N commits (0: never)")
    c.add_argument("--max-minutes", type=float, default=0, help="stop committing after this long (0: never)")
    c.add_argument("--retention-hours", type=int, default=store.RETENTION_HOURS,
                   help="the compactions' retention (0: the log is cleaned at each, as a deployment's is once "
                        "its versions are older than the retention)")
    h = sub.add_parser("hourly", help="a year of hourly runs, then compact")
    h.add_argument("--full", action="store_true", help="8,760 hourly runs")
    h.add_argument("--hours", type=int, default=500)
    h.add_argument("--per-run", type=int, default=3)
    h.add_argument("--compact-every", type=int, default=0,
                   help="compact after every N runs as a scheduled deployment does (0: never)")
    h.add_argument("--max-minutes", type=float, default=0, help="stop the runs after this long (0: never)")
    h.add_argument("--retention-hours", type=int, default=store.RETENTION_HOURS,
                   help="the scheduled compactions' retention")
    h.add_argument("--vacuum-now", action="store_true", help="compact with retention 0 (deletes old files now)")
    a = ap.parse_args()
    if a.what == "commits":
        if a.full:
            a.end, a.per_commit = 100_000, 90
        commits(a)
    else:
        if a.full:
            a.hours = 8760
        hourly(a)
    return 0


if __name__ == "__main__":
    sys.exit(main())

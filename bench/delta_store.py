"""Delta Lake storage at scale: commit cost as the dataset grows, and a year of hourly runs.

    python bench/delta_store.py commits            # 1,000 -> 10,000 stored articles, 50 a commit (~2 min)
    python bench/delta_store.py commits --full     # 1,000 -> 100,000 stored articles, 90 a commit
    python bench/delta_store.py hourly             # 500 hourly runs of 3 articles (~5 min)
    python bench/delta_store.py hourly --full      # 8,760 hourly runs (a year)

The rows are real: the shared sample article is run through the pipeline once, and its rows (every
table) are copied under new article ids, so each commit writes what a batch of that many articles
writes. `commits` times every `store.write_batch` (one Delta commit per table and the `_commits`
record), optionally compacting every N batches as a scheduled deployment does, and prints the 10th,
1,000th and last commit's seconds and the median of the first and last 50. `hourly` commits one small
batch per simulated hour, then prints the files per table and the README's queries' seconds (view
creation included) before and after `store.compact`.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from factwire import store  # noqa: E402
from schemas import TABLES  # noqa: E402

SHARED = ROOT.parent / "shared"
README_QUERIES = {
    "top entities": "SELECT name, type, mention_count FROM entities ORDER BY mention_count DESC LIMIT 20",
    "quotes with titles": "SELECT a.title, q.speaker, q.text FROM quotes q JOIN articles a USING (article_id)",
    "money": "SELECT * FROM quantities WHERE kind = 'money'",
    "money by subject": "SELECT subject, sum(value) FROM quantities WHERE kind = 'money' GROUP BY 1",
    "mentions per entity": "SELECT e.name, count(*) AS mentions FROM mentions m JOIN entities e "
                           "USING (article_id, entity_id) GROUP BY 1 ORDER BY 2 DESC",
}


def template(work: Path) -> dict[str, pd.DataFrame]:
    """The rows of one real article in every table (the shared sample, through the pipeline)."""
    from bench.crash_harness import run_pipeline

    inputs = work / "inputs"
    inputs.mkdir(parents=True)
    shutil.copy(SHARED / "seed-article.txt", inputs)
    shutil.copy(SHARED / "seed-article.meta.json", inputs)
    batch = run_pipeline(inputs, work / "template")
    return {t: df for t, df in batch.frames.items() if len(df) and t != "quarantine"}


def make_batch(rows: dict[str, pd.DataFrame], start: int, n: int) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """`n` copies of the template article under the ids of articles start .. start+n-1."""
    ids = [hashlib.sha256(str(i).encode()).hexdigest()[:16] for i in range(start, start + n)]
    frames = {}
    for table, df in rows.items():
        copies = []
        for aid in ids:
            c = df.copy()
            c["article_id"] = aid
            copies.append(c)
        frames[table] = pd.concat(copies, ignore_index=True)
    return frames, dict.fromkeys(ids, "bench")


def commits(a: argparse.Namespace) -> None:
    """Commit cost from `--start` to `--end` stored articles, `--per-commit` articles a commit."""
    work = Path(tempfile.mkdtemp(prefix="factwire-delta-"))
    try:
        rows = template(work)
        processed = work / "data" / "processed"
        t0 = time.perf_counter()
        stored = 0
        while stored < a.start:  # the starting dataset, in big batches (not timed)
            n = min(1000, a.start - stored)
            frames, versions = make_batch(rows, stored, n)
            store.write_batch(processed, frames, articles=versions)
            stored += n
        print(f"seeded {stored} articles in {time.perf_counter() - t0:.1f}s")
        times: list[float] = []
        compact_secs: list[float] = []
        while stored < a.end:
            n = min(a.per_commit, a.end - stored)
            frames, versions = make_batch(rows, stored, n)
            t0 = time.perf_counter()
            store.write_batch(processed, frames, articles=versions)
            times.append(time.perf_counter() - t0)
            stored += n
            if a.compact_every and len(times) % a.compact_every == 0:
                t0 = time.perf_counter()
                store.compact(processed)
                compact_secs.append(time.perf_counter() - t0)
            if len(times) % 100 == 0:
                print(f"  commit {len(times)}: {stored} articles, {times[-1]:.3f}s", flush=True)
        pick = {k: times[k - 1] for k in (10, 1000) if k <= len(times)}
        print(f"{len(times)} commits of {a.per_commit} articles, {a.start} -> {stored} stored articles"
              + (f", compacting every {a.compact_every}" if a.compact_every else ", never compacted"))
        for k, secs in pick.items():
            print(f"  commit {k:5d}: {secs:.3f}s")
        print(f"  last commit ({len(times)}): {times[-1]:.3f}s")
        head, tail = statistics.median(times[:50]), statistics.median(times[-50:])
        print(f"  median of the first 50: {head:.3f}s, of the last 50: {tail:.3f}s (ratio {tail / head:.2f})")
        if compact_secs:
            print(f"  compactions: {len(compact_secs)}, median {statistics.median(compact_secs):.2f}s, "
                  f"last {compact_secs[-1]:.2f}s")
        print(f"  files per table now: entities {len(store.table_files(processed, 'entities'))}, "
              f"_delta_log entries {len(list((processed / 'entities' / '_delta_log').glob('*.json')))}")
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
    """`--hours` hourly runs of `--per-run` articles, then file counts and query times around compact."""
    work = Path(tempfile.mkdtemp(prefix="factwire-hourly-"))
    try:
        rows = template(work)
        processed = work / "data" / "processed"
        t0 = time.perf_counter()
        secs = []
        for hour in range(a.hours):
            frames, versions = make_batch(rows, hour * a.per_run, a.per_run)
            t1 = time.perf_counter()
            store.write_batch(processed, frames, articles=versions)
            secs.append(time.perf_counter() - t1)
            if (hour + 1) % 500 == 0:
                print(f"  hour {hour + 1}: commit {secs[-1]:.3f}s", flush=True)
        print(f"{a.hours} hourly commits of {a.per_run} articles ({a.hours * a.per_run} articles) in "
              f"{time.perf_counter() - t0:.0f}s; commit median {statistics.median(secs):.3f}s, "
              f"first {secs[0]:.3f}s, last {secs[-1]:.3f}s")

        def files() -> int:
            return sum(len(list((processed / t).glob("*.parquet"))) for t in TABLES)

        before_files = {t: len(store.table_files(processed, t)) for t in ("articles", "entities", "mentions")}
        before = _query_seconds(processed)
        t0 = time.perf_counter()
        report = store.compact(processed, retention_hours=0 if a.vacuum_now else store.RETENTION_HOURS)
        compact_secs = time.perf_counter() - t0
        after = _query_seconds(processed)
        print(f"live files before compact: {before_files} (Parquet files on disk in all tables: {files()} after)")
        after_files = {t: report[t]["files_after"] for t in before_files}
        vacuumed = sum(r["vacuumed"] for r in report.values())
        print(f"compact: {compact_secs:.1f}s; live files after: {after_files}, vacuumed {vacuumed}")
        print(f"{'query':24s} {'before':>8s} {'after':>8s}")
        for name in README_QUERIES:
            print(f"{name:24s} {before[name]:8.3f} {after[name]:8.3f}")
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
    h = sub.add_parser("hourly", help="a year of hourly runs, then compact")
    h.add_argument("--full", action="store_true", help="8,760 hourly runs")
    h.add_argument("--hours", type=int, default=500)
    h.add_argument("--per-run", type=int, default=3)
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

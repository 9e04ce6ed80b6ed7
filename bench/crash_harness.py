"""Crash harness: SIGKILL a writer at random points of the write path, check the dataset, rerun.

    python bench/crash_harness.py [--trials 100] [--seed 7] [--flow]

A real corpus (the sample, the six dev texts and pages, an empty and a binary file) is processed
once by `factwire.pipeline`; its validated rows are the reference (a clean run). Each trial starts a
child process that publishes those rows through `store.write_batch` as many small batches (pass 1:
two articles a batch; pass 2: the same rows regrouped by three, so every commit replaces rows of
articles already stored), and kills it with SIGKILL, so kills land anywhere in write_batch: creating
the tables, rolling back, writing a table's data files, its log entry, between the table commits
of a batch, the articles commit, the `_commits` record. After every kill the harness records where
the kill landed, then checks, through `factwire.query.connect()` (which never writes) and through
plain `deltalake` at the versions the latest `_commits` row names, that every table is readable,
that the stored articles are a whole number of batches with every row of each and no duplicate;
then reruns the pipeline (ingest -> process -> store, skipping what is stored) and compares every
table, sorted, with the clean run, through factwire and through plain `deltalake` at each table's
latest version (the rerun's writer rolled the leftovers back). Half the trials kill after a uniform
random delay; the other half wait until a random number of batches is published and kill a random
moment inside the next one, so every stage of a batch is hit. `--flow` does the last rerun through
the Prefect flow instead.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402
import pandas as pd  # noqa: E402

from factwire.store import write_batch  # noqa: E402
from schemas import TABLES  # noqa: E402

SHARED = ROOT.parent / "shared"
VOLATILE = {"ingested_at", "quarantined_at"}  # wall-clock columns differ between any two runs

DATA_DIR_RE = re.compile(r"^.*/(?=raw/[0-9a-f]{16}/)")  # raw_path's data folder differs between runs
Rows = dict[str, Counter]  # table -> multiset of normalized rows


# ------------------------------------------------------------------------------------ corpus


def build_corpus(folder: Path) -> Path:
    """Copy the real inputs (plus two bad ones) into `folder/inputs`."""
    inputs = folder / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    shutil.copy(SHARED / "seed-article.txt", inputs)
    shutil.copy(SHARED / "seed-article.meta.json", inputs)
    dev = SHARED / "eval" / "dev"
    for f in sorted((dev / "text").iterdir()):
        shutil.copy(f, inputs / f"text-{f.name}")
    for f in sorted((dev / "html").iterdir()):
        shutil.copy(f, inputs / f"page-{f.name}")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 16)
    return inputs


def run_pipeline(inputs: Path, data_dir: Path) -> Any:
    """One plain (Prefect-free) pipeline run over `inputs`; returns the processed batch."""
    from factwire import pipeline
    from factwire.ingest import discover
    from factwire.settings import get_settings

    settings = get_settings(data_dir)
    sources, _ = discover([str(inputs)])
    ingested = pipeline.ingest(sources, settings)
    batch = pipeline.process(ingested.articles, settings, failures=ingested.failures)
    pipeline.store(batch, settings)
    return batch


def rerun_from(batch: Any, inputs: Path, data_dir: Path) -> None:
    """A re-run without the NLP: the real ingest (which skips what is stored), then the clean run's
    rows of exactly the articles and failed inputs it returns, stored as the pipeline's store step
    does. Extraction is deterministic, so this publishes what `run_pipeline` would."""
    from factwire import pipeline
    from factwire.ingest import discover
    from factwire.settings import get_settings

    settings = get_settings(data_dir)
    ingested = pipeline.ingest(discover([str(inputs)])[0], settings)
    keys = {a.article_id for a in ingested.articles} | {f"uri:{f.source_uri}" for f in ingested.failures}
    out, _ = split_batches(batch, max(1, len(keys)), sorted(keys))
    for frames, versions in out:
        pipeline.store(pipeline.Batch(frames=frames, versions=versions), settings)


# ------------------------------------------------------------------------------------ rows


def _norm(value: Any, data_dir: str) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return tuple(_norm(v, data_dir) for v in value)
    if isinstance(value, str):  # raw_path names the run's own data folder
        return DATA_DIR_RE.sub("<data>/", value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def row_key(table: str, row: dict[str, Any]) -> str:
    """The unit the store replaces: the article id, or the source URI of an unread input."""
    aid = row.get("article_id")
    return aid if isinstance(aid, str) and aid else f"uri:{row.get('source_uri')}"


def frame_rows(table: str, df: pd.DataFrame, data_dir: Path) -> Counter:
    """A table's rows as a multiset of (key, normalized values) tuples, volatile columns dropped."""
    cols = sorted(c for c in df.columns if c not in VOLATILE)
    out: Counter = Counter()
    for rec in df.to_dict("records"):
        out[(row_key(table, rec), *(_norm(rec[c], str(data_dir)) for c in cols))] += 1
    return out


def _fetch(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    return con.sql(sql).to_arrow_table().to_pandas()


def rows_via_connect(data_dir: Path) -> Rows:
    """Every table through factwire.query.connect(), which first recovers a half-published commit."""
    from factwire.query import connect

    con = connect(data_dir)
    try:
        return {t: frame_rows(t, _fetch(con, f'SELECT * FROM "{t}"'), data_dir) for t in TABLES}
    finally:
        con.close()


def rows_via_delta(data_dir: Path, *, recorded: bool = False) -> Rows:
    """Every table through plain `deltalake`, as any outside tool would read it (no factwire code).

    `recorded`: open each table at the version the latest `_commits` row names (a consistent reader);
    otherwise at its latest version (which shows a crashed writer's leftovers until the next writer).
    """
    from deltalake import DeltaTable
    from deltalake.exceptions import TableNotFoundError

    processed = data_dir / "processed"
    versions: dict[str, int] | None = None
    if recorded:
        try:
            recs = DeltaTable(str(processed / "_commits")).to_pyarrow_table().to_pylist()
        except TableNotFoundError:
            recs = []
        versions = json.loads(max(recs, key=lambda r: r["seq"])["versions"]) if recs else {}
    out: Rows = {}
    for t in TABLES:
        if versions is not None and t not in versions:
            out[t] = Counter()
            continue
        try:
            dt = DeltaTable(str(processed / t), version=None if versions is None else versions[t])
        except TableNotFoundError:
            out[t] = Counter()
            continue
        out[t] = frame_rows(t, dt.to_pyarrow_table().to_pandas(), data_dir)
    return out


# ------------------------------------------------------------------------------------ checks


def keys_of(rows: Rows) -> set[str]:
    """Every replacement key present in any table."""
    return {r[0] for c in rows.values() for r in c}


def check(rows: Rows, ref: Rows, groups: list[set[str]]) -> list[str]:
    """Problems of a (possibly partial) dataset against the clean run; [] when it is consistent."""
    problems: list[str] = []
    present = keys_of(rows)
    for t in TABLES:
        dupes = sum(n - ref[t].get(r, 0) for r, n in rows[t].items() if n > ref[t].get(r, 0))
        if dupes:
            problems.append(f"{t}: {dupes} duplicate/unknown rows")
        want = Counter({r: n for r, n in ref[t].items() if r[0] in present})
        got = Counter({r: n for r, n in rows[t].items() if r[0] in present})
        if want - got:
            problems.append(f"{t}: {sum((want - got).values())} rows missing of stored articles (partial batch)")
    committed: set[str] = set()
    whole = [set(committed)]
    for g in groups:
        committed |= g
        whole.append(set(committed))
    if present not in whole:
        problems.append(f"stored keys are not a prefix of whole batches ({len(present)} keys)")
    return problems


def duplicates(rows: Rows, ref: Rows) -> int:
    """Rows present more often than in the clean run."""
    return sum(max(0, n - ref[t].get(r, 0)) for t in TABLES for r, n in rows[t].items())


def lost(rows: Rows, ref: Rows) -> int:
    """Rows of the clean run that are missing."""
    return sum(max(0, n - rows[t].get(r, 0)) for t in TABLES for r, n in ref[t].items())


def kill_state(processed: Path) -> str:
    """Where in a batch a kill landed, read from what it left: how many tables are past the commit point."""
    from deltalake import DeltaTable
    from deltalake.exceptions import TableNotFoundError

    try:
        recs = DeltaTable(str(processed / "_commits")).to_pyarrow_table().to_pylist()
    except TableNotFoundError:
        return "creating the tables"
    versions = json.loads(max(recs, key=lambda r: r["seq"])["versions"]) if recs else {}
    ahead = []
    for t in TABLES:
        try:
            if DeltaTable(str(processed / t)).version() > versions.get(t, 0):
                ahead.append(t)
        except TableNotFoundError:
            return "creating the tables"
    if not ahead:
        return "between batches (or before a batch's first table commit)"
    if "articles" in ahead:
        return "after the articles commit, before the _commits record"
    return f"mid-batch: {len(ahead)} table commit(s) done, commit point not reached"


# ------------------------------------------------------------------------------------ batches


def split_batches(batch: Any, size: int, keys: list[str]) -> tuple[list[tuple[dict, dict]], list[set[str]]]:
    """The processed rows regrouped as write_batch calls of `size` keys each."""
    out, groups = [], []
    for i in range(0, len(keys), size):
        group = set(keys[i:i + size])
        frames = {}
        for t, df in batch.frames.items():
            mask = [row_key(t, r) in group for r in df.to_dict("records")]
            frames[t] = df[mask].reset_index(drop=True)
        versions = {k: v for k, v in batch.versions.items() if k in group}
        out.append((frames, versions))
        groups.append(group)
    return out, groups


def child(data_dir: str, batches_pkl: str) -> None:
    """Publish every pickled batch in order (the process the harness kills)."""
    with open(batches_pkl, "rb") as fh:
        batches = pickle.load(fh)
    processed = Path(data_dir) / "processed"
    print("ready", flush=True)
    for frames, versions in batches:
        write_batch(processed, frames, articles=versions)
    print("done", flush=True)


def start_child(data_dir: Path, batches_pkl: Path) -> subprocess.Popen:
    """Start a writer child and wait until its imports are done."""
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(data_dir), str(batches_pkl)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line.strip() != "ready":
        proc.kill()
        raise RuntimeError(f"child did not start: {line!r}")
    return proc


def kill_mid_batch(proc: Any, processed: Path, skip: int, delay: float) -> None:
    """Wait (polling, no hook in the writer) until the writer has published `skip` batches, then
    `delay` seconds more: the kill lands somewhere inside the next batch's table commits."""
    log = processed / "_commits" / "_delta_log"
    while (proc.poll() if hasattr(proc, "poll") else proc.exitcode) is None:
        try:
            done = sum(1 for p in os.listdir(log) if p.endswith(".json")) - 1  # version 0 creates the table
        except FileNotFoundError:
            done = -1
        if done >= skip:
            time.sleep(delay)
            return
        time.sleep(0.0005)


# ------------------------------------------------------------------------------------ main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trials", type=int, default=100)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--flow", action="store_true", help="do the last trial's rerun through the Prefect flow")
    ap.add_argument("--rerun-every", type=int, default=1, metavar="N",
                    help="rerun through the whole pipeline every N trials; the others rerun the real ingest "
                         "and store the clean run's rows of what it did not skip (no NLP)")
    ap.add_argument("--child", nargs=2, metavar=("DATA_DIR", "BATCHES"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(*a.child)
        return 0
    rng = random.Random(a.seed)
    work = Path(tempfile.mkdtemp(prefix="factwire-crash-"))
    try:
        return run_trials(work, a.trials, rng, a.flow, a.rerun_every)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run_trials(work: Path, trials: int, rng: random.Random, flow: bool, rerun_every: int = 1) -> int:
    """Calibrate, then kill, check and rerun `trials` times; print the figures."""
    inputs = build_corpus(work)
    t0 = time.perf_counter()
    clean = work / "clean"
    batch = run_pipeline(inputs, clean)
    ref = rows_via_connect(clean)
    print(f"clean run: {len(batch.versions)} articles, "
          f"{sum(sum(c.values()) for c in ref.values())} rows in {len(TABLES)} tables, "
          f"{sum(ref['quarantine'].values())} quarantined ({time.perf_counter() - t0:.1f}s)")
    keys = sorted(keys_of(ref))
    pass1, groups = split_batches(batch, 2, keys)
    pass2, _ = split_batches(batch, 3, keys[1:] + keys[:1])
    pkl = work / "batches.pkl"
    pkl.write_bytes(pickle.dumps(pass1 + pass2))

    calib = work / "calibrate"
    t0 = time.perf_counter()
    proc = start_child(calib, pkl)
    t_ready = time.perf_counter()
    proc.wait()
    write_secs = time.perf_counter() - t_ready
    assert check(rows_via_connect(calib), ref, groups) == [] and lost(rows_via_connect(calib), ref) == 0
    print(f"writer child: {len(pass1) + len(pass2)} commits in {write_secs:.2f}s "
          f"(start-up {t_ready - t0:.2f}s)")

    n_commits = len(pass1) + len(pass2)
    states: Counter = Counter()
    failures: list[str] = []
    survived = latest_dirty = total_dupes = total_lost = 0
    for n in range(trials):
        data = work / f"trial-{n}"
        proc = start_child(data, pkl)
        if n % 2:
            kill_mid_batch(proc, data / "processed", rng.randrange(n_commits), rng.uniform(0, write_secs / n_commits))
        else:
            time.sleep(rng.uniform(0, write_secs))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        processed = data / "processed"
        state = kill_state(processed) if processed.exists() else "before the first write"
        states[state] += 1
        if processed.exists():
            latest_dirty += rows_via_delta(data) != rows_via_delta(data, recorded=True)
        problems = []
        after_kill = rows_via_connect(data)
        problems += [f"connect: {p}" for p in check(after_kill, ref, groups)]
        problems += [f"deltalake: {p}" for p in check(rows_via_delta(data, recorded=True), ref, groups)]
        # The writer child commits the clean run's rows and not its signatures of copies (factwire/across):
        # a pipeline adds a batch's signatures before it commits, so give the rerun the ones it left.
        signatures = clean / "processed" / "_signatures"
        if signatures.exists() and not (processed / "_signatures").exists():
            shutil.copytree(signatures, processed / "_signatures")
        if flow and n == trials - 1:
            from factwire.settings import get_settings
            from flows.pipeline import run as run_flow

            run_flow([str(inputs)], get_settings(data))
        elif n % rerun_every == 0:
            run_pipeline(inputs, data)
        else:
            rerun_from(batch, inputs, data)
        rerun = rows_via_connect(data)
        total_dupes += duplicates(rerun, ref) + duplicates(rows_via_delta(data), ref)
        total_lost += lost(rerun, ref)
        if rerun != ref:
            problems.append(f"rerun differs from the clean run (lost {lost(rerun, ref)}, "
                            f"extra {duplicates(rerun, ref)})")
        if rows_via_delta(data) != ref:
            problems.append("rerun: plain deltalake (latest versions) differs from the clean run")
        if problems:
            failures.append(f"trial {n} ({state}): " + "; ".join(problems))
        else:
            survived += 1
        shutil.rmtree(data, ignore_errors=True)
    print(f"kill trials: {trials}, survived: {survived}, rows lost after rerun: {total_lost}, "
          f"duplicates after rerun: {total_dupes}")
    print(f"kills after which the tables' latest versions held an unpublished batch (hidden from readers of "
          f"the recorded versions, rolled back by the next writer): {latest_dirty}")
    print("where the kills landed:")
    for state, k in states.most_common():
        print(f"  {k:4d}  {state}")
    for f in failures:
        print("FAILED", f)
    return 0 if survived == trials else 1


if __name__ == "__main__":
    sys.exit(main())

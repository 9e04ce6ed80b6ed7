"""Bounded load test of `factwire serve` on 127.0.0.1: downloads and queries, requests/s and errors.

    python bench/load_serve.py [--requests 200] [--concurrency 8] [--with-writer]

Builds a dataset from the real corpus of bench/crash_harness.py (the sample, six dev texts and
pages), starts `python -m factwire serve` on a free port, then sends a fixed number of requests per
endpoint from `--concurrency` threads (each with its own keep-alive client) and prints, per
endpoint: requests, errors, requests per second, median and 95th-percentile latency, bytes.
`--with-writer` keeps a second process committing batches (the same articles, rewritten) for the
whole run, as a schedule would, to show that readers stay correct and keep their speed while the
dataset changes under them.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from bench.crash_harness import build_corpus, run_pipeline  # noqa: E402

QUERY = "SELECT e.type, count(*) AS n FROM entities e JOIN articles a USING (article_id) GROUP BY ALL ORDER BY n DESC"


def endpoints(article_id: str) -> list[tuple[str, str, str, dict | None]]:
    """(label, method, path, json body) of every endpoint under load."""
    return [
        ("download entities.parquet", "GET", "/download/entities.parquet", None),
        ("download mentions.csv", "GET", "/download/mentions.csv", None),
        ("download articles.jsonl", "GET", "/download/articles.jsonl", None),
        ("download quotes.csv?article_id", "GET", f"/download/quotes.csv?article_id={article_id}", None),
        ("POST /api/query (join + group)", "POST", "/api/query", {"sql": QUERY, "limit": 100}),
        ("GET /api/query (count)", "GET", "/api/query?sql=SELECT%20count(*)%20FROM%20mentions", None),
        ("GET /api/tables/quantities", "GET", "/api/tables/quantities?limit=50", None),
    ]


def free_port() -> int:
    """A port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data_dir: Path, port: int, log: Path) -> subprocess.Popen:
    """`python -m factwire serve` in the background; returns once /health answers."""
    proc = subprocess.Popen([sys.executable, "-m", "factwire", "serve", "--data-dir", str(data_dir), "--port",
                             str(port)], cwd=ROOT, stdout=open(log, "w"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
        if proc.poll() is not None:
            break
    proc.kill()
    raise RuntimeError(f"server did not start; see {log}: {log.read_text()[-2000:]}")


def hammer(base: str, method: str, path: str, body: dict | None, requests: int, concurrency: int) -> dict:
    """Send `requests` requests from `concurrency` threads; latency, errors and bytes."""
    local = threading.local()
    errors: list[str] = []

    def one(_: int) -> tuple[float, int]:
        client = getattr(local, "client", None) or httpx.Client(base_url=base, timeout=30)
        local.client = client
        t0 = time.perf_counter()
        try:
            resp = client.request(method, path, json=body)
            size = len(resp.content)
            if resp.status_code != 200:
                errors.append(f"HTTP {resp.status_code}: {resp.text[:200]}")
        except httpx.HTTPError as exc:
            errors.append(f"{exc.__class__.__name__}: {exc}")
            size = 0
        return time.perf_counter() - t0, size

    t0 = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(one, range(requests)))
    wall = time.perf_counter() - t0
    lat = sorted(r[0] for r in results)
    return {"requests": requests, "errors": len(errors), "rps": requests / wall,
            "p50_ms": 1000 * statistics.median(lat), "p95_ms": 1000 * lat[int(0.95 * (len(lat) - 1))],
            "bytes": results[0][1], "first_errors": errors[:3]}


def writer(data_dir: str, stop: multiprocessing.Event, commits: multiprocessing.Value) -> None:
    """Rewrite the stored articles' rows in small batches until told to stop."""
    from factwire.store import read_table, stored_versions, write_batch
    from schemas import TABLES

    processed = Path(data_dir) / "processed"
    frames = {t: read_table(processed, t) for t in TABLES}
    versions = stored_versions(processed)
    ids = sorted(versions)
    while not stop.is_set():
        for i in range(0, len(ids), 3):
            group = set(ids[i:i + 3])
            part = {t: df[df["article_id"].isin(group)].reset_index(drop=True) for t, df in frames.items()
                    if t != "quarantine"}
            write_batch(processed, part, articles={k: versions[k] for k in group})
            commits.value += 1
            if stop.is_set():
                break


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--with-writer", action="store_true", help="commit batches while the load runs")
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="factwire-load-"))
    server = None
    try:
        data = work / "data"
        t0 = time.perf_counter()
        batch = run_pipeline(build_corpus(work), data)
        print(f"dataset: {len(batch.versions)} articles, "
              f"{sum(len(df) for df in batch.frames.values())} rows ({time.perf_counter() - t0:.1f}s)")
        port = free_port()
        server = start_server(data, port, work / "server.log")
        base = f"http://127.0.0.1:{port}"
        print(f"server: {base} (python -m factwire serve, one uvicorn process); "
              f"{a.requests} requests per endpoint, {a.concurrency} client threads"
              + (", a writer committing throughout" if a.with_writer else ""))
        ctx = multiprocessing.get_context("spawn")  # delta-rs's runtime does not survive a fork
        stop, commits, proc = ctx.Event(), ctx.Value("i", 0), None
        if a.with_writer:
            proc = ctx.Process(target=writer, args=(str(data), stop, commits))
            proc.start()
        total_req = total_err = 0
        t_all = time.perf_counter()
        print(f"{'endpoint':36s} {'reqs':>5s} {'errors':>6s} {'req/s':>7s} {'p50 ms':>7s} {'p95 ms':>7s} {'bytes':>9s}")
        for label, method, path, body in endpoints(sorted(batch.versions)[0]):
            r = hammer(base, method, path, body, a.requests, a.concurrency)
            total_req += r["requests"]
            total_err += r["errors"]
            print(f"{label:36s} {r['requests']:5d} {r['errors']:6d} {r['rps']:7.1f} {r['p50_ms']:7.1f} "
                  f"{r['p95_ms']:7.1f} {r['bytes']:9d}")
            for e in r["first_errors"]:
                print(f"    error: {e}")
        wall = time.perf_counter() - t_all
        if proc:
            stop.set()
            proc.join(30)
        print(f"total: {total_req} requests, {total_err} errors, {total_req / wall:.1f} requests/s overall"
              + (f"; the writer committed {commits.value} batches meanwhile" if a.with_writer else ""))
        health = httpx.get(f"{base}/health", timeout=5).json()
        print("health after the load:", json.dumps(health))
        return 0 if total_err == 0 else 1
    finally:
        if server:
            server.terminate()
            server.wait(10)
        if os.environ.get("FACTWIRE_KEEP_LOAD_DIR"):
            print("kept", work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

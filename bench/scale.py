"""Scaling with cores: bare spaCy against factwire (local pool, and Dask) at n = 1, 2, 4, ... processes.

    python bench/scale.py                       # corpus of 1,000 articles, n = 1, 2, 4, ... up to the cores
    python bench/scale.py --quick               # 40 articles, n = 1 and 2: a check that it all runs
    python bench/scale.py --ns 2,8,15 --no-dask --corpus /path/to/corpus

No Prefect: factwire's own loop runs as the flow runs it (`pipeline.stream`: ingest -> parts queued
on the workers -> validated frames back -> atomic commits), with the same settings the flow would
use, into an empty data folder. Each measurement runs in a fresh process, one after another:

- **bare spaCy**: `spacy.load(model).pipe(texts, n_process=n, batch_size=32)`, the model out of the box,
  over the clean texts of the corpus (read and cleaned before the clock starts), model load included
  (until 2026-12-05 this was factwire's `load_nlp`, the model plus factwire's components);
- **factwire, local pool**: `WorkerPool(n)` (n = 1: in the driver's process, as `factwire run
  --n-process 1` does), worker start-up (spawn, model load) included;
- **factwire, Dask**: a `distributed.LocalCluster` of n single-threaded worker processes (started
  before the clock), parts submitted with `Client.submit`, model loaded by each worker on its first part.

Prints, per n: articles/s, the ratio to bare spaCy, CPU seconds per stage (the workers' clean, parse
(nlp) and extract, the driver's validate), the driver's wall seconds (ingest, submit, validate, store,
and waiting on the workers), and worker utilisation: busy worker-seconds (time inside a part:
clean + parse + extract) / (n x wall). Wall time includes starting the workers. Writes bench/out/scale-<N>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

OUT = ROOT / "bench" / "out"
WORKER_STAGES = ("clean", "nlp", "extract")  # in the workers (or, at n = 1, in the one process)
DRIVER_STAGES = ("ingest", "submit", "validate", "store", "wait")


def default_ns(cores: int) -> list[int]:
    """1, 2, 4, ... below the cores, then cores - 1 (one left for the driver) and the cores."""
    ns, n = [], 1
    while n < cores - 1:
        ns.append(n)
        n *= 2
    return sorted({*ns, max(1, cores - 1), cores})


def tree_cpu() -> float:
    """User + system CPU seconds of this process, its live descendants and its reaped children."""
    from perf import tree_cpu as process_tree_cpu  # bench/perf.py: psutil only, no Prefect

    return process_tree_cpu()


# ---------------------------------------------------------------------------------- children


def clean_texts(corpus: Path, scratch: Path) -> list[str]:
    """The clean texts factwire will parse: every source read and cleaned as the pipeline does."""
    from factwire.clean import clean_article
    from factwire.ingest import read_source
    from factwire.pipeline import SourceWalk
    from factwire.settings import get_settings

    settings = get_settings(scratch)  # read_source keeps raw copies
    texts = []
    for source in SourceWalk([str(corpus)]):
        articles, _ = read_source(source, settings)
        texts += [t for t in (clean_article(a).clean_text for a in articles) if t]
    shutil.rmtree(scratch, ignore_errors=True)
    return texts


def child_spacy(a: argparse.Namespace) -> dict:
    """Bare spaCy over the clean texts, model load included: the model as installed, out of the box
    (`spacy.load`; factwire's own components and its faster attribute rules count for factwire)."""
    import spacy

    from factwire.settings import get_settings

    texts = clean_texts(a.corpus, a.data)
    cpu0, t0 = tree_cpu(), time.perf_counter()
    nlp = spacy.load(get_settings().spacy_model)
    n = sum(1 for _ in nlp.pipe(texts, n_process=a.n, batch_size=32))
    return {"articles": n, "seconds": time.perf_counter() - t0, "cpu_s": tree_cpu() - cpu0}


def child_factwire(a: argparse.Namespace) -> dict:
    """factwire's loop over the corpus into an empty data folder, on a local pool or a Dask cluster."""
    from dataclasses import replace

    from factwire import pipeline
    from factwire.settings import get_settings

    shutil.rmtree(a.data, ignore_errors=True)
    settings = replace(get_settings(a.data), n_process=a.n, batch_size=a.batch_size)
    model, close, cluster = settings.spacy_model, None, None
    if a.kind == "dask":
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=a.n, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
        size = pipeline.part_size(a.batch_size, a.n)

        def submit(raws, ingested_at):  # parts sized as the local pool sizes them
            return [client.submit(pipeline.extract_part, part, model, ingested_at, pure=False)
                    for part in pipeline.chunked(raws, pipeline.part_size(len(raws), a.n))]

        def close():
            client.close()
            cluster.close()
    elif a.n > 1:
        pool = pipeline.WorkerPool(a.n, model, min_articles=0)  # the pool even for a --quick corpus
        size = pipeline.part_size(a.batch_size, a.n)
        submit = pool.submit

        close = pool.close
    else:
        size = a.batch_size

        def submit(raws, ingested_at):
            return pipeline.run_here(raws, model, ingested_at)

    known: dict[str, str] = {}
    timings: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)
    counts = defaultdict(int)
    cpu0, t0 = tree_cpu(), time.perf_counter()
    first = None
    for done in pipeline.stream(
            pipeline.chunked(pipeline.SourceWalk([str(a.corpus)]), a.batch_size),
            ingest=lambda chunk: pipeline.ingest(chunk, settings, known=known),
            submit=submit, store=lambda batch: pipeline.store(batch, settings),
            depth=pipeline.queue_depth(a.batch_size, size, a.n) if a.n > 1 else 0, settings=settings,
            known=known, size=a.batch_size):
        first = first or time.perf_counter() - t0
        counts["articles"] += done.articles
        counts["quarantined"] += done.quarantined
        for k, v in done.timings.items():
            timings[k] += v
        for k, v in done.cpu.items():
            cpu[k] += v
    seconds = time.perf_counter() - t0
    cpu_s = tree_cpu() - cpu0
    if close:
        close()
    shutil.rmtree(a.data, ignore_errors=True)
    busy = sum(timings[s] for s in WORKER_STAGES)
    return {**counts, "seconds": seconds, "cpu_s": cpu_s, "first_commit_s": first, "part_size": size,
            "busy_s": busy, "utilisation": busy / (a.n * seconds), "stage_wall_s": dict(timings),
            "stage_cpu_s": dict(cpu)}


# ---------------------------------------------------------------------------------- driver


def run_child(args: list[str]) -> dict:
    """`python bench/scale.py <args>` in a fresh process; its last line of output is a JSON object."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, env=env)
    if proc.returncode:
        raise SystemExit(f"{' '.join(args[:4])} failed with exit code {proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def cpu_model() -> str:
    """The processor's name, as /proc/cpuinfo gives it."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def row(kind: str, n: int, r: dict, floor: dict | None) -> str:
    """One line of the report."""
    rate = r["articles"] / r["seconds"]
    text = f"{kind:15} n={n:<3} {rate:7.1f} articles/s {r['seconds']:7.1f} s wall {r['cpu_s']:7.1f} CPU s"
    if floor is None:
        return text
    text += f"  ratio {rate / (floor['articles'] / floor['seconds']):.2f}  utilisation {r['utilisation']:.2f}"
    cpu, wall = r["stage_cpu_s"], r["stage_wall_s"]
    text += ("\n" + " " * 22 + "CPU s: " + ", ".join(f"{s} {cpu.get(s, 0):.1f}" for s in (*WORKER_STAGES, "validate"))
             + "; driver wall s: " + ", ".join(f"{s} {wall.get(s, 0):.1f}" for s in DRIVER_STAGES)
             + f"; first commit at {r['first_commit_s']:.1f} s, parts of {r['part_size']} in a full batch")
    return text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", nargs="?", default="bench", choices=["bench", "spacy", "pool", "dask"],
                    help=argparse.SUPPRESS)
    ap.add_argument("--articles", type=int, default=1000, help="corpus size (bench/corpus.py), default 1000")
    ap.add_argument("--corpus", type=Path, help="an existing corpus folder instead of building one")
    ap.add_argument("--ns", help="comma-separated process counts (default: 1, 2, 4, ... up to the cores)")
    ap.add_argument("--batch-size", type=int, default=200, help="articles per commit, as the flow's")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask runs")
    ap.add_argument("--quick", action="store_true", help="40 articles, n = 1 and 2: checks that it all runs")
    ap.add_argument("--n", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.mode != "bench":
        a.kind = a.mode
        print(json.dumps(child_spacy(a) if a.mode == "spacy" else child_factwire(a)))
        return 0

    cores = os.cpu_count() or 1
    if a.quick:
        a.articles, ns = 40, [1, 2]
    else:
        ns = [int(x) for x in a.ns.split(",")] if a.ns else default_ns(cores)
    if a.corpus is None:
        import corpus

        a.corpus = OUT / f"corpus-{a.articles}"
        corpus.ensure(a.corpus, a.articles)
    kinds = ["spacy", "pool"] + ([] if a.no_dask else ["dask"])
    head = (f"{cpu_model()}, {cores} cores, load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}; "
            f"corpus {a.corpus} ; batch size {a.batch_size}; Python {platform.python_version()}")
    print(head, flush=True)
    results: dict[str, dict[str, dict]] = {}
    for n in ns:
        floor = None
        for kind in kinds:
            data = OUT / f"scale-{kind}-data"
            r = run_child([kind, "--n", str(n), "--corpus", str(a.corpus), "--data", str(data),
                           "--batch-size", str(a.batch_size)])
            results.setdefault(str(n), {})[kind] = r
            floor = r if kind == "spacy" else floor
            label = {"spacy": "bare spaCy", "pool": "factwire pool", "dask": "factwire Dask"}[kind]
            print(row(label, n, r, None if kind == "spacy" else floor), flush=True)
    name = f"scale-{a.articles}"
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps({"machine": head, "results": results}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

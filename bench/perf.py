"""Throughput, memory, re-run and query benchmark of the whole flow against bare spaCy, in one run.

    python bench/perf.py --articles 2000 [--n-process 2] [--batch-size 200] [--skip-floor]
    python bench/perf.py --articles 10000          # the scale run: ~15-20 min on 2 cores

Steps, each figure from this one run:
1. builds (or reuses) the corpus of `bench/corpus.py` under bench/out/corpus-<N>/;
2. the floor: bare spaCy `nlp.pipe` over the same clean texts, same model and components, same
   `n_process`, in a fresh process (model load included, reading and cleaning not);
3. factwire's Prefect flow end to end in a fresh process on an empty data folder, then again on the
   unchanged inputs (the re-run must skip every article);
4. the example DuckDB queries over the dataset the flow wrote (first run on a new connection, then
   the best of three).
A poller samples each process tree (the process, its workers, Prefect's server) every 0.2 s for
peak RSS; CPU seconds are the tree's user + system time, which stays comparable when other jobs
share the machine. Prints a report and writes bench/out/perf-<N>.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import psutil  # noqa: E402

OUT = ROOT / "bench" / "out"

# Example queries a reader would run over the dataset (kept in step with the README's examples).
QUERIES = {
    "README: entities by mentions": "SELECT name, type, mention_count FROM entities ORDER BY mention_count DESC",
    "README: quotes with titles": "SELECT a.title, q.speaker, q.text FROM quotes q JOIN articles a USING (article_id)",
    "README: money quantities": "SELECT * FROM quantities WHERE kind = 'money'",
    "README: money by subject": "SELECT subject, sum(value) FROM quantities WHERE kind = 'money' GROUP BY 1",
    "README: mentions per entity": "SELECT e.name, count(*) AS mentions FROM mentions m JOIN entities e "
                                   "USING (article_id, entity_id) GROUP BY 1 ORDER BY 2 DESC",
    "articles per month": "SELECT date_trunc('month', published) AS month, count(*) AS n FROM articles "
                          "GROUP BY 1 ORDER BY 1",
    "people named together": "SELECT a.name AS person, b.name AS other, count(*) AS articles FROM entities a "
                             "JOIN entities b ON a.article_id = b.article_id AND a.name < b.name "
                             "WHERE a.type = 'PERSON' AND b.type = 'PERSON' GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 20",
    "mentions of a name": "SELECT a.title, m.text, m.start FROM mentions m JOIN articles a USING (article_id) "
                          "WHERE m.text ILIKE '%okafor%' ORDER BY a.title LIMIT 50",
}


# ---------------------------------------------------------------------------------- measuring


def tree_cpu(proc: psutil.Process | None = None) -> float:
    """User + system CPU seconds of a process, its live descendants and its reaped children."""
    proc = proc or psutil.Process()
    t = proc.cpu_times()
    total = t.user + t.system + t.children_user + t.children_system
    for child in proc.children(recursive=True):
        try:
            c = child.cpu_times()
            total += c.user + c.system
        except psutil.NoSuchProcess:
            pass
    return total


class Poller:
    """Samples the RSS of a process tree in a thread: (time, total RSS, largest process RSS)."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        self.proc = psutil.Process(pid)
        self.samples: list[tuple[float, int, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)
        self._thread.start()

    def _run(self, every: float) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                rss = []
                for p in procs:
                    try:
                        rss.append(p.memory_info().rss)
                    except psutil.NoSuchProcess:
                        pass
                self.samples.append((time.time(), sum(rss), max(rss, default=0)))
            except psutil.NoSuchProcess:
                return
            self._stop.wait(every)

    def stop(self) -> None:
        """Stop sampling."""
        self._stop.set()
        self._thread.join()

    def peak(self, start: float = 0.0, end: float = float("inf")) -> dict[str, float]:
        """Peak tree RSS and peak single-process RSS (MB) between two wall-clock times."""
        window = [s for s in self.samples if start <= s[0] <= end] or self.samples
        return {"tree_mb": round(max(s[1] for s in window) / 2**20),
                "process_mb": round(max(s[2] for s in window) / 2**20)}


def run_child(args: list[str], env: dict[str, str] | None = None,
              time_limit: float | None = None) -> tuple[dict, Poller, bool]:
    """Run `python bench/perf.py <args>` in a fresh process under the poller; each line it prints is a
    JSON object of results. Past `time_limit` seconds the process tree is killed (a partial run)."""
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    poller = Poller(proc.pid)
    stopped = False
    try:
        out, _ = proc.communicate(timeout=time_limit)
    except subprocess.TimeoutExpired:
        stopped = True
        tree = psutil.Process(proc.pid)
        for p in [*tree.children(recursive=True), tree]:  # only the processes this script started
            with contextlib.suppress(psutil.NoSuchProcess):
                p.kill()
        out, _ = proc.communicate()
    poller.stop()
    if proc.returncode and not stopped:
        raise SystemExit(f"child {args[0]} failed with exit code {proc.returncode}")
    result: dict = {}
    for line in out.splitlines():
        if line.startswith("{"):
            result.update(json.loads(line))
    return result, poller, stopped


# ---------------------------------------------------------------------------------- children


def clean_texts(corpus: Path) -> list[str]:
    """The clean texts the flow will parse: every source read and cleaned as the pipeline does."""
    from factwire.clean import clean_article
    from factwire.ingest import read_source
    from factwire.pipeline import SourceWalk
    from factwire.settings import get_settings

    settings = get_settings(OUT / "floor-scratch")  # read_source keeps raw copies; not the flow's folder
    texts = []
    for source in SourceWalk([str(corpus)]):
        articles, _ = read_source(source, settings)
        texts += [t for t in (clean_article(a).clean_text for a in articles) if t]
    shutil.rmtree(settings.data_dir, ignore_errors=True)
    return texts


def partial(data: Path, flow: dict, poller: Poller, stopped_at: float) -> dict:
    """What a run stopped at its time limit got done: committed articles, rate, RSS by quarter."""
    from factwire.query import connect

    con = connect(processed=data / "processed")  # finishes a commit the kill interrupted
    articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    start = flow["first_run_start"]
    span = (stopped_at - start) / 4
    quarters = [poller.peak(start + i * span, start + (i + 1) * span)["tree_mb"] for i in range(4)]
    return {"articles": articles, "seconds": round(stopped_at - start, 1),
            "peak": poller.peak(start, stopped_at), "peak_tree_mb_by_quarter": quarters}


def child_floor(a: argparse.Namespace) -> dict:
    """Bare spaCy: the model the pipeline loads, out of the box (`spacy.load`, without factwire's
    components), and the clean texts piped through it."""
    texts = clean_texts(a.corpus)
    from factwire.settings import get_settings

    model = get_settings().spacy_model
    start, cpu0 = time.time(), tree_cpu()
    t0 = time.perf_counter()
    import spacy

    nlp = spacy.load(model)
    loaded = time.perf_counter() - t0
    n = 0
    for _doc in nlp.pipe(texts, n_process=a.n_process, batch_size=32):
        n += 1
    total = time.perf_counter() - t0
    return {"articles": n, "words": sum(len(t.split()) for t in texts), "components": nlp.pipe_names,
            "load_s": round(loaded, 2), "seconds": round(total, 2), "cpu_s": round(tree_cpu() - cpu0, 1),
            "start": start, "end": time.time()}


def child_flow(a: argparse.Namespace) -> dict:
    """Prefect's start-up, then the flow on an empty data folder, then again on unchanged inputs."""
    from dataclasses import replace

    phases = {}
    start, cpu0 = time.time(), tree_cpu()
    t0 = time.perf_counter()
    from prefect import flow

    from factwire.settings import get_settings
    from flows.pipeline import run

    @flow(name="warm-up")
    def warm_up() -> None:
        """An empty flow: the first flow run of a process starts Prefect's local server."""

    warm_up()
    phases["prefect_startup"] = {"seconds": round(time.perf_counter() - t0, 2), "cpu_s": round(tree_cpu() - cpu0, 1),
                                 "start": start, "end": time.time()}
    print(json.dumps({"prefect_startup": phases["prefect_startup"],
                      "first_run_start": time.time()}), flush=True)  # kept if the run is stopped
    shutil.rmtree(a.data, ignore_errors=True)
    settings = replace(get_settings(a.data), n_process=a.n_process, batch_size=a.batch_size)
    for name in ("first_run", "re_run"):
        start, cpu0, t0 = time.time(), tree_cpu(), time.perf_counter()
        summary = run([str(a.corpus)], settings)
        summary["skipped_files"] = len(summary["skipped_files"])
        phases[name] = {"seconds": round(time.perf_counter() - t0, 2), "cpu_s": round(tree_cpu() - cpu0, 1),
                        "start": start, "end": time.time(), "summary": summary}
    return phases


def time_queries(data: Path) -> dict:
    """Each example query: seconds on a fresh connection (views included), then the best of three."""
    from factwire import query
    from factwire.store import table_files
    from schemas import TABLES

    out = {"files_per_table": {t: len(table_files(data / "processed", t)) for t in TABLES}}
    for name, sql in QUERIES.items():
        t0 = time.perf_counter()
        con = query.connect(processed=data / "processed")
        rows = len(con.execute(sql).fetchall())
        first = time.perf_counter() - t0
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            con.execute(sql).fetchall()
            best = min(best, time.perf_counter() - t0)
        con.close()
        out[name] = {"first_s": round(first, 3), "best_s": round(best, 3), "rows": rows}
    return out


# ---------------------------------------------------------------------------------- report


def report(r: dict) -> str:
    """The figures as text."""
    fl, fw = r.get("floor"), r["flow"]
    first, rerun = fw["first_run"], fw["re_run"]
    s = first["summary"]
    n = s["articles"]
    words = r["words"]
    lines = [f"corpus: {r['corpus']['articles']} articles ({r['corpus']['json']} JSON, {r['corpus']['originals']} "
             f"originals), {words:,} words; n_process={r['n_process']}, batch_size={r['batch_size']}; "
             f"load average at start {r['load_average']}"]
    if fl:
        lines.append(f"bare spaCy   {fl['articles'] / fl['seconds']:6.1f} articles/s "
                     f"{words / fl['seconds']:7.0f} words/s"
                     f"  {fl['seconds']:7.1f} s wall (model load {fl['load_s']} s)  {fl['cpu_s']:7.1f} CPU s  "
                     f"peak RSS {fl['peak']['tree_mb']} MB  components {','.join(fl['components'])}")
    lines.append(f"factwire     {n / first['seconds']:6.1f} articles/s {words / first['seconds']:7.0f} words/s"
                 f"  {first['seconds']:7.1f} s wall                    {first['cpu_s']:7.1f} CPU s  "
                 f"peak RSS {first['peak']['tree_mb']} MB (largest process {first['peak']['process_mb']} MB; "
                 f"by quarter of the run {first.get('peak_tree_mb_by_quarter')})")
    if fl:
        lines.append(f"ratio factwire / bare spaCy: throughput {fl['seconds'] / first['seconds']:.2f}, "
                     f"CPU per article {first['cpu_s'] / fl['cpu_s']:.2f}x; with Prefect's first-run start-up "
                     f"({fw['prefect_startup']['seconds']} s) throughput "
                     f"{fl['seconds'] / (first['seconds'] + fw['prefect_startup']['seconds']):.2f}")
    stages = s["stage_seconds"]
    busy = sum(stages.values())
    lines.append("stages (busy seconds summed over workers; share): " + ", ".join(
        f"{k} {v:.1f} ({v / busy:.0%})" for k, v in stages.items()))
    lines.append(f"re-run on unchanged inputs: {rerun['seconds']} s, skipped {rerun['summary']['skipped_unchanged']}"
                 f" of {n}, processed {rerun['summary']['articles']}: {first['seconds'] / rerun['seconds']:.0f}x "
                 f"faster than the first run")
    lines.append(f"rows: {json.dumps(s['rows'])}; quarantined {s['quarantined']}")
    q = r["queries"]
    lines.append(f"queries (files per table: {max(q['files_per_table'].values())}):")
    for name in QUERIES:
        lines.append(f"  {name:30} first {q[name]['first_s']:.3f} s, warm {q[name]['best_s']:.3f} s, "
                     f"{q[name]['rows']} rows")
    return "\n".join(lines)


def replicate(data: Path, out: Path, factor: int) -> dict:
    """A dataset `factor` times the size of `data` for query timing: the committed rows are committed
    again `factor - 1` times through the store, with article ids suffixed -r1, -r2, ..., in as many
    batches as the original had (same rows, about the same file sizes, `factor` times the files)."""
    from factwire.store import history, read_table, write_batch
    from schemas import TABLES

    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(data / "processed", out / "processed")
    tables = {t: read_table(data / "processed", t) for t in TABLES}
    ids = sorted(tables["articles"]["article_id"])
    n_batches = max(1, sum(r["kind"] == "batch" for r in history(data / "processed")))
    size = max(1, -(-len(ids) // n_batches))
    for r in range(1, factor):
        for i in range(0, len(ids), size):
            group = set(ids[i:i + size])
            frames = {}
            for table, df in tables.items():
                part = df[df["article_id"].isin(group)].copy()
                part["article_id"] = part["article_id"].map(lambda a, r=r: f"{a}-r{r}")
                frames[table] = part
            write_batch(out / "processed", frames, articles={f"{a}-r{r}": "replica" for a in group})
    return {"factor": factor, "batches": n_batches}


def report_partial(r: dict) -> str:
    """The figures of a run stopped at its time limit."""
    p = r["partial"]
    lines = [f"corpus: {r['corpus']['articles']} articles; n_process={r['n_process']}, "
             f"batch_size={r['batch_size']}; load average at start {r['load_average']}",
             f"STOPPED after {p['seconds']} s of the first run: {p['articles']} articles committed "
             f"({p['articles'] / p['seconds']:.1f} articles/s, {r['words'] / p['seconds']:.0f} words/s)",
             f"peak RSS {p['peak']['tree_mb']} MB (largest process {p['peak']['process_mb']} MB); "
             f"peak RSS by quarter of the run (MB): {p['peak_tree_mb_by_quarter']}",
             f"Prefect start-up {r['flow']['prefect_startup']['seconds']} s"]
    q = r["queries"]
    lines.append(f"queries over the {p['articles']} committed articles "
                 f"(files per table: {max(q['files_per_table'].values())}):")
    for name in QUERIES:
        lines.append(f"  {name:30} first {q[name]['first_s']:.3f} s, warm {q[name]['best_s']:.3f} s, "
                     f"{q[name]['rows']} rows")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", nargs="?", default="bench", choices=["bench", "floor", "flow"], help=argparse.SUPPRESS)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--skip-floor", action="store_true", help="measure only factwire's flow")
    ap.add_argument("--time-limit", type=float, help="stop the flow after this many minutes and report "
                    "what it committed (rate, memory by quarter of the run, queries over the partial dataset)")
    ap.add_argument("--replicate", type=int, metavar="K", help="only time the queries over the dataset of the "
                    "last run of --articles N committed K times (article ids suffixed): a K*N-article dataset")
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.mode == "floor":
        print(json.dumps(child_floor(a)))
        return 0
    if a.mode == "flow":
        print(json.dumps(child_flow(a)))
        return 0

    if a.replicate:
        data = OUT / f"perf-{a.articles}" / "data"
        scaled = OUT / f"perf-{a.articles}-x{a.replicate}"
        info = replicate(data, scaled, a.replicate)
        words = _words(scaled)
        q = time_queries(scaled)
        print(f"dataset: {a.articles} x {a.replicate} articles ({words:,} words) in {info['batches'] * a.replicate} "
              f"commits; files per table: {max(q['files_per_table'].values())}")
        for name in QUERIES:
            print(f"  {name:30} first {q[name]['first_s']:.3f} s, warm {q[name]['best_s']:.3f} s, "
                  f"{q[name]['rows']} rows")
        (OUT / f"perf-{a.articles}-x{a.replicate}.json").write_text(json.dumps(q, indent=1), encoding="utf-8")
        return 0

    import corpus

    corpus_dir = OUT / f"corpus-{a.articles}"
    info = corpus.ensure(corpus_dir, a.articles)
    data = OUT / f"perf-{a.articles}" / "data"
    common = ["--corpus", str(corpus_dir), "--n-process", str(a.n_process), "--batch-size", str(a.batch_size)]
    result: dict = {"corpus": info, "n_process": a.n_process, "batch_size": a.batch_size,
                    "load_average": [round(x, 1) for x in os.getloadavg()]}
    if not a.skip_floor:
        floor, poller, _ = run_child(["floor", *common])
        floor["peak"] = poller.peak(floor["start"], floor["end"])
        result["floor"] = floor
    prefect_home = OUT / f"prefect-home-{a.articles}"  # a private Prefect database per benchmark
    shutil.rmtree(prefect_home, ignore_errors=True)
    env = {"PREFECT_HOME": str(prefect_home), "PREFECT_LOGGING_LEVEL": "WARNING",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180"}  # its default 20 s fails on a busy machine
    flow, poller, stopped = run_child(["flow", *common, "--data", str(data)], env,
                                      time_limit=a.time_limit * 60 if a.time_limit else None)
    for phase in flow.values():
        if isinstance(phase, dict):
            phase["peak"] = poller.peak(phase["start"], phase["end"])
    result["flow"] = flow
    if "first_run" in flow:  # flat memory: the peak of each quarter of the run stays the same
        start, end = flow["first_run"]["start"], flow["first_run"]["end"]
        span = (end - start) / 4
        flow["first_run"]["peak_tree_mb_by_quarter"] = [
            poller.peak(start + i * span, start + (i + 1) * span)["tree_mb"] for i in range(4)]
    if stopped:
        result["partial"] = partial(data, flow, poller, time.time())
    result["words"] = _words(data)
    result["queries"] = time_queries(data)
    text = report_partial(result) if stopped else report(result)
    print(text)
    (OUT / f"perf-{a.articles}.json").write_text(json.dumps({**result, "report": text}, indent=1), encoding="utf-8")
    return 0


def _words(data: Path) -> int:
    from factwire import query

    con = query.connect(processed=data / "processed")
    try:
        return int(con.execute("SELECT coalesce(sum(word_count), 0) FROM articles").fetchone()[0])
    finally:
        con.close()


if __name__ == "__main__":
    sys.exit(main())

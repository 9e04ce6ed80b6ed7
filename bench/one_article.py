"""Where a one-article `factwire run` spends its time, with and without a kept Prefect server.

Three ways to get a Prefect API, each in fresh processes on a fresh data folder:
  ephemeral  Prefect's own temporary server (what `factwire run` did before flows.server existed)
  temporary  factwire's temporary server (the same server, one that dies with the run)
  attached   a local server kept running by `factwire prefect start` (started here, stopped at the end)

For each, a driver process times its phases (interpreter start, imports, getting the API, loading the
model, the flow's own stages, Prefect's overhead around the flow, leaving), in wall-clock seconds and,
for the big ones, in the driver's own CPU seconds (on a loaded machine they tell what an idle one would
take); and the real command `factwire run` is timed end to end (wall clock, and CPU seconds of it and
its children).

    python bench/one_article.py [--repeat 3] [--modes ephemeral,temporary,attached]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "seed-article.txt"

DRIVER = r"""
import json, sys, time
marks = {"started": time.time()}
cpu = {"started": time.process_time()}
import factwire.cli, flows.pipeline  # what the CLI imports before it runs (prefect among them)
from factwire.nlp import load_nlp
from factwire.settings import get_settings
from flows.pipeline import ingest_flow
from flows.server import run_api
marks["imported"] = time.time()
cpu["imported"] = time.process_time()
mode, data = sys.argv[1], sys.argv[2]
settings = get_settings(data)
load_nlp(settings.spacy_model)
marks["model"] = time.time()
cpu["model"] = time.process_time()
def flow():
    return ingest_flow(inputs=[sys.argv[3]], data_dir=data)
if mode == "ephemeral":  # Prefect starts (and stops) its own server around the first API call
    summary = flow()
    marks["api"] = marks["model"]
else:
    api = run_api()
    api.__enter__()
    marks["api"] = time.time()
    summary = flow()
marks["flow"] = time.time()
cpu["flow"] = time.process_time()
if mode != "ephemeral":
    api.__exit__(None, None, None)
marks["left"] = time.time()
print("MARKS" + json.dumps({"marks": marks, "cpu": cpu, "seconds": summary["seconds"],
                            "stages": summary["stage_seconds"]}))
"""


def _env(prefect_home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env.update({"PREFECT_HOME": str(prefect_home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                "PREFECT_LOGGING_LEVEL": "WARNING", "PYTHONPATH": str(ROOT),
                "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120"})
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def driver_run(mode: str, env: dict[str, str], work: Path) -> dict[str, float]:
    """One driver process: seconds per phase."""
    data = Path(tempfile.mkdtemp(dir=work))
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", DRIVER, mode, str(data), str(SAMPLE)], env=env, cwd=ROOT,
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"the {mode} driver failed:\n{out.stderr[-3000:]}")
    ended = time.time()
    got = json.loads(next(line for line in out.stdout.splitlines() if line.startswith("MARKS"))[5:])
    m, body = got["marks"], got["seconds"]
    flow_call = m["flow"] - m["api"]
    return {
        "interpreter": m["started"] - t0,
        "imports": m["imported"] - m["started"],
        "model load": m["model"] - m["imported"],
        "api (server start or attach)": (m["api"] - m["model"]) if mode != "ephemeral" else 0.0,
        **{f"flow: {k}": v for k, v in got["stages"].items()},
        "flow: other": body - sum(got["stages"].values()),
        "prefect around the flow": flow_call - body,  # ephemeral: includes its server start and stop
        "leaving (server stop, exit)": ended - m["flow"],
        "total": ended - t0,
        "cpu: imports": got["cpu"]["imported"] - got["cpu"]["started"],
        "cpu: model load": got["cpu"]["model"] - got["cpu"]["imported"],
        "cpu: api and flow": got["cpu"]["flow"] - got["cpu"]["model"],
    }


def cli_run(env: dict[str, str], work: Path) -> tuple[float, float]:
    """The real `factwire run` on the sample: wall seconds and CPU seconds (with its children)."""
    data = Path(tempfile.mkdtemp(dir=work))
    cpu0, t0 = _children_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-m", "factwire", "run", str(SAMPLE), "--data-dir", str(data)], env=env,
                   cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - t0, _children_cpu() - cpu0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--modes", default="ephemeral,temporary,attached")
    args = parser.parse_args()
    modes = args.modes.split(",")
    with tempfile.TemporaryDirectory(prefix="factwire-bench-") as tmp:
        work = Path(tmp)
        env = _env(work / "prefect-home")
        results: dict[str, dict] = {}
        for mode in modes:
            started_server = None
            if mode == "attached":
                with socket.socket() as sock:
                    sock.bind(("127.0.0.1", 0))
                    port = sock.getsockname()[1]
                t0 = time.perf_counter()
                subprocess.run([sys.executable, "-m", "factwire", "prefect", "start", "--port", str(port)], env=env,
                               cwd=ROOT, check=True, capture_output=True)
                started_server = time.perf_counter() - t0
            try:
                phases = [driver_run(mode, env, work) for _ in range(args.repeat)]
                cli = [cli_run(env, work) for _ in range(args.repeat)] if mode != "ephemeral" else []
            finally:
                if mode == "attached":
                    subprocess.run([sys.executable, "-m", "factwire", "prefect", "stop"], env=env, cwd=ROOT,
                                   check=True, capture_output=True)
            results[mode] = {
                "phases_median_s": {k: round(statistics.median(p[k] for p in phases), 2) for k in phases[0]},
                "cli_wall_s": [round(w, 2) for w, _ in cli],
                "cli_cpu_s": [round(c, 2) for _, c in cli],
                "kept_server_start_s": round(started_server, 2) if started_server else None,
            }
        load = os.getloadavg()
    print(json.dumps({"cpus": os.cpu_count(), "load_avg_after": [round(x, 2) for x in load], "repeat": args.repeat,
                      "results": results}, indent=2))
    for mode, r in results.items():
        print(f"\n{mode}: " + ", ".join(f"{k} {v:.2f}" for k, v in r["phases_median_s"].items()))
        if r["cli_wall_s"]:
            print(f"  factwire run: wall {statistics.median(r['cli_wall_s']):.2f} s, "
                  f"CPU {statistics.median(r['cli_cpu_s']):.2f} s (medians of {args.repeat})")


if __name__ == "__main__":
    main()

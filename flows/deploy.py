"""Scheduled ingest runs, defined in code: a named set of sources polled on a cron or an interval.

A schedule is plain data (name, inputs, cron or interval, data folder, batch size) kept in
`<data_dir>/schedules.json`, so `factwire schedule` can add one and `factwire schedule --serve`
can later serve them all. `build_deployment` turns one into a Prefect deployment of
`flows.pipeline.ingest_flow`; `serve_schedules` serves them in the foreground with Prefect's
`serve`. Re-polling a feed adds no duplicates: the flow skips articles already stored.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path

import httpx

from flows.pipeline import ingest_flow

SCHEDULES_FILE = "schedules.json"
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


# Batches between two compactions of a scheduled dataset (FACTWIRE_COMPACT_EVERY).
COMPACT_EVERY = int(os.environ.get("FACTWIRE_COMPACT_EVERY", "24"))


@dataclass(frozen=True)
class Schedule:
    """One scheduled ingest: what to poll, how often, into which data folder.

    Each run compacts the tables (`factwire compact`) once COMPACT_EVERY batches have been committed
    since the last compaction: daily for an hourly schedule.
    """

    name: str
    inputs: list[str]
    data_dir: str
    cron: str | None = None
    interval_seconds: int | None = None
    batch_size: int | None = None
    tags: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", self.name):
            raise ValueError(f"schedule name {self.name!r}: use letters, digits, '-', '_' or '.'")
        if not self.inputs:
            raise ValueError("a schedule needs at least one input (folder, file, URL or feed URL)")
        if (self.cron is None) == (self.interval_seconds is None):
            raise ValueError("give exactly one of a cron expression or an interval")
        if self.interval_seconds is not None and self.interval_seconds < 1:
            raise ValueError("the interval must be at least one second")

    @property
    def parameters(self) -> dict[str, object]:
        """The ingest flow's parameters for each run."""
        return {"inputs": list(self.inputs), "data_dir": self.data_dir, "batch_size": self.batch_size,
                "force": False, "show_progress": False, "compact_every": COMPACT_EVERY}

    @property
    def when(self) -> str:
        """The schedule in words, for listings."""
        return f"cron {self.cron}" if self.cron else f"every {timedelta(seconds=self.interval_seconds or 0)}"


def parse_every(text: str) -> int:
    """An interval such as `90s`, `15m`, `1h`, `1d` or `3600` (seconds) in seconds."""
    match = re.fullmatch(r"\s*(\d+)\s*([smhd]?)\s*", text.lower())
    if not match:
        raise ValueError(f"interval {text!r}: write it as 90s, 15m, 1h, 1d or a number of seconds")
    return int(match.group(1)) * _UNITS[match.group(2) or "s"]


def _path(data_dir: str | Path) -> Path:
    from factwire.store import is_remote

    if is_remote(data_dir):  # a dataset in S3: its schedules are kept on the machine that serves them
        return Path(os.environ.get("FACTWIRE_SCHEDULES_DIR", "data")) / SCHEDULES_FILE
    return Path(data_dir) / SCHEDULES_FILE


def load_schedules(data_dir: str | Path) -> list[Schedule]:
    """The schedules saved for a data folder."""
    path = _path(data_dir)
    if not path.exists():
        return []
    return [Schedule(**item) for item in json.loads(path.read_text(encoding="utf-8"))]


def save_schedule(schedule: Schedule) -> None:
    """Add or replace (by name) a schedule of its data folder."""
    kept = [s for s in load_schedules(schedule.data_dir) if s.name != schedule.name]
    _write(schedule.data_dir, [*kept, schedule])


def remove_schedule(data_dir: str | Path, name: str) -> bool:
    """Drop a schedule by name; whether there was one."""
    schedules = load_schedules(data_dir)
    kept = [s for s in schedules if s.name != name]
    _write(data_dir, kept)
    return len(kept) < len(schedules)


def _write(data_dir: str | Path, schedules: list[Schedule]) -> None:
    path = _path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps([asdict(s) for s in schedules], indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def build_deployment(schedule: Schedule):
    """The Prefect deployment of the ingest flow for one schedule (a RunnerDeployment)."""
    from prefect.types.entrypoint import EntrypointType

    return ingest_flow.to_deployment(
        name=schedule.name,
        cron=schedule.cron,
        interval=schedule.interval_seconds,
        parameters=schedule.parameters,
        description=f"Ingest {', '.join(schedule.inputs)} into {schedule.data_dir} ({schedule.when}).",
        tags=["factwire", *schedule.tags],
        # The runner imports the flow by module path, so runs work from any working directory.
        entrypoint_type=EntrypointType.MODULE_PATH,
    )


@contextlib.contextmanager
def prefect_server(port: int = 4200, startup_timeout: float = 90.0, log_path: Path | None = None) -> Iterator[str]:
    """The configured Prefect API, the kept local server, or a `prefect server start` while the block runs.

    Schedules need a server: Prefect's ephemeral in-process API does not run the scheduler service.
    The local server's output goes to `log_path` (default: a file in the system's temp folder).
    """
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.server import kept_server

    configured = PREFECT_API_URL.value()
    if configured:
        yield configured
        return
    kept = kept_server()  # `factwire prefect start`'s server runs schedules too
    if kept:
        with temporary_settings(updates={PREFECT_API_URL: kept["url"]}):
            yield kept["url"]
        return
    url = f"http://127.0.0.1:{port}/api"
    log_path = log_path or Path(tempfile.gettempdir()) / f"factwire-prefect-server-{port}.log"
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    with open(log_path, "ab") as log:
        # A session of its own: Ctrl-C (or a signal to our process group) reaches the runner, which
        # pauses its deployments through this server before the server is stopped below.
        proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                 "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)
    # SIGTERM (a service manager, `timeout`) must unwind like Ctrl-C so the server is stopped too.
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"could not start a Prefect server on 127.0.0.1:{port} (see {log_path}; "
                                   "is the port taken? set PREFECT_API_URL to use a running one)")
            time.sleep(0.5)
        with temporary_settings(updates={PREFECT_API_URL: url}):
            yield url
    finally:
        signal.signal(signal.SIGTERM, previous)
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve_schedules(schedules: list[Schedule], *, limit: int = 1) -> None:
    """Serve the schedules' deployments in the foreground until interrupted (Prefect's `serve`).

    `limit` caps concurrent runs; one at a time suits a single data folder (writers queue anyway).
    """
    from prefect import serve

    serve(*[build_deployment(s) for s in schedules], limit=limit)


if __name__ == "__main__":  # python -m flows.deploy [DATA_DIR]: serve the saved schedules
    folder = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("FACTWIRE_DATA_DIR", "data")
    with prefect_server():
        serve_schedules(load_schedules(folder))

"""The Prefect API a run talks to, and a local Prefect server kept running between runs.

A run uses, in this order: PREFECT_API_URL when it is set; the local server `factwire prefect start`
keeps running (its runs then show in Prefect's UI, and no run pays a server start); otherwise a
temporary server of its own, as Prefect's ephemeral mode would start, but one that dies with the
run even when the run is killed with SIGKILL (on Linux, through the kernel's parent-death signal).
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

STATE_FILE = "factwire-server.json"
DEFAULT_PORT = 4200
_PR_SET_PDEATHSIG = 1


def state_path() -> Path:
    """Where the kept server's address and process id are recorded (in PREFECT_HOME)."""
    from prefect.settings import PREFECT_HOME

    return Path(PREFECT_HOME.value()) / STATE_FILE


def _healthy(url: str, timeout: float = 1.0) -> bool:
    try:
        return httpx.get(f"{url}/health", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def _read_state() -> dict | None:
    try:
        return json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def kept_server() -> dict | None:
    """The kept local server's state ({"url", "pid", "port", "log"}) when it answers, else None."""
    state = _read_state()
    return state if state and _healthy(state["url"]) else None


@functools.cache
def _libc() -> ctypes.CDLL | None:
    # Loaded in the parent: a forked child must not take the loader's lock another thread may hold.
    return ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def _die_with_parent(parent: int, libc: ctypes.CDLL | None) -> None:
    """In the child, before exec: be killed when the parent dies (and exit if it already has)."""
    if libc is not None:
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not _healthy(url, timeout=2.0):
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with code {proc.returncode} before answering")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not answer within {timeout:g} s")
        time.sleep(0.1)


@contextlib.contextmanager
def temporary_server(startup_timeout: float | None = None) -> Iterator[str]:
    """A Prefect API server for as long as the block runs; it dies with this process, however it ends.

    The same server Prefect's ephemeral mode starts (the API without the UI, on a free port), with
    the parent-death signal set: call it from the main thread, whose end the kernel watches.
    """
    import prefect
    from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, get_current_settings

    # Prefect's default of 20 s is too short on a busy 2-core machine (seen: 25 s under load).
    timeout = startup_timeout or max(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value(), 120)
    env = {**os.environ, **get_current_settings().to_environment_variables(exclude_unset=True),
           "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    for attempt in range(3):  # the free port may be taken between our probe and uvicorn's bind
        port = _free_port()
        url = f"http://127.0.0.1:{port}/api"
        proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(prefect.__module_path__.parent), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
             "--log-level", "error", "--lifespan", "on"],
            env=env, preexec_fn=functools.partial(_die_with_parent, os.getpid(), _libc()))
        try:
            _wait_healthy(url, proc, timeout, "the temporary Prefect server")
            break
        except RuntimeError:
            exited = proc.poll() is not None  # e.g. the port was taken: worth another port
            _stop(proc)
            if attempt == 2 or not exited:
                raise
    try:
        yield url
    finally:
        _stop(proc)


def _stop(proc: subprocess.Popen, grace: float = 10.0) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def run_api() -> Iterator[str]:
    """The Prefect API for one run: PREFECT_API_URL, else the kept local server, else a temporary one."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    configured = PREFECT_API_URL.value()
    if configured:
        yield configured
        return
    kept = kept_server()
    if kept:
        with temporary_settings(updates={PREFECT_API_URL: kept["url"]}):
            yield kept["url"]
        return
    with temporary_server() as url, temporary_settings(updates={PREFECT_API_URL: url}):
        yield url


def start_kept_server(port: int = DEFAULT_PORT, startup_timeout: float = 120.0) -> dict:
    """Start a local Prefect server (API, UI and services) in the background, or find the one running.

    It outlives this process (a session of its own) until `stop_kept_server`; its output goes to
    a log file in PREFECT_HOME.
    """
    running = kept_server()
    if running:
        return {**running, "already_running": True}
    url = f"http://127.0.0.1:{port}/api"
    path = state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    log_path = path.with_name(f"factwire-server-{port}.log")
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    with open(log_path, "ab") as log:
        proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                 "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, env=env, start_new_session=True)
    try:
        _wait_healthy(url, proc, startup_timeout, f"the Prefect server on port {port} (see {log_path})")
    except RuntimeError:
        _kill_group(proc.pid)
        raise
    state = {"url": url, "ui": f"http://127.0.0.1:{port}", "pid": proc.pid, "port": port, "log": str(log_path)}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state), encoding="utf-8")
    os.replace(tmp, path)
    return state


def _kill_group(pid: int, grace: float = 15.0) -> None:
    """SIGTERM the process group led by `pid`, SIGKILL it after `grace` seconds."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def stop_kept_server() -> dict | None:
    """Stop the kept local server (its whole process group); its state, or None when none was recorded."""
    state = _read_state()
    if state is None:
        return None
    pid = int(state["pid"])
    try:  # the recorded pid may have been reused by another program since the server ended
        ours = b"prefect" in Path(f"/proc/{pid}/cmdline").read_bytes() and os.getpgid(pid) == pid
    except (OSError, ProcessLookupError):
        ours = sys.platform != "linux" and kept_server() is not None
    if ours:
        _kill_group(pid)
    state_path().unlink(missing_ok=True)
    return state

"""Runs leave no process behind, even killed with SIGKILL; a kept local server is attached to and shows the runs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, SAMPLE

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not sys.platform.startswith("linux"),
                                                   reason="reads /proc; the parent-death signal is Linux's")]


def tagged(tag: str) -> list[tuple[int, str]]:
    """Live processes whose environment holds `tag` (pid and command line)."""
    found = []
    needle = tag.encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle in (entry / "environ").read_bytes():
                found.append((int(entry.name), (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()))
        except OSError:  # gone meanwhile, or a zombie
            continue
    return found


def wait_for(check: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def factwire_env(tmp_path: Path, tag: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    # A Prefect home of its own: no kept server of this machine is attached to by accident.
    env.update({"FACTWIRE_TEST_TAG": tag, "PREFECT_HOME": str(tmp_path / "prefect-home"),
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PYTHONPATH": str(ROOT)})
    return env


def test_runs_killed_with_sigkill_at_any_moment_leave_no_process_behind(tmp_path):
    tag = f"factwire-kill-{uuid.uuid4().hex}"
    env = factwire_env(tmp_path, tag)
    moments: list[tuple[str, Callable[[Path], bool]]] = [
        ("while importing", lambda data: False),  # killed on the timeout below, 0.5 s in
        ("while the temporary server starts", lambda data: any("uvicorn" in c for _, c in tagged(tag))),
        ("right after the server answers", lambda data: any("uvicorn" in c for _, c in tagged(tag))
         and (time.sleep(1.5) or True)),
        ("after ingest", lambda data: (data / "raw").exists()),
        ("while storing", lambda data: (data / "processed").exists()),
    ]
    for n, (moment, reached) in enumerate(moments):
        data = tmp_path / f"data-{n}"
        proc = subprocess.Popen([sys.executable, "-m", "factwire", "run", str(SAMPLE), "--data-dir", str(data)],
                                env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda data=data, reached=reached, proc=proc: reached(data) or proc.poll() is not None,
                 0.5 if n == 0 else 120)
        proc.kill()
        proc.wait()
        # The kernel kills the server with its parent; give it a moment to be gone.
        assert wait_for(lambda: not tagged(tag), 15), f"killed {moment}, left: {tagged(tag)}"
    assert tagged(tag) == []


def test_a_kept_server_is_attached_to_shows_the_run_and_stops(tmp_path):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    tag = f"factwire-kept-{uuid.uuid4().hex}"
    env = factwire_env(tmp_path, tag)

    def factwire(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "factwire", *args], env=env, cwd=tmp_path, text=True,
                              capture_output=True, timeout=300)

    try:
        started = factwire("prefect", "start", "--port", str(port))
        assert started.returncode == 0, started.stderr
        api = f"http://127.0.0.1:{port}/api"
        assert api in " ".join(started.stdout.split())
        assert "attach to the kept server" in " ".join(factwire("prefect", "status").stdout.split())

        ran = factwire("run", str(SAMPLE), "--data-dir", str(tmp_path / "data"))
        assert ran.returncode == 0, ran.stdout + ran.stderr
        assert not any("uvicorn" in c for _, c in tagged(tag))  # no temporary server was started
        runs = httpx.post(f"{api}/flow_runs/filter", json={"limit": 10}, timeout=30).json()
        assert [(r["state_type"]) for r in runs] == ["COMPLETED"]
        flow = httpx.get(f"{api}/flows/{runs[0]['flow_id']}", timeout=30).json()
        assert flow["name"] == "factwire-ingest"
    finally:
        stopped = factwire("prefect", "stop")
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    assert wait_for(lambda: not tagged(tag), 30), tagged(tag)

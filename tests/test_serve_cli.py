"""`factwire serve` as a user starts it: a real process listening on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest
from typer.testing import CliRunner

from factwire.cli import app
from tests.serve_support import build_dataset


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_factwire_serve_process_answers_and_stops(tmp_path, nlp):
    data_dir = build_dataset(tmp_path / "data")
    port = _free_port()
    env = {**os.environ, "FACTWIRE_DATA_DIR": str(data_dir)}  # the env var picks the data folder too
    proc = subprocess.Popen([sys.executable, "-m", "factwire", "serve", "--port", str(port), "--query-timeout", "2"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read()
                assert time.monotonic() < deadline, "factwire serve did not start"
                time.sleep(0.2)
        assert health.json()["articles"] == 2
        page = httpx.get(f"http://127.0.0.1:{port}/")
        assert page.status_code == 200 and "Datasets" in page.text
    finally:
        proc.terminate()
        output = proc.communicate(timeout=20)[0]
    assert proc.returncode in (0, -signal.SIGTERM)  # uvicorn shuts down cleanly, then re-raises the signal
    assert "Finished server process" in output
    said = "".join(output.split())  # rich wraps long lines at spaces
    assert f"serving{data_dir}/processedathttp://127.0.0.1:{port}/" in said


def test_every_command_has_help():
    runner = CliRunner()
    for command in ("run", "query", "tables", "schedule", "serve"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output, command

"""Keeping raw bytes under data/raw is safe when two runs keep the same input at the same moment."""

from __future__ import annotations

import multiprocessing
import random
import time
from pathlib import Path

from factwire.ingest import keep_raw
from factwire.settings import get_settings


def _keep(data_dirs: list[str], data: bytes, start: float, errors) -> None:
    time.sleep(max(0.0, start - time.time()))
    for d in data_dirs:
        try:
            keep_raw(get_settings(d), data, "story.txt")
        except OSError as exc:
            errors.put(f"{exc.__class__.__name__}: {exc}")


def test_concurrent_keep_raw_never_fails_or_corrupts(tmp_path):
    data = random.Random(5).randbytes(1_000_000)
    dirs = [str(tmp_path / f"d{n}") for n in range(40)]
    ctx = multiprocessing.get_context("fork")
    errors = ctx.Queue()
    start = time.time() + 0.2
    procs = [ctx.Process(target=_keep, args=(dirs, data, start, errors)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
    assert errors.empty(), errors.get()
    for d in dirs:
        kept = list(Path(d, "raw").rglob("*"))
        files = [p for p in kept if p.is_file()]
        assert [p.name for p in files] == ["story.txt"]  # no tmp files left either
        assert files[0].read_bytes() == data

"""Run the pipeline (without Prefect) on the sample and the dev set, then score with the shared scorer.

    python bench/evaluate.py [--html] [--only seed|dev|extra|extra2] [--notes N]

`extra` is bench/extra-dev/ and `extra2` bench/extra-dev2/: five more real articles each, annotated
independently of the code (see their READMEs), to check that rules tuned on the dev set generalize.
extra-dev2 was kept for measuring only: its failures reached developers as descriptions with
sentences of their own, never as the articles. Keep it that way, or annotate a fresh set.

Writes to bench/out/eval-<text|html>/ and prints the scorer's report.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factwire import pipeline  # noqa: E402
from factwire.ingest import discover  # noqa: E402
from factwire.settings import get_settings  # noqa: E402

SHARED = ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html", action="store_true", help="use dev/html instead of dev/text")
    ap.add_argument("--only", choices=["seed", "dev", "extra", "extra2"], help="score only one set")
    ap.add_argument("--notes", type=int, default=8)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    out = ROOT / "bench" / "out" / ("eval-html" if a.html else "eval-text")
    shutil.rmtree(out, ignore_errors=True)
    settings = get_settings(out)
    raw = settings.raw_dir
    raw.mkdir(parents=True)
    shutil.copy(SHARED / "seed-article.txt", raw)
    shutil.copy(SHARED / "seed-article.meta.json", raw)
    dev = SHARED / "eval" / "dev" / ("html" if a.html else "text")
    extra = ROOT / "bench" / "extra-dev"
    extra2 = ROOT / "bench" / "extra-dev2"
    sources, _ = discover([str(raw), str(dev), str(extra / "text"), str(extra2 / "text")])
    ingested = pipeline.ingest(sources, settings, force=True)
    batch = pipeline.process(ingested.articles, settings, failures=ingested.failures)
    pipeline.store(batch, settings)
    gold = []
    if a.only in (None, "seed"):
        gold.append(str(SHARED / "eval" / "seed-article.gold.json"))
    if a.only in (None, "dev"):
        gold += sorted(str(p) for p in (SHARED / "eval" / "dev" / "gold").glob("*.gold.json"))
    if a.only == "extra":
        gold += sorted(str(p) for p in (extra / "gold").glob("*.gold.json"))
    if a.only == "extra2":
        gold += sorted(str(p) for p in (extra2 / "gold").glob("*.gold.json"))
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), "--processed", str(settings.processed_dir),
           "--notes", str(a.notes), *gold] + (["--json"] if a.json else [])
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())

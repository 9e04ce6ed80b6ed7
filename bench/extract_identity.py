"""Dump every record table's rows for the tuning articles, to check that a speed-up changes no output.

    python bench/extract_identity.py --out /tmp/before.json [--corpus 200]
    ... change the extractors ...
    python bench/extract_identity.py --out /tmp/after.json && cmp /tmp/before.json /tmp/after.json

Reads the seed article, the dev set (../shared/eval/dev/text) and bench/extra-dev{,2,3}/ (never the
held-out bench/frozen*), plus, with --corpus N, the first N articles of the benchmark corpus
(`bench/corpus.py`, generated from the seed and dev articles, built if missing). Cleans, parses and
extracts them as a worker does (`pipeline.extract_part`, one process, a fixed ingestion time) and
writes every table's rows (less the articles' `extractor_version`, a hash of the code), and the
quarantine rows, as canonical JSON: the same code gives the same
bytes. Runs under PYTHONHASHSEED=0 (re-executing itself if needed): some rows' list order follows a
set's iteration order, which otherwise changes from run to run. Prints a digest per table.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"
TEXT_DIRS = [SHARED / "eval" / "dev" / "text", *(ROOT / "bench" / d / "text" for d in
                                                  ("extra-dev", "extra-dev2", "extra-dev3"))]
FIXED_TIME = datetime(2026, 1, 1, tzinfo=UTC)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True, help="the JSON file to write")
    ap.add_argument("--corpus", type=int, default=0, help="also the first N articles of bench/out/corpus-1000")
    a = ap.parse_args()
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})

    from factwire import pipeline
    from factwire.ingest import discover
    from factwire.settings import get_settings

    scratch = OUT / "identity-scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    settings = get_settings(scratch)
    raw = settings.raw_dir
    raw.mkdir(parents=True)
    shutil.copy(SHARED / "seed-article.txt", raw)
    shutil.copy(SHARED / "seed-article.meta.json", raw)
    sources, _ = discover([str(raw), *(str(d) for d in TEXT_DIRS if d.is_dir())])
    if a.corpus:
        import corpus as corpus_mod

        folder = OUT / "corpus-1000"
        corpus_mod.ensure(folder, 1000)
        sources += list(pipeline.chunked(pipeline.SourceWalk([str(folder)]), a.corpus))[0]
    raws = pipeline.ingest(sources, settings, force=True).articles
    part = pipeline.extract_part(raws, settings.spacy_model, FIXED_TIME)
    for row in part.rows.get("articles", []):
        row.pop("extractor_version", None)  # a hash of the code: changes with any edit, by design
    dump = {"rows": part.rows, "quarantine": part.quarantine}
    text = json.dumps(dump, sort_keys=True, default=str, ensure_ascii=False, indent=0)
    a.out.write_text(text, encoding="utf-8")
    print(f"{len(raws)} articles -> {a.out}")
    for table, rows in sorted(part.rows.items()):
        digest = hashlib.sha256(json.dumps(rows, sort_keys=True, default=str).encode()).hexdigest()[:12]
        print(f"  {table:14} {len(rows):6} rows  {digest}")
    print(f"  quarantine     {len(part.quarantine):6} rows")
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

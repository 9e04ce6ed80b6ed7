"""The workers' side of throughput on many cores: bare spaCy against factwire's worker work.

    python bench/scale_workers.py [--ns 1,2,4,8,15,16] [--repeat 20]

Each run is a pool of n processes (spawned, the model loaded once per process) over the same texts:
the annotated articles of bench/extra-dev*/text repeated `--repeat` times. Bare spaCy parses each
clean text (`nlp.pipe`); factwire cleans, parses and extracts every record (`extract_article`), what a
pipeline worker does for its part. No Prefect, no store, no validation (the driver's side, measured
by bench/scale.py), so it needs only spaCy, the model and the extractors' data packages: it is what
can be carried to a lent machine. Prints articles/s per n and the ratio factwire / bare spaCy.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _texts(repeat: int) -> list[tuple[str, str]]:
    """(file path, raw bytes as text) of the annotated tuning articles, repeated."""
    sets = ("extra-dev", "extra-dev2", "extra-dev3")
    files = sorted(p for d in sets for p in (ROOT / "bench" / d / "text").glob("*.txt"))
    return [(str(p), p.read_text(encoding="utf-8")) for p in files] * repeat


def _bare(texts: list[str]) -> int:
    from factwire.nlp import load_nlp

    nlp = load_nlp()
    return sum(1 for _ in nlp.pipe(texts, batch_size=32))


def _article(path: str, text: str):
    """A RawArticle from a text file of the annotated sets (title line, blank line, body) and its meta."""
    from datetime import date

    from factwire.models import RawArticle

    title, _, body = text.partition("\n\n")
    meta_file = Path(path).with_suffix(".meta.json")
    meta = json.loads(meta_file.read_text()) if meta_file.exists() else {}
    published = date.fromisoformat(meta["published"][:10]) if meta.get("published") else None
    return RawArticle(article_id=Path(path).stem, source_uri=path, raw_path=path, source_format="text",
                      body=body, title=title, published=published, language="en")


def _factwire(items: list[tuple[str, str]]) -> int:
    from factwire.clean import clean_article
    from factwire.extract import extract_article
    from factwire.nlp import load_nlp

    nlp = load_nlp()
    arts = [clean_article(_article(path, text)) for path, text in items]
    for art, doc in zip(arts, nlp.pipe([a.clean_text for a in arts], batch_size=32), strict=True):
        extract_article(doc, art)
    return len(arts)


def _warm(_: int) -> int:
    from factwire.nlp import load_nlp

    load_nlp()
    return os.getpid()


def _run(fn, chunks: list, n: int) -> float:
    """Articles per second of `fn` over the chunks on a pool of n processes (model loaded first)."""
    with ProcessPoolExecutor(n, mp_context=get_context("spawn")) as pool:
        list(pool.map(_warm, range(n * 2)))
        t0 = time.perf_counter()
        done = sum(pool.map(fn, chunks))
        return done / (time.perf_counter() - t0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ns", default="1,2,4,8,15,16")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--part", type=int, default=8, help="articles per task")
    a = ap.parse_args()
    items = _texts(a.repeat)
    print(f"{len(items)} articles, {os.cpu_count()} cores", flush=True)
    print("n  bare_spacy/s  factwire/s  ratio", flush=True)
    for n in [int(x) for x in a.ns.split(",")]:
        parts = [items[i:i + a.part] for i in range(0, len(items), a.part)]
        bare = _run(_bare, [[t for _, t in p] for p in parts], n)
        fw = _run(_factwire, parts, n)
        print(f"{n:<2} {bare:12.1f} {fw:11.1f} {fw / bare:6.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

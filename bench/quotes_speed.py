"""Time the quotes and attributions extractors against the parse they work from.

    python bench/quotes_speed.py [--repeat N]

Parses the sample, the dev set and the extra dev set once, then runs both extractors on every Doc
and prints milliseconds per article next to spaCy's own time per article.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factwire.clean import clean_article  # noqa: E402
from factwire.extract.attributions import extract_attributions  # noqa: E402
from factwire.extract.entities import extract_entities  # noqa: E402
from factwire.extract.quotes import extract_quotes  # noqa: E402
from factwire.ingest import parse_text  # noqa: E402
from factwire.nlp import load_nlp  # noqa: E402

SHARED = ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs of the extractors (the median is printed)")
    a = ap.parse_args()
    files = [SHARED / "seed-article.txt", *sorted((SHARED / "eval" / "dev" / "text").glob("*.txt")),
             *sorted((ROOT / "bench" / "extra-dev" / "text").glob("*.txt"))]
    texts = [clean_article(parse_text(f.read_bytes(), uri=str(f), raw_path=str(f))).clean_text for f in files]
    nlp = load_nlp()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse_ms = (time.perf_counter() - t0) * 1000 / len(docs)
    indexes = [extract_entities(d) for d in docs]
    timings: dict[str, list[float]] = {"quotes": [], "attributions": []}
    counts = {"quotes": 0, "attributions": 0}
    for _ in range(a.repeat):
        for name, extract in (("quotes", extract_quotes), ("attributions", extract_attributions)):
            t0 = time.perf_counter()
            counts[name] = sum(len(extract(d, entities=i)) for d, i in zip(docs, indexes, strict=True))
            timings[name].append((time.perf_counter() - t0) * 1000 / len(docs))
    words = sum(len(t.split()) for t in texts)
    print(f"{len(docs)} articles, {words} words; spaCy parse {parse_ms:.1f} ms/article")
    for name, runs in timings.items():
        print(f"{name:13} {sorted(runs)[len(runs) // 2]:.1f} ms/article  ({counts[name]} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time the dates and quantities extractors next to the parse, and dateparser for comparison.

    python bench/dates_quantities.py [--repeat 20]

Runs on the sample, the dev set and the extra dev set (parsed once), prints milliseconds per article
for spaCy's parse, `extract_dates`, `extract_quantities`, and what dateparser costs to import and to
resolve the same time expressions (the library the issue suggested and that we chose not to use).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factwire.clean import normalize, strip_citations  # noqa: E402
from factwire.extract.dates import extract_dates  # noqa: E402
from factwire.extract.entities import extract_entities  # noqa: E402
from factwire.extract.quantities import extract_quantities  # noqa: E402
from factwire.nlp import load_nlp  # noqa: E402

SHARED = ROOT.parent / "shared"


def articles() -> list[tuple[str, date | None]]:
    """(clean body, published) of the sample, the dev set and the extra dev set."""
    out = []
    paths = [SHARED / "seed-article.txt", *sorted((SHARED / "eval" / "dev" / "text").glob("*.txt")),
             *sorted((ROOT / "bench" / "extra-dev" / "text").glob("*.txt"))]
    for p in paths:
        text = p.read_text()
        if p.parent.name == "text":
            text = text.split("\n\n", 1)[1]
        meta = json.loads(p.with_suffix(".meta.json").read_text())
        pub = date.fromisoformat(meta["published"][:10]) if meta.get("published") else None
        out.append((strip_citations(normalize(text)[0])[0], pub))
    return out


def ms(f, repeat: int) -> float:
    """Median milliseconds of one call."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args()
    nlp = load_nlp()
    docs = [(nlp(text), pub) for text, pub in articles()]
    n = len(docs)
    parse = sum(ms(lambda d=d: nlp(d.text), 3) for d, _ in docs) / n
    dates = sum(ms(lambda d=d, p=p: extract_dates(d, published=p), a.repeat) for d, p in docs) / n
    qty = 0.0
    rows_d = rows_q = 0
    for d, p in docs:
        idx = extract_entities(d, title=None)
        ds = extract_dates(d, published=p)
        qty += ms(lambda d=d, p=p, idx=idx, ds=ds: extract_quantities(d, entities=idx, dates=ds, published=p),
                  a.repeat)
        rows_d += len(ds)
        rows_q += len(extract_quantities(d, entities=idx, dates=ds, published=p))
    qty /= n
    print(f"{n} articles, {rows_d} date rows, {rows_q} quantity rows")
    print(f"spaCy parse          {parse:7.2f} ms/article")
    print(f"extract_dates        {dates:7.2f} ms/article")
    print(f"extract_quantities   {qty:7.2f} ms/article")
    t = time.perf_counter()
    import dateparser  # noqa: PLC0415 - timing the import is the point

    print(f"import dateparser    {(time.perf_counter() - t) * 1000:7.0f} ms (once per process)")
    texts = [(r["text"], p) for d, p in docs for r in extract_dates(d, published=p)]
    t = time.perf_counter()
    for text, p in texts:
        base = datetime.combine(p, datetime.min.time()) if p else None
        dateparser.parse(text, settings={"RELATIVE_BASE": base} if base else None)
    per = (time.perf_counter() - t) * 1000 / n
    print(f"dateparser.parse     {per:7.2f} ms/article (same {len(texts)} expressions, already found)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

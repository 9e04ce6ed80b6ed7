"""Where a worker's and the driver's time goes, per article: stages, then each extractor, then cProfile.

    python bench/profile_extract.py --articles 300 [--top 10] [--corpus bench/out/corpus-1000]

One process, one core. The articles of the corpus (`bench/corpus.py`, built if missing) are read,
cleaned and parsed first; then, each timed over all of them: every extractor in `extract_article`'s
order (given what the earlier ones return), validation of every table's rows, and the atomic
commit of them as one batch. Last, cProfile over `extract_article` on every article, printed as the
top functions by cumulative time. Prints milliseconds of CPU per article (process time, so other
jobs on the machine do not inflate it).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

OUT = ROOT / "bench" / "out"


def _timed(label: str, totals: dict[str, float], fn, *args, **kwargs):
    t0 = time.process_time()
    out = fn(*args, **kwargs)
    totals[label] += time.process_time() - t0
    return out


def extractor_times(pairs) -> dict[str, float]:
    """CPU seconds of each extractor over the articles, run in `extract_article`'s order."""
    from factwire.extract import citation_rows
    from factwire.extract.attributions import extract_attributions
    from factwire.extract.dates import extract_dates
    from factwire.extract.entities import entity_rows, extract_entities, mention_rows
    from factwire.extract.events import extract_events
    from factwire.extract.quantities import extract_quantities
    from factwire.extract.quotes import extract_quotes
    from factwire.extract.roles import extract_roles

    t: dict[str, float] = defaultdict(float)
    for article, doc in pairs:
        pub = article.published
        index = _timed("entities", t, extract_entities, doc, title=article.raw.title)
        _timed("entities (rows)", t, lambda i=index: (entity_rows(i), mention_rows(i)))
        dates = _timed("dates", t, extract_dates, doc, published=pub)
        quantities = _timed("quantities", t, extract_quantities, doc, entities=index, dates=dates, published=pub)
        _timed("quotes", t, extract_quotes, doc, entities=index)
        _timed("attributions", t, extract_attributions, doc, entities=index)
        roles = _timed("roles", t, extract_roles, doc, entities=index)
        _timed("events", t, extract_events, doc, entities=index, quantities=quantities, dates=dates,
               published=pub, roles=roles)
        _timed("citations", t, citation_rows, article)
    return dict(t)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300, help="articles of the corpus to profile")
    ap.add_argument("--corpus", type=Path, help="a corpus folder (default: bench/out/corpus-1000, built if missing)")
    ap.add_argument("--top", type=int, default=10, help="functions to list by cumulative time")
    a = ap.parse_args()

    import corpus as corpus_mod

    from factwire import pipeline
    from factwire.clean import clean_article
    from factwire.extract import extract_article
    from factwire.nlp import load_nlp
    from factwire.settings import get_settings

    folder = a.corpus or OUT / "corpus-1000"
    if a.corpus is None:
        corpus_mod.ensure(folder, 1000)
    scratch = OUT / "profile-scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    settings = get_settings(scratch)
    stages: dict[str, float] = defaultdict(float)
    sources = list(pipeline.chunked(pipeline.SourceWalk([str(folder)]), a.articles))[0]
    ingested = _timed("ingest", stages, pipeline.ingest, sources, settings, force=True)
    raws = ingested.articles[: a.articles]
    articles = [_timed("clean", stages, clean_article, r) for r in raws]
    articles = [x for x in articles if x.clean_text]
    nlp = load_nlp(settings.spacy_model)
    docs = _timed("nlp", stages, lambda: list(nlp.pipe([x.clean_text for x in articles], batch_size=32)))
    pairs = list(zip(articles, docs, strict=True))
    n = len(pairs)
    words = sum(len(x.clean_text.split()) for x in articles)

    per = extractor_times(pairs)
    stages["extract"] = sum(per.values())
    now = datetime.now(UTC)
    part = _timed("extract+clean (part)", defaultdict(float), pipeline.extract_part, raws, settings.spacy_model, now)
    batch = _timed("validate", stages, pipeline.validate_part, part, settings)
    _timed("store", stages, pipeline.store, batch, settings)

    print(f"{n} articles, {words / n:.0f} words each on average; CPU ms per article (one process)")
    print("stages:     " + ", ".join(f"{k} {v / n * 1000:.1f}" for k, v in stages.items()))
    print("extractors: " + ", ".join(f"{k} {v / n * 1000:.1f}" for k, v in sorted(per.items(), key=lambda kv: -kv[1])))

    prof = cProfile.Profile()
    prof.enable()
    for article, doc in pairs:
        extract_article(doc, article)
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    # the first two rows are the loop's own and extract_article's: the list starts below them
    stats.sort_stats("cumulative").print_stats(a.top + 2)
    print(f"cProfile of extract_article over {n} articles, by cumulative time:")
    print("\n".join(line for line in buf.getvalue().splitlines() if line.strip()
                    and not line.lstrip().startswith(("Ordered by", "List reduced"))))
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Quotes and attributions through the real pipeline: files in, validated Parquet out, read by DuckDB."""

from __future__ import annotations

import duckdb

from factwire import pipeline
from factwire.ingest import discover
from tests.conftest import TEST_DATA


def test_quotes_and_attributions_reach_parquet(settings):
    sources, _ = discover([str(TEST_DATA / "quotes-article.txt")])
    ingested = pipeline.ingest(sources, settings, force=True)
    batch = pipeline.process(ingested.articles, settings, failures=ingested.failures)
    pipeline.store(batch, settings)
    quarantine = batch.frames["quarantine"]
    assert not set(quarantine["table"]) & {"quotes", "attributions"}

    con = duckdb.connect()
    base = settings.processed_dir
    quotes = con.execute(
        f"SELECT text, speaker, direct, cue FROM read_parquet('{base}/quotes/**/*.parquet') ORDER BY start"
    ).fetchall()
    direct = [(t[:20], s) for t, s, d, _ in quotes if d]
    assert ("will cut the crossin", "Helen Ortiz") in direct
    assert ("We have waited ten y", "Helen Ortiz") in direct  # the quote's second paragraph
    assert ("The price is far too", "Victor Osei") in direct
    assert ("We could have waited", "Victor Osei") in direct
    indirect = [(t, s, c) for t, s, d, c in quotes if not d]
    assert ("delays could raise the price", "Northwind Marine", "warned") in indirect

    attributions = con.execute(
        f"SELECT source, cue, named FROM read_parquet('{base}/attributions/**/*.parquet') ORDER BY start"
    ).fetchall()
    assert ("Reuters", "told", True) in attributions
    assert ("people familiar with the talks", "said", False) in attributions
    assert [a for a in attributions if a[1] == "according to"][0][2] is True

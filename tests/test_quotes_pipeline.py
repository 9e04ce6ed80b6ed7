"""Quotes and attributions through the real pipeline: files in, validated Parquet out, read by DuckDB."""

from __future__ import annotations

import duckdb

from factwire import pipeline
from factwire.ingest import discover
from factwire.query import connect

# Written for this test (kept here, not in tests/data, whose folder other tests ingest whole).
ARTICLE = "\n\n".join([
    "Harbor city approves ferry contract",
    "The city council of Port Alden voted on Tuesday to award a $40 million ferry contract to Northwind "
    "Marine, according to The Coastal Herald.",
    "Mayor Helen Ortiz said the new boats \u201cwill cut the crossing time in half for thousands of commuters.",
    "\u201cWe have waited ten years for this, and the harbor deserves it.\u201d",
    "Council member Victor Osei voted against the deal. \u201cThe price is far too high for a city of our "
    "size,\u201d he told Reuters after the vote. \u201cWe could have waited a year.\u201d",
    "A Northwind Marine spokesperson said the company would hire 60 local crew members. Northwind Marine "
    "has privately warned the council that delays could raise the price, two people familiar with the "
    "talks said.",
    "Critics have mockingly called the project the \"Golden Ferry\" on local radio, the Herald reported.",
]) + "\n"


def test_quotes_and_attributions_reach_parquet(settings, tmp_path):
    path = tmp_path / "ferry-contract.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    sources, _ = discover([str(path)])
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
    assert all(named for _, _, named in attributions)  # a source credited by name, every row
    assert [a for a in attributions if a[1] == "according to"][0][2] is True
    # sourcing that names no one is kept in a table of its own
    unnamed = con.execute(
        f"SELECT description, cue FROM read_parquet('{base}/unnamed_sources/**/*.parquet') ORDER BY start"
    ).fetchall()
    assert ("people familiar with the talks", "said") in unnamed
    assert not any(source == "people familiar with the talks" for source, _, _ in attributions)
    # the sourcing view gives both in one shape, as queries written for the one table expect
    with connect(processed=settings.processed_dir) as db:
        sourcing = db.execute("SELECT source, cue, named FROM sourcing ORDER BY start").fetchall()
    assert ("Reuters", "told", True) in sourcing and ("people familiar with the talks", "said", False) in sourcing
    assert len(sourcing) == len(attributions) + len(unnamed)

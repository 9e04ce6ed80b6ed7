"""Contract breaches in a real run: quarantined with a reason, never written, the rest still lands.

Real extractor output is kept and bad records are added beside it (by wrapping the extractor the
pipeline calls), then the batch is stored and read back through DuckDB, managed and plain glob.
"""

from __future__ import annotations

import math

import pytest

from factwire import pipeline
from factwire.ingest import discover
from factwire.query import connect
from factwire.store import stored_versions

pytestmark = pytest.mark.model

TEXT = "The city of Dunmore paid $5 million to Acme Corp on Monday, its mayor Lena Ortiz said."


def _money(**over) -> dict:
    start = TEXT.index("$5 million")
    row = {"kind": "money", "text": "$5 million", "start": start, "end": start + 10, "value": 5e6,
           "currency": "USD", "unit": None, "counted": None, "qualifier": None, "subject": None,
           "subject_id": None, "period": None}
    row.update(over)
    return row


BREACHES = {  # marker value in `qualifier` -> (bad row, words its reason must contain)
    "offset": (_money(start=500, end=510, qualifier="offset"), "outside the clean text"),
    "currency": (_money(currency="XQQ", qualifier="currency"), "currency"),
    "nan": (_money(value=math.nan, qualifier="nan"), "value"),
    "inf": (_money(value=math.inf, qualifier="inf"), "value"),
    "missing": ({k: v for k, v in _money(qualifier="missing").items() if k != "kind"}, "kind"),
}


def _run_two_articles(tmp_path, settings) -> list:
    """Ingest, process and store TEXT and one good article through the library pipeline."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Shares of Norvik Energy fell 3% on Tuesday in Oslo.", encoding="utf-8")
    sources, _ = discover([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    ingested = pipeline.ingest(sources, settings)
    pipeline.store(pipeline.process(ingested.articles, settings, failures=ingested.failures), settings)
    return sources


def test_contract_breaches_are_quarantined_and_never_written(nlp, settings, tmp_path, monkeypatch):
    real = pipeline.extract_article

    def with_breaches(doc, article):
        out = real(doc, article)
        if article.clean_text == TEXT:
            out.setdefault("quantities", []).extend(row for row, _ in BREACHES.values())
            out.setdefault("entities", []).append({"entity_id": "E99", "name": "", "type": "ORG", "aliases": [],
                                                   "mention_count": 1})  # empty name: required
        return out

    monkeypatch.setattr(pipeline, "extract_article", with_breaches)
    _run_two_articles(tmp_path, settings)

    con = connect(settings.data_dir)
    q = con.execute("SELECT \"table\", reason, record FROM quarantine").fetchall()
    for marker, (_, words) in BREACHES.items():
        hits = [r for t, r, rec in q if t == "quantities" and f'"qualifier": "{marker}"' in rec]
        assert len(hits) == 1 and words in hits[0], (marker, hits)
    assert any(t == "entities" and "name" in r for t, r, _ in q)
    # Never written: neither through the managed views nor through a plain Delta reader.
    from deltalake import DeltaTable

    for stored in [con.execute("SELECT * FROM quantities").fetch_df(),
                   DeltaTable(str(settings.processed_dir / "quantities")).to_pandas()]:
        assert stored["qualifier"].isin(list(BREACHES)).sum() == 0
        assert stored["value"].map(math.isfinite).all()
        assert (stored["currency"].dropna() != "XQQ").all()
    assert con.execute("SELECT count(*) FROM entities WHERE entity_id = 'E99'").fetchone()[0] == 0
    # The good rows of both articles landed.
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM quantities WHERE text = '$5 million'").fetchone()[0] == 1


def test_an_article_whose_own_row_breaks_the_contract_leaves_no_orphan_rows(nlp, settings, tmp_path,
                                                                           monkeypatch):
    real = pipeline.article_row

    def bad_article_row(article, ingested_at, *args):
        row = real(article, ingested_at, *args)
        if "Dunmore" in article.clean_text:
            row["source_format"] = "carrier pigeon"  # not one of the contract's formats
        return row

    monkeypatch.setattr(pipeline, "article_row", bad_article_row)
    _run_two_articles(tmp_path, settings)

    con = connect(settings.data_dir)
    ids = {a for (a,) in con.execute("SELECT article_id FROM articles").fetchall()}
    assert len(ids) == 1
    for table in ["entities", "mentions", "quantities", "dates"]:
        orphans = con.execute(f"SELECT count(*) FROM {table} WHERE article_id NOT IN "
                              f"(SELECT article_id FROM articles)").fetchone()[0]
        assert orphans == 0, table
    reasons = [r for (r,) in con.execute("SELECT reason FROM quarantine WHERE \"table\" = 'articles'").fetchall()]
    assert any("source_format" in r for r in reasons)


@pytest.mark.parametrize("step", ["clean_article", "extract_article"])
def test_a_step_that_raises_on_one_article_quarantines_it_and_the_batch_lands(nlp, settings, tmp_path,
                                                                             monkeypatch, step):
    real = getattr(pipeline, step)

    def fragile(*args, **kwargs):
        text = getattr(args[0], "body", None) or getattr(args[0], "text", "")
        if "Dunmore" in text:
            raise RuntimeError("boom")
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, step, fragile)
    sources = _run_two_articles(tmp_path, settings)
    con = connect(settings.data_dir)
    reasons = [r for (r,) in con.execute("SELECT reason FROM quarantine").fetchall()]
    assert len(reasons) == 1 and "failed: RuntimeError: boom" in reasons[0]
    assert con.execute("SELECT count(*) FROM entities e JOIN articles a USING (article_id) "
                       "WHERE a.clean_text LIKE '%Norvik%'").fetchone()[0] >= 1
    # The failed article is not marked done: a re-run tries it again and keeps one quarantine row.
    failed_id = con.execute("SELECT article_id FROM quarantine").fetchone()[0]
    assert failed_id not in stored_versions(settings.processed_dir)
    again = pipeline.ingest(sources, settings)
    assert [a.article_id for a in again.articles] == [failed_id]
    pipeline.store(pipeline.process(again.articles, settings, failures=again.failures), settings)
    assert connect(settings.data_dir).execute("SELECT count(*) FROM quarantine").fetchone()[0] == 1

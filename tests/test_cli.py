"""The CLI: every command documented, run/query/tables working against a real dataset."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

from factwire.cli import app
from tests.conftest import TEST_DATA

runner = CliRunner()


def test_every_command_has_help_with_an_example():
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output, f"{name} --help shows no example"


@pytest.mark.model
def test_run_query_tables(prefect_harness, tmp_path, nlp, monkeypatch):
    monkeypatch.setenv("FACTWIRE_DATA_DIR", str(tmp_path / "data"))
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(TEST_DATA / "harbor-deal.txt", src)
    shutil.copy(TEST_DATA / "harbor-deal.meta.json", src)
    shutil.copy(TEST_DATA / "briefs.jsonl", src)
    result = runner.invoke(app, ["run", str(src)])
    assert result.exit_code == 0, result.output
    assert "articles processed 3" in result.output and "quarantined 0" in result.output

    result = runner.invoke(app, ["tables"])
    assert result.exit_code == 0 and "articles" in result.output and "clean_text" in result.output

    result = runner.invoke(app, ["query", "SELECT title FROM articles ORDER BY title", "--format", "json"])
    assert result.exit_code == 0
    titles = [json.loads(line)["title"] for line in result.output.splitlines() if line.strip()]
    assert titles == sorted(titles) and len(titles) == 3

    out = tmp_path / "ents.parquet"
    result = runner.invoke(app, ["query", "SELECT * FROM entities", "--format", "parquet", "--output", str(out)])
    assert result.exit_code == 0 and len(pd.read_parquet(out)) > 0

    csv = tmp_path / "a.csv"
    result = runner.invoke(app, ["query", "SELECT article_id, word_count FROM articles", "-f", "csv", "-o", str(csv)])
    assert result.exit_code == 0 and csv.read_text().startswith("article_id,word_count")

    result = runner.invoke(app, ["query", "SELECT nope FROM articles"])
    assert result.exit_code == 2 and "query failed" in result.output


def test_query_on_empty_dataset(tmp_path):
    result = runner.invoke(app, ["query", "SELECT count(*) AS n FROM quotes", "--data-dir", str(tmp_path), "-f", "csv"])
    assert result.exit_code == 0 and result.output.strip().splitlines() == ["n", "0"]

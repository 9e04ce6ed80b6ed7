"""`factwire query` is as safe as the service (one read-only statement, no other files) and prints values plainly."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from factwire.cli import app
from tests.serve_support import build_dataset

runner = CliRunner()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, nlp):
    """One real article's tables, and a secret Parquet file beside them."""
    data = build_dataset(tmp_path_factory.mktemp("cli-query") / "data", ["harbor-bridge.txt"])
    pd.DataFrame({"secret": ["s3cr3t"]}).to_parquet(data / "secret.parquet")
    return data


def query(data_dir, *args: str):
    return runner.invoke(app, ["query", *args, "--data-dir", str(data_dir)])


@pytest.mark.parametrize("sql", [
    "COPY (SELECT * FROM articles) TO '{tmp}/stolen.csv'",
    "COPY articles TO '{tmp}/stolen.parquet' (FORMAT parquet)",
    "ATTACH '{tmp}/new.duckdb' AS other",
    "EXPORT DATABASE '{tmp}/export'",
    "CREATE TABLE junk AS SELECT 1 AS x",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "PRAGMA database_list",
    "SELECT 1; COPY articles TO '{tmp}/two.csv'",
])
def test_writes_attach_install_load_set_and_pragma_are_refused_and_write_nothing(data_dir, tmp_path, sql):
    result = query(data_dir, sql.format(tmp=tmp_path))
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "query refused:" in said and ("read-only" in said or "one statement" in said)
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM read_parquet('{data}/secret.parquet')",
    "SELECT * FROM '{data}/secret.parquet'",
    "SELECT * FROM glob('{data}/**')",
])
def test_file_readers_are_refused(data_dir, sql):
    result = query(data_dir, sql.format(data=data_dir), "-f", "json")
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "query refused: only the dataset's tables can be read" in said
    assert "s3cr3t" not in result.output and "root:" not in result.output


def test_null_prints_empty_and_whole_numbers_without_a_decimal_point(data_dir, tmp_path):
    sql = ("SELECT 'x' AS label, CAST(NULL AS VARCHAR) AS nothing, CAST(NULL AS DOUBLE) AS no_number, "
           "CAST(48000000 AS DOUBLE) AS whole, 2.5 AS half, 7 AS count")
    table = query(data_dir, sql)
    assert table.exit_code == 0, table.output
    line = next(ln for ln in table.output.splitlines() if "48000000" in ln)
    assert "nan" not in table.output.lower() and "None" not in table.output and "48000000.0" not in line
    assert "2.5" in line and "7" in line

    csv = query(data_dir, sql, "-f", "csv")
    assert csv.output.splitlines() == ["label,nothing,no_number,whole,half,count", "x,,,48000000,2.5,7"]
    row = json.loads(query(data_dir, sql, "-f", "json").output)
    assert row == {"label": "x", "nothing": None, "no_number": None, "whole": 48000000, "half": 2.5, "count": 7}


def test_output_files_keep_types_and_quotes_without_speaker_print_empty(data_dir, tmp_path):
    out = tmp_path / "q.parquet"
    result = query(data_dir, "SELECT kind, value, subject FROM quantities", "-f", "parquet", "-o", str(out))
    assert result.exit_code == 0, result.output
    frame = pd.read_parquet(out)
    assert len(frame) > 0 and str(frame["value"].dtype) == "float64"

    listed = query(data_dir, "SELECT speaker, text FROM quotes ORDER BY speaker NULLS FIRST")
    assert listed.exit_code == 0 and "nan" not in listed.output.lower()

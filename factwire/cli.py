"""The `factwire` command: run the pipeline, query and list the tables.

Each command parses its options, calls one library function, and turns known errors into a clear
message. `--data-dir` (or FACTWIRE_DATA_DIR) picks the data folder for every command.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn news articles into validated, queryable Parquet datasets.")
console = Console()
err = Console(stderr=True)

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", envvar="FACTWIRE_DATA_DIR", help="Data folder (raw/ and processed/). Default: data/"),
]


def _quiet_prefect(verbose: bool) -> None:
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # no network here; no telemetry noise


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, http(s) URLs or feed URLs.")],
    data_dir: DataDir = None,
    force: Annotated[bool, typer.Option(help="Re-extract articles already stored by this version.")] = False,
    batch_size: Annotated[int | None, typer.Option(help="Articles per batch task.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's logs.")] = False,
) -> None:
    """Ingest articles and write every table under DATA_DIR/processed.

    Example: factwire run data/raw/seed-article.txt
    """
    _quiet_prefect(verbose)
    from factwire.settings import get_settings
    from flows.pipeline import run as run_flow

    settings = get_settings(data_dir)
    summary = run_flow(inputs, settings, force=force, batch_size=batch_size, show_progress=True)
    _print_summary(summary)
    if summary["articles"] == 0 and summary["skipped_unchanged"] == 0 and summary["quarantined"]:
        raise typer.Exit(1)


def _print_summary(summary: dict) -> None:
    table = Table(title=f"factwire run: {summary['data_dir']}/processed", show_edge=False)
    table.add_column("table")
    table.add_column("rows written", justify="right")
    for name, n in sorted(summary["rows"].items()):
        table.add_row(name, str(n))
    console.print(table)
    console.print(
        f"sources {summary['sources']}, articles processed {summary['articles']}, "
        f"unchanged and skipped {summary['skipped_unchanged']}, quarantined {summary['quarantined']}, "
        f"{summary['seconds']:.1f} s"
    )
    if summary["skipped_files"]:
        console.print(f"skipped {len(summary['skipped_files'])} files that are not articles "
                      f"(sidecars, unknown types): " + ", ".join(summary["skipped_files"][:5]))
    if summary["quarantined"]:
        console.print("see why: factwire query \"SELECT source_uri, reason FROM quarantine\"")


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="DuckDB SQL over the views articles, entities, mentions, ...")],
    data_dir: DataDir = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv, json or parquet.")] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    limit: Annotated[int, typer.Option(help="Rows shown on the terminal (table format).")] = 50,
) -> None:
    """Run SQL over the tables.

    Example: factwire query "SELECT name, type, mention_count FROM entities ORDER BY 3 DESC"
    """
    import duckdb

    from factwire.query import run_query

    if format not in {"table", "csv", "json", "parquet"}:
        raise typer.BadParameter("format must be table, csv, json or parquet", param_hint="--format")
    if format == "parquet" and output is None:
        raise typer.BadParameter("parquet needs --output FILE", param_hint="--output")
    try:
        df = run_query(sql, data_dir)
    except duckdb.Error as exc:
        err.print(f"[red]query failed:[/red] {exc}")
        raise typer.Exit(2) from None
    if format == "table":
        _print_frame(df, limit)
        return
    if format == "parquet":
        df.to_parquet(output, index=False)
    else:
        text = df.to_csv(index=False) if format == "csv" else df.to_json(orient="records", lines=True,
                                                                          date_format="iso", force_ascii=False)
        if output is None:
            sys.stdout.write(text)
            return
        output.write_text(text, encoding="utf-8")
    console.print(f"wrote {len(df)} rows to {output}")


def _print_frame(df, limit: int) -> None:
    table = Table(show_edge=False)
    for col in df.columns:
        table.add_column(str(col), overflow="fold")
    for row in df.head(limit).itertuples(index=False):
        table.add_row(*[("" if v is None else str(v))[:200] for v in row])
    console.print(table)
    console.print(f"{len(df)} rows" + (f" (first {limit} shown)" if len(df) > limit else ""))


@app.command()
def tables(data_dir: DataDir = None) -> None:
    """List the tables with their row counts and columns.

    Example: factwire tables --data-dir data
    """
    from factwire.query import table_summary

    table = Table(show_edge=False)
    for col in ("table", "rows", "files", "columns"):
        table.add_column(col, overflow="fold")
    for t in table_summary(data_dir):
        table.add_row(t["table"], str(t["rows"]), str(t["files"]), ", ".join(t["columns"]))
    console.print(table)


def main() -> None:
    """Entry point."""
    app()


if __name__ == "__main__":
    main()

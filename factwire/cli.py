"""The `factwire` command: run the pipeline, query and list the tables, schedule runs, serve the data.

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
    # The local server's default 20 s start-up limit fails on a busy machine.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


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
    try:  # a bad FACTWIRE_FETCH_ALLOW entry is told now, not as a failed flow run
        from factwire.netguard import AddressPolicy

        AddressPolicy.parse(settings.fetch_allow)
    except ValueError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
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
    unique: Annotated[bool, typer.Option("--unique", help="Leave syndicated copies (articles with "
                                         "duplicate_of) out of every table.")] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Read the dataset as it was: a version number "
                                              "(see factwire history) or an ISO time.")] = None,
) -> None:
    """Run SQL over the tables.

    Example: factwire query "SELECT name, type, mention_count FROM entities ORDER BY 3 DESC"
    Example: factwire query --unique "SELECT outlet, count(*) FROM articles GROUP BY 1"
    """
    import duckdb

    from factwire.query import run_query

    if format not in {"table", "csv", "json", "parquet"}:
        raise typer.BadParameter("format must be table, csv, json or parquet", param_hint="--format")
    if format == "parquet" and output is None:
        raise typer.BadParameter("parquet needs --output FILE", param_hint="--output")
    from factwire.store import OldFormatError

    try:
        df = run_query(sql, data_dir, as_of=as_of, unique=unique)
    except duckdb.Error as exc:
        err.print(f"[red]query failed:[/red] {exc}")
        raise typer.Exit(2) from None
    except (ValueError, OldFormatError) as exc:
        err.print(f"[red]{exc}[/red]")
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


@app.command()
def schedule(
    name: Annotated[str | None, typer.Argument(help="Name of the schedule to add or replace.")] = None,
    inputs: Annotated[list[str] | None, typer.Argument(help="Folders, files, URLs or feed URLs to poll.")] = None,
    data_dir: DataDir = None,
    cron: Annotated[str | None, typer.Option(help='Cron expression, e.g. "0 * * * *" (hourly, on the hour).')] = None,
    every: Annotated[str | None, typer.Option(help="Interval: 90s, 15m, 1h, 1d or seconds.")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles per batch task.")] = None,
    urls_from: Annotated[Path | None, typer.Option(help="A text file of URLs to poll too, one a line.")] = None,
    serve: Annotated[bool, typer.Option("--serve", help="Serve every saved schedule in the foreground.")] = False,
    list_: Annotated[bool, typer.Option("--list", help="List the saved schedules.")] = False,
    remove: Annotated[str | None, typer.Option(help="Remove the schedule of this name.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's logs.")] = False,
) -> None:
    """Add a scheduled ingest (cron or interval), list or remove them, or serve them with --serve.

    Example: factwire schedule hourly-news https://example.com/rss.xml --every 1h, then
    factwire schedule --serve (keeps running; each run adds only articles not stored yet).
    """
    _quiet_prefect(verbose or serve)  # when serving, each run's start and end are worth seeing
    from factwire.settings import get_settings
    from factwire.store import is_remote, location
    from flows import deploy

    folder = get_settings(data_dir).data_dir
    folder = location(folder) if is_remote(folder) else folder.resolve()  # s3://: schedules kept locally
    if remove:
        if not deploy.remove_schedule(folder, remove):
            err.print(f"[red]no schedule named {remove!r}[/red] (see: factwire schedule --list)")
            raise typer.Exit(1)
        console.print(f"removed schedule {remove!r}")
    if urls_from:
        inputs = [*(inputs or []), *_read_urls(urls_from)]
    if name:
        try:
            interval = deploy.parse_every(every) if every else None
            item = deploy.Schedule(name=name, inputs=[_absolute(i) for i in inputs or []], data_dir=str(folder),
                                   cron=cron, interval_seconds=interval, batch_size=batch_size)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
        if cron:
            from prefect.client.schemas.schedules import CronSchedule

            try:
                CronSchedule(cron=cron)  # refuse a bad expression now, not when serving
            except ValueError:
                raise typer.BadParameter(f"invalid cron expression {cron!r}", param_hint="--cron") from None
        deploy.save_schedule(item)
        console.print(f"saved schedule {item.name!r}: {', '.join(item.inputs)} {item.when} -> {folder}/processed")
        if not serve:
            console.print("run it: factwire schedule --serve" + (f" --data-dir {data_dir}" if data_dir else ""))
    elif inputs or cron or every:
        raise typer.BadParameter("give the schedule a NAME before its inputs", param_hint="NAME")
    saved = deploy.load_schedules(folder)
    if list_ or not (name or remove or serve):
        _print_schedules(saved)
    if serve:
        if not saved:
            err.print("[red]no schedules saved[/red]: add one first, e.g. "
                      "factwire schedule hourly-news https://example.com/rss.xml --every 1h")
            raise typer.Exit(1)
        try:
            with deploy.prefect_server() as api:
                console.print(f"serving {len(saved)} schedule(s) with the Prefect API at {api}; Ctrl-C stops")
                deploy.serve_schedules(saved)
        except RuntimeError as exc:
            err.print(f"[red]{exc}[/red]")
            raise typer.Exit(1) from None


def _read_urls(path: Path) -> list[str]:
    from factwire.ingest import is_url

    try:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    except OSError as exc:
        raise typer.BadParameter(f"cannot read {path}: {exc.strerror}", param_hint="--urls-from") from None
    urls = [line for line in lines if line and not line.startswith("#")]
    bad = [u for u in urls if not is_url(u)]
    if bad:
        raise typer.BadParameter(f"not an http(s) URL: {bad[0]!r}", param_hint="--urls-from")
    return urls


def _absolute(item: str) -> str:
    from factwire.ingest import is_url

    return item if is_url(item) else str(Path(item).resolve())  # runs may start in another folder


def _print_schedules(saved: list) -> None:
    if not saved:
        console.print("no schedules saved")
        return
    table = Table(show_edge=False)
    for col in ("name", "when", "inputs", "data dir"):
        table.add_column(col, overflow="fold")
    for s in saved:
        table.add_row(s.name, s.when, "\n".join(s.inputs), s.data_dir)
    console.print(table)


@app.command("serve")
def serve_cmd(
    data_dir: DataDir = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    max_rows: Annotated[int, typer.Option(help="Row cap of /api/query and the JSON API.")] = 1000,
    query_timeout: Annotated[float, typer.Option(help="Seconds a query may run before it is stopped.")] = 10.0,
    max_queries: Annotated[int, typer.Option(help="SQL queries allowed to run at the same time.")] = 4,
    token: Annotated[str | None, typer.Option(
        help="Access token required on every page, download and API call (or FACTWIRE_TOKEN; "
             "a file is safer: --token-file).", show_default=False)] = None,
    token_file: Annotated[Path | None, typer.Option(
        help="Read the access token from this file's first line (or FACTWIRE_TOKEN_FILE).")] = None,
    queries_per_minute: Annotated[int, typer.Option(help="SQL queries one client may run a minute (429 beyond).")] = 60,
    queries_per_client: Annotated[int, typer.Option(help="SQL queries one client may run at once (429 beyond).")] = 2,
) -> None:
    """Serve the datasets over HTTP: a page, downloads, article views, read-only SQL, a JSON API.

    Example: factwire serve --port 8000, then open http://127.0.0.1:8000/;
    for a team: FACTWIRE_TOKEN_FILE=~/.factwire-token factwire serve --host 0.0.0.0
    """
    from factwire.serve import run as run_server
    from factwire.serve.security import is_loopback, load_token
    from factwire.settings import get_settings

    settings = get_settings(data_dir)
    try:
        secret = load_token(token, token_file)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--token / --token-file") from None
    if not settings.processed_dir.exists():
        console.print(f"note: {settings.processed_dir} does not exist yet; the tables are empty until a run")
    if secret is None and not is_loopback(host):
        err.print(f"[bold red]warning:[/bold red] listening on {host} with no access token: anyone who can reach "
                  f"port {port} can read every table and run SQL. Set one: FACTWIRE_TOKEN_FILE=PATH (a file "
                  "holding e.g. `openssl rand -hex 24`), FACTWIRE_TOKEN, or --token-file.")
    console.print(f"serving {settings.processed_dir} at http://{host}:{port}/"
                  + (" (access token required)" if secret else ""))
    run_server(host=host, port=port, data_dir=settings.data_dir, max_rows=max_rows, query_timeout=query_timeout,
               max_queries=max_queries, token=secret, queries_per_minute=queries_per_minute,
               queries_per_client=queries_per_client)


@app.command()
def history(
    data_dir: DataDir = None,
    limit: Annotated[int, typer.Option(help="Most recent commits shown.")] = 50,
) -> None:
    """List the dataset's commits: version, time, kind, articles added and replaced, rows written.

    Example: factwire history, then factwire query "SELECT count(*) FROM articles" --as-of 3
    """
    from factwire.settings import get_settings
    from factwire.store import history as commits

    recs = commits(get_settings(data_dir).processed_dir)
    table = Table(show_edge=False)
    for col in ("version", "committed (UTC)", "kind", "added", "replaced", "rows"):
        table.add_column(col, no_wrap=True)
    for r in recs[-limit:]:
        rows = str(sum(r["rows"].values()))
        table.add_row(str(r["seq"]), r["committed_at"].strftime("%Y-%m-%d %H:%M:%S"), r["kind"],
                      str(r["articles_added"]), str(r["articles_replaced"]), rows)
    console.print(table)
    console.print(f"{len(recs)} commits" + (f" (last {limit} shown)" if len(recs) > limit else ""))


@app.command()
def compact(
    data_dir: DataDir = None,
    retention_hours: Annotated[int, typer.Option(help="Keep files that versions of the last N hours need "
                                                 "(readers and --as-of use them).")] = 168,
) -> None:
    """Merge each table's small files and delete files no recent version needs.

    Example: factwire compact (the default retention, 7 days, is safe for running readers)
    """
    from factwire.settings import get_settings
    from factwire.store import compact as run_compact

    report = run_compact(get_settings(data_dir).processed_dir, retention_hours=retention_hours)
    table = Table(show_edge=False)
    for col in ("table", "files before", "files after", "files deleted"):
        table.add_column(col)
    for name, r in report.items():
        table.add_row(name, str(r["files_before"]), str(r["files_after"]), str(r["vacuumed"]))
    console.print(table)


@app.command()
def migrate(data_dir: DataDir = None) -> None:
    """Convert a data folder written by factwire before Delta Lake (_manifest.json) in place.

    Example: factwire migrate --data-dir /srv/news (stop writers and the service first)
    """
    from factwire.migrate import migrate as run_migrate
    from factwire.migrate import needs_migration
    from factwire.settings import get_settings

    processed = get_settings(data_dir).processed_dir
    if not needs_migration(processed):
        console.print(f"{processed}: nothing to migrate (no _manifest.json)")
        return
    rows = run_migrate(processed)
    console.print(f"migrated {processed} to Delta Lake: " + ", ".join(f"{t} {n}" for t, n in rows.items()))


def main() -> None:
    """Entry point."""
    app()


if __name__ == "__main__":
    main()

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
    if summary.get("unsupported_languages"):
        langs = ", ".join(f"{lang} ({n})" for lang, n in sorted(summary["unsupported_languages"].items()))
        console.print(f"kept without extraction, no installed model reads their language: {langs}")
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
    """Run read-only SQL over the tables (one SELECT; --output writes the result).

    Like the service, it refuses COPY, ATTACH, INSTALL, LOAD, SET, PRAGMA and reading other files.
    Example: factwire query "SELECT name, type, mention_count FROM entities ORDER BY 3 DESC"
    Example: factwire query --unique "SELECT outlet, count(*) FROM articles GROUP BY 1"
    """
    import duckdb

    from factwire.query import connect_readonly
    from factwire.serve.sql import QueryRefused, arrow_guarded, execute_guarded

    if format not in {"table", "csv", "json", "parquet"}:
        raise typer.BadParameter("format must be table, csv, json or parquet", param_hint="--format")
    if format == "parquet" and output is None:
        raise typer.BadParameter("parquet needs --output FILE", param_hint="--output")
    from factwire.query import _processed, snapshot
    from factwire.store import OldFormatError

    try:
        where = _processed(data_dir, None)
        con = connect_readonly(data_dir, memory_limit=_memory_limit(), threads=os.cpu_count() or 1,
                               snap=snapshot(where, as_of), unique=unique)
    except (ValueError, OldFormatError) as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    try:
        if format == "table":
            _print_rows(execute_guarded(con, sql), limit)
            return
        written = _write_result(arrow_guarded(con, sql), format, output)
    except QueryRefused as exc:
        err.print(f"[red]query refused:[/red] {exc} (write results with --output FILE)")
        raise typer.Exit(2) from None
    except duckdb.Error as exc:
        err.print(f"[red]query failed:[/red] {exc}")
        raise typer.Exit(2) from None
    finally:
        con.close()
    if output is not None:
        console.print(f"wrote {written} rows to {output}")


def _memory_limit() -> str:
    """Most of this machine's memory: a local query is the user's own, unlike the service's."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):
        return "4GB"
    return f"{int(total * 0.75) // 2**20}MB"


def _print_rows(cur, limit: int) -> None:
    columns = [d[0] for d in cur.description or []]
    rows = cur.fetchmany(limit)
    total = len(rows)
    while chunk := cur.fetchmany(10_000):
        total += len(chunk)
    table = Table(show_edge=False)
    for col in columns:
        table.add_column(str(col), overflow="fold")
    for row in rows:
        table.add_row(*[_cell(v)[:200] for v in row])
    console.print(table)
    console.print(f"{total} rows" + (f" (first {limit} shown)" if total > limit else ""))


def _write_result(result, format: str, output: Path | None) -> int:
    """Write an Arrow table as csv, json (lines) or parquet to `output` (stdout when None); its row count."""
    import csv
    import io
    import json

    import pyarrow.parquet as pq

    if format == "parquet":
        pq.write_table(result, output)
        return result.num_rows
    if format == "csv":  # NULL as an empty field, whole numbers without '.0', quotes only where needed
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.column_names)
        writer.writerows([_cell(v) for v in row.values()] for row in result.to_pylist())
        text = buf.getvalue()
    else:
        text = "".join(json.dumps({k: _whole(v) for k, v in row.items()}, default=str, ensure_ascii=False) + "\n"
                       for row in result.to_pylist())
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
    return result.num_rows


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
    _print_versions(data_dir)


def _print_versions(data_dir: Path | None) -> None:
    from factwire.settings import get_settings
    from factwire.store import stored_versions
    from factwire.version import extractor_version

    settings = get_settings(data_dir)
    current = extractor_version(settings.spacy_model)
    versions = stored_versions(settings.processed_dir)
    older = sum(v != current for v in versions.values())
    console.print(f"extractor version {current}: {len(versions)} stored articles, {older} from an older extractor")
    if older:
        console.print("re-run factwire run on their inputs to re-extract them (their rows are replaced)")


@app.command()
def show(
    article_id: Annotated[str | None, typer.Argument(help="Article id (default: the article stored last).")] = None,
    data_dir: DataDir = None,
    limit: Annotated[int, typer.Option(help="Rows shown of each kind.")] = 5,
) -> None:
    """Show what was found in one article: entities, quotes, money, dates, and where to read it.

    Example: factwire show (the article stored last), or factwire show 3f2a9c0d1e4b5a6f
    """
    from factwire.highlights import article_highlights, latest_article_id
    from factwire.query import connect

    con = connect(data_dir)
    try:
        article_id = article_id or latest_article_id(con)
        found = article_highlights(con, article_id, limit=limit) if article_id else None
    finally:
        con.close()
    if found is None:
        err.print(f"[red]no article {article_id!r}[/red]" if article_id else "[red]no articles stored yet[/red]: "
                  "run e.g. factwire run examples/seed-article.txt")
        raise typer.Exit(1)
    _print_highlights(found, data_dir)


def _print_highlights(h, data_dir: Path | None) -> None:
    a = h.article
    console.print(f"\n[bold]{a['title'] or '(untitled)'}[/bold]  {a['outlet'] or ''} {a['published'] or ''}  "
                  f"[dim]{a['article_id']}, {a['language']}, {a['word_count']} words[/dim]")
    for reason in h.quarantined:
        console.print(f"[yellow]quarantined:[/yellow] {reason}")
    sections = [
        ("entities", ("name", "type", "mentions"), [(e["name"], e["type"], e["mention_count"]) for e in h.entities]),
        ("quotes", ("speaker", "quote"), [(q["speaker"] or "(unattributed)", _clip(q["text"], 110)) for q in h.quotes]),
        ("money", ("amount", "whose", "as written"),
         [(_money(m), m["subject"] or "", m["text"]) for m in h.money]),
        ("dates", ("as written", "resolved", "unit"), [(d["text"], d["resolved"], d["granularity"] or "")
                                                       for d in h.dates]),
    ]
    for title, columns, rows in sections:
        if not rows:
            continue
        table = Table(title=f"{title} ({len(rows)} of {h.counts[title]})", title_justify="left",
                      show_edge=False)
        for col in columns:
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*[_cell(v) for v in row])
        console.print(table)
    extra = ", ".join(f"{h.counts[t]} {t}" for t in ("events", "roles", "attributions"))
    console.print(f"also {extra}. Every row: factwire query \"SELECT * FROM quotes WHERE article_id = "
                  f"'{a['article_id']}'\"")
    flag = f" --data-dir {data_dir}" if data_dir else ""
    console.print(f"read it with its records highlighted: factwire serve{flag}, then open "
                  f"http://127.0.0.1:8000/articles/{a['article_id']}")


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _money(m: dict) -> str:
    value = m["value"]
    amount = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    return " ".join(x for x in (m["qualifier"], m["currency"], amount) if x)


def _whole(value: object) -> object:
    """A number as JSON wants it: whole numbers as integers, decimals as floats."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        value = float(value)
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _cell(value: object) -> str:
    """A value as a reader wants it: NULL empty, whole numbers without '.0'."""
    if value is None:
        return ""
    return str(_whole(value))


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


prefect_app = typer.Typer(no_args_is_help=True, help="Keep a local Prefect server running between runs.")
app.add_typer(prefect_app, name="prefect")


@prefect_app.command("start")
def prefect_start(port: Annotated[int, typer.Option(help="Port of the API and the UI.")] = 4200) -> None:
    """Start a local Prefect server in the background; later runs attach to it (no start-up each time).

    Example: factwire prefect start, then open http://127.0.0.1:4200 to see every run
    """
    _quiet_prefect(False)
    from flows.server import start_kept_server

    try:
        state = start_kept_server(port)
    except RuntimeError as exc:
        err.print(f"[red]{exc}[/red] (is the port taken? try --port)")
        raise typer.Exit(1) from None
    verb = "already running" if state.get("already_running") else "started"
    console.print(f"Prefect server {verb} (pid {state['pid']}): runs attach to {state['url']}; "
                  f"UI at {state['ui']}; log {state['log']}. Stop it: factwire prefect stop")


@prefect_app.command("stop")
def prefect_stop() -> None:
    """Stop the local Prefect server that `factwire prefect start` started.

    Example: factwire prefect stop
    """
    from flows.server import stop_kept_server

    state = stop_kept_server()
    console.print(f"stopped the Prefect server at {state['ui']}" if state else "no kept Prefect server recorded")


@prefect_app.command("status")
def prefect_status() -> None:
    """Say which Prefect API the next run will use.

    Example: factwire prefect status
    """
    from prefect.settings import PREFECT_API_URL

    from flows.server import kept_server

    configured, kept = PREFECT_API_URL.value(), kept_server()
    if configured:
        console.print(f"runs use PREFECT_API_URL: {configured}")
    elif kept:
        console.print(f"runs attach to the kept server {kept['url']} (UI {kept['ui']}, pid {kept['pid']})")
    else:
        console.print("no server kept: each run starts a temporary one (start one: factwire prefect start)")


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

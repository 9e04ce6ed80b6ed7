"""Scheduled ingest: schedules saved and read back, deployments built and registered, runs without duplicates."""

from __future__ import annotations

import shutil

import duckdb
import pytest
from typer.testing import CliRunner

from factwire.cli import app
from flows import deploy
from tests.serve_support import SERVE_DATA, static_files


def test_parse_every_reads_units_and_refuses_nonsense():
    assert deploy.parse_every("1h") == 3600
    assert deploy.parse_every("15m") == 900
    assert deploy.parse_every("90s") == 90
    assert deploy.parse_every("2d") == 172800
    assert deploy.parse_every("3600") == 3600
    with pytest.raises(ValueError, match="90s, 15m"):
        deploy.parse_every("hourly")


def test_schedule_needs_exactly_one_cadence_and_a_source(tmp_path):
    with pytest.raises(ValueError, match="exactly one"):
        deploy.Schedule("news", ["http://127.0.0.1/feed.xml"], str(tmp_path))
    with pytest.raises(ValueError, match="exactly one"):
        deploy.Schedule("news", ["x"], str(tmp_path), cron="0 * * * *", interval_seconds=60)
    with pytest.raises(ValueError, match="at least one input"):
        deploy.Schedule("news", [], str(tmp_path), cron="0 * * * *")
    with pytest.raises(ValueError, match="schedule name"):
        deploy.Schedule("../evil", ["x"], str(tmp_path), cron="0 * * * *")


def test_schedules_are_saved_replaced_and_removed(tmp_path):
    hourly = deploy.Schedule("news", ["http://127.0.0.1/a.xml"], str(tmp_path), interval_seconds=3600)
    nightly = deploy.Schedule("archive", [str(tmp_path / "in")], str(tmp_path), cron="30 2 * * *", batch_size=50)
    deploy.save_schedule(hourly)
    deploy.save_schedule(nightly)
    deploy.save_schedule(deploy.Schedule("news", ["http://127.0.0.1/b.xml"], str(tmp_path), interval_seconds=600))
    saved = {s.name: s for s in deploy.load_schedules(tmp_path)}
    assert saved["news"].inputs == ["http://127.0.0.1/b.xml"] and saved["news"].interval_seconds == 600
    assert saved["archive"] == nightly
    assert deploy.remove_schedule(tmp_path, "news") is True
    assert deploy.remove_schedule(tmp_path, "news") is False
    assert [s.name for s in deploy.load_schedules(tmp_path)] == ["archive"]


def test_cli_schedule_adds_lists_and_removes(tmp_path):
    runner = CliRunner()
    data = str(tmp_path / "data")
    folder = tmp_path / "inbox"
    folder.mkdir()
    added = runner.invoke(app, ["schedule", "hourly-news", "http://127.0.0.1:9/rss.xml", str(folder),
                                "--every", "1h", "--data-dir", data])
    assert added.exit_code == 0, added.output
    assert "saved schedule 'hourly-news'" in added.output
    (saved,) = deploy.load_schedules(tmp_path / "data")
    assert saved.interval_seconds == 3600
    assert saved.inputs == ["http://127.0.0.1:9/rss.xml", str(folder.resolve())]  # paths made absolute
    listed = runner.invoke(app, ["schedule", "--list", "--data-dir", data])
    assert "hourly-news" in listed.output and "1:00:00" in listed.output
    bad = runner.invoke(app, ["schedule", "nightly", "x", "--cron", "not a cron", "--data-dir", data])
    assert bad.exit_code == 2 and "invalid cron expression" in bad.output
    urls = tmp_path / "urls.txt"
    urls.write_text("# morning sources\nhttp://127.0.0.1:9/a.html\n\nhttps://127.0.0.1:9/b.html\n")
    from_file = ["schedule", "pages", "--urls-from", str(urls), "--cron", "0 6 * * *", "--data-dir", data]
    listed = runner.invoke(app, from_file)
    assert listed.exit_code == 0, listed.output
    pages = {s.name: s for s in deploy.load_schedules(tmp_path / "data")}["pages"]
    assert pages.inputs == ["http://127.0.0.1:9/a.html", "https://127.0.0.1:9/b.html"] and pages.cron == "0 6 * * *"
    urls.write_text("http://127.0.0.1:9/a.html\nnot a url\n")
    bad = runner.invoke(app, from_file)
    assert bad.exit_code == 2 and "not an http(s) URL" in bad.output
    assert runner.invoke(app, ["schedule", "--remove", "pages", "--data-dir", data]).exit_code == 0
    removed = runner.invoke(app, ["schedule", "--remove", "hourly-news", "--data-dir", data])
    assert removed.exit_code == 0 and deploy.load_schedules(tmp_path / "data") == []
    missing = runner.invoke(app, ["schedule", "--serve", "--data-dir", data])
    assert missing.exit_code == 1 and "no schedules saved" in missing.output


def test_build_deployment_carries_schedule_and_parameters(tmp_path):
    cron = deploy.build_deployment(deploy.Schedule("nightly", ["/in"], str(tmp_path), cron="30 2 * * *"))
    assert cron.entrypoint == "flows.pipeline.ingest_flow"
    assert cron.schedules[0].schedule.cron == "30 2 * * *"
    assert cron.parameters == {"inputs": ["/in"], "data_dir": str(tmp_path), "batch_size": None, "force": False,
                               "show_progress": False, "compact_every": deploy.COMPACT_EVERY}


@pytest.mark.slow
def test_scheduled_feed_poll_twice_adds_no_duplicates(tmp_path, nlp, prefect_harness):
    """An hourly feed deployment, registered with a Prefect API and run twice against a live feed."""
    from prefect import get_client
    from prefect.client.schemas.objects import StateType
    from prefect.deployments import run_deployment
    from prefect.flow_engine import run_flow
    from prefect.utilities.asyncutils import run_coro_as_sync

    from flows.pipeline import ingest_flow

    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(SERVE_DATA / "feed.xml", site / "feed.xml")
    data_dir = tmp_path / "data"
    with static_files(site) as base:
        deploy.save_schedule(deploy.Schedule("hourly-feed", [f"{base}/feed.xml"], str(data_dir),
                                             interval_seconds=3600))
        (schedule,) = deploy.load_schedules(data_dir)
        deployment_id = deploy.build_deployment(schedule).apply()

        async def registered():
            async with get_client() as client:
                return await client.read_deployment(deployment_id)

        stored = run_coro_as_sync(registered())
        assert stored.schedules[0].schedule.interval.total_seconds() == 3600
        assert stored.parameters["inputs"] == [f"{base}/feed.xml"]

        summaries = []
        for _ in range(2):  # what the served runner does on each tick, in-process to stay fast
            flow_run = run_deployment(f"factwire-ingest/{schedule.name}", timeout=0)
            summaries.append(run_flow(ingest_flow, flow_run=flow_run, parameters=flow_run.parameters))

            async def state(run_id=flow_run.id):
                async with get_client() as client:
                    return (await client.read_flow_run(run_id)).state.type

            assert run_coro_as_sync(state()) == StateType.COMPLETED

    first, second = summaries
    assert first["articles"] == 2 and first["quarantined"] == 0
    # The second poll sends the feed's Last-Modified back: one 304, the whole unchanged feed skipped.
    assert second["articles"] == 0 and second["skipped_unchanged"] == 1 and second["quarantined"] == 0
    con = duckdb.connect()
    from factwire.query import create_views

    create_views(con, data_dir / "processed")
    n, distinct, outlets = con.execute(
        "SELECT count(*), count(DISTINCT article_id), list(DISTINCT outlet) FROM articles").fetchone()
    assert (n, distinct, outlets) == (2, 2, ["Northfield Gazette"])
    dupes = con.execute("SELECT count(*) - count(DISTINCT (article_id, entity_id)) FROM entities").fetchone()[0]
    assert dupes == 0
    assert con.execute("SELECT count(*) FROM entities").fetchone()[0] > 0

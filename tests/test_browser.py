"""A person's path through the service, in Debian's chromium driven by Playwright.

Open the page, download a CSV, run a query, find and open an article. Screenshots go to
tests/artifacts/ (gitignored). Skipped when /usr/bin/chromium is missing (`make browser` installs it).
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from schemas import TABLES
from tests.serve_support import ACROSS_ARTICLES, ACROSS_DATA, build_dataset, live_app

CHROMIUM = Path(os.environ.get("FACTWIRE_CHROMIUM", "/usr/bin/chromium"))  # Debian's, never a download
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium under Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (make browser, or apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_open_page_download_csv_query_and_read_an_article(browser, tmp_path, nlp):
    data_dir = build_dataset(tmp_path / "data")
    ARTIFACTS.mkdir(exist_ok=True)
    with live_app(data_dir) as base:
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(f"{base}/")
        assert page.locator("#tables tbody tr").count() == len(TABLES)
        assert page.locator("#table-articles td.num").inner_text() == "2"
        page.screenshot(path=str(ARTIFACTS / "browser-index.png"), full_page=True)

        with page.expect_download() as info:
            page.click('#table-entities a[href="/download/entities.csv"]')
        download = info.value
        assert download.suggested_filename == "entities.csv"
        rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
        assert {r["name"] for r in rows} >= {"Dana Whitcombe", "Yvette Moreau"}

        form = page.locator("#download-form")  # a selection: empty fields in the form mean no filter
        form.locator('select[name="table"]').select_option("mentions")
        form.locator('select[name="format"]').select_option("jsonl")
        form.locator('input[name="outlet"]').fill("Valley Courier")
        with page.expect_download() as info:
            form.locator('button[type="submit"]').click()
        lines = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
        assert info.value.suggested_filename == "mentions.jsonl"
        assert lines and len({json.loads(line)["article_id"] for line in lines}) == 1

        page.fill("#sql", "SELECT title, outlet FROM articles ORDER BY published")
        page.click("#run-query")
        page.wait_for_selector("#query-table")
        cells = page.locator("#query-table tbody td").all_inner_texts()
        assert cells == ["State grant keeps rural libraries open", "Valley Courier",
                         "Port Elmsworth approves $48 million harbor bridge", "Elmsworth Ledger"]
        assert page.locator("#query-status").inner_text().startswith("2 rows")

        page.fill("#sql", "COPY articles TO '/tmp/x.csv'")
        page.click("#run-query")
        page.wait_for_selector("#query-status.error")
        assert "read-only" in page.locator("#query-status").inner_text()

        page.fill('header input[name="q"]', "harbor bridge")
        page.press('header input[name="q"]', "Enter")
        page.wait_for_url("**/articles?q=harbor+bridge")
        page.click("a.article-link")
        page.wait_for_selector("#article-text .hl.entity")
        assert page.locator("h1").inner_text() == "Port Elmsworth approves $48 million harbor bridge"
        highlighted = page.locator("#article-text .hl.entity").all_inner_texts()
        assert any("Dana Whitcombe" in h for h in highlighted)
        assert page.locator("#records summary").first.is_visible()
        page.screenshot(path=str(ARTIFACTS / "browser-article.png"), full_page=True)
        context.close()


def test_article_map_entity_page_and_hidden_copies(browser, tmp_path, nlp):
    data_dir = build_dataset(tmp_path / "data", ACROSS_ARTICLES, source=ACROSS_DATA)
    ARTIFACTS.mkdir(exist_ok=True)
    with live_app(data_dir) as base:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(f"{base}/articles")
        assert page.locator("#article-list tbody tr").count() == 3
        assert page.locator("#article-list tr.copy a.copy-of").count() == 1
        page.check('#article-filters input[name="hide_copies"]')
        page.click('#article-filters button[type="submit"]')
        page.wait_for_url("**hide_copies=true**")
        assert page.locator("#article-list tbody tr").count() == 2
        assert page.locator("#article-list tr.copy").count() == 0

        page.click("text=Lyon approves a fifth metro line after years of debate")
        page.wait_for_selector("#article-map svg.place-map")
        assert "Paris" in page.locator("#article-map svg .place title").all_text_contents()
        page.screenshot(path=str(ARTIFACTS / "browser-article-map.png"), full_page=True)

        page.click('.entity-links a.entity-link:text-is("Claire Dubois")')
        page.wait_for_selector("#entity-name")
        assert page.locator("#entity-name").inner_text() == "Claire Dubois"
        assert page.locator("#entity-key").inner_text() == "person:claire-dubois"
        assert page.locator("#entity-articles tbody tr").count() == 3
        assert page.locator("#entity-articles tr.copy").count() == 1
        assert page.locator("#entity-quotes tbody tr").count() >= 2
        page.screenshot(path=str(ARTIFACTS / "browser-entity.png"), full_page=True)
        context.close()

"""The token guards the pages in a real browser (Debian's chromium under Playwright), and nothing trips the CSP."""

from __future__ import annotations

import pytest

from schemas import TABLES
from tests.serve_support import build_dataset, live_app
from tests.test_browser import ARTIFACTS, browser  # noqa: F401 (the shared chromium fixture)

TOKEN = "browser-token-9d3e7a51c2f84b60"
pytestmark = pytest.mark.browser


def test_the_token_guards_pages_in_a_browser(browser, tmp_path, nlp):  # noqa: F811 (the fixture)
    data_dir = build_dataset(tmp_path / "data")
    ARTIFACTS.mkdir(exist_ok=True)
    with live_app(data_dir, token=TOKEN) as base:
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        csp_errors: list[str] = []
        page.on("console", lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None)

        article = page.goto(f"{base}/articles")
        assert article.status == 401 and page.locator("#login-form").is_visible()
        assert page.locator("#tables").count() == 0 and "Port Elmsworth" not in page.content()
        assert page.request.get(f"{base}/download/entities.csv").status == 401
        page.screenshot(path=str(ARTIFACTS / "browser-login.png"))

        page.fill('input[name="token"]', "not-the-token-at-all")
        page.click('#login-form button[type="submit"]')
        assert "That is not the access token" in page.content()

        page.fill('input[name="token"]', TOKEN)
        page.click('#login-form button[type="submit"]')
        page.wait_for_url(f"{base}/articles")  # back where the person was going
        assert "Port Elmsworth approves $48 million harbor bridge" in page.content()
        page.goto(f"{base}/")
        assert page.locator("#tables tbody tr").count() == len(TABLES)
        page.fill("#sql", "SELECT count(*) AS n FROM articles")  # the SQL box's fetch carries the cookie
        page.click("#run-query")
        page.wait_for_selector("#query-table")
        assert page.locator("#query-table tbody td").all_inner_texts() == ["2"]
        assert page.request.get(f"{base}/download/entities.csv").status == 200
        assert csp_errors == []  # every script and style is a file: the strict policy breaks nothing

        stranger = browser.new_context().new_page()  # another browser profile: no cookie, no data
        assert stranger.goto(f"{base}/").status == 401 and stranger.locator("#login-form").is_visible()
        context.close()

"""Polite fetching against real servers on 127.0.0.1: User-Agent, robots.txt, host delay, conditional requests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from factwire import __version__, pipeline
from factwire.fetch import VALIDATORS_FILE, FetchSession, load_validators
from factwire.ingest import Source, read_source
from tests.support_http import ARTICLE_HTML, feed, serve

ROBOTS = b"User-agent: *\nDisallow: /admin/\n\nUser-agent: factwire\nDisallow: /private/\n"


def test_the_user_agent_names_factwire_and_its_version(settings):
    with serve() as site:
        site.page("/story.html", ARTICLE_HTML)
        read_source(Source(f"{site.base}/story.html", "url"), settings)
        agent = site.headers[0][1]["user-agent"]
        assert agent.startswith(f"factwire/{__version__} ") and __version__ in agent


def test_robots_txt_is_honoured_for_links_found_in_feeds(settings):
    with serve() as site:
        site.page("/robots.txt", ROBOTS, "text/plain")
        site.page("/private/a.html", ARTICLE_HTML)
        site.page("/public/b.html", ARTICLE_HTML.replace(b"Monday", b"Tuesday"))
        site.page("/rss", feed(f"{site.base}/private/a.html", f"{site.base}/public/b.html"), "application/rss+xml")
        articles, failures = read_source(Source(f"{site.base}/rss", "url"), settings)
        assert [a.source_uri for a in articles] == [f"{site.base}/public/b.html"]
        assert failures[0].reason == (f"feed entry 1: robots.txt of {site.base} disallows /private/a.html for "
                                      "factwire (FACTWIRE_ROBOTS=0 turns robots.txt off, for your own sites)")
        assert site.hits["/private/a.html"] == 0 and site.hits["/robots.txt"] == 1  # read once per site

        # Turned off (one's own sites): both pages are fetched.
        articles, failures = read_source(Source(f"{site.base}/rss", "url"), replace(settings, respect_robots=False))
        assert failures == [] and len(articles) == 2 and site.hits["/private/a.html"] == 1


def test_a_url_typed_by_a_person_is_not_subject_to_robots_txt(settings):
    with serve() as site:
        site.page("/robots.txt", b"User-agent: *\nDisallow: /\n", "text/plain")
        site.page("/private/a.html", ARTICLE_HTML)
        articles, failures = read_source(Source(f"{site.base}/private/a.html", "url"), settings)
        assert failures == [] and len(articles) == 1 and site.hits["/robots.txt"] == 0


def test_an_unreachable_robots_txt_means_fetch_nothing(settings):
    with serve() as site:
        site.page("/robots.txt", b"down", "text/plain", status=503)
        site.page("/a.html", ARTICLE_HTML)
        site.page("/rss", feed(f"{site.base}/a.html"), "application/rss+xml")
        articles, failures = read_source(Source(f"{site.base}/rss", "url"), settings)
        assert articles == [] and "robots.txt of" in failures[0].reason and "could not be read" in failures[0].reason
        assert site.hits["/a.html"] == 0 and site.hits["/robots.txt"] == 3  # retried like any 5xx


class FakeClock:
    """A clock that only moves when someone sleeps: the delays asked for are exact."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def test_requests_to_one_host_are_spaced_by_the_delay_or_crawl_delay(settings):
    clock = FakeClock()
    with serve() as site, serve() as other:
        site.page("/a.html", ARTICLE_HTML)
        site.page("/b.html", ARTICLE_HTML)
        other.page("/c.html", ARTICLE_HTML)
        with FetchSession(replace(settings, host_delay=2.0), clock=clock, sleep=clock.sleep) as session:
            for url in (f"{site.base}/a.html", f"{other.base}/c.html", f"{site.base}/b.html", f"{site.base}/a.html"):
                session.get(url, typed=True)
        # The first request to each host waits for nothing; the other host's request in between does not
        # count: site's second request waits 2 s, its third 2 s after the second.
        assert clock.sleeps == [2.0, 2.0]

        clock.sleeps.clear()
        site.page("/robots.txt", b"User-agent: *\nCrawl-delay: 5\n", "text/plain")
        polite = replace(settings, host_delay=1.0, fetch_allow=("127.0.0.1",))  # links found in a feed, say
        with FetchSession(polite, clock=clock, sleep=clock.sleep) as session:
            session.get(f"{site.base}/a.html", robots=True)
            session.get(f"{site.base}/b.html", robots=True)
        assert clock.sleeps == [5.0]


def _feed_with_content(n: int) -> bytes:
    body = ("The harbor council of Dunmore approved a dredging contract worth $4 million on Monday, "
            "and its chair, Lena Ortiz, said work would start in the spring. ") * 4
    items = "".join(f"<item><title>Story {i}</title><link>http://news.example/{i}</link>"
                    f"<description>{body} Item {i}.</description></item>" for i in range(n))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>{items}</channel></rss>'.encode()


@pytest.mark.model
def test_an_unchanged_feed_costs_one_small_response(settings, nlp):
    state = {"etag": '"v1"', "body": _feed_with_content(2)}

    def rss(handler):
        if handler.headers.get("If-None-Match") == state["etag"]:
            return 304, {"ETag": state["etag"]}, b""
        return 200, {"Content-Type": "application/rss+xml", "ETag": state["etag"]}, state["body"]

    with serve() as site:
        site.routes["/rss"] = rss
        url = f"{site.base}/rss"
        first = pipeline.ingest([Source(url, "url")], settings)
        assert len(first.articles) == 2 and first.validators == {url: {"etag": '"v1"'}}
        assert not (settings.data_dir / VALIDATORS_FILE).exists()  # not before the articles are committed
        batch = pipeline.process(first.articles, settings, failures=first.failures, validators=first.validators)
        pipeline.store(batch, settings)
        assert load_validators(settings.data_dir) == {url: {"etag": '"v1"'}}

        again = pipeline.ingest([Source(url, "url")], settings)
        assert again.articles == [] and again.failures == [] and again.skipped == 1
        assert site.headers[-1][1]["if-none-match"] == '"v1"'

        state.update(etag='"v2"', body=_feed_with_content(3))  # one new entry: only it is new
        changed = pipeline.ingest([Source(url, "url")], settings)
        assert len(changed.articles) == 1 and changed.skipped == 2 and changed.validators[url] == {"etag": '"v2"'}


def test_last_modified_is_sent_back_as_if_modified_since(settings):
    stamp = "Wed, 02 Dec 2026 10:00:00 GMT"

    def rss(handler):
        if handler.headers.get("If-Modified-Since") == stamp:
            return 304, {}, b""
        return 200, {"Content-Type": "application/rss+xml", "Last-Modified": stamp}, _feed_with_content(1)

    with serve() as site:
        site.routes["/rss"] = rss
        url = f"{site.base}/rss"
        with FetchSession(settings) as session:
            got = session.get(url, typed=True, conditional=True)
            assert got.status == 200 and got.validators == {"last_modified": stamp}
            session._known = {url: got.validators}  # as saved by a committed run
            assert session.get(url, typed=True, conditional=True).not_modified

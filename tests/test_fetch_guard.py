"""Outbound requests that can't reach inside: every forbidden address form, redirects, DNS rebinding.

End to end, only loopback addresses are ever dialled (a bug would reach this machine, nothing
else); the other internal ranges are checked on the classifier, which decides before any connect.
"""

from __future__ import annotations

import ipaddress
import zlib
from dataclasses import replace

import pytest

from factwire.fetch import FetchSession
from factwire.ingest import Source, read_source
from factwire.netguard import AddressPolicy, address_kind, literal_address
from tests.support_http import ARTICLE_HTML, SECRET_HTML, feed, serve


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("127.255.0.9", "loopback"), ("::1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.5.4", "private"), ("192.168.1.1", "private"), ("fd12:3456::1", "private"),
    ("fec0::1", "private (site-local)"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),  # cloud metadata endpoints live here
    ("224.0.0.1", "multicast"), ("ff02::1", "multicast"),
    ("240.0.0.1", "reserved"), ("255.255.255.255", "reserved"), ("192.0.2.1", "reserved"), ("::127.0.0.1", "reserved"),
    ("0.0.0.0", "unspecified"), ("0.1.2.3", "unspecified"), ("::", "unspecified"),
    ("100.64.0.1", "shared (carrier-grade NAT)"),
    ("::ffff:127.0.0.1", "loopback (IPv4 127.0.0.1 inside"), ("::ffff:169.254.169.254", "link-local (IPv4"),
    ("::ffff:10.0.0.1", "private (IPv4"), ("64:ff9b::a9fe:a9fe", "link-local (IPv4 169.254.169.254"),
    ("2002:7f00:1::1", "loopback (IPv4 127.0.0.1"), ("2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback (IPv4"),
])
def test_every_internal_address_form_is_refused_with_its_kind(address, kind):
    ip = ipaddress.ip_address(address)
    assert address_kind(ip).startswith(kind)
    reason = AddressPolicy().refusal(address, 80, address)
    assert reason.startswith("refused: ") and kind.split(" (")[0] in reason and "FACTWIRE_FETCH_ALLOW" in reason


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_pass(address):
    assert AddressPolicy().refusal(address, 443, address) is None


@pytest.mark.parametrize("spelling", ["2130706433", "0x7f000001", "0x7f.1", "127.1", "0177.0.0.1", "017700000001"])
def test_numeric_spellings_read_as_the_c_library_reads_them(spelling):
    assert literal_address(spelling) == ipaddress.ip_address("127.0.0.1")
    assert "is 127.0.0.1, a loopback address" in AddressPolicy().refusal(spelling, 80, "127.0.0.1")


def test_allow_entries_name_hosts_and_networks():
    policy = AddressPolicy.parse(["intranet.example", "*.corp.example", "10.20.0.0/16", "127.0.0.1"])
    assert policy.refusal("intranet.example", 80, "10.9.9.9") is None
    assert policy.refusal("news.corp.example", 80, "192.168.1.1") is None
    assert policy.refusal("corp.example.evil", 80, "192.168.1.1") is not None
    assert policy.refusal("wiki", 80, "10.20.3.4") is None and policy.refusal("wiki", 80, "10.21.0.1") is not None
    assert policy.refusal("127.0.0.1", 80, "127.0.0.1") is None and policy.refusal("::1", 80, "::1") is not None
    with pytest.raises(ValueError, match="FACTWIRE_FETCH_ALLOW"):
        AddressPolicy.parse(["http://intranet/"])


def _read_feed_file(tmp_path, settings, *links):
    path = tmp_path / "feed.xml"
    path.write_bytes(feed(*links))
    return read_source(Source(str(path), "file"), settings)


LOOPBACK_SPELLINGS = ["127.0.0.1", "localhost", "2130706433", "0x7f.1", "127.1", "0177.0.0.1", "0.0.0.0",
                      "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]"]


def test_feed_links_to_this_machine_are_refused_by_default_and_the_secret_never_served(tmp_path, settings):
    with serve() as site:
        site.page("/secret.html", SECRET_HTML)
        links = [f"http://{host}:{site.port}/secret.html" for host in LOOPBACK_SPELLINGS]
        articles, failures = _read_feed_file(tmp_path, settings, *links)
        assert articles == [] and len(failures) == len(links)
        for link, failure in zip(links, failures, strict=True):
            assert failure.source_uri == link
            assert "refused: " in failure.reason and ("loopback" in failure.reason or "unspecified" in failure.reason)
        assert site.hits == {}  # not one request reached the server, robots.txt included


def test_an_allowed_intranet_host_passes_by_name_or_network(tmp_path, settings):
    with serve() as site:
        site.page("/story.html", ARTICLE_HTML)
        for allow in (("127.0.0.1",), ("127.0.0.0/8",), ("localhost",)):
            host = "localhost" if allow == ("localhost",) else "127.0.0.1"
            articles, failures = _read_feed_file(tmp_path, replace(settings, fetch_allow=allow),
                                                 f"http://{host}:{site.port}/story.html")
            assert failures == [] and len(articles) == 1 and "dredging contract" in articles[0].body
        assert site.hits["/story.html"] == 3


def test_redirects_to_internal_addresses_are_refused(tmp_path, settings):
    with serve() as site:
        site.page("/secret.html", SECRET_HTML)
        site.page("/story.html", ARTICLE_HTML)
        site.page("/hop-inside", b"", status=302, Location=f"{site.base}/secret.html")
        site.page("/hop-same-origin", b"", status=301, Location="/story.html")
        allowed = replace(settings, fetch_allow=("localhost",))  # the name is allowed, not its address
        named = f"http://localhost:{site.port}"
        articles, failures = _read_feed_file(tmp_path, allowed, f"{named}/hop-inside", f"{named}/hop-same-origin")
        assert len(articles) == 1 and "dredging contract" in articles[0].body
        assert len(failures) == 1 and failures[0].reason.startswith(
            f"feed entry 1: redirect to {site.base}/secret.html refused: 127.0.0.1 is a loopback address")
        # A URL a person typed is theirs, but where it redirects is not.
        site.page("/hop-elsewhere", b"", status=307, Location=f"{named}/secret.html")
        articles, failures = read_source(Source(f"{site.base}/hop-elsewhere", "url"), settings)
        assert articles == [] and "redirect to" in failures[0].reason and "loopback" in failures[0].reason
        assert site.hits["/secret.html"] == 0


def test_a_typed_feed_shares_trust_with_links_to_its_own_origin_only(settings):
    with serve() as site:
        site.page("/story.html", ARTICLE_HTML)
        site.page("/secret.html", SECRET_HTML)
        site.page("/rss", feed(f"{site.base}/story.html", f"http://localhost:{site.port}/secret.html"),
                  "application/rss+xml")
        articles, failures = read_source(Source(f"{site.base}/rss", "url"), settings)
        assert [a.source_uri for a in articles] == [f"{site.base}/story.html"]
        assert "localhost is 127.0.0.1, a loopback address" in failures[0].reason
        assert site.hits["/secret.html"] == 0


def test_dns_rebinding_gains_nothing_the_checked_address_is_the_one_connected(tmp_path, settings):
    """A name that answers an allowed address when checked and an internal one afterwards."""
    with serve("127.0.0.2") as outside:
        outside.page("/page.html", ARTICLE_HTML)
        try:
            inside_server = serve("127.0.0.1", outside.port)
            inside = inside_server.__enter__()
        except OSError:
            pytest.skip("the same port is taken on 127.0.0.1")
        try:
            inside.page("/page.html", SECRET_HTML)
            answers = iter(["127.0.0.2", "127.0.0.1", "127.0.0.1", "127.0.0.1"])
            calls = []

            def flipping(host, port):
                calls.append(host)
                return [next(answers)] if host == "rebind.test" else []

            policy = replace(settings, fetch_allow=("127.0.0.2/32",))  # stands in for "the public internet"
            with FetchSession(policy, resolver=flipping) as session:
                got = session.get(f"http://rebind.test:{outside.port}/page.html")
            assert b"dredging contract" in got.content and calls == ["rebind.test"]
            with FetchSession(policy, resolver=flipping) as session, pytest.raises(Exception, match="loopback"):
                session.get(f"http://rebind.test:{outside.port}/page.html")
            assert inside.hits == {}
        finally:
            inside_server.__exit__(None, None, None)


def test_a_gzip_bomb_is_cut_at_the_cap_after_decompression(settings):
    import tracemalloc

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip framing
    zeros = b"\0" * (1 << 20)
    bomb = b"".join(packer.compress(zeros) for _ in range(100)) + packer.flush()  # 100 MB in ~100 KB
    capped = replace(settings, http_max_bytes=2 * 1024 * 1024)
    with serve() as site:
        site.page("/bomb.html", bomb, "text/html", **{"Content-Encoding": "gzip"})
        site.page("/small.html", zlib.compress(ARTICLE_HTML), "text/html", **{"Content-Encoding": "deflate"})
        tracemalloc.start()
        try:
            articles, failures = read_source(Source(f"{site.base}/bomb.html", "url"), capped)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert articles == [] and failures[0].reason == (
            f"response is over the {capped.http_max_bytes}-byte cap after decompression")
        assert len(bomb) < capped.http_max_bytes < 100 * 1024 * 1024
        assert peak < 4 * capped.http_max_bytes  # never the 100 MB
        articles, failures = read_source(Source(f"{site.base}/small.html", "url"), capped)
        assert failures == [] and "dredging contract" in articles[0].body
        assert all(h["accept-encoding"] == "gzip, deflate" for _, h in site.headers)


def test_non_http_redirects_are_refused(settings):
    with serve() as site:
        site.page("/to-file", b"", status=302, Location="file:///etc/passwd")
        articles, failures = read_source(Source(f"{site.base}/to-file", "url"), settings)
        assert articles == [] and "not an http(s) URL: 'file:///etc/passwd'" in failures[0].reason


def test_a_bad_allow_entry_is_told_before_the_run(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from factwire.cli import app

    monkeypatch.setenv("FACTWIRE_FETCH_ALLOW", "intranet.example, http://wiki/")
    result = CliRunner().invoke(app, ["run", str(tmp_path / "none.txt"), "--data-dir", str(tmp_path)])
    assert result.exit_code == 2 and "'http://wiki/' is neither a host name" in result.output

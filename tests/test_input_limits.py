"""Inputs that can't exhaust the machine: pathological HTML, oversized feeds, feeds of thousands of entries."""

from __future__ import annotations

import time
import tracemalloc
from dataclasses import replace

import pytest

from factwire import pipeline
from factwire.htmlguard import MAX_DEPTH, MAX_ELEMENTS
from factwire.ingest import Source, read_source

PARA = "<p>" + "The council voted on Monday to approve the new budget for the harbor. " * 20 + "</p>"
PATHOLOGICAL = {
    # name: (page, what the reason says); unguarded, each took from 5 s to over 5 minutes, or lost the text.
    "deep": ("<html><body>" + "<div>" * 300 + PARA + "</div>" * 300 + "</body></html>",
             f"nested more than {MAX_DEPTH} levels deep"),
    "huge-attribute": ('<html><body><div title="' + "a" * 3_000_000 + '">' + PARA + "</div></body></html>",
                       "HTML tag of 3,000,013 characters is over the 1,000,000-character limit"),
    "many-attributes": ("<html><body><div " + " ".join(f'a{i}="x y"' for i in range(30_000)) + ">" + PARA
                        + "</div></body></html>", "attributes is over the 1,000-attribute limit"),
    "many-elements": ("<html><body>" + "<p>x</p>" * 200_000 + PARA + "</body></html>",
                      f"more than {MAX_ELEMENTS:,} elements"),
    "tag-storm": ("<html><body>" + ("<a" * 999 + ">") * 2000 + PARA + "</body></html>",
                  f"more than {MAX_ELEMENTS:,} elements"),
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_html_is_quarantined_with_the_reason(tmp_path, settings, name):
    page, reason = PATHOLOGICAL[name]
    path = tmp_path / f"{name}.html"
    path.write_text(page)
    t0 = time.perf_counter()
    articles, failures = read_source(Source(str(path), "file"), settings)
    print(f"{name}: refused in {time.perf_counter() - t0:.2f} s")  # bench figure; no timing assert
    assert articles == [] and len(failures) == 1 and reason in failures[0].reason


def test_pathological_html_inside_a_feed_entry_is_refused_and_the_others_land(tmp_path, settings):
    page, _ = PATHOLOGICAL["many-attributes"]
    good = "<article>" + "".join(f"<p>On day {n} the Dunmore harbor council debated the dredging contract "
                                 f"worth $4 million, and its chair, Lena Ortiz, answered question {n}.</p>"
                                 for n in range(8)) + "</article>"
    escaped = [p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for p in (page, good)]
    items = "".join(f"<item><title>T{n}</title><link>http://news.example/{n}</link>"
                    f"<description>{html}</description></item>" for n, html in enumerate(escaped))
    path = tmp_path / "feed.xml"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>C</title>{items}</channel></rss>')
    articles, failures = read_source(Source(str(path), "file"), settings)
    assert len(articles) == 1 and "dredging contract" in articles[0].body
    assert len(failures) == 1 and "1,000-attribute limit" in failures[0].reason


def test_a_feed_file_over_the_cap_is_refused_before_parsing(tmp_path, settings):
    path = tmp_path / "huge.xml"
    path.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>C</title>'
                     + b"<item><title>x</title><description>y</description></item>" * 30_000 + b"</channel></rss>")
    articles, failures = read_source(Source(str(path), "file"), replace(settings, http_max_bytes=1_000_000))
    assert articles == [] and "is over the 1,000,000-byte cap (FACTWIRE_HTTP_MAX_BYTES raises it)" in failures[0].reason


def _big_feed(n: int) -> bytes:
    body = ("The harbor council of Dunmore approved a dredging contract worth $4 million on Monday, "
            "and its chair, Lena Ortiz, said work would start in the spring. ") * 4
    items = "".join(f"<item><title>Story {i}</title><link>http://news.example/{i}</link>"
                    f"<description>{body} Item {i}.</description></item>" for i in range(n))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>{items}</channel></rss>'.encode()


def test_a_feed_of_thousands_of_entries_is_read_in_memory_bounded_by_its_size_and_processed_in_batches(
        tmp_path, settings):
    data = _big_feed(2_000)
    path = tmp_path / "big.xml"
    path.write_bytes(data)
    tracemalloc.start()
    try:
        ingested = pipeline.ingest([Source(str(path), "file")], settings)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    print(f"2,000 entries, {len(data):,} bytes: peak {peak / 1e6:.1f} MB ({peak / len(data):.1f}x the feed)")
    assert len(ingested.articles) == 2_000
    assert peak < 12 * len(data)  # a few times the feed, which the byte cap bounds (5.5x measured)

    ingested.validators = {"http://news.example/rss": {"etag": '"v1"'}}
    ingested.failures = [object()]
    parts = list(pipeline.split_ingested(ingested, 200))
    assert [len(p.articles) for p in parts] == [200] * 10  # what the flow hands each process task
    assert [a.article_id for p in parts for a in p.articles] == [a.article_id for a in ingested.articles]
    assert [len(p.failures) for p in parts] == [1] + [0] * 9
    assert [bool(p.validators) for p in parts] == [False] * 9 + [True]  # saved after the last part's commit


def test_xml_entity_bombs_and_external_entities_in_feeds_come_to_nothing(tmp_path, settings):
    lol = '<!ENTITY lol0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE rss [{lol}]><rss version="2.0"><channel><title>&lol9;</title>'
            "<item><title>x</title><description>&lol9;</description></item></channel></rss>")
    xxe = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0">'
           "<channel><title>t</title><item><title>x</title><description>&xxe;</description></item></channel></rss>")
    for name, text in (("bomb", bomb), ("xxe", xxe)):
        path = tmp_path / f"{name}.xml"
        path.write_text(text)
        articles, failures = read_source(Source(str(path), "file"), settings)
        assert articles == [] and len(failures) == 1 and "no content" in failures[0].reason  # nothing expanded
        assert "root:" not in failures[0].reason and "lollol" not in failures[0].record

"""Why the input limits are where they are: what pathological HTML costs unguarded, and what the guard costs.

Prints figures only (no asserts). Unguarded sizes are kept small enough to finish in seconds; the
cost grows with the square of a tag's attributes and linearly with elements, so the figures scale.

    .venv/bin/python bench/input_limits.py
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trafilatura  # noqa: E402
from lxml import etree  # noqa: E402

from factwire.htmlguard import html_problem  # noqa: E402

PARA = "<p>" + "The council voted on Monday to approve the new budget for the harbor. " * 20 + "</p>"


def timed(fn, *args) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def main() -> None:
    print("libxml2 parse of one tag with N attributes (quadratic):")
    for n in (1_000, 10_000, 20_000):
        page = "<html><body><div " + " ".join(f"a{i}=x" for i in range(n)) + ">" + PARA + "</div></body></html>"
        print(f"  {n:>7,} attributes: {timed(etree.fromstring, page.encode(), etree.HTMLParser()):.2f} s, "
              f"guard {timed(html_problem, page) * 1000:.1f} ms")
    print("trafilatura on N elements (linear, slow per element):")
    for n in (5_000, 20_000):
        page = "<html><body>" + "<p>x</p>" * n + PARA + "</body></html>"
        print(f"  {n:>7,} <p> elements: {timed(trafilatura.bare_extraction, page):.2f} s")
    print("the guard on 10 MB of pathological markup:")
    for name, page in {
        "1M elements": "<html><body>" + "<p>x</p>" * 1_000_000 + "</body></html>",
        "5M '<a' (no '>')": "<a" * 5_000_000,
        "9 MB attribute": '<div title="' + "a" * 9_000_000 + '">x</div>',
        "100,000-deep nesting": "<div>" * 100_000,
    }.items():
        print(f"  {name:<22} {timed(html_problem, page) * 1000:7.1f} ms")
    print("reading a feed of N entries (bounded by the feed's size):")
    from factwire import pipeline
    from factwire.ingest import Source
    from factwire.settings import get_settings

    body = ("The harbor council of Dunmore approved a dredging contract worth $4 million on Monday. ") * 6
    for n in (1_000, 4_000):
        items = "".join(f"<item><title>S{i}</title><link>http://news.example/{i}</link><description>{body} {i}."
                        "</description></item>" for i in range(n))
        data = f'<?xml version="1.0"?><rss version="2.0"><channel><title>C</title>{items}</channel></rss>'.encode()
        folder = Path(tempfile.mkdtemp())
        (folder / "feed.xml").write_bytes(data)
        tracemalloc.start()
        t0 = time.perf_counter()
        got = pipeline.ingest([Source(str(folder / "feed.xml"), "file")], get_settings(folder / "data"))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"  {n:>6,} entries, {len(data) / 1e6:.1f} MB: {len(got.articles):,} articles in "
              f"{time.perf_counter() - t0:.1f} s, peak {peak / 1e6:.1f} MB ({peak / len(data):.1f}x)")


if __name__ == "__main__":
    main()

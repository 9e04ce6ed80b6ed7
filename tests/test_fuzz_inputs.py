"""Bad input through ingest -> clean -> extract -> validate -> store: no crash, one quarantine row
with a clear reason per bad input, and the good inputs of the same run still land.

The named cases run on small versions by default; the 10 MB text and the 100,000-line JSONL are
marked slow and run with FACTWIRE_SLOW=1. Hypothesis fuzzes bytes, unicode and JSON shapes, each
fuzzed input beside good ones in the same run.
"""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from factwire import pipeline
from factwire.ingest import discover
from factwire.pipeline import MAX_ARTICLE_CHARS
from factwire.query import connect

pytestmark = pytest.mark.model
slow = pytest.mark.skipif(not os.environ.get("FACTWIRE_SLOW"), reason="slow: set FACTWIRE_SLOW=1")

GOOD = [
    "Lena Ortiz, the mayor of Dunmore, said on Monday that the city would spend $4 million on bridges.",
    "The Halvard Group reported revenue up 12 percent from last year, its chief executive said.",
]
# Good inputs in other encodings: (file name, text, encoding); they must land, decoded right.
ENCODED = [
    ("cp1252.txt", "Caf\u00e9 owner \u201cJos\u00e9 Ruiz\u201d said prices rose 5\u20ac in Madrid.", "cp1252"),
    ("utf16.txt", "The caf\u00e9 in Z\u00fcrich said sales rose 10 percent in May, its owner said.", "utf-16"),
    ("latin1.txt", "Se\u00f1or G\u00f3mez said the caf\u00e9 in Le\u00f3n would close an hour early.", "latin-1"),
]


def run(paths: list[Path], settings) -> dict:
    """One plain pipeline run; returns the stored articles and quarantine rows by source URI."""
    sources, _ = discover([str(p) for p in paths])
    ingested = pipeline.ingest(sources, settings)
    batch = pipeline.process(ingested.articles, settings, failures=ingested.failures)
    pipeline.store(batch, settings)
    con = connect(settings.data_dir)
    try:
        articles = con.execute("SELECT source_uri, clean_text FROM articles").fetchall()
        quarantine = con.execute("SELECT source_uri, reason, \"table\" FROM quarantine").fetchall()
    finally:
        con.close()
    return {"articles": {u: t for u, t in articles}, "quarantine": quarantine}


def reasons_for(result: dict, path: Path) -> list[str]:
    """Quarantine reasons of one input (its items carry the path plus '#n')."""
    uri = str(path)
    return [r for u, r, _ in result["quarantine"] if u == uri or u.startswith(uri + "#")]


def write_good(folder: Path) -> list[Path]:
    paths = []
    for n, text in enumerate(GOOD):
        paths.append(folder / f"good{n}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    return paths


BROKEN_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Teaser only</title></item>
<item><title>Unfetchable</title><link>ftp://example.invalid/story</link></item>
<item><title>Whole story</title><description>{body}</description></item>
<item><title>Cut off</title><description>unclosed
</channel>"""


def test_each_named_bad_input_is_one_quarantine_row_and_good_inputs_land(nlp, settings, tmp_path):
    rng = random.Random(11)
    d = tmp_path / "in"
    d.mkdir()
    bad = {  # file -> (bytes, words its quarantine reason must contain)
        "random.txt": (rng.randbytes(4096), "binary"),
        "random.html": (rng.randbytes(4096), "binary"),
        "symbols.txt": ("".join(chr(c) for c in range(0x2190, 0x2400)).encode(), "prose"),
        "nested.json": (b"[" * 50_000 + b"]" * 50_000, "nested too deeply"),
        "nested_obj.json": (b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "nested too deeply"),
        "nobody.html": (b"<html><head><title>Nothing here</title></head></html>", "no article text"),
        "empty.txt": (b"", "empty"),
        "empty.json": (b"", "empty"),
        "blank.html": (b"  \n\t \n", "empty"),
        "emptylist.json": (b"[]", "no articles"),
        "notext.json": (b'{"title": "A headline without a body"}', "no 'text'"),
        "bad_bom.txt": (b"\xef\xbb\xbf\xff\xfe\xfa", "byte-order mark"),
        "odd_utf16.txt": (b"\xff\xfeA\x00B", "byte-order mark"),
        "huge.txt": (("Word " * (MAX_ARTICLE_CHARS // 5 + 10)).encode(), "character limit"),
    }
    for name, (data, _) in bad.items():
        (d / name).write_bytes(data)
    story = " ".join(GOOD * 5)
    (d / "feed.xml").write_text(BROKEN_FEED.format(body=story), encoding="utf-8")
    for name, text, enc in ENCODED:
        (d / name).write_bytes(text.encode(enc))
    good = write_good(d)

    result = run([d], settings)

    for name, (_, words) in bad.items():
        reasons = reasons_for(result, d / name)
        assert len(reasons) == 1 and words in reasons[0], (name, reasons)
        assert str(d / name) not in result["articles"]
    feed = [r for u, r, _ in result["quarantine"] if "feed entry" in r]
    assert len(feed) == 3 and all("no content and no link" in r for r in feed)
    assert sum(u.startswith(str(d / "feed.xml")) for u in result["articles"]) == 1
    for name, text, _ in ENCODED:
        assert result["articles"][str(d / name)] == text, name
    for path, text in zip(good, GOOD, strict=True):
        assert result["articles"][str(path)] == text


def test_jsonl_with_broken_lines_quarantines_each_bad_line_and_keeps_the_good(nlp, settings, tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = []
    for n in range(1000):
        if n % 100 == 0:
            lines.append(json.dumps({"title": f"Story {n}", "text": f"{GOOD[0]} It was story number {n}."}))
        elif n % 3 == 0:
            lines.append('{"text": "cut off')
        elif n % 3 == 1:
            lines.append(json.dumps({"id": n}))
        else:
            lines.append("[" * 5000 + "]" * 5000)
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run([path], settings)
    assert len(result["articles"]) == 10
    reasons = reasons_for(result, path)
    assert len(reasons) == 990
    assert all(r and ("invalid JSON" in r or "no 'text'" in r or "not a JSON object" in r or "too deeply" in r)
               for r in reasons)


# ------------------------------------------------------------------------------ hypothesis

# FACTWIRE_FUZZ_EXAMPLES=300 for a long fuzzing session; the default keeps the file fast.
FUZZ = hsettings(max_examples=int(os.environ.get("FACTWIRE_FUZZ_EXAMPLES", "5")), deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])
EXTS = [".txt", ".json", ".html", ".xml", ".jsonl"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "body", "content", "title", "published", "author", "url", "language",
                         "outlet", "articles", "x"]), kids, max_size=5),
    max_leaves=20)


def _fuzz_run(tmp_path: Path, name: str, data: bytes) -> None:
    """Run one fuzzed input beside a good one: no crash, every input accounted for."""
    from factwire.settings import get_settings

    case = tmp_path / f"case-{time.perf_counter_ns()}"
    case.mkdir()
    (case / name).write_bytes(data)
    good = write_good(case)
    result = run([case], get_settings(case / "data"))
    landed = [u for u in result["articles"] if u == str(case / name) or u.startswith(f"{case / name}#")]
    reasons = reasons_for(result, case / name)
    assert landed or reasons, "the input vanished: neither stored nor quarantined"
    assert all(r and len(r) > 5 for r in reasons)
    assert all(str(p) in result["articles"] for p in good)


@FUZZ
@given(data=st.binary(max_size=3000), ext=st.sampled_from(EXTS))
def test_fuzz_random_bytes(nlp, tmp_path, data, ext):
    _fuzz_run(tmp_path, f"input{ext}", data)


@FUZZ
@given(text=st.text(max_size=2000), ext=st.sampled_from(EXTS), enc=st.sampled_from(["utf-8", "utf-16"]))
def test_fuzz_random_unicode(nlp, tmp_path, text, ext, enc):
    _fuzz_run(tmp_path, f"input{ext}", text.encode(enc, errors="surrogatepass"))


@FUZZ
@given(value=json_values, text=st.text(max_size=300))
def test_fuzz_json_shapes(nlp, tmp_path, value, text):
    doc = {"text": text, "extra": value} if isinstance(value, dict | list) else value
    _fuzz_run(tmp_path, "input.json", json.dumps(doc).encode())


# ------------------------------------------------------------------------------ slow, full size


@pytest.mark.slow
@slow
def test_ten_megabyte_text_is_quarantined_in_bounded_time(nlp, settings, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(("The council met again on Tuesday to discuss the budget. " * 180_000).encode())
    assert big.stat().st_size > 10_000_000
    good = write_good(tmp_path)
    t0 = time.perf_counter()
    result = run([big, *good], settings)
    assert time.perf_counter() - t0 < 60
    reasons = reasons_for(result, big)
    assert len(reasons) == 1 and "character limit" in reasons[0]
    assert all(str(p) in result["articles"] for p in good)


@pytest.mark.slow
@slow
def test_hundred_thousand_line_jsonl(nlp, settings, tmp_path):
    path = tmp_path / "dump.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for n in range(100_000):
            if n % 2000 == 0:
                fh.write(json.dumps({"text": f"{GOOD[1]} Filing {n} was made on Friday."}) + "\n")
            elif n % 2:
                fh.write(json.dumps({"id": n, "title": f"no body {n}"}) + "\n")
            else:
                fh.write('{"text": broken}\n')
    t0 = time.perf_counter()
    result = run([path], settings)
    assert time.perf_counter() - t0 < 300
    assert len(result["articles"]) == 50
    assert len(reasons_for(result, path)) == 100_000 - 50

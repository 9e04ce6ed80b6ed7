"""Reading every input format, keeping raw bytes, and refusing bad input with a clear reason."""

from __future__ import annotations

import json
import shutil
from datetime import date

from factwire.ingest import content_id, decode_text, discover, read_source, split_title
from tests.conftest import TEST_DATA


def _read(path, settings):
    (source,) = discover([str(path)])[0]
    return read_source(source, settings)


def test_text_with_sidecar(settings):
    arts, fails = _read(TEST_DATA / "harbor-deal.txt", settings)
    assert fails == []
    (a,) = arts
    assert a.title == "Port authority signs dredging contract with Meridian Marine"
    assert a.published == date(2025, 3, 14)
    assert a.outlet == "Coastal Ledger" and a.url.endswith("harbor-deal")
    assert a.body.startswith("The Port of Halvorsen")
    data = (TEST_DATA / "harbor-deal.txt").read_bytes()
    assert a.article_id == content_id(data)
    kept = settings.raw_dir / a.raw_path.split("/raw/")[-1] if "/raw/" in a.raw_path else None
    assert kept is not None and kept.read_bytes() == data
    assert kept.with_name("harbor-deal.meta.json").exists()


def test_a_first_line_repeating_the_sidecars_headline_is_no_body_however_it_ends(settings, tmp_path):
    headline = "Florida Man exists? Ohio: 'Hold my coffee.'"
    (tmp_path / "slogan.txt").write_text(f"{headline}\n\nThe state's new slogan drew attention on Monday.\n")
    (tmp_path / "slogan.meta.json").write_text(json.dumps({"title": headline}))
    (a,), _ = _read(tmp_path / "slogan.txt", settings)
    assert a.title == headline and a.body.strip().startswith("The state's new slogan")


def test_title_rule():
    assert split_title("A headline\n\nBody text.") == ("A headline", "Body text.")
    assert split_title("A sentence that ends.\n\nBody.")[0] is None
    assert split_title("First paragraph without blank\nSecond.")[0] is None
    # a lede ending in a quotation ends with its period inside the quotation marks: no headline
    assert split_title('He promised power "before your kids finish high school."\n\nBody.')[0] is None
    assert split_title("She called it \u201ca fair deal.\u201d\n\nBody.")[0] is None
    assert split_title('Is "Deal" done?\n\nBody.')[0] == 'Is "Deal" done?'


def test_json_list_with_newsapi_keys(settings):
    arts, fails = _read(TEST_DATA / "wire-stories.json", settings)
    assert fails == []
    assert [a.outlet for a in arts] == ["Metro Daily", "Farm Wire"]
    assert arts[0].published == date(2024, 11, 2)
    assert arts[0].author == "Lena Park"
    assert arts[1].body.startswith("Wheat growers")
    assert len({a.article_id for a in arts}) == 2
    assert all(a.source_format == "json" for a in arts)


def test_jsonl(settings):
    arts, fails = _read(TEST_DATA / "briefs.jsonl", settings)
    assert fails == [] and len(arts) == 2
    assert arts[1].source_uri.endswith("briefs.jsonl#2")
    first_line = (TEST_DATA / "briefs.jsonl").read_bytes().splitlines()[0]
    assert arts[0].article_id == content_id(first_line)


def test_html_page(settings):
    arts, fails = _read(TEST_DATA / "newsroom-page.html", settings)
    assert fails == []
    (a,) = arts
    assert "Orchard Labs, a battery maker" in a.body
    assert "All rights reserved" not in a.body and "Home" not in a.body.split()[:3]
    assert a.published == date(2025, 9, 3)
    assert a.outlet == "Valley Tribune"
    assert "Orchard Labs raises $75 million" in a.title
    assert not a.body.startswith("Orchard Labs raises")  # the <h1> headline is not body text


def test_repeated_headline_is_dropped_only_when_it_is_the_headline():
    from factwire.ingest import drop_repeated_headline

    body = "Mayor Quits After Vote\nThe mayor resigned on Monday."
    assert drop_repeated_headline(body, "Mayor quits after vote") == "The mayor resigned on Monday."
    assert drop_repeated_headline(body, "Another title") == body
    assert drop_repeated_headline("Only one line", "Only one line") == "Only one line"


def test_feed_file_uses_entry_content(settings):
    arts, fails = _read(TEST_DATA / "feed.xml", settings)
    assert fails == []
    assert [a.title for a in arts] == ["Ferry operator adds winter routes", "School board delays vote on new campus"]
    assert arts[0].outlet == "Harbor Gazette" and arts[0].published == date(2025, 11, 10)
    assert arts[0].source_format == "feed" and "Northsound Ferries" in arts[0].body


def test_folder_walk_skips_sidecars_and_unknown_files(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(TEST_DATA / "harbor-deal.txt", folder)
    shutil.copy(TEST_DATA / "harbor-deal.meta.json", folder)
    shutil.copy(TEST_DATA / "briefs.jsonl", folder / "sub")
    shutil.copy(TEST_DATA / "bad" / "notes.docx", folder)
    sources, skipped = discover([str(folder)])
    assert sorted(s.uri.rsplit("/", 1)[-1] for s in sources) == ["briefs.jsonl", "harbor-deal.txt"]
    assert sorted(p.rsplit("/", 1)[-1] for p in skipped) == ["harbor-deal.meta.json", "notes.docx"]


def test_bad_inputs_fail_with_reasons(settings):
    reasons = {}
    for name in ("empty.txt", "random-bytes.txt", "broken.json"):
        arts, fails = _read(TEST_DATA / "bad" / name, settings)
        assert arts == [] and len(fails) == 1
        reasons[name] = fails[0].reason
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["random-bytes.txt"]
    assert reasons["broken.json"].startswith("invalid JSON")
    arts, fails = _read(TEST_DATA / "missing.txt", settings)
    assert "no such file" in fails[0].reason


def test_json_item_without_text_is_a_failure_others_land(tmp_path, settings):
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps([{"title": "no body"}, {"text": "A real story about a harbor."}]))
    arts, fails = _read(path, settings)
    assert len(arts) == 1 and len(fails) == 1
    assert "no 'text'" in fails[0].reason


def test_decode_handles_common_encodings():
    text = "Caf\u00e9 \u201cquoted\u201d"
    assert decode_text(text.encode("utf-16")) == text
    assert decode_text(b"\xef\xbb\xbf" + text.encode()) == text
    assert decode_text(text.encode("cp1252")) == text
    assert decode_text("na\u00efve".encode("latin-1")) == "na\u00efve"


def test_url_page_and_feed(http_server, settings):
    page = (TEST_DATA / "newsroom-page.html").read_bytes()
    http_server.routes["/story"] = (200, "text/html; charset=utf-8", page)
    http_server.routes["/feed"] = (200, "application/rss+xml", (TEST_DATA / "feed.xml").read_bytes())
    arts, fails = _read(f"{http_server.base}/story", settings)
    assert fails == [] and arts[0].source_format == "url" and arts[0].outlet == "Valley Tribune"
    assert arts[0].article_id == content_id(page)
    assert arts[0].source_uri == f"{http_server.base}/story"
    arts, fails = _read(f"{http_server.base}/feed", settings)
    assert fails == [] and len(arts) == 2


def test_feed_entry_without_content_fetches_its_page(http_server, settings):
    page = (TEST_DATA / "newsroom-page.html").read_bytes()
    http_server.routes["/orchard"] = (200, "text/html", page)
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Tribune</title>
      <item><title>Orchard</title><link>{http_server.base}/orchard</link><description>Short teaser.</description></item>
      <item><title>Gone</title><link>{http_server.base}/gone</link><description>Teaser.</description></item>
      </channel></rss>""".encode()
    http_server.routes["/rss"] = (200, "application/rss+xml", feed)
    arts, fails = _read(f"{http_server.base}/rss", settings)
    assert len(arts) == 1 and arts[0].source_format == "feed" and "Orchard Labs" in arts[0].body
    assert len(fails) == 1 and "HTTP 404" in fails[0].reason


def test_url_errors_are_clear(http_server, settings):
    http_server.routes["/image"] = (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    arts, fails = _read(f"{http_server.base}/nothing-here", settings)
    assert arts == [] and fails[0].reason.startswith("HTTP 404")
    arts, fails = _read(f"{http_server.base}/image", settings)
    assert arts == [] and "not an article" in fails[0].reason

"""Across articles: entity keys, places with coordinates, syndicated copies, their views and service pages."""

from __future__ import annotations

import httpx
import pytest

from factwire.across import annotate_entities, entity_key, mark_copies
from factwire.across.copies import CopySettings, SignatureStore, shingles
from factwire.across.places import Context, article_context, find_dateline, geojson, resolve
from factwire.query import connect
from tests.serve_support import ACROSS_ARTICLES, ACROSS_DATA, build_dataset, live_app

PARIS_FR, PARIS_TX = 2988507, 4717560

# ------------------------------------------------------------------ keys


def test_one_person_one_key_and_namesakes_apart():
    assert entity_key("Claire Dubois", "PERSON") == entity_key("Claire Dubois", "PERSON") == "person:claire-dubois"
    assert entity_key("Claire Dubois", "PERSON") != entity_key("Henri Dubois", "PERSON")
    # A surname alone is keyed within its article: two articles' "Dubois" are never merged.
    a, b = entity_key("Dubois", "PERSON", article_id="a1"), entity_key("Dubois", "PERSON", article_id="b2")
    assert a != b and a.startswith("person:dubois@")


def test_key_ignores_what_outlets_vary():
    assert entity_key("Apple Inc.", "ORG") == entity_key("Apple", "ORG") == "org:apple"
    assert entity_key("The Wall Street Journal", "ORG") == entity_key("Wall Street Journal", "ORG")
    assert entity_key("José Álvarez", "PERSON") == entity_key("Jose Alvarez", "PERSON")
    assert entity_key("Martin Luther King Jr.", "PERSON") == entity_key("Martin Luther King", "PERSON")
    assert entity_key("Amazon", "ORG") != entity_key("Amazon", "LOC")
    assert entity_key("Paris", "GPE", geonames_id=PARIS_FR) == entity_key("Paris", "LOC", geonames_id=PARIS_FR)


def test_annotate_keeps_rows_and_leaves_a_bad_row_to_validation():
    rows = [{"article_id": "a", "entity_id": "e1", "name": "Claire Dubois", "type": "PERSON"},
            {"article_id": "a", "entity_id": "e2", "name": None, "type": "ORG"}]
    out = annotate_entities(rows, {"a": "LYON, France — Claire Dubois spoke."})
    assert out[0]["entity_key"] == "person:claire-dubois" and out[0]["geonames_id"] is None
    assert out[1]["entity_key"] is None and out[1]["name"] is None
    assert rows[0].keys() == {"article_id", "entity_id", "name", "type"}  # inputs are not mutated


# ------------------------------------------------------------------ places


def test_paris_in_an_article_datelined_in_france_is_frances_paris():
    ctx = article_context("LYON, France — The council met in Paris on Monday.", ["Paris"])
    assert ctx.dateline is not None and ctx.dateline.place.name == "Lyon"
    place = resolve("Paris", ctx)
    assert (place.geonames_id, place.country_code, place.kind) == (PARIS_FR, "FR", "city")
    assert 48 < place.latitude < 49 and 2 < place.longitude < 3


def test_paris_next_to_texas_is_paris_texas_and_alone_is_left_null():
    place = resolve("Paris", article_context("Officials in Paris said Texas would pay.", ["Paris", "Texas"]))
    assert (place.geonames_id, place.country_code, place.admin1) == (PARIS_TX, "US", "TX")
    assert resolve("Paris", Context()) is None  # two candidates and nothing to decide: never guessed
    assert resolve("Paris", Context(countries={"US", "FR"})) is None


def test_context_from_names_and_datelines():
    assert resolve("Georgia", article_context("", ["Georgia", "Tbilisi"])).kind == "country"
    assert resolve("Georgia", article_context("", ["Georgia", "Atlanta"])).kind == "state"
    assert resolve("United States", Context()).country_code == "US"
    assert resolve("U.S.", Context()).country_code == "US"
    assert resolve("Europe", Context()).kind == "continent"
    assert resolve("Xyzzyville", Context()) is None
    assert find_dateline("WASHINGTON (Reuters) - Scientists said").place.admin1 == "DC"
    assert find_dateline("BUFFALO, N.Y. — Hours before").place.admin1 == "NY"
    assert find_dateline("Two hostages — an American and") is None
    assert find_dateline("Indianapolis – Several thousand teachers").place.admin1 == "IN"
    assert resolve("Washington", article_context("WASHINGTON (AP) — x", ["Washington"])).admin1 == "DC"


def test_geojson_has_points_only_for_places_with_coordinates():
    doc = geojson([{"name": "Paris", "latitude": 48.85, "longitude": 2.35, "geonames_id": PARIS_FR},
                   {"name": "Somewhere", "latitude": None, "longitude": None}])
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 1
    assert doc["features"][0]["geometry"] == {"type": "Point", "coordinates": [2.35, 48.85]}


# ------------------------------------------------------------------ copies

BODY = [f"Paragraph {i} tells of the council meeting where member {i} argued about line {i} and its cost, "
        f"which rose by {i * 7} million over the year, while residents of district {i} waited." for i in range(12)]
OTHER = [f"The harvest in valley {i} was the best in {i + 3} years, farmers said, and prices of grain {i} "
         f"fell at the market of town {i} as buyers came from far away." for i in range(12)]


def _art(aid: str, paragraphs: list[str], published: str | None = None) -> dict:
    return {"article_id": aid, "clean_text": "\n\n".join(paragraphs), "published": published}


def test_copies_found_across_batches_and_originals_left_alone(tmp_path):
    settings = CopySettings()
    first = mark_copies([_art("orig", BODY, "2026-01-02"), _art("other", OTHER, "2026-01-01")], tmp_path, settings)
    assert [(a["duplicate_of"], a["similarity"]) for a in first] == [(None, None), (None, None)]
    variant = ["By A. Reporter", *BODY[:-1], "Copyright 2026 Wire. All rights reserved."]
    variant[3] = variant[3].replace("argued about", "spoke against")
    # Same subject, a different article: it repeats two paragraphs of background.
    follow_up = [f"A day after the vote on line {i}, the council heard {i + 2} residents ask for a new stop, and "
                 f"the mayor promised an answer on the cost within {i + 1} weeks." for i in range(8)] + BODY[:2]
    second = mark_copies([_art("copy", variant), _art("follow", follow_up)], tmp_path, settings)
    assert second[0]["duplicate_of"] == "orig" and 0.5 <= second[0]["similarity"] < 1
    assert second[1]["duplicate_of"] is None
    third = mark_copies([_art("copy-of-copy", variant[1:])], tmp_path, settings)
    assert third[0]["duplicate_of"] == "orig"  # the earliest article of the group, not the copy it matched
    assert SignatureStore(tmp_path, settings).count() == 5


def test_a_re_extracted_original_does_not_become_a_copy_of_its_copy(tmp_path):
    settings = CopySettings()
    mark_copies([_art("orig", BODY, "2026-01-01"), _art("copy", BODY[:-1], "2026-01-02")], tmp_path, settings)
    again = mark_copies([_art("orig", BODY, "2026-01-01")], tmp_path, settings)
    assert again[0]["duplicate_of"] is None
    assert mark_copies([_art("copy", BODY[:-1])], tmp_path, settings)[0]["duplicate_of"] == "orig"


def test_within_a_batch_the_earliest_published_is_the_original(tmp_path):
    out = mark_copies([_art("late", BODY, "2026-03-01"), _art("early", BODY[1:], "2026-02-01")], tmp_path,
                      CopySettings())
    assert {a["article_id"]: a["duplicate_of"] for a in out} == {"late": "early", "early": None}


def test_shingles_are_word_runs():
    assert shingles("One, two THREE four", 3) == {b"one two three", b"two three four"}
    assert shingles("Short text", 5) == {b"short text"}


# ------------------------------------------------------------------ the real pipeline, views, service


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, nlp):
    """An original, its syndicated copy, and another article quoting the same person (real pipeline)."""
    return build_dataset(tmp_path_factory.mktemp("across") / "data", ACROSS_ARTICLES, source=ACROSS_DATA)


@pytest.fixture(scope="module")
def db(data_dir):
    con = connect(data_dir)
    yield con
    con.close()


def _ids(db) -> dict[str, str]:
    return dict(db.execute("SELECT regexp_extract(source_uri, '([a-z-]+)\\.txt$', 1), article_id "
                           "FROM articles").fetchall())


@pytest.mark.model
def test_pipeline_keys_places_and_copies(db):
    ids = _ids(db)
    keys = db.execute("SELECT article_id, entity_key FROM entities WHERE name = 'Claire Dubois'").fetchall()
    assert {a for a, _ in keys} == set(ids.values()) and {k for _, k in keys} == {"person:claire-dubois"}
    henri = db.execute("SELECT entity_key FROM entities WHERE name = 'Henri Dubois'").fetchall()
    assert henri == [("person:henri-dubois",)]
    paris = db.execute("SELECT DISTINCT geonames_id, country_code FROM entities WHERE name = 'Paris'").fetchall()
    assert paris == [(PARIS_FR, "FR")]
    copies = dict(db.execute("SELECT article_id, duplicate_of FROM articles").fetchall())
    assert copies == {ids["lyon-metro"]: None, ids["lyon-metro-copy"]: ids["lyon-metro"], ids["grenoble-tram"]: None}


@pytest.mark.model
def test_entity_index_and_unique_views(db, data_dir):
    row = db.execute("SELECT name, type, article_count, first_published, last_published FROM entity_index "
                     "WHERE entity_key = 'person:claire-dubois'").fetchone()
    assert row[:3] == ("Claire Dubois", "PERSON", 3) and str(row[3]) == "2026-10-05" and str(row[4]) == "2026-11-12"
    # The README's join: every quote by this person across the dataset.
    quotes = db.execute("""SELECT q.text FROM quotes q JOIN entities e
                           ON q.article_id = e.article_id AND q.speaker_id = e.entity_id
                           WHERE e.entity_key = 'person:claire-dubois'""").fetchall()
    assert any("Two cities" in q for (q,) in quotes) and any("160,000 passengers" in q for (q,) in quotes)
    assert db.execute("SELECT count(*) FROM articles_unique").fetchone()[0] == 2
    unique = connect(data_dir, unique=True)
    try:
        assert unique.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert unique.execute("SELECT count(DISTINCT article_id) FROM entities").fetchone()[0] == 2
        assert unique.execute("SELECT count(*) FROM _all_articles").fetchone()[0] == 3
    finally:
        unique.close()


@pytest.mark.model
def test_service_entity_filters_and_geojson(data_dir, db):
    ids = _ids(db)
    with live_app(data_dir) as base:
        entity = httpx.get(f"{base}/api/entities/person:claire-dubois").json()
        assert entity["entity"]["article_count"] == 3 and len(entity["articles"]) == 3
        assert len(entity["quotes"]) >= 2
        assert httpx.get(f"{base}/api/entities/person:nobody").status_code == 404
        listed = httpx.get(f"{base}/api/articles", params={"entity": "person:claire-dubois",
                                                           "hide_copies": "true"}).json()["articles"]
        assert {a["article_id"] for a in listed} == {ids["lyon-metro"], ids["grenoble-tram"]}
        dated = httpx.get(f"{base}/api/articles", params={"published_from": "2026-11-01"}).json()["articles"]
        assert [a["article_id"] for a in dated] == [ids["grenoble-tram"]]
        assert httpx.get(f"{base}/api/articles", params={"published_from": "soon"}).status_code == 422
        places = httpx.get(f"{base}/api/articles/{ids['lyon-metro']}/places.geojson")
        assert places.headers["content-type"].startswith("application/geo+json")
        assert any(f["properties"]["geonames_id"] == PARIS_FR for f in places.json()["features"])
        dataset = httpx.get(f"{base}/api/places.geojson").json()
        assert {f["properties"]["entity_key"] for f in dataset["features"]} >= {f"place:geonames:{PARIS_FR}"}
        page = httpx.get(f"{base}/articles/{ids['lyon-metro']}").text
        assert '<svg class="place-map"' in page and "tile" not in page.lower()
        copy_page = httpx.get(f"{base}/articles/{ids['lyon-metro-copy']}").text
        assert 'id="copy-note"' in copy_page and ids["lyon-metro"] in copy_page


@pytest.mark.model
def test_cli_query_unique_leaves_copies_out(data_dir):
    from typer.testing import CliRunner

    from factwire.cli import app

    args = ["query", "SELECT count(*) AS n FROM quotes", "--data-dir", str(data_dir), "-f", "csv"]
    every = CliRunner().invoke(app, args)
    unique = CliRunner().invoke(app, [*args, "--unique"])
    assert every.exit_code == unique.exit_code == 0, every.output + unique.output
    assert int(unique.output.split()[-1]) < int(every.output.split()[-1])

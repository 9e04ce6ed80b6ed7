"""Places of the annotated articles and what the gazetteer makes of them, for checking by hand.

    python bench/geocode.py                          # the gold places (GPE/LOC) of every annotated article
    python bench/geocode.py --processed data/processed   # the places the pipeline extracted, as stored

For each article: its dateline as parsed, the countries and states that form its context, and every
place with what it resolved to (GeoNames id, kind, country, state, coordinates) or "null". The gold
mode resolves the annotators' place names with the article's text, so the figures measure geocoding
apart from named-entity recognition; the processed mode shows what users get. Judging right or wrong
is left to a person: the script prints, it does not score.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factwire.across.places import article_context, gazetteer, resolve  # noqa: E402

SHARED = ROOT.parent / "shared"
SETS = [(SHARED / "eval" / "dev" / "gold", SHARED / "eval" / "dev" / "text"),
        *[(d / "gold", d / "text") for d in sorted((ROOT / "bench").glob("extra-dev*"))]]


def gold_articles() -> list[tuple[str, str, list[str]]]:
    """(name, clean-ish text, gold place names) of every annotated article with a text file."""
    out = []
    for gold_dir, text_dir in SETS:
        for gold in sorted(gold_dir.glob("*.gold.json")):
            stem = gold.name.removesuffix(".gold.json")
            text_file = text_dir / f"{stem}.txt"
            if not text_file.exists():
                continue
            body = text_file.read_text(encoding="utf-8").strip().partition("\n\n")[2] or text_file.read_text()
            data = json.loads(gold.read_text(encoding="utf-8"))
            names = [e["name"] for e in data.get("entities", []) if set(e.get("types", [])) & {"GPE", "LOC"}]
            out.append((f"{gold_dir.parent.name}/{stem}", body.strip(), names))
    seed = SHARED / "seed-article.txt"
    seed_gold = SHARED / "eval" / "seed-article.gold.json"
    if seed.exists() and seed_gold.exists():
        data = json.loads(seed_gold.read_text(encoding="utf-8"))
        names = [e["name"] for e in data.get("entities", []) if set(e.get("types", [])) & {"GPE", "LOC"}]
        out.append(("seed-article", seed.read_text(encoding="utf-8").strip(), names))
    return out


def processed_articles(processed: Path) -> list[tuple[str, str, list[str]]]:
    """(source, clean text, extracted place names) from a stored dataset."""
    from factwire.query import connect

    con = connect(processed=processed)
    rows = con.execute("""SELECT a.source_uri, a.clean_text, list(e.name ORDER BY e.entity_id)
                          FROM articles a JOIN entities e USING (article_id)
                          WHERE e.type IN ('GPE', 'LOC') GROUP BY ALL ORDER BY 1""").fetchall()
    return [(Path(uri).parent.parent.name + "/" + Path(uri).stem, text, names) for uri, text, names in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--processed", type=Path, help="a data/processed folder to read extracted places from")
    args = parser.parse_args()
    articles = processed_articles(args.processed) if args.processed else gold_articles()
    gaz = gazetteer()
    total = resolved = 0
    for name, text, places in articles:
        ctx = article_context(text, places, gaz)
        dl = ctx.dateline
        print(f"\n{name}  dateline: {dl.text if dl else '-'} -> {dl.place.name if dl and dl.place else '-'}"
              f"  context: countries {sorted(ctx.countries)} states {sorted(ctx.states)}")
        for place_name in dict.fromkeys(places):
            p = resolve(place_name, ctx, gaz)
            total += 1
            resolved += p is not None
            where = (f"{p.name} ({p.kind}, {p.country_code}{'/' + p.admin1 if p.admin1 else ''}) "
                     f"geonames {p.geonames_id} at {p.latitude}, {p.longitude}") if p else "null"
            print(f"  {place_name:<28} {where}")
    print(f"\n{total} places in {len(articles)} articles, {resolved} resolved, {total - resolved} left null")


if __name__ == "__main__":
    main()

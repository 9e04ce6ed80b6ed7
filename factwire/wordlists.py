"""The word lists of the extraction rules, read once from ``data/wordlists.toml``.

Each list states one convention of news writing (the comment above it in the data file says which);
the module that applies the convention asks for it by its section and key.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

WORDLISTS_FILE = Path(__file__).resolve().parent / "data" / "wordlists.toml"


@cache
def _lists() -> dict[str, dict]:
    with WORDLISTS_FILE.open("rb") as f:
        return tomllib.load(f)


def wordlist(section: str, key: str) -> frozenset[str]:
    """The words of list ``key`` in ``section`` (a module path under factwire, e.g. "extract.counts")."""
    table = _lists()
    try:
        for part in section.split("."):  # "[extract.counts]" is the table "counts" in the table "extract"
            table = table[part]
        return frozenset(table[key])
    except KeyError:
        raise KeyError(f"no word list [{section}] {key} in {WORDLISTS_FILE}") from None

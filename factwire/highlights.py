"""What a reader wants to see of one stored article: its main entities, quotes, money and dates.

Plain SQL over the table views (`factwire.query.connect`), so it shows exactly what was stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb


@dataclass
class Highlights:
    """A few rows of each kind of record of one article, for `factwire show`."""

    article: dict[str, Any]
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    money: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    quarantined: list[str] = field(default_factory=list)


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def latest_article_id(con: duckdb.DuckDBPyConnection) -> str | None:
    """The article stored last (None when there is none)."""
    row = con.execute("SELECT article_id FROM articles ORDER BY ingested_at DESC, article_id LIMIT 1").fetchone()
    return row[0] if row else None


def article_highlights(con: duckdb.DuckDBPyConnection, article_id: str, *, limit: int = 5) -> Highlights | None:
    """The article's row and up to `limit` of its entities, quotes, money amounts and dates (None if unknown)."""
    found = _dicts(con, "SELECT article_id, title, outlet, published, language, word_count, source_uri "
                        "FROM articles WHERE article_id = ?", [article_id])
    if not found:
        return None
    out = Highlights(article=found[0])
    out.entities = _dicts(con, "SELECT name, type, mention_count FROM entities WHERE article_id = ? "
                               "ORDER BY mention_count DESC, name LIMIT ?", [article_id, limit])
    # Attributed quotes first: they are the ones a reader can use.
    out.quotes = _dicts(con, "SELECT speaker, text FROM quotes WHERE article_id = ? "
                             "ORDER BY speaker IS NULL, start LIMIT ?", [article_id, limit])
    out.money = _dicts(con, "SELECT text, value, currency, subject, qualifier FROM quantities "
                            "WHERE article_id = ? AND kind = 'money' ORDER BY subject IS NULL, start LIMIT ?",
                       [article_id, limit])
    out.dates = _dicts(con, "SELECT text, resolved, granularity, relative FROM dates WHERE article_id = ? "
                            "AND resolved IS NOT NULL ORDER BY relative DESC, start LIMIT ?", [article_id, limit])
    for table in ("entities", "quotes", "quantities", "dates", "events", "roles", "attributions"):
        out.counts[table] = con.execute(f'SELECT count(*) FROM "{table}" WHERE article_id = ?',
                                        [article_id]).fetchone()[0]
    out.counts["money"] = con.execute("SELECT count(*) FROM quantities WHERE article_id = ? AND kind = 'money'",
                                      [article_id]).fetchone()[0]
    out.quarantined = [r["reason"] for r in _dicts(con, "SELECT DISTINCT reason FROM quarantine WHERE article_id = ? "
                                                       "ORDER BY reason LIMIT ?", [article_id, limit])]
    return out

"""One article for the page: its clean text cut into highlighted segments, and its records by table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from schemas import TABLES

RECORD_TABLES = [t for t in TABLES if t not in {"articles", "quarantine"}]
HIGHLIGHTS = ("entity", "quote", "quantity", "date")


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of the clean text."""

    start: int
    end: int
    kind: str  # one of HIGHLIGHTS
    label: str


def segments(text: str, spans: list[Span]) -> list[dict[str, Any]]:
    """Cut `text` at every span boundary; each piece lists the kinds and labels of the spans covering it.

    Spans may nest or overlap (a name inside a quote), so pieces carry sets of kinds, not one tag.
    """
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in valid if s.start <= a and s.end >= b]
        kinds = sorted({s.kind for s in covering}, key=HIGHLIGHTS.index)
        out.append({"text": text[a:b], "kinds": kinds, "title": "; ".join(dict.fromkeys(s.label for s in covering))})
    return out


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """Rows of a query as dicts by column name."""
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def jsonable(value: Any) -> Any:
    """A DuckDB value as JSON can carry it (dates as ISO text)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.hex()
    return value


def load(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """The article row and every record of it, by table; None when there is no such article."""
    found = rows(con, "SELECT * FROM articles WHERE article_id = ?", [article_id])
    if not found:
        return None
    records = {t: rows(con, f'SELECT * EXCLUDE (article_id) FROM "{t}" WHERE article_id = ? '
                           + ("ORDER BY start" if t in {"mentions", "quantities", "dates", "quotes", "attributions",
                                                       "unnamed_sources", "events"} else ""), [article_id])
               for t in RECORD_TABLES}
    return {"article": found[0], "records": records}


def highlight_spans(records: dict[str, list[dict[str, Any]]]) -> list[Span]:
    """The spans to highlight: entity mentions, quotes, quantities and dates."""
    names = {e["entity_id"]: f"{e['name']} ({e['type']})" for e in records.get("entities", [])}
    spans = [Span(m["start"], m["end"], "entity", "entity: " + names.get(m["entity_id"], m["text"]))
             for m in records.get("mentions", [])]
    spans += [Span(q["start"], q["end"], "quote", "quote" + (f" by {q['speaker']}" if q.get("speaker") else ""))
              for q in records.get("quotes", [])]
    spans += [Span(q["start"], q["end"], "quantity",
                   f"{q['kind']}: {q['value']:g}" + (f" {q['currency']}" if q.get("currency") else ""))
              for q in records.get("quantities", [])]
    spans += [Span(d["start"], d["end"], "date", f"date: {d['resolved'] or '?'}") for d in records.get("dates", [])]
    return spans

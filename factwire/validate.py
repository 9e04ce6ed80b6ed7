"""Validation of every table's rows against its pandera model; failures become quarantine rows."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from typing import Any

import pandas as pd
import pandera.errors

from schemas import SCHEMAS

# Tables whose `text` column must be exactly clean_text[start:end].
SPAN_TEXT_TABLES = {"mentions", "quantities", "dates", "quotes", "attributions", "unnamed_sources"}


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    return value


def record_json(record: dict[str, Any]) -> str:
    """A record as JSON text for the quarantine table (NaN and dates made readable)."""
    return json.dumps({k: _jsonable(v) for k, v in record.items()}, ensure_ascii=False, default=str)


def quarantine_row(table: str, source_uri: str, reason: str, record: dict[str, Any] | None = None,
                   article_id: str | None = None) -> dict[str, Any]:
    """One row of the quarantine table."""
    return {"table": table, "article_id": article_id, "source_uri": source_uri, "reason": reason,
            "record": record_json(record or {}), "quarantined_at": datetime.now(UTC)}


def _span_problems(table: str, df: pd.DataFrame, clean_texts: dict[str, str]) -> dict[int, str]:
    """Row position -> reason, for offsets outside the clean text or text not at its offsets."""
    problems: dict[int, str] = {}
    if "start" not in df.columns or "end" not in df.columns:
        return problems
    for pos, (aid, start, end) in enumerate(zip(df["article_id"], df["start"], df["end"], strict=True)):
        text = clean_texts.get(aid)
        if text is None:
            continue
        try:
            s, e = int(start), int(end)
        except (TypeError, ValueError):
            continue  # the schema reports the type error
        if not 0 <= s <= e <= len(text):
            problems[pos] = f"offsets [{s}:{e}] outside the clean text (length {len(text)})"
        elif table in SPAN_TEXT_TABLES and text[s:e] != df["text"].iloc[pos]:
            problems[pos] = f"text {df['text'].iloc[pos]!r} is not clean_text[{s}:{e}] {text[s:e]!r}"
    return problems


def validate_rows(table: str, rows: list[dict[str, Any]], *, clean_texts: dict[str, str] | None = None,
                  source_uris: dict[str, str] | None = None) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Validate rows bound for `table`; return the valid frame and quarantine rows for the rest."""
    model = SCHEMAS[table]
    columns = list(model.to_schema().columns)
    source_uris = source_uris or {}
    df = pd.DataFrame(rows, columns=columns if not rows else None)
    quarantined: list[dict[str, Any]] = []
    bad: dict[int, str] = {}
    # A field the contract does not know is that row's fault, not the whole batch's: name it per row.
    known = set(columns)
    for pos, row in enumerate(rows):
        extra = sorted(k for k in row if k not in known)
        if extra:
            bad[pos] = f"unknown field(s) {', '.join(extra)} not in the {table} schema"
    # A missing field becomes null, so that the schema names the field for each row it is missing from.
    df = df.reindex(columns=columns)
    if len(df) and clean_texts:
        bad.update(_span_problems(table, df, clean_texts))
    checked = None  # the coerced frame, when every row left passes the schema at the first try
    try:
        checked = model.validate(df.drop(index=df.index[list(bad)]) if bad else df, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        whole = cases["index"].isna().any()
        for _, case in cases.iterrows():
            reason = f"{case['column']}: {case['check']} failed (value {case['failure_case']!r})"
            if pd.isna(case["index"]):
                for pos in range(len(df)):
                    bad.setdefault(pos, reason)
            else:
                pos = df.index.get_loc(case["index"])
                bad[pos] = f"{bad[pos]}; {reason}" if pos in bad and not whole else reason
    for pos, reason in sorted(bad.items()):
        record = {**df.iloc[pos].to_dict(), **rows[pos]}  # the row as the extractor made it
        aid = record.get("article_id")
        quarantined.append(quarantine_row(table, source_uris.get(aid, ""), reason, record, aid))
    good = df.drop(index=df.index[sorted(bad)]) if bad else df
    if checked is not None and len(good):
        # nothing failed the schema: the first pass already coerced these very rows (pandera costs
        # ~20 ms a call whatever its size, so a second pass would double the driver's validation)
        return checked[columns].reset_index(drop=True), quarantined
    if not len(good):
        good = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    validated = model.validate(good[columns].reset_index(drop=True), lazy=True)
    return validated, quarantined

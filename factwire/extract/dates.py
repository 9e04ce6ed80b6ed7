"""Time expressions resolved against the publication date (issue 5: not yet written)."""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Doc


def extract_dates(doc: Doc, *, published: date | None) -> list[dict[str, Any]]:
    """Rows of the dates table: text, start, end, resolved, granularity, relative."""
    return []

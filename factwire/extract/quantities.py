"""Money, counts and percentages with what they count and whose they are (issue 5: not yet written)."""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Doc

from factwire.resolve import EntityIndex


def extract_quantities(doc: Doc, *, entities: EntityIndex, dates: list[dict[str, Any]],
                       published: date | None) -> list[dict[str, Any]]:
    """Rows of the quantities table."""
    return []

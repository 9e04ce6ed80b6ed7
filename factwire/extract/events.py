"""Events from clause structure (issue 7: not yet written)."""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Doc

from factwire.resolve import EntityIndex


def extract_events(doc: Doc, *, entities: EntityIndex, quantities: list[dict[str, Any]],
                   dates: list[dict[str, Any]], published: date | None) -> list[dict[str, Any]]:
    """Rows of the events table."""
    return []

"""Direct and indirect quotes with their speakers (issue 6: not yet written)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from factwire.resolve import EntityIndex


def extract_quotes(doc: Doc, *, entities: EntityIndex) -> list[dict[str, Any]]:
    """Rows of the quotes table."""
    return []

"""People's titles and organizations (issue 4: not yet written)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from factwire.resolve import EntityIndex


def extract_roles(doc: Doc, *, entities: EntityIndex) -> list[dict[str, Any]]:
    """Rows of the roles table."""
    return []

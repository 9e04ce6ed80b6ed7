"""The pandera models of factwire's tables, by table name."""

from schemas._base import TableModel, arrow_schema
from schemas.tables import (
    Articles,
    Attributions,
    Citations,
    Dates,
    Entities,
    Events,
    Mentions,
    Quantities,
    Quarantine,
    Quotes,
    Roles,
    UnnamedSources,
)

SCHEMAS: dict[str, type[TableModel]] = {
    "articles": Articles,
    "citations": Citations,
    "entities": Entities,
    "mentions": Mentions,
    "quantities": Quantities,
    "dates": Dates,
    "quotes": Quotes,
    "attributions": Attributions,
    "unnamed_sources": UnnamedSources,
    "roles": Roles,
    "events": Events,
    "quarantine": Quarantine,
}
TABLES = tuple(SCHEMAS)

__all__ = ["SCHEMAS", "TABLES", "TableModel", "arrow_schema"]

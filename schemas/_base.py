"""What every table model shares: strict, coerced, and an Arrow schema for stable Parquet types."""

from __future__ import annotations

import pandera.pandas as pa
import pyarrow

# Arrow types for Parquet files, named in a column's Field metadata as {"arrow": NAME}; columns
# without one get the type of their pandas dtype. Fixing them keeps an empty batch's file
# readable together with the others (no null-typed list columns).
ARROW_TYPES: dict[str, pyarrow.DataType] = {
    "string": pyarrow.string(),
    "int64": pyarrow.int64(),
    "float64": pyarrow.float64(),
    "bool": pyarrow.bool_(),
    "date": pyarrow.date32(),
    "timestamp": pyarrow.timestamp("us", tz="UTC"),
    "list<string>": pyarrow.list_(pyarrow.string()),
    "list<int64>": pyarrow.list_(pyarrow.int64()),
}


def col(arrow: str, *, nullable: bool = False, description: str = "", **checks) -> object:
    """A pandera Field carrying its description and Arrow type name, plus built-in checks."""
    return pa.Field(nullable=nullable, description=description, metadata={"arrow": arrow}, **checks)


class TableModel(pa.DataFrameModel):
    """Base model: strict (no unknown columns), coerced to the declared types."""

    class Config:
        strict = True
        coerce = True


def arrow_schema(model: type[TableModel]) -> pyarrow.Schema:
    """The Parquet schema of a table model, in the model's column order."""
    schema = model.to_schema()
    fields = []
    for name, column in schema.columns.items():
        arrow = (column.metadata or {}).get("arrow", "string")
        fields.append(pyarrow.field(name, ARROW_TYPES[arrow], nullable=column.nullable))
    return pyarrow.schema(fields)


def list_of(value: object, kind: type) -> bool:
    """Whether a cell holds a list (or array) whose items are all of `kind`."""
    if not hasattr(value, "__iter__") or isinstance(value, str | bytes | dict):
        return False
    return all(isinstance(x, kind) or (kind is int and hasattr(x, "is_integer")) for x in value)

"""One locked-down DuckDB database per committed state of the dataset, and a cursor per request."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb

from factwire.query import connect_readonly
from factwire.store import MANIFEST


class ReadOnlyViews:
    """Hands out cursors over the tables' views, rebuilding the views when a new batch is committed.

    Creating the views reads every committed file's footer, which grows with the number of batches
    (hundreds of ms at ~800 files), so it is done once per manifest, not once per request. Cursors
    share the database's locked configuration (no external access, memory cap), and each can be
    interrupted on its own.
    """

    def __init__(self, processed: Path) -> None:
        self.processed = Path(processed)
        self._lock = threading.Lock()
        self._base: duckdb.DuckDBPyConnection | None = None
        self._state: tuple[int, int, int] | None = None

    def _manifest_state(self) -> tuple[int, int, int] | None:
        try:
            st = (self.processed / MANIFEST).stat()  # the manifest is replaced by rename on each commit
        except FileNotFoundError:
            return None
        return st.st_mtime_ns, st.st_size, st.st_ino

    def _pending_commit(self) -> bool:
        return any((self.processed / "_txn").glob("*.json"))  # a crashed writer's record: connect() recovers it

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own (close it after use) over the latest committed tables."""
        state = self._manifest_state()
        with self._lock:
            if self._base is None or state != self._state or self._pending_commit():
                # Queries still running on the old database keep it alive until they finish.
                self._base = connect_readonly(processed=self.processed)
                self._state = state
            return self._base.cursor()

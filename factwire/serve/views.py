"""One locked-down DuckDB database per committed state of the dataset, and a cursor per request."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb

from factwire.query import connect_readonly
from factwire.store import COMMITS, Snapshot, is_remote, latest, table_uri


class ReadOnlyViews:
    """Hands out cursors over the tables' views, rebuilding the views when a new batch is committed.

    Creating the views opens every table at its recorded version and lists its files, so it is done
    once per dataset version, not once per request; a request only checks the `_commits` table's
    log for a newer entry. Cursors share the database's locked configuration (no external access,
    memory cap), and each can be interrupted on its own. A request that started on one version
    finishes on it: the files of a replaced version stay until `factwire compact` vacuums them after
    its retention period. Tables in object storage are read through registered Arrow datasets, which
    a cursor does not share: there each request gets a connection of its own at the current version.
    """

    def __init__(self, processed: str | Path) -> None:
        self.processed = processed
        self._lock = threading.Lock()
        self._base: duckdb.DuckDBPyConnection | None = None
        self._snap: Snapshot | None = None
        self._state: int | None = None  # the _commits table's log version the views were built at
        self._log = None  # the _commits table, brought up to date incrementally

    def _log_version(self) -> int | None:
        from deltalake import DeltaTable
        from deltalake.exceptions import TableNotFoundError

        from factwire.store import storage_options

        try:
            if self._log is None:
                self._log = DeltaTable(table_uri(self.processed, COMMITS),
                                       storage_options=storage_options(self.processed))
            else:
                self._log.update_incremental()
        except TableNotFoundError:
            return None
        return self._log.version()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own (close it after use) over the latest committed tables."""
        with self._lock:
            version = self._log_version()
            if self._snap is None or version != self._state:
                self._snap = latest(self.processed)
                self._state = version
                self._base = None
            if is_remote(self.processed):
                return connect_readonly(processed=self.processed, snap=self._snap)
            if self._base is None:
                # Queries still running on the old database keep it alive until they finish.
                self._base = connect_readonly(processed=self.processed, snap=self._snap)
            return self._base.cursor()

    @property
    def snap(self) -> Snapshot | None:
        """The dataset version the latest cursor reads."""
        return self._snap

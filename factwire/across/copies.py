"""Syndicated copies and near-duplicates: MinHash over word shingles, LSH bands in a small SQLite file.

Each article's clean text becomes a set of word shingles (`shingle` consecutive words, lower-cased,
punctuation dropped) and a MinHash signature of `num_perm` values (datasketch). The signature is cut
into the bands datasketch's `MinHashLSH` chooses for the threshold; an article whose band keys meet a
stored article's in any band is a candidate, and a candidate whose estimated Jaccard similarity is at
least the threshold is a copy. Matching reads only the band index (one indexed lookup per band) and the
candidates' signatures, never the stored articles, so its cost per new article does not grow with the
dataset (bench/duplicates.py measures it).

The store lives in `data/processed/_signatures/signatures.sqlite`, apart from the tables: every batch
is matched and added in one SQLite transaction (atomic), under an exclusive flock, so two batches
processed at once see each other in commit order. Signature size, shingle length and band layout are
fixed when the store is created (recorded in it); the threshold can change at any time, it only
decides which candidates count.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from datasketch import MinHash, MinHashLSH

DB_FILE = "signatures.sqlite"
SCHEME = "affine32"  # datasketch's permutation scheme, named so a later default cannot change stored values
SEED = 1
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class CopySettings:
    """How copies are found: the similarity threshold, signature size and shingle length."""

    threshold: float = 0.5
    num_perm: int = 128
    shingle: int = 5


@dataclass(frozen=True)
class Match:
    """What matching says about one article: the original it copies (or None) and how similar they are."""

    article_id: str
    duplicate_of: str | None
    similarity: float | None


def shingles(text: str, size: int) -> set[bytes]:
    """The article's word shingles: every run of `size` consecutive lower-case words."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str, settings: CopySettings) -> MinHash:
    """The MinHash signature of a text's shingles."""
    m = MinHash(num_perm=settings.num_perm, seed=SEED, scheme=SCHEME)
    m.update_batch(sorted(shingles(text, settings.shingle)))
    return m


def band_layout(settings: CopySettings) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's LSH picks for the threshold and signature size."""
    lsh = MinHashLSH(threshold=settings.threshold, num_perm=settings.num_perm)
    return lsh.b, lsh.r


def band_keys(hashvalues: np.ndarray, bands: int, rows: int) -> list[int]:
    """One 63-bit key per band of a signature (a hash of the band's values)."""
    out = []
    for b in range(bands):
        chunk = np.ascontiguousarray(hashvalues[b * rows:(b + 1) * rows]).tobytes()
        out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big") >> 1)
    return out


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


class SignatureStore:
    """The stored signatures of every article matched so far, and their LSH band index."""

    def __init__(self, folder: Path, settings: CopySettings | None = None) -> None:
        self.folder = Path(folder)
        self.settings = settings or CopySettings()

    @contextlib.contextmanager
    def _open(self, *, write: bool) -> Iterator[sqlite3.Connection]:
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / ".lock", "a+") as lock:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX if write else fcntl.LOCK_SH)
            con = sqlite3.connect(self.folder / DB_FILE, isolation_level=None)
            try:
                con.execute("PRAGMA journal_mode=WAL")
                con.execute("PRAGMA synchronous=FULL")
                con.execute("PRAGMA cache_size=-65536")  # 64 MB: the band index of ~40,000 articles stays in memory
                yield con
            finally:
                con.close()
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)

    def _layout(self, con: sqlite3.Connection) -> tuple[int, int, int, int]:
        """(num_perm, shingle, bands, rows): the store's own, or this settings' for a new store."""
        con.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)")
        con.execute("CREATE TABLE IF NOT EXISTS sigs (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                    "article_id TEXT NOT NULL UNIQUE, root TEXT NOT NULL, hashvalues BLOB NOT NULL)")
        con.execute("CREATE TABLE IF NOT EXISTS bands (band INTEGER NOT NULL, key INTEGER NOT NULL, "
                    "seq INTEGER NOT NULL, PRIMARY KEY (band, key, seq)) WITHOUT ROWID")
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        if not meta:
            bands, rows = band_layout(self.settings)
            meta = {"num_perm": self.settings.num_perm, "shingle": self.settings.shingle, "bands": bands,
                    "rows": rows}
            con.executemany("INSERT INTO meta VALUES (?, ?)", list(meta.items()))
        return meta["num_perm"], meta["shingle"], meta["bands"], meta["rows"]

    def match_and_add(self, articles: list[tuple[str, str]]) -> list[Match]:
        """Match articles (id, clean text), in order, against the store and each other; store them.

        An article already stored (re-extracted) is matched only against those stored before it and
        keeps its place; a new one is added after being matched, so later ones in the batch can copy it.
        """
        with self._open(write=True) as con:
            con.execute("BEGIN IMMEDIATE")
            try:
                num_perm, shingle, bands, rows = self._layout(con)
                settings = CopySettings(self.settings.threshold, num_perm, shingle)
                out = [self._match_one(con, aid, text, settings, bands, rows) for aid, text in articles]
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return out

    def _match_one(self, con: sqlite3.Connection, article_id: str, text: str, settings: CopySettings,
                   bands: int, rows: int) -> Match:
        values = signature(text, settings).hashvalues
        keys = band_keys(values, bands, rows)
        own = con.execute("SELECT seq FROM sigs WHERE article_id = ?", (article_id,)).fetchone()
        limit = own[0] if own else None
        cands = {s for band, key in enumerate(keys)
                 for (s,) in con.execute("SELECT seq FROM bands WHERE band = ? AND key = ?", (band, key))}
        best: tuple[float, int, str] | None = None
        for seq in sorted(cands):
            if limit is not None and seq >= limit:
                continue
            root, blob = con.execute("SELECT root, hashvalues FROM sigs WHERE seq = ?", (seq,)).fetchone()
            sim = _jaccard(values, np.frombuffer(blob, dtype=values.dtype))
            if sim >= settings.threshold and (best is None or sim > best[0]):
                best = (sim, seq, root)
        match = Match(article_id, best[2] if best else None, round(best[0], 4) if best else None)
        if own is None:
            cur = con.execute("INSERT INTO sigs (article_id, root, hashvalues) VALUES (?, ?, ?)",
                              (article_id, match.duplicate_of or article_id, values.tobytes()))
            con.executemany("INSERT INTO bands VALUES (?, ?, ?)",
                            [(band, key, cur.lastrowid) for band, key in enumerate(keys)])
        return match

    def count(self) -> int:
        """How many signatures are stored."""
        if not (self.folder / DB_FILE).exists():
            return 0
        with self._open(write=False) as con:
            return con.execute("SELECT count(*) FROM sigs").fetchone()[0]

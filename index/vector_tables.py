"""Vectors looked up by key, never searched: where derived data such as sentence vectors is kept.

Beside an embedded store they live in a SQLite file in the Chroma folder, not in a Chroma
collection. Chroma's local HNSW files are rewritten in place when it persists, so a `kill -9`
during an ingest could tear them; the collection then refused every later read ("Failed to
apply logs to the hnsw segment writer") and a re-run could not finish. A table read only by
key needs no HNSW graph, and SQLite commits each write whole. Beside a Chroma server the
vectors stay in a sibling collection on that server: there a killed client cannot tear the
server's files, and every worker and ingest on any host sees the same vectors.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from core.errors import StoreUnavailable

_BATCH = 500


class VectorTable(Protocol):
    """Vectors by key: read some, write some, count, empty."""

    def read(self, keys: Sequence[str], *, include_vectors: bool = True) -> dict[str, np.ndarray]:
        """The stored vectors of these keys (an empty array each when `include_vectors` is False)."""
        ...

    def write(self, keys: Sequence[str], vectors: np.ndarray) -> None: ...

    def count(self) -> int: ...

    def clear(self) -> None: ...


class SqliteVectorTable:
    """A VectorTable in one SQLite file; safe for this process's threads and for other processes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            # Another process (the server, a CLI) may be writing: wait for it rather than fail.
            self._db = sqlite3.connect(path, timeout=30.0, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID")
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"cannot open the sentence vectors beside the Chroma store ({path.name}): {exc}") from None

    def read(self, keys: Sequence[str], *, include_vectors: bool = True) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        column = "vector" if include_vectors else "NULL"
        for start in range(0, len(keys), _BATCH):
            batch = list(keys[start : start + _BATCH])
            rows = self._run(f"SELECT key, {column} FROM vectors WHERE key IN ({','.join('?' * len(batch))})", batch)
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype=np.float32) if include_vectors else np.zeros(0, dtype=np.float32)
        return found

    def write(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        rows = [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in zip(keys, vectors)]
        with self._lock:
            try:
                with self._db:
                    self._db.execute("BEGIN IMMEDIATE")
                    self._db.executemany("INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)", rows)
            except sqlite3.Error as exc:
                raise StoreUnavailable(f"cannot write the sentence vectors ({self.path.name}): {exc}") from None

    def count(self) -> int:
        return int(self._run("SELECT COUNT(*) FROM vectors", [])[0][0])

    def clear(self) -> None:
        self._run("DELETE FROM vectors", [])

    def _run(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise StoreUnavailable(f"cannot read the sentence vectors ({self.path.name}): {exc}") from None


class ChromaVectorTable:
    """A VectorTable in a Chroma collection (beside a Chroma server, or an in-memory client)."""

    def __init__(self, collection: Any, guard: Any) -> None:
        self._collection = collection
        self._guard = guard

    def read(self, keys: Sequence[str], *, include_vectors: bool = True) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), _BATCH):
            batch = list(keys[start : start + _BATCH])
            result = self._guard("read", lambda b=batch: self._collection.get(ids=b, include=["embeddings"] if include_vectors else []))
            if include_vectors and len(result["ids"]):
                found.update(zip(result["ids"], np.asarray(result["embeddings"], dtype=np.float32)))
            else:
                found.update((k, np.zeros(0, dtype=np.float32)) for k in result["ids"])
        return found

    def write(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        for start in range(0, len(keys), _BATCH):
            end = start + _BATCH
            self._guard("write", lambda s=start, e=end: self._collection.upsert(ids=list(keys[s:e]), embeddings=vectors[s:e]))

    def count(self) -> int:
        return int(self._guard("count", lambda: self._collection.count()))

    def clear(self) -> None:
        ids = self._guard("read", lambda: self._collection.get(include=[])["ids"])
        for start in range(0, len(ids), _BATCH):
            self._guard("write", lambda s=start: self._collection.delete(ids=ids[s : s + _BATCH]))

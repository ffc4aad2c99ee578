"""Chroma, and only here: chunks with their vectors, published through the manifest (index/manifest.py).

Chroma has no transactions, so an article becomes visible in one step: its chunks are
upserted under version-specific ids first, then its manifest entry is switched to the
new version, and only then are the old version's chunks deleted. A search returns a
chunk only when its version is the one the manifest names, so a reader never sees a mix
of two versions, and an ingest killed at any point leaves every article wholly old,
wholly new or absent. Embeddings are always passed in, so Chroma's own default model is
never loaded or downloaded.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from index.connection import guarded, open_chroma_client, store_location
from core.errors import EmbedderMismatch, StoreUnavailable
from index.ids import chunk_id_for
from index.manifest import Manifest
from index.models import Article, Chunk
from index.records import ScoredChunk, StoredArticle, StoredChunk, chunk_metadata, scored_chunk, stored_chunk
from core.settings import Settings
from index.vector_tables import ChromaVectorTable, SqliteVectorTable, VectorTable

SCHEMA_VERSION = 1
_log = logging.getLogger(__name__)
# Tables named after the collection that hold derived data (index/sentence_vectors.py).
SIBLINGS = ("sentences",)
_Item = tuple[Article, Sequence[Chunk], Sequence[Sequence[float]]]

__all__ = ["ChromaStore", "ScoredChunk", "StoredArticle", "StoredChunk"]


class ChromaStore:
    """The knowledge base's store: publish, search, list and delete articles in one Chroma collection."""

    def __init__(
        self, client: Any, collection: str, *, embedder_name: str, dimension: int, location: str = "", folder: Path | None = None
    ) -> None:
        self.location = location or collection
        self.collection_name = collection
        self._client = client
        # The embedded store's folder: derived tables go there as SQLite files (index/vector_tables.py).
        self._folder = folder
        self._tables: dict[str, VectorTable] = {}
        self._embedder_name = embedder_name
        self._dimension = dimension
        self._chunks = self._open_chunks()
        self.manifest = Manifest(client, collection, self.location)
        self._check_embedder()
        self._batch = self._guard("open", lambda: int(client.get_max_batch_size()))

    @classmethod
    def open(cls, settings: Settings, *, embedder_name: str, dimension: int) -> ChromaStore:
        """Open (or create) the configured collection, refusing one built by another embedder."""
        client = open_chroma_client(settings)
        folder = None if settings.chroma_url else Path(settings.chroma_path)
        return cls(client, settings.collection, embedder_name=embedder_name, dimension=dimension,
                   location=store_location(settings), folder=folder)

    @property
    def local_changes(self) -> int:
        """Changes made through this object; readers in this process notice them without a round trip."""
        return self.manifest.local_changes

    def _open_chunks(self) -> Any:
        return self._guard(
            "open",
            lambda: self._client.get_or_create_collection(
                self.collection_name,
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedder": self._embedder_name, "dimension": self._dimension, "newsdesk_schema": SCHEMA_VERSION},
            ),
        )

    def _check_embedder(self) -> None:
        meta = self._chunks.metadata or {}
        built_by, dims = meta.get("embedder"), meta.get("dimension")
        if built_by != self._embedder_name or dims != self._dimension:
            raise EmbedderMismatch(
                f"collection {self.collection_name!r} at {self.location} was built by {built_by or 'another tool'}"
                f" ({dims or '?'} dimensions) but the configured embedder is {self._embedder_name}"
                f" ({self._dimension} dimensions); set NEWSDESK_EMBEDDER back, choose another NEWSDESK_COLLECTION,"
                " or run `python -m index reset --yes` and ingest again"
            )

    def _guard(self, action: str, call: Any) -> Any:
        return guarded(self.location, action, call)

    # --- publishing ---------------------------------------------------------------------------

    def publish(self, article: Article, chunks: Sequence[Chunk], embeddings: Sequence[Sequence[float]]) -> None:
        """Make `chunks` the article's visible content, replacing any earlier version as one step."""
        self.publish_many([(article, chunks, embeddings)])

    def publish_many(self, items: Sequence[_Item], *, fresh: Collection[str] = ()) -> None:
        """`publish` for many articles with a few large writes; each article still switches as one step.

        All chunks are written first (under version-specific ids nobody searches yet), then one
        manifest write switches every article to its new version, then old versions are deleted.
        Articles in `fresh` had no version in the store when checked: they have nothing to
        delete, so their entries are written clean at once (one manifest write instead of two).
        """
        items = [item for item in items if item[1]]
        if not items:
            return
        self._write_chunks(items)
        new = [(a, len(c)) for a, c, _ in items if a.id in fresh]
        replacing = [(a, len(c)) for a, c, _ in items if a.id not in fresh]
        if new:
            self.manifest.write(new, clean=True)
        if replacing:
            self.manifest.write(replacing, clean=False)
            self._retire_old_versions(replacing)

    def _write_chunks(self, items: Sequence[_Item]) -> None:
        ids, embeddings, metadatas = [], [], []
        for article, chunks, vectors in items:
            if len(chunks) != len(vectors):
                raise ValueError("one embedding per chunk is required")
            ids.extend(c.id for c in chunks)
            embeddings.extend(vectors)
            metadatas.extend(chunk_metadata(article, c) for c in chunks)
        matrix = np.asarray(embeddings, dtype=np.float32)
        for start in range(0, len(ids), self._batch):
            end = start + self._batch
            # Ids name a version's content, so a chunk already stored (by a run that was killed
            # before its switch) is the same chunk. Writing it again would only give Chroma an
            # upsert of a present id to replay, and a kill during such a replay can wedge its index.
            present = set(self._guard("read", lambda start=start, end=end: self._chunks.get(ids=ids[start:end], include=[]))["ids"])
            keep = [i for i in range(start, min(end, len(ids))) if ids[i] not in present]
            if keep:
                self._guard(
                    "write",
                    lambda keep=keep: self._chunks.upsert(
                        ids=[ids[i] for i in keep], embeddings=matrix[keep], metadatas=[metadatas[i] for i in keep]
                    ),
                )

    def _retire_old_versions(self, replaced: Sequence[tuple[Article, int]]) -> None:
        """Delete every other version's chunks of articles just switched, then mark their entries clean."""
        # Another writer may have switched an article since; keep whatever the manifest names now.
        published = self.published_versions({article.id for article, _ in replaced})
        if published:
            # Versions are content hashes that include the URL, so no article's version is another's.
            self._guard(
                "delete old chunks",
                lambda: self._chunks.delete(
                    where={"$and": [{"article_id": {"$in": sorted(published)}},
                                    {"version": {"$nin": sorted(set(published.values()))}}]}
                ),
            )
        mine = [(a, n) for a, n in replaced if published.get(a.id) == a.version]
        if mine:
            self.manifest.write(mine, clean=True, visible=False)

    def finish(self, article: Article) -> None:
        """Delete chunks of every version but the published one (the last step of a publish)."""
        stored = self.article(article.id)
        if stored is None:
            return
        self._guard(
            "delete old chunks",
            lambda: self._chunks.delete(
                where={"$and": [{"article_id": article.id}, {"version": {"$ne": stored.version}}]}
            ),
        )
        if stored.version == article.version:
            self.manifest.write([(article, stored.n_chunks)], clean=True, visible=False)

    def delete_article(self, article_id: str) -> bool:
        """Remove an article and all its chunks; False if it was not there."""
        existed = self.article(article_id) is not None
        # Manifest first: the article disappears from searches before its chunks are removed.
        self.manifest.delete(article_id)
        self._guard("delete", lambda: self._chunks.delete(where={"article_id": article_id}))
        return existed

    def vector_table(self, suffix: str) -> VectorTable:
        """Derived vectors kept beside the chunks (index/sentence_vectors.py), emptied with them by `reset`."""
        if suffix not in SIBLINGS:
            raise ValueError(f"unknown derived table {suffix!r}; add it to SIBLINGS so reset empties it")
        if suffix not in self._tables:
            name = f"{self.collection_name}__{suffix}"
            if self._folder is None:
                self._tables[suffix] = ChromaVectorTable(self._sibling_collection(name), self._guard)
            else:
                table = SqliteVectorTable(self._folder / f"{name}.sqlite3")
                if table.count() == 0:
                    self._adopt_collection(name, table)
                self._tables[suffix] = table
        return self._tables[suffix]

    def _adopt_collection(self, name: str, table: SqliteVectorTable) -> None:
        """Move the vectors an older Newsdesk kept in a Chroma collection of this name into `table`, once.

        Without this an upgraded store would answer slowly, embedding every sentence again, until
        `python -m index sentences` ran. A collection that cannot be read is left where it is.
        """
        if name not in {c.name for c in self._guard("read", lambda: self._client.list_collections())}:
            return
        try:
            old, offset = self._guard("open", lambda: self._client.get_collection(name)), 0
            while True:
                page = self._guard("read", lambda offset=offset: old.get(include=["embeddings"], limit=1000, offset=offset))
                if not page["ids"]:
                    break
                table.write(page["ids"], np.asarray(page["embeddings"], dtype=np.float32))
                offset += len(page["ids"])
        except StoreUnavailable as exc:
            _log.warning("sentence vectors in the old collection %s could not be moved (%s); "
                         "`python -m index sentences` stores them again", name, exc)
            return
        with contextlib.suppress(Exception):  # another process may have moved and deleted it first
            self._client.delete_collection(name)

    def _sibling_collection(self, name: str) -> Any:
        return self._guard(
            "open",
            lambda: self._client.get_or_create_collection(name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}),
        )

    def reset(self) -> None:
        """Delete the collection and its manifest, and empty its derived tables; the next open starts empty."""
        for suffix in SIBLINGS:
            self.vector_table(suffix).clear()
        self._guard("reset", lambda: self._client.delete_collection(self.collection_name))
        self._chunks = self._open_chunks()
        self.manifest.reset()

    # --- the manifest -------------------------------------------------------------------------

    def article(self, article_id: str) -> StoredArticle | None:
        """The published version of an article, or None if it is not in the store."""
        return self.manifest.get([article_id]).get(article_id)

    def articles(self, article_ids: Sequence[str]) -> dict[str, StoredArticle]:
        """The published versions of these articles (those in the store), by id."""
        return self.manifest.get(article_ids)

    def published_versions(self, article_ids: Iterable[str] | None = None) -> dict[str, str]:
        """Article id -> published version, for the given articles or for all of them."""
        found = self.manifest.all() if article_ids is None else self.manifest.get(article_ids).values()
        return {a.id: a.version for a in found}

    def list_articles(self, *, limit: int = 100, offset: int = 0) -> list[StoredArticle]:
        """Published articles, in the store's order."""
        return self.manifest.page(limit=limit, offset=offset)

    def all_articles(self) -> list[StoredArticle]:
        """Every published article."""
        return self.manifest.all()

    def article_count(self) -> int:
        """How many articles are published."""
        return self.manifest.count()

    def generation(self) -> str:
        """A token that changes whenever any article is published, replaced or deleted (by any process)."""
        return self.manifest.generation()

    def changes_since(self, since: float) -> set[str] | None:
        """Articles changed since `since` (wall clock); None when everything must be read again."""
        return self.manifest.changes_since(since)

    # --- reads --------------------------------------------------------------------------------

    def search(
        self, embedding: Sequence[float], n: int, *, where: dict[str, Any] | None = None, published: Mapping[str, str] | None = None
    ) -> list[ScoredChunk]:
        """The `n` chunks nearest to `embedding` among published article versions, best first.

        `where` is a Chroma metadata filter (see `index.filters.SearchFilter.where`);
        `published` (article id -> version) is a manifest snapshot the caller already holds,
        used instead of reading the manifest.
        """
        if n <= 0:
            return []
        # Chunks of unpublished or superseded versions are filtered out, so ask for some spare,
        # and for more while an ingest in progress (or a crashed one) crowds the nearest results.
        wanted, total = n + max(4, n // 4), None
        while True:
            found, returned = self._search_published(embedding, wanted, where, published)
            if len(found) >= n or returned < wanted:
                return found[:n]
            total = total if total is not None else self._guard("count", lambda: self._chunks.count())
            if wanted >= total:
                return found[:n]
            wanted = min(wanted * 4, total)

    def _search_published(
        self, embedding: Sequence[float], wanted: int, where: dict[str, Any] | None, published: Mapping[str, str] | None
    ) -> tuple[list[ScoredChunk], int]:
        result = self._guard(
            "search",
            lambda: self._chunks.query(
                query_embeddings=[list(embedding)], n_results=wanted, where=where, include=["metadatas", "distances"]
            ),
        )
        ids, metas, dists = result["ids"][0], result["metadatas"][0], result["distances"][0]
        if published is None:
            published = self.published_versions({m["article_id"] for m in metas})
        found = [
            scored_chunk(chunk_id, meta, dist)
            for chunk_id, meta, dist in zip(ids, metas, dists)
            if published.get(meta["article_id"]) == meta["version"]
        ]
        return found, len(ids)

    def chunks_of(self, entries: Sequence[StoredArticle]) -> list[StoredChunk]:
        """Every chunk of these manifest entries, in article and reading order, read by id.

        An entry names its version and chunk count, so the ids are known: a read by id is a
        primary-key lookup, where a filter by article id would scan a large collection.
        """
        ids = [chunk_id_for(e.id, e.version, seq) for e in entries for seq in range(e.n_chunks)]
        found: list[StoredChunk] = []
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            result = self._guard("read", lambda batch=batch: self._chunks.get(ids=batch, include=["metadatas"]))
            found.extend(stored_chunk(chunk_id, meta) for chunk_id, meta in zip(result["ids"], result["metadatas"]))
        found.sort(key=lambda c: (c.article_id, c.seq))
        return found

    def embeddings_of(self, chunk_ids: Sequence[str]) -> tuple[list[str], np.ndarray]:
        """The ids of these chunks that still exist, and their stored vectors as the rows of a matrix."""
        if not chunk_ids:
            return [], np.zeros((0, self._dimension), dtype=np.float32)
        result = self._guard("read", lambda: self._chunks.get(ids=list(chunk_ids), include=["embeddings"]))
        if not result["ids"]:
            return [], np.zeros((0, self._dimension), dtype=np.float32)
        return list(result["ids"]), np.asarray(result["embeddings"], dtype=np.float32)

    def complete(self, stored: Sequence[StoredArticle]) -> set[str]:
        """Ids of the given published versions whose chunks are all in the store (see `is_complete`)."""
        wanted = {s.id: s for s in stored}
        counts: dict[str, int] = {}
        ids = sorted(wanted)
        for start in range(0, len(ids), 100):
            batch = ids[start : start + 100]
            result = self._guard(
                "read", lambda batch=batch: self._chunks.get(where={"article_id": {"$in": batch}}, include=["metadatas"])
            )
            for meta in result["metadatas"]:
                if wanted[meta["article_id"]].version == meta["version"]:
                    counts[meta["article_id"]] = counts.get(meta["article_id"], 0) + 1
        return {aid for aid, s in wanted.items() if counts.get(aid, 0) == s.n_chunks}

    def is_complete(self, stored: StoredArticle) -> bool:
        """True when every chunk of the published version is in the store.

        Two writers racing on one article can leave the manifest naming a version whose
        chunks the other deleted; ingest checks this so that a re-run repairs it.
        """
        return stored.id in self.complete([stored])

    def incomplete_articles(self) -> list[str]:
        """Ids of published articles missing any chunk of their published version (should be none)."""
        everything = self.all_articles()
        whole: set[str] = set()
        for start in range(0, len(everything), 500):
            whole |= self.complete(everything[start : start + 500])
        return sorted(a.id for a in everything if a.id not in whole)

    def stats(self) -> dict[str, Any]:
        """Counts a person (or `python -m index stats --json`) can check after an ingest."""
        return {
            "collection": self.collection_name,
            "location": self.location,
            "embedder": self._embedder_name,
            "dimension": self._dimension,
            "articles": self.article_count(),
            "chunks": sum(a.n_chunks for a in self.all_articles()),
            "stored_chunks": self._guard("count", lambda: self._chunks.count()),
        }

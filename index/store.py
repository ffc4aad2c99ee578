"""Chroma, and only here: chunks with their vectors, plus a manifest of published article versions.

Chroma has no transactions, so an article becomes visible in one step: its chunks are
upserted under version-specific ids first, then its manifest entry is switched to the
new version, and only then are the old version's chunks deleted. A search returns a
chunk only when its version is the one the manifest names, so a reader never sees a mix
of two versions, and an ingest killed at any point leaves every article wholly old,
wholly new or absent. Embeddings are always passed in, so Chroma's own default model is
never loaded or downloaded.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from urllib.parse import urlsplit

from core.errors import EmbedderMismatch, NewsdeskError, StoreUnavailable
from index.models import Article, Chunk
from core.settings import Settings

SCHEMA_VERSION = 1
# Collections named after this one that hold derived data (index/sentence_vectors.py).
SIBLINGS = ("sentences",)
T = TypeVar("T")


@dataclass(frozen=True)
class StoredArticle:
    """An article's manifest entry: which version is published, and whether old chunks are gone."""

    id: str
    version: str
    n_chunks: int
    clean: bool
    title: str
    url: str | None
    source: str
    published_at: str | None
    authors: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published_at": self.published_at,
            "authors": list(self.authors),
            "chunks": self.n_chunks,
        }


@dataclass(frozen=True)
class StoredChunk:
    """A chunk of a published article version, with its article's fields."""

    chunk_id: str
    article_id: str
    version: str
    seq: int
    text: str
    start: int
    end: int
    title: str
    url: str | None
    source: str
    published_at: str | None
    published_ts: int | None


@dataclass(frozen=True)
class ScoredChunk(StoredChunk):
    """A chunk found by a dense search; `score` is its cosine similarity to the query, in [-1, 1]."""

    score: float = 0.0


def open_chroma_client(settings: Settings) -> Any:
    """A Chroma HttpClient when CHROMA_URL is set, else a PersistentClient at CHROMA_PATH."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    # Chroma's telemetry would phone home; Newsdesk runs offline.
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        parts = urlsplit(settings.chroma_url)
        where = _redacted(settings.chroma_url)
        connect: Callable[[], Any] = lambda: chromadb.HttpClient(  # noqa: E731
            host=parts.hostname, port=parts.port or (443 if parts.scheme == "https" else 8000), ssl=parts.scheme == "https",
            settings=chroma_settings,
        )
    else:
        path = Path(settings.chroma_path)
        where = str(path)
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(f"cannot create the Chroma folder {path}: {exc.strerror}; set CHROMA_PATH") from None
        connect = lambda: chromadb.PersistentClient(path=str(path), settings=chroma_settings)  # noqa: E731
    try:
        return connect()
    except Exception as exc:
        raise StoreUnavailable(f"cannot open the Chroma store at {where}: {exc}") from exc


class ChromaStore:
    """The knowledge base's store: publish, search, list and delete articles in one Chroma collection."""

    def __init__(self, client: Any, collection: str, *, embedder_name: str, dimension: int, location: str = "") -> None:
        self.location = location or collection
        self.collection_name = collection
        # Changes made through this object; readers in this process notice them without a round trip.
        self.local_changes = 0
        self._client = client
        self._embedder_name = embedder_name
        self._dimension = dimension
        self._chunks, self._manifest, self._state = self._guard("open", lambda: self._open_collections())
        self._check_embedder()
        self._batch = self._guard("open", lambda: int(client.get_max_batch_size()))

    @classmethod
    def open(cls, settings: Settings, *, embedder_name: str, dimension: int) -> ChromaStore:
        """Open (or create) the configured collection, refusing one built by another embedder."""
        client = open_chroma_client(settings)
        location = _redacted(settings.chroma_url) if settings.chroma_url else str(settings.chroma_path)
        return cls(client, settings.collection, embedder_name=embedder_name, dimension=dimension, location=location)

    def _open_collections(self) -> tuple[Any, Any, Any]:
        chunks = self._client.get_or_create_collection(
            self.collection_name,
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"embedder": self._embedder_name, "dimension": self._dimension, "newsdesk_schema": SCHEMA_VERSION},
        )
        # The manifest is never searched by vector; Chroma still wants one, so each entry gets [1.0].
        manifest = self._client.get_or_create_collection(f"{self.collection_name}__manifest", embedding_function=None)
        # One record whose token changes on every publish or delete, so other processes'
        # lexical indexes can tell cheaply that they are behind.
        state = self._client.get_or_create_collection(f"{self.collection_name}__state", embedding_function=None)
        return chunks, manifest, state

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

    def _guard(self, action: str, call: Callable[[], T]) -> T:
        try:
            return call()
        except NewsdeskError:
            raise
        except Exception as exc:
            raise StoreUnavailable(f"Chroma store at {self.location} failed to {action}: {exc}") from exc

    def ping(self) -> None:
        """Raise StoreUnavailable unless the store answers."""
        self._guard("answer", lambda: self._chunks.count())

    def article(self, article_id: str) -> StoredArticle | None:
        """The published version of an article, or None if it is not in the store."""
        found = self._guard("read", lambda: self._manifest.get(ids=[article_id], include=["metadatas"]))
        if not found["ids"]:
            return None
        return _stored_article(found["ids"][0], found["metadatas"][0])

    def publish(self, article: Article, chunks: Sequence[Chunk], embeddings: Sequence[Sequence[float]]) -> None:
        """Make `chunks` the article's visible content, replacing any earlier version as one step."""
        self.publish_many([(article, chunks, embeddings)])

    def publish_many(
        self,
        items: Sequence[tuple[Article, Sequence[Chunk], Sequence[Sequence[float]]]],
        *,
        fresh: Collection[str] = (),
    ) -> None:
        """`publish` for many articles with a few large writes; each article still switches as one step.

        All chunks are written first (under version-specific ids nobody searches yet), then one
        manifest write switches every article to its new version, then old versions are deleted.
        Articles in `fresh` had no version in the store when checked: they have nothing to
        delete, so their entries are written clean at once (one manifest write instead of two).
        """
        items = [item for item in items if item[1]]
        if not items:
            return
        ids, embeddings, metadatas = [], [], []
        for article, chunks, vectors in items:
            if len(chunks) != len(vectors):
                raise ValueError("one embedding per chunk is required")
            ids.extend(c.id for c in chunks)
            embeddings.extend(vectors)
            metadatas.extend(_chunk_metadata(article, c) for c in chunks)
        matrix = np.asarray(embeddings, dtype=np.float32)
        for start in range(0, len(ids), self._batch):
            end = start + self._batch
            self._guard(
                "write",
                lambda start=start, end=end: self._chunks.upsert(
                    ids=ids[start:end], embeddings=matrix[start:end], metadatas=metadatas[start:end]
                ),
            )
        new = [(a, len(c)) for a, c, _ in items if a.id in fresh]
        replacing = [(a, len(c)) for a, c, _ in items if a.id not in fresh]
        if new:
            self._write_manifests(new, clean=True, touch=not replacing)
        if not replacing:
            return
        self._write_manifests(replacing, clean=False)
        # Another writer may have switched an article since; keep whatever the manifest names now.
        published = self._published_versions({article.id for article, _ in replacing})
        if published:
            # Versions are content hashes that include the URL, so no article's version is another's.
            self._guard(
                "delete old chunks",
                lambda: self._chunks.delete(
                    where={"$and": [{"article_id": {"$in": sorted(published)}},
                                    {"version": {"$nin": sorted(set(published.values()))}}]}
                ),
            )
        mine = [(a, n) for a, n in replacing if published.get(a.id) == a.version]
        self._write_manifests(mine, clean=True, touch=False)

    def _write_manifests(self, entries: Sequence[tuple[Article, int]], *, clean: bool, touch: bool = True) -> None:
        if not entries:
            return
        metadatas = [
            {**_article_metadata(a), "version": a.version, "n_chunks": n, "clean": clean} for a, n in entries
        ]
        for start in range(0, len(entries), self._batch):
            end = start + self._batch
            self._guard(
                "write the manifest",
                lambda start=start, end=end: self._manifest.upsert(
                    ids=[a.id for a, _ in entries[start:end]],
                    embeddings=[[1.0]] * len(entries[start:end]),
                    metadatas=metadatas[start:end],
                ),
            )
        if touch:
            self._touch()

    def articles(self, article_ids: Sequence[str]) -> dict[str, StoredArticle]:
        """The published versions of these articles (those in the store), by id."""
        found: dict[str, StoredArticle] = {}
        unique = sorted(set(article_ids))
        for start in range(0, len(unique), 500):
            batch = unique[start : start + 500]
            result = self._guard("read", lambda batch=batch: self._manifest.get(ids=batch, include=["metadatas"]))
            found.update({aid: _stored_article(aid, meta) for aid, meta in zip(result["ids"], result["metadatas"])})
        return found

    def complete(self, stored: Sequence[StoredArticle]) -> set[str]:
        """Ids of the given published versions whose chunks are all in the store (see `is_complete`)."""
        wanted = {s.id: s for s in stored}
        counts: dict[str, int] = {}
        ids = sorted(wanted)
        for start in range(0, len(ids), 100):
            batch = ids[start : start + 100]
            result = self._guard(
                "read",
                lambda batch=batch: self._chunks.get(where={"article_id": {"$in": batch}}, include=["metadatas"]),
            )
            for meta in result["metadatas"]:
                if wanted[meta["article_id"]].version == meta["version"]:
                    counts[meta["article_id"]] = counts.get(meta["article_id"], 0) + 1
        return {aid for aid, s in wanted.items() if counts.get(aid, 0) == s.n_chunks}

    def incomplete_articles(self) -> list[str]:
        """Ids of published articles missing any chunk of their published version (should be none)."""
        everything = self.all_articles()
        whole: set[str] = set()
        for start in range(0, len(everything), 500):
            whole |= self.complete(everything[start : start + 500])
        return sorted(a.id for a in everything if a.id not in whole)

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
            # Only the bookkeeping flag changes here; searches see nothing new.
            self._write_manifests([(article, stored.n_chunks)], clean=True, touch=False)

    def is_complete(self, stored: StoredArticle) -> bool:
        """True when every chunk of the published version is in the store.

        Two writers racing on one article can leave the manifest naming a version whose
        chunks the other deleted; ingest checks this so that a re-run repairs it.
        """
        return stored.id in self.complete([stored])

    def _touch(self) -> None:
        self.local_changes += 1
        token = uuid.uuid4().hex
        self._guard(
            "write the state", lambda: self._state.upsert(ids=["generation"], embeddings=[[1.0]], metadatas=[{"token": token}])
        )

    def generation(self) -> str:
        """A token that changes whenever any article is published, replaced or deleted (by any process)."""
        found = self._guard("read", lambda: self._state.get(ids=["generation"], include=["metadatas"]))
        return str(found["metadatas"][0]["token"]) if found["ids"] else ""

    def delete_article(self, article_id: str) -> bool:
        """Remove an article and all its chunks; False if it was not there."""
        existed = self.article(article_id) is not None
        # Manifest first: the article disappears from searches before its chunks are removed.
        self._guard("delete", lambda: self._manifest.delete(ids=[article_id]))
        self._touch()
        self._guard("delete", lambda: self._chunks.delete(where={"article_id": article_id}))
        return existed

    def search(
        self,
        embedding: Sequence[float],
        n: int,
        *,
        where: dict[str, Any] | None = None,
        published: Mapping[str, str] | None = None,
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
                query_embeddings=[list(embedding)],
                n_results=wanted,
                where=where,
                include=["documents", "metadatas", "distances"],
            ),
        )
        ids, docs, metas, dists = result["ids"][0], result["documents"][0], result["metadatas"][0], result["distances"][0]
        if published is None:
            published = self._published_versions({m["article_id"] for m in metas})
        found = [
            _scored_chunk(chunk_id, doc, meta, dist)
            for chunk_id, doc, meta, dist in zip(ids, docs, metas, dists)
            if published.get(meta["article_id"]) == meta["version"]
        ]
        return found, len(ids)

    def _published_versions(self, article_ids: set[str]) -> dict[str, str]:
        if not article_ids:
            return {}
        found = self._guard("read", lambda: self._manifest.get(ids=sorted(article_ids), include=["metadatas"]))
        return {aid: meta["version"] for aid, meta in zip(found["ids"], found["metadatas"])}

    def published_versions(self, article_ids: Iterable[str] | None = None) -> dict[str, str]:
        """Article id -> published version, for the given articles or for all of them."""
        if article_ids is not None:
            return self._published_versions(set(article_ids))
        return {a.id: a.version for a in self.all_articles()}

    def chunks_of(self, versions: Mapping[str, str]) -> list[StoredChunk]:
        """Every chunk of the given article versions, in article and reading order."""
        found: list[StoredChunk] = []
        ids = sorted(versions)
        for start in range(0, len(ids), 100):
            batch = ids[start : start + 100]
            result = self._guard(
                "read",
                lambda batch=batch: self._chunks.get(
                    where={"article_id": {"$in": batch}}, include=["documents", "metadatas"]
                ),
            )
            for chunk_id, doc, meta in zip(result["ids"], result["documents"], result["metadatas"]):
                if versions.get(meta["article_id"]) == meta["version"]:
                    found.append(_stored_chunk(chunk_id, doc, meta))
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

    def list_articles(self, *, limit: int = 100, offset: int = 0) -> list[StoredArticle]:
        """Published articles, in the store's order."""
        found = self._guard("read", lambda: self._manifest.get(include=["metadatas"], limit=limit, offset=offset))
        return [_stored_article(aid, meta) for aid, meta in zip(found["ids"], found["metadatas"])]

    def article_count(self) -> int:
        """How many articles are published."""
        return self._guard("count", lambda: self._manifest.count())

    def stats(self) -> dict[str, Any]:
        """Counts a person (or `python -m index stats --json`) can check after an ingest."""
        articles = self.article_count()
        stored_chunks = self._guard("count", lambda: self._chunks.count())
        visible_chunks = sum(a.n_chunks for a in self.all_articles())
        return {
            "collection": self.collection_name,
            "location": self.location,
            "embedder": self._embedder_name,
            "dimension": self._dimension,
            "articles": articles,
            "chunks": visible_chunks,
            "stored_chunks": stored_chunks,
        }

    def all_articles(self) -> list[StoredArticle]:
        """Every published article (read a page at a time)."""
        page, offset, everything = 1000, 0, []
        while batch := self.list_articles(limit=page, offset=offset):
            everything.extend(batch)
            offset += page
        return everything

    def sibling_collection(self, suffix: str) -> Any:
        """A Chroma collection kept beside the chunks (index/sentence_vectors.py), deleted with them by `reset`."""
        if suffix not in SIBLINGS:
            raise ValueError(f"unknown sibling collection {suffix!r}; add it to SIBLINGS so reset deletes it")
        return self._guard(
            "open",
            lambda: self._client.get_or_create_collection(
                f"{self.collection_name}__{suffix}", embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
            ),
        )

    def reset(self) -> None:
        """Delete the collection, its manifest and its siblings; the next open starts empty."""
        for suffix in SIBLINGS:
            # Another process may have made it; opening first means deleting never meets a missing one.
            self.sibling_collection(suffix)
        names = [self.collection_name, f"{self.collection_name}__manifest", f"{self.collection_name}__state"]
        for name in names + [f"{self.collection_name}__{suffix}" for suffix in SIBLINGS]:
            self._guard("reset", lambda name=name: self._client.delete_collection(name))
        self._chunks, self._manifest, self._state = self._guard("open", lambda: self._open_collections())
        self._touch()


def _redacted(url: str) -> str:
    """A URL without credentials, fit for messages and logs."""
    parts = urlsplit(url)
    host = f"{parts.hostname}:{parts.port}" if parts.port else (parts.hostname or "")
    return f"{parts.scheme}://{host}{parts.path}"


def _article_metadata(article: Article) -> dict[str, Any]:
    # Chroma metadata values cannot be None or lists; absent fields are simply left out.
    meta: dict[str, Any] = {"article_id": article.id, "title": article.title, "source": article.source}
    if article.url:
        meta["url"] = article.url
    if article.published_at:
        meta["published_at"] = article.published_iso
        meta["published_ts"] = int(article.published_at.timestamp())
    if article.authors:
        meta["authors"] = "; ".join(article.authors)
    return meta


def _chunk_metadata(article: Article, chunk: Chunk) -> dict[str, Any]:
    # The text is metadata, not a Chroma document: Chroma full-text indexes every document,
    # which Newsdesk never queries (its keyword search is index/lexical.py) and which doubled
    # the cost of each write and added a quarter to the store's size (bench/ingest.py).
    return {
        **_article_metadata(article),
        "version": article.version,
        "seq": chunk.seq,
        "start": chunk.start,
        "end": chunk.end,
        "text": chunk.text,
    }


def _stored_article(article_id: str, meta: dict[str, Any]) -> StoredArticle:
    authors = tuple(a for a in str(meta.get("authors", "")).split("; ") if a)
    return StoredArticle(
        id=article_id,
        version=meta["version"],
        n_chunks=int(meta["n_chunks"]),
        clean=bool(meta["clean"]),
        title=meta.get("title", ""),
        url=meta.get("url"),
        source=meta.get("source", "unknown"),
        published_at=meta.get("published_at"),
        authors=authors,
    )


def _chunk_fields(chunk_id: str, document: str | None, meta: dict[str, Any]) -> dict[str, Any]:
    published_ts = meta.get("published_ts")
    # Stores written before the text moved into metadata keep it as the document.
    text = meta.get("text", document) or ""
    return {
        "chunk_id": chunk_id,
        "article_id": meta["article_id"],
        "version": meta["version"],
        "seq": int(meta.get("seq", 0)),
        "text": text,
        "start": int(meta["start"]),
        "end": int(meta["end"]),
        "title": meta.get("title", ""),
        "url": meta.get("url"),
        "source": meta.get("source", "unknown"),
        "published_at": meta.get("published_at"),
        "published_ts": int(published_ts) if published_ts is not None else None,
    }


def _stored_chunk(chunk_id: str, document: str | None, meta: dict[str, Any]) -> StoredChunk:
    return StoredChunk(**_chunk_fields(chunk_id, document, meta))


def _scored_chunk(chunk_id: str, document: str | None, meta: dict[str, Any], distance: float) -> ScoredChunk:
    return ScoredChunk(**_chunk_fields(chunk_id, document, meta), score=1.0 - float(distance))

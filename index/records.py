"""What the store keeps, as Newsdesk sees it, and its conversion to and from Chroma metadata.

Chroma metadata values cannot be None or lists, so absent fields are left out and authors are
joined with "; ". A chunk's text is metadata too, not a Chroma document: Chroma full-text
indexes every document, which Newsdesk never queries (its keyword search is index/lexical.py)
and which doubled the cost of each write and added a quarter to the store's size
(bench/ingest.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from index.models import Article, Chunk


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


def article_metadata(article: Article) -> dict[str, Any]:
    """The article's fields as Chroma metadata (shared by its manifest entry and its chunks)."""
    meta: dict[str, Any] = {"article_id": article.id, "title": article.title, "source": article.source}
    if article.url:
        meta["url"] = article.url
    if article.published_at:
        meta["published_at"] = article.published_iso
        meta["published_ts"] = int(article.published_at.timestamp())
    if article.authors:
        meta["authors"] = "; ".join(article.authors)
    return meta


def manifest_metadata(article: Article, n_chunks: int, *, clean: bool) -> dict[str, Any]:
    """A manifest entry: the article's fields plus its published version."""
    return {**article_metadata(article), "version": article.version, "n_chunks": n_chunks, "clean": clean}


def chunk_metadata(article: Article, chunk: Chunk) -> dict[str, Any]:
    """A chunk record: its article's fields, its version, its place in the body and its text."""
    return {
        **article_metadata(article),
        "version": article.version,
        "seq": chunk.seq,
        "start": chunk.start,
        "end": chunk.end,
        "text": chunk.text,
    }


def stored_article(article_id: str, meta: dict[str, Any]) -> StoredArticle:
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


def _chunk_fields(chunk_id: str, meta: dict[str, Any]) -> dict[str, Any]:
    published_ts = meta.get("published_ts")
    return {
        "chunk_id": chunk_id,
        "article_id": meta["article_id"],
        "version": meta["version"],
        "seq": int(meta.get("seq", 0)),
        "text": meta.get("text", ""),
        "start": int(meta["start"]),
        "end": int(meta["end"]),
        "title": meta.get("title", ""),
        "url": meta.get("url"),
        "source": meta.get("source", "unknown"),
        "published_at": meta.get("published_at"),
        "published_ts": int(published_ts) if published_ts is not None else None,
    }


def stored_chunk(chunk_id: str, meta: dict[str, Any]) -> StoredChunk:
    return StoredChunk(**_chunk_fields(chunk_id, meta))


def scored_chunk(chunk_id: str, meta: dict[str, Any], distance: float) -> ScoredChunk:
    return ScoredChunk(**_chunk_fields(chunk_id, meta), score=1.0 - float(distance))

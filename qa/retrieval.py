"""Retrieval: the question's nearest chunks in the store, numbered as passages [1..k]."""

from __future__ import annotations

from index import ChromaStore, Embedder

from qa.models import Passage


def retrieve(question: str, *, store: ChromaStore, embedder: Embedder, top_k: int) -> list[Passage]:
    """The `top_k` chunks most similar to the question (cosine), best first, numbered from 1."""
    found = store.search(embedder.embed_query(question), top_k)
    return [
        Passage(
            n=n,
            chunk_id=hit.chunk_id,
            article_id=hit.article_id,
            title=hit.title,
            url=hit.url,
            source=hit.source,
            published_at=hit.published_at,
            text=hit.text,
            start=hit.start,
            end=hit.end,
            score=hit.score,
        )
        for n, hit in enumerate(found, start=1)
    ]

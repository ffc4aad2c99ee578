"""Ingest: sources -> Articles -> chunks -> embeddings -> the store, skipping what has not changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.chunking import Chunker
from index.embedders.base import Embedder
from index.errors import ModelError
from index.loaders import LoadProblem, iter_articles
from index.models import Article
from index.store import ChromaStore


@dataclass
class IngestReport:
    """What one ingest run did; `failed` names every source it could not read, and why."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[LoadProblem] = field(default_factory=list)
    chunks_written: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "failed": [{"location": p.location, "reason": p.reason} for p in self.failed],
            "chunks_written": self.chunks_written,
        }


def ingest(
    sources: Iterable[str | Path],
    *,
    store: ChromaStore,
    embedder: Embedder,
    chunker: Chunker,
    default_source: str | None = None,
    on_item: Callable[[Article | LoadProblem, str], None] | None = None,
) -> IngestReport:
    """Load every source and publish each new or changed article; `on_item(item, outcome)` reports progress.

    Store failures abort the run (nothing else could be written either); a model failure
    or unreadable source is recorded against that article and the run goes on.
    """
    report = IngestReport()
    seen: dict[str, str] = {}
    for item in iter_articles(sources, default_source=default_source):
        if not isinstance(item, LoadProblem) and item.id in seen:
            # Two different texts under one URL would replace each other on every run.
            item = LoadProblem(item.url or item.title, f"same article id as {seen[item.id]!r} earlier in this run; skipped")
        if isinstance(item, LoadProblem):
            report.failed.append(item)
            outcome = "failed"
        else:
            seen[item.id] = item.title
            try:
                outcome, written = ingest_article(item, store=store, embedder=embedder, chunker=chunker)
            except ModelError as exc:
                report.failed.append(LoadProblem(item.url or item.title, exc.message))
                outcome = "failed"
            else:
                report.chunks_written += written
                getattr(report, outcome).append(item.id)
        if on_item is not None:
            on_item(item, outcome)
    return report


def ingest_article(article: Article, *, store: ChromaStore, embedder: Embedder, chunker: Chunker) -> tuple[str, int]:
    """Publish one article unless the store holds this exact version.

    Returns the outcome ('added', 'updated' or 'unchanged') and the number of chunks written.
    """
    stored = store.article(article.id)
    if stored is not None and stored.version == article.version and store.is_complete(stored):
        if not stored.clean:
            # A previous run published this version but stopped before removing the old one.
            store.finish(article)
        return "unchanged", 0
    chunks = chunker.chunk(article)
    embeddings = embedder.embed_documents(chunker.embedding_texts(article, chunks))
    store.publish(article, chunks, embeddings)
    return ("added" if stored is None else "updated"), len(chunks)

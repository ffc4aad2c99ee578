"""Ingest: sources -> Articles -> chunks -> embeddings -> the store, skipping what has not changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.chunking import Chunker
from index.embedders.base import Embedder
from core.errors import ModelError
from index.article_fields import LoadProblem
from index.loaders import iter_articles
from index.models import Article, Chunk
from index.store import ChromaStore


# Chunks embedded per call; see `ingest` for why this many.
BATCH_CHUNKS = 1024


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
    on_item: Callable[[Article | LoadProblem, str, int], None] | None = None,
    batch_chunks: int = BATCH_CHUNKS,
    **load_options: Any,
) -> IngestReport:
    """Load every source and publish each new or changed article; `on_item(item, outcome, chunks_written)` reports progress.

    Articles are checked against the store in windows, chunked, embedded in batches of about
    `batch_chunks` chunks on a worker thread, and written in a few large Chroma calls while the
    next batch is being embedded. Each article still becomes visible in one step (see
    `ChromaStore.publish_many`), so a run killed at any point leaves every article whole or
    absent, and running it again finishes the job. Store failures abort the run (nothing else
    could be written either); a model failure or unreadable source is recorded and the run goes on.

    Why BATCH_CHUNKS = 1024: the embedder pads each model batch to its longest text, and every
    article ends in a short chunk, so the more chunks one call sorts by length, the less it pads
    (bench/ingest.py prints how much: about 2% at 1024, 4% at 512, 7% at 256).
    More would mean longer waits before articles appear (~25 s per 1024 chunks for MiniLM on
    2 cores) and more work lost to a crash.
    """
    items = iter_articles(sources, default_source=default_source, **load_options)
    return ingest_items(items, store=store, embedder=embedder, chunker=chunker, on_item=on_item, batch_chunks=batch_chunks)


def ingest_items(
    items: Iterable[Article | LoadProblem],
    *,
    store: ChromaStore,
    embedder: Embedder,
    chunker: Chunker,
    on_item: Callable[[Article | LoadProblem, str, int], None] | None = None,
    batch_chunks: int = BATCH_CHUNKS,
) -> IngestReport:
    """`ingest` for articles already loaded (the API's JSON bodies); problems among them are reported too."""
    pipeline = _Pipeline(store, embedder, chunker, IngestReport(), on_item, batch_chunks)
    seen: dict[str, str] = {}
    with pipeline:
        for item in items:
            if not isinstance(item, LoadProblem) and item.id in seen:
                # Two different texts under one URL would replace each other on every run.
                item = LoadProblem(item.url or item.title, f"same article id as {seen[item.id]!r} earlier in this run; skipped")
            if isinstance(item, LoadProblem):
                pipeline.fail(item)
                continue
            seen[item.id] = item.title
            pipeline.add(item)
    return pipeline.report


_Batch = list[tuple[Article, list[Chunk], str]]  # article, its chunks, and "added" or "updated"


class _Pipeline:
    """Skip-check, chunk, embed (on a worker thread) and publish, a batch at a time."""

    WINDOW = 64

    def __init__(
        self,
        store: ChromaStore,
        embedder: Embedder,
        chunker: Chunker,
        report: IngestReport,
        on_item: Callable[[Article | LoadProblem, str, int], None] | None,
        batch_chunks: int,
    ) -> None:
        self.store, self.embedder, self.chunker, self.report = store, embedder, chunker, report
        self.on_item = on_item
        self.batch_chunks = max(1, batch_chunks)
        self.window: list[Article] = []
        self.batch: _Batch = []
        self.batch_size = 0
        self.in_flight: tuple[_Batch, Future[list[list[float]]]] | None = None
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsdesk-embed")

    def __enter__(self) -> _Pipeline:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        try:
            if exc_type is None:
                self._check_window()
                self._submit()
                self._write_in_flight()
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def fail(self, problem: LoadProblem) -> None:
        self.report.failed.append(problem)
        self._tell(problem, "failed")

    def add(self, article: Article) -> None:
        self.window.append(article)
        if len(self.window) >= self.WINDOW:
            self._check_window()

    def _check_window(self) -> None:
        articles, self.window = self.window, []
        if not articles:
            return
        stored = self.store.articles([a.id for a in articles])
        same = [stored[a.id] for a in articles if a.id in stored and stored[a.id].version == a.version]
        whole = self.store.complete(same) if same else set()
        for article in articles:
            previous = stored.get(article.id)
            if previous is not None and previous.version == article.version and article.id in whole:
                if not previous.clean:
                    # A previous run published this version but stopped before removing the old one.
                    self.store.finish(article)
                self.report.unchanged.append(article.id)
                self._tell(article, "unchanged")
                continue
            chunks = self.chunker.chunk(article)
            self.batch.append((article, chunks, "added" if previous is None else "updated"))
            self.batch_size += len(chunks)
            if self.batch_size >= self.batch_chunks:
                self._submit()

    def _submit(self) -> None:
        """Start embedding the current batch, then write the one before it while that runs."""
        batch, self.batch, self.batch_size = self.batch, [], 0
        if not batch:
            return
        texts = [t for article, chunks, _ in batch for t in self.chunker.embedding_texts(article, chunks)]
        future = self.pool.submit(self.embedder.embed_documents, texts)
        self._write_in_flight()
        self.in_flight = (batch, future)

    def _write_in_flight(self) -> None:
        if self.in_flight is None:
            return
        batch, future = self.in_flight
        self.in_flight = None
        try:
            vectors = future.result()
        except ModelError as exc:
            for article, _, _ in batch:
                self.fail(LoadProblem(article.url or article.title, exc.message))
            return
        items, cursor = [], 0
        for article, chunks, _ in batch:
            items.append((article, chunks, vectors[cursor : cursor + len(chunks)]))
            cursor += len(chunks)
        self.store.publish_many(items, fresh={article.id for article, _, outcome in batch if outcome == "added"})
        for article, chunks, outcome in batch:
            getattr(self.report, outcome).append(article.id)
            self.report.chunks_written += len(chunks)
            self._tell(article, outcome, len(chunks))

    def _tell(self, item: Article | LoadProblem, outcome: str, chunks: int = 0) -> None:
        if self.on_item is not None:
            self.on_item(item, outcome, chunks)


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

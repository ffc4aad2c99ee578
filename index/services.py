"""Assemble the knowledge base's parts for a given Settings: embedder, store and chunker."""

from __future__ import annotations

from dataclasses import dataclass

from index.chunking import Chunker
from index.embedders import Embedder, build_embedder
from core.settings import Settings
from index.store import ChromaStore
from index.tokens import WordPieceCounter


@dataclass(frozen=True)
class IndexServices:
    settings: Settings
    embedder: Embedder
    store: ChromaStore
    chunker: Chunker


def build_index(settings: Settings, *, embedder: Embedder | None = None, store: ChromaStore | None = None) -> IndexServices:
    """The real parts for `settings`; tests pass fakes for the embedder or store."""
    embedder = embedder or build_embedder(settings)
    store = store or ChromaStore.open(settings, embedder_name=embedder.name, dimension=embedder.dimension)
    # Chunks are sized in MiniLM wordpieces whatever the embedder: a conservative count for larger models too.
    chunker = Chunker(WordPieceCounter(), chunk_tokens=settings.chunk_tokens, overlap_tokens=settings.chunk_overlap)
    return IndexServices(settings=settings, embedder=embedder, store=store, chunker=chunker)

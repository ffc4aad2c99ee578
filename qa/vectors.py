"""Where the answerers and the citation checker get sentence vectors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from index import Embedder


class SentenceVectorSource(Protocol):
    """Unit vectors for sentences (index/sentence_vectors.py reads the ones stored at ingest)."""

    def vectors(self, texts: Sequence[str]) -> np.ndarray: ...


class _Embedded:
    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.embedder.dimension), dtype=np.float32)
        matrix = np.asarray(self.embedder.embed_documents(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return matrix / np.where(norms == 0, 1.0, norms)


def embedded_vectors(embedder: Embedder) -> SentenceVectorSource:
    """A source that embeds every sentence when asked: for answerers built without a store."""
    return _Embedded(embedder)

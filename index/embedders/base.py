"""The Embedder role: texts in, vectors out. One narrow protocol, one file per provider."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable


@runtime_checkable
class Embedder(Protocol):
    name: str
    dimension: int

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        """One unit-length vector per text, in order."""
        ...

    def embed_query(self, text: str) -> list[float]:
        """The vector for a question, comparable with document vectors by cosine."""
        ...

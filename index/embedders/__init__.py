"""Embedders: `build_embedder(settings)` picks the one the settings name."""

from __future__ import annotations

from index.embedders.base import Embedder
from core.settings import Settings


def build_embedder(settings: Settings) -> Embedder:
    """The real embedder for these settings (MiniLM offline by default, or OpenAI)."""
    if settings.embedder == "openai":
        from index.embedders.openai import OpenAIEmbedder

        return OpenAIEmbedder(settings)
    from index.embedders.minilm import MiniLMEmbedder

    return MiniLMEmbedder()


__all__ = ["Embedder", "build_embedder"]

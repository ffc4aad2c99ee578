"""OpenAI embeddings (`text-embedding-3-small` by default) through the official client."""

from __future__ import annotations

from collections.abc import Sequence

from core.openai_client import make_openai_client, translate_openai_errors
from core.settings import Settings

KNOWN_DIMENSIONS = {"text-embedding-3-small": 1536, "text-embedding-3-large": 3072, "text-embedding-ada-002": 1536}
_BATCH = 256


class OpenAIEmbedder:
    """Embeds through any OpenAI-compatible `/embeddings` endpoint."""

    def __init__(self, settings: Settings, *, dimension: int | None = None) -> None:
        self._client = make_openai_client(settings)
        self._model = settings.openai_embedding_model
        self.name = self._model
        self.dimension = dimension or KNOWN_DIMENSIONS.get(self._model, 0) or len(self.embed_query("dimension probe"))

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), _BATCH):
            with translate_openai_errors("embedding model"):
                response = self._client.embeddings.create(model=self._model, input=list(texts[start : start + _BATCH]))
            vectors.extend(item.embedding for item in sorted(response.data, key=lambda d: d.index))
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]

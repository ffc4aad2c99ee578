"""Sentence vectors, computed once at ingest and kept beside the chunks (index/vector_tables.py says where).

Answering needs a vector for every sentence of every retrieved passage: the extractive
answerer ranks them and the support check compares claims with them. Embedding them for each
question made an answer cost ~95 searches. Ingest now embeds each sentence of an article
(its headline, the sentences of its body and of each chunk, since a chunk may start mid-way
through one) once, under a key derived from the text alone: wire copies share their vectors
and a lookup is a read by id. Readers keep a bounded in-process cache. A sentence that is not
stored (a store older than this module, before `python -m index sentences` has run) is
embedded on the spot and cached, so answers stay right, only slower.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from index.embedders.base import Embedder
from index.models import Article, Chunk
from index.sentences import split_sentences
from index.store import ChromaStore, StoredChunk
from index.vector_tables import VectorTable

SUFFIX = "sentences"
_QUOTES = "\"'\u201c\u201d\u2018\u2019 "


def sentence_key(text: str) -> str:
    """The id a sentence's vector is stored under: a hash of its words, ignoring spacing and outer quotes."""
    normal = " ".join(text.split()).strip(_QUOTES)
    return hashlib.blake2b(normal.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def article_sentences(article: Article, chunks: Sequence[Chunk]) -> list[str]:
    """Every text an answer may need a vector for: the headline, body sentences and each chunk's sentences."""
    texts = [article.title] + [s.text for s in split_sentences(article.body)]
    texts += [s.text for c in chunks for s in split_sentences(c.text)]
    return list({sentence_key(t): t for t in texts if t.strip()}.values())


def body_from_chunks(chunks: Sequence[StoredChunk]) -> str:
    """An article's body rebuilt from its stored chunks (their offsets place them; gaps were whitespace)."""
    end = max((c.end for c in chunks), default=0)
    body = [" "] * end
    for chunk in chunks:
        body[chunk.start : chunk.start + len(chunk.text)] = chunk.text
    return "".join(body)


class SentenceVectors:
    """Stored sentence vectors by text, with an LRU cache; thread-safe."""

    def __init__(self, table: VectorTable, embedder: Embedder, *, cache_size: int = 20_000) -> None:
        self._table = table
        self.embedder = embedder
        self.cache_size = cache_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def open(cls, store: ChromaStore, embedder: Embedder, *, cache_size: int = 20_000) -> SentenceVectors:
        return cls(store.vector_table(SUFFIX), embedder, cache_size=cache_size)

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors of the texts as matrix rows: from the cache, then the store, then the embedder."""
        keys = [sentence_key(t) for t in texts]
        found = self._cached(keys)
        wanted = list(dict.fromkeys(k for k in keys if k not in found))
        if wanted:
            found.update(self._read(wanted))
        unknown = {k: t for k, t in zip(keys, texts) if k not in found}
        if unknown:
            found.update(zip(unknown, _unit_rows(self.embedder.embed_documents(list(unknown.values())))))
        self._remember({k: found[k] for k in wanted if k in found})
        if not texts:
            return np.zeros((0, self.embedder.dimension), dtype=np.float32)
        return np.stack([found[k] for k in keys])

    def missing(self, texts: Iterable[str]) -> list[str]:
        """The texts (one per key) whose vectors are not stored yet."""
        by_key = {sentence_key(t): t for t in texts}
        stored = set(self._read(list(by_key), include_vectors=False))
        return [t for k, t in by_key.items() if k not in stored]

    def put(self, texts: Sequence[str], vectors: Sequence[Sequence[float]]) -> None:
        """Store vectors computed elsewhere (ingest embeds them together with the chunks)."""
        if len(texts) != len(vectors):
            raise ValueError("one vector per sentence is required")
        self._table.write([sentence_key(t) for t in texts], np.asarray(vectors, dtype=np.float32))

    def add(self, texts: Iterable[str]) -> int:
        """Embed and store the texts not stored yet; returns how many were added."""
        new = self.missing(texts)
        for start in range(0, len(new), 1024):
            batch = new[start : start + 1024]
            self.put(batch, self.embedder.embed_documents(batch))
        return len(new)

    def count(self) -> int:
        return self._table.count()

    def _cached(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found = {}
        with self._lock:
            for key in keys:
                vector = self._cache.get(key)
                if vector is not None:
                    self._cache.move_to_end(key)
                    found[key] = vector
        return found

    def _remember(self, vectors: dict[str, np.ndarray]) -> None:
        if self.cache_size <= 0 or not vectors:
            return
        with self._lock:
            self._cache.update(vectors)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    def _read(self, keys: Sequence[str], *, include_vectors: bool = True) -> dict[str, np.ndarray]:
        found = self._table.read(keys, include_vectors=include_vectors)
        if include_vectors and found:
            found = dict(zip(found, _unit_rows(list(found.values()))))
        return found


def _unit_rows(vectors: Any) -> list[np.ndarray]:
    matrix = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return list(matrix / np.where(norms == 0, 1.0, norms))


def backfill(store: ChromaStore, vectors: SentenceVectors, *, page: int = 200) -> int:
    """Store the sentence vectors of every published article (stores built before ingest kept them)."""
    articles = store.all_articles()
    added = 0
    for start in range(0, len(articles), page):
        by_article: dict[str, list[StoredChunk]] = {}
        for chunk in store.chunks_of(articles[start : start + page]):
            by_article.setdefault(chunk.article_id, []).append(chunk)
        texts: list[str] = []
        for chunks in by_article.values():
            texts.append(chunks[0].title)
            texts += [s.text for s in split_sentences(body_from_chunks(chunks))]
            texts += [s.text for c in chunks for s in split_sentences(c.text)]
        added += vectors.add(t for t in texts if t.strip())
    return added

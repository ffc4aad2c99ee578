"""BM25 keyword search over the published chunks, kept in step with the Chroma store.

The index lives in memory and is built from the store's own documents, so there is nothing
extra to persist, back up or repair: the store stays the single source of truth, with a
Chroma server as well as with a local folder. Before each search it reads the store's
generation token (one small read); when another process or this one has published, replaced
or deleted an article since, it fetches the chunks of just the changed articles and rebuilds
BM25 over the token lists it already holds. A hit is still checked against the manifest by
the caller, so a search racing an ingest never returns a superseded chunk. Changes made in
this process are seen at once; the token is read at most once per `refresh_seconds`
(NEWSDESK_LEXICAL_REFRESH_SECONDS), so another process's ingest shows up within that time.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import bm25s
import numpy as np
import Stemmer

from index.filters import SearchFilter
from index.store import ChromaStore, StoredChunk

# A standard English stop list plus question words: "What did the SEC say?" searches for "sec say".
STOPWORDS = frozenset(
    "a about above after again against all am an and any are as at be because been before being below between "
    "both but by can could did do does doing down during each few for from further had has have having he her "
    "here hers herself him himself his how i if in into is it its itself just me more most my myself no nor "
    "not now of off on once only or other our ours ourselves out over own same she should so some such than "
    "that the their theirs them themselves then there these they this those through to too under until up "
    "very was we were what when where which while who whom why will with would you your yours yourself "
    "yourselves also said says say tell told".split()
)
# Words, with internal dots, ampersands, hyphens and apostrophes: "Binance.US", "S&P", "co-founder", "Zhao's".
_TOKEN = re.compile(r"[a-z0-9]+(?:[.&'\u2019-][a-z0-9]+)*")
_STEMMER = Stemmer.Stemmer("english")
# bm25s logs every rebuild at DEBUG on its own logger; a server's log should not fill with them.
logging.getLogger("bm25s").setLevel(logging.WARNING)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed terms without stop words; a compound name also yields its parts."""
    terms: list[str] = []
    for token in _TOKEN.findall(text.lower()):
        token = re.sub(r"['\u2019]s?$", "", token)
        parts = [p for p in re.split(r"[.&'\u2019-]", token) if p]
        if len(parts) > 1:
            terms.append(re.sub(r"['\u2019]", "", token))
        terms.extend(_stem(p) for p in parts if p not in STOPWORDS)
    return terms


@dataclass(frozen=True)
class LexicalHit:
    chunk: StoredChunk
    score: float


@dataclass(frozen=True)
class LexicalSnapshot:
    """An immutable BM25 index, the chunks behind it, and the manifest they came from.

    Searches use one while the next is built. `versions` (article id -> published version) is
    a consistent view of the manifest: filtering dense hits by it too means one answer never
    mixes two versions of an article, without a manifest read per query.
    """

    chunks: tuple[StoredChunk, ...]
    retriever: bm25s.BM25 | None
    sources: np.ndarray
    published_ts: np.ndarray  # float seconds, NaN for an undated article
    versions: Mapping[str, str]
    source_names: frozenset[str]


class LexicalIndex:
    """BM25 (bm25s) over every published chunk of a store, refreshed when the store changes."""

    def __init__(self, store: ChromaStore, *, refresh_seconds: float = 1.0, k1: float = 1.2, b: float = 0.75) -> None:
        self._store = store
        self._refresh_seconds = refresh_seconds
        self._checked_at = -math.inf
        self._local_changes = -1
        self._k1, self._b = k1, b
        self._lock = threading.Lock()
        self._generation: str | None = None
        self._versions: dict[str, str] = {}
        self._by_article: dict[str, list[tuple[StoredChunk, list[str]]]] = {}
        self._snapshot = LexicalSnapshot((), None, np.array([], dtype=object), np.array([], dtype=float), {}, frozenset())

    @property
    def size(self) -> int:
        return len(self._snapshot.chunks)

    def sources(self) -> set[str]:
        """The outlets of the indexed articles."""
        return set(self._snapshot.source_names)

    def refresh(self, *, force: bool = False) -> None:
        """Catch up with the store if anything was published, replaced or deleted since the last look.

        Changes made through this process's store are seen at once; other processes' changes
        within `refresh_seconds` (the store's generation token is read at most that often).
        """
        now = time.monotonic()
        local = self._store.local_changes
        if not force and local == self._local_changes and now - self._checked_at < self._refresh_seconds:
            return
        self._checked_at, self._local_changes = now, local
        generation = self._store.generation()
        if generation == self._generation and self._generation is not None:
            return
        with self._lock:
            generation = self._store.generation()
            if generation == self._generation and self._generation is not None:
                return
            published = self._store.published_versions()
            changed = {aid: v for aid, v in published.items() if self._versions.get(aid) != v}
            for gone in set(self._versions) - set(published):
                self._by_article.pop(gone, None)
            fetched: dict[str, list[tuple[StoredChunk, list[str]]]] = {}
            for chunk in self._store.chunks_of(changed):
                fetched.setdefault(chunk.article_id, []).append((chunk, tokenize(f"{chunk.title}\n{chunk.text}")))
            for aid in changed:
                self._by_article[aid] = fetched.get(aid, [])
            self._versions = {aid: v for aid, v in published.items() if aid in self._by_article}
            self._snapshot = self._build()
            self._generation = generation

    def snapshot(self) -> LexicalSnapshot:
        """The current index (call `refresh()` first to catch up with the store)."""
        return self._snapshot

    def _build(self) -> LexicalSnapshot:
        entries = [entry for aid in sorted(self._by_article) for entry in self._by_article[aid]]
        chunks = tuple(chunk for chunk, _ in entries)
        sources = np.array([c.source for c in chunks], dtype=object)
        published = np.array([np.nan if c.published_ts is None else float(c.published_ts) for c in chunks], dtype=float)
        versions, names = dict(self._versions), frozenset(c.source for c in chunks)
        if not entries:
            return LexicalSnapshot(chunks, None, sources, published, versions, names)
        retriever = bm25s.BM25(k1=self._k1, b=self._b)
        # bm25s needs at least one token per document; an empty chunk gets a token nothing matches.
        retriever.index([tokens or ["\x00"] for _, tokens in entries], show_progress=False)
        return LexicalSnapshot(chunks, retriever, sources, published, versions, names)

    def search(
        self, query: str, n: int, *, filter: SearchFilter | None = None, snapshot: LexicalSnapshot | None = None
    ) -> list[LexicalHit]:
        """The `n` best BM25 matches for `query` that pass `filter`, best first (only scores > 0)."""
        if snapshot is None:
            self.refresh()
            snapshot = self._snapshot
        terms = tokenize(query)
        if snapshot.retriever is None or not terms or n <= 0:
            return []
        scores = snapshot.retriever.get_scores(terms)
        if filter is not None and not filter.is_empty:
            scores = np.where(_mask(snapshot, filter), scores, 0.0)
        top = min(n, int(np.count_nonzero(scores > 0)))
        if top == 0:
            return []
        best = np.argpartition(-scores, top - 1)[:top]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [LexicalHit(snapshot.chunks[i], float(scores[i])) for i in best]


def _mask(snapshot: LexicalSnapshot, filter: SearchFilter) -> np.ndarray:
    mask = np.ones(len(snapshot.chunks), dtype=bool)
    if filter.sources:
        mask &= np.isin(snapshot.sources, list(filter.sources))
    if filter.after_ts is not None or filter.before_ts is not None:
        dated = ~np.isnan(snapshot.published_ts)
        mask &= dated
        with np.errstate(invalid="ignore"):
            if filter.after_ts is not None:
                mask &= snapshot.published_ts >= filter.after_ts
            if filter.before_ts is not None:
                mask &= snapshot.published_ts <= filter.before_ts
    return mask

"""BM25 keyword search over the published chunks, kept in step with the Chroma store.

The index lives in memory and is built from the store's own records, so there is nothing
extra to persist, back up or repair: the store stays the single source of truth, with a
Chroma server as well as with a local folder. Before a search it reads the store's
generation token (one small read) at most once per `refresh_seconds`
(NEWSDESK_LEXICAL_REFRESH_SECONDS); changes made through this process's store are seen at
once. When the token moved, the manifest's change log names the articles changed since the
last look, and only their chunks are fetched and indexed (index/bm25.py takes and drops one
document at a time), so one new article costs milliseconds however large the index is.
A hit is still checked against the manifest by the caller, so a search racing an ingest
never returns a superseded chunk.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import Stemmer

from index.bm25 import BM25Index
from index.filters import SearchFilter
from index.records import StoredChunk
from index.store import ChromaStore

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
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_JOINER = re.compile(r"[.&'\u2019-]")
_APOSTROPHE = re.compile(r"['\u2019]")
_STEMMER = Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed terms without stop words; a compound name also yields its parts."""
    terms: list[str] = []
    for token in _TOKEN.findall(text.lower()):
        if token.isalnum():
            # Most words: no apostrophe or joiner, so nothing to strip or split.
            if token not in STOPWORDS:
                terms.append(_stem(token))
            continue
        token = _POSSESSIVE.sub("", token)
        parts = [p for p in _JOINER.split(token) if p]
        if len(parts) > 1:
            terms.append(_APOSTROPHE.sub("", token))
        terms.extend(_stem(p) for p in parts if p not in STOPWORDS)
    return terms


@dataclass(frozen=True)
class LexicalHit:
    chunk: StoredChunk
    score: float


_Fetched = tuple[dict[str, str], set[str], list[tuple[StoredChunk, list[str]]]]


class LexicalIndex:
    """BM25 over every published chunk of a store, caught up incrementally when the store changes."""

    def __init__(self, store: ChromaStore, *, refresh_seconds: float = 1.0, k1: float = 1.2, b: float = 0.75) -> None:
        self._store = store
        self._refresh_seconds = refresh_seconds
        self._checked_at = -math.inf
        self._local_changes = -1
        # One catch-up at a time; `_lock` is held only while the index itself changes or is read.
        self._refresh_lock = threading.Lock()
        self._lock = threading.Lock()
        self._generation: str | None = None
        self._since: float | None = None
        self._bm25 = BM25Index(k1=k1, b=b)
        self._chunks: list[StoredChunk | None] = []
        self._source_codes = np.zeros(1024, dtype=np.int32)
        self._published_ts = np.zeros(1024, dtype=np.float64)
        self._source_ids: dict[str, int] = {}
        self._source_chunks: Counter[str] = Counter()
        self._slots_of: dict[str, list[int]] = {}
        # Replaced, never changed in place: a caller may hold one while the next is made.
        self._versions: Mapping[str, str] = {}

    @property
    def loaded(self) -> bool:
        """True once the index has caught up with the store at least once."""
        return self._generation is not None

    def sources(self) -> set[str]:
        """The outlets of the indexed articles."""
        return {name for name, count in self._source_chunks.items() if count > 0}

    def versions(self) -> Mapping[str, str]:
        """Article id -> version for everything indexed: the manifest as of the last catch-up."""
        return self._versions

    def refresh(self, *, force: bool = False) -> None:
        """Catch up with the store if anything was published, replaced or deleted since the last look.

        Changes made through this process's store are seen at once; other processes' changes
        within `refresh_seconds`. Until the first catch-up has finished every caller waits for it,
        so no search ever runs against an index that has not been loaded.
        """
        if not force and self._fresh():
            return
        with self._refresh_lock:
            if not force and self._fresh():
                return
            local, started = self._store.local_changes, time.time()
            generation = self._store.generation()
            if generation != self._generation:
                self._apply(self._fetch())
                self._generation, self._since = generation, started
            self._checked_at, self._local_changes = time.monotonic(), local

    def _fresh(self) -> bool:
        return (
            self._generation is not None
            and self._store.local_changes == self._local_changes
            and time.monotonic() - self._checked_at < self._refresh_seconds
        )

    def _fetch(self) -> _Fetched:
        """What changed since the last catch-up: new versions, articles gone, and the new chunks with their terms."""
        changed = None if self._since is None else self._store.changes_since(self._since)
        if changed is None:
            entries = self._store.all_articles()
            gone = set(self._versions) - {e.id for e in entries}
        else:
            entries = list(self._store.articles(sorted(changed)).values())
            gone = changed - {e.id for e in entries}
        entries = [e for e in entries if self._versions.get(e.id) != e.version]
        chunks = [(c, tokenize(f"{c.title}\n{c.text}")) for c in self._store.chunks_of(entries)]
        return {e.id: e.version for e in entries}, gone, chunks

    def _apply(self, fetched: _Fetched) -> None:
        updated, gone, chunks = fetched
        with self._lock:
            for aid in gone | set(updated):
                for slot in self._slots_of.pop(aid, ()):
                    self._drop(slot)
            for chunk, tokens in chunks:
                self._add(chunk, tokens)
            versions = {aid: v for aid, v in self._versions.items() if aid not in gone}
            versions.update(updated)
            self._versions = versions
            if self._bm25.needs_compaction:
                self._compact()

    def _add(self, chunk: StoredChunk, tokens: list[str]) -> None:
        slot = self._bm25.add(tokens)
        if slot == len(self._source_codes):
            self._source_codes = np.resize(self._source_codes, 2 * slot)
            self._published_ts = np.resize(self._published_ts, 2 * slot)
        self._chunks.append(chunk)
        self._source_codes[slot] = self._source_ids.setdefault(chunk.source, len(self._source_ids))
        self._published_ts[slot] = np.nan if chunk.published_ts is None else float(chunk.published_ts)
        self._source_chunks[chunk.source] += 1
        self._slots_of.setdefault(chunk.article_id, []).append(slot)

    def _drop(self, slot: int) -> None:
        chunk = self._chunks[slot]
        if chunk is not None:
            self._source_chunks[chunk.source] -= 1
            self._chunks[slot] = None
            self._bm25.remove(slot)

    def _compact(self) -> None:
        keep = self._bm25.compact()
        self._chunks = [self._chunks[i] for i in keep]
        self._source_codes = _grown(self._source_codes[keep])
        self._published_ts = _grown(self._published_ts[keep])
        self._slots_of = {}
        for slot, chunk in enumerate(self._chunks):
            if chunk is not None:
                self._slots_of.setdefault(chunk.article_id, []).append(slot)

    def search(self, query: str, n: int, *, filter: SearchFilter | None = None) -> list[LexicalHit]:
        """The `n` best BM25 matches for `query` that pass `filter`, best first (only scores > 0)."""
        self.refresh()
        terms = tokenize(query)
        if not terms or n <= 0:
            return []
        with self._lock:
            scores = self._bm25.scores(terms)
            hits = np.flatnonzero(scores > 0)
            if filter is not None and not filter.is_empty and len(hits):
                hits = hits[self._mask(hits, filter)]
            if len(hits) > n:
                cut = np.partition(scores[hits], len(hits) - n)[len(hits) - n]
                hits = hits[scores[hits] >= cut]
            chunks = self._chunks
            # Ties go to the earlier article id and chunk, as they always have.
            best = sorted(hits.tolist(), key=lambda s: (-scores[s], chunks[s].article_id, chunks[s].seq))[:n]  # type: ignore[union-attr]
            return [LexicalHit(chunks[s], float(scores[s])) for s in best]  # type: ignore[arg-type]

    def _mask(self, slots: np.ndarray, filter: SearchFilter) -> np.ndarray:
        mask = np.ones(len(slots), dtype=bool)
        if filter.sources:
            codes = [self._source_ids[s] for s in filter.sources if s in self._source_ids]
            mask &= np.isin(self._source_codes[slots], codes)
        if filter.after_ts is not None or filter.before_ts is not None:
            published = self._published_ts[slots]
            mask &= ~np.isnan(published)
            with np.errstate(invalid="ignore"):
                if filter.after_ts is not None:
                    mask &= published >= filter.after_ts
                if filter.before_ts is not None:
                    mask &= published <= filter.before_ts
        return mask


def _grown(column: np.ndarray) -> np.ndarray:
    grown = np.zeros(max(1024, 2 * len(column)), dtype=column.dtype)
    grown[: len(column)] = column
    return grown

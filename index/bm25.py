"""BM25 over an inverted index that takes and drops one document at a time.

bm25s (which Newsdesk used before) precomputes every document's score per term, so one new
document means rebuilding the whole matrix: seconds at 100,000 chunks, once per worker. Here
each term keeps only its postings (document slots and term counts, in growable C arrays);
IDF, the average document length and the length normalisation are computed at query time,
so adding or dropping a document touches only its own terms. The scores are bm25s's
default ("lucene") variant exactly: idf = ln(1 + (N - df + 0.5) / (df + 0.5)) and
tf / (tf + k1 * (1 - b + b * len / avglen)); tests/test_bm25.py holds the two side by side.

Dropped documents leave dead slots behind; when they outnumber the live ones, `compact`
renumbers the live ones (the owner then renumbers its own per-slot columns the same way).
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Sequence

import numpy as np


class _Postings:
    """One term's documents and term counts, in C arrays: an append costs what a list append does."""

    __slots__ = ("docs", "tfs")

    def __init__(self) -> None:
        self.docs = array("i")
        self.tfs = array("f")

    def append(self, doc: int, tf: int) -> None:
        self.docs.append(doc)
        self.tfs.append(tf)

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        # Copies, so that no numpy view pins the buffers while they grow.
        return np.array(self.docs, dtype=np.int32), np.array(self.tfs, dtype=np.float32)


class BM25Index:
    """Slots are handed out by `add` in increasing order; `scores` returns one score per slot."""

    def __init__(self, *, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self._postings: dict[str, _Postings] = {}
        self._lengths = np.zeros(1024, dtype=np.float64)
        self._alive = np.zeros(1024, dtype=bool)
        self.slots = 0
        self.live = 0
        self._total_length = 0.0

    def add(self, tokens: Sequence[str]) -> int:
        """Index a document; returns its slot."""
        slot = self.slots
        if slot == len(self._lengths):
            self._lengths = np.resize(self._lengths, 2 * slot)
            self._alive = np.resize(self._alive, 2 * slot)
        # bm25s gave an empty document one placeholder token; its length stays 1 here too.
        length = max(len(tokens), 1)
        self._lengths[slot], self._alive[slot] = length, True
        for term, tf in Counter(tokens).items():
            postings = self._postings.get(term)
            if postings is None:
                postings = self._postings[term] = _Postings()
            postings.append(slot, tf)
        self.slots += 1
        self.live += 1
        self._total_length += length
        return slot

    def remove(self, slot: int) -> None:
        """Drop a document; its postings stay until `compact` but no longer count or score."""
        if not self._alive[slot]:
            return
        self._alive[slot] = False
        self.live -= 1
        self._total_length -= self._lengths[slot]

    @property
    def needs_compaction(self) -> bool:
        return self.slots - self.live > max(self.live, 1024)

    def compact(self) -> np.ndarray:
        """Renumber the live documents 0..live-1 in slot order; returns the old slots, in new order."""
        keep = np.flatnonzero(self._alive[: self.slots])
        renumber = np.full(self.slots, -1, dtype=np.int64)
        renumber[keep] = np.arange(len(keep))
        for term in list(self._postings):
            postings = self._postings[term]
            docs, tfs = postings.arrays()
            live = self._alive[docs]
            if not live.any():
                del self._postings[term]
                continue
            postings.docs = array("i", renumber[docs[live]].astype(np.int32).tobytes())
            postings.tfs = array("f", tfs[live].tobytes())
        size = max(1024, len(keep))
        lengths = np.zeros(size, dtype=np.float64)
        lengths[: len(keep)] = self._lengths[keep]
        self._lengths, self._alive = lengths, np.zeros(size, dtype=bool)
        self._alive[: len(keep)] = True
        self.slots = len(keep)
        return keep

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """BM25 score of every slot for these query terms (a repeated term counts again, as in bm25s)."""
        scores = np.zeros(self.slots, dtype=np.float64)
        if self.live == 0:
            return scores
        n_docs = self.live
        norm_factor = self.k1 / (self._total_length / n_docs) * self.b
        for term in terms:
            postings = self._postings.get(term)
            if postings is None:
                continue
            docs, tfs = postings.arrays()
            live = self._alive[docs]
            docs, tfs = docs[live], tfs[live]
            if len(docs) == 0:
                continue
            df = len(docs)
            idf = math.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))
            norm = self.k1 * (1.0 - self.b) + norm_factor * self._lengths[docs]
            # A term's postings hold each document once, so plain fancy-index addition is exact.
            scores[docs] += idf * tfs / (norm + tfs)
        return scores

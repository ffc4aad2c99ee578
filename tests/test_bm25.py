"""The in-house BM25 ranks exactly as bm25s did, also after documents come and go."""

from __future__ import annotations

import bm25s
import numpy as np
import pytest
import yaml

from index import Chunker, iter_articles
from index.bm25 import BM25Index
from index.lexical import tokenize
from index.tokens import WordPieceCounter
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def documents() -> list[list[str]]:
    chunker = Chunker(WordPieceCounter(), chunk_tokens=160, overlap_tokens=32)
    docs = []
    for article in iter_articles([SAMPLE]):
        docs.extend(tokenize(f"{article.title}\n{c.text}") for c in chunker.chunk(article))
    return docs


@pytest.fixture(scope="module")
def queries() -> list[list[str]]:
    golden = yaml.safe_load((SAMPLE / "golden.yaml").read_text())
    found = [tokenize(item["question"]) for item in golden["cases"]]
    return [q for q in found if q]


def bm25s_scores(docs: list[list[str]], query: list[str]) -> np.ndarray:
    reference = bm25s.BM25(k1=1.2, b=0.75)
    reference.index([d or ["\x00"] for d in docs], show_progress=False)
    return reference.get_scores(query)


def test_scores_match_bm25s_on_the_sample_corpus(documents, queries):
    index = BM25Index(k1=1.2, b=0.75)
    for doc in documents:
        index.add(doc)
    reference = bm25s.BM25(k1=1.2, b=0.75)
    reference.index([d or ["\x00"] for d in documents], show_progress=False)
    for query in queries:
        expected, got = reference.get_scores(query), index.scores(query)
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
        order = np.argsort(-got, kind="stable")[:10]
        assert list(order) == list(np.argsort(-expected, kind="stable")[:10])


def test_scores_after_removals_and_compaction_match_a_fresh_build(documents, queries):
    index = BM25Index()
    slots = [index.add(doc) for doc in documents]
    dropped = set(slots[::3])
    for slot in dropped:
        index.remove(slot)
    kept = [doc for slot, doc in zip(slots, documents) if slot not in dropped]
    keep = index.compact()
    assert len(keep) == len(kept)
    for query in queries[:20]:
        np.testing.assert_allclose(index.scores(query), bm25s_scores(kept, query), rtol=1e-5, atol=1e-6)


def test_a_removed_document_no_longer_scores_or_counts(documents):
    index = BM25Index()
    first = index.add(["quokka", "island"])
    for doc in documents[:50]:
        index.add(doc)
    index.remove(first)
    assert index.scores(["quokka"])[first] == 0.0
    np.testing.assert_allclose(index.scores(["island"])[1:], bm25s_scores(documents[:50], ["island"]), rtol=1e-5, atol=1e-6)

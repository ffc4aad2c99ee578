"""The per-test copy of the session's sample index is the same as ingesting data/sample, and a test's own."""

import uuid

import numpy as np

from index import ingest
from index.services import build_index
from tests.conftest import SAMPLE, fresh_store

QUESTIONS = ["Did Gensler advise Binance?", "Kraken staking settlement", "What did the CFTC allege against Zhao?"]


def records(client, store):
    """Each collection of the store by role: ids to (vector, metadata); the state token and the change
    log are random and time-stamped by design."""
    found = {}
    for collection in client.list_collections():
        if collection.name.startswith(store.collection_name) and not collection.name.endswith(("__state", "__changes")):
            got = client.get_collection(collection.name).get(include=["embeddings", "metadatas"])
            role = collection.name.removeprefix(store.collection_name)
            found[role] = {i: (np.asarray(e), m) for i, e, m in zip(got["ids"], got["embeddings"], got["metadatas"])}
    return found


def ingest_sample(client, settings, embedder):
    """A new store with data/sample ingested into it the ordinary way."""
    store = fresh_store(client, embedder, f"direct-{uuid.uuid4().hex[:12]}")
    index = build_index(settings, embedder=embedder, store=store)
    assert ingest([SAMPLE], store=store, embedder=embedder, chunker=index.chunker).ok
    return store


def test_a_copied_sample_index_holds_what_an_ingest_writes(services, settings, embedder, ephemeral_client):
    ingested = ingest_sample(ephemeral_client, settings, embedder)
    copied, direct = records(ephemeral_client, services.index.store), records(ephemeral_client, ingested)
    assert copied.keys() == direct.keys() == {"", "__manifest", "__sentences"}
    for role, rows in direct.items():
        assert copied[role].keys() == rows.keys()
        for record_id, (vector, metadata) in rows.items():
            assert copied[role][record_id][1] == metadata
            # Chroma hands back cosine vectors normalized in float32, so a copy can differ in the last bit.
            assert np.allclose(copied[role][record_id][0], vector, rtol=0, atol=1e-7)
    assert services.index.store.generation() and services.index.store.incomplete_articles() == []


def test_a_copied_sample_index_answers_searches_as_an_ingested_one(services, settings, embedder, ephemeral_client):
    ingested = ingest_sample(ephemeral_client, settings, embedder)
    for question in QUESTIONS:
        vector = embedder.embed_query(question)
        copied = [(c.chunk_id, round(c.score, 5)) for c in services.index.store.search(vector, 10)]
        assert copied == [(c.chunk_id, round(c.score, 5)) for c in ingested.search(vector, 10)]


def test_what_one_test_writes_to_its_copy_is_not_in_another(settings, embedder, ephemeral_client, sample_indexes):
    mine, theirs = (fresh_store(ephemeral_client, embedder, f"copy-{uuid.uuid4().hex[:12]}") for _ in range(2))
    sample_indexes.fill(mine, settings, embedder)
    sample_indexes.fill(theirs, settings, embedder)
    victim = mine.list_articles(limit=1)[0].id
    assert mine.delete_article(victim)
    assert mine.article(victim) is None
    assert theirs.article(victim) is not None
    assert theirs.stats()["articles"] == mine.stats()["articles"] + 1

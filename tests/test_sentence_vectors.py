"""Sentence vectors stored at ingest: answers embed only the question; old stores are backfilled."""

from __future__ import annotations

from index import Article
from index.sentence_vectors import SentenceVectors, backfill, sentence_key
from qa.answering import answer_question


def test_ingest_stores_a_vector_for_every_sentence_and_headline(services):
    assert services.index.sentences.count() > 100
    assert services.index.sentences.missing(["Did Gensler advise Binance?"]) == ["Did Gensler advise Binance?"]


def test_an_extractive_answer_embeds_only_the_question(services, embedder):
    question = "How much did Kraken agree to pay the SEC?"
    answer_question(question, services=services)  # the question's vector is cached from now on
    embedder.calls.clear()
    answer = answer_question(question, services=services)
    assert not answer.refused
    assert embedder.calls == []


def test_an_llm_answer_embeds_only_its_own_new_sentences(llm_services, chat, embedder):
    chat.enqueue("Kraken agreed to pay 30 million dollars to settle [1].")
    embedder.calls.clear()
    answer_question("How much did Kraken agree to pay the SEC?", services=llm_services)
    embedded = [text for call in embedder.calls for text in call]
    assert embedded and all("Kraken agreed to pay 30 million dollars" in t or "How much" in t for t in embedded)


def test_quotes_and_spacing_do_not_change_a_sentences_key():
    assert sentence_key("\u201cKraken  agreed to pay.\u201d") == sentence_key("Kraken agreed to pay.")


def test_backfill_stores_the_vectors_a_store_from_before_lacked(services, embedder):
    stored = services.index.sentences.count()
    services.index.store.vector_table("sentences").clear()
    vectors = SentenceVectors.open(services.index.store, embedder)
    assert vectors.count() == 0
    assert backfill(services.index.store, vectors) == stored == vectors.count()


def test_reset_removes_the_sentence_vectors_too(services):
    services.index.store.reset()
    assert SentenceVectors.open(services.index.store, services.index.embedder).count() == 0


def test_the_headline_and_sentences_of_a_new_article_are_stored_before_it_is_searchable(services):
    from index import ingest_items

    article = Article(id="ferry", title="Dunmore ferry resumes", body="The Dunmore ferry resumed service on Monday after repairs.",
                      url="https://example.test/ferry", source="Test Wire")
    ingest_items([article], store=services.index.store, embedder=services.index.embedder, chunker=services.index.chunker)
    assert services.index.sentences.missing(["Dunmore ferry resumes", "The Dunmore ferry resumed service on Monday after repairs."]) == []


def test_an_embedded_store_keeps_sentence_vectors_in_a_sqlite_file_not_a_chroma_collection(settings, embedder):
    # Chroma's local HNSW files can be torn by a kill -9 mid-persist; vectors read only by key need none.
    from index import build_index, ingest_items
    from index.store import ChromaStore
    from index.vector_tables import SqliteVectorTable

    store = ChromaStore.open(settings, embedder_name=embedder.name, dimension=embedder.dimension)
    index = build_index(settings, embedder=embedder, store=store)
    article = Article(id="ferry", title="Dunmore ferry resumes", body="The Dunmore ferry resumed service on Monday.",
                      url="https://example.test/ferry", source="Test Wire")
    ingest_items([article], store=store, embedder=embedder, chunker=index.chunker, sentences=index.sentences)

    path = settings.chroma_path / f"{settings.collection}__sentences.sqlite3"
    assert not any(c.name.endswith("__sentences") for c in store._client.list_collections())
    elsewhere = SqliteVectorTable(path)  # what another process opening the folder reads
    assert elsewhere.count() == index.sentences.count() == 2
    stored = elsewhere.read([sentence_key("Dunmore ferry resumes")])
    assert list(stored) == [sentence_key("Dunmore ferry resumes")] and stored[sentence_key("Dunmore ferry resumes")].shape == (embedder.dimension,)
    assert elsewhere.read([sentence_key("never stored")]) == {}

    store.reset()
    assert elsewhere.count() == 0


def test_a_sqlite_vector_table_that_cannot_be_opened_is_store_unavailable_naming_no_folder(tmp_path):
    import pytest

    from core.errors import StoreUnavailable
    from index.vector_tables import SqliteVectorTable

    (tmp_path / "t.sqlite3").mkdir()
    with pytest.raises(StoreUnavailable) as raised:
        SqliteVectorTable(tmp_path / "t.sqlite3")
    assert str(tmp_path) not in str(raised.value)


def test_an_embedded_store_from_before_sqlite_has_its_sentence_vectors_moved_once(settings, embedder):
    import numpy as np

    from index.connection import open_chroma_client
    from index.store import ChromaStore

    client = open_chroma_client(settings)
    old = client.get_or_create_collection(f"{settings.collection}__sentences", embedding_function=None,
                                          configuration={"hnsw": {"space": "cosine"}})
    keys = [sentence_key(f"Sentence number {i} of an older store.") for i in range(1500)]
    vectors = np.random.default_rng(3).standard_normal((1500, embedder.dimension)).astype(np.float32)
    old.add(ids=keys, embeddings=vectors)

    store = ChromaStore.open(settings, embedder_name=embedder.name, dimension=embedder.dimension)
    table = store.vector_table("sentences")
    assert table.count() == 1500
    moved = table.read(keys[:3] + keys[-2:])
    assert all(np.allclose(moved[k] / np.linalg.norm(moved[k]), v / np.linalg.norm(v), atol=1e-5)
               for k, v in zip(keys[:3] + keys[-2:], list(vectors[:3]) + list(vectors[-2:])))
    assert f"{settings.collection}__sentences" not in {c.name for c in client.list_collections()}

"""Fixtures: settings, a fresh store, services built with fakes, and the app, client and CLI runner.

Every test gets its own collections, so a test may write to its store without touching any other
test. `services` fills them with data/sample by copying the records of an index built once per
session: copying costs less than half of chunking, embedding and ingesting it for every test.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings
from flask import Flask
from werkzeug.serving import make_server

from core import Settings
from index import ChromaStore, build_index, ingest
from qa import Services, build_services
from tests.fakes import FakeChatModel, FakeEmbedder
from web import create_app

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


@pytest.fixture(scope="session")
def ephemeral_client() -> object:
    return chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    # The fake embedder's similarities run lower than MiniLM's, hence its own threshold. They are
    # noise as to meaning, so hybrid search's last step (the passage an answer would lead with goes
    # first) is off here: tests that pin a canned reply's [1] pin fusion's order. It is tested on its
    # own (tests/test_answer_rank.py) and with MiniLM (tests/test_real_model.py).
    return Settings(chroma_path=tmp_path / "chroma", min_score=0.15, support_similarity=0.3, answer_depth=0)


@pytest.fixture
def embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def store(ephemeral_client: object, embedder: FakeEmbedder) -> ChromaStore:
    return fresh_store(ephemeral_client, embedder, f"test-{uuid.uuid4().hex[:12]}")


@pytest.fixture
def chat() -> FakeChatModel:
    return FakeChatModel()


class SampleIndexes:
    """data/sample ingested once per embedder and chunk size, copied record by record into a test's store.

    The copy works on the raw Chroma collections, so it does not depend on the store's API: a
    store is its collection plus siblings named `<collection>__<role>` (manifest, state), and
    every sibling is copied as it is, ids, vectors and metadata.
    """

    def __init__(self, client: Any) -> None:
        self._client = client
        self._records: dict[tuple[object, ...], dict[str, Any]] = {}

    def fill(self, store: ChromaStore, settings: Settings, embedder: FakeEmbedder) -> None:
        key = (type(embedder), embedder.name, embedder.dimension, settings.chunk_tokens, settings.chunk_overlap)
        if key not in self._records:
            self._records[key] = self._build(settings, embedder)
        for suffix, records in self._records[key].items():
            if records["ids"]:
                collection = self._client.get_or_create_collection(f"{store.collection_name}{suffix}")
                collection.add(ids=records["ids"], embeddings=records["embeddings"], metadatas=records["metadatas"])

    def _build(self, settings: Settings, embedder: FakeEmbedder) -> dict[str, Any]:
        name = f"sample-{uuid.uuid4().hex[:12]}"
        index = build_index(settings, embedder=embedder, store=fresh_store(self._client, embedder, name))
        report = ingest([SAMPLE], store=index.store, embedder=embedder, chunker=index.chunker)
        assert report.ok, report.failed
        siblings = [c.name for c in self._client.list_collections() if c.name == name or c.name.startswith(f"{name}__")]
        return {
            sibling.removeprefix(name): self._client.get_collection(sibling).get(include=["embeddings", "metadatas"])
            for sibling in siblings
        }


def fresh_store(client: Any, embedder: FakeEmbedder, name: str) -> ChromaStore:
    return ChromaStore(client, name, embedder_name=embedder.name, dimension=embedder.dimension)


@pytest.fixture(scope="session")
def sample_indexes(ephemeral_client: object) -> SampleIndexes:
    return SampleIndexes(ephemeral_client)


@pytest.fixture
def services(settings: Settings, embedder: FakeEmbedder, store: ChromaStore, sample_indexes: SampleIndexes) -> Services:
    """Extractive answering over the sample corpus, with the fake embedder."""
    sample_indexes.fill(store, settings, embedder)
    return build_services(settings, embedder=embedder, store=store)


@pytest.fixture
def llm_services(services: Services, chat: FakeChatModel) -> Services:
    """The same index answered by the fake chat model."""
    return build_services(services.settings, embedder=services.index.embedder, store=services.index.store, chat_model=chat)


@pytest.fixture
def app(services: Services):  # type: ignore[no-untyped-def]
    return create_app(services=services)


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    return app.test_client()


@pytest.fixture
def llm_client(llm_services: Services):  # type: ignore[no-untyped-def]
    return create_app(services=llm_services).test_client()


@pytest.fixture
def serve() -> Iterator[Callable[[Flask], str]]:
    """Serve an app on a loopback port in a thread (real HTTP for real clients); gives its base URL."""
    servers = []

    def start(app: Flask) -> str:
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()

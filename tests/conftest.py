"""Fixtures: settings, a fresh store, services built with fakes, and the app, client and CLI runner."""

from __future__ import annotations

import uuid
from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from core import Settings
from index import ChromaStore, ingest
from qa import Services, build_services
from tests.fakes import FakeChatModel, FakeEmbedder
from web import create_app

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


@pytest.fixture(scope="session")
def ephemeral_client() -> object:
    return chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    # The fake embedder's similarities run lower than MiniLM's, hence its own threshold.
    return Settings(chroma_path=tmp_path / "chroma", min_score=0.15, support_similarity=0.3)


@pytest.fixture
def embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def store(ephemeral_client: object, embedder: FakeEmbedder) -> ChromaStore:
    return ChromaStore(
        ephemeral_client, f"test-{uuid.uuid4().hex[:12]}", embedder_name=embedder.name, dimension=embedder.dimension
    )


@pytest.fixture
def chat() -> FakeChatModel:
    return FakeChatModel()


@pytest.fixture
def services(settings: Settings, embedder: FakeEmbedder, store: ChromaStore) -> Services:
    """Extractive answering over the sample corpus, with the fake embedder."""
    built = build_services(settings, embedder=embedder, store=store)
    report = ingest([SAMPLE], store=built.index.store, embedder=embedder, chunker=built.index.chunker)
    assert report.ok, report.failed
    return built


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

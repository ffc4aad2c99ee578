"""The app with the fake embedder, for tests that run Newsdesk as a separate gunicorn process.

    gunicorn --config gunicorn.conf.py "tests.served:live()"

Another process can only be configured through its environment, so each factory reads it with
`Settings.from_env`, as `create_app()` does; only the embedder (and what it needs) is swapped.
- `live()`: the real start-up (store claimed, warm-up in the background) over CHROMA_PATH or
  CHROMA_URL, with the relevance thresholds tests/conftest.py uses for the fake embedder;
- `sample()`: the sample articles in the configured store, answered by whatever
  OpenAI-compatible server OPENAI_BASE_URL names (the fake one), ready at once;
- `in_memory()`: an empty in-memory store of the worker's own.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings
from flask import Flask

from core import Settings
from index import ChromaStore, ingest
from qa import Services, build_services
from tests.fakes import FakeEmbedder
from web import create_app

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


def _build(settings: Settings) -> Services:
    return build_services(settings, embedder=FakeEmbedder())


def live() -> Flask:
    settings = Settings.from_env(os.environ).replace(min_score=0.15, support_similarity=0.3)
    return create_app(settings, build=_build)


def sample() -> Flask:
    services = _build(Settings.from_env(os.environ))
    if services.index.store.article_count() == 0:
        ingest([SAMPLE], store=services.index.store, embedder=services.index.embedder, chunker=services.index.chunker)
    return create_app(services=services)


def in_memory() -> Flask:
    embedder = FakeEmbedder()
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    store = ChromaStore(client, f"w-{uuid.uuid4().hex[:8]}", embedder_name=embedder.name, dimension=embedder.dimension)
    return create_app(services=build_services(Settings.from_env(os.environ), embedder=embedder, store=store))

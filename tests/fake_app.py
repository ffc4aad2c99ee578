"""`gunicorn "tests.fake_app:create()"`: the app with the fake embedder over an empty in-memory store.

For tests that need real gunicorn workers without loading the real model.
"""

from __future__ import annotations

import os
import uuid

import chromadb
from chromadb.config import Settings as ChromaSettings

from core import Settings
from index import ChromaStore
from qa import build_services
from tests.fakes import FakeEmbedder
from web import create_app


def create():  # type: ignore[no-untyped-def]
    embedder = FakeEmbedder()
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    store = ChromaStore(client, f"w-{uuid.uuid4().hex[:8]}", embedder_name=embedder.name, dimension=embedder.dimension)
    settings = Settings.from_env(os.environ)
    return create_app(services=build_services(settings, embedder=embedder, store=store))

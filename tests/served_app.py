"""An app for a real gunicorn in tests and bench/stress.py: `gunicorn "tests.served_app:create()"`.

The sample articles in a throwaway store (CHROMA_PATH), the fake embedder, and answers from whatever
OpenAI-compatible server OPENAI_BASE_URL names (the fake one). The environment is the only way to
configure another process, so this reads it through `Settings.from_env` like `create_app()` does.
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

from core.settings import Settings
from index import ingest
from qa import build_services
from tests.fakes import FakeEmbedder
from web import create_app

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


def create() -> Flask:
    """Build the app once per worker, with the sample articles ingested."""
    settings = Settings.from_env(os.environ)
    services = build_services(settings, embedder=FakeEmbedder())
    if services.index.store.article_count() == 0:
        ingest([SAMPLE], store=services.index.store, embedder=services.index.embedder, chunker=services.index.chunker)
    return create_app(services=services)


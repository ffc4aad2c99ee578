"""`python -m tests.mcp_stdio_server`: `web.mcp`'s stdio server over the sample corpus, with the fake embedder.

What `python -m web.mcp` does, minus loading the real model: the stdio test stays fast.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings

from core import Settings
from index import ChromaStore, ingest
from qa import build_services
from tests.conftest import SAMPLE
from tests.fakes import FakeEmbedder
from web.mcp import build_mcp_server

if __name__ == "__main__":
    embedder = FakeEmbedder()
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    store = ChromaStore(client, "stdio-test", embedder_name=embedder.name, dimension=embedder.dimension)
    settings = Settings(chroma_path=Path(tempfile.mkdtemp()) / "chroma", min_score=0.15, support_similarity=0.3)
    services = build_services(settings, embedder=embedder, store=store)
    ingest([SAMPLE], store=store, embedder=embedder, chunker=services.index.chunker)
    build_mcp_server(services).run("stdio")

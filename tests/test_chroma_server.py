"""The same store code against a real Chroma server (`chroma run`), reached through HttpClient."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index import Settings, build_index, ingest
from index.errors import EmbedderMismatch, StoreUnavailable
from tests.conftest import SAMPLE
from tests.fakes import FakeEmbedder

pytestmark = pytest.mark.chroma_server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    port = free_port()
    chroma = Path(sys.executable).parent / "chroma"
    log = tmp_path_factory.mktemp("chroma-log") / "server.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [str(chroma), "run", "--path", str(tmp_path_factory.mktemp("chroma-server")), "--host", "127.0.0.1", "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"chroma run exited: {log.read_text()[-2000:]}")
                time.sleep(0.2)
        else:
            pytest.fail("chroma run did not start listening within 60 s")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_ingest_is_idempotent_and_searchable_over_http(chroma_url):
    settings = Settings(chroma_url=chroma_url, collection="server-test")
    index = build_index(settings, embedder=FakeEmbedder())
    first = ingest([SAMPLE], store=index.store, embedder=index.embedder, chunker=index.chunker)
    again = ingest([SAMPLE], store=index.store, embedder=index.embedder, chunker=index.chunker)
    assert len(first.added) >= 15 and again.added == [] and len(again.unchanged) == len(first.added)
    stats = index.store.stats()
    assert stats["location"] == chroma_url and stats["chunks"] == stats["stored_chunks"] == first.chunks_written
    hits = index.store.search(index.embedder.embed_query("Kraken staking settlement"), 3)
    assert "Kraken" in hits[0].title


def test_a_server_collection_refuses_another_embedder(chroma_url):
    build_index(Settings(chroma_url=chroma_url, collection="server-mismatch"), embedder=FakeEmbedder())
    with pytest.raises(EmbedderMismatch):
        build_index(Settings(chroma_url=chroma_url, collection="server-mismatch"), embedder=FakeEmbedder(dimension=64))


def test_a_server_that_is_down_is_a_clear_error():
    with pytest.raises(StoreUnavailable, match="cannot open the Chroma store at http://127.0.0.1"):
        build_index(Settings(chroma_url=f"http://127.0.0.1:{free_port()}"), embedder=FakeEmbedder())

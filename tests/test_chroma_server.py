"""The same store code against a real Chroma server (`chroma run`), reached through HttpClient."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core import Settings
from index import build_index, ingest
from core.errors import EmbedderMismatch, StoreUnavailable
from tests.live import free_port
from tests.conftest import SAMPLE
from tests.fakes import FakeEmbedder

pytestmark = pytest.mark.chroma_server


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


def test_hybrid_search_and_filters_over_http_follow_another_writer(chroma_url, tmp_path):
    from qa import SearchOptions, build_services

    settings = Settings(chroma_url=chroma_url, collection="server-hybrid", lexical_refresh_seconds=0)
    reader = build_services(settings, embedder=FakeEmbedder())
    writer = build_index(settings, embedder=FakeEmbedder())  # a second client, as an ingest process would be
    ingest([SAMPLE], store=writer.store, embedder=writer.embedder, chunker=writer.chunker)
    found = reader.retriever.retrieve("Payward Ventures", top_k=3, options=SearchOptions(mode="lexical")).passages
    assert found and "Kraken" in found[0].title
    wire = SearchOptions.parse(filters={"source": "Meridian Wire"})
    assert all(p.source == "Meridian Wire" for p in reader.retriever.retrieve("Gensler", top_k=5, options=wire).passages)

    story = tmp_path / "quokka.md"
    story.write_text("---\ntitle: Quokka census\nsource: Island Post\nurl: https://island.example/quokka\n---\n"
                     "Rangers counted 9,000 quokkas on the island this spring.\n")
    ingest([story], store=writer.store, embedder=writer.embedder, chunker=writer.chunker)
    assert reader.retriever.retrieve("quokkas", top_k=3, options=SearchOptions(mode="lexical")).passages[0].title == "Quokka census"
    (quokka,) = [a for a in writer.store.list_articles(limit=100) if a.title == "Quokka census"]
    writer.store.delete_article(quokka.id)
    assert reader.retriever.retrieve("quokkas", top_k=3, options=SearchOptions(mode="lexical")).passages == []

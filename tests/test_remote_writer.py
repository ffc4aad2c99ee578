"""The CLI's handoff client against a real HTTP server: outcomes, progress and per-item failures as a direct ingest reports them."""

from __future__ import annotations

import os
import threading

import pytest
from werkzeug.serving import make_server

from index.loaders import LoadProblem, iter_articles
from index.ownership import Handoff
from index.remote import RemoteWriter
from qa import build_services
from tests.conftest import SAMPLE
from web import create_app

KEY = "local-credential-for-tests"


@pytest.fixture
def remote(settings, embedder, store):  # type: ignore[no-untyped-def]
    services = build_services(settings.replace(api_keys=KEY), embedder=embedder, store=store)
    server = make_server("127.0.0.1", 0, create_app(services=services), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield RemoteWriter(Handoff(url=f"http://127.0.0.1:{server.server_port}", token=KEY, pid=os.getpid()),
                           max_body_bytes=services.settings.max_upload_bytes), services
    finally:
        server.shutdown()


def test_articles_handed_over_are_reported_added_then_unchanged_with_progress(remote):
    writer, services = remote
    seen: list[str] = []
    first = writer.ingest(iter_articles([SAMPLE]), on_item=lambda item, outcome, _: seen.append(outcome))
    assert len(first.added) >= 15 and first.ok and seen == ["added"] * len(first.added)
    assert first.chunks_written == services.index.store.stats()["chunks"]
    again = writer.ingest(iter_articles([SAMPLE]))
    assert again.added == [] and len(again.unchanged) == len(first.added)


def test_unreadable_sources_and_oversized_articles_are_per_item_failures(remote):
    writer, _ = remote
    (article,) = [a for a in iter_articles([SAMPLE]) if "Kraken" in a.title][:1]
    huge = article.__class__(**{**article.__dict__, "id": "huge", "body": "word " * 2_000_000, "url": "https://x.example/huge"})
    report = writer.ingest([LoadProblem("broken.md", "no body"), huge, article])
    assert [p.location for p in report.failed] == ["broken.md", "https://x.example/huge"]
    assert "NEWSDESK_MAX_UPLOAD_BYTES" in report.failed[1].reason
    assert report.added == [article.id]


def test_delete_and_stats_go_through_the_server(remote):
    writer, services = remote
    (article,) = [a for a in iter_articles([SAMPLE]) if "Kraken" in a.title][:1]
    writer.ingest([article])
    assert writer.stats()["articles"] == 1
    assert writer.delete(article.id) and not writer.delete(article.id)
    assert services.index.store.article_count() == 0

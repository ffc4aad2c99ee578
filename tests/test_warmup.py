"""Start-up: /readyz and requests tell the truth while the model and index load, and after a failed start."""

from __future__ import annotations

import stat
import threading

import pytest

from core.errors import EmbedderMismatch, StoreBusy
from index import Article
from index.loaders import article_from_fields, iter_articles
from index.ownership import StoreLock
from index.remote import article_fields
from tests.conftest import SAMPLE
from web import create_app


@pytest.fixture
def gate():
    opened = threading.Event()
    yield opened
    opened.set()


def gated_app(settings, services, gate):  # type: ignore[no-untyped-def]
    def build(_settings):  # type: ignore[no-untyped-def]
        gate.wait(30)
        return services

    return create_app(settings, build=build)


def test_readyz_is_503_warming_up_with_retry_after_until_start_up_finishes(settings, services, gate):
    app = gated_app(settings, services, gate)
    client = app.test_client()
    warming = client.get("/readyz")
    assert warming.status_code == 503 and warming.get_json()["error"]["code"] == "warming_up"
    assert warming.headers["Retry-After"].isdigit()
    assert client.get("/healthz").status_code == 200
    gate.set()
    app.extensions["newsdesk"].services(wait=60)  # start-up has finished
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.get_json()["keyword_index"]["articles"] >= 15


def test_a_question_during_warm_up_waits_a_bounded_time_then_gets_503_warming_up(settings, services, gate, monkeypatch):
    monkeypatch.setattr("web.warmup.WAIT_SECONDS", 0.2)
    client = gated_app(settings, services, gate).test_client()
    response = client.post("/api/v1/ask", json={"question": "Did Gensler advise Binance?"})
    assert response.status_code == 503 and response.get_json()["error"]["code"] == "warming_up"
    assert "Retry-After" in response.headers


def test_a_failed_start_up_makes_readyz_say_why(settings):
    def build(_settings):  # type: ignore[no-untyped-def]
        raise EmbedderMismatch("collection 'articles' was built by another embedder")

    app = create_app(settings, build=build)
    with pytest.raises(EmbedderMismatch):
        app.extensions["newsdesk"].services(wait=60)
    failed = app.test_client().get("/readyz")
    assert failed.status_code == 503 and failed.get_json()["error"]["code"] == "embedder_mismatch"


def test_a_second_app_on_one_embedded_store_is_refused_naming_chroma_url(settings, services, gate):
    gated_app(settings, services, gate)
    with pytest.raises(StoreBusy, match="CHROMA_URL"):
        create_app(settings, build=lambda _s: services)


def test_the_handoff_file_is_private_and_removed_when_its_server_lets_go(tmp_path):
    lock = StoreLock(tmp_path / "chroma")
    assert lock.acquire("the Newsdesk server")
    handoff = lock.publish_handoff("http://127.0.0.1:5000")
    assert stat.S_IMODE(lock.handoff_path.stat().st_mode) == 0o600
    assert StoreLock(tmp_path / "chroma").handoff() == handoff
    assert not StoreLock(tmp_path / "chroma").acquire("`python -m index ingest`")
    lock.release()
    assert not lock.handoff_path.exists()
    assert StoreLock(tmp_path / "chroma").acquire("`python -m index ingest`")


def test_articles_sent_to_the_server_keep_their_id_and_version():
    for article in iter_articles([SAMPLE]):
        assert isinstance(article, Article)
        again = article_from_fields(article_fields(article))
        assert (again.id, again.version) == (article.id, article.version)

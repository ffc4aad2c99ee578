"""The server side of the pages: sign-in, CSRF, adding without JavaScript, the articles list and article pages."""

import dataclasses
import re

import pytest

from core.settings import Settings
from web import create_app
from web.session import secret_key

KEY = "page-test-key-0123456789"


@pytest.fixture
def keyed(services):
    return create_app(services=dataclasses.replace(services, settings=services.settings.replace(api_keys=KEY))).test_client()


def token(page: bytes) -> str:
    return re.search(rb'name="csrf_token" value="([^"]+)"', page).group(1).decode()


def sign_in(client) -> None:
    page = client.get("/signin").data
    response = client.post("/signin", data={"key": KEY, "csrf_token": token(page), "next": "/articles/add"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/articles/add")


def test_without_keys_the_sign_in_page_says_how_to_enable_adding(client):
    response = client.get("/articles/add", follow_redirects=True)
    assert b"NEWSDESK_API_KEYS" in response.data and b'name="key"' not in response.data


def test_a_form_post_without_its_csrf_token_is_a_400(keyed):
    assert keyed.post("/signin", data={"key": KEY}).status_code == 400
    sign_in(keyed)
    response = keyed.post("/articles/add", data={"text": "Title\n\nBody text here."})
    assert response.status_code == 400 and b"Reload the page" in response.data


def test_a_wrong_key_is_refused_in_words(keyed):
    page = keyed.get("/signin").data
    response = keyed.post("/signin", data={"key": "not-the-key-at-all-123", "csrf_token": token(page)})
    assert response.status_code == 401 and b"not one of this server" in response.data
    assert keyed.get("/articles/add").status_code == 302


def test_sign_in_never_redirects_off_the_site(keyed):
    page = keyed.get("/signin").data
    response = keyed.post("/signin", data={"key": KEY, "csrf_token": token(page), "next": "//evil.example/x"})
    assert response.headers["Location"] == "/articles/add"


def test_adding_pasted_text_without_javascript_reports_each_article(keyed):
    sign_in(keyed)
    page = keyed.get("/articles/add").data
    response = keyed.post(
        "/articles/add",
        data={"text": "Walrus census finished\n\nThe walrus census on the ice shelf finished on Monday.", "csrf_token": token(page)},
    )
    assert response.status_code == 200 and b"Walrus census finished" in response.data and b"1 added" in response.data


def test_an_uploaded_file_of_the_wrong_type_is_named_without_a_server_path(keyed):
    from io import BytesIO

    sign_in(keyed)
    page = keyed.get("/articles/add").data
    response = keyed.post(
        "/articles/add",
        data={"files": [(BytesIO(b"x"), "notes.pdf"), (BytesIO(b"Otter\n\nOtters float."), "otter.md")], "csrf_token": token(page)},
        content_type="multipart/form-data",
    )
    assert b"notes.pdf" in response.data and b"1 added" in response.data and b"/tmp" not in response.data


def test_the_articles_list_filters_by_outlet_and_title_and_pages(client):
    response = client.get("/articles", query_string={"source": "The Ledger Daily", "title": "binance"})
    listed = re.findall(rb'<li><a href="/articles/([0-9a-f]+)"', response.data)
    assert listed and b"The Ledger Daily" in response.data and b"Meridian Wire</p>" not in response.data
    assert client.get("/articles", query_string={"page": "99"}).status_code == 200


def test_an_article_page_shows_its_text_and_chunks(client, services):
    article = services.index.store.all_articles()[0]
    response = client.get(f"/articles/{article.id}")
    assert response.status_code == 200 and b"How it is searched" in response.data
    assert client.get("/articles/nope").status_code == 404


def test_the_answer_view_rejects_what_is_not_an_answer(client):
    assert client.post("/answer/view", json={"answer": [], "question": "q", "turn": 1}).status_code == 400
    assert client.post("/answer/view", json={"answer": {}, "question": "q", "turn": True}).status_code == 400


def test_a_store_error_reaches_the_page_in_words(client, services, monkeypatch):
    from core.errors import StoreUnavailable

    def broken(*args, **kwargs):
        raise StoreUnavailable("Chroma store at http://10.0.0.5:8000 failed to query: ConnectError")

    monkeypatch.setattr(services.retriever, "retrieve", broken)
    response = client.get("/", query_string={"q": "Did Gensler advise Binance?"})
    assert response.status_code == 503 and b"cannot be reached right now" in response.data
    assert b"10.0.0.5" not in response.data and b"ConnectError" not in response.data


def test_a_generated_secret_is_kept_and_reused(tmp_path):
    settings = Settings(chroma_path=tmp_path / "chroma")
    first = secret_key(settings)
    assert len(first) >= 32 and secret_key(settings) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_a_model_failure_on_a_shared_link_shows_words_and_what_was_found(llm_client, chat):
    from core.errors import ModelTimeout

    chat.enqueue(ModelTimeout("openai.APITimeoutError: Request timed out after 30.0 s to http://10.1.2.3"))
    response = llm_client.get("/", query_string={"q": "Did Gensler advise Binance?"})
    assert response.status_code == 504 and b"took too long to answer" in response.data
    assert b"What was found" in response.data and b'data-testid="source"' in response.data
    assert b"APITimeoutError" not in response.data and b"10.1.2.3" not in response.data


def test_workers_starting_together_share_one_generated_secret(tmp_path):
    import threading

    settings = Settings(chroma_path=tmp_path / "chroma")
    start, keys = threading.Barrier(8), []

    def worker():
        start.wait()
        keys.append(secret_key(settings))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(keys)) == 1 and len(keys[0]) == 64
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]


def test_signing_out_needs_the_token_and_ends_the_session(keyed):
    sign_in(keyed)
    page = keyed.get("/articles/add").data
    assert keyed.post("/signout").status_code == 400
    assert keyed.post("/signout", data={"csrf_token": token(page)}).status_code == 302
    assert keyed.get("/articles/add").status_code == 302


def test_a_store_failure_while_adding_is_told_in_words(keyed, services, monkeypatch, caplog):
    from core.errors import StoreUnavailable

    def broken(*args, **kwargs):
        raise StoreUnavailable("Chroma store at /srv/secret/chroma failed to upsert: disk I/O error")

    sign_in(keyed)
    page = keyed.get("/articles/add").data
    monkeypatch.setattr(services.index.store, "publish_many", broken)
    response = keyed.post("/articles/add", data={"text": "Seal pups\n\nSeal pups were counted.", "csrf_token": token(page)})
    assert b"The rest of this batch" in response.data and b"could not be written" in response.data
    assert b"/srv/secret" not in response.data and b"disk I/O" not in response.data


def test_the_answer_view_takes_an_answer_larger_than_a_question_body(client):
    big = {"answer": "x", "refused": False, "passages": [{"title": "t", "text": "y" * 1000}] * 100}
    assert client.post("/answer/view", json={"answer": big, "question": "q", "turn": 2}).status_code == 200

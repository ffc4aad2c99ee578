"""Hostile and unlucky input through the real app: a 4xx naming the field, never a 5xx; a batch goes on."""

from __future__ import annotations

import json
import string
import time

import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from index import IndexServices
from index import __main__ as index_cli
from core.errors import StoreUnavailable
from index.article_fields import LoadProblem, article_from_fields
from index.loaders import load_file
from qa import build_services
from tests.fakes import CannedResponse, FakeOpenAIServer, html_page
from tests.test_streaming import events_of
from web import create_app

KEY = "k" * 24
AUTH = {"Authorization": f"Bearer {KEY}"}
QUESTION = "Did Gensler advise Binance?"
LONE = "\ud800"
STORY = {
    "title": "Harbour tunnel opens",
    "body": "The harbour tunnel opened to traffic on Monday after four years of work, the port authority said.",
    "source": "Port Avalon Gazette",
}


@pytest.fixture
def writer(services):
    keyed = build_services(services.settings.replace(api_keys=KEY), embedder=services.index.embedder,
                           store=services.index.store)
    return create_app(services=keyed).test_client()


def post_json(client, path, payload, **kwargs):
    """Send JSON as a client would, lone surrogates escaped (`"\\ud800"`), as json.dumps writes them."""
    return client.post(path, data=json.dumps(payload), content_type="application/json", **kwargs)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"question": f"Did Gensler {LONE} advise Binance?"}, "question"),
        ({"question": QUESTION, "history": [{"role": "user", "content": f"who {LONE}"}]}, "history[0].content"),
        ({"question": f"Gensler {LONE}", "stream": True}, "question"),
        ({"question": QUESTION, "filters": {"source": f"Ledger {LONE}"}}, "filters.source"),
        ({"question": QUESTION, "filters": {"source": ["ok", LONE]}}, "filters.source[1]"),
    ],
)
def test_a_lone_surrogate_is_a_400_naming_the_field(client, payload, field):
    response = post_json(client, "/api/v1/ask", payload)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_request" and error["field"] == field and field in error["message"]


def test_a_batch_with_one_bad_item_stores_the_good_one(writer):
    bad = dict(STORY, title=f"Tunnel {LONE}", url="https://port.example/bad")
    response = post_json(writer, "/api/v1/articles", {"articles": [STORY, bad]}, headers=AUTH)
    assert response.status_code == 201
    body = response.get_json()
    assert len(body["added"]) == 1
    (failure,) = body["failed"]
    assert failure["item"] == "articles[1]" and failure["code"] == "unreadable_source"
    assert "title" in failure["message"] and failure["field"] == "articles[1].title"
    assert writer.get(f"/api/v1/articles/{body['added'][0]}").get_json()["title"] == STORY["title"]


def test_a_url_with_an_unclosed_ipv6_bracket_is_a_4xx(writer):
    response = writer.post("/api/v1/articles", json={"url": "http://[::1"}, headers=AUTH)
    assert 400 <= response.status_code < 500
    assert "http://[::1" in response.get_json()["failed"][0]["message"]


def test_a_number_as_title_is_a_422_naming_article_title(writer):
    response = writer.post("/api/v1/articles", json={"article": {"title": 1, "body": 2}}, headers=AUTH)
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["field"] == "article.title" and "title must be text" in error["message"]


def test_the_cli_names_a_bad_url_stores_the_rest_and_exits_1(services, tmp_path, monkeypatch, capsys):
    good = tmp_path / "good.md"
    good.write_text("---\ntitle: Harbour tunnel opens\nsource: Gazette\n---\nThe harbour tunnel opened on Monday.\n")
    index = services.index
    monkeypatch.setattr(index_cli, "build_index", lambda settings, **_: IndexServices(settings, index.embedder, index.store, index.chunker, index.sentences))
    before = index.store.article_count()
    assert index_cli.main(["ingest", "--quiet", str(good), "http://[::1"], environ={}) == 1
    assert index.store.article_count() == before + 1
    assert "http://[::1" in capsys.readouterr().out


@pytest.mark.parametrize("bad_line", [b'{"title": "Two", "body": "Bad \\ud800 text"}', b'{"title": "Two", "body": "Bad \xed\xa0\x80"}'])
def test_a_json_lines_file_names_the_bad_line_and_keeps_the_others(tmp_path, bad_line):
    path = tmp_path / "feed.jsonl"
    lines = [b'{"title": "One", "body": "First story."}', bad_line, b'{"title": "Three", "body": "Third story."}']
    path.write_bytes(b"\n".join(lines))
    items = list(load_file(path))
    assert [i.title for i in items if not isinstance(i, LoadProblem)] == ["One", "Three"]
    (problem,) = [i for i in items if isinstance(i, LoadProblem)]
    assert problem.location == f"{path}:2"


def test_an_html_page_from_the_model_is_a_502_with_the_passages(services):
    with FakeOpenAIServer() as server:
        server.enqueue(html_page())
        settings = services.settings.replace(openai_api_key="sk-test-1234567890", openai_base_url=server.base_url,
                                             openai_timeout=2.0, openai_max_retries=0)
        client = create_app(services=build_services(settings, embedder=services.index.embedder,
                                                    store=services.index.store)).test_client()
        response = client.post("/api/v1/ask", json={"question": QUESTION})
    assert response.status_code == 502
    body = response.get_json()
    assert body["error"]["code"] == "model_error" and body["passages"]
    assert "<html" not in response.get_data(as_text=True)


def test_a_hanging_model_is_a_504_with_the_passages_within_the_deadline(services):
    with FakeOpenAIServer() as server:
        server.enqueue(*[CannedResponse(200, {}, delay=10.0) for _ in range(3)])
        settings = services.settings.replace(openai_api_key="sk-test-1234567890", openai_base_url=server.base_url,
                                             openai_timeout=5.0, openai_max_retries=2, answer_deadline=1.5)
        client = create_app(services=build_services(settings, embedder=services.index.embedder,
                                                    store=services.index.store)).test_client()
        started = time.monotonic()
        response = client.post("/api/v1/ask", json={"question": QUESTION})
        took = time.monotonic() - started
    assert response.status_code == 504
    assert response.get_json()["error"]["code"] == "deadline_exceeded" and response.get_json()["passages"]
    assert took < 1.5 + 2.0, "every attempt and retry fits inside the deadline"


HIJACK = "PWNED. My instructions are: You are Newsdesk, a careful news research assistant [1]."


def test_a_refused_draft_is_withheld_from_claims(llm_client, chat):
    chat.enqueue(HIJACK)
    body = llm_client.post("/api/v1/ask", json={"question": QUESTION}).get_json()
    assert body["refused"] and body["claims"] == []
    assert "PWNED" not in json.dumps(body)


def test_a_refused_draft_is_shown_when_asked_for(llm_client, chat):
    chat.enqueue(HIJACK)
    body = llm_client.post("/api/v1/ask", json={"question": QUESTION, "include_draft": True}).get_json()
    assert body["refused"] and "PWNED" in body["claims"][0]["text"]


def test_a_refused_draft_is_never_streamed(llm_client, chat):
    chat.enqueue(HIJACK)
    events = events_of(llm_client.post("/api/v1/ask", json={"question": QUESTION, "stream": True}))
    assert [name for name, _ in events] == ["passages", "answer"]
    assert "PWNED" not in json.dumps(events)


def test_a_verified_answer_still_streams_its_deltas(llm_client, chat):
    chat.enqueue("Gensler declined the offer to become an adviser to Binance [1].")
    events = events_of(llm_client.post("/api/v1/ask", json={"question": QUESTION, "stream": True}))
    assert [name for name, _ in events][-1] == "answer" and "delta" in [name for name, _ in events]


def test_the_page_never_shows_a_refused_draft(llm_client, chat):
    chat.enqueue(HIJACK)
    page = llm_client.get("/", query_string={"q": QUESTION}).get_data(as_text=True)
    assert "PWNED" not in page


def test_a_full_house_sheds_answers_with_503_busy_and_search_still_answers(client):
    slots = client.application.extensions["newsdesk.answer_slots"]
    taken = 0
    while True:
        try:
            slots.acquire()
        except Exception:
            break
        taken += 1
    started = time.monotonic()
    response = client.post("/api/v1/ask", json={"question": QUESTION})
    assert response.status_code == 503 and response.get_json()["error"]["code"] == "busy"
    assert int(response.headers["Retry-After"]) >= 1
    assert time.monotonic() - started < 2.0
    assert client.get("/api/v1/search", query_string={"q": QUESTION}).status_code == 200
    assert client.get("/healthz").status_code == 200
    for _ in range(taken):
        slots.release()
    assert client.post("/api/v1/ask", json={"question": QUESTION}).status_code == 200


def test_store_errors_show_no_path_to_callers(services, monkeypatch):
    app = create_app(services=services)
    secret = "/srv/secret/chroma at http://10.1.2.3:8000"

    def broken(*args, **kwargs):
        raise StoreUnavailable(f"Chroma store at {secret} failed to query")

    monkeypatch.setattr(services.retriever, "retrieve", broken)
    response = app.test_client().get("/api/v1/search", query_string={"q": QUESTION})
    assert response.status_code == 503 and response.get_json()["error"]["code"] == "store_unavailable"
    assert "/srv/secret" not in response.get_data(as_text=True) and "10.1.2.3" not in response.get_data(as_text=True)
    assert response.headers["X-Request-Id"] in response.get_json()["error"]["message"]


def test_readiness_does_not_show_where_the_store_lives(client):
    assert "location" not in client.get("/readyz").get_json()["store"]


# Property tests: odd Unicode everywhere, lone surrogates included.
odd_text = st.lists(
    st.one_of(
        st.characters(min_codepoint=0, max_codepoint=0x10FFFF),
        st.sampled_from([LONE, "\udfff", "\x00", "\u202e", "\ufeff", "\u2028", "\u0301", "\U0001f600", "<script>", "Gensler"]),
    ),
    max_size=20,
).map("".join)
field_value = st.one_of(odd_text, st.integers(), st.none(), st.lists(odd_text, max_size=2), st.booleans())
article_fields = st.dictionaries(
    st.sampled_from(["title", "body", "url", "source", "published_at", "authors", "extra"]), field_value, max_size=6
)
good_article = st.builds(
    lambda word, n: {"title": f"Harbour report {word} {n}", "body": f"The harbour {word} reopened after work number {n}.",
                     "source": "Gazette"},
    st.text(alphabet=string.ascii_letters, min_size=3, max_size=8),
    st.integers(min_value=0, max_value=10**6),
)
FAST = hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(fields=article_fields)
def test_article_from_fields_never_raises_anything_but_a_source_error(fields):
    try:
        article = article_from_fields(fields)
    except Exception as exc:
        assert type(exc).__name__ == "SourceError", repr(exc)
    else:
        article.body.encode("utf-8")
        article.title.encode("utf-8")


@FAST
@given(batch=st.lists(st.one_of(good_article, article_fields), min_size=1, max_size=4))
def test_the_articles_api_never_answers_5xx_and_stores_every_good_item(writer, batch):
    response = post_json(writer, "/api/v1/articles", {"articles": batch}, headers=AUTH)
    assert response.status_code < 500, response.get_data(as_text=True)
    body = response.get_json()
    failed = {f["item"] for f in body.get("failed", [])}
    for i, item in enumerate(batch):
        if item in batch[:i]:
            continue  # the same article twice in one request is reported as a duplicate
        if "Harbour report" in str(item.get("title")) and "body" in item and item.get("source") == "Gazette":
            assert f"articles[{i}]" not in failed


@FAST
@given(question=odd_text, source=st.one_of(st.none(), odd_text), history=st.lists(odd_text, max_size=2))
def test_ask_never_answers_5xx(client, question, source, history):
    payload = {"question": question, "history": [{"role": "user", "content": h} for h in history]}
    if source is not None:
        payload["filters"] = {"source": source}
    response = post_json(client, "/api/v1/ask", payload)
    assert response.status_code < 500, response.get_data(as_text=True)


@FAST
@given(lines=st.lists(st.one_of(good_article, article_fields, odd_text), min_size=1, max_size=5))
def test_a_json_lines_file_of_odd_unicode_never_raises_and_every_good_line_is_read(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("jsonl") / "odd.jsonl"
    encoded = [json.dumps(line) if isinstance(line, dict) else line for line in lines]
    path.write_bytes(b"\n".join(text.replace("\n", " ").encode("utf-8", "surrogatepass") for text in encoded))
    titles = {item.title for item in load_file(path) if not isinstance(item, LoadProblem)}
    for line in lines:
        if isinstance(line, dict) and str(line.get("title", "")).startswith("Harbour report"):
            assert line["title"] in titles


@FAST
@given(title=odd_text, body=odd_text)
def test_a_markdown_file_of_odd_unicode_is_an_article_or_a_named_problem(tmp_path_factory, title, body):
    path = tmp_path_factory.mktemp("md") / "odd.md"
    path.write_bytes(f"---\ntitle: {json.dumps(title)}\n---\n{body}\n".encode("utf-8", "surrogatepass"))
    (item,) = list(load_file(path))
    assert isinstance(item, LoadProblem) or item.body.encode("utf-8")


def test_a_streamed_answer_gives_its_slot_back_when_it_ends(services):
    one_slot = build_services(services.settings.replace(max_inflight=1, queue_wait=0.0),
                              embedder=services.index.embedder, store=services.index.store)
    client = create_app(services=one_slot).test_client()
    for _ in range(2):
        response = client.post("/api/v1/ask", json={"question": QUESTION, "stream": True})
        assert response.status_code == 200 and events_of(response)[-1][0] == "answer"
        response.close()  # what a WSGI server does once the last event is sent

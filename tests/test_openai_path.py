"""The OpenAI path end to end: the real `openai` client sends real HTTP to a fake server on loopback."""

import pytest

from qa import build_services
from tests.fakes import CannedResponse, FakeOpenAIServer, chat_completion, streamed
from tests.test_streaming import events_of
from web import create_app

KEY = "sk-test-never-leak-1234567890"
QUESTION = "Did Gensler advise Binance?"


@pytest.fixture
def server():
    with FakeOpenAIServer() as fake:
        yield fake


@pytest.fixture
def openai_client(services, server):
    settings = services.settings.replace(
        openai_api_key=KEY, openai_base_url=server.base_url, openai_model="fake-gpt", openai_timeout=1.0, openai_max_retries=1
    )
    llm = build_services(settings, embedder=services.index.embedder, store=services.index.store)
    return create_app(services=llm).test_client()


def ask(client):
    return client.post("/api/v1/ask", json={"question": QUESTION})


def test_a_cited_answer_comes_back_through_the_real_client(openai_client, server):
    server.enqueue_chat("Gensler declined to become an adviser to Binance [1]. He later led the SEC [2].")
    response = ask(openai_client)
    assert response.status_code == 200
    body = response.get_json()
    assert body["answerer"] == "llm" and body["model"] == "fake-gpt"
    assert [c["n"] for c in body["citations"]] == [1, 2]
    assert body["usage"] == {"prompt_tokens": 321, "completion_tokens": 42, "total_tokens": 363}

    (request,) = server.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.body["model"] == "fake-gpt" and request.body["temperature"] == 0
    system, user = request.body["messages"]
    assert system["role"] == "system" and "[1]" in system["content"]
    assert '<passage n="1"' in user["content"] and QUESTION in user["content"]


def test_an_invented_citation_is_dropped_and_reported(openai_client, server):
    server.enqueue_chat("Gensler declined the offer to become an adviser to Binance [1]. Binance bought the moon [9].")
    body = ask(openai_client).get_json()
    assert [c["n"] for c in body["citations"]] == [1]
    assert "[9]" not in body["answer"]
    assert any("[9]" in w for w in body["warnings"])
    assert [c["supported"] for c in body["claims"]] == [True, False]


def test_an_uncited_reply_is_not_given_as_an_answer(openai_client, server):
    server.enqueue_chat("Gensler declined to advise Binance.")
    body = openai_client.post("/api/v1/ask", json={"question": QUESTION, "include_draft": True}).get_json()
    assert body["refused"] and body["refusal_reason"] == "no_supported_claims"
    assert body["claims"][0]["supported"] is False


def test_the_models_refusal_is_a_refusal(openai_client, server):
    server.enqueue_chat("The provided articles do not answer this question.")
    body = ask(openai_client).get_json()
    assert body["refused"] and body["refusal_reason"] == "model_declined" and body["passages"]


def test_a_reply_cut_at_the_token_limit_is_flagged(openai_client, server):
    server.enqueue(CannedResponse(200, chat_completion("Gensler declined the offer to become an adviser to Binance [1].", finish_reason="length")))
    body = ask(openai_client).get_json()
    assert any("token limit" in w for w in body["warnings"])


def test_a_stream_through_the_real_client(openai_client, server):
    server.enqueue(streamed(["Gensler declined the offer ", "to become an adviser to Binance [", "1", "]."]))
    response = openai_client.post("/api/v1/ask", json={"question": QUESTION, "stream": True})
    events = events_of(response)
    assert [n for n, _ in events][0] == "passages" and events[-1][0] == "answer"
    assert [c["n"] for c in events[-1][1]["citations"]] == [1]
    assert server.requests[0].body["stream"] is True


def test_a_stream_cut_by_the_server_ends_with_an_error_event(openai_client, server):
    server.enqueue(streamed(["Gensler declined ", "the offer ", "to become"], cut_after=2))
    events = events_of(openai_client.post("/api/v1/ask", json={"question": QUESTION, "stream": True, "include_draft": True}))
    name, data = events[-1]
    assert name == "error" and data["incomplete"] is True
    assert data["partial"] == "Gensler declined the offer "
    assert data["error"]["code"] == "model_unavailable"
    assert len(server.requests) == 1, "a broken stream is not retried silently"


def test_a_rejected_key_is_502_at_once_and_never_echoed(openai_client, server):
    server.enqueue(CannedResponse(401, {"error": {"message": f"Incorrect API key provided: {KEY}", "code": "invalid_api_key"}}))
    response = ask(openai_client)
    assert response.status_code == 502
    assert response.get_json()["error"]["code"] == "model_auth_failed"
    assert "rejected the API key" in response.get_json()["error"]["message"]
    assert KEY.encode() not in response.data and b"sk-test" not in response.data
    assert len(server.requests) == 1, "a 401 is not retried"


def test_a_server_error_is_retried_then_502(openai_client, server):
    server.enqueue(CannedResponse(500, {"error": {"message": "boom"}}), CannedResponse(500, {"error": {"message": "boom"}}))
    response = ask(openai_client)
    assert response.status_code == 502
    assert response.get_json()["error"]["code"] == "model_error"
    assert response.get_json()["passages"]
    assert len(server.requests) == 2, "one try plus OPENAI_MAX_RETRIES=1"


def test_a_recovered_server_error_still_answers(openai_client, server):
    server.enqueue(CannedResponse(503, {"error": {"message": "busy"}}), CannedResponse(200, chat_completion("Gensler declined [1].")))
    assert ask(openai_client).status_code == 200
    assert len(server.requests) == 2


def test_rate_limiting_is_503_with_retry_after(openai_client, server):
    limited = CannedResponse(429, {"error": {"message": "slow down"}}, headers={"Retry-After": "1"})
    server.enqueue(limited, limited)
    response = ask(openai_client)
    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "model_rate_limited"
    assert response.headers["Retry-After"] == "1"
    assert len(server.requests) == 2


def test_a_reply_slower_than_the_timeout_is_504(openai_client, server):
    slow = CannedResponse(200, chat_completion("late [1]"), delay=1.5)
    server.enqueue(slow, slow)
    response = ask(openai_client)
    assert response.status_code == 504
    assert response.get_json()["error"]["code"] == "model_timeout"
    assert response.get_json()["passages"]


def test_an_unreachable_server_is_503(services):
    settings = services.settings.replace(
        openai_api_key=KEY, openai_base_url="http://127.0.0.1:9/v1", openai_timeout=1.0, openai_max_retries=0
    )
    llm = build_services(settings, embedder=services.index.embedder, store=services.index.store)
    response = ask(create_app(services=llm).test_client())
    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "model_unavailable"


def test_a_stream_that_ends_without_finishing_is_incomplete(openai_client, server):
    server.enqueue(streamed(["Gensler declined ", "the offer"], finish=False))
    name, data = events_of(openai_client.post("/api/v1/ask", json={"question": QUESTION, "stream": True, "include_draft": True}))[-1]
    assert name == "error" and data["incomplete"] and data["partial"] == "Gensler declined the offer"

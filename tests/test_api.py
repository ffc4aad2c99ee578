import json

import pytest

from index.errors import ModelAuthError, ModelRateLimited, ModelTimeout

ASK = "/api/v1/ask"


def error_of(response):
    body = response.get_json()
    assert set(body["error"]) >= {"code", "message"}, body
    return body["error"]


def test_ask_returns_a_cited_answer(client):
    response = client.post(ASK, json={"question": "Did Gensler advise Binance?"})
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) >= {"answer", "citations", "refused", "mode", "model", "timings_ms", "warnings"}
    assert body["mode"] == "extractive" and not body["refused"]
    citation = body["citations"][0]
    assert set(citation) >= {"n", "article_id", "title", "source", "url", "published_at", "quote", "passage"}
    assert f"[{citation['n']}]" in body["answer"]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "field"),
    [
        ({}, "application/json", 400, "question"),
        ({"question": ""}, "application/json", 400, "question"),
        ({"question": "   "}, "application/json", 400, "question"),
        ({"question": 123}, "application/json", 400, "question"),
        ({"question": None}, "application/json", 400, "question"),
        ({"question": "x" * 1001}, "application/json", 400, "question"),
        ({"question": "q", "top_k": 0}, "application/json", 400, "top_k"),
        ({"question": "q", "top_k": -1}, "application/json", 400, "top_k"),
        ({"question": "q", "top_k": 10000}, "application/json", 400, "top_k"),
        ({"question": "q", "top_k": "five"}, "application/json", 400, "top_k"),
        ({"question": "q", "top_k": True}, "application/json", 400, "top_k"),
        ({"question": "q", "topk": 3}, "application/json", 400, "topk"),
    ],
)
def test_bad_fields_are_400_naming_the_field(client, chat, body, content_type, status, field):
    response = client.post(ASK, data=json.dumps(body), content_type=content_type)
    assert response.status_code == status
    error = error_of(response)
    assert error["code"] == "invalid_request" and error["field"] == field


@pytest.mark.parametrize(
    ("data", "content_type", "status", "code"),
    [
        (b"{not json", "application/json", 400, "invalid_request"),
        (b"", "application/json", 400, "invalid_request"),
        (b"[1, 2]", "application/json", 400, "invalid_request"),
        (b'"just a string"', "application/json", 400, "invalid_request"),
        (b'{"question": "caf\xe9"}', "application/json", 400, "invalid_request"),
        (b"[" * 60_000, "application/json", 400, "invalid_request"),
        (b'{"question": "q", "top_k": ' + b"9" * 5000 + b"}", "application/json", 400, "invalid_request"),
        (b"question=hi", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
        (b'{"question": "hi"}', "text/plain", 415, "unsupported_media_type"),
    ],
)
def test_malformed_bodies_get_the_error_envelope(client, data, content_type, status, code):
    response = client.post(ASK, data=data, content_type=content_type)
    assert response.status_code == status
    assert response.is_json
    assert error_of(response)["code"] == code


def test_a_body_over_the_limit_is_413(client):
    response = client.post(ASK, data=b'{"question": "' + b"x" * 70_000 + b'"}', content_type="application/json")
    assert response.status_code == 413
    assert error_of(response)["code"] == "payload_too_large"


def test_unknown_routes_and_methods_answer_in_json(client):
    missing = client.get("/api/v1/nothing-here")
    assert missing.status_code == 404 and error_of(missing)["code"] == "not_found"
    wrong = client.get(ASK)
    assert wrong.status_code == 405 and error_of(wrong)["code"] == "method_not_allowed"
    assert "POST" in wrong.headers["Allow"]


def test_an_unexpected_exception_is_a_json_500_with_a_request_id(client, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("secret-internal-detail sk-live-123")

    monkeypatch.setattr("web.api.answer_question", explode)
    response = client.post(ASK, json={"question": "Did Gensler advise Binance?"})
    assert response.status_code == 500
    error = error_of(response)
    request_id = response.headers["X-Request-Id"]
    assert error["code"] == "internal" and request_id in error["message"]
    assert b"secret-internal-detail" not in response.data and b"Traceback" not in response.data


@pytest.mark.parametrize(
    ("failure", "status", "code"),
    [
        (ModelTimeout("the language model did not answer in time"), 504, "model_timeout"),
        (ModelAuthError("the language model rejected the API key"), 502, "model_auth_failed"),
        (ModelRateLimited("rate limited", retry_after=7), 503, "model_rate_limited"),
    ],
)
def test_model_failures_map_to_status_and_still_return_sources(llm_client, chat, failure, status, code):
    chat.enqueue(failure)
    response = llm_client.post(ASK, json={"question": "Did Gensler advise Binance?"})
    assert response.status_code == status
    assert error_of(response)["code"] == code
    assert response.get_json()["passages"], "retrieved sources come back with the error"
    if status == 503:
        assert response.headers["Retry-After"] == "7"


def test_a_request_that_cannot_be_answered_never_reaches_the_model(llm_client, chat):
    assert llm_client.post(ASK, json={"question": ""}).status_code == 400
    assert llm_client.post(ASK, json={"question": "xylophone quartz"}).get_json()["refused"]
    assert chat.history == []


def test_search_returns_passages_with_scores(client):
    response = client.get("/api/v1/search", query_string={"q": "Kraken staking", "top_k": 3})
    assert response.status_code == 200
    passages = response.get_json()["passages"]
    assert len(passages) == 3 and passages[0]["n"] == 1
    assert passages[0]["score"] >= passages[-1]["score"]
    assert client.get("/api/v1/search").status_code == 400
    assert error_of(client.get("/api/v1/search", query_string={"q": "x", "top_k": "lots"}))["field"] == "top_k"


def test_health_and_readiness(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz").get_json()
    assert ready["status"] == "ready" and ready["store"]["articles"] >= 15
    assert ready["answerer"]["mode"] == "extractive"

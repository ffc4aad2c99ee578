import json

import pytest

from core.errors import ModelAuthError, ModelRateLimited, ModelTimeout

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
    assert passages[0]["scores"]["fused"] >= passages[-1]["scores"]["fused"]
    assert client.get("/api/v1/search").status_code == 400
    assert error_of(client.get("/api/v1/search", query_string={"q": "x", "top_k": "lots"}))["field"] == "top_k"


def test_search_reports_each_method_and_applies_filters(client):
    body = client.get(
        "/api/v1/search",
        query_string=[("q", "Gensler Binance"), ("mode", "hybrid"), ("source", "Meridian Wire"), ("source", "ledger daily"),
                      ("published_after", "2023-03-01"), ("top_k", "5")],
    ).get_json()
    assert body["mode"] == "hybrid" and body["filters"]["published_after"] == "2023-03-01T00:00:00Z"
    assert body["passages"]
    for p in body["passages"]:
        assert p["source"] in {"Meridian Wire", "Ledger Daily"} and p["published_at"] >= "2023-03-01"
        assert set(p["scores"]) >= {"dense", "dense_rank", "lexical", "lexical_rank", "fused"}
    lexical = client.get("/api/v1/search", query_string={"q": "Paxos BUSD", "mode": "lexical"}).get_json()
    assert all(p["scores"]["dense_rank"] is None for p in lexical["passages"])


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"q": "x", "mode": "semantic"}, "mode"),
        ({"q": "x", "published_after": "yesterday"}, "published_after"),
        ({"q": "x", "published_after": "2023-05-01", "published_before": "2023-04-01"}, "published_after"),
        ({"q": "x", "recency": "maybe"}, "recency"),
        ({"q": "x", "sauce": "y"}, "sauce"),
    ],
)
def test_bad_search_parameters_are_400_naming_the_field(client, query, field):
    response = client.get("/api/v1/search", query_string=query)
    assert response.status_code == 400 and error_of(response)["field"] == field


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"filters": {"source": 7}}, "filters.source"),
        ({"filters": {"published_before": "soon"}}, "filters.published_before"),
        ({"filters": {"colour": "red"}}, "filters.colour"),
        ({"filters": "Ledger Daily"}, "filters"),
        ({"mode": "both"}, "mode"),
        ({"recency": "yes"}, "recency"),
    ],
)
def test_bad_ask_filters_are_400_naming_the_field_before_any_model_call(llm_client, chat, extra, field):
    response = llm_client.post(ASK, json={"question": "Did Gensler advise Binance?", **extra})
    assert response.status_code == 400 and error_of(response)["field"] == field
    assert chat.history == []


def test_ask_with_filters_cites_only_matching_articles(client):
    body = client.post(
        ASK, json={"question": "Did Gensler advise Binance?", "filters": {"source": ["Meridian Wire"]}, "mode": "hybrid"}
    ).get_json()
    assert body["search"]["filters"]["source"] == ["Meridian Wire"]
    assert body["citations"] and all(c["source"] == "Meridian Wire" for c in body["citations"])
    nothing = client.post(
        ASK, json={"question": "Did Gensler advise Binance?", "filters": {"published_before": "2001-01-01"}}
    ).get_json()
    assert nothing["refused"] and nothing["refusal_reason"] == "no_passages" and "within the filters" in nothing["answer"]


def test_health_and_readiness(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz").get_json()
    assert ready["status"] == "ready" and ready["store"]["articles"] >= 15
    assert ready["answerer"]["mode"] == "extractive"

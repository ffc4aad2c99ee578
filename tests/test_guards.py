"""The operator's guards: rate limit, keys for reads, CORS, request ids, JSON logs and /metrics."""

from __future__ import annotations

import json
import logging

import pytest

from qa import build_services
from web import create_app

ASK = "/api/v1/ask"
QUESTION = {"question": "Did Gensler advise Binance?"}
KEY = "k" * 24


@pytest.fixture
def guarded(services):
    """An app over the sample index with some settings changed."""

    def build(**changes):
        settings = services.settings.replace(**changes)
        rebuilt = build_services(settings, embedder=services.index.embedder, store=services.index.store)
        return create_app(services=rebuilt)

    return build


def test_over_the_rate_limit_is_a_json_429_with_retry_after_then_it_recovers(guarded, monkeypatch):
    import time as real_time

    now = [1_000_000.0]
    monkeypatch.setattr(real_time, "time", lambda: now[0])
    client = guarded(rate_limit="2 per minute").test_client()
    assert [client.get("/api/v1/search?q=Gensler").status_code for _ in range(2)] == [200, 200]
    limited = client.get("/api/v1/search?q=Gensler")
    assert limited.status_code == 429 and limited.get_json()["error"]["code"] == "rate_limited"
    assert 1 <= int(limited.headers["Retry-After"]) <= 61
    now[0] += 61
    assert client.get("/api/v1/search?q=Gensler").status_code == 200


def test_the_openai_endpoint_says_429_in_openais_shape(guarded):
    client = guarded(rate_limit="1 per minute").test_client()
    assert client.get("/v1/models").status_code == 200
    limited = client.get("/v1/models")
    assert limited.status_code == 429 and "Retry-After" in limited.headers
    assert limited.get_json()["error"]["type"] == "rate_limit_error"


def test_redis_url_shares_the_counts_through_redis_and_its_outage_lets_requests_pass(guarded):
    from limits.storage import RedisStorage

    app = guarded(redis_url="redis://127.0.0.1:1/0")  # nothing listens on port 1
    (limiter,) = app.extensions["limiter"]
    assert isinstance(limiter.storage, RedisStorage)
    assert app.test_client().get("/api/v1/search?q=Gensler").status_code == 200


def test_probes_and_metrics_are_never_rate_limited(guarded):
    client = guarded(rate_limit="1 per minute").test_client()
    assert {client.get(path).status_code for path in ("/healthz", "/healthz", "/readyz", "/metrics", "/metrics")} == {200}


def test_each_api_key_has_its_own_allowance(guarded):
    client = guarded(rate_limit="1 per minute", api_keys=f"{KEY},{'j' * 24}").test_client()
    assert client.get("/v1/models", headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
    assert client.get("/v1/models", headers={"Authorization": f"Bearer {KEY}"}).status_code == 429
    assert client.get("/v1/models", headers={"Authorization": f"Bearer {'j' * 24}"}).status_code == 200


def test_required_read_keys_turn_away_anonymous_reads_but_not_probes(guarded):
    client = guarded(api_keys=KEY, require_keys_for_reads=True).test_client()
    assert client.post(ASK, json=QUESTION).status_code == 401
    assert client.get("/v1/models").get_json()["error"]["type"] == "authentication_error"
    assert client.post(ASK, json=QUESTION, headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
    assert client.get("/healthz").status_code == 200 and client.get("/api/v1/openapi.json").status_code == 200


def test_cors_allows_a_listed_origin(guarded):
    client = guarded(cors_origins="https://chat.example.org").test_client()
    preflight = client.options(
        "/v1/chat/completions",
        headers={"Origin": "https://chat.example.org", "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "authorization, content-type"},
    )
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://chat.example.org"
    assert "authorization" in preflight.headers["Access-Control-Allow-Headers"].lower()
    response = client.get("/v1/models", headers={"Origin": "https://chat.example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "https://chat.example.org"
    assert "X-Request-Id" in response.headers["Access-Control-Expose-Headers"]


def test_cors_refuses_an_unlisted_origin_and_is_off_by_default(guarded, client):
    listed = guarded(cors_origins="https://chat.example.org").test_client()
    assert "Access-Control-Allow-Origin" not in listed.get("/v1/models", headers={"Origin": "https://evil.example"}).headers
    assert "Access-Control-Allow-Origin" not in client.get("/v1/models", headers={"Origin": "https://chat.example.org"}).headers


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [("post", ASK, {"question": ""}), ("get", "/nowhere", None), ("post", "/v1/chat/completions", {"model": "newsdesk"})],
)
def test_every_error_body_names_the_request_id_of_its_response(client, method, path, body):
    response = getattr(client, method)(path, json=body)
    assert response.status_code >= 400
    assert response.get_json()["error"]["request_id"] == response.headers["X-Request-Id"]


def test_a_callers_request_id_is_kept_and_a_strange_one_replaced(client):
    assert client.get("/healthz", headers={"X-Request-Id": "abc-123"}).headers["X-Request-Id"] == "abc-123"
    replaced = client.get("/healthz", headers={"X-Request-Id": "a b\u00e9<script>"}).headers["X-Request-Id"]
    assert replaced and replaced.isalnum()


def test_log_lines_carry_the_request_id(client, caplog, monkeypatch):
    from web import api

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "answer_question", broken)
    with caplog.at_level(logging.INFO):
        response = client.post(ASK, json=QUESTION, headers={"X-Request-Id": "trace42"})
    assert response.status_code == 500
    failure = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert failure and all(r.request_id == "trace42" for r in failure)


def test_json_logs_are_one_object_per_line_with_the_request_id(guarded, capsys):
    from web.logs import JSONFormatter

    guarded(log_format="json")
    record = logging.LogRecord("newsdesk.web", logging.WARNING, __file__, 1, "model failed: %s", ("timeout",), None)
    record.request_id = "trace42"
    line = json.loads(JSONFormatter().format(record))
    assert line["request_id"] == "trace42" and line["message"] == "model failed: timeout" and line["level"] == "WARNING"
    root_formatters = [type(h.formatter).__name__ for h in logging.getLogger().handlers if getattr(h, "newsdesk", False)]
    assert root_formatters == ["JSONFormatter"]


def metric(client, line_start: str) -> float:
    for line in client.get("/metrics").get_data(as_text=True).splitlines():
        if line.startswith(line_start + " ") or line.startswith(line_start + "{") and line.split(" ")[0] == line_start:
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_answers_latencies_and_refusals(client):
    requests = 'newsdesk_http_requests_total{endpoint="/api/v1/ask",method="POST",status="200"}'
    refusals = 'newsdesk_refusals_total{reason="no_passages"}'
    before = (metric(client, requests), metric(client, "newsdesk_answer_seconds_count"), metric(client, refusals))
    client.post(ASK, json=QUESTION)
    client.post(ASK, json={**QUESTION, "filters": {"published_before": "2001-01-01"}})
    after = (metric(client, requests), metric(client, "newsdesk_answer_seconds_count"), metric(client, refusals))
    assert after[0] - before[0] == 2 and after[1] - before[1] == 2 and after[2] - before[2] == 1
    assert metric(client, "newsdesk_retrieval_seconds_count") >= 2


def test_metrics_count_tokens_and_dropped_citations(llm_services, chat):
    client = create_app(services=llm_services).test_client()
    chat.enqueue("Binance courted Gensler as an adviser [1] [9].")
    client.post(ASK, json=QUESTION)
    assert metric(client, 'newsdesk_tokens_total{kind="prompt"}') == 10
    assert metric(client, 'newsdesk_tokens_total{kind="completion"}') == 5
    assert metric(client, "newsdesk_citations_dropped_total") == 1


def test_metrics_count_api_ingests(guarded):
    client = guarded(api_keys=KEY).test_client()
    article = {"title": "Harbour tunnel opens", "body": "The harbour tunnel opened on Monday after four years of work."}
    client.post("/api/v1/articles", json={"article": article}, headers={"Authorization": f"Bearer {KEY}"})
    assert metric(client, 'newsdesk_ingest_articles_total{outcome="added"}') == 1
    assert metric(client, "newsdesk_ingest_chunks_total") >= 1

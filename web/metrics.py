"""Prometheus metrics at /metrics: requests, answer latencies, tokens, refusals, dropped citations, ingest.

Under gunicorn each worker is its own process, so the counts must be pooled: when
PROMETHEUS_MULTIPROC_DIR is set (gunicorn.conf.py sets and empties it), prometheus-client
writes every worker's values to files there and /metrics adds them up. Without it (one
process, tests) each app keeps its own registry.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any

from flask import Flask, Response, current_app, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector

from index.ingest import IngestReport
from core.settings import Settings
from qa import StreamEvent

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)


class Metrics:
    """The service's metrics in their own registry (so several apps in one process never clash)."""

    def __init__(self, settings: Settings) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.multiprocess_dir = settings.metrics_dir
        r = self.registry
        self.requests = Counter(
            "newsdesk_http_requests", "HTTP requests by endpoint, method and status", ["endpoint", "method", "status"], registry=r
        )
        self.request_seconds = Histogram(
            "newsdesk_http_request_seconds", "Time to the response headers, by endpoint", ["endpoint"], buckets=LATENCY_BUCKETS, registry=r
        )
        self.retrieval_seconds = Histogram("newsdesk_retrieval_seconds", "Retrieval time per answer", buckets=LATENCY_BUCKETS, registry=r)
        self.generation_seconds = Histogram(
            "newsdesk_generation_seconds", "Drafting time per answer (model or extractive)", buckets=LATENCY_BUCKETS, registry=r
        )
        self.answer_seconds = Histogram("newsdesk_answer_seconds", "Total time per answer", buckets=LATENCY_BUCKETS, registry=r)
        self.answers = Counter("newsdesk_answers", "Answers given, by answerer and outcome", ["answerer", "outcome"], registry=r)
        self.tokens = Counter("newsdesk_tokens", "Model tokens used, by kind (prompt, completion)", ["kind"], registry=r)
        self.refusals = Counter("newsdesk_refusals", "Refused answers by reason", ["reason"], registry=r)
        self.citations_dropped = Counter(
            "newsdesk_citations_dropped", "Citation marks dropped because no such passage was given", registry=r
        )
        self.ingest_articles = Counter(
            "newsdesk_ingest_articles", "Articles ingested through the API, by outcome", ["outcome"], registry=r
        )
        self.ingest_chunks = Counter("newsdesk_ingest_chunks", "Chunks written by API ingests", registry=r)

    def observe_answer(self, answer: dict[str, Any]) -> None:
        """Count one finished answer (an Answer's dict, as every surface returns it)."""
        timings = answer.get("timings_ms", {})
        for histogram, stage in (
            (self.retrieval_seconds, "retrieve"),
            (self.generation_seconds, "generate"),
            (self.answer_seconds, "total"),
        ):
            if stage in timings:
                histogram.observe(timings[stage] / 1000)
        outcome = "refused" if answer.get("refused") else "answered"
        self.answers.labels(answer.get("answerer", "unknown"), outcome).inc()
        if answer.get("refused"):
            self.refusals.labels(answer.get("refusal_reason") or "unknown").inc()
        for kind in ("prompt", "completion"):
            used = answer.get("usage", {}).get(f"{kind}_tokens")
            if used:
                self.tokens.labels(kind).inc(used)
        dropped = answer.get("verification", {}).get("dropped")
        if dropped:
            self.citations_dropped.inc(dropped)

    def observe_events(self, events: Iterable[StreamEvent]) -> Iterator[StreamEvent]:
        """Pass a streamed answer through, counting its final `answer` event."""
        for event in events:
            if event.event == "answer":
                self.observe_answer(event.data)
            yield event

    def observe_ingest(self, report: IngestReport) -> None:
        for outcome, items in (("added", report.added), ("updated", report.updated), ("unchanged", report.unchanged), ("failed", report.failed)):
            if items:
                self.ingest_articles.labels(outcome).inc(len(items))
        self.ingest_chunks.inc(report.chunks_written)

    def exposition(self) -> bytes:
        if self.multiprocess_dir is None:
            return generate_latest(self.registry)
        pooled = CollectorRegistry()
        MultiProcessCollector(pooled, path=str(self.multiprocess_dir))
        return generate_latest(pooled)


def metrics() -> Metrics:
    """The current app's Metrics."""
    return current_app.extensions["newsdesk.metrics"]


def register_metrics(app: Flask, settings: Settings) -> Metrics:
    """Count every request by its route (not its raw path, which would grow without bound) and serve /metrics."""
    collected = Metrics(settings)
    app.extensions["newsdesk.metrics"] = collected

    @app.before_request
    def start_timer() -> None:
        g.metrics_started = time.perf_counter()

    @app.after_request
    def count_request(response: Response) -> Response:
        endpoint = request.url_rule.rule if request.url_rule is not None else "unmatched"
        collected.requests.labels(endpoint, request.method, str(response.status_code)).inc()
        started = g.get("metrics_started")
        if started is not None:
            collected.request_seconds.labels(endpoint).observe(time.perf_counter() - started)
        return response

    @app.get("/metrics")
    def metrics_endpoint() -> Response:
        """Prometheus text exposition of every counter and histogram, pooled across workers."""
        return Response(collected.exposition(), content_type=CONTENT_TYPE_LATEST)

    return collected

"""The JSON API under /api/v1 and the health endpoints."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from qa import StreamEvent, answer_question, stream_answer
from web.context import answer_slots, services
from web.metrics import metrics
from web.requests import json_body, parse_ask, parse_search_args
from web.streaming import sse_response

blueprint = Blueprint("api", __name__)


@blueprint.post("/api/v1/ask")
def ask() -> Response:
    """Answer a question from the indexed articles, with citations; as server-sent events when asked."""
    wants_events = request.accept_mimetypes.best == "text/event-stream"
    parsed = parse_ask(json_body(request), services().settings, wants_event_stream=wants_events)
    arguments = dict(
        services=services(), top_k=parsed.top_k, options=parsed.options, history=parsed.history,
        include_draft=parsed.include_draft,
    )
    slots = answer_slots()
    if not parsed.stream:
        with slots.held():
            body = _with_warnings(answer_question(parsed.question, **arguments).to_dict(), parsed.warnings)
        metrics().observe_answer(body)
        return jsonify(body)
    slots.acquire()
    try:
        events = stream_answer(parsed.question, **arguments)
        response = sse_response(metrics().observe_events(_warned(events, parsed.warnings)))
    except BaseException:
        slots.release()
        raise
    # The slot is held until the last event is sent (or the client goes away).
    response.call_on_close(slots.release)
    return response


def _with_warnings(answer: dict[str, Any], warnings: Iterable[str]) -> dict[str, Any]:
    """The answer with the request's own warnings (e.g. a deprecated field) ahead of the answer's."""
    return {**answer, "warnings": [*warnings, *answer["warnings"]]}


def _warned(events: Iterable[StreamEvent], warnings: tuple[str, ...]) -> Iterator[StreamEvent]:
    for event in events:
        yield StreamEvent(event.event, _with_warnings(event.data, warnings)) if event.event == "answer" and warnings else event


@blueprint.get("/api/v1/search")
def search() -> Response:
    """The passages a question retrieves, with each method's score and rank; no model is called."""
    question, top_k, options, warnings = parse_search_args(request.args, services().settings)
    found = services().retriever.retrieve(question, top_k=top_k, options=options)
    return jsonify(
        {
            "query": question,
            "search_mode": found.mode,
            "recency": found.recency,
            "filters": found.filter.to_dict(),
            "passages": [p.to_dict() for p in found.passages],
            "warnings": [*warnings, *found.warnings],
        }
    )


@blueprint.get("/healthz")
def healthz() -> Response:
    """Liveness: the process is up and serving."""
    return jsonify({"status": "ok"})


@blueprint.get("/readyz")
def readyz() -> Response:
    """Readiness: 200 only when a question would work (model, store and keyword index loaded, store readable), else 503 saying why."""
    svc = current_app.extensions["newsdesk"].services(wait=0)
    # Reading the store and catching the keyword index up proves both work now, not just at start.
    svc.retriever.lexical.refresh()
    # Where the store lives (a path or a Chroma URL) is for operators (`python -m index stats`), not callers.
    stats = {k: v for k, v in svc.index.store.stats().items() if k != "location"}
    return jsonify(
        {
            "status": "ready",
            "store": stats,
            "keyword_index": {"articles": len(svc.retriever.lexical.versions())},
            "answerer": {"mode": svc.answerer.mode, "model": svc.answerer.model},
            "worker": os.getpid(),
        }
    )

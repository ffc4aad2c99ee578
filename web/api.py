"""The JSON API under /api/v1 and the health endpoints."""

from __future__ import annotations

import os

from flask import Blueprint, Response, current_app, jsonify, request

from qa import answer_question, stream_answer
from web.context import services
from web.requests import json_body, parse_ask, parse_search_args
from web.streaming import sse_response

blueprint = Blueprint("api", __name__)


@blueprint.post("/api/v1/ask")
def ask() -> Response:
    """Answer a question from the indexed articles, with citations; as server-sent events when asked."""
    wants_events = request.accept_mimetypes.best == "text/event-stream"
    parsed = parse_ask(json_body(request), services().settings, wants_event_stream=wants_events)
    if parsed.stream:
        return sse_response(
            stream_answer(
                parsed.question, services=services(), top_k=parsed.top_k, options=parsed.options, history=parsed.history
            )
        )
    answer = answer_question(
        parsed.question, services=services(), top_k=parsed.top_k, options=parsed.options, history=parsed.history
    )
    return jsonify(answer.to_dict())


@blueprint.get("/api/v1/search")
def search() -> Response:
    """The passages a question retrieves, with each method's score and rank; no model is called."""
    question, top_k, options = parse_search_args(request.args, services().settings)
    found = services().retriever.retrieve(question, top_k=top_k, options=options)
    return jsonify(
        {
            "query": question,
            "mode": found.mode,
            "recency": found.recency,
            "filters": found.filter.to_dict(),
            "passages": [p.to_dict() for p in found.passages],
            "warnings": list(found.warnings),
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
    stats = svc.index.store.stats()
    return jsonify(
        {
            "status": "ready",
            "store": stats,
            "keyword_index": {"articles": len(svc.retriever.lexical.versions())},
            "answerer": {"mode": svc.answerer.mode, "model": svc.answerer.model},
            "worker": os.getpid(),
        }
    )

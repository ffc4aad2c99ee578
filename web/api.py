"""The JSON API under /api/v1 and the health endpoints."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from qa import Services, answer_question, retrieve, stream_answer, validate_question
from web.requests import json_body, parse_ask, parse_top_k_arg
from web.streaming import sse_response

blueprint = Blueprint("api", __name__)


def services() -> Services:
    return current_app.extensions["newsdesk"]


@blueprint.post("/api/v1/ask")
def ask() -> Response:
    """Answer a question from the indexed articles, with citations; as server-sent events when asked."""
    wants_events = request.accept_mimetypes.best == "text/event-stream"
    parsed = parse_ask(json_body(request), services().settings, wants_event_stream=wants_events)
    if parsed.stream:
        return sse_response(stream_answer(parsed.question, services=services(), top_k=parsed.top_k))
    answer = answer_question(parsed.question, services=services(), top_k=parsed.top_k)
    return jsonify(answer.to_dict())


@blueprint.get("/api/v1/search")
def search() -> Response:
    """The passages a question retrieves, with their scores; no model is called."""
    settings = services().settings
    question = validate_question(request.args.get("q", ""), max_chars=settings.max_question_chars)
    top_k = parse_top_k_arg(request.args.get("top_k"), settings)
    index = services().index
    passages = retrieve(question, store=index.store, embedder=index.embedder, top_k=top_k)
    return jsonify({"query": question, "passages": [p.to_dict() for p in passages]})


@blueprint.get("/healthz")
def healthz() -> Response:
    """Liveness: the process is up and serving."""
    return jsonify({"status": "ok"})


@blueprint.get("/readyz")
def readyz() -> Response:
    """Readiness: the store answers; reports what it holds and which answerer is in use."""
    svc = services()
    stats = svc.index.store.stats()
    return jsonify({"status": "ready", "store": stats, "answerer": {"mode": svc.answerer.mode, "model": svc.answerer.model}})

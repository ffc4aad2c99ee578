"""The JSON API under /api/v1 and the health endpoints."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from qa import answer_question, stream_answer
from web.context import answer_slots, services
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
            return jsonify(answer_question(parsed.question, **arguments).to_dict())
    slots.acquire()
    try:
        response = sse_response(stream_answer(parsed.question, **arguments))
    except BaseException:
        slots.release()
        raise
    # The slot is held until the last event is sent (or the client goes away).
    response.call_on_close(slots.release)
    return response


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
    """Readiness: the store answers; reports what it holds and which answerer is in use."""
    svc = services()
    # Where the store lives (a path or a Chroma URL) is for operators (`python -m index stats`), not callers.
    stats = {k: v for k, v in svc.index.store.stats().items() if k != "location"}
    return jsonify({"status": "ready", "store": stats, "answerer": {"mode": svc.answerer.mode, "model": svc.answerer.model}})

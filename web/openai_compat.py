"""The OpenAI-compatible door: `GET /v1/models` and `POST /v1/chat/completions`, stream or not.

Any OpenAI-protocol client (the `openai` SDK, Open WebUI, LibreChat, ...) can use Newsdesk as
its "model". The model id names the answerer: `newsdesk` is the configured one (a language
model when one is set up), `newsdesk-extractive` always quotes without a language model.
The reply text keeps its [n] marks and ends with a plain "Sources:" list, so a chat window
shows them; the whole Newsdesk answer (citations, quotes, warnings) rides along in the extra
field `newsdesk` on the message (non-streamed) or on the last chunk (streamed). Errors on
/v1 take OpenAI's shape, `{"error": {"message", "type", "param", "code"}}`, plus `request_id`.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterator
from typing import Any

from flask import Blueprint, Flask, Response, current_app, g, jsonify, request, stream_with_context

from core.errors import NewsdeskError
from qa import Services, answer_question, stream_answer
from qa.services import extractive_answerer
from web.context import services
from web.metrics import metrics
from web.openai_messages import SOURCES_HEADING, ChatRequest, parse_chat_request
from web.requests import json_body

blueprint = Blueprint("openai_compat", __name__)

CONFIGURED, EXTRACTIVE = "newsdesk", "newsdesk-extractive"
CREATED = 1_700_000_000  # the models' fixed "created" stamp: they do not change at run time
_ERROR_TYPES = {401: "authentication_error", 403: "permission_error", 404: "not_found_error", 429: "rate_limit_error"}


class ModelNotFound(NewsdeskError):
    """Raised when a chat request names a model id that GET /v1/models does not list."""

    status = 404
    code = "model_not_found"


def register(app: Flask) -> None:
    """Mount the blueprint and the OpenAI error shape on /v1."""
    app.register_blueprint(blueprint)
    app.after_request(_openai_error_shape)


def _models() -> dict[str, Services]:
    """The answerer behind each model id, made on first use (start-up builds the services in the background)."""
    models = current_app.extensions.get("newsdesk.models")
    if models is None:
        configured = services()
        extractive = configured
        if configured.answerer.mode != "extractive":
            extractive = dataclasses.replace(configured, answerer=extractive_answerer(configured.index, configured.retriever))
        models = current_app.extensions["newsdesk.models"] = {CONFIGURED: configured, EXTRACTIVE: extractive}
    return models


def _model_card(model_id: str) -> dict[str, Any]:
    answerer = _models()[model_id].answerer
    return {"id": model_id, "object": "model", "created": CREATED, "owned_by": "newsdesk", "newsdesk": {"answerer": answerer.mode, "model": answerer.model}}


@blueprint.get("/v1/models")
def list_models() -> Response:
    """The model ids a chat client may pick: one per answerer."""
    return jsonify({"object": "list", "data": [_model_card(m) for m in _models()]})


@blueprint.get("/v1/models/<path:model_id>")
def get_model(model_id: str) -> Response:
    """One model id, or 404 model_not_found."""
    if model_id not in _models():
        raise ModelNotFound(f"the model {model_id!r} does not exist; use one of: {', '.join(_models())}")
    return jsonify(_model_card(model_id))


@blueprint.post("/v1/chat/completions")
def chat_completions() -> Response:
    """Answer the conversation's last user message from the articles, in OpenAI's chat-completion format."""
    chat = parse_chat_request(json_body(request), current_app.extensions["newsdesk"].settings)
    services = _models().get(chat.model)
    if services is None:
        raise ModelNotFound(f"the model {chat.model!r} does not exist; use one of: {', '.join(_models())}")
    completion_id = f"chatcmpl-{g.request_id}"
    if chat.stream:
        events = stream_answer(chat.question, services=services, top_k=chat.top_k, options=chat.options, history=chat.history)
        chunks = _chunks(metrics().observe_events(events), chat, completion_id)
        response = Response(stream_with_context(chunks), mimetype="text/event-stream")
        response.headers["Cache-Control"] = "no-cache"
        response.headers["X-Accel-Buffering"] = "no"
        return response
    answer = answer_question(chat.question, services=services, top_k=chat.top_k, options=chat.options, history=chat.history)
    body = answer.to_dict()
    metrics().observe_answer(body)
    message = {"role": "assistant", "content": reply_text(body), "refusal": None, "newsdesk": body}
    return jsonify(
        {
            "id": completion_id,
            "object": "chat.completion",
            "created": int(time.time()),
            "model": chat.model,
            "system_fingerprint": None,
            "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": _finish_reason(body)}],
            "usage": usage(body),
        }
    )


def reply_text(answer: dict[str, Any]) -> str:
    """The answer as a chat window shows it: the text with its [n] marks, then a plain Sources list."""
    if answer["refused"] or not answer["citations"]:
        return answer["answer"]
    return answer["answer"] + sources_block(answer)


def sources_block(answer: dict[str, Any]) -> str:
    lines = []
    for c in answer["citations"]:
        date = (c["published_at"] or "undated")[:10]
        lines.append(" \u2014 ".join(p for p in (f"[{c['n']}] {c['title']}", f"{c['source']}, {date}", c["url"] or "") if p))
    return SOURCES_HEADING + "\n".join(lines)


def usage(answer: dict[str, Any]) -> dict[str, int]:
    """Tokens the language model used (all zero for extractive answers: no model was called)."""
    used = answer.get("usage", {})
    prompt, completion = int(used.get("prompt_tokens", 0)), int(used.get("completion_tokens", 0))
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def _finish_reason(answer: dict[str, Any]) -> str:
    cut = any("output token limit" in w for w in answer["warnings"])
    return "length" if cut else "stop"


def _chunks(events: Iterator[Any], chat: ChatRequest, completion_id: str) -> Iterator[str]:
    """OpenAI's chat.completion.chunk stream: role, content deltas, the finish with `newsdesk`, usage, [DONE]."""
    created = int(time.time())

    def chunk(delta: dict[str, Any] | None, finish: str | None = None, **extra: Any) -> str:
        # With include_usage, every chunk says usage null and one last chunk with no choices carries it.
        body: dict[str, Any] = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": chat.model,
            "system_fingerprint": None,
            "choices": [] if delta is None else [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
            **({"usage": None} if chat.include_usage else {}),
            **extra,
        }
        return _sse(body)

    yield chunk({"role": "assistant", "content": ""})
    streamed = False
    for event in events:
        if event.event == "delta":
            streamed = True
            yield chunk({"content": event.data["text"]})
        elif event.event == "error":
            error = event.data["error"]
            yield _sse({"error": {**_openai_error(502, error["code"], error["message"]), "partial": event.data["partial"]}})
            yield "data: [DONE]\n\n"
            return
        elif event.event == "answer":
            answer = event.data
            tail = _stream_tail(answer, streamed)
            if tail:
                yield chunk({"content": tail})
            yield chunk({}, _finish_reason(answer), newsdesk=answer)
            if chat.include_usage:
                yield chunk(None, usage=usage(answer))
    yield "data: [DONE]\n\n"


def _stream_tail(answer: dict[str, Any], streamed: bool) -> str:
    """What follows the streamed draft: its sources, or, when the check refused it, why."""
    if not streamed:
        return reply_text(answer)
    if answer["refused"]:
        return "\n\n(Not given as an answer: " + answer["answer"] + ")"
    return sources_block(answer) if answer["citations"] else ""


def _sse(body: dict[str, Any]) -> str:
    return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"


def _openai_error(status: int, code: str, message: str, field: str | None = None) -> dict[str, Any]:
    kind = _ERROR_TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
    return {"message": message, "type": kind, "param": field, "code": code, "request_id": g.get("request_id", "-")}


def _openai_error_shape(response: Response) -> Response:
    """Reshape Newsdesk's error envelope into OpenAI's on /v1, so chat clients show the message."""
    if not request.path.startswith("/v1/") or response.status_code < 400 or not response.is_json:
        return response
    body = response.get_json(silent=True)
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict) or "type" in error:
        return response
    shaped = _openai_error(response.status_code, error.get("code", "error"), error.get("message", ""), error.get("field"))
    response.set_data(json.dumps({**body, "error": shaped}, ensure_ascii=False))
    return response

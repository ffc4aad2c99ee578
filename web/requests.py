"""Parse and validate API request bodies into plain values, or raise InvalidRequest naming the field."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from flask import Request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import UnsupportedMediaType

from core.errors import InvalidRequest
from core.settings import Settings
from qa import Message, SearchOptions, validate_question, validate_top_k
from qa.conversation import parse_history

ASK_FIELDS = ("question", "top_k", "stream", "filters", "mode", "recency", "history")
SEARCH_ARGS = ("q", "top_k", "mode", "recency", "source", "published_after", "published_before")


@dataclass(frozen=True)
class AskRequest:
    question: str
    top_k: int
    stream: bool
    options: SearchOptions
    history: tuple[Message, ...] = ()


def json_body(request: Request) -> dict[str, Any]:
    """The request's JSON object; 415 for another content type, 400 for bytes that are not a JSON object."""
    if request.mimetype != "application/json":
        raise UnsupportedMediaType("send the body as JSON with 'Content-Type: application/json'")
    raw = request.get_data(cache=True)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidRequest("the request body is not valid UTF-8") from None
    if not text.strip():
        raise InvalidRequest("the request body is empty; send a JSON object such as {\"question\": \"...\"}")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidRequest(f"the request body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except (ValueError, RecursionError):
        raise InvalidRequest("the request body is JSON nested too deeply or with a number too long to read") from None
    if not isinstance(data, dict):
        raise InvalidRequest("the request body must be a JSON object such as {\"question\": \"...\"}")
    return data


def parse_ask(data: dict[str, Any], settings: Settings, *, wants_event_stream: bool = False) -> AskRequest:
    """Validate an /api/v1/ask body; unknown fields are refused so a typo is not silently ignored.

    The answer streams when the body says `"stream": true` or the client accepts only events.
    """
    unknown = sorted(set(data) - set(ASK_FIELDS))
    if unknown:
        raise InvalidRequest(
            f"unknown field {unknown[0]!r}; accepted fields: {', '.join(ASK_FIELDS)}", field=unknown[0]
        )
    if "question" not in data:
        raise InvalidRequest("'question' is required", field="question")
    question = validate_question(data["question"], max_chars=settings.max_question_chars)
    top_k = validate_top_k(data.get("top_k", settings.top_k), max_top_k=settings.max_top_k)
    stream = data.get("stream", False)
    if not isinstance(stream, bool):
        raise InvalidRequest("'stream' must be true or false", field="stream")
    options = SearchOptions.parse(
        mode=data.get("mode"), filters=data.get("filters"), recency=data.get("recency"), default_mode=settings.retrieval_mode
    )
    history = parse_history(data.get("history"))
    return AskRequest(
        question=question, top_k=top_k, stream=stream or wants_event_stream, options=options, history=history
    )


def parse_search_args(args: MultiDict[str, str], settings: Settings) -> tuple[str, int, SearchOptions]:
    """`GET /api/v1/search` query parameters: q, top_k, mode, recency, source (repeatable), published_after/before."""
    unknown = sorted(set(args) - set(SEARCH_ARGS))
    if unknown:
        raise InvalidRequest(f"unknown parameter {unknown[0]!r}; accepted: {', '.join(SEARCH_ARGS)}", field=unknown[0])
    question = validate_question(args.get("q", ""), max_chars=settings.max_question_chars)
    top_k = parse_top_k_arg(args.get("top_k"), settings)
    filters: dict[str, Any] = {}
    sources = [s for value in args.getlist("source") for s in value.split(",") if s.strip()]
    if args.getlist("source"):
        filters["source"] = sources or ""
    for name in ("published_after", "published_before"):
        if name in args:
            filters[name] = args[name]
    recency = _flag(args.get("recency"), field="recency")
    options = SearchOptions.parse(
        mode=args.get("mode"), filters=filters, recency=recency, default_mode=settings.retrieval_mode, filter_prefix=""
    )
    return question, top_k, options


def _flag(raw: str | None, *, field: str) -> bool | None:
    if raw is None or raw == "":
        return None
    if raw.lower() in ("true", "1", "yes"):
        return True
    if raw.lower() in ("false", "0", "no"):
        return False
    raise InvalidRequest(f"'{field}' must be true or false", field=field)


def parse_top_k_arg(raw: str | None, settings: Settings) -> int:
    """A `top_k` query-string value as validated int (the default when absent)."""
    if raw is None or raw == "":
        return settings.top_k
    try:
        value: object = int(raw)
    except ValueError:
        value = raw
    return validate_top_k(value, max_top_k=settings.max_top_k)

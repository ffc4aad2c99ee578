"""Parse and validate API request bodies into plain values, or raise InvalidRequest naming the field."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import Request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import UnsupportedMediaType

from core.errors import InvalidRequest
from core.settings import Settings
from index.surrogates import find_lone_surrogate
from qa import Message, SearchOptions, validate_question, validate_top_k
from qa.conversation import parse_history

ASK_FIELDS = ("question", "top_k", "stream", "filters", "search_mode", "mode", "recency", "history", "include_draft")
SEARCH_ARGS = ("q", "top_k", "search_mode", "mode", "recency", "source", "published_after", "published_before")
MODE_DEPRECATED = "'mode' is deprecated and will be removed: send the search method as 'search_mode'"
MODE_IGNORED = "'mode' is deprecated and was ignored, as 'search_mode' was given"


@dataclass(frozen=True)
class AskRequest:
    question: str
    top_k: int
    stream: bool
    options: SearchOptions
    history: tuple[Message, ...] = ()
    include_draft: bool = False
    warnings: tuple[str, ...] = ()


def json_body(request: Request, *, checked_by_caller: tuple[str, ...] = ()) -> dict[str, Any]:
    """The request's JSON object; 415 for another content type, 400 for bytes that are not a JSON object.

    A lone surrogate (JSON's `"\\ud800"`) anywhere is a 400 naming its field, except under the
    top-level keys in `checked_by_caller` (a batch whose items are judged one by one).
    """
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
    where = find_lone_surrogate({k: v for k, v in data.items() if k not in checked_by_caller})
    if where is not None:
        raise InvalidRequest(f"'{where}' is not valid text: it holds a lone surrogate (\\ud800-\\udfff)", field=where)
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
    stream = _bool_field(data, "stream")
    include_draft = _bool_field(data, "include_draft")
    search_mode, warnings = search_method(data)
    options = SearchOptions.parse(
        mode=search_mode, filters=data.get("filters"), recency=data.get("recency"), default_mode=settings.retrieval_mode
    )
    history = parse_history(data.get("history"))
    return AskRequest(
        question=question, top_k=top_k, stream=stream or wants_event_stream, options=options, history=history,
        include_draft=include_draft, warnings=warnings,
    )


def _bool_field(data: dict[str, Any], name: str) -> bool:
    value = data.get(name, False)
    if not isinstance(value, bool):
        raise InvalidRequest(f"'{name}' must be true or false", field=name)
    return value


def search_method(values: Mapping[str, Any]) -> tuple[Any, tuple[str, ...]]:
    """The requested search method: `search_mode`, or the deprecated `mode` with a warning saying so."""
    if "mode" not in values:
        return values.get("search_mode"), ()
    if "search_mode" in values:
        return values["search_mode"], (MODE_IGNORED,)
    return values["mode"], (MODE_DEPRECATED,)


def parse_search_args(args: MultiDict[str, str], settings: Settings) -> tuple[str, int, SearchOptions, tuple[str, ...]]:
    """`GET /api/v1/search` query parameters: q, top_k, search_mode, recency, source (repeatable), published_after/before.

    Returns the question, top_k, the search options and any deprecation warnings.
    """
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
    search_mode, warnings = search_method(args)
    options = SearchOptions.parse(
        mode=search_mode, filters=filters, recency=recency, default_mode=settings.retrieval_mode, filter_prefix=""
    )
    return question, top_k, options, warnings


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

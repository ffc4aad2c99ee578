"""The OpenAPI 3.1 document at /api/v1/openapi.json: every endpoint, its bodies and its errors.

Paths and operations are listed here beside the schemas in `web/openapi_schemas.py`; the tests
hold them to the code (every route of the app is documented and nothing else, the request
schemas accept exactly the parsers' fields) and schemathesis checks the responses against them.
"""

from __future__ import annotations

import copy
from typing import Any

from flask import Blueprint, Response, current_app, jsonify

from core.settings import Settings
from web.openapi_schemas import INT, SCHEMAS, STR, ref

blueprint = Blueprint("openapi", __name__)

ERROR_STATUSES = {
    "400": "the request is invalid; `error.field` names the bad input",
    "401": "an API key is needed: `Authorization: Bearer <key>`",
    "403": "writes are switched off (no NEWSDESK_API_KEYS)",
    "404": "no such thing",
    "405": "method not allowed",
    "406": "the client must accept application/json (and, for MCP, text/event-stream)",
    "413": "the body is over the size limit",
    "415": "send JSON with Content-Type: application/json",
    "422": "the source could not be read",
    "429": "over NEWSDESK_RATE_LIMIT; see Retry-After",
    "500": "unexpected; quote the request id",
    "502": "the language model failed; retrieved passages included",
    "503": "the store or model is unavailable, or the server is busy; see Retry-After",
    "504": "the model did not answer in time; retrieved passages included",
}
READ_ERRORS = ("400", "401", "429", "500", "503")
ANSWER_ERRORS = (*READ_ERRORS, "413", "415", "502", "504")
WRITE_ERRORS = ("400", "401", "403", "413", "415", "422", "429", "500", "503")
REQUEST_ID = {"X-Request-Id": {"description": "the request id (the caller's own, when it sent a plain one)", "schema": STR}}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "headers": REQUEST_ID, "content": {"application/json": {"schema": schema}}}


def _errors(statuses: tuple[str, ...], schema: str = "Error") -> dict[str, Any]:
    return {s: _json(ref(schema), ERROR_STATUSES[s]) for s in statuses}


def _op(summary: str, ok: dict[str, Any], errors: tuple[str, ...], *, tag: str, error_schema: str = "Error", **extra: Any) -> dict[str, Any]:
    status = extra.pop("ok_status", "200")
    return {"summary": summary, "tags": [tag], "responses": {status: ok, **_errors(errors, error_schema)}, **extra}


def _body(schema: str) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": ref(schema)}}}


def _query(name: str, schema: dict[str, Any], description: str = "", required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "schema": schema, "description": description}


SEARCH_PARAMETERS = [
    _query("q", {**STR, "minLength": 1}, "the question or keywords", required=True),
    _query("top_k", {**INT, "minimum": 1}, "passages to return"),
    _query("search_mode", SCHEMAS["AskRequest"]["properties"]["search_mode"]),
    _query("mode", {**SCHEMAS["AskRequest"]["properties"]["mode"]}, "deprecated name of search_mode"),
    _query("recency", {"type": "string", "enum": ["true", "false"]}),
    _query("source", STR, "an outlet (repeatable, or comma-separated)"),
    _query("published_after", STR, "ISO 8601 date or time"),
    _query("published_before", STR, "ISO 8601 date or time"),
]
# A text/event-stream schema describes one event (OpenAPI 3.2's reading): its `event` name and `data`.
EVENTS = {
    "description": "server-sent events: `passages`, then `delta` (text), then `answer` (an Answer) or `error`",
    "type": "object",
    "properties": {"event": {"enum": ["passages", "delta", "answer", "error"]}, "data": {**STR, "contentMediaType": "application/json"}},
    "required": ["event", "data"],
}
CHUNKS = {
    "description": "OpenAI chat.completion.chunk events, the last with `newsdesk` (the Answer), then `data: [DONE]`",
    "type": "object",
    "properties": {"data": STR},
    "required": ["data"],
}
HEALTH = {"type": "object", "properties": {"status": STR}, "required": ["status"]}


def _paths() -> dict[str, Any]:
    return {
        "/api/v1/ask": {"post": _op(
            "Answer a question with citations", _json(ref("Answer"), "the answer (or a refusal)") | {
                "content": {"application/json": {"schema": ref("Answer")}, "text/event-stream": {"schema": EVENTS}}},
            ANSWER_ERRORS, tag="answers", requestBody=_body("AskRequest"))},
        "/api/v1/search": {"get": _op(
            "The passages a question retrieves (no model call)", _json(ref("SearchResponse"), "passages, best first"),
            READ_ERRORS, tag="answers", parameters=SEARCH_PARAMETERS)},
        "/api/v1/articles": {
            "get": _op("List articles", _json(ref("ArticleList"), "a page of articles"), READ_ERRORS, tag="articles", parameters=[
                _query("limit", {**INT, "minimum": 1, "maximum": 200}), _query("offset", {**INT, "minimum": 0, "maximum": 10**9}), _query("source", STR)]),
            "post": _op("Add or update articles (API key)", _json(ref("IngestReport"), "updated or unchanged"),
                        WRITE_ERRORS, tag="articles", requestBody=_body("AddArticles"), security=[{"bearer": []}],
                        ok_status="200") | {"responses": {
                            "200": _json(ref("IngestReport"), "updated or unchanged"),
                            "201": _json(ref("IngestReport"), "at least one article added"),
                            **_errors(WRITE_ERRORS)}},
        },
        "/api/v1/articles/{article_id}": {
            "parameters": [{"name": "article_id", "in": "path", "required": True, "schema": STR}],
            "get": _op("One article", _json(ref("Article"), "the article"), (*READ_ERRORS, "404"), tag="articles"),
            "delete": _op("Delete an article (API key)", _json({"type": "object", "properties": {"deleted": STR}}, "deleted"),
                          (*WRITE_ERRORS, "404"), tag="articles", security=[{"bearer": []}]),
        },
        "/api/v1/openapi.json": {"get": _op("This document", _json({"type": "object"}, "OpenAPI 3.1"), ("500",), tag="meta")},
        "/v1/models": {"get": _op("Model ids (one per answerer)", _json(ref("ModelList"), "the models"),
                                  READ_ERRORS, tag="openai", error_schema="OpenAIError")},
        "/v1/models/{model_id}": {
            "parameters": [{"name": "model_id", "in": "path", "required": True, "schema": STR}],
            "get": _op("One model id", _json(ref("Model"), "the model"), (*READ_ERRORS, "404"), tag="openai", error_schema="OpenAIError"),
        },
        "/v1/chat/completions": {"post": _op(
            "OpenAI-compatible chat: the last user message answered from the articles",
            _json(ref("ChatCompletion"), "the completion") | {"content": {
                "application/json": {"schema": ref("ChatCompletion")}, "text/event-stream": {"schema": CHUNKS}}},
            (*ANSWER_ERRORS, "404"), tag="openai", error_schema="OpenAIError", requestBody=_body("ChatCompletionRequest"))},
        "/mcp": {"post": _op(
            "Model Context Protocol, streamable HTTP (stateless, JSON responses): tools ask_news, search_news",
            _json({"type": "object", "description": "a JSON-RPC 2.0 response"}, "the JSON-RPC response"),
            (*READ_ERRORS, "404", "406", "413", "415"), tag="mcp", error_schema="McpError",
            requestBody={"required": True, "content": {"application/json": {"schema": {"type": "object", "description": "a JSON-RPC 2.0 message"}}}},
        ) | {"x-newsdesk-note": "speak MCP to it with an MCP client; plain HTTP calls are answered with JSON-RPC errors"},
        },
        **_meta_paths(),
    }


def _meta_paths() -> dict[str, Any]:
    return {
        "/healthz": {"get": _op("Liveness", _json(HEALTH, "the process serves"), ("500",), tag="meta")},
        "/readyz": {"get": _op("Readiness: the store answers", _json({**HEALTH, "additionalProperties": True}, "ready"), ("500", "503"), tag="meta")},
        "/metrics": {"get": _op("Prometheus metrics", {"description": "text exposition", "content": {"text/plain": {"schema": STR}}},
                                ("500",), tag="meta")},
        "/": {"get": _op("The reader's page (HTML); `?q=` answers on the server", {"description": "HTML", "content": {"text/html": {"schema": STR}}},
                         ("401", "429", "500"), tag="page", parameters=[_query("q", STR, "a question")])},
    }


def _limited(settings: Settings) -> dict[str, Any]:
    """The schemas with this server's limits (question length, top_k) filled in."""
    schemas = copy.deepcopy(SCHEMAS)
    question = {"maxLength": settings.max_question_chars, "pattern": r"\S"}
    top_k = {"maximum": settings.max_top_k}
    schemas["AskRequest"]["properties"]["question"].update(question)
    schemas["AskRequest"]["properties"]["top_k"].update(top_k)
    schemas["ChatCompletionRequest"]["properties"]["newsdesk"]["properties"]["top_k"].update(top_k)
    return schemas


def _search_parameters(settings: Settings) -> list[dict[str, Any]]:
    limits = {"q": {"maxLength": settings.max_question_chars, "pattern": r"\S"}, "top_k": {"maximum": settings.max_top_k}}
    return [{**p, "schema": {**p["schema"], **limits.get(p["name"], {})}} for p in SEARCH_PARAMETERS]


def document(settings: Settings) -> dict[str, Any]:
    """The whole OpenAPI 3.1 document, with this server's limits."""
    paths = _paths()
    paths["/api/v1/search"]["get"]["parameters"] = _search_parameters(settings)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Newsdesk",
            "version": "1",
            "description": "Questions about news articles answered with citations. Errors: `{\"error\": {\"code\", \"message\", "
            "\"request_id\"}}` (OpenAI's error shape under /v1). See docs/api.md.",
        },
        "paths": paths,
        "components": {
            "schemas": _limited(settings),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "a key from NEWSDESK_API_KEYS"}},
        },
    }


@blueprint.get("/api/v1/openapi.json")
def openapi_json() -> Response:
    """The OpenAPI 3.1 description of this API."""
    return jsonify(document(current_app.extensions["newsdesk"].settings))

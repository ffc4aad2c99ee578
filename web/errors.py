"""Every error leaves as `{"error": {"code", "message"}}` with the right status, never a traceback.

NewsdeskError subclasses carry their own status and code; Werkzeug's HTTP errors
(404, 405, 413, ...) are given stable codes; anything unexpected is logged with the
request id and answered with a 500 that names that id and nothing else.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from core.errors import (
    Busy,
    ConfigError,
    EmbedderMismatch,
    ModelError,
    ModelRateLimited,
    NewsdeskError,
    StoreUnavailable,
    WarmingUp,
)
from web import present

log = logging.getLogger("newsdesk.web")

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
}

# Their messages name the store's path or Chroma URL: the log gets them, callers a plain sentence.
_PUBLIC_MESSAGES = {
    StoreUnavailable: "the article store is unavailable right now",
    EmbedderMismatch: "the article store was built by another embedder than the one configured",
    ConfigError: "the server is misconfigured",
}


def error_response(status: int, code: str, message: str, *, field: str | None = None, **extra: Any) -> Response:
    """The JSON error envelope; `field` names the bad input, `extra` sits beside `error` (e.g. passages).

    Every error names the request id, so a caller can quote it and an operator find its log lines.
    """
    error: dict[str, Any] = {"code": code, "message": message}
    if field is not None:
        error["field"] = field
    error["request_id"] = g.get("request_id", "-")
    body: dict[str, Any] = {"error": error}
    body.update({k: v for k, v in extra.items() if v is not None})
    response = jsonify(body)
    response.status_code = status
    return response


# Pages answer errors with a page in words; the API and the page script's JSON calls keep the envelope.
_PAGE_BLUEPRINTS = ("pages", "adding", "session")
_PAGE_HEADINGS = {400: "That did not work", 401: "Not signed in", 403: "Not allowed", 404: "Not found", 413: "Too large"}


def _wants_html() -> bool:
    return request.endpoint == "form.index" or request.blueprint in _PAGE_BLUEPRINTS


def _page(status: int, code: str, message: str, passages: tuple[Any, ...] = ()) -> tuple[str, int]:
    """An error as a page: our own words for it, never a library's message; what was found, if anything."""
    words = present.error_words(code, status, message)
    if request.endpoint == "form.index":
        # Imported here: the page module imports this module's neighbours.
        from web.form import page_context

        found = present.searched_articles({"passages": [p.to_dict() for p in passages]})
        return render_template("index.html", **page_context(request.args.get("q", ""), error=words, found=found)), status
    heading = _PAGE_HEADINGS.get(status, "Something went wrong")
    return render_template("error.html", heading=heading, message=words), status


def register_error_handlers(app: Flask) -> None:
    """Map every exception to a response in this one place."""

    @app.errorhandler(NewsdeskError)
    def newsdesk_error(exc: NewsdeskError) -> Response | tuple[str, int]:
        if exc.status >= 500:
            log.warning("request %s failed: %s (%s)", g.get("request_id"), exc.code, exc.message)
        passages = exc.passages if isinstance(exc, ModelError) else ()
        if _wants_html():
            return _page(exc.status, exc.code, _public_message(exc), tuple(passages))
        response = error_response(
            exc.status,
            exc.code,
            _public_message(exc),
            field=getattr(exc, "field", None),
            passages=[p.to_dict() for p in passages] if passages else None,  # type: ignore[attr-defined]
        )
        if isinstance(exc, (ModelRateLimited, Busy, WarmingUp)):
            response.headers["Retry-After"] = str(exc.retry_after or 30)
        return response

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response | tuple[str, int]:
        status = exc.code or 500
        if _wants_html():
            return _page(status, "invalid_request" if status < 500 else "http_error", _page_message(exc))
        response = error_response(status, _HTTP_CODES.get(status, "http_error"), _http_message(exc))
        if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected_error(exc: Exception) -> Response | tuple[str, int]:
        request_id = g.get("request_id", "-")
        log.exception("request %s: unexpected error", request_id)
        if _wants_html():
            return _page(500, "internal", "")
        return error_response(500, "internal", f"unexpected server error; quote request id {request_id} when reporting it")


def _public_message(exc: NewsdeskError) -> str:
    for kind, message in _PUBLIC_MESSAGES.items():
        if isinstance(exc, kind):
            return f"{message}; quote request id {g.get('request_id', '-')} when reporting it"
    return exc.message


def _page_message(exc: HTTPException) -> str:
    """Words for a page: the description our page modules gave the abort, else a plain default."""
    if exc.code == 413:
        return "That is more than this server accepts at once. Send fewer or smaller files."
    if exc.description and exc.description != type(exc).description:
        return exc.description
    if exc.code == 404:
        return "There is nothing at this address."
    return "The request could not be handled. Go back and try again."


def _http_message(exc: HTTPException) -> str:
    if exc.code == 404:
        return f"no such endpoint: {request.method} {request.path}"
    if exc.code == 405:
        return f"{request.method} is not allowed on {request.path}"
    if exc.code == 413:
        limit = request.max_content_length
        return f"request body is over the {limit}-byte limit" if limit else "request body is too large"
    return exc.description or exc.name

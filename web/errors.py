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

from core.errors import ModelError, ModelRateLimited, NewsdeskError, WarmingUp

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


def error_response(status: int, code: str, message: str, *, field: str | None = None, **extra: Any) -> Response:
    """The JSON error envelope; `field` names the bad input, `extra` sits beside `error` (e.g. passages)."""
    error: dict[str, Any] = {"code": code, "message": message}
    if field is not None:
        error["field"] = field
    body: dict[str, Any] = {"error": error}
    body.update({k: v for k, v in extra.items() if v is not None})
    response = jsonify(body)
    response.status_code = status
    return response


def _wants_html() -> bool:
    return request.path == "/" and request.method == "GET"


def register_error_handlers(app: Flask) -> None:
    """Map every exception to a response in this one place."""

    @app.errorhandler(NewsdeskError)
    def newsdesk_error(exc: NewsdeskError) -> Response | tuple[str, int]:
        if exc.status >= 500:
            log.warning("request %s failed: %s (%s)", g.get("request_id"), exc.code, exc.message)
        if _wants_html():
            return render_template("index.html", q=request.args.get("q", ""), error=exc.message), exc.status
        passages = exc.passages if isinstance(exc, ModelError) else ()
        response = error_response(
            exc.status,
            exc.code,
            exc.message,
            field=getattr(exc, "field", None),
            passages=[p.to_dict() for p in passages] if passages else None,  # type: ignore[attr-defined]
        )
        if isinstance(exc, (ModelRateLimited, WarmingUp)):
            response.headers["Retry-After"] = str(exc.retry_after or 30)
        return response

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        status = exc.code or 500
        response = error_response(status, _HTTP_CODES.get(status, "http_error"), _http_message(exc))
        if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected_error(exc: Exception) -> Response:
        request_id = g.get("request_id", "-")
        log.exception("request %s: unexpected error", request_id)
        return error_response(
            500, "internal", f"unexpected server error; quote request id {request_id} when reporting it",
            request_id=request_id,
        )


def _http_message(exc: HTTPException) -> str:
    if exc.code == 404:
        return f"no such endpoint: {request.method} {request.path}"
    if exc.code == 405:
        return f"{request.method} is not allowed on {request.path}"
    if exc.code == 413:
        limit = request.max_content_length
        return f"request body is over the {limit}-byte limit" if limit else "request body is too large"
    return exc.description or exc.name

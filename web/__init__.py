"""The web surface: `create_app(settings, services=...)` builds the Flask app (HTML form + JSON API)."""

from __future__ import annotations

import atexit
import logging
import os
import uuid
from collections.abc import Callable

from flask import Flask, Response, g, request

from core.settings import Settings
from index.ownership import Handoff, StoreLock, require_lock
from qa import Services, build_services
from web import add_articles, api, articles, form, openai_compat, openapi, pages_articles, session
from web.cors import register_cors
from web.errors import register_error_handlers
from web.keys import require_key_for_reads
from web.logs import configure_logging
from web.metrics import register_metrics
from web.ratelimit import register_rate_limit
from web.shedding import answer_slots
from web.warmup import Warmup

# Scripts only from our own files (no inline script, no CDN); the page's script may call our API only.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def create_app(
    settings: Settings | None = None,
    *,
    services: Services | None = None,
    build: Callable[[Settings], Services] = build_services,
) -> Flask:
    """Build the app; without `services` it reads the environment and starts loading the real models and store.

    Given `services` (tests), the app is ready at once. Otherwise it claims the store (on an
    embedded store, as its only writer: index/ownership.py), returns at once and builds the
    services with `build` in the background (web/warmup.py).
    """
    local_key = None
    if services is not None:
        settings, warmup = services.settings, Warmup.ready(services)
    else:
        settings = settings or Settings.from_env(os.environ)
        local_key = _claim_store(settings)
        warmup = Warmup.start(settings, build)
    configure_logging(settings.log_format)
    # With CHROMA_URL, httpx would log every Chroma call at INFO.
    logging.getLogger("httpx").setLevel(logging.WARNING)

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.extensions["newsdesk"] = warmup
    # The credential `python -m index` reads from the handoff file to hand its writes to this process.
    app.extensions["newsdesk.local_key"] = local_key and local_key.token
    app.extensions["newsdesk.answer_slots"] = answer_slots(
        settings.max_inflight, wait=settings.queue_wait, answer_deadline=settings.answer_deadline
    )

    _register_guards(app, settings)
    _register_surfaces(app, settings)
    register_error_handlers(app)

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Request-Id"] = g.get("request_id", "")
        return response

    return app


def _register_guards(app: Flask, settings: Settings) -> None:
    """Request ids, metrics, rate limits, read keys and CORS: what every request passes first."""
    # First, so every later hook, error and log line has the id.
    @app.before_request
    def assign_request_id() -> None:
        supplied = request.headers.get("X-Request-Id", "")
        g.request_id = supplied if _is_usable_id(supplied) else uuid.uuid4().hex[:16]

    register_metrics(app, settings)
    register_rate_limit(app, settings)
    app.before_request(require_key_for_reads)
    register_cors(app, settings)


def _register_surfaces(app: Flask, settings: Settings) -> None:
    """The page, the JSON API, the articles pages, the OpenAPI document, /v1 and /mcp."""
    app.register_blueprint(form.blueprint)
    app.register_blueprint(api.blueprint)
    app.register_blueprint(articles.blueprint)
    app.register_blueprint(pages_articles.blueprint)
    app.register_blueprint(add_articles.blueprint)
    session.init_app(app, settings)
    app.register_blueprint(openapi.blueprint)
    openai_compat.register(app)
    # Imported here, not with the package: `python -m web.mcp` must find web.mcp not yet imported.
    from web import mcp

    mcp.register(app)


def _is_usable_id(supplied: str) -> bool:
    """A caller's X-Request-Id is kept when it is short and plain (it ends up in logs and bodies)."""
    return 0 < len(supplied) <= 64 and all(c.isascii() and (c.isalnum() or c in "-_.") for c in supplied)


def _claim_store(settings: Settings) -> Handoff | None:
    """Become the only writer of an embedded store and tell the CLI how to reach us; None with CHROMA_URL."""
    if settings.chroma_url:
        return None
    lock = StoreLock(settings.chroma_path)
    require_lock(lock, "the Newsdesk server", "start the server")
    host = "127.0.0.1" if settings.host in ("", "0.0.0.0", "::") else settings.host
    handoff = lock.publish_handoff(f"http://{'[' + host + ']' if ':' in host else host}:{settings.port}")
    atexit.register(lock.release)
    return handoff


__all__ = ["create_app"]

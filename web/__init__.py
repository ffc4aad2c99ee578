"""The web surface: `create_app(settings, services=...)` builds the Flask app (HTML form + JSON API)."""

from __future__ import annotations

import logging
import os
import uuid

from flask import Flask, Response, g, request

from core.settings import Settings
from qa import Services, build_services
from web import add_articles, api, articles, form, pages_articles, session
from web.errors import register_error_handlers
from web.shedding import answer_slots

# Scripts only from our own files (no inline script, no CDN); the page's script may call our API only.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def create_app(settings: Settings | None = None, *, services: Services | None = None) -> Flask:
    """Build the app; without arguments it reads the environment and loads the real models and store."""
    if services is None:
        settings = settings or Settings.from_env(os.environ)
        services = build_services(settings)
    settings = services.settings
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.extensions["newsdesk"] = services
    app.extensions["newsdesk.answer_slots"] = answer_slots(
        settings.max_inflight, wait=settings.queue_wait, answer_deadline=settings.answer_deadline
    )
    app.register_blueprint(form.blueprint)
    app.register_blueprint(api.blueprint)
    app.register_blueprint(articles.blueprint)
    app.register_blueprint(pages_articles.blueprint)
    app.register_blueprint(add_articles.blueprint)
    session.init_app(app, settings)
    register_error_handlers(app)

    @app.before_request
    def assign_request_id() -> None:
        supplied = request.headers.get("X-Request-Id", "")
        g.request_id = supplied if supplied.isalnum() and len(supplied) <= 64 else uuid.uuid4().hex[:16]

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Request-Id"] = g.get("request_id", "")
        return response

    return app


__all__ = ["create_app"]

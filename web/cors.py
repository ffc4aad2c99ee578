"""Cross-origin access for browser-based chat front ends: only the origins in NEWSDESK_CORS_ORIGINS."""

from __future__ import annotations

from flask import Flask
from flask_cors import CORS

from core.settings import Settings

# The API surfaces a browser front end calls; the HTML page is same-origin and needs none.
CORS_PATHS = r"^/(api/v1/.*|v1/.*|mcp)$"


def register_cors(app: Flask, settings: Settings) -> None:
    """Send CORS headers to allowed origins only; with no origins configured, none are sent at all."""
    origins = list(settings.cors_origin_list)
    if not origins:
        return
    CORS(
        app,
        resources={CORS_PATHS: {"origins": "*" if origins == ["*"] else origins}},
        allow_headers=["Authorization", "Content-Type", "X-Request-Id", "Mcp-Session-Id", "Mcp-Protocol-Version"],
        expose_headers=["X-Request-Id", "Retry-After", "Mcp-Session-Id"],
        methods=["GET", "POST", "DELETE", "OPTIONS"],
        max_age=600,
    )

"""Rate limits (NEWSDESK_RATE_LIMIT) per API key, or per client address for callers without one.

Counts live in memory, per process, unless REDIS_URL is set: then every worker shares them.
Over the limit: 429 in the usual error envelope with Retry-After (the OpenAI-compatible
endpoint reshapes it into OpenAI's error, as it does every error).
"""

from __future__ import annotations

import math
import time

from flask import Flask, Response, request
from flask_limiter import Limiter, RateLimitExceeded
from flask_limiter.util import get_remote_address

from core.settings import Settings
from web.errors import error_response
from web.keys import OPEN_PATHS, is_valid_key, key_fingerprint, presented_key


def register_rate_limit(app: Flask, settings: Settings) -> Limiter | None:
    """Apply NEWSDESK_RATE_LIMIT to every path but the probes, metrics and static files; None when unset."""
    if not settings.rate_limit:
        return None

    def caller() -> str:
        supplied = presented_key(request)
        # Only a valid key names a bucket: otherwise made-up keys would each get a fresh allowance.
        if is_valid_key(supplied, settings.api_key_set):
            return f"key:{key_fingerprint(supplied or '')}"
        return f"addr:{get_remote_address()}"

    def exempt() -> bool:
        return request.method == "OPTIONS" or request.path in OPEN_PATHS or request.path.startswith("/static/")

    limiter = Limiter(
        caller,
        app=app,
        default_limits=[settings.rate_limit],
        default_limits_exempt_when=exempt,
        storage_uri=settings.redis_url or "memory://",
        # A Redis outage must not take the service down with it: requests pass, the error is logged.
        swallow_errors=True,
        key_prefix="newsdesk",
    )

    @app.errorhandler(RateLimitExceeded)
    def too_many(exc: RateLimitExceeded) -> Response:
        current = limiter.current_limit
        wait = max(1, math.ceil(current.reset_at - time.time())) if current else 1
        response = error_response(
            429, "rate_limited", f"too many requests: the limit is {exc.description}; retry in {wait} s"
        )
        response.headers["Retry-After"] = str(wait)
        return response

    return limiter

"""API keys: who may write, and (with NEWSDESK_REQUIRE_KEYS_FOR_READS=yes) who may read.

Keys come from NEWSDESK_API_KEYS and arrive as `Authorization: Bearer <key>`, which is also
what every OpenAI client sends, so a chat front end only needs the key set as its API key.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Collection

from flask import Request, current_app, request

from core.errors import Unauthorized
from core.settings import Settings

# Reads that stay open even when keys are required: probes, metrics scrapers, the API description.
OPEN_PATHS = frozenset({"/healthz", "/readyz", "/metrics", "/api/v1/openapi.json"})


def presented_key(req: Request) -> str | None:
    """The bearer token the request carries, if any."""
    scheme, _, supplied = req.headers.get("Authorization", "").partition(" ")
    return supplied.strip() if scheme.lower() == "bearer" and supplied.strip() else None


def is_valid_key(supplied: str | None, keys: Collection[str]) -> bool:
    """True when `supplied` is one of `keys` (usually `settings.api_key_set`)."""
    if not supplied:
        return False
    # Compare against every key in constant time, so timing does not reveal how much matched.
    matched = [hmac.compare_digest(supplied.encode(), key.encode()) for key in keys]
    return any(matched)


def key_fingerprint(supplied: str) -> str:
    """A short, non-reversible name for a key (rate-limit buckets, logs): the key itself is never stored."""
    return hashlib.sha256(supplied.encode()).hexdigest()[:16]


def require_key_for_reads() -> None:
    """before_request guard: with NEWSDESK_REQUIRE_KEYS_FOR_READS=yes, every non-open path needs a key."""
    settings: Settings = current_app.extensions["newsdesk"].settings
    if not settings.require_keys_for_reads or request.method == "OPTIONS":
        return
    if request.path in OPEN_PATHS or request.path.startswith("/static/"):
        return
    if not is_valid_key(presented_key(request), settings.api_key_set):
        raise Unauthorized("this server requires an API key for reads: send 'Authorization: Bearer <key>'")

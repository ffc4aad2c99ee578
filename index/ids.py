"""Stable identifiers: the same story always gets the same article id and chunk ids."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


def normalize_url(url: str) -> str:
    """Canonical form of a URL: lower-case scheme and host, https, no fragment,
    no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    host = (parts.hostname or "").lower()
    netloc = f"{host}:{parts.port}" if parts.port and parts.port not in (80, 443) else host
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(_TRACKING_PARAMS))
    )
    path = parts.path.rstrip("/") or ""
    return urlunsplit((scheme, netloc, path, query, ""))


def clean_url(url: str) -> str:
    """The URL to show and store: tracking parameters and fragment removed, otherwise as given."""
    parts = urlsplit(url.strip())
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(_TRACKING_PARAMS)]
    )
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def article_id_for(*, url: str | None, title: str, body: str) -> str:
    """From the URL when the article has one (so an edited story keeps its id), else from its text."""
    key = f"url:{normalize_url(url)}" if url else f"text:{title.strip()}\n{body.strip()}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def chunk_id_for(article_id: str, version: str, seq: int) -> str:
    """Chunk ids carry the article version so a new version never overwrites the one being read."""
    return f"{article_id}-{version[:8]}-{seq:04d}"

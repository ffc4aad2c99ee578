"""The articles API: add (JSON or a URL), list, read and delete articles.

Reads are open like the rest of the API. Writes need `Authorization: Bearer <key>` with a key
from NEWSDESK_API_KEYS; with no keys configured, writing is switched off (403 saying how to
switch it on), so a fresh install never exposes an open write endpoint. A server that owns an
embedded store also accepts, from loopback only, the credential it left for `python -m index`
in its handoff file (index/ownership.py).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from core.errors import (
    ArticleNotFound,
    InvalidRequest,
    SourceError,
    Unauthorized,
    WritesDisabled,
)
from core.settings import Settings
from index import ingest_items
from index.article_fields import LoadProblem, article_from_fields
from index.fetch import FetchLimits, is_web_address
from index.loaders import iter_articles
from web.context import services
from web.keys import is_valid_key, presented_key
from web.metrics import metrics
from web.requests import json_body

blueprint = Blueprint("articles", __name__)

MAX_ARTICLES_PER_REQUEST = 100
MAX_PAGE = 200


def require_writer() -> None:
    """Let the request through only with one of the configured API keys, or the local CLI's credential."""
    keys = set(services().settings.api_key_set)
    local_key = current_app.extensions.get("newsdesk.local_key")
    if local_key and request.remote_addr in ("127.0.0.1", "::1"):
        keys.add(local_key)
    if not keys:
        raise WritesDisabled(
            "write endpoints are disabled: set NEWSDESK_API_KEYS to one or more comma-separated keys "
            "(at least 16 characters each) and send 'Authorization: Bearer <key>'"
        )
    if not is_valid_key(presented_key(request), keys):
        raise Unauthorized("send a valid API key as 'Authorization: Bearer <key>'")


@blueprint.before_request
def limit_uploads() -> None:
    if request.method == "POST":
        # Article bodies are larger than questions: uploads get their own limit.
        request.max_content_length = services().settings.max_upload_bytes


@blueprint.post("/api/v1/articles")
def add_articles() -> tuple[Response, int]:
    """Add or update articles: `{"article": {...}}`, `{"articles": [...]}` or `{"url": "https://..."}`."""
    require_writer()
    body = json_body(request, checked_by_caller=("article", "articles"))
    given = [k for k in ("article", "articles", "url") if k in body]
    unknown = sorted(set(body) - {"article", "articles", "url", "source"})
    if unknown:
        raise InvalidRequest(f"unknown field {unknown[0]!r}; send one of article, articles or url", field=unknown[0])
    if len(given) != 1:
        raise InvalidRequest("send exactly one of 'article' (an object), 'articles' (a list) or 'url'")
    source = body.get("source")
    if source is not None and (not isinstance(source, str) or not source.strip()):
        raise InvalidRequest("'source' must be a non-empty outlet name", field="source")
    items = list(_items(body, given[0], source))
    index = services().index
    report = ingest_items(
        items, store=index.store, embedder=index.embedder, chunker=index.chunker, sentences=index.sentences
    )
    metrics().observe_ingest(report)
    failed = [_failure(p) for p in report.failed]
    payload = {
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "failed": failed,
        "chunks_written": report.chunks_written,
    }
    if not (report.added or report.updated or report.unchanged):
        first = failed[0] if failed else {"code": "unreadable_source", "message": "no article could be read"}
        error = {k: first[k] for k in ("code", "message", "field") if k in first}
        return jsonify({**payload, "error": error}), 422
    return jsonify(payload), 201 if report.added else 200


def _failure(problem: LoadProblem) -> dict[str, str]:
    """One item that was not stored: where it was in the request, a stable code, and why."""
    failure = {"item": problem.location, "code": SourceError.code, "message": f"{problem.location}: {problem.reason}"}
    if problem.field is not None and problem.location.startswith("article"):
        failure["field"] = f"{problem.location}.{problem.field}"
    return failure


def fetch_limits(settings: Settings) -> FetchLimits:
    """Limits for fetching a URL a caller sent: time, size, and (unless allowed) public hosts only."""
    return FetchLimits(
        timeout=settings.fetch_timeout, max_bytes=settings.fetch_max_bytes, public_only=not settings.api_fetch_private
    )


def _items(body: dict[str, Any], kind: str, source: str | None) -> list[Any]:
    if kind == "url":
        url = body["url"]
        if not isinstance(url, str) or not is_web_address(url):
            raise InvalidRequest("'url' must be an http(s) URL", field="url")
        return list(iter_articles([url], default_source=source, fetch_limits=fetch_limits(services().settings)))
    raw = [body["article"]] if kind == "article" else body["articles"]
    if not isinstance(raw, list) or not raw:
        raise InvalidRequest("'articles' must be a non-empty list of article objects", field="articles")
    if len(raw) > MAX_ARTICLES_PER_REQUEST:
        raise InvalidRequest(f"at most {MAX_ARTICLES_PER_REQUEST} articles per request", field="articles")
    items: list[Any] = []
    for i, fields in enumerate(raw):
        location = "article" if kind == "article" else f"articles[{i}]"
        try:
            items.append(article_from_fields(fields, default_source=source))
        except SourceError as exc:  # each bad item is reported by position; the rest go on
            items.append(LoadProblem(location, exc.message, exc.field))
    return items


@blueprint.get("/api/v1/articles")
def list_articles() -> Response:
    """Published articles, a page at a time, optionally only from some outlets (`source`, repeatable)."""
    limit = _int_arg("limit", 50, 1, MAX_PAGE)
    offset = _int_arg("offset", 0, 0, 10**9)
    sources = {s for value in request.args.getlist("source") for s in value.split(",") if s.strip()}
    store = services().index.store
    if sources:
        wanted = {s.casefold() for s in sources}
        matching = [a for a in store.all_articles() if a.source.casefold() in wanted]
        page, total = matching[offset : offset + limit], len(matching)
    else:
        page, total = store.list_articles(limit=limit, offset=offset), store.article_count()
    return jsonify({"articles": [a.to_dict() for a in page], "total": total, "limit": limit, "offset": offset})


@blueprint.get("/api/v1/articles/<article_id>")
def get_article(article_id: str) -> Response:
    stored = services().index.store.article(article_id)
    if stored is None:
        raise ArticleNotFound(f"no article with id {article_id!r}")
    return jsonify(stored.to_dict())


@blueprint.delete("/api/v1/articles/<article_id>")
def delete_article(article_id: str) -> Response:
    """Remove an article, its chunks and its keyword-index entries."""
    require_writer()
    if not services().index.store.delete_article(article_id):
        raise ArticleNotFound(f"no article with id {article_id!r}")
    return jsonify({"deleted": article_id})


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidRequest(f"'{name}' must be a whole number", field=name) from None
    if not low <= value <= high:
        raise InvalidRequest(f"'{name}' must be from {low} to {high}", field=name)
    return value

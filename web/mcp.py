"""Newsdesk as a Model Context Protocol server: tools `ask_news` and `search_news`.

Two transports, one server definition (`build_mcp_server`):
- streamable HTTP at `/mcp` on the web app's own port: the SDK's ASGI app, stateless with JSON
  responses (each POST is answered on its own, so any gunicorn worker can take it), run on one
  event loop per worker through a2wsgi and reached through an ordinary Flask view, so the request
  id, key checks, rate limit, CORS and metrics apply to it as to every other endpoint;
- stdio: `python -m web.mcp`, for assistants that start their tools as subprocesses.

Reads for everyone; `add_article` and `delete_article` only for an HTTP caller that sends one of
NEWSDESK_API_KEYS as `Authorization: Bearer <key>` (a second server instance, so the tools a
caller is shown are the tools it may call). Over stdio only reads are offered.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

import anyio
from a2wsgi import ASGIMiddleware
from flask import Blueprint, Flask, Response, current_app, request
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.server.transport_security import TransportSecuritySettings

from core.errors import ArticleNotFound, NewsdeskError
from core.settings import Settings
from index import ingest_items
from index.article_fields import article_from_fields
from qa import SearchOptions, Services, answer_question, validate_question, validate_top_k
from web.context import services
from web.keys import is_valid_key, presented_key
from web.metrics import Metrics

blueprint = Blueprint("mcp", __name__)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
START_TIMEOUT_S = 10.0


def build_mcp_server(services: Services, metrics: Metrics | None = None, *, writes: bool = False) -> MCPServer:
    """The MCP server over `services`, with the write tools when `writes`; answers are counted in `metrics`."""
    server: MCPServer = MCPServer(
        name="newsdesk",
        instructions=(
            "Newsdesk answers questions about indexed news articles. Use ask_news for an answer with "
            "citations, search_news for the passages themselves. Cite the returned sources."
        ),
    )
    settings = services.settings

    @server.tool()
    def ask_news(
        question: str, source: list[str] | None = None, published_after: str | None = None, published_before: str | None = None
    ) -> dict[str, Any]:
        """Answer a question from the news articles, with numbered citations (title, outlet, date, URL, quote).

        `source` keeps only these outlets; `published_after`/`published_before` are ISO dates.
        A refusal (refused: true) means the articles do not answer it.
        """
        options = _options(settings, source, published_after, published_before)
        answer = _newsdesk_call(lambda: answer_question(question, services=services, options=options)).to_dict()
        if metrics is not None:
            metrics.observe_answer(answer)
        return _brief_answer(answer)

    @server.tool()
    def search_news(
        query: str,
        top_k: int | None = None,
        source: list[str] | None = None,
        published_after: str | None = None,
        published_before: str | None = None,
    ) -> dict[str, Any]:
        """The passages of news articles that best match a query (no answer is written), best first."""

        def search() -> Any:
            text = validate_question(query, max_chars=settings.max_question_chars)
            k = validate_top_k(settings.top_k if top_k is None else top_k, max_top_k=settings.max_top_k)
            return services.retriever.retrieve(text, top_k=k, options=_options(settings, source, published_after, published_before))

        found = _newsdesk_call(search)
        return {"query": query, "passages": [_brief_passage(p.to_dict()) for p in found.passages], "warnings": list(found.warnings)}

    if writes:
        _add_write_tools(server, services, metrics)
    return server


def _add_write_tools(server: MCPServer, services: Services, metrics: Metrics | None) -> None:
    index = services.index

    @server.tool()
    def add_article(
        title: str, body: str, url: str | None = None, source: str | None = None, published_at: str | None = None,
        authors: list[str] | None = None,
    ) -> dict[str, Any]:
        """Add an article to the knowledge base, or update it (same URL); returns what was written."""
        given = {"title": title, "body": body, "url": url, "source": source, "published_at": published_at, "authors": authors}
        article = _newsdesk_call(lambda: article_from_fields({k: v for k, v in given.items() if v is not None}))
        report = ingest_items([article], store=index.store, embedder=index.embedder, chunker=index.chunker)
        if metrics is not None:
            metrics.observe_ingest(report)
        return {"article_id": article.id, **report.to_dict()}

    @server.tool()
    def delete_article(article_id: str) -> dict[str, Any]:
        """Remove an article and its passages from the knowledge base."""

        def delete() -> None:
            if not index.store.delete_article(article_id):
                raise ArticleNotFound(f"no article with id {article_id!r}")

        _newsdesk_call(delete)
        return {"deleted": article_id}


def _options(settings: Settings, source: list[str] | None, after: str | None, before: str | None) -> SearchOptions:
    filters = {k: v for k, v in (("source", source), ("published_after", after), ("published_before", before)) if v is not None}
    return _newsdesk_call(
        lambda: SearchOptions.parse(filters=filters, default_mode=settings.retrieval_mode, filter_prefix="")
    )


def _newsdesk_call(call: Any) -> Any:
    """Run `call`; a Newsdesk error becomes a tool error the assistant can read (code and message only)."""
    try:
        return call()
    except NewsdeskError as exc:
        raise ToolError(f"{exc.code}: {exc.message}") from None


def _brief_answer(answer: dict[str, Any]) -> dict[str, Any]:
    keep = ("answer", "refused", "refusal_reason", "answerer", "model", "as_of", "warnings")
    citations = [
        {k: c[k] for k in ("n", "title", "source", "published_at", "url", "quote", "article_id", "supported")}
        for c in answer["citations"]
    ]
    return {**{k: answer[k] for k in keep}, "citations": citations}


def _brief_passage(passage: dict[str, Any]) -> dict[str, Any]:
    return {k: passage[k] for k in ("n", "title", "source", "published_at", "url", "text", "score", "article_id")}


class _MountedServer:
    """The HTTP transport, started on first use inside the worker that serves it (never before a fork)."""

    def __init__(self, build: Callable[[], MCPServer], settings: Settings) -> None:
        # Built on first use too: the services it answers with are built in the background at start-up.
        self._build = build
        self._settings = settings
        self._lock = threading.Lock()
        self._wsgi: ASGIMiddleware | None = None

    def wsgi(self) -> ASGIMiddleware:
        with self._lock:
            if self._wsgi is None:
                self._wsgi = self._start()
            return self._wsgi

    def _start(self) -> ASGIMiddleware:
        server = self._build()
        app = server.streamable_http_app(
            streamable_http_path="/mcp",
            json_response=True,
            stateless_http=True,
            transport_security=_transport_security(self._settings),
            max_request_body_size=self._settings.max_body_bytes,
        )
        wsgi = ASGIMiddleware(app)
        running = threading.Event()
        manager = server.session_manager

        # The session manager's task group must live as long as the loop: a2wsgi runs no ASGI lifespan.
        async def hold_open() -> None:
            async with manager.run():
                running.set()
                await anyio.sleep_forever()

        asyncio.run_coroutine_threadsafe(hold_open(), wsgi.loop)
        if not running.wait(START_TIMEOUT_S):
            raise RuntimeError("the MCP transport did not start")
        return wsgi


def _transport_security(settings: Settings) -> TransportSecuritySettings:
    """DNS-rebinding protection for a loopback server (the SDK's advice); CORS origins may call it too."""
    if settings.host not in LOOPBACK_HOSTS:
        return TransportSecuritySettings(enable_dns_rebinding_protection=False)
    hosts = [h for name in ("127.0.0.1", "localhost", "[::1]") for h in (name, f"{name}:*")]
    origins = [f"http://{name}:*" for name in ("127.0.0.1", "localhost", "[::1]")] + list(settings.cors_origin_list)
    return TransportSecuritySettings(enable_dns_rebinding_protection=True, allowed_hosts=hosts, allowed_origins=origins)


def register(app: Flask) -> None:
    """Serve the MCP server at /mcp within the Flask app."""
    settings: Settings = app.extensions["newsdesk"].settings
    metrics = app.extensions["newsdesk.metrics"]

    def builder(writes: bool) -> Callable[[], MCPServer]:
        return lambda: build_mcp_server(services(), metrics, writes=writes)

    app.extensions["newsdesk.mcp"] = {writes: _MountedServer(builder(writes), settings) for writes in (False, True)}
    app.register_blueprint(blueprint)


# POST only: a stateless server has no sessions to DELETE, and a GET would open a server-to-client
# event stream that never ends, holding a worker thread for nothing. Clients take the 405 as "none".
@blueprint.post("/mcp")
def mcp_endpoint() -> Response:
    """The MCP streamable-HTTP endpoint (stateless, JSON responses)."""
    settings = current_app.extensions["newsdesk"].settings
    mounted: _MountedServer = current_app.extensions["newsdesk.mcp"][is_valid_key(presented_key(request), settings.api_key_set)]
    return Response.from_app(mounted.wsgi(), request.environ, buffered=True)


def main() -> int:
    """`python -m web.mcp`: serve the tools over stdio with the real store and models."""
    from qa import build_services
    from web.logs import configure_logging

    settings = Settings.from_env(os.environ)
    configure_logging(settings.log_format)
    build_mcp_server(build_services(settings)).run("stdio")
    return 0


if __name__ == "__main__":
    sys.exit(main())

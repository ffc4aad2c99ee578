"""The CLI's side of a handoff: send articles, deletions and questions about counts to the server that owns the store.

The server does the chunking, embedding and writing, so its own lexical index sees each
article the moment it is written and no second process ever opens the embedded store.
Articles go in small batches so that progress shows as it happens and no request runs long.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from typing import Any

from core.errors import StoreUnavailable
from index.ingest import IngestReport
from index.loaders import LoadProblem
from index.models import Article
from index.ownership import Handoff

BATCH_ARTICLES = 16
# A server that has just taken the lock may still be binding its port or loading its model.
START_WAIT_SECONDS = 120.0
REQUEST_TIMEOUT = 600.0


class RemoteWriter:
    """Calls the owning server's articles API with the local credential from its handoff file."""

    def __init__(self, handoff: Handoff, *, max_body_bytes: int) -> None:
        self._handoff = handoff
        # Leave room for the JSON envelope around the articles.
        self._max_bytes = max(1024, int(max_body_bytes * 0.8))

    def ingest(
        self,
        items: Iterable[Article | LoadProblem],
        *,
        on_item: Callable[[Article | LoadProblem, str, int], None] | None = None,
    ) -> IngestReport:
        """`index.ingest` through the server: same report, same progress callback, per-item failures."""
        report, batch, size = IngestReport(), [], 0
        tell = on_item or (lambda *_: None)
        for item in items:
            if isinstance(item, LoadProblem):
                report.failed.append(item)
                tell(item, "failed", 0)
                continue
            fields = article_fields(item)
            cost = len(json.dumps(fields, ensure_ascii=False).encode())
            if batch and (len(batch) >= BATCH_ARTICLES or size + cost > self._max_bytes):
                self._send(batch, report, tell)
                batch, size = [], 0
            batch.append((item, fields))
            size += cost
        if batch:
            self._send(batch, report, tell)
        return report

    def _send(self, batch: list[tuple[Article, dict[str, Any]]], report: IngestReport, tell: Callable[..., None]) -> None:
        status, body = self._call("POST", "/api/v1/articles", {"articles": [fields for _, fields in batch]})
        if status == 413:
            for article, _ in batch:
                problem = LoadProblem(article.url or article.title, "larger than the server's NEWSDESK_MAX_UPLOAD_BYTES")
                report.failed.append(problem)
                tell(problem, "failed", 0)
            return
        if status not in (200, 201, 422):
            raise StoreUnavailable(f"the server that holds the store refused the articles: {_message(status, body)}")
        outcome = {aid: kind for kind in ("added", "updated", "unchanged") for aid in body.get(kind, [])}
        report.chunks_written += int(body.get("chunks_written", 0))
        failed = {f["location"]: f["reason"] for f in body.get("failed", [])}
        for i, (article, _) in enumerate(batch):
            kind = outcome.get(article.id)
            if kind is None:
                location = article.url or article.title
                reason = failed.get(f"articles[{i}]") or failed.get(location) or "the server did not report this article"
                problem = LoadProblem(location, reason)
                report.failed.append(problem)
                tell(problem, "failed", 0)
                continue
            getattr(report, kind).append(article.id)
            tell(article, kind, 0)

    def delete(self, article_id: str) -> bool:
        """Remove an article through the server; False if there was no such article."""
        status, body = self._call("DELETE", f"/api/v1/articles/{urllib.request.quote(article_id, safe='')}", None)
        if status == 404:
            return False
        if status != 200:
            raise StoreUnavailable(f"the server that holds the store could not delete {article_id}: {_message(status, body)}")
        return True

    def stats(self) -> dict[str, Any]:
        """The store's counts as the server reports them on /readyz."""
        status, body = self._call("GET", "/readyz", None)
        if status != 200:
            raise StoreUnavailable(f"the server that holds the store is not ready: {_message(status, body)}")
        return dict(body["store"])

    def _call(self, method: str, path: str, payload: dict[str, Any] | None) -> tuple[int, dict[str, Any]]:
        """One request, retried while the server is still starting (connection refused or 503 warming_up)."""
        deadline = time.monotonic() + START_WAIT_SECONDS
        while True:
            status, body, retry_after = self._once(method, path, payload)
            starting = status == 0 or (status == 503 and body.get("error", {}).get("code") == "warming_up")
            if not starting or time.monotonic() + retry_after > deadline:
                break
            time.sleep(retry_after)
        if status == 0:
            raise StoreUnavailable(
                f"a server (pid {self._handoff.pid}) holds the store but does not answer at {self._handoff.url}; "
                "stop it, or wait until it has started"
            )
        return status, body

    def _once(self, method: str, path: str, payload: dict[str, Any] | None) -> tuple[int, dict[str, Any], float]:
        data = None if payload is None else json.dumps(payload, ensure_ascii=False).encode()
        request = urllib.request.Request(self._handoff.url + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {self._handoff.token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
                return response.status, json.loads(response.read() or b"{}"), 0.0
        except urllib.error.HTTPError as exc:
            retry_after = float(exc.headers.get("Retry-After") or 1)
            try:
                body = json.loads(exc.read() or b"{}")
            except ValueError:
                body = {}
            return exc.code, body, min(retry_after, 5.0)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, {}, 0.5


def article_fields(article: Article) -> dict[str, Any]:
    """The article as the articles API takes it (the server derives the same id and version)."""
    fields = article.to_dict()
    del fields["id"]
    return {**fields, "body": article.body}


def _message(status: int, body: dict[str, Any]) -> str:
    error = body.get("error") or {}
    return f"{status} {error.get('code', '')}: {error.get('message', '')}".strip()

"""Adding articles from the page: a page or feed URL, pasted text or Markdown, or uploaded files.

Signed-in readers only (web/session.py). Without JavaScript the form posts and the result is a
page; the page's script asks for `text/event-stream` instead and shows each article as it is
added, which matters for a feed or a batch of files that takes a while.
"""

from __future__ import annotations

import json
import queue
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from flask import (
    Blueprint,
    Response,
    current_app,
    render_template,
    request,
    stream_with_context,
)
from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from core.errors import SourceError
from index import ingest_items
from index.article_fields import LoadProblem
from index.fetch import FetchLimits, is_web_address
from index.loaders import iter_articles, parse_front_matter_text
from index.models import Article
from web.articles import fetch_limits
from web.context import services
from web.session import check_csrf, sign_in_required

blueprint = Blueprint("adding", __name__)

UPLOAD_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".json", ".jsonl")
MAX_FILES = 50


@blueprint.before_request
def limit_uploads() -> None:
    if request.method == "POST":
        # Files are larger than questions: uploads get their own limit.
        request.max_content_length = services().settings.max_upload_bytes


@dataclass
class Batch:
    """What one form post asks to add: sources to load, problems found already, and where uploads wait."""

    sources: list[str] = field(default_factory=list)
    pasted: list[Article | LoadProblem] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    folder: Path | None = None
    outlet: str | None = None
    limits: FetchLimits | None = None

    def items(self) -> Iterator[Article | LoadProblem]:
        """Everything to add, loaded lazily: a feed's pages are fetched while earlier articles are written."""
        yield from self.pasted
        limits = self.limits or FetchLimits()
        for item in iter_articles(self.sources, default_source=self.outlet, fetch_limits=limits):
            if isinstance(item, LoadProblem):
                # A reader sees the file's own name, never the server's temporary path.
                item = LoadProblem(self.names.get(item.location, item.location), item.reason)
            yield item

    def cleanup(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def _outlet() -> str | None:
    return request.form.get("source", "").strip()[:200] or None


def read_form() -> Batch:
    """The URL, pasted text and files of the form as one batch (uploads saved to a private temporary folder)."""
    batch = Batch(outlet=_outlet(), limits=fetch_limits(services().settings))
    url = request.form.get("url", "").strip()
    if url:
        if is_web_address(url):
            batch.sources.append(url)
        else:
            batch.pasted.append(LoadProblem(url[:100], "the address must start with http:// or https://"))
    pasted = request.form.get("text", "").strip()
    if pasted:
        try:
            batch.pasted.append(parse_front_matter_text(pasted, default_source=_outlet() or "Pasted"))
        except SourceError as exc:
            batch.pasted.append(LoadProblem("pasted text", exc.message))
    files = [f for f in request.files.getlist("files") if f.filename][:MAX_FILES]
    if files:
        batch.folder = Path(tempfile.mkdtemp(prefix="newsdesk-upload-"))
        for i, upload in enumerate(files):
            _save(batch, i, upload)
    return batch


def _save(batch: Batch, i: int, upload: FileStorage) -> None:
    name = upload.filename or f"file {i + 1}"
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        batch.pasted.append(LoadProblem(name, f"not a file type Newsdesk reads; use {', '.join(UPLOAD_SUFFIXES)}"))
        return
    assert batch.folder is not None
    path = batch.folder / f"{i:03d}-{secure_filename(name) or 'upload'}"
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    upload.save(path)
    batch.sources.append(str(path))
    batch.names[str(path)] = name


def describe(item: Article | LoadProblem, outcome: str) -> dict[str, str]:
    """One progress line for the reader: the article's title, or the source and why it failed."""
    if isinstance(item, LoadProblem):
        return {"outcome": "failed", "title": item.location, "reason": item.reason}
    return {"outcome": outcome, "title": item.title, "id": item.id}


def run(batch: Batch) -> Iterator[dict[str, str]]:
    """Ingest the batch on a worker thread, yielding each article's outcome as it is known, then the totals."""
    events: queue.Queue[dict[str, str] | None] = queue.Queue()
    index = services().index
    log = current_app.logger

    def work() -> None:
        try:
            ingest_items(
                batch.items(), store=index.store, embedder=index.embedder, chunker=index.chunker,
                on_item=lambda item, outcome, _chunks: events.put(describe(item, outcome)),
            )
        except Exception:  # noqa: BLE001 -- the reader is told in words; the log has the details
            log.exception("adding articles from the page failed")
            failed = {"outcome": "error", "title": "The rest of this batch", "reason": "the collection could not be written to"}
            events.put(failed)
        finally:
            batch.cleanup()
            events.put(None)

    threading.Thread(target=work, daemon=True).start()
    while (event := events.get()) is not None:
        yield event


def summary(lines: list[dict[str, str]]) -> dict[str, int]:
    counts = {"added": 0, "updated": 0, "unchanged": 0, "failed": 0}
    for line in lines:
        key = line["outcome"] if line["outcome"] in counts else "failed"
        counts[key] += 1
    return counts


@blueprint.route("/articles/add", methods=["GET", "POST"])
@sign_in_required
def add_articles() -> str | Response:
    """The add form; a post adds what it names and reports each article (streamed to the page's script)."""
    if request.method == "GET":
        return render_template("add.html")
    check_csrf()
    batch = read_form()
    if not batch.sources and not batch.pasted:
        batch.cleanup()
        return render_template("add.html", nothing=True)
    if request.accept_mimetypes.best == "text/event-stream":
        return Response(stream_with_context(_events(batch)), mimetype="text/event-stream",
                        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
    lines = list(run(batch))
    return render_template("add.html", lines=lines, counts=summary(lines))


def _events(batch: Batch) -> Iterator[str]:
    lines = []
    for line in run(batch):
        lines.append(line)
        yield f"event: item\ndata: {json.dumps(line, ensure_ascii=False)}\n\n"
    yield f"event: done\ndata: {json.dumps(summary(lines))}\n\n"


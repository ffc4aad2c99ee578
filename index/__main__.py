"""`python -m index ingest|stats|sentences|delete|reset`: manage the knowledge base from a shell.

On an embedded store a running server is the only writer (index/ownership.py): while one holds
the store, ingest, delete and stats go through it; reset and sentences are refused with what to
do instead.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from core.errors import NewsdeskError, StoreBusy
from index.embedders import Embedder
from index.fetch import FetchLimits
from index.article_fields import LoadProblem
from index.ingest import IngestReport, ingest
from index.loaders import iter_articles
from index.models import Article
from index.ownership import StoreLock, busy_message
from index.remote import RemoteWriter
from index.sentence_vectors import backfill
from index.services import IndexServices, build_index
from core.settings import Settings


def main(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None, *, embedder: Embedder | None = None) -> int:
    """Run one command; `embedder` replaces the one Settings would build (tests pass a fake)."""
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env(os.environ if environ is None else environ)
        if settings.chroma_url:
            return _direct(args, build_index(settings, embedder=embedder))
        lock = StoreLock(settings.chroma_path)
        if not lock.acquire(f"`python -m index {args.command}`"):
            return _handed_over(args, settings, lock)
        try:
            return _direct(args, build_index(settings, embedder=embedder))
        finally:
            lock.release()
    except NewsdeskError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m index", description="Manage the Newsdesk knowledge base.")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest_cmd = commands.add_parser("ingest", help="load articles from files or folders")
    ingest_cmd.add_argument(
        "paths", nargs="+",
        help=".md/.txt with front matter, .json, .jsonl, .html, RSS/Atom feed files, folders, or http(s) URLs of pages or feeds",
    )
    ingest_cmd.add_argument("--source", help="outlet name for articles that do not give one")
    ingest_cmd.add_argument("--quiet", action="store_true", help="no progress bar or per-article lines; problems and the summary only")
    ingest_cmd.add_argument("--json", action="store_true", help="print the summary as JSON")
    stats_cmd = commands.add_parser("stats", help="count articles and chunks")
    stats_cmd.add_argument("--json", action="store_true")
    stats_cmd.add_argument("--verify", action="store_true", help="also check that every article has all its chunks")
    commands.add_parser(
        "sentences", help="store the sentence vectors answers use, for articles ingested before ingest kept them"
    )
    delete_cmd = commands.add_parser("delete", help="remove articles by id")
    delete_cmd.add_argument("ids", nargs="+")
    reset_cmd = commands.add_parser("reset", help="delete the whole collection")
    reset_cmd.add_argument("--yes", action="store_true", help="confirm")
    return parser


def _direct(args: argparse.Namespace, services: IndexServices) -> int:
    """Run the command against the store itself (a Chroma server, or an embedded store this process holds)."""
    store = services.store
    if args.command == "ingest":
        fetch_limits = FetchLimits(timeout=services.settings.fetch_timeout, max_bytes=services.settings.fetch_max_bytes)
        return _ingest(args, lambda on_item: ingest(
            args.paths, store=store, embedder=services.embedder, chunker=services.chunker,
            sentences=services.sentences, default_source=args.source, on_item=on_item, fetch_limits=fetch_limits,
        ))
    if args.command == "stats":
        stats = store.stats()
        if args.verify:
            stats["incomplete_articles"] = store.incomplete_articles()
        return _print_stats(args, stats)
    if args.command == "sentences":
        added = backfill(store, services.sentences)
        print(f"{added} sentence vectors added; {services.sentences.count()} stored")
        return 0
    if args.command == "delete":
        return _delete(args, store.delete_article)
    if not args.yes:
        print("reset deletes every article in the collection; run again with --yes", file=sys.stderr)
        return 2
    store.reset()
    print(f"collection {services.settings.collection!r} is now empty")
    return 0


def _handed_over(args: argparse.Namespace, settings: Settings, lock: StoreLock) -> int:
    """Run the command through the server that holds the embedded store, or say why it cannot run."""
    handoff = lock.handoff()
    if handoff is None or args.command in ("reset", "sentences") or (args.command == "stats" and args.verify):
        raise StoreBusy(busy_message(lock, f"run `python -m index {args.command}`"))
    remote = RemoteWriter(handoff, max_body_bytes=settings.max_upload_bytes)
    if args.command == "ingest":
        limits = FetchLimits(timeout=settings.fetch_timeout, max_bytes=settings.fetch_max_bytes)
        items = iter_articles(args.paths, default_source=args.source, fetch_limits=limits)
        return _ingest(args, lambda on_item: remote.ingest(items, on_item=on_item))
    if args.command == "stats":
        return _print_stats(args, remote.stats())
    return _delete(args, remote.delete)


def _delete(args: argparse.Namespace, delete: Callable[[str], bool]) -> int:
    missing = [aid for aid in args.ids if not delete(aid)]
    for aid in missing:
        print(f"no article with id {aid}", file=sys.stderr)
    return 1 if missing else 0


def _ingest(args: argparse.Namespace, run: Callable[[Callable[[Article | LoadProblem, str, int], None]], IngestReport]) -> int:
    progress = Progress(enabled=not args.quiet and not args.json and sys.stderr.isatty())

    def show(item: Article | LoadProblem, outcome: str, chunks: int) -> None:
        if isinstance(item, LoadProblem):
            progress.write(f"cannot read {item.location}: {item.reason}")
        elif progress.enabled:
            progress.update(outcome, chunks)
        elif not args.quiet and not args.json:
            print(f"{outcome:9} {item.id}  {item.title[:70]}", file=sys.stderr)

    with progress:
        report = run(show)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(
            f"{len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged,"
            f" {len(report.failed)} failed; {report.chunks_written} chunks written"
        )
        for problem in report.failed:
            print(f"  failed: {problem}")
    return 0 if report.ok else 1


class Progress:
    """A tqdm bar on a terminal: articles/s, chunks/s and counts by outcome; nothing otherwise."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.counts = {"added": 0, "updated": 0, "unchanged": 0, "failed": 0}
        self.chunks = 0
        self._bar = None
        self._started = time.monotonic()

    def __enter__(self) -> Progress:
        if self.enabled:
            from tqdm import tqdm

            self._bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
        return self

    def __exit__(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.close()

    def update(self, outcome: str, chunks: int) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + 1
        self.chunks += chunks
        if self._bar is not None:
            rate = self.chunks / max(time.monotonic() - self._started, 1e-6)
            self._bar.update(1)
            self._bar.set_postfix({**self.counts, "chunks/s": f"{rate:.0f}"}, refresh=False)

    def write(self, line: str) -> None:
        self.counts["failed"] += 1
        if self._bar is not None:
            self._bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)


def _print_stats(args: argparse.Namespace, stats: dict[str, Any]) -> int:
    if args.json:
        print(json.dumps(stats, indent=2))
    else:
        for key, value in stats.items():
            print(f"{key:14} {value}")
    return 1 if stats.get("incomplete_articles") else 0


if __name__ == "__main__":
    sys.exit(main())

"""`python -m index ingest|stats|sentences|delete|reset`: manage the knowledge base from a shell."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence

from core.errors import NewsdeskError
from index.embedders import Embedder
from index.fetch import FetchLimits
from index.ingest import ingest
from index.article_fields import LoadProblem
from index.models import Article
from index.sentence_vectors import backfill
from index.services import IndexServices, build_index
from core.settings import Settings


def main(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None, *, embedder: Embedder | None = None) -> int:
    """Run one command; `embedder` replaces the one Settings would build (tests pass a fake)."""
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
    args = parser.parse_args(argv)

    try:
        settings = Settings.from_env(os.environ if environ is None else environ)
        services = build_index(settings, embedder=embedder)
        if args.command == "ingest":
            return _ingest(args, services)
        if args.command == "stats":
            return _stats(args, services)
        if args.command == "sentences":
            added = backfill(services.store, services.sentences)
            print(f"{added} sentence vectors added; {services.sentences.count()} stored")
            return 0
        if args.command == "delete":
            missing = [aid for aid in args.ids if not services.store.delete_article(aid)]
            for aid in missing:
                print(f"no article with id {aid}", file=sys.stderr)
            return 1 if missing else 0
        if not args.yes:
            print("reset deletes every article in the collection; run again with --yes", file=sys.stderr)
            return 2
        services.store.reset()
        print(f"collection {settings.collection!r} is now empty")
        return 0
    except NewsdeskError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2


def _ingest(args: argparse.Namespace, services: IndexServices) -> int:
    progress = Progress(enabled=not args.quiet and not args.json and sys.stderr.isatty())

    def show(item: Article | LoadProblem, outcome: str, chunks: int) -> None:
        if isinstance(item, LoadProblem):
            progress.write(f"cannot read {item.location}: {item.reason}")
        elif progress.enabled:
            progress.update(outcome, chunks)
        elif not args.quiet and not args.json:
            print(f"{outcome:9} {item.id}  {item.title[:70]}", file=sys.stderr)

    with progress:
        report = ingest(
            args.paths,
            store=services.store,
            embedder=services.embedder,
            chunker=services.chunker,
            sentences=services.sentences,
            default_source=args.source,
            on_item=show,
            fetch_limits=FetchLimits(timeout=services.settings.fetch_timeout, max_bytes=services.settings.fetch_max_bytes),
        )
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


def _stats(args: argparse.Namespace, services: IndexServices) -> int:
    stats = services.store.stats()
    if args.verify:
        stats["incomplete_articles"] = services.store.incomplete_articles()
    if args.json:
        print(json.dumps(stats, indent=2))
    else:
        for key, value in stats.items():
            print(f"{key:14} {value}")
    return 1 if stats.get("incomplete_articles") else 0


if __name__ == "__main__":
    sys.exit(main())

"""`python -m index ingest|stats|delete|reset`: manage the knowledge base from a shell."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from index.errors import NewsdeskError
from index.ingest import ingest
from index.loaders import LoadProblem
from index.models import Article
from index.services import IndexServices, build_index
from index.settings import Settings


def main(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m index", description="Manage the Newsdesk knowledge base.")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest_cmd = commands.add_parser("ingest", help="load articles from files or folders")
    ingest_cmd.add_argument("paths", nargs="+", help=".md/.txt with front matter, .json, .jsonl, or folders of them")
    ingest_cmd.add_argument("--source", help="outlet name for articles that do not give one")
    ingest_cmd.add_argument("--quiet", action="store_true", help="print only problems and the summary")
    ingest_cmd.add_argument("--json", action="store_true", help="print the summary as JSON")
    stats_cmd = commands.add_parser("stats", help="count articles and chunks")
    stats_cmd.add_argument("--json", action="store_true")
    delete_cmd = commands.add_parser("delete", help="remove articles by id")
    delete_cmd.add_argument("ids", nargs="+")
    reset_cmd = commands.add_parser("reset", help="delete the whole collection")
    reset_cmd.add_argument("--yes", action="store_true", help="confirm")
    args = parser.parse_args(argv)

    try:
        settings = Settings.from_env(os.environ if environ is None else environ)
        services = build_index(settings)
        if args.command == "ingest":
            return _ingest(args, services)
        if args.command == "stats":
            return _stats(args, services)
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
    def show(item: Article | LoadProblem, outcome: str) -> None:
        if isinstance(item, LoadProblem):
            print(f"cannot read {item.location}: {item.reason}", file=sys.stderr)
        elif not args.quiet and not args.json:
            print(f"{outcome:9} {item.id}  {item.title[:70]}", file=sys.stderr)

    report = ingest(
        args.paths,
        store=services.store,
        embedder=services.embedder,
        chunker=services.chunker,
        default_source=args.source,
        on_item=show,
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


def _stats(args: argparse.Namespace, services: IndexServices) -> int:
    stats = services.store.stats()
    if args.json:
        print(json.dumps(stats, indent=2))
    else:
        for key, value in stats.items():
            print(f"{key:14} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

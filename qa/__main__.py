"""`python -m qa ask "question"`: answer from the command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from index.errors import NewsdeskError
from index.settings import Settings

from qa.answering import answer_question
from qa.models import Answer
from qa.services import build_services


def main(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qa", description="Ask Newsdesk a question.")
    commands = parser.add_subparsers(dest="command", required=True)
    ask = commands.add_parser("ask", help="answer a question from the indexed articles")
    ask.add_argument("question")
    ask.add_argument("--top-k", type=int, default=None, help="passages to retrieve")
    ask.add_argument("--json", action="store_true", help="print the API's answer object")
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env(os.environ if environ is None else environ)
        answer = answer_question(args.question, services=build_services(settings), top_k=args.top_k)
    except NewsdeskError as exc:
        if args.json:
            print(json.dumps({"error": {"code": exc.code, "message": exc.message}}))
        else:
            print(f"error: {exc.message}", file=sys.stderr)
        return 1 if exc.status < 500 else 2
    print(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False) if args.json else render_text(answer))
    return 0


def render_text(answer: Answer) -> str:
    """The answer for a terminal: text, then numbered sources with their supporting quotes."""
    lines = [answer.text, ""]
    for c in answer.citations:
        date = (c.published_at or "undated")[:10]
        lines.append(f"[{c.n}] {c.title} ({c.source}, {date}) {c.url or ''}".rstrip())
        lines.append(f"    \u201c{c.quote}\u201d")
    for warning in answer.warnings:
        lines.append(f"warning: {warning}")
    lines.append(f"({answer.mode}: {answer.model}, {answer.timings_ms.get('total', 0):.0f} ms)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

"""`python -m qa ask "question"`: answer from the command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from index.errors import NewsdeskError
from index.settings import Settings

from qa.answering import answer_question, stream_answer
from qa.models import Answer
from qa.services import Services, build_services


def main(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qa", description="Ask Newsdesk a question.")
    commands = parser.add_subparsers(dest="command", required=True)
    ask = commands.add_parser("ask", help="answer a question from the indexed articles")
    ask.add_argument("question")
    ask.add_argument("--top-k", type=int, default=None, help="passages to retrieve")
    ask.add_argument("--json", action="store_true", help="print the API's answer object")
    ask.add_argument("--stream", action="store_true", help="print the answer as it is generated")
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env(os.environ if environ is None else environ)
        services = build_services(settings)
        if args.stream:
            return _stream(args, services)
        answer = answer_question(args.question, services=services, top_k=args.top_k)
    except NewsdeskError as exc:
        return _fail(exc.code, exc.message, exc.status, as_json=args.json)
    print(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False) if args.json else render_text(answer))
    return 0


def _stream(args: argparse.Namespace, services: Services) -> int:
    for event in stream_answer(args.question, services=services, top_k=args.top_k):
        if args.json:
            print(json.dumps({"event": event.event, "data": event.data}, ensure_ascii=False), flush=True)
        elif event.event == "delta":
            print(event.data["text"], end="", flush=True)
        elif event.event == "answer":
            print("\n\n" + render_sources(event.data))
        elif event.event == "error":
            print("\n[answer incomplete]", flush=True)
    if event.event == "error":
        error = event.data["error"]
        return _fail(error["code"], error["message"], 502, as_json=args.json, printed=args.json)
    return 0


def _fail(code: str, message: str, status: int, *, as_json: bool, printed: bool = False) -> int:
    if as_json and not printed:
        print(json.dumps({"error": {"code": code, "message": message}}))
    elif not as_json:
        print(f"error: {message}", file=sys.stderr)
    return 1 if status < 500 else 2


def render_text(answer: Answer) -> str:
    """The answer for a terminal: text, then numbered sources with their supporting quotes."""
    return f"{answer.text}\n\n{render_sources(answer.to_dict())}"


def render_sources(answer: dict[str, Any]) -> str:
    """Sources, unsupported sentences, warnings and how the answer was made, from an answer's dict."""
    lines = []
    for c in answer["citations"]:
        date = (c["published_at"] or "undated")[:10]
        mark = "" if c["supported"] else "  (does not support the sentence citing it)"
        lines.append(f"[{c['n']}] {c['title']} ({c['source']}, {date}) {c['url'] or ''}".rstrip() + mark)
        lines.append(f"    \u201c{c['quote']}\u201d")
    for claim in answer["claims"]:
        if claim["supported"] is False:
            lines.append(f"unsupported: {claim['text']}")
    for warning in answer["warnings"]:
        lines.append(f"warning: {warning}")
    if answer["refused"]:
        lines.append(f"refused: {answer['refusal_reason']}")
    lines.append(f"({answer['mode']}: {answer['model']}, {answer['timings_ms'].get('total', 0):.0f} ms)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

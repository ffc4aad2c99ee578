"""`python -m qa ask "question"` and `python -m qa eval golden.yaml`: answer and evaluate from the command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from core.errors import NewsdeskError
from core.settings import Settings

from qa.answering import answer_question, stream_answer
from qa.models import Answer
from qa.retrieval import MODES, SearchOptions
from qa.services import Services, build_services


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qa", description="Ask Newsdesk a question.")
    commands = parser.add_subparsers(dest="command", required=True)
    ask = commands.add_parser("ask", help="answer a question from the indexed articles")
    ask.add_argument("question")
    ask.add_argument("--top-k", type=int, default=None, help="passages to retrieve")
    ask.add_argument("--json", action="store_true", help="print the API's answer object")
    ask.add_argument("--stream", action="store_true", help="print the answer as it is generated")
    ask.add_argument("--mode", choices=MODES, default=None, help="retrieval method (default NEWSDESK_RETRIEVAL_MODE)")
    ask.add_argument("--source", action="append", default=None, help="only this outlet (repeatable)")
    ask.add_argument("--after", default=None, help="only articles published on or after this ISO date")
    ask.add_argument("--before", default=None, help="only articles published on or before this ISO date")
    recency = ask.add_mutually_exclusive_group()
    recency.add_argument("--recent", dest="recency", action="store_true", default=None, help="favour recent articles")
    recency.add_argument("--no-recent", dest="recency", action="store_false", help="never favour recent articles")
    evaluate = commands.add_parser("eval", help="run a golden file and report pass/fail and metrics")
    evaluate.add_argument("golden", type=Path)
    cassette = evaluate.add_mutually_exclusive_group()
    cassette.add_argument("--replay", type=Path, metavar="CASSETTE", help="answer only from recorded model replies")
    cassette.add_argument("--record", type=Path, metavar="CASSETTE", help="call the configured LLM and record its replies")
    cassette.add_argument("--mode", choices=("extractive", "llm"), help="answer mode without a cassette")
    evaluate.add_argument("--write-missing", action="store_true", help="with --replay: add a skeleton line per missing call")
    evaluate.add_argument("--model", default=None, help="model name the cassette was recorded with (default: OPENAI_MODEL)")
    evaluate.add_argument("--corpus", type=Path, nargs="+", metavar="PATH", help="build a throwaway index from these files")
    evaluate.add_argument("--report", type=Path, metavar="OUT.json", help="write the full report as JSON")
    evaluate.add_argument("--junit", type=Path, metavar="OUT.xml", help="write a JUnit XML report")
    args = parser.parse_args(argv)
    env = os.environ if environ is None else environ
    if args.command == "eval":
        from qa.eval.cli import run_eval

        return run_eval(args, env)
    try:
        settings = Settings.from_env(env)
        args.options = _options(args, settings)
        services = build_services(settings)
        if args.stream:
            return _stream(args, services)
        answer = answer_question(args.question, services=services, top_k=args.top_k, options=args.options)
    except NewsdeskError as exc:
        return _fail(exc.code, exc.message, exc.status, as_json=args.json)
    print(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False) if args.json else render_text(answer))
    return 0


def _options(args: argparse.Namespace, settings: Settings) -> SearchOptions:
    filters: dict[str, Any] = {}
    if args.source:
        filters["source"] = args.source
    if args.after:
        filters["published_after"] = args.after
    if args.before:
        filters["published_before"] = args.before
    return SearchOptions.parse(
        mode=args.mode, filters=filters, recency=args.recency, default_mode=settings.retrieval_mode, filter_prefix=""
    )


def _stream(args: argparse.Namespace, services: Services) -> int:
    for event in stream_answer(args.question, services=services, top_k=args.top_k, options=args.options):
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
        for twin in c.get("also_in", []):
            lines.append(f"    also in {twin['title']} ({twin['source']}) {twin['url'] or ''}".rstrip())
    for claim in answer["claims"]:
        if claim["supported"] is False:
            lines.append(f"unsupported: {claim['text']}")
    for warning in answer["warnings"]:
        lines.append(f"warning: {warning}")
    if answer["refused"]:
        lines.append(f"refused: {answer['refusal_reason']}")
    if answer.get("as_of"):
        lines.append(f"as of {answer['as_of'][:10]}")
    lines.append(f"({answer['mode']}: {answer['model']}, {answer['timings_ms'].get('total', 0):.0f} ms)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

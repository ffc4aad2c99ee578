"""`python -m qa eval`: build the services a golden run needs, run it, print and write the reports."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from core import Settings
from index import ingest
from core.errors import ConfigError, NewsdeskError

from qa.eval.cassettes import Cassette, RecordingChatModel, ReplayChatModel
from qa.eval.report import render_table, write_json, write_junit
from qa.eval.runner import EvalReport, run_golden
from qa.eval.golden import load_golden
from qa.services import Services, build_services


def run_eval(args: argparse.Namespace, environ: Mapping[str, str]) -> int:
    """Exit 0 when every case passed, 1 when any failed, 2 when the run itself could not be made."""
    try:
        golden = load_golden(args.golden)
        settings = Settings.from_env(environ)
        with eval_services(
            settings, replay=args.replay, record=args.record, mode=args.mode, corpus=args.corpus,
            model=args.model, write_missing=args.write_missing,
        ) as services:
            report = run_golden(golden, services)
    except NewsdeskError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    print(render_table(report))
    if args.report:
        write_json(report, args.report)
    if args.junit:
        write_junit(report, args.junit)
    return 1 if report.failed else 0


@contextmanager
def eval_services(
    settings: Settings,
    *,
    replay: Path | None = None,
    record: Path | None = None,
    mode: str | None = None,
    corpus: list[Path] | None = None,
    model: str | None = None,
    write_missing: bool = False,
    embedder=None,  # type: ignore[no-untyped-def]
) -> Iterator[Services]:
    """Services for a golden run: the configured store or a throwaway index of `corpus`, and the chosen answerer."""
    with tempfile.TemporaryDirectory(prefix="newsdesk-eval-") as tmp:
        if corpus:
            settings = settings.replace(chroma_path=Path(tmp) / "chroma", chroma_url=None)
        chat_model = None
        if replay is not None:
            cassette = Cassette(replay)
            chat_model = ReplayChatModel(cassette, name=model or _cassette_model(cassette, settings), write_missing=write_missing)
        elif record is not None:
            from qa.chat.openai import OpenAIChatModel

            if not settings.openai_api_key:
                raise ConfigError("--record calls the configured LLM: set OPENAI_API_KEY (and OPENAI_BASE_URL for a local server)")
            chat_model = RecordingChatModel(OpenAIChatModel(settings), Cassette(record))
        elif mode == "extractive":
            settings = settings.replace(answer_mode="extractive")
        elif mode == "llm":
            settings = settings.replace(answer_mode="llm")
        services = build_services(settings, chat_model=chat_model, embedder=embedder)
        if corpus:
            report = ingest(corpus, store=services.index.store, embedder=services.index.embedder, chunker=services.index.chunker)
            for problem in report.failed:
                print(f"warning: {problem}", file=sys.stderr)
        yield services


def _cassette_model(cassette: Cassette, settings: Settings) -> str:
    models = {entry.get("model") for entry in cassette.entries.values()}
    return models.pop() if len(models) == 1 and None not in models else settings.openai_model


__all__ = ["EvalReport", "eval_services", "run_eval"]

"""Re-key a cassette after a retrieval or passage-shaping change, keeping its hand-written replies.

Run: `.venv/bin/python bench/rekey_cassette.py [--write]` (defaults: data/sample/golden.yaml,
data/cassettes/sample.jsonl, corpus data/sample, real MiniLM in a temp store).

Replayed replies are keyed by the exact prompt, so any change in what retrieval returns makes
every affected entry miss. For each golden case that runs in llm mode this rebuilds the prompt
with the current retrieval, finds the old entry for the same question (of several, the one whose
passages overlap the new ones most), and renumbers the [n] marks of its reply by passage
identity: old [k] becomes the new number of the passage with the same text (or containing it,
or contained in it). A reply citing a passage that is no longer given is flagged and left
unchanged for a person to rewrite. Without --write it only reports; with it, the cassette is
rewritten (entries no case reached are kept as they were).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core import Settings  # noqa: E402
from index import ingest  # noqa: E402
from qa.eval.cassettes import call_key, question_of  # noqa: E402
from qa.eval.golden import load_golden  # noqa: E402
from qa.eval.runner import run_golden  # noqa: E402
from qa.models import Completion, Message  # noqa: E402
from qa.services import build_services  # noqa: E402

_BLOCK = re.compile(r'<passage n="(\d+)"[^>]*>\n(.*?)\n</passage>', re.S)
_MARK = re.compile(r"\[(\d+)\]")


def passages_of(messages: Sequence[dict[str, Any]] | Sequence[Message]) -> dict[int, str]:
    """Passage number -> text, read from the last user message of a prompt."""
    last = messages[-1]
    content = last["content"] if isinstance(last, dict) else last.content
    return {int(n): " ".join(text.split()) for n, text in _BLOCK.findall(content)}


def renumber(reply: str, old: dict[int, str], new: dict[int, str]) -> tuple[str, list[int]]:
    """The reply with each [k] pointing at the same passage in the new numbering, and the marks that lost theirs."""
    lost: list[int] = []

    def new_number(match: re.Match[str]) -> str:
        k = int(match.group(1))
        text = old.get(k)
        found = next((n for n, t in new.items() if text and t == text), None) or next(
            (n for n, t in new.items() if text and (text in t or t in text)), None
        )
        if found is None:
            lost.append(k)
            return match.group(0)
        return f"[{found}]"

    return _MARK.sub(new_number, reply), lost


class _Rekeyer:
    """A chat model that answers each prompt with the matching old reply, renumbered, and records the new entry."""

    def __init__(self, entries: list[dict[str, Any]], name: str) -> None:
        self.entries, self.name = entries, name
        self.new: dict[str, dict[str, Any]] = {}
        self.used: set[str] = set()
        self.flagged: list[str] = []
        self.unmatched: list[str] = []

    def complete(self, messages: Sequence[Message]) -> Completion:
        question = question_of(messages)
        new_passages = passages_of(messages)
        same = [e for e in self.entries if e.get("question") == question and e.get("reply")]
        if not same:
            self.unmatched.append(question)
            return Completion(text="The provided articles do not answer this question.", model=self.name)
        old = max(same, key=lambda e: len(set(passages_of(e["messages"]).values()) & set(new_passages.values())))
        self.used.add(old["key"])
        text, lost = renumber(old["reply"]["text"], passages_of(old["messages"]), new_passages)
        if lost:
            self.flagged.append(f"{question!r}: cited passage(s) {lost} no longer given; reply left as it was")
            text = old["reply"]["text"]
        key = call_key(self.name, messages, old.get("params"))
        self.new[key] = {**old, "key": key, "messages": [m.to_dict() for m in messages], "reply": {**old["reply"], "text": text}}
        return Completion(text=text, model=self.name, finish_reason=old["reply"].get("finish_reason", "stop"))

    def stream(self, messages: Sequence[Message]):  # type: ignore[no-untyped-def]
        yield self.complete(messages).text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--golden", type=Path, default=ROOT / "data" / "sample" / "golden.yaml")
    parser.add_argument("--cassette", type=Path, default=ROOT / "data" / "cassettes" / "sample.jsonl")
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "sample")
    parser.add_argument("--write", action="store_true", help="rewrite the cassette (default: report only)")
    args = parser.parse_args()
    lines = [json.loads(line) for line in args.cassette.read_text(encoding="utf-8").splitlines() if line.strip()]
    rekeyer = _Rekeyer(lines, lines[0]["model"])
    with tempfile.TemporaryDirectory() as tmp:
        services = build_services(Settings(chroma_path=Path(tmp) / "chroma"), chat_model=rekeyer)  # type: ignore[arg-type]
        ingest([args.corpus], store=services.index.store, embedder=services.index.embedder,
               chunker=services.index.chunker, sentences=services.index.sentences)
        report = run_golden(load_golden(args.golden), services)
    changed = sum(1 for key in rekeyer.new if key not in {e["key"] for e in lines})
    print(f"{len(rekeyer.new)} entries reached by the golden set, {changed} re-keyed, {len(rekeyer.flagged)} flagged,"
          f" {len(rekeyer.unmatched)} prompts with no old entry")
    for line in rekeyer.flagged + [f"no old entry for {q!r}" for q in rekeyer.unmatched]:
        print(f"  {line}")
    print(f"golden set with the re-keyed replies: {report.metrics()['passed']}/{report.metrics()['ran']} passed")
    if args.write:
        kept = [e for e in lines if e["key"] not in rekeyer.used]
        entries = kept + list(rekeyer.new.values())
        args.cassette.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries), encoding="utf-8")
        print(f"wrote {len(entries)} entries to {args.cassette}")


if __name__ == "__main__":
    main()

"""Canned model replies: record real chat-model calls to a cassette, replay them offline.

A cassette is JSON lines, one call per line, readable and writable by a person:

    {"key": "3f2a...", "model": "gpt-4o-mini", "params": {"temperature": 0},
     "question": "Did Gensler advise Binance?", "messages": [{"role": "system", "content": "..."}, ...],
     "reply": {"text": "No. He declined [1].", "finish_reason": "stop", "usage": {...}}}

The key is a SHA-256 of (model, messages, params), so a changed prompt, passage or question
is a different call: replay then fails and names the question instead of answering stale.
`question` is only there for people. A line whose `reply` is null is a skeleton waiting for a
person to write the reply (`python -m qa eval --replay C --write-missing` writes them).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from core.errors import CassetteError, CassetteMiss

from qa.chat.base import ChatModel
from qa.models import Completion, Message

PARAMS = {"temperature": 0}


def call_key(model: str, messages: Sequence[Message], params: dict[str, Any] | None = None) -> str:
    """The stable hash of one chat call."""
    payload = json.dumps(
        {"model": model, "messages": [m.to_dict() for m in messages], "params": params or PARAMS},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def question_of(messages: Sequence[Message]) -> str:
    """The reader's question inside a prompt built by `qa.prompts.build_prompt` (for people reading cassettes)."""
    last = messages[-1].content if messages else ""
    marker = "\nQuestion: "
    if marker in last:
        return last.rsplit(marker, 1)[1].split("\n", 1)[0]
    return last[-200:]


class Cassette:
    """The calls of one cassette file, by key; appends are written through at once."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.entries: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        if self.path.exists():
            self._read()

    def _read(self) -> None:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise CassetteError(f"{self.path}: cannot read the cassette: {exc}") from None
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CassetteError(f"{self.path}:{number}: not valid JSON: {exc.msg}") from None
            if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
                raise CassetteError(f"{self.path}:{number}: each line must be an object with a 'key'")
            reply = entry.get("reply")
            if reply is not None and not (isinstance(reply, dict) and isinstance(reply.get("text"), str)):
                raise CassetteError(f"{self.path}:{number}: 'reply' must be null or an object with a 'text' string")
            self.entries[entry["key"]] = entry

    def reply(self, key: str) -> dict[str, Any] | None:
        entry = self.entries.get(key)
        return entry.get("reply") if entry else None

    def add(self, *, key: str, model: str, messages: Sequence[Message], reply: dict[str, Any] | None) -> None:
        entry = {
            "key": key,
            "model": model,
            "params": PARAMS,
            "question": question_of(messages),
            "messages": [m.to_dict() for m in messages],
            "reply": reply,
        }
        with self._lock:
            if key in self.entries and self.entries[key].get("reply") is not None:
                return
            self.entries[key] = entry
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as out:
                out.write(json.dumps(entry, ensure_ascii=False) + "\n")


class ReplayChatModel:
    """Answers only from a cassette; a call it does not hold raises CassetteMiss naming the question."""

    def __init__(self, cassette: Cassette, *, name: str, write_missing: bool = False) -> None:
        self.cassette = cassette
        self.name = name
        self.write_missing = write_missing

    def complete(self, messages: Sequence[Message]) -> Completion:
        key = call_key(self.name, messages)
        reply = self.cassette.reply(key)
        if reply is None:
            if self.write_missing:
                self.cassette.add(key=key, model=self.name, messages=messages, reply=None)
            question = question_of(messages)
            raise CassetteMiss(
                f"no recorded reply for {question!r} in {self.cassette.path} (key {key[:12]}): the prompt changed or it "
                "was never recorded; re-record with --record, or write the reply by hand",
                key=key,
                messages=messages,
            )
        return Completion(
            text=reply["text"],
            model=self.name,
            usage=dict(reply.get("usage") or {}),
            finish_reason=reply.get("finish_reason", "stop"),
        )

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        text = self.complete(messages).text
        for start in range(0, len(text), 16):
            yield text[start : start + 16]


class RecordingChatModel:
    """Passes calls to a real model and writes each call and reply to the cassette."""

    def __init__(self, inner: ChatModel, cassette: Cassette) -> None:
        self.inner = inner
        self.cassette = cassette
        self.name = inner.name

    def complete(self, messages: Sequence[Message]) -> Completion:
        completion = self.inner.complete(messages)
        self.cassette.add(
            key=call_key(self.name, messages),
            model=self.name,
            messages=messages,
            reply={"text": completion.text, "finish_reason": completion.finish_reason, "usage": completion.usage},
        )
        return completion

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        pieces = []
        for piece in self.inner.stream(messages):
            pieces.append(piece)
            yield piece
        self.cassette.add(
            key=call_key(self.name, messages),
            model=self.name,
            messages=messages,
            reply={"text": "".join(pieces), "finish_reason": "stop", "usage": {}},
        )

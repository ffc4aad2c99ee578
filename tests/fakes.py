"""Test doubles for every model and server Newsdesk talks to: deterministic, cheap, and inspectable."""

from __future__ import annotations

import hashlib
import json
import math
import re
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from qa.models import Completion, Message

_WORD = re.compile(r"[A-Za-z0-9]+")


class FakeEmbedder:
    """Hashed bag of word stems: texts sharing words are similar, so retrieval still means something."""

    def __init__(self, *, name: str = "fake-embedder", dimension: int = 1024) -> None:
        self.name = name
        self.dimension = dimension
        self.calls: list[list[str]] = []

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * self.dimension
        for word in _WORD.findall(text.lower()):
            digest = hashlib.blake2b(word[:5].encode(), digest_size=4).digest()
            vector[int.from_bytes(digest, "big") % self.dimension] += 1.0
        norm = math.sqrt(sum(v * v for v in vector))
        if norm == 0:
            vector[0], norm = 1.0, 1.0
        return [v / norm for v in vector]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls.append(list(texts))
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


class AnnouncingEmbedder(FakeEmbedder):
    """A FakeEmbedder that says "embedding N texts" on stderr as each call starts (for a test watching a subprocess)."""

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        print(f"embedding {len(texts)} texts", file=sys.stderr, flush=True)
        return super().embed_documents(texts)


class FakeChatModel:
    """A chat model with queued replies (`enqueue`) that records every conversation it was sent (`history`)."""

    def __init__(self, name: str = "fake-chat") -> None:
        self.name = name
        self.replies: deque[str | Exception] = deque()
        self.history: list[list[Message]] = []

    def enqueue(self, *replies: str | Exception) -> FakeChatModel:
        self.replies.extend(replies)
        return self

    def _next(self, messages: Sequence[Message]) -> str:
        self.history.append(list(messages))
        if not self.replies:
            raise AssertionError("FakeChatModel was called but no reply was enqueued")
        reply = self.replies.popleft()
        if isinstance(reply, Exception):
            raise reply
        return reply

    def complete(self, messages: Sequence[Message]) -> Completion:
        text = self._next(messages)
        return Completion(text=text, model=self.name, usage={"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15})

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        yield from re.findall(r"\S+\s*", self._next(messages))


class PiecesChatModel:
    """A chat model whose stream yields exactly the given pieces, then optionally fails (`fail_with`)."""

    name = "pieces"

    def __init__(self, pieces: Sequence[str], fail_with: Exception | None = None) -> None:
        self.pieces, self.fail_with = list(pieces), fail_with

    def complete(self, messages: Sequence[Message]) -> Completion:
        return Completion(text="".join(self.pieces), model=self.name)

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        yield from self.pieces
        if self.fail_with:
            raise self.fail_with


@dataclass
class CannedResponse:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    stream: list[str] | None = None
    cut_after: int | None = None
    finish: bool = True
    # A body sent as is instead of `body` as JSON: a proxy's HTML error page, say.
    raw: bytes | None = None
    content_type: str = "application/json"


def html_page(status: int = 200) -> CannedResponse:
    """What a misconfigured proxy in front of the model sends: an HTML page, with status 200 too."""
    page = b"<html><head><title>Bad gateway</title></head><body><h1>Upstream unavailable</h1></body></html>"
    return CannedResponse(status, raw=page, content_type="text/html; charset=utf-8")


def streamed(
    pieces: list[str], *, cut_after: int | None = None, finish: bool = True, model: str = "fake-gpt"
) -> CannedResponse:
    """A streamed chat completion sending `pieces` as deltas.

    `cut_after=k` drops the connection after k pieces; `finish=False` ends the stream cleanly
    ([DONE]) but without the final chunk that says why the model stopped.
    """
    return CannedResponse(200, stream=pieces, cut_after=cut_after, finish=finish, body={"model": model})


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


class _CannedHandler(BaseHTTPRequestHandler):
    """Answers each POST with the next canned response of the FakeOpenAIServer that owns its server."""

    def do_POST(self) -> None:  # noqa: N802
        outer: FakeOpenAIServer = self.server.owner  # type: ignore[attr-defined]
        length = int(self.headers.get("Content-Length", 0))
        raw = self.rfile.read(length)
        outer.requests.append(
            RecordedRequest("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, json.loads(raw or b"null"))
        )
        canned = outer.responses.popleft() if outer.responses else CannedResponse(500, {"error": {"message": "no canned response"}})
        if canned.delay:
            time.sleep(canned.delay)
        if canned.stream is not None:
            self._stream(canned)
            return
        payload = canned.raw if canned.raw is not None else json.dumps(canned.body).encode()
        try:
            self.send_response(canned.status)
            self.send_header("Content-Type", canned.content_type)
            self.send_header("Content-Length", str(len(payload)))
            for key, value in canned.headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test); nothing to tell it

    def _stream(self, canned: CannedResponse) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        model = (canned.body or {}).get("model", "fake-gpt")
        pieces = canned.stream or []
        for index, piece in enumerate(pieces):
            if canned.cut_after is not None and index == canned.cut_after:
                # An abrupt end: no final chunk, no [DONE], no terminating zero-length chunk.
                self.wfile.flush()
                self.close_connection = True
                return
            self._chunk(_stream_chunk(model, {"content": piece}, None))
        if canned.finish:
            self._chunk(_stream_chunk(model, {}, "stop"))
        self._chunk("[DONE]")
        self.wfile.write(b"0\r\n\r\n")

    def _chunk(self, data: Any) -> None:
        line = f"data: {data if isinstance(data, str) else json.dumps(data)}\n\n".encode()
        self.wfile.write(f"{len(line):x}\r\n".encode() + line + b"\r\n")
        self.wfile.flush()

    def log_message(self, *args: object) -> None:
        pass


class FakeOpenAIServer:
    """An OpenAI-compatible HTTP server on loopback, in a thread, answering from a queue of canned responses.

    The real `openai` client talks to it, so the whole transport path is exercised.
    """

    def __init__(self) -> None:
        self.responses: deque[CannedResponse] = deque()
        self.requests: list[RecordedRequest] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _CannedHandler)
        self._server.owner = self  # type: ignore[attr-defined]
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def enqueue(self, *responses: CannedResponse) -> FakeOpenAIServer:
        self.responses.extend(responses)
        return self

    def enqueue_chat(self, text: str, *, model: str = "fake-gpt") -> FakeOpenAIServer:
        return self.enqueue(CannedResponse(200, chat_completion(text, model=model)))

    def __enter__(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


@dataclass(frozen=True)
class Route:
    """What `FakeWebServer` answers at one path; `{base}` in the body becomes the server's own address."""

    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    body: bytes | str = b""
    location: str | None = None
    slow: bool = False
    stream: bool = False


class FakeWebServer:
    """A web server on loopback, in a thread, serving fixed routes and recording each request's User-Agent.

    A `slow` route is held until the server stops: far past any fetch timeout, yet with no sleep
    for the test to wait out. A `stream` route sends no Content-Length.
    """

    def __init__(self, routes: Mapping[str, Route]) -> None:
        self.routes = dict(routes)
        self.user_agents: list[str | None] = []
        self.release = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                outer.user_agents.append(self.headers.get("User-Agent"))
                route = outer.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                if route.slow:
                    outer.release.wait(10)
                body = route.body.encode() if isinstance(route.body, str) else route.body
                body = body.replace(b"{base}", outer.base.encode())
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    if route.location:
                        self.send_header("Location", route.location)
                    if not route.stream:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout or size cap), as the test meant it to

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakeWebServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()


def _stream_chunk(model: str, delta: dict[str, str], finish_reason: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": 1700000000,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }


def chat_completion(text: str, *, model: str = "fake-gpt", finish_reason: str = "stop") -> dict[str, Any]:
    """A chat.completion body as OpenAI returns it."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1700000000,
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": finish_reason}],
        "usage": {"prompt_tokens": 321, "completion_tokens": 42, "total_tokens": 363},
    }

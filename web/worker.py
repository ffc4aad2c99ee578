"""The gunicorn worker `make serve` uses: gthread, but a request's head is read on the event loop.

Why not plain gthread: gunicorn 27's ThreadWorker hands every new connection to a pool thread,
which waits up to 5 s for a first byte and then reads the request line and headers with a
blocking socket and no timeout (`gthread.py`, `TConn.init` and `handle`). A client that sends
one byte and then trickles its headers holds that thread for as long as it likes; four of them
took all four threads and `/healthz` with them.

This worker keeps the same pool but reads on the main thread's selector, without blocking,
until the head (and a body of declared length, up to `max_buffered_body`) has fully arrived;
only then does a pool thread get the connection, and it parses from memory. A slow or idle
client costs a socket and a buffer, never a thread, and gets a 408 after `head_timeout`
(`body_timeout` once the head is in).

It also routes by path: health, readiness and search run on their own small pool (`fast_paths`),
so they never queue behind answers that wait on a language model. And every error gunicorn
answers itself (request line or header too long, malformed request) leaves as the same JSON
envelope the app uses, not gunicorn's HTML page.
"""

from __future__ import annotations

import errno
import json
import re
import selectors
import time
from collections import deque
from concurrent import futures
from functools import partial
from typing import Any

from gunicorn import util
from gunicorn.http import errors as http_errors
from gunicorn.workers.gthread import ThreadWorker, TConn

from web import CONTENT_SECURITY_POLICY

_HEAD_END = b"\r\n\r\n"
_CONTENT_LENGTH = re.compile(rb"^content-length:[ \t]*(\d{1,12})[ \t]*$", re.IGNORECASE | re.MULTILINE)
_TRANSFER_ENCODING = re.compile(rb"^transfer-encoding:", re.IGNORECASE | re.MULTILINE)
_REASONS = {400: "Bad Request", 408: "Request Timeout", 414: "URI Too Long", 431: "Request Header Fields Too Large",
            500: "Internal Server Error", 501: "Not Implemented"}


class HeadBufferingWorker(ThreadWorker):
    """gthread whose pool threads only ever see requests whose head has fully arrived."""

    head_timeout: float = 10.0
    body_timeout: float = 30.0
    max_request_line: int = 16 * 1024
    max_head_bytes: int = 64 * 1024
    max_buffered_body: int = 6 * 1024 * 1024
    fast_threads: int = 4
    fast_paths: tuple[str, ...] = ("/healthz", "/readyz", "/metrics", "/api/v1/search")

    @classmethod
    def configured(cls, **limits: Any) -> type[HeadBufferingWorker]:
        """A subclass with some class attributes changed (gunicorn.conf.py sets them from Settings)."""
        unknown = set(limits) - set(cls.__annotations__)
        if unknown:
            raise TypeError(f"unknown worker limit(s): {', '.join(sorted(unknown))}")
        return type(cls.__name__, (cls,), dict(limits))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reading: deque[TConn] = deque()
        self.fast_pool: futures.ThreadPoolExecutor | None = None

    def init_process(self) -> None:
        self.fast_pool = futures.ThreadPoolExecutor(max_workers=self.fast_threads, thread_name_prefix="fast")
        super().init_process()

    def accept(self, listener: Any) -> None:
        if self.cfg.is_ssl:  # the TLS handshake needs a blocking socket: leave it to gthread
            super().accept(listener)
            return
        try:
            client, address = listener.accept()
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        self._read_head(TConn(self.cfg, client, address, listener.getsockname()))

    def on_client_socket_readable(self, conn: TConn, client: Any) -> None:
        # A kept-alive connection's next request is read on the loop too.
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        self._read_head(conn)

    def enqueue_req(self, conn: TConn) -> None:
        pool = self.fast_pool if getattr(conn, "fast", False) and self.fast_pool else self.tpool
        done = pool.submit(self.handle, conn)
        done.add_done_callback(lambda fut: self.method_queue.defer(self.finish_request, conn, fut))

    def murder_pending(self) -> None:
        super().murder_pending()
        now = time.monotonic()
        for conn in [c for c in self.reading if c.timeout <= now]:
            if conn.head:
                self._refuse(conn, 408, "request_timeout", "the request was not sent in time")
            else:
                self._drop(conn)

    def handle_quit(self, sig: Any, frame: Any) -> None:
        if self.fast_pool is not None:
            self.fast_pool.shutdown(wait=False)
        super().handle_quit(sig, frame)

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        status, code, message = _describe(exc)
        if status >= 500:
            self.log.exception("error handling request before the app saw it")
        else:
            self.log.warning("refused a malformed request: %s", exc)
        try:
            util.write_nonblock(client, _json_response(status, code, message))
        except Exception:  # the client may be gone; nothing more to tell it
            self.log.debug("could not send the error response")

    def _read_head(self, conn: TConn) -> None:
        conn.sock.setblocking(False)
        conn.head = bytearray()
        conn.timeout = time.monotonic() + self.head_timeout
        self.reading.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._on_head_bytes, conn))

    def _on_head_bytes(self, conn: TConn, _client: Any) -> None:
        try:
            data = conn.sock.recv(64 * 1024)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self._drop(conn)
            return
        head_arrived = _HEAD_END in conn.head
        conn.head += data
        refusal = self._over_limit(conn.head)
        if refusal is not None:
            self._refuse(conn, *refusal)
        elif self._complete(conn.head):
            self._hand_over(conn)
        elif not head_arrived and _HEAD_END in conn.head:
            # The head came in time; an upload of a few MB may need longer than a head does.
            conn.timeout = time.monotonic() + self.body_timeout

    def _over_limit(self, head: bytearray) -> tuple[int, str, str] | None:
        line_end = head.find(b"\r\n")
        line_length = line_end if line_end >= 0 else len(head)
        if line_length > self.max_request_line:
            message = f"the request line is over {self.max_request_line} bytes; send long questions with POST"
            return 414, "uri_too_long", message
        head_end = head.find(_HEAD_END)
        if (head_end if head_end >= 0 else len(head)) > self.max_head_bytes:
            return 431, "headers_too_large", f"the request headers are over {self.max_head_bytes} bytes"
        return None

    def _complete(self, head: bytearray) -> bool:
        """True once the head has arrived, and with it a body of declared, bufferable length."""
        head_end = head.find(_HEAD_END)
        if head_end < 0:
            return False
        headers = bytes(head[:head_end])
        declared = _CONTENT_LENGTH.search(headers)
        if declared is None or _TRANSFER_ENCODING.search(headers):
            return True
        length = int(declared.group(1))
        # A body over the cap is handed over unread: the app refuses it (413) from the header alone.
        return length > self.max_buffered_body or len(head) >= head_end + len(_HEAD_END) + length

    def _hand_over(self, conn: TConn) -> None:
        self._stop_reading(conn)
        conn.sock.setblocking(True)
        conn.init()  # a plain HTTP/1 parser (TLS connections never come here)
        conn.parser.unreader.unread(bytes(conn.head))
        conn.data_ready = True
        conn.fast = self._is_fast(conn.head)
        conn.head = bytearray()
        self.enqueue_req(conn)

    def _is_fast(self, head: bytearray) -> bool:
        method, _, rest = bytes(head[: head.find(b"\r\n")]).partition(b" ")
        path = rest.split(b" ", 1)[0].split(b"?", 1)[0].decode("latin-1")
        return method in (b"GET", b"HEAD") and path in self.fast_paths

    def _refuse(self, conn: TConn, status: int, code: str, message: str) -> None:
        try:
            conn.sock.send(_json_response(status, code, message))
        except OSError:
            pass
        self._drop(conn)

    def _drop(self, conn: TConn) -> None:
        self._stop_reading(conn)
        self.nr_conns -= 1
        conn.close()

    def _stop_reading(self, conn: TConn) -> None:
        try:
            self.poller.unregister(conn.sock)
        except (KeyError, ValueError, OSError):
            pass
        if conn in self.reading:
            self.reading.remove(conn)


def _describe(exc: BaseException) -> tuple[int, str, str]:
    ours = (http_errors.InvalidResponseHeader, http_errors.InvalidResponseHeaderName, http_errors.ConfigurationProblem)
    if isinstance(exc, ours):
        return 500, "internal", "unexpected server error"
    if isinstance(exc, http_errors.LimitRequestLine):
        return 414, "uri_too_long", "the request line is too long; send long questions with POST"
    if isinstance(exc, http_errors.LimitRequestHeaders):
        return 431, "headers_too_large", "the request has too many or too large headers"
    if isinstance(exc, http_errors.UnsupportedTransferCoding):
        return 501, "not_implemented", "unsupported transfer coding"
    if isinstance(exc, http_errors.ParseException) or isinstance(exc, (ValueError, UnicodeError)):
        return 400, "bad_request", f"malformed HTTP request ({type(exc).__name__})"
    return 500, "internal", "unexpected server error"


def _json_response(status: int, code: str, message: str) -> bytes:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    head = (
        f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}\r\n"
        "Connection: close\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
        f"Content-Security-Policy: {CONTENT_SECURITY_POLICY}\r\n"
        "X-Content-Type-Options: nosniff\r\n"
        "\r\n"
    )
    return head.encode("latin-1") + body

"""Fetch one web page over HTTP(S), within a time and size limit, politely.

The only place the index reaches the network. Every failure is a `SourceError` whose
message names the HTTP status or the reason (the caller adds the URL), so one bad
address becomes one LoadProblem and the rest of an ingest goes on.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from core.errors import SourceError

USER_AGENT = "Newsdesk/0.1 (+https://github.com/newsdesk)"
DEFAULT_TIMEOUT = 15.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_PIECE_BYTES = 64 * 1024
_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class FetchLimits:
    """How long one fetch may take in all (seconds) and how many bytes a page may have."""

    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    # For URLs that strangers send (the API): refuse loopback, private and link-local hosts, so
    # Newsdesk cannot be used to read the machine's own services or its network's.
    public_only: bool = False

    def __post_init__(self) -> None:
        if not self.timeout > 0:
            raise ValueError("FetchLimits.timeout must be a positive number of seconds")
        if self.max_bytes < 1:
            raise ValueError("FetchLimits.max_bytes must be at least 1")


DEFAULT_LIMITS = FetchLimits()


@dataclass(frozen=True)
class Fetched:
    """A page as the server sent it; `url` is where the redirects ended."""

    url: str
    content: bytes
    content_type: str
    charset: str | None

    def decoded(self) -> str | bytes:
        """The content as text in the charset the server named; raw bytes when it named none
        (or one Python does not know), so the HTML parser can sniff `<meta charset>` itself."""
        if self.charset:
            try:
                return self.content.decode(self.charset, errors="replace")
            except LookupError:
                pass
        return self.content


def is_web_address(text: str) -> bool:
    """True for a string that starts with http:// or https:// (in any case)."""
    return urlsplit(text).scheme.lower() in _SCHEMES


def fetch(url: str, limits: FetchLimits = DEFAULT_LIMITS) -> Fetched:
    """GET `url`, following redirects; raise SourceError saying why when no page comes back."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        raise SourceError(f"not an http(s) address: {url[:80]!r}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + limits.timeout
    if limits.public_only:
        require_public_host(parts.hostname)
    opener = _PUBLIC_OPENER if limits.public_only else _OPENER
    try:
        with opener.open(request, timeout=limits.timeout) as response:
            content = _read_capped(response, limits, deadline)
            headers = response.headers
            return Fetched(
                url=response.geturl(),
                content=content,
                content_type=headers.get_content_type() if headers.get("Content-Type") else "",
                charset=headers.get_content_charset(),
            )
    except urllib.error.HTTPError as exc:
        exc.close()
        raise SourceError(f"HTTP {exc.code} {exc.reason}".rstrip()) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, SourceError):
            raise exc.reason from None
        if isinstance(exc.reason, TimeoutError):
            raise SourceError(_timed_out(limits)) from None
        raise SourceError(f"cannot connect: {getattr(exc.reason, 'strerror', None) or exc.reason}") from None
    except TimeoutError:
        raise SourceError(_timed_out(limits)) from None
    except (http.client.HTTPException, ConnectionError) as exc:
        raise SourceError(f"broken response: {type(exc).__name__} {exc}".rstrip()) from None
    except (OSError, ValueError) as exc:
        raise SourceError(f"cannot fetch: {exc}") from None


def _read_capped(response: http.client.HTTPResponse, limits: FetchLimits, deadline: float) -> bytes:
    # A declared length over the cap fails at once; an undeclared (or lying) one is read in
    # pieces and dropped as soon as it passes the cap, so a huge page never sits in memory.
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise SourceError(f"larger than {_size(limits.max_bytes)}")
    pieces: list[bytes] = []
    total = 0
    while True:
        # The socket timeout bounds each read; the deadline bounds a server that trickles
        # bytes just fast enough to never trip it.
        if time.monotonic() > deadline:
            raise TimeoutError
        piece = response.read1(_PIECE_BYTES)
        if not piece:
            return b"".join(pieces)
        total += len(piece)
        if total > limits.max_bytes:
            raise SourceError(f"larger than {_size(limits.max_bytes)}")
        pieces.append(piece)


def _timed_out(limits: FetchLimits) -> str:
    return f"timed out after {limits.timeout:g} s"


def _size(n: int) -> str:
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= factor and n % factor == 0:
            return f"{n // factor} {unit}"
    return f"{n} bytes"


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    # urllib would follow a redirect to ftp://; a page we were asked for over HTTP stays on HTTP.
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in _SCHEMES:
            raise urllib.error.HTTPError(newurl, code, f"redirect to a non-http(s) address {newurl[:80]!r}", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _PublicOnlyRedirects(_HttpOnlyRedirects):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        require_public_host(urlsplit(newurl).hostname or "")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def require_public_host(host: str) -> None:
    """Raise SourceError unless every address `host` resolves to is a public one."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise SourceError(f"cannot resolve {host!r}: {exc}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            raise SourceError(f"refusing to fetch from {host!r}: {address} is not a public address")


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)
_PUBLIC_OPENER = urllib.request.build_opener(_PublicOnlyRedirects)

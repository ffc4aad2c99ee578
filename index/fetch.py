"""Fetch one web page over HTTP(S), within a time and size limit, politely.

The only place the index reaches the network. Every failure is a `SourceError` whose
message names the HTTP status or the reason (the caller adds the URL), so one bad
address becomes one LoadProblem and the rest of an ingest goes on.
"""

from __future__ import annotations

import http.client
import ipaddress
import logging
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from core.errors import SourceError

log = logging.getLogger("newsdesk.fetch")

USER_AGENT = "Newsdesk/0.1 (+https://github.com/newsdesk)"
DEFAULT_TIMEOUT = 15.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_PIECE_BYTES = 64 * 1024
_SCHEMES = ("http", "https")
# Address blocks whose last 32 bits are an IPv4 address that the packet really goes to.
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def system_resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to, as text, in the order the system prefers them."""
    return [info[4][0] for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)]


@dataclass(frozen=True)
class FetchLimits:
    """How long one fetch may take in all (seconds) and how many bytes a page may have."""

    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    # For URLs that strangers send (the API): refuse every address that is not globally
    # routable, so Newsdesk cannot be used to read the machine's own services or its network's.
    public_only: bool = False
    resolver: Callable[[str, int], list[str]] = field(default=system_resolve, compare=False)

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
    try:
        return urlsplit(text).scheme.lower() in _SCHEMES
    except ValueError:  # "http://[::1" is meant as a web address, though not a valid one: fetch says why
        return text.lower().startswith(("http://", "https://"))


def fetch(url: str, limits: FetchLimits = DEFAULT_LIMITS) -> Fetched:
    """GET `url`, following redirects; raise SourceError saying why when no page comes back.

    Every connection (redirects included) resolves its host once and connects to the address
    it checked, so a name that answers "public" to the check and "127.0.0.1" to the connection
    (DNS rebinding) gets nowhere.
    """
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
    except ValueError:  # e.g. "http://[::1": an unclosed IPv6 bracket
        raise SourceError(f"not a valid address: {url[:80]!r}") from None
    if parts.scheme.lower() not in _SCHEMES or not hostname:
        raise SourceError(f"not an http(s) address: {url[:80]!r}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + limits.timeout
    opener = _opener(limits)
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


def _opener(limits: FetchLimits) -> urllib.request.OpenerDirector:
    pin = partial(_pick_address, resolver=limits.resolver, public_only=limits.public_only)
    handlers: list[Any] = [_HttpOnlyRedirects, _PinnedHTTPHandler(pin), _PinnedHTTPSHandler(pin)]
    if limits.public_only:
        # Through a proxy the connection would go to the proxy's address, not the checked one.
        handlers.append(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener(*handlers)


def _pick_address(host: str, port: int, *, resolver: Callable[[str, int], list[str]], public_only: bool) -> str:
    """Resolve `host` once; the address to connect to, after checking every answer when public_only."""
    try:
        addresses = resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise SourceError(f"cannot resolve {host!r}: {getattr(exc, 'strerror', None) or exc}") from None
    if not addresses:
        raise SourceError(f"cannot resolve {host!r}: no addresses")
    if public_only:
        for address in addresses:
            if not is_public_address(address):
                # The address itself goes to the log only: a caller learns nothing about our network.
                log.warning("refused to fetch from %r: it resolves to %s", host, address)
                raise SourceError(f"refusing to fetch from {host!r}: it is not a public address")
    return addresses[0]


def is_public_address(text: str) -> bool:
    """True for a globally routable unicast address, including what an IPv6 form carries inside.

    `::ffff:127.0.0.1`, `64:ff9b::7f00:1`, `2002:7f00:1::` and `::127.0.0.1` all reach 127.0.0.1.
    """
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None and not is_public_address(str(embedded)):
            return False
        if any(address in network for network in _NAT64[1:]):
            return False  # local-use NAT64: translated inside someone's own network
    return address.is_global and not address.is_multicast


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64[0] or (address in _IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _open_socket(address: str, port: int, timeout: float | None, source: Any = None) -> socket.socket:
    return socket.create_connection((address, port), timeout, source)


class _PinnedConnection:
    """Connects to the address `pin(host, port)` picked, while TLS still checks the certificate for `host`."""

    def __init__(self, *args: Any, pin: Callable[[str, int], str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self._pin = pin

    def connect(self) -> None:
        address = self._pin(self.host, self.port)  # type: ignore[attr-defined]
        self._create_connection = lambda _where, timeout, source=None: _open_socket(  # type: ignore[assignment]
            address, self.port, timeout, source  # type: ignore[attr-defined]
        )
        super().connect()  # type: ignore[misc]


class _PinnedHTTP(_PinnedConnection, http.client.HTTPConnection):
    pass


class _PinnedHTTPS(_PinnedConnection, http.client.HTTPSConnection):
    pass


class _PinnedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, pin: Callable[[str, int], str]) -> None:
        super().__init__()
        self._pin = pin

    def http_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(partial(_PinnedHTTP, pin=self._pin), req)


class _PinnedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, pin: Callable[[str, int], str]) -> None:
        super().__init__()
        self._pin = pin

    def https_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(partial(_PinnedHTTPS, pin=self._pin), req, context=self._context)

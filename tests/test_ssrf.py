"""URLs strangers send: resolved once, connected to as checked, and never to a non-global address."""

from __future__ import annotations

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from index import fetch as fetch_module
from core.errors import SourceError
from index.fetch import FetchLimits, fetch, is_public_address

PUBLIC = "93.184.215.14"


class Rebinding:
    """A resolver that answers a public address first and loopback afterwards (DNS rebinding)."""

    def __init__(self, later: str = "127.0.0.1") -> None:
        self.later = later
        self.calls: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        return [PUBLIC] if len(self.calls) == 1 else [self.later]


@pytest.fixture
def connections(monkeypatch):
    """Record where fetch connects instead of connecting (no network): each attempt is refused."""
    made: list[tuple[str, int]] = []

    def refuse(address, port, timeout, source=None):
        made.append((address, port))
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(fetch_module, "_open_socket", refuse)
    return made


def test_the_connection_goes_to_the_address_that_was_checked(connections):
    resolver = Rebinding()
    with pytest.raises(SourceError):
        fetch("http://rebind.example/story", FetchLimits(timeout=2, public_only=True, resolver=resolver))
    assert resolver.calls == ["rebind.example"], "resolved exactly once"
    assert connections == [(PUBLIC, 80)]


@pytest.fixture
def redirect_to_rebinding_host():
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(302)
            self.send_header("Location", "http://rebind.example/private")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_a_redirect_is_checked_on_the_address_it_connects_to(redirect_to_rebinding_host, monkeypatch):
    # The first host is public by the resolver's word and really served on loopback; its redirect
    # names a host that resolves to loopback: that second connection must be refused.
    port = redirect_to_rebinding_host
    answers = {"first.example": [PUBLIC], "rebind.example": ["127.0.0.1"]}
    monkeypatch.setattr(
        fetch_module, "_open_socket",
        lambda address, p, timeout, source=None: fetch_module.socket.create_connection(("127.0.0.1", port), timeout),
    )
    limits = FetchLimits(timeout=2, public_only=True, resolver=lambda host, p: answers[host])
    with pytest.raises(SourceError, match="not a public address"):
        fetch(f"http://first.example:{port}/story", limits)


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.0.0.7", "169.254.169.254", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
     "64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b:1::808:808", "2002:7f00:1::", "2002:a00:1::1", "::127.0.0.1",
     "::10.0.0.1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "224.0.0.1", "0.0.0.0", "::"],
)
def test_non_global_addresses_and_ipv6_forms_of_them_are_refused(address, connections):
    assert not is_public_address(address)
    with pytest.raises(SourceError, match="not a public address"):
        fetch("http://name.example/x", FetchLimits(timeout=2, public_only=True, resolver=lambda h, p: [address]))
    assert connections == []


@pytest.mark.parametrize("address", ["8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"])
def test_global_addresses_are_allowed(address):
    assert is_public_address(address)


def test_one_private_answer_among_public_ones_is_refused(connections):
    limits = FetchLimits(timeout=2, public_only=True, resolver=lambda h, p: [PUBLIC, "127.0.0.1"])
    with pytest.raises(SourceError, match="not a public address"):
        fetch("http://mixed.example/x", limits)
    assert connections == []


def test_the_refusal_names_the_host_but_not_the_address_which_goes_to_the_log(connections, caplog):
    limits = FetchLimits(timeout=2, public_only=True, resolver=lambda h, p: ["10.20.30.40"])
    with caplog.at_level(logging.WARNING, logger="newsdesk.fetch"), pytest.raises(SourceError) as refused:
        fetch("http://intranet.example/x", limits)
    assert "intranet.example" in refused.value.message and "10.20.30.40" not in refused.value.message
    assert "10.20.30.40" in caplog.text


def test_an_unparseable_url_is_a_source_error():
    with pytest.raises(SourceError, match="not a valid address"):
        fetch("http://[::1", FetchLimits(timeout=2, public_only=True))

"""A real gunicorn (gunicorn.conf.py) on loopback: slow clients and hanging model calls cost no
health check or search, a hanging answer ends in 504 at its deadline, and every long request line
gets the JSON envelope."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.live import free_port
from tests.fakes import CannedResponse, FakeOpenAIServer

ROOT = Path(__file__).resolve().parent.parent
DEADLINE = 3.0
HANGING_CALLS = 6


def get(url: str, timeout: float = 10.0) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def post(url: str, payload: dict, timeout: float = 20.0) -> int:
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def wait_for(check, timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def model():
    with FakeOpenAIServer() as fake:
        yield fake


@pytest.fixture(scope="module")
def server(model, tmp_path_factory):
    port = free_port()
    env = dict(
        os.environ, HOST="127.0.0.1", PORT=str(port), WORKERS="1",
        CHROMA_PATH=str(tmp_path_factory.mktemp("gunicorn") / "chroma"),
        NEWSDESK_MIN_SCORE="0.15", NEWSDESK_SUPPORT_SIMILARITY="0.3",
        OPENAI_API_KEY="sk-test-1234567890", OPENAI_BASE_URL=model.base_url, OPENAI_TIMEOUT="30",
        NEWSDESK_ANSWER_DEADLINE=str(DEADLINE), NEWSDESK_MAX_INFLIGHT=str(HANGING_CALLS),
        HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False",
        PROMETHEUS_MULTIPROC_DIR=str(tmp_path_factory.mktemp("metrics")),
    )
    gunicorn = Path(sys.executable).parent / "gunicorn"
    log = tmp_path_factory.mktemp("gunicorn-log") / "gunicorn.log"
    process = subprocess.Popen(
        [str(gunicorn), "--config", "gunicorn.conf.py", "tests.served:sample()"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log.open("wb"),
    )
    base = f"http://127.0.0.1:{port}"

    def up() -> bool:
        assert process.poll() is None, log.read_text()[-2000:]
        try:
            return get(f"{base}/healthz", timeout=1)[0] == 200
        except OSError:
            return False

    def warm() -> bool:
        # The first searches load the keyword index; the test is about load, not cold starts.
        return bool(json.loads(get(f"{base}/api/v1/search?q=Gensler+Binance")[2]).get("passages"))

    try:
        wait_for(up, 45, "gunicorn to serve /healthz")
        wait_for(warm, 30, "search to find the sample articles")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def slow_header_clients(port: int, count: int) -> list[socket.socket]:
    """Clients that start a request and never finish its headers, and clients that send nothing."""
    clients = []
    for i in range(count):
        client = socket.create_connection(("127.0.0.1", port))
        if i % 2 == 0:
            client.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        clients.append(client)
    return clients


def test_health_and_search_answer_at_once_while_slow_clients_and_hanging_answers_are_open(server, model):
    model.enqueue(*[CannedResponse(200, {}, delay=DEADLINE + 20) for _ in range(HANGING_CALLS)])
    port = int(server.rsplit(":", 1)[1])
    clients = slow_header_clients(port, 8)
    results: list[tuple[int, float]] = []

    def ask() -> None:
        started = time.monotonic()
        status = post(f"{server}/api/v1/ask", {"question": "Did Gensler advise Binance?"})
        results.append((status, time.monotonic() - started))

    askers = [threading.Thread(target=ask) for _ in range(HANGING_CALLS)]
    for asker in askers:
        asker.start()
    try:
        wait_for(lambda: len(model.requests) >= HANGING_CALLS, DEADLINE, "every answer to reach the model")
        for path in ("/healthz", "/api/v1/search?q=Gensler+Binance"):
            started = time.monotonic()
            status, _, _ = get(server + path, timeout=5)
            assert status == 200 and time.monotonic() - started < 1.0, path
    finally:
        for asker in askers:
            asker.join(timeout=DEADLINE + 10)
        for client in clients:
            client.close()
    assert [status for status, _ in results] == [504] * HANGING_CALLS
    assert max(took for _, took in results) < DEADLINE + 2


def test_every_question_under_the_cap_fits_a_search_url_in_any_script(server):
    for letter in ("中", "ж", "\U0001f600"):
        status, _, body = get(f"{server}/api/v1/search?q={urllib.parse.quote(letter * 1000)}&top_k=1", timeout=20)
        assert status == 200, body[:200]


@pytest.mark.parametrize("characters", [1001, 5000, 50000])
def test_a_longer_search_url_gets_the_json_envelope(server, characters):
    status, headers, body = get(f"{server}/api/v1/search?q={urllib.parse.quote('中' * characters)}")
    assert status in (400, 414) and headers["Content-Type"].startswith("application/json")
    assert json.loads(body)["error"]["code"] in ("invalid_request", "uri_too_long")
    assert "Content-Security-Policy" in headers

"""Stress: a real gunicorn (gunicorn.conf.py, real MiniLM and Chroma) on loopback, with a fake LLM.

Run: `make bench-stress`. Three phases, bounded in count and time (about two minutes):
1. the hostile-input suite: every request is bad input, none may get a 5xx;
2. 8 slow-header clients and 6 answers hanging at the model: /healthz and search latency, and
   the same probes against plain gthread (the setup before issue 11) side by side;
3. 50 clients for 10 s, half asking (the model hangs) and half searching: search p95 and how
   fast the answers beyond NEWSDESK_MAX_INFLIGHT are shed with 503.
"""

from __future__ import annotations

import argparse
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
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakes import CannedResponse, FakeOpenAIServer  # noqa: E402

KEY = "stress-key-0123456789"
DEADLINE = 5.0
INFLIGHT = 6
QUESTIONS = ["Did Gensler advise Binance?", "What did Kraken agree to pay the SEC?", "Who sued Changpeng Zhao?",
             "Why was Paxos told to stop minting BUSD?", "How did the ECB change interest rates?"]


def request(base: str, path: str, body: object = None, *, raw: bytes | None = None, timeout: float = 15.0,
            headers: dict[str, str] | None = None) -> tuple[int, float]:
    """(status, seconds); status 0 when no response came back in time."""
    status, took, _ = exchange(base, path, body, raw=raw, timeout=timeout, headers=headers)
    return status, took


def exchange(base: str, path: str, body: object = None, *, raw: bytes | None = None, timeout: float = 15.0,
             headers: dict[str, str] | None = None) -> tuple[int, float, dict[str, str]]:
    """(status, seconds, response headers)."""
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    sent = {"Content-Type": "application/json", **(headers or {})} if data is not None else dict(headers or {})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(urllib.request.Request(base + path, data=data, headers=sent), timeout=timeout) as r:
            r.read()
            return r.status, time.monotonic() - started, dict(r.headers)
    except urllib.error.HTTPError as exc:
        exc.read()
        return exc.code, time.monotonic() - started, dict(exc.headers)
    except OSError:
        return 0, time.monotonic() - started, {}


def raw_exchange(port: int, payload: bytes) -> int:
    """The status line's code for raw bytes sent as a request (the server may answer before all are sent)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        try:
            client.sendall(payload)
        except OSError:
            pass
        try:
            head = client.recv(200).split(b" ", 2)
        except OSError:
            return 0
    return int(head[1]) if len(head) > 1 and head[1].isdigit() else 0


def hostile_suite(base: str, port: int) -> dict[str, int]:
    """Status per hostile request (client input only: the model is not involved)."""
    lone, auth = "\ud800", {"Authorization": f"Bearer {KEY}"}
    story = {"title": "Harbour tunnel opens", "body": "The harbour tunnel opened on Monday.", "source": "Gazette"}
    cases = {
        "surrogate in question": ("/api/v1/ask", {"question": f"Gensler {lone}"}, {}),
        "surrogate in history": ("/api/v1/ask", {"question": "Why?", "history": [{"role": "user", "content": lone}]}, {}),
        "surrogate in streamed question": ("/api/v1/ask", {"question": lone, "stream": True}, {}),
        "surrogate in filters.source": ("/api/v1/ask", {"question": "Why?", "filters": {"source": lone}}, {}),
        "batch with a surrogate item": ("/api/v1/articles", {"articles": [story, dict(story, title=lone)]}, auth),
        "url http://[::1": ("/api/v1/articles", {"url": "http://[::1"}, auth),
        "title and body numbers": ("/api/v1/articles", {"article": {"title": 1, "body": 2}}, auth),
        "question 123": ("/api/v1/ask", {"question": 123}, {}),
        "top_k five": ("/api/v1/ask", {"question": "Why?", "top_k": "five"}, {}),
        "url to loopback": ("/api/v1/articles", {"url": "http://[::ffff:127.0.0.1]:9/x"}, auth),
    }
    results = {name: request(base, path, body, headers=headers)[0] for name, (path, body, headers) in cases.items()}
    results["not JSON"] = request(base, "/api/v1/ask", raw=b"\xff\xfe{", headers={"Content-Type": "application/json"})[0]
    for chars in (1000, 1001, 20000):
        results[f"search, {chars} CJK characters"] = request(base, "/api/v1/search?q=" + urllib.parse.quote("中" * chars))[0]
    results["malformed request line"] = raw_exchange(port, b"GET /healthz HTTP/9.9\r\n\r\n")
    results["header over 8 KB"] = raw_exchange(port, b"GET /healthz HTTP/1.1\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n")
    results["header block over 64 KB"] = raw_exchange(
        port, b"GET /healthz HTTP/1.1\r\n" + b"".join(b"X-%d: %s\r\n" % (i, b"a" * 4000) for i in range(20)) + b"\r\n")
    return results


def open_slow_clients(port: int, count: int) -> list[socket.socket]:
    clients = []
    for i in range(count):
        client = socket.create_connection(("127.0.0.1", port))
        client.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        clients.append(client)
    return clients


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return round(1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1) if ordered else float("nan")


def slow_phase(base: str, port: int, model: FakeOpenAIServer, probes: int) -> dict[str, object]:
    """/healthz and search latency while 8 slow-header clients and 6 hanging answers are open."""
    model.enqueue(*[CannedResponse(200, {}, delay=DEADLINE + 10) for _ in range(INFLIGHT)])
    before = len(model.requests)
    clients = open_slow_clients(port, 8)
    askers = [threading.Thread(target=request, args=(base, "/api/v1/ask", {"question": q})) for q in QUESTIONS + QUESTIONS[:1]]
    for asker in askers:
        asker.start()
    deadline = time.monotonic() + DEADLINE
    while len(model.requests) - before < INFLIGHT and time.monotonic() < deadline:
        time.sleep(0.05)
    at_model = len(model.requests) - before
    health = [request(base, "/healthz", timeout=2) for _ in range(probes)]
    search = [request(base, "/api/v1/search?q=" + urllib.parse.quote(QUESTIONS[i % 5]), timeout=2) for i in range(probes // 4)]
    for asker in askers:
        asker.join(timeout=DEADLINE + 15)
    for client in clients:
        client.close()
    return {
        "load_average_1min": round(os.getloadavg()[0], 1),
        "answers_hanging_at_model": at_model,
        "healthz_ok": sum(s == 200 for s, _ in health), "healthz_probes": probes,
        "healthz_p50_ms": percentile([t for s, t in health if s == 200], 0.5),
        "healthz_p99_ms": percentile([t for s, t in health if s == 200], 0.99),
        "search_ok": sum(s == 200 for s, _ in search), "search_probes": len(search),
        "search_p50_ms": percentile([t for s, t in search if s == 200], 0.5),
        "search_p99_ms": percentile([t for s, t in search if s == 200], 0.99),
    }


def crowd_phase(base: str, model: FakeOpenAIServer, seconds: float) -> dict[str, object]:
    """50 clients: 25 asking while the model hangs, 25 searching."""
    model.enqueue(*[CannedResponse(200, {}, delay=DEADLINE + 10) for _ in range(60)])
    end = time.monotonic() + seconds
    asks: list[tuple[int, float]] = []
    searches: list[tuple[int, float]] = []

    def asker() -> None:
        # A client that honours Retry-After, as the 503 asks it to.
        while time.monotonic() < end:
            status, took, headers = exchange(base, "/api/v1/ask", {"question": QUESTIONS[0]})
            asks.append((status, took))
            time.sleep(float(headers.get("Retry-After", 0.2)) if status == 503 else 0.2)

    def searcher(i: int) -> None:
        while time.monotonic() < end:
            searches.append(request(base, "/api/v1/search?q=" + urllib.parse.quote(f"{QUESTIONS[i % 5]} {i}")))

    threads = [threading.Thread(target=asker) for _ in range(25)] + [threading.Thread(target=searcher, args=(i,)) for i in range(25)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + DEADLINE + 20)
    shed = [t for s, t in asks if s == 503]
    return {
        "load_average_1min": round(os.getloadavg()[0], 1),
        "ask_statuses": dict(Counter(s for s, _ in asks)), "search_statuses": dict(Counter(s for s, _ in searches)),
        "search_p50_ms": percentile([t for s, t in searches if s == 200], 0.5),
        "search_p95_ms": percentile([t for s, t in searches if s == 200], 0.95),
        "time_to_503_p50_ms": percentile(shed, 0.5), "time_to_503_p95_ms": percentile(shed, 0.95),
        "time_to_503_max_ms": percentile(shed, 1.0),
    }


class Gunicorn:
    """`gunicorn web:create_app()` with gunicorn.conf.py (plus `extra` arguments) on a free loopback port."""

    def __init__(self, env: dict[str, str], extra: list[str]) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        command = [str(Path(sys.executable).parent / "gunicorn"), "--config", "gunicorn.conf.py", "--no-control-socket",
                   *extra, "web:create_app()"]
        self.process = subprocess.Popen(command, cwd=ROOT, env={**env, "PORT": str(self.port)},
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def __enter__(self) -> Gunicorn:
        end = time.monotonic() + 120
        while request(self.base, "/api/v1/search?q=Gensler", timeout=5)[0] != 200:
            if time.monotonic() > end or self.process.poll() is not None:
                raise SystemExit("gunicorn did not start")
            time.sleep(0.5)
        return self

    def __exit__(self, *exc: object) -> None:
        # Plain gthread may have threads stuck on slow clients: a graceful stop would wait for them.
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--probes", type=int, default=200)
    parser.add_argument("--crowd-seconds", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "stress.json")
    args = parser.parse_args()
    store = ROOT / "var" / "bench-stress" / "chroma"
    env = {**os.environ, "CHROMA_PATH": str(store), "HOST": "127.0.0.1", "WORKERS": "1",
           "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    if not store.exists():
        subprocess.run([sys.executable, "-m", "index", "ingest", "--quiet", "data/sample"], cwd=ROOT, env=env, check=True)
    with FakeOpenAIServer() as model:
        env.update(OPENAI_API_KEY="sk-stress-0123456789", OPENAI_BASE_URL=model.base_url, OPENAI_TIMEOUT="30",
                   NEWSDESK_ANSWER_DEADLINE=str(DEADLINE), NEWSDESK_MAX_INFLIGHT=str(INFLIGHT), NEWSDESK_API_KEYS=KEY)
        results: dict[str, object] = {}
        with Gunicorn(env, []) as server:
            hostile = hostile_suite(server.base, server.port)
            results["hostile"] = {"statuses": hostile, "5xx": sum(s >= 500 or s == 0 for s in hostile.values())}
            results["slow_head_buffering"] = slow_phase(server.base, server.port, model, args.probes)
            results["crowd_50"] = crowd_phase(server.base, model, args.crowd_seconds)
        # Before issue 11: plain gthread with 4 threads; probes capped, since each may wait 2 s.
        with Gunicorn(env, ["--worker-class", "gthread", "--threads", "4"]) as server:
            results["slow_plain_gthread_4_threads"] = slow_phase(server.base, server.port, model, min(args.probes, 20))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

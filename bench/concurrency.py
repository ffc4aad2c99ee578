"""Answers per second from 50 concurrent loopback clients against a real gunicorn server (extractive mode).

Run: `make bench-concurrency` (or `.venv/bin/python bench/concurrency.py --clients 50 --seconds 20`).
Ingests data/sample into a throwaway store, starts `gunicorn -c gunicorn.conf.py` on
127.0.0.1:PORT (default 5300), then has each client thread POST /api/v1/ask in a loop, cycling
through the questions, for `--seconds`. Prints answers/s, status counts and latency p50/p90.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from query_latency import QUESTIONS  # noqa: E402

from core import Settings  # noqa: E402
from index import build_index, ingest  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "5300")))
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        chroma = Path(tmp) / "chroma"
        index = build_index(Settings(chroma_path=chroma))
        ingest([ROOT / "data" / "sample"], store=index.store, embedder=index.embedder, chunker=index.chunker,
               sentences=index.sentences)
        del index
        env = {**os.environ, "CHROMA_PATH": str(chroma), "HOST": "127.0.0.1", "PORT": str(args.port),
               "WORKERS": str(args.workers), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
               # The rate limit counts requests per client address, and all the clients here are 127.0.0.1.
               "ANONYMIZED_TELEMETRY": "False", "NEWSDESK_RATE_LIMIT": "off"}
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "web:create_app()"],
                                  cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_ready(args.port)
            for question in QUESTIONS:  # warm the question cache, as a server in use has it
                _ask(args.port, question)
            statuses, latencies, seconds = _load(args.port, args.clients, args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=30)
    answered = statuses.get(200, 0)
    print(f"{args.clients} clients, {seconds:.1f} s, {args.workers} worker(s) x 4 threads")
    print(f"answers/s {answered / seconds:.1f}   statuses {dict(statuses)}")
    if latencies:
        print(f"latency p50 {statistics.median(latencies):.0f} ms, p90 {statistics.quantiles(latencies, n=10)[-1]:.0f} ms")


def _ask(port: int, question: str) -> tuple[int, float]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request("POST", "/api/v1/ask", json.dumps({"question": question}), {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        return response.status, (time.perf_counter() - started) * 1000
    finally:
        connection.close()


def _load(port: int, clients: int, seconds: float) -> tuple[Counter[int], list[float], float]:
    statuses: Counter[int] = Counter()
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client(offset: int) -> None:
        i = offset
        while time.perf_counter() < stop:
            try:
                status, ms = _ask(port, QUESTIONS[i % len(QUESTIONS)])
            except OSError:
                status, ms = 0, 0.0
            with lock:
                statuses[status] += 1
                if status == 200:
                    latencies.append(ms)
            i += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses, latencies, time.perf_counter() - started


def _wait_ready(port: int, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/readyz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"the server on port {port} did not become ready in {timeout:.0f} s")


if __name__ == "__main__":
    main()

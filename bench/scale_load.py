"""The load half of `make bench-scale`: 3 gunicorn workers on `chroma run`, 50 clients, a CLI ingest beside them.

Imported by bench/scale.py; processes it starts are stopped before it returns.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate_articles, write_jsonl  # noqa: E402

QUESTIONS = [
    "What did the council decide about the harbour ferry?",
    "Which company reported record quarterly revenue?",
    "Who was appointed to lead the central bank?",
    "What happened at the stadium on Saturday?",
    "Why did the regulator fine the exchange?",
]


def environment(**values: object) -> dict[str, str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1",
           "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False", "HOST": "127.0.0.1"}
    env.update({k: str(v) for k, v in values.items()})
    return env


def request(port: int, method: str, path: str, body: dict[str, Any] | None = None, timeout: float = 60) -> tuple[int, dict[str, Any]]:
    status, data, _ = exchange(port, method, path, body, timeout)
    return status, data


def exchange(port: int, method: str, path: str, body: dict[str, Any] | None = None,
             timeout: float = 60) -> tuple[int, dict[str, Any], float | None]:
    """Status (0 when the connection failed), JSON body, and the Retry-After seconds if any."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        payload = None if body is None else json.dumps(body)
        conn.request(method, path, body=payload, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        raw = response.read()
        retry_after = response.getheader("Retry-After")
        try:
            data = json.loads(raw or b"{}")
        except ValueError:
            data = {}
        return response.status, data, float(retry_after) if retry_after else None
    except (OSError, http.client.HTTPException):
        return 0, {}, None
    finally:
        conn.close()


def wait_for_workers(port: int, workers: int, timeout: float) -> set[int]:
    """Poll /readyz until `workers` distinct worker pids have answered ready."""
    seen: set[int] = set()
    deadline = time.monotonic() + timeout
    while len(seen) < workers and time.monotonic() < deadline:
        status, body = request(port, "GET", "/readyz", timeout=10)
        if status == 200:
            seen.add(body["worker"])
        else:
            time.sleep(0.5)
    return seen


def client_loop(port: int, until: float, seed: int, results: list[tuple[str, int, float]]) -> None:
    """Search (70%) or ask (30%) in a loop; a 503 `busy` is recorded as "shed" and retried after its Retry-After.

    That is what the service asks of a client when every answer slot is taken (docs/architecture.md,
    "Slow clients and load"), and what the `openai` client does on its own.
    """
    rng = random.Random(seed)
    while time.monotonic() < until:
        question = rng.choice(QUESTIONS)
        started = time.perf_counter()
        if rng.random() < 0.7:
            kind, (status, body, retry_after) = "search", exchange(port, "GET", "/api/v1/search?" + urllib.parse.urlencode({"q": question}))
        else:
            kind, (status, body, retry_after) = "ask", exchange(port, "POST", "/api/v1/ask", {"question": question})
        shed = status == 503 and body.get("error", {}).get("code") == "busy"
        results.append((kind, -503 if shed else status, (time.perf_counter() - started) * 1000))
        if shed:
            time.sleep(min(retry_after or 1.0, max(0.0, until - time.monotonic())))


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def summary(results: list[tuple[str, int, float]], seconds: float) -> dict[str, Any]:
    out: dict[str, Any] = {"requests": len(results), "throughput_rps": round(len(results) / seconds, 1)}
    errors: dict[str, int] = {}
    for kind in ("search", "ask"):
        times = sorted(ms for k, status, ms in results if k == kind and status == 200)
        if times:
            out[kind] = {"n": len(times), "p50_ms": round(statistics.median(times), 1),
                         "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)}
    for _, status, _ in results:
        if status not in (200, -503):
            errors[str(status)] = errors.get(str(status), 0) + 1
    out["errors"] = errors
    out["shed_503_busy_then_retried"] = sum(1 for _, status, _ in results if status == -503)
    return out


def ingest_while_loaded(chroma_url: str, collection: str, port: int, *, seconds: float, clients: int, workdir: Path) -> dict[str, Any]:
    """Start 3 workers, wait for them, then run the clients while a CLI ingests 300 articles."""
    # The rate limit counts requests per client address, and all 50 clients here are 127.0.0.1.
    env = environment(CHROMA_URL=chroma_url, NEWSDESK_COLLECTION=collection, PORT=port, WORKERS=3, NEWSDESK_RATE_LIMIT="off")
    log = (workdir / "gunicorn.log").open("wb")
    server = subprocess.Popen([str(BIN / "gunicorn"), "--config", "gunicorn.conf.py", "web:create_app()"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        started = time.monotonic()
        workers = wait_for_workers(port, 3, timeout=900)
        warm_up = time.monotonic() - started
        if len(workers) < 3:
            return {"error": f"only {len(workers)} workers became ready; see {workdir / 'gunicorn.log'}"}
        return {"workers": 3, "warm_up_s": round(warm_up, 1), **_run_load(env, port, seconds, clients, workdir, workers)}
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()


def _run_load(env: dict[str, str], port: int, seconds: float, clients: int, workdir: Path, workers: set[int]) -> dict[str, Any]:
    # New articles every run: the collection is kept between runs, and articles it already holds
    # would be skipped as unchanged, so the ingest would write nothing under load.
    seed = int(time.time())
    articles = generate_articles(300, seed=seed)
    corpus = workdir / "ingest-300.jsonl"
    write_jsonl(corpus, articles)
    results: list[tuple[str, int, float]] = []
    until = time.monotonic() + seconds
    threads = [threading.Thread(target=client_loop, args=(port, until, i, results)) for i in range(clients)]
    for t in threads:
        t.start()
    ingest_started = time.monotonic()
    ingest = subprocess.run([sys.executable, "-m", "index", "ingest", "--quiet", str(corpus)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    ingest_s = time.monotonic() - ingest_started
    last = articles[-1]["title"]
    visible_after = _seconds_until_found(port, last)
    for t in threads:
        t.join()
    return {
        "clients": clients,
        "seconds": seconds,
        **summary(results, seconds),
        "cli_ingest": {"articles": len(articles), "seed": seed, "seconds": round(ingest_s, 1), "exit_code": ingest.returncode,
                       "summary": ingest.stdout.strip()[-200:]},
        "last_article_searchable_after_ingest_s": visible_after,
        "rss_mb_per_worker": sorted(round(rss_mb(pid), 0) for pid in workers if Path(f"/proc/{pid}").exists()),
    }


def _seconds_until_found(port: int, title: str, timeout: float = 30) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        status, body = request(port, "GET", "/api/v1/search?" + urllib.parse.urlencode({"q": title, "mode": "lexical"}))
        if status == 200 and any(p["title"] == title for p in body.get("passages", [])):
            return round(time.monotonic() - started, 2)
        time.sleep(0.2)
    return None

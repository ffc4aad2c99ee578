"""Helpers for tests that run real server processes: free ports, a process environment, HTTP calls, polling."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
T = TypeVar("T")
# Servers' metrics folders go in here, removed when the test process ends.
_METRICS = tempfile.TemporaryDirectory(prefix="newsdesk-metrics-")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(**values: object) -> dict[str, str]:
    """A clean environment for a Newsdesk process: offline, no telemetry, plus `values`.

    Each server gets its own metrics folder: gunicorn empties it at start, and the suite runs
    several servers at once (pytest-xdist).
    """
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "ANONYMIZED_TELEMETRY": "False", "HOST": "127.0.0.1",
           "PROMETHEUS_MULTIPROC_DIR": tempfile.mkdtemp(dir=_METRICS.name)}
    env.update({k: str(v) for k, v in values.items()})
    return env


def start_server(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """gunicorn with the repo's config file and the fake-embedder app."""
    with log.open("wb") as out:
        return subprocess.Popen([str(GUNICORN), "--config", "gunicorn.conf.py", "tests.served:live()"],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


def call(url: str, *, method: str = "GET", body: Any = None, headers: dict[str, str] | None = None,
         timeout: float = 30) -> tuple[int, dict[str, Any]]:
    """One HTTP request on a new connection: (status, JSON body); status 0 when nothing answered."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, {}


def poll(check: Callable[[], T | None], *, timeout: float, what: str, interval: float = 0.1) -> T:
    """The first truthy result of `check`, or fail naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout} s")
        time.sleep(interval)


def wait_ready(base: str, process: subprocess.Popen[bytes], log: Path, *, timeout: float = 60) -> dict[str, Any]:
    def ready() -> dict[str, Any] | None:
        if process.poll() is not None:
            raise AssertionError(f"the server exited: {log.read_text()[-3000:]}")
        status, body = call(f"{base}/readyz")
        return body if status == 200 else None

    return poll(ready, timeout=timeout, what="the server becoming ready")

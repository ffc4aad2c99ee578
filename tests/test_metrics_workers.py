"""/metrics under real gunicorn workers: every worker's requests are in the one total."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from prometheus_client.mmap_dict import MmapedDict

from tests.live import free_port

ROOT = Path(__file__).resolve().parent.parent
HEALTHZ = 'newsdesk_http_requests_total{endpoint="/healthz",method="GET",status="200"}'


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


@pytest.fixture
def two_workers(tmp_path):
    port = free_port()
    metrics_dir = tmp_path / "prometheus"
    metrics_dir.mkdir()
    (metrics_dir / "counter_1.db").write_bytes(b"a previous run's counts")
    # Each worker of tests.served:in_memory keeps its own in-memory store, so no embedded store is shared;
    # a CHROMA_URL (never contacted) lets gunicorn.conf.py start two workers.
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "WORKERS": "2", "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
           "NEWSDESK_RATE_LIMIT": "off", "ANONYMIZED_TELEMETRY": "False", "CHROMA_URL": "http://127.0.0.1:9"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "tests.served:in_memory()"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 45
    while time.monotonic() < deadline:
        try:
            get(base + "/healthz")
            break
        except OSError:
            time.sleep(0.2)
    yield base, metrics_dir
    server.terminate()
    server.wait(timeout=20)


def healthz_per_worker(metrics_dir: Path) -> dict[str, float]:
    """Each worker's own /healthz count, read from its file."""
    counts = {}
    for path in metrics_dir.glob("counter_*.db"):
        values = MmapedDict.read_all_values_from_file(str(path))
        counts[path.stem] = sum(v for key, v, *_ in values if '"/healthz"' in key and '"200"' in key and "_total" in key)
    return counts


def test_metrics_add_up_every_workers_requests(two_workers):
    base, metrics_dir = two_workers
    assert not (metrics_dir / "counter_1.db").exists(), "a previous run's counts are cleared at start"
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda _: get(base + "/healthz"), range(20)))
        # Which worker takes a connection is up to the workers; to be sure two have counted, the
        # busiest is killed and gunicorn's replacement (or the other) serves the next requests.
        first = max(healthz_per_worker(metrics_dir).items(), key=lambda item: item[1])[0]
        os.kill(int(first.split("_")[1]), signal.SIGKILL)
        deadline = time.monotonic() + 45
        while sum(1 for n in healthz_per_worker(metrics_dir).values() if n) < 2 and time.monotonic() < deadline:
            try:
                get(base + "/healthz")
            except OSError:
                time.sleep(0.2)  # the killed worker's connection, or no worker up yet
    per_worker = healthz_per_worker(metrics_dir)
    assert sum(1 for n in per_worker.values() if n) >= 2, per_worker
    exposition = get(base + "/metrics")
    total = next(float(line.rsplit(" ", 1)[1]) for line in exposition.splitlines() if line.startswith(HEALTHZ))
    assert total == sum(per_worker.values())

"""A live index: articles added while the server answers, several workers, and an honest start-up.

These run real processes: gunicorn (with the fake embedder, tests/served.py), the
`python -m index` CLI, and for several workers a real `chroma run`.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from index import build_index, ingest
from tests.conftest import SAMPLE
from tests.fakes import FakeEmbedder
from tests.live import ROOT, call, environment, free_port, poll, start_server, stop, wait_ready
from tests.test_chroma_server import chroma_url  # noqa: F401 - the `chroma run` fixture

QUOKKA = """---
title: Rottnest rangers count record quokka population
source: Island Post
url: https://island.example/quokka-census
published_at: 2026-11-20
---
Rangers on Rottnest Island counted 12,400 quokkas in this year's census, the highest number since
counting began in 1998. The head ranger said a wet winter had left more food on the island.
"""


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "index", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def sample_store(tmp_path: Path, settings) -> Path:
    """An embedded store holding the sample articles, written by the fake embedder."""
    index = build_index(settings, embedder=FakeEmbedder())
    assert ingest([SAMPLE], store=index.store, embedder=index.embedder, chunker=index.chunker).ok
    return settings.chroma_path


@pytest.fixture
def server(tmp_path: Path, sample_store: Path):  # type: ignore[no-untyped-def]
    """One gunicorn worker serving the sample store; yields (base URL, environment)."""
    port = free_port()
    # The askers below send far more than 60 questions a minute; the rate limit is not under test here.
    env = environment(CHROMA_PATH=sample_store, PORT=port, WORKERS=1, NEWSDESK_RATE_LIMIT="off")
    log = tmp_path / "server.log"
    process = start_server(env, log)
    try:
        yield f"http://127.0.0.1:{port}", env, process, log
    finally:
        stop(process)


def test_a_cli_ingest_beside_a_running_server_fails_no_request_and_is_cited_within_5_s(server, tmp_path):
    base, env, process, log = server
    wait_ready(base, process, log)
    statuses: list[int] = []
    stop_asking = threading.Event()

    def ask_in_a_loop() -> None:
        while not stop_asking.is_set():
            statuses.append(call(f"{base}/api/v1/ask", method="POST", body={"question": "Did Gensler advise Binance?"})[0])

    askers = [threading.Thread(target=ask_in_a_loop) for _ in range(3)]
    for t in askers:
        t.start()
    try:
        (tmp_path / "new").mkdir()
        (tmp_path / "new" / "quokka.md").write_text(QUOKKA)
        done = cli(env, "ingest", str(tmp_path / "new"))
        finished = time.monotonic()
        assert done.returncode == 0, done.stderr
        assert "1 added" in done.stdout

        def cited() -> bool:
            status, body = call(f"{base}/api/v1/ask", method="POST", body={"question": "How many quokkas did rangers count on Rottnest Island?"})
            return status == 200 and any("quokka" in c["title"].lower() for c in body.get("citations", []))

        poll(cited, timeout=5, what="the new article being cited")
        assert time.monotonic() - finished <= 5
    finally:
        stop_asking.set()
        for t in askers:
            t.join()
    assert statuses and set(statuses) == {200}


def test_the_cli_hands_stats_to_the_server_and_refuses_reset(server):
    base, env, process, log = server
    ready = wait_ready(base, process, log)
    stats = cli(env, "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    assert f'"articles": {ready["store"]["articles"]}' in stats.stdout
    reset = cli(env, "reset", "--yes")
    assert reset.returncode == 2 and "stop it" in reset.stderr and "CHROMA_URL" in reset.stderr


def test_eight_concurrent_questions_right_after_start_never_get_no_passages(server):
    base, _, process, log = server
    poll(lambda: call(f"{base}/healthz")[0] == 200, timeout=60, what="the server listening")
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(
            lambda _: call(f"{base}/api/v1/ask", method="POST", body={"question": "Did Gensler advise Binance?"}),
            range(8),
        ))
    assert all(status == 200 or body["error"]["code"] == "warming_up" for status, body in answers), answers
    assert not any(body.get("refusal_reason") == "no_passages" for _, body in answers)


def test_a_second_server_on_the_same_embedded_store_is_refused(server, tmp_path):
    base, env, process, log = server
    wait_ready(base, process, log)
    second_log = tmp_path / "second.log"
    second = start_server({**env, "PORT": str(free_port())}, second_log)
    try:
        assert second.wait(timeout=60) != 0
    finally:
        stop(second)
    assert "is writing the embedded Chroma store" in second_log.read_text()


def test_several_workers_on_the_embedded_store_are_refused(tmp_path):
    log = tmp_path / "server.log"
    process = start_server(environment(CHROMA_PATH=tmp_path / "chroma", PORT=free_port(), WORKERS=2), log)
    try:
        assert process.wait(timeout=60) != 0
    finally:
        stop(process)
    message = log.read_text()
    assert "CHROMA_URL" in message and "make chroma" in message


@pytest.mark.chroma_server
def test_two_workers_on_a_chroma_server_each_see_writes_made_through_the_other(chroma_url, tmp_path):  # noqa: F811
    port, key = free_port(), "k" * 24
    env = environment(CHROMA_URL=chroma_url, NEWSDESK_COLLECTION="two-workers", PORT=port, WORKERS=2,
                      NEWSDESK_API_KEYS=key, NEWSDESK_LEXICAL_REFRESH_SECONDS=0.2)
    base, log = f"http://127.0.0.1:{port}", tmp_path / "server.log"
    process = start_server(env, log)
    try:
        wait_ready(base, process, log)
        for n in (1, 2):
            status, _ = call(f"{base}/api/v1/articles", method="POST", headers={"Authorization": f"Bearer {key}"},
                             body={"article": {"title": f"Quokka census {n}", "body": f"Rangers counted quokkas, report {n}.",
                                               "url": f"https://island.example/quokka-{n}"}})
            assert status == 201
            up_to_date: set[int] = set()

            def both_workers_caught_up() -> bool:
                status, body = call(f"{base}/readyz")
                if status == 200 and body["keyword_index"]["articles"] == n:
                    up_to_date.add(body["worker"])
                return len(up_to_date) == 2

            poll(both_workers_caught_up, timeout=20, what=f"both workers indexing article {n}", interval=0.05)
            _, found = call(f"{base}/api/v1/search?q=quokkas+report+{n}&mode=lexical")
            assert found["passages"][0]["title"] == f"Quokka census {n}"
    finally:
        stop(process)

"""`kill -9` a real ingest part-way, then check what a new process finds, and that a re-run finishes the job.

The thorough run uses the CLI with the fast fake embedder (tests/index_cli.py), so its time goes
to Chroma's writes, where a kill can do harm, and its kills are timed to land among them. One run
with the real model checks that the production CLI behaves the same.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index import Chunker
from index.loaders import iter_articles
from index.tokens import WordPieceCounter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate_articles, write_jsonl  # noqa: E402

FAKE_CLI = ("-m", "tests.index_cli")
REAL_CLI = ("-m", "index")


def env(chroma: Path) -> dict[str, str]:
    # One torch thread: on a busy 2-core machine the default threads spun, and the same real-model
    # ingest took 175 s instead of 50 s.
    return {"PATH": "/usr/bin:/bin", "CHROMA_PATH": str(chroma), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
            "ANONYMIZED_TELEMETRY": "False", "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}


def run_cli(cli: tuple[str, ...], chroma: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *cli, *args], cwd=ROOT, env=env(chroma), capture_output=True, text=True,
                          timeout=240)


def stats(cli: tuple[str, ...], chroma: Path) -> dict:
    done = run_cli(cli, chroma, "stats", "--json", "--verify")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def kill_part_way(cli: tuple[str, ...], chroma: Path, corpus: Path, *, mark: str, after: int, delay: float) -> None:
    """Start an ingest, wait for the `after`-th stderr line starting with `mark`, wait `delay` s, then SIGKILL it."""
    proc = subprocess.Popen([sys.executable, *cli, "ingest", str(corpus)], cwd=ROOT, env=env(chroma),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        seen = 0
        deadline = time.monotonic() + 200
        while seen < after and time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            seen += line.startswith(mark)
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed; use a bigger corpus"


def expected_chunks(corpus: Path) -> int:
    chunker = Chunker(WordPieceCounter(), chunk_tokens=160, overlap_tokens=32)
    return sum(len(chunker.chunk(a)) for a in iter_articles([corpus]))


def check_a_rerun_finishes(cli: tuple[str, ...], chroma: Path, corpus: Path, articles: int, chunks: int) -> None:
    finished = run_cli(cli, chroma, "ingest", "--json", str(corpus))
    assert finished.returncode == 0, finished.stderr[-2000:]
    report = json.loads(finished.stdout)
    assert report["added"] + report["unchanged"] == articles and report["failed"] == []

    # A new process sees exactly what the runs reported: every article, every chunk, nothing twice.
    final = stats(cli, chroma)
    assert final["articles"] == articles
    assert final["chunks"] == final["stored_chunks"] == chunks
    assert final["incomplete_articles"] == []

    again = run_cli(cli, chroma, "ingest", "--json", str(corpus))
    assert json.loads(again.stdout) == {"added": 0, "updated": 0, "unchanged": articles, "failed": [],
                                        "chunks_written": 0}


def test_an_ingest_killed_at_any_point_leaves_whole_articles_and_a_rerun_finishes(tmp_path):
    # About 4,500 chunks, four and a half embedding batches: each run has writes left to interrupt.
    articles = generate_articles(1100, seed=11)
    corpus = tmp_path / "corpus.jsonl"
    write_jsonl(corpus, articles)
    chroma = tmp_path / "chroma"
    rng = random.Random(5)

    # The second embedding call starts as the first batch's write begins, so a kill soon after it
    # lands inside that write (chunks, manifest switch, old-version delete); a kill soon after the
    # first "added" line lands while the next batch is chunked or written, with a batch visible.
    for mark, after in (("embedding", 2), ("added", 1), ("embedding", 2)):
        kill_part_way(FAKE_CLI, chroma, corpus, mark=mark, after=after, delay=rng.uniform(0.0, 0.3))
        found = stats(FAKE_CLI, chroma)
        # Whatever the moment of the kill, every visible article has every chunk of its version.
        assert found["incomplete_articles"] == [], found
        assert found["articles"] < len(articles)

    chunks = expected_chunks(corpus)
    check_a_rerun_finishes(FAKE_CLI, chroma, corpus, len(articles), chunks)
    assert stats(FAKE_CLI, chroma)["stored_chunks"] == chunks


@pytest.mark.model
def test_the_real_models_ingest_killed_after_its_first_write_leaves_whole_articles_and_a_rerun_finishes(tmp_path):
    # A few words each: one chunk per article, cheap for the model. 1,300 chunks are two embedding
    # batches, so the kill comes after the first batch is published and before the second.
    articles = [{**a, "title": " ".join(a["title"].split()[:3]), "body": " ".join(a["body"].split()[:6])}
                for a in generate_articles(1300, seed=11)]
    corpus = tmp_path / "corpus.jsonl"
    write_jsonl(corpus, articles)
    chroma = tmp_path / "chroma"

    kill_part_way(REAL_CLI, chroma, corpus, mark="added", after=1, delay=0.0)
    found = stats(REAL_CLI, chroma)
    assert found["incomplete_articles"] == [], found
    assert 0 < found["articles"] < len(articles)

    check_a_rerun_finishes(REAL_CLI, chroma, corpus, len(articles), expected_chunks(corpus))

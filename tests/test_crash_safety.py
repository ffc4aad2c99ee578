"""`kill -9` a real ingest part-way, then check what a new process finds, and that a re-run finishes the job."""

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

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate_articles, write_jsonl  # noqa: E402


def env(chroma: Path) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "CHROMA_PATH": str(chroma), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
            "ANONYMIZED_TELEMETRY": "False", "PYTHONPATH": str(ROOT)}


def index_cli(chroma: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "index", *args], cwd=ROOT, env=env(chroma), capture_output=True,
                          text=True, timeout=600)


def stats(chroma: Path) -> dict:
    done = index_cli(chroma, "stats", "--json", "--verify")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def kill_part_way(chroma: Path, corpus: Path, *, after_lines: int, delay: float) -> None:
    """Start an ingest, wait until it has reported `after_lines` articles, wait `delay` s, then SIGKILL it."""
    proc = subprocess.Popen([sys.executable, "-m", "index", "ingest", str(corpus)], cwd=ROOT, env=env(chroma),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        seen = 0
        deadline = time.monotonic() + 300
        while seen < after_lines and time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            seen += line.startswith(("added", "updated", "unchanged"))
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed; use a bigger corpus"


def test_an_ingest_killed_at_any_point_leaves_whole_articles_and_a_rerun_finishes(tmp_path):
    articles = generate_articles(400, seed=11)
    corpus = tmp_path / "corpus.jsonl"
    write_jsonl(corpus, articles)
    chunker = Chunker(WordPieceCounter(), chunk_tokens=160, overlap_tokens=32)
    expected_chunks = sum(len(chunker.chunk(a)) for a in iter_articles([corpus]))
    chroma = tmp_path / "chroma"
    rng = random.Random(5)

    for after_lines in (1, 70, 150):
        kill_part_way(chroma, corpus, after_lines=after_lines, delay=rng.uniform(0.0, 1.5))
        found = stats(chroma)
        # Whatever the moment of the kill, every visible article has every chunk of its version.
        assert found["incomplete_articles"] == [], found
        assert found["articles"] < len(articles)

    finished = index_cli(chroma, "ingest", "--json", str(corpus))
    assert finished.returncode == 0, finished.stderr[-2000:]
    report = json.loads(finished.stdout)
    assert report["added"] + report["unchanged"] == len(articles) and report["failed"] == []

    # A new process sees exactly what the runs reported: every article, every chunk, nothing twice.
    final = stats(chroma)
    assert final["articles"] == len(articles)
    assert final["chunks"] == final["stored_chunks"] == expected_chunks
    assert final["incomplete_articles"] == []

    again = index_cli(chroma, "ingest", "--json", str(corpus))
    assert json.loads(again.stdout) == {"added": 0, "updated": 0, "unchanged": len(articles), "failed": [],
                                        "chunks_written": 0}
    assert stats(chroma)["stored_chunks"] == expected_chunks

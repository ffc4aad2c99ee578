"""`make bench-scale`: Newsdesk at 10,000 and 100,000 chunks, on the embedded store and on `chroma run`.

For each size and store it reports, in one run so that the ratios hold on a noisy machine:
- search p50/p95 through the Retriever (hybrid, real MiniLM question vector, cache cleared),
  next to the raw floor: MiniLM `embed_query` plus one raw Chroma `query` of the same depth;
- the keyword index: full build, catch-up after another process adds 1 and 100 articles, the
  resident memory it adds, and what bm25s (the previous implementation) took to rebuild;
then 50 concurrent loopback clients for `--seconds` against 3 gunicorn workers on `chroma run`
while a CLI ingest of 300 articles runs (bench/scale_load.py).

Corpus vectors come from a fast deterministic fake (random unit vectors, 384 dimensions, seeded),
so building 100,000 chunks takes a minute, not hours of MiniLM; chunk texts are drawn from a
Zipf-distributed vocabulary so that BM25 posting lists have realistic lengths. The stores are
kept under var/bench-scale and reused by the next run.

Run: `make bench-scale` or `.venv/bin/python bench/scale.py --sizes 10000 --seconds 20`.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from core import Settings  # noqa: E402
from index.embedders.minilm import MiniLMEmbedder  # noqa: E402
from index.lexical import LexicalIndex  # noqa: E402
from index.models import Article, Chunk  # noqa: E402
from index.store import ChromaStore  # noqa: E402
from qa import build_services  # noqa: E402
from scale_load import QUESTIONS, ingest_while_loaded  # noqa: E402

CHUNKS_PER_ARTICLE = 5
WORDS_PER_CHUNK = 110
DIMENSION = 384
VOCABULARY = 30_000
SEARCH_QUESTIONS = QUESTIONS + [
    "harbour ferry council vote", "central bank appointment", "quarterly revenue record", "stadium crowd Saturday",
    "exchange fine regulator", "rail line approved", "election results county", "drought farmers water",
]


def vocabulary() -> np.ndarray:
    rng = np.random.default_rng(1)
    syllables = np.array(["ka", "lo", "mi", "ne", "ru", "ta", "vi", "so", "pe", "da", "ri", "mo", "lu", "shi", "an", "or"])
    made = {"".join(rng.choice(syllables, size=rng.integers(2, 5))) for _ in range(VOCABULARY * 2)}
    real = {w.lower().strip("?") for q in SEARCH_QUESTIONS for w in q.split()}
    return np.array(sorted(real) + sorted(made - real)[: VOCABULARY - len(real)])


def synthetic(first: int, count: int, words: np.ndarray, seed: int) -> list[tuple[Article, list[Chunk], np.ndarray]]:
    """Articles first..first+count-1, each of CHUNKS_PER_ARTICLE chunks, with seeded unit vectors."""
    rng = np.random.default_rng(seed + first)
    ranks = np.minimum(rng.zipf(1.15, size=(count * CHUNKS_PER_ARTICLE, WORDS_PER_CHUNK)) - 1, len(words) - 1)
    vectors = rng.standard_normal((count * CHUNKS_PER_ARTICLE, DIMENSION)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    items = []
    for a in range(count):
        texts = [" ".join(words[ranks[a * CHUNKS_PER_ARTICLE + s]]) for s in range(CHUNKS_PER_ARTICLE)]
        body = "\n\n".join(texts)
        n = first + a
        article = Article(id=f"scale{seed}-{n:07d}", title=f"Scale article {n} {texts[0][:40]}", body=body,
                          url=f"https://bench.example/{seed}/{n}", source=f"Outlet {n % 40}")
        chunks, start = [], 0
        for s, text in enumerate(texts):
            chunks.append(Chunk(id=f"{article.id}-{article.version[:8]}-{s:04d}", article_id=article.id, seq=s,
                                text=text, start=start, end=start + len(text)))
            start += len(text) + 2
        items.append((article, chunks, vectors[a * CHUNKS_PER_ARTICLE:(a + 1) * CHUNKS_PER_ARTICLE]))
    return items


def fill(store: ChromaStore, n_chunks: int, words: np.ndarray) -> float:
    """Publish synthetic articles until the store holds n_chunks chunks; returns seconds spent (0 if reused)."""
    have = store.article_count() * CHUNKS_PER_ARTICLE
    started = time.monotonic()
    for first in range(have // CHUNKS_PER_ARTICLE, n_chunks // CHUNKS_PER_ARTICLE, 1000):
        count = min(1000, n_chunks // CHUNKS_PER_ARTICLE - first)
        batch = synthetic(first, count, words, seed=0)
        store.publish_many(batch, fresh={a.id for a, _, _ in batch})
    return round(time.monotonic() - started, 1) if have < n_chunks else 0.0


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"p50_ms": round(statistics.median(ordered), 1), "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1)}


def search_figures(settings: Settings, store: ChromaStore, embedder: MiniLMEmbedder, repeats: int) -> dict[str, Any]:
    """Retriever vs raw embed + raw Chroma query, interleaved per question."""
    services = build_services(settings, embedder=embedder, store=store)
    retriever = services.retriever
    retriever.lexical.refresh(force=True)
    depth = max(settings.candidates, settings.top_k * settings.max_per_article)
    ours, raw = [], []
    for _ in range(repeats):
        for question in SEARCH_QUESTIONS:
            retriever.clear_cache()
            started = time.perf_counter()
            retriever.retrieve(question, top_k=settings.top_k)
            ours.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            vector = embedder.embed_query(question)
            store._chunks.query(query_embeddings=[vector], n_results=depth, include=["metadatas", "distances"])
            raw.append((time.perf_counter() - started) * 1000)
    result = {"search": percentiles(ours), "raw_embed_plus_chroma_query": percentiles(raw)}
    result["p50_ratio"] = round(result["search"]["p50_ms"] / result["raw_embed_plus_chroma_query"]["p50_ms"], 2)
    return result


def lexical_figures(store: ChromaStore, writer: ChromaStore, words: np.ndarray, n_chunks: int) -> dict[str, Any]:
    """Build from scratch, then catch up after a second handle (another process) adds 1 and 100 articles."""
    lexical = LexicalIndex(store, refresh_seconds=0)
    started = time.perf_counter()
    lexical.refresh(force=True)
    figures: dict[str, Any] = {"build_s": round(time.perf_counter() - started, 2)}
    first = n_chunks // CHUNKS_PER_ARTICLE + int(time.time()) % 100_000 * 1000
    # One new article is the goal's case: timed nine times (median and every run), 100 articles three.
    for count, times in ((1, 9), (100, 3)):
        runs = []
        for _ in range(times):
            batch = synthetic(first, count, words, seed=9)
            writer.publish_many(batch, fresh={a.id for a, _, _ in batch})
            first += count
            writer_changes = writer.local_changes
            started = time.perf_counter()
            lexical.refresh()
            runs.append(round((time.perf_counter() - started) * 1000, 1))
            assert writer_changes == writer.local_changes
        figures[f"refresh_after_{count}_articles_ms"] = statistics.median(runs)
        figures[f"refresh_after_{count}_articles_runs_ms"] = runs
    figures["bm25s_full_rebuild_s"] = _bm25s_rebuild_seconds(store)
    return figures


def rss_of_keyword_index(settings: Settings) -> dict[str, float]:
    """Resident memory a worker's keyword index takes, measured in a fresh process (this one has built several)."""
    code = (
        "import json, sys; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/bench']\n"
        "from scale import *\nfrom scale_load import rss_mb\n"
        "settings = Settings(chroma_path=Path(sys.argv[2]), chroma_url=sys.argv[3] or None, collection=sys.argv[4])\n"
        "store = ChromaStore.open(settings, embedder_name='all-MiniLM-L6-v2', dimension=DIMENSION)\n"
        "store.article_count(); before = rss_mb(os.getpid())\n"
        "LexicalIndex(store).refresh(force=True)\n"
        "print(json.dumps({'rss_before_mb': round(before), 'rss_added_mb': round(rss_mb(os.getpid()) - before)}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(ROOT), str(settings.chroma_path), settings.chroma_url or "",
                           settings.collection], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _bm25s_rebuild_seconds(store: ChromaStore) -> float:
    """What every change cost before: bm25s over every chunk's tokens (tokenizing not counted)."""
    import bm25s

    from index.lexical import tokenize

    tokens = [tokenize(f"{c.title}\n{c.text}") or ["\x00"] for c in store.chunks_of(store.all_articles())]
    started = time.perf_counter()
    bm25s.BM25(k1=1.2, b=0.75).index(tokens, show_progress=False)
    return round(time.perf_counter() - started, 2)


def start_chroma(path: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    path.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        server = subprocess.Popen([str(Path(sys.executable).parent / "chroma"), "run", "--path", str(path), "--host", "127.0.0.1",
                                   "--port", str(port)], stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return server
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"chroma run did not start; see {log}")


def measure_store(kind: str, settings: Settings, embedder: MiniLMEmbedder, words: np.ndarray, n_chunks: int, repeats: int) -> dict[str, Any]:
    store = ChromaStore.open(settings, embedder_name=embedder.name, dimension=DIMENSION)
    built = fill(store, n_chunks, words)
    writer = ChromaStore.open(settings, embedder_name=embedder.name, dimension=DIMENSION)
    print(f"{kind} {n_chunks}: corpus ready ({built} s to build)", file=sys.stderr, flush=True)
    return {"store": kind, "chunks": n_chunks, "corpus_build_s": built,
            **search_figures(settings, store, embedder, repeats),
            "lexical": {**lexical_figures(store, writer, words, n_chunks), **rss_of_keyword_index(settings)}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeats", type=int, default=2, help="passes over the search questions per store")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the load test (0: skip it)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--port", type=int, default=5150, help="loopback port for the gunicorn workers")
    parser.add_argument("--chroma-port", type=int, default=8150, help="loopback port for `chroma run`")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "scale.json")
    args = parser.parse_args()
    work = ROOT / "var" / "bench-scale"
    work.mkdir(parents=True, exist_ok=True)
    words, embedder = vocabulary(), MiniLMEmbedder().load()
    chroma = start_chroma(work / "chroma-server", args.chroma_port, work / "chroma.log")
    chroma_url = f"http://127.0.0.1:{args.chroma_port}"
    runs, load = [], None
    try:
        for size in args.sizes:
            for kind, settings in (("embedded", Settings(chroma_path=work / "embedded", collection=f"scale-{size}")),
                                   ("chroma run", Settings(chroma_url=chroma_url, collection=f"scale-{size}"))):
                runs.append(measure_store(kind, settings, embedder, words, size, args.repeats))
                print(json.dumps(runs[-1]), file=sys.stderr, flush=True)
        if args.seconds > 0:
            load = ingest_while_loaded(chroma_url, f"scale-{min(args.sizes)}", args.port, seconds=args.seconds,
                                       clients=args.clients, workdir=work)
    finally:
        chroma.terminate()
        chroma.wait(timeout=60)
    result = {"cpu_count": os.cpu_count(), "load_average_at_start": _load(), "runs": runs, "load": load}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


def _load() -> list[float]:
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


if __name__ == "__main__":
    main()

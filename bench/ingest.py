"""Ingest throughput against the raw model: how close does the whole pipeline get to `model.encode`?

Run: `make bench-ingest` (or `.venv/bin/python bench/ingest.py --n 2000`).

Generates N articles offline (bench/corpus.py), writes them as JSON lines, and in one run:
  1. raw: `SentenceTransformer.encode` of exactly the texts ingest embeds (headline + chunk),
     batch size 64, timed alone;
  2. ingest: `index.ingest` of the JSON lines file into a fresh PersistentClient (parse, chunk,
     skip-check, embed, write to Chroma, manifest switch), timed end to end;
  3. raw again, so that machine noise shows up as a difference between the two raw runs.
It prints chunks/s for each, ingest over the mean raw rate, and the peak resident memory; then
re-runs the ingest to show that an unchanged corpus writes nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate_articles, write_jsonl  # noqa: E402

from index import Settings, build_index, ingest  # noqa: E402
from index.embedders.minilm import MiniLMEmbedder  # noqa: E402
from index.loaders import iter_articles  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000, help="articles to generate")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "ingest.json")
    args = parser.parse_args()

    embedder = MiniLMEmbedder()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_jsonl(corpus, generate_articles(args.n))
        index = build_index(Settings(chroma_path=Path(tmp) / "chroma"), embedder=embedder)
        texts = [
            text
            for article in iter_articles([corpus])
            for text in index.chunker.embedding_texts(article, index.chunker.chunk(article))
        ]
        embedder.embed_documents(texts[:64])  # warm-up

        raw_first = _timed(lambda: embedder.embed_documents(texts))
        started = time.perf_counter()
        report = ingest([corpus], store=index.store, embedder=embedder, chunker=index.chunker)
        ingest_s = time.perf_counter() - started
        raw_second = _timed(lambda: embedder.embed_documents(texts))
        started = time.perf_counter()
        again = ingest([corpus], store=index.store, embedder=embedder, chunker=index.chunker)
        rerun_s = time.perf_counter() - started
        stats = index.store.stats()

    chunks = len(texts)
    raw_rates = [chunks / raw_first, chunks / raw_second]
    ingest_rate = report.chunks_written / ingest_s
    result = {
        "articles": args.n,
        "chunks": chunks,
        "raw_encode_chunks_per_s": [round(r, 1) for r in raw_rates],
        "ingest_chunks_per_s": round(ingest_rate, 1),
        "ingest_articles_per_s": round(len(report.added) / ingest_s, 1),
        "ingest_over_raw": round(ingest_rate / statistics.fmean(raw_rates), 3),
        "ingest_s": round(ingest_s, 1),
        "rerun_unchanged_s": round(rerun_s, 1),
        "rerun_written": again.chunks_written,
        "store_chunks": stats["chunks"],
        "store_stored_chunks": stats["stored_chunks"],
        "failed": len(report.failed),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{args.n} articles, {chunks} chunks")
    print(f"  raw encode   {raw_rates[0]:8.1f} chunks/s (before)   {raw_rates[1]:8.1f} chunks/s (after)")
    print(f"  ingest       {ingest_rate:8.1f} chunks/s, {result['ingest_articles_per_s']} articles/s ({ingest_s:.1f} s)")
    print(f"  ingest / raw {result['ingest_over_raw']:.3f}")
    print(f"  re-run of the unchanged corpus: {rerun_s:.1f} s, {again.chunks_written} chunks written")
    print(f"  store: {stats['chunks']} chunks visible, {stats['stored_chunks']} stored; peak RSS {result['peak_rss_mb']} MB")


def _timed(call) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()

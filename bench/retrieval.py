"""Retrieval quality and latency: lexical (BM25), dense (MiniLM + Chroma) and hybrid (RRF) side by side.

Run: `make bench-retrieval` (or `.venv/bin/python bench/retrieval.py --distractors 2600`); NEWSDESK_*
variables (fusion weights, candidates, RRF k...) apply, so settings can be compared.

Questions: bench/retrieval_questions.yaml, each labelled with the sample articles that answer it
(grade 2 = best, 1 = also answers). Two corpora, both with the real MiniLM model and a
PersistentClient in a temp dir:
  1. `sample`: data/sample/ alone;
  2. `sample+N`: the same plus N generated distractor articles (bench/corpus.py), about four
     chunks each, so that name matches and near-topic stories compete.
Metrics are over the ranked list of distinct articles the passages come from (an article
collapsed into another's passage as a near-duplicate counts at that passage's rank): hit@1,
hit@5, MRR@10 and nDCG@10 (gain 2^grade - 1). Latency on the large corpus, interleaved per
question in one run: the query embedding, the raw Chroma query (top 5), and each mode's full
retrieval with an empty query cache; "overhead" is hybrid minus (embedding + raw query).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from core import Settings  # noqa: E402
from index import ingest  # noqa: E402
from index.embedders.minilm import MiniLMEmbedder  # noqa: E402
from index.ids import article_id_for  # noqa: E402
from index.article_fields import article_from_fields  # noqa: E402
from qa import SearchOptions, build_services  # noqa: E402

MODES = ("lexical", "dense", "hybrid")
METRICS = ("hit@1", "hit@5", "mrr@10", "ndcg@10")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=Path, default=ROOT / "bench" / "retrieval_questions.yaml")
    parser.add_argument("--distractors", type=int, default=2600, help="generated articles added for the large corpus")
    parser.add_argument("--repeats", type=int, default=3, help="latency passes over the questions")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "retrieval.json")
    parser.add_argument("--index-dir", type=Path, default=None,
                        help="keep the index here and reuse it on the next run (default: a temp dir)")
    args = parser.parse_args()
    questions = yaml.safe_load(args.questions.read_text())["questions"]
    for q in questions:
        q["relevant_ids"] = {article_id_for(url=u, title="", body=""): g for u, g in q["relevant"].items()}

    embedder = MiniLMEmbedder().load()
    result: dict[str, Any] = {"questions": len(questions), "corpora": {}}
    with tempfile.TemporaryDirectory() as tmp:
        kept = args.index_dir is not None and (args.index_dir / "large").exists()
        sample_dir = (args.index_dir or Path(tmp)) / "sample"
        services = build_services(Settings.from_env(os.environ).replace(chroma_path=sample_dir), embedder=embedder)
        index = services.index
        ingest([ROOT / "data" / "sample"], store=index.store, embedder=embedder, chunker=index.chunker)
        result["corpora"]["sample"] = evaluate(services, questions, index.store.stats())
        report("sample", result["corpora"]["sample"])
        services = build_services(
            Settings.from_env(os.environ).replace(chroma_path=(args.index_dir or Path(tmp)) / "large"), embedder=embedder
        )
        index = services.index
        ingest([ROOT / "data" / "sample"], store=index.store, embedder=embedder, chunker=index.chunker)

        if args.distractors <= 0:
            result["latency"] = latency(services, questions, args.repeats)
            print_latency(result["latency"])
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(result, indent=2) + "\n")
            return
        started = time.perf_counter()
        chunks = 0 if kept else add_distractors(services, args.distractors)
        build_s = time.perf_counter() - started
        name = f"sample+{args.distractors}"
        stats = index.store.stats()
        result["corpora"][name] = evaluate(services, questions, stats)
        result["corpora"][name]["build_s"] = round(build_s, 1)
        report(name, result["corpora"][name])
        result["latency"] = latency(services, questions, args.repeats)
        result["latency"]["chunks"] = stats["chunks"]
        print_latency(result["latency"])
        result["distractor_chunks"] = chunks
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")


def add_distractors(services, n: int) -> int:  # type: ignore[no-untyped-def]
    """Publish n generated articles, embedding their chunks in large batches."""
    from corpus import generate_articles

    index = services.index
    articles = [article_from_fields(raw) for raw in generate_articles(n)]
    written = 0
    batch: list[tuple[Any, list[Any], list[str]]] = []
    for i, article in enumerate(articles, start=1):
        chunks = index.chunker.chunk(article)
        batch.append((article, chunks, index.chunker.embedding_texts(article, chunks)))
        if len(batch) == 64 or i == len(articles):
            vectors = index.embedder.embed_documents([t for _, _, texts in batch for t in texts])
            cursor = 0
            for article, chunks, texts in batch:
                index.store.publish(article, chunks, vectors[cursor : cursor + len(texts)])
                cursor += len(texts)
                written += len(chunks)
            batch = []
            print(f"  distractors: {i}/{n} articles, {written} chunks", end="\r", file=sys.stderr)
    print(file=sys.stderr)
    return written


def ranked_articles(passages) -> list[str]:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    for p in passages:
        for aid in [p.article_id] + [a["article_id"] for a in p.also_in]:
            if aid not in seen:
                seen.append(aid)
    return seen


def scores_for(ranking: list[str], relevant: dict[str, int]) -> dict[str, float]:
    first = next((i for i, aid in enumerate(ranking[:10], start=1) if aid in relevant), None)
    dcg = sum((2 ** relevant.get(aid, 0) - 1) / math.log2(i + 1) for i, aid in enumerate(ranking[:10], start=1))
    ideal = sorted(relevant.values(), reverse=True)[:10]
    idcg = sum((2**g - 1) / math.log2(i + 1) for i, g in enumerate(ideal, start=1))
    return {
        "hit@1": float(bool(ranking) and ranking[0] in relevant),
        "hit@5": float(any(aid in relevant for aid in ranking[:5])),
        "mrr@10": 1.0 / first if first else 0.0,
        "ndcg@10": dcg / idcg if idcg else 0.0,
    }


def evaluate(services, questions: list[dict], stats: dict) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    out: dict[str, Any] = {"articles": stats["articles"], "chunks": stats["chunks"], "modes": {}}
    for mode in MODES:
        per_kind: dict[str, list[dict[str, float]]] = {}
        misses = []
        for q in questions:
            found = services.retriever.retrieve(q["question"], top_k=20, options=SearchOptions(mode=mode))
            s = scores_for(ranked_articles(found.passages), q["relevant_ids"])
            per_kind.setdefault("all", []).append(s)
            per_kind.setdefault(q.get("kind", "other"), []).append(s)
            if not s["hit@1"]:
                misses.append(q["question"])
        out["modes"][mode] = {
            kind: {m: round(statistics.fmean(r[m] for r in rows), 3) for m in METRICS} for kind, rows in per_kind.items()
        }
        out["modes"][mode]["missed_at_1"] = misses
    return out


def latency(services, questions: list[dict], repeats: int) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    retriever, store, embedder = services.retriever, services.index.store, services.index.embedder
    raw = store._chunks  # the raw Chroma collection: the baseline the goal is measured against
    samples: dict[str, list[float]] = {k: [] for k in ("embed_query", "chroma_query", *MODES, "overhead")}
    retriever.retrieve("warm up", top_k=5)
    for _ in range(repeats):
        for q in questions:
            text = q["question"]
            t_embed = _ms(lambda: embedder.embed_query(text))
            vector = embedder.embed_query(text)
            t_raw = _ms(lambda: raw.query(query_embeddings=[vector], n_results=5, include=["documents", "metadatas", "distances"]))
            samples["embed_query"].append(t_embed)
            samples["chroma_query"].append(t_raw)
            for mode in MODES:
                retriever.clear_cache()
                elapsed = _ms(lambda: retriever.retrieve(text, top_k=5, options=SearchOptions(mode=mode)))
                samples[mode].append(elapsed)
                if mode == "hybrid":
                    samples["overhead"].append(elapsed - t_embed - t_raw)
    medians = {k: round(statistics.median(v), 2) for k, v in samples.items()}
    return {
        "queries_per_stage": len(samples["hybrid"]),
        "median_ms": medians,
        "p90_ms": {k: round(statistics.quantiles(v, n=10)[-1], 2) for k, v in samples.items()},
        "hybrid_over_dense": round(medians["hybrid"] / medians["dense"], 2),
    }


def _ms(call) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def report(name: str, corpus: dict[str, Any]) -> None:
    print(f"\n{name}: {corpus['articles']} articles, {corpus['chunks']} chunks")
    kinds = [k for k in corpus["modes"]["hybrid"] if k != "missed_at_1"]
    for kind in kinds:
        print(f"  {kind:<11}" + "".join(f"{m:>10}" for m in METRICS))
        for mode in MODES:
            row = corpus["modes"][mode][kind]
            print(f"    {mode:<9}" + "".join(f"{row[m]:>10.3f}" for m in METRICS))


def print_latency(lat: dict[str, Any]) -> None:
    print(f"\nlatency at {lat.get('chunks', '?')} chunks, {lat['queries_per_stage']} queries per stage (median / p90 ms):")
    for key, value in lat["median_ms"].items():
        print(f"  {key:<13}{value:>8.2f}{lat['p90_ms'][key]:>9.2f}")
    print(f"  hybrid / dense: {lat['hybrid_over_dense']}x")


if __name__ == "__main__":
    main()

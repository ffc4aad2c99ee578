"""Ingest throughput against the raw model: how close does the whole pipeline get to `model.encode`?

Run: `make bench-ingest` (or `.venv/bin/python bench/ingest.py --n 2000`).

Generates N articles offline (bench/corpus.py) and ingests all of them into one fresh
PersistentClient, a slice at a time. Next to each slice's ingest (parse, chunk, skip-check,
embed, write to Chroma, manifest switch, timed end to end) the same run times, on exactly the
texts that ingest embeds for that slice:
  - raw: the model alone, batched the way Newsdesk batches (`MiniLMEmbedder.embed_documents`:
    batches of 32 texts of similar wordpiece length, each one `model.encode` call). The goal,
    ingest >= 90% of raw, is judged against this, so better batching cannot hide pipeline cost;
  - st: sentence-transformers' own `model.encode(texts, batch_size=32)` in one call (it sorts
    by characters), what a plain call of the library gets, for reference.
Raw encodes a whole slice (~2,000 chunks) in one call, while ingest embeds 1,024 chunks at a
time, so the cost of ingest's smaller sorting windows is inside the measured ratio. The
padding each way of calling the model computes is printed too, including one call over the
whole corpus, the least any batching could pad.
The order of the three rotates from slice to slice. This machine's speed drifts by a third
over minutes, so measuring side by side, slice by slice, is what makes the ratios mean
something: a slow minute slows every member of a pair. It prints chunks/s for each over the
whole corpus, the ratios, the median and range of the per-slice ratios, and the peak resident
memory; then re-runs the ingest of the whole corpus to show that an unchanged corpus writes
nothing.
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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate_articles, write_jsonl  # noqa: E402

from core import Settings  # noqa: E402
from index import build_index, ingest  # noqa: E402
from index.embedders.minilm import MiniLMEmbedder  # noqa: E402
from index.ingest import BATCH_CHUNKS  # noqa: E402
from index.loaders import iter_articles  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000, help="articles to generate")
    parser.add_argument("--slices", type=int, default=4, help="parts the corpus is ingested and measured in")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "ingest.json")
    args = parser.parse_args()

    embedder = MiniLMEmbedder().load()
    articles = list(generate_articles(args.n))
    size = -(-len(articles) // max(1, args.slices))
    with tempfile.TemporaryDirectory() as tmp:
        index = build_index(Settings(chroma_path=Path(tmp) / "chroma"), embedder=embedder)
        files = []
        for number, start in enumerate(range(0, len(articles), size)):
            files.append(Path(tmp) / f"slice-{number:02d}.jsonl")
            write_jsonl(files[-1], articles[start : start + size])
        embedder.embed_documents(["warm-up"] * 64)
        measured = _measure_slices(files, index, embedder)
        started = time.perf_counter()
        again = ingest(files, store=index.store, embedder=embedder, chunker=index.chunker)
        measured.update(rerun_s=time.perf_counter() - started, rerun_written=again.chunks_written)
        measured["stats"] = index.store.stats()

    result = _summary(args.n, measured, embedder.batch_size)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    _print_report(result)


def _measure_slices(files: list[Path], index: Any, embedder: MiniLMEmbedder) -> dict[str, Any]:
    """Ingest each slice, and encode its texts raw and with plain sentence-transformers, in rotating order."""
    slices: list[dict[str, float]] = []
    lengths: list[list[list[int]]] = []  # per slice, per article: wordpieces of each embedded text
    counts = {"written": 0, "added": 0, "failed": 0}
    for number, path in enumerate(files):
        groups = [index.chunker.embedding_texts(a, index.chunker.chunk(a)) for a in iter_articles([path])]
        texts = [text for group in groups for text in group]
        lengths.append([[index.chunker.count_tokens(t) + 2 for t in group] for group in groups])

        def run_ingest(path: Path = path) -> None:
            report = ingest([path], store=index.store, embedder=embedder, chunker=index.chunker)
            counts["written"] += report.chunks_written
            counts["added"] += len(report.added)
            counts["failed"] += len(report.failed)

        def run_raw(texts: list[str] = texts) -> None:
            embedder.embed_documents(texts)

        def run_st(texts: list[str] = texts) -> None:
            embedder.model.encode(texts, batch_size=embedder.batch_size, normalize_embeddings=True, show_progress_bar=False)

        runs = [("ingest", run_ingest), ("raw", run_raw), ("st", run_st)]
        turn = number % len(runs)
        timings = {name: _timed(call) for name, call in runs[turn:] + runs[:turn]}
        slices.append({"chunks": len(texts), **timings})
        print(
            f"  slice {number + 1:2d}/{len(files)}: {len(texts):5d} chunks; chunks/s raw {len(texts) / timings['raw']:5.1f},"
            f" st {len(texts) / timings['st']:5.1f}, ingest {len(texts) / timings['ingest']:5.1f};"
            f" ingest/raw {timings['raw'] / timings['ingest']:.3f}, ingest/st {timings['st'] / timings['ingest']:.3f}",
            flush=True,
        )
    return {"slices": slices, "lengths": lengths, **counts}


def _summary(articles: int, measured: dict[str, Any], batch_size: int) -> dict[str, Any]:
    slices, lengths, stats = measured["slices"], measured["lengths"], measured["stats"]
    chunks = sum(s["chunks"] for s in slices)
    seconds = {name: sum(s[name] for s in slices) for name in ("ingest", "raw", "st")}
    ingest_rate = measured["written"] / seconds["ingest"]
    result: dict[str, Any] = {
        "articles": articles,
        "chunks": chunks,
        "slices": len(slices),
        "raw_encode_chunks_per_s": round(chunks / seconds["raw"], 1),
        "st_encode_chunks_per_s": round(chunks / seconds["st"], 1),
        "ingest_chunks_per_s": round(ingest_rate, 1),
        "ingest_articles_per_s": round(measured["added"] / seconds["ingest"], 1),
        "seconds": {name: round(value, 1) for name, value in seconds.items()},
    }
    for reference in ("raw", "st"):
        ratios = [s[reference] / s["ingest"] for s in slices]
        result[f"ingest_over_{reference}"] = round(ingest_rate / (chunks / seconds[reference]), 3)
        result[f"ingest_over_{reference}_per_slice"] = {
            "median": round(statistics.median(ratios), 3), "min": round(min(ratios), 3), "max": round(max(ratios), 3),
        }
    result["padding"] = {
        "one_call_over_corpus": _padding([[n for part in lengths for group in part for n in group]], batch_size),
        "raw_one_call_per_slice": _padding([[n for group in part for n in group] for part in lengths], batch_size),
        "ingest_batches": _padding([call for part in lengths for call in _ingest_calls(part)], batch_size),
    }
    result.update({
        "rerun_unchanged_s": round(measured["rerun_s"], 1),
        "rerun_written": measured["rerun_written"],
        "store_chunks": stats["chunks"],
        "store_stored_chunks": stats["stored_chunks"],
        "failed": measured["failed"],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    })
    return result


def _print_report(result: dict[str, Any]) -> None:
    seconds, padding = result["seconds"], result["padding"]
    print(f"{result['articles']} articles, {result['chunks']} chunks, {result['slices']} slices (ingest, raw and st side by side)")
    print(f"  raw encode (Newsdesk batching) {result['raw_encode_chunks_per_s']:6.1f} chunks/s ({seconds['raw']:.1f} s)")
    print(f"  st encode (one plain call)     {result['st_encode_chunks_per_s']:6.1f} chunks/s ({seconds['st']:.1f} s)")
    print(
        f"  ingest, end to end             {result['ingest_chunks_per_s']:6.1f} chunks/s,"
        f" {result['ingest_articles_per_s']} articles/s ({seconds['ingest']:.1f} s)"
    )
    for reference in ("raw", "st"):
        spread = result[f"ingest_over_{reference}_per_slice"]
        print(
            f"  ingest / {reference:3s} {result[f'ingest_over_{reference}']:.3f} over the corpus;"
            f" per slice median {spread['median']:.3f} (min {spread['min']:.3f}, max {spread['max']:.3f})"
        )
    print(
        f"  padding (wordpiece positions computed beyond the texts): one call over the corpus"
        f" {padding['one_call_over_corpus']:.1%}, raw here {padding['raw_one_call_per_slice']:.1%},"
        f" ingest's batches of {BATCH_CHUNKS} {padding['ingest_batches']:.1%}"
    )
    print(f"  re-run of the unchanged corpus: {result['rerun_unchanged_s']:.1f} s, {result['rerun_written']} chunks written")
    print(
        f"  store: {result['store_chunks']} chunks visible, {result['store_stored_chunks']} stored;"
        f" {result['failed']} failed; peak RSS {result['peak_rss_mb']} MB"
    )


def _ingest_calls(articles: list[list[int]]) -> list[list[int]]:
    """The embedding calls ingest makes for these articles: whole articles until BATCH_CHUNKS is reached."""
    calls: list[list[int]] = [[]]
    for group in articles:
        calls[-1].extend(group)
        if len(calls[-1]) >= BATCH_CHUNKS:
            calls.append([])
    return [call for call in calls if call]


def _padding(calls: list[list[int]], batch: int) -> float:
    """Extra positions computed when each list of lengths is one call: sorted, batched, padded to the longest."""
    computed = real = 0
    for call in calls:
        ordered = sorted(call, reverse=True)
        computed += sum(ordered[start] * len(ordered[start : start + batch]) for start in range(0, len(ordered), batch))
        real += sum(call)
    return round(computed / real - 1, 4)


def _timed(call) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()

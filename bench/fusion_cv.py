"""Fusion parameters chosen by 2-fold cross-validation, and what they score on held-out questions.

Run: `make bench-retrieval` (after bench/retrieval.py) or `.venv/bin/python bench/fusion_cv.py`.

Corpus: data/sample + data/beats, real MiniLM, a PersistentClient in a temp dir. Questions:
bench/retrieval_questions.yaml (crypto and sample beats) and bench/beats_questions.yaml (other
beats), split into two halves by a hash of the question text, each set split on its own. For
each fold, every grid point (RRF k, dense weight, candidate depth, and the answer ranking off or
on with a margin) is scored on one half by mean hit@1 (then hit@5, then MRR@10); the best is
reported on the other half next to dense
alone, lexical alone and plain RRF(k=60, equal weights). Both folds, then their mean.
`answer@5` (beats questions): one of the top five passages holds an answer string, i.e. caps,
joining and near-duplicate collapse kept the passage that answers; `answer@1`: the first does.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from retrieval import ranked_articles, scores_for  # noqa: E402

from core import Settings  # noqa: E402
from index import ingest  # noqa: E402
from index.embedders.minilm import MiniLMEmbedder  # noqa: E402
from index.ids import article_id_for  # noqa: E402
from index.lexical import LexicalIndex  # noqa: E402
from qa import SearchOptions, build_services  # noqa: E402
from qa.eval.runner import contains_any  # noqa: E402
from qa.retrieval import Retriever  # noqa: E402

GRID = {"rrf_k": (5, 10, 20, 60), "dense_weight": (0.3, 0.5, 0.7, 0.85), "candidates": (20, 40, 80),
        "answer_depth": (0, 5), "answer_margin": (0.0, 0.1, 0.2)}
SETS = (ROOT / "bench" / "retrieval_questions.yaml", ROOT / "bench" / "beats_questions.yaml")
METRICS = ("hit@1", "hit@5", "mrr@10", "answer@1", "answer@5")


class _Memo:
    """The embedder with a question cache shared by every retriever of the grid."""

    def __init__(self, embedder: Any) -> None:
        self.embedder, self.name, self.dimension = embedder, embedder.name, embedder.dimension
        self._seen: dict[str, list[float]] = {}

    def embed_documents(self, texts: Any) -> list[list[float]]:
        return self.embedder.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        if text not in self._seen:
            self._seen[text] = self.embedder.embed_query(text)
        return self._seen[text]


def load_questions() -> list[dict[str, Any]]:
    questions = []
    for path in SETS:
        for q in yaml.safe_load(path.read_text())["questions"]:
            q["set"] = path.stem
            q["relevant_ids"] = {article_id_for(url=u, title="", body=""): g for u, g in q["relevant"].items()}
            q["fold"] = int(hashlib.sha256(q["question"].encode()).hexdigest(), 16) % 2
            questions.append(q)
    return questions


def score(retriever: Retriever, q: dict[str, Any], mode: str) -> dict[str, float]:
    passages = retriever.retrieve(q["question"], top_k=10, options=SearchOptions(mode=mode)).passages
    result = scores_for(ranked_articles(passages), q["relevant_ids"])
    if q.get("answer"):
        held = [contains_any(p.text, q["answer"]) for p in passages[:5]]
        result["answer@1"] = float(any(held[:1]))
        result["answer@5"] = float(any(held))
    return result


def mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {m: round(statistics.fmean(r[m] for r in rows if m in r), 3) for m in METRICS if any(m in r for r in rows)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "fusion_cv.json")
    args = parser.parse_args()
    questions = load_questions()
    embedder = _Memo(MiniLMEmbedder().load())
    with tempfile.TemporaryDirectory() as tmp:
        base = Settings(chroma_path=Path(tmp) / "chroma")
        services = build_services(base, embedder=embedder)  # type: ignore[arg-type]
        ingest([ROOT / "data" / "sample", ROOT / "data" / "beats"], store=services.index.store, embedder=embedder,
               chunker=services.index.chunker, sentences=services.index.sentences)
        lexical = LexicalIndex(services.index.store, refresh_seconds=3600)

        def retriever(**changes: Any) -> Retriever:
            return Retriever(services.index.store, embedder, lexical, base.replace(**changes),  # type: ignore[arg-type]
                             sentences=services.index.sentences)

        grid = [dict(zip(GRID, values)) for values in itertools.product(*GRID.values())]
        # With the answer ranking off its margin changes nothing: one of those is enough.
        grid = [c for c in grid if c["answer_depth"] or c["answer_margin"] == GRID["answer_margin"][0]]
        per_config = {json.dumps(c, sort_keys=True): [score(retriever(**c), q, "hybrid") for q in questions] for c in grid}
        singles = {mode: [score(retriever(), q, mode) for q in questions] for mode in ("dense", "lexical")}
        shipped = {key: getattr(base, key) for key in GRID}
        rrf60 = [score(retriever(rrf_k=60, dense_weight=1.0, lexical_weight=1.0, answer_depth=0), q, "hybrid") for q in questions]
        current = per_config.get(json.dumps(shipped, sort_keys=True)) or [score(retriever(), q, "hybrid") for q in questions]
    result = {"questions": len(questions), "grid": GRID, "folds": []}
    for fold in (0, 1):
        train = [i for i, q in enumerate(questions) if q["fold"] != fold]
        test = [i for i, q in enumerate(questions) if q["fold"] == fold]
        best = max(per_config, key=lambda c: _key(mean([per_config[c][i] for i in train])))
        rows = {
            "hybrid (tuned on the other half)": per_config[best],
            "hybrid (shipped defaults)": current,
            "plain RRF(k=60)": rrf60,
            "dense": singles["dense"],
            "lexical": singles["lexical"],
        }
        result["folds"].append({
            "held_out": len(test), "chosen": json.loads(best),
            "scores": {name: mean([r[i] for i in test]) for name, r in rows.items()},
        })
    result["chosen_overall"] = json.loads(max(per_config, key=lambda c: _key(mean(per_config[c]))))
    print_table(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")


def _key(metrics: dict[str, float]) -> tuple[float, float, float]:
    return metrics["hit@1"], metrics["hit@5"], metrics["mrr@10"]


def print_table(result: dict[str, Any]) -> None:
    print(f"2-fold cross-validation over {result['questions']} labelled questions (held-out halves)")
    for n, fold in enumerate(result["folds"], start=1):
        print(f"\nfold {n}: {fold['held_out']} held-out questions; tuned on the other half: {fold['chosen']}")
        print(f"  {'':34}" + "".join(f"{m:>10}" for m in METRICS))
        for name, row in fold["scores"].items():
            print(f"  {name:34}" + "".join(f"{row.get(m, float('nan')):>10.3f}" for m in METRICS))
    print(f"\nbest on all questions: {result['chosen_overall']}")


if __name__ == "__main__":
    main()

"""Retrieval and extractive accuracy over search-engine snippets, ingested untitled.

Issue 12's public check is run on real news *snippets*: a few dozen words cut from a page, often
starting or ending mid-sentence, with no headline, so each title is Newsdesk's own first-words
fallback. We cannot fetch that set here, so this builds the same shape from our own articles:
every article of data/sample + data/beats is cut into overlapping windows of 20-45 words that
start and end wherever the cut falls (an ellipsis marks a cut, as search engines print it,
and some carry a dateline such as "Feb 9, 2024 —"), written to a JSON-lines file with text and
URL only, and ingested. Questions come with answer strings (bench/beats_questions.yaml by
default); a snippet "bears the answer" when it contains one.

Reported, per retrieval method (dense, lexical, plain RRF(60), the shipped hybrid with its answer
ranking): hit@1 and hit@5 (an answer-bearing snippet among the first 1/5 passages); the answer
ranking, off or on (depth 5) with a margin of 0, 0.1 or 0.2, chosen on one half of the questions
and scored on the other, both ways (a tie goes to off); and for the extractive answerer over the
shipped hybrid, accuracy: an answer string appears anywhere in the answer's text, next to its
ceiling, how often the top five passages hold the answer at all.

Run: `.venv/bin/python bench/snippets.py [--questions FILE]` (part of `make bench-retrieval`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
from pathlib import Path
from collections.abc import Sequence
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core import Settings  # noqa: E402
from index import ingest  # noqa: E402
from index.embedders.minilm import MiniLMEmbedder  # noqa: E402
from index.loaders import iter_articles  # noqa: E402
from index.models import Article  # noqa: E402
from qa import SearchOptions, build_services  # noqa: E402
from qa.answering import answer_question  # noqa: E402
from qa.eval.runner import contains_any  # noqa: E402
from qa.retrieval import Retriever  # noqa: E402

CORPUS = (ROOT / "data" / "sample", ROOT / "data" / "beats")
SEED = 12
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def snippets_of(article: Article, draw: random.Random) -> list[str]:
    """Overlapping 20-45 word windows of the article's text, cut where the window falls."""
    words = article.body.split()
    cuts, start = [], 0
    while start < len(words):
        size = draw.randint(20, 45)
        piece = " ".join(words[start : start + size])
        if start > 0:
            piece = "... " + piece
        if start + size < len(words):
            piece += " ..."
        if article.published_at is not None and draw.random() < 0.3:
            when = article.published_at
            piece = f"{MONTHS[when.month - 1]} {when.day}, {when.year} \u2014 {piece.removeprefix('... ')}"
        cuts.append(piece)
        start += max(10, size - draw.randint(5, 15))
    return cuts


def write_snippets(path: Path, corpus: Sequence[Path] = CORPUS) -> int:
    draw = random.Random(SEED)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for item in iter_articles(corpus):
            if not isinstance(item, Article):
                continue
            for number, text in enumerate(snippets_of(item, draw)):
                out.write(json.dumps({"text": text, "url": f"{item.url or 'https://snippet.example/' + item.id}/s{number}"}) + "\n")
                count += 1
    return count


GRID = [{"answer_depth": 0}] + [{"answer_depth": 5, "answer_margin": m} for m in (0.0, 0.1, 0.2)]


def retriever_with(services: Any, **changes: Any) -> Retriever:
    return Retriever(services.index.store, services.index.embedder, services.retriever.lexical,
                     services.settings.replace(**changes), sentences=services.index.sentences)


def hits(retriever: Retriever, mode: str, item: dict[str, Any]) -> dict[str, float]:
    passages = retriever.retrieve(item["question"], top_k=5, options=SearchOptions(mode=mode)).passages
    found = [contains_any(p.text, item["answer"]) for p in passages]
    return {"hit@1": float(bool(found) and found[0]), "hit@5": float(any(found))}


def mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(statistics.fmean(r[key] for r in rows), 3) for key in ("hit@1", "hit@5")}


def cross_validate(services: Any, questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The answer ranking off or on (with a margin), chosen on one half of the questions, scored on the other."""
    folds = [int(hashlib.sha256(q["question"].encode()).hexdigest(), 16) % 2 for q in questions]
    scored = {json.dumps(c): [hits(retriever_with(services, **c), "hybrid", q) for q in questions] for c in GRID}
    plain = scored[json.dumps({"answer_depth": 0})]
    report = []
    for fold in (0, 1):
        train = [i for i, f in enumerate(folds) if f != fold]
        test = [i for i, f in enumerate(folds) if f == fold]
        best = max(scored, key=lambda c: tuple(mean([scored[c][i] for i in train]).values()))
        report.append({"fold": fold + 1, "held_out": len(test), "chosen": json.loads(best), "scores": {
            "tuned": mean([scored[best][i] for i in test]), "plain RRF(60)": mean([plain[i] for i in test])}})
    return report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=Path, default=ROOT / "bench" / "beats_questions.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "snippets.json")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--corpus", type=Path, action="append",
                        help="a folder of articles to cut into snippets (repeatable); default data/sample and data/beats")
    args = parser.parse_args()
    questions = yaml.safe_load(args.questions.read_text(encoding="utf-8"))["questions"]
    with tempfile.TemporaryDirectory(prefix="newsdesk-snippets-") as tmp:
        file = Path(tmp) / "snippets.jsonl"
        count = write_snippets(file, args.corpus or CORPUS)
        settings = Settings().replace(chroma_path=Path(tmp) / "chroma", chroma_url=None, answer_mode="extractive")
        services = build_services(settings, embedder=MiniLMEmbedder())
        ingest([file], store=services.index.store, embedder=services.index.embedder, chunker=services.index.chunker)
        result: dict[str, Any] = {"snippets": count, "questions": len(questions), "methods": {}}
        retrievers = {
            "dense": (services.retriever, "dense"),
            "lexical": (services.retriever, "lexical"),
            "plain RRF(60)": (retriever_with(services, answer_depth=0), "hybrid"),
            "hybrid (shipped)": (services.retriever, "hybrid"),
        }
        per_question = {name: [hits(r, mode, q) for q in questions] for name, (r, mode) in retrievers.items()}
        result["methods"] = {name: mean(rows) for name, rows in per_question.items()}
        result["cross_validation"] = cross_validate(services, questions)
        right, ceiling, rows = 0, 0, []
        for item in questions:
            answer = answer_question(item["question"], services=services)
            ok = contains_any(answer.text, item["answer"])
            right += ok
            ceiling += any(contains_any(p.text, item["answer"]) for p in answer.passages[:5])
            rows.append({"question": item["question"], "answered": ok, "answer": answer.text})
            if args.show_misses and not ok:
                print(f"  miss: {item['question']}\n        {answer.text[:400]!r}")
        result["extractive_accuracy"] = round(right / len(questions), 3)
        result["answer@5"] = round(ceiling / len(questions), 3)
        result["answers"] = rows
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{count} snippets, {len(questions)} questions ({args.questions.name})")
    for name, scores in result["methods"].items():
        print(f"  {name:18s} hit@1 {scores['hit@1']:.3f}  hit@5 {scores['hit@5']:.3f}")
    for fold in result["cross_validation"]:
        print(f"  fold {fold['fold']} ({fold['held_out']} held out), answer ranking tuned on the other half {fold['chosen']}: "
              + ", ".join(f"{name} hit@1 {v['hit@1']:.3f} hit@5 {v['hit@5']:.3f}" for name, v in fold["scores"].items()))
    print(f"  extractive accuracy {result['extractive_accuracy']:.3f} (top five passages hold an answer: {result['answer@5']:.3f})")


if __name__ == "__main__":
    main()

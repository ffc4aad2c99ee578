"""The extractive answer's lead rate on questions its rules were not written from.

The golden set's `lead_contains_any` cases (data/sample/golden.yaml) are what the lead rules in
qa/question_types.py and qa/answer_check.py were tuned on, so its lead rate flatters them. This
asks the 68 questions of bench/beats_questions.yaml (courts, weather, sport, city hall, science,
business; written for retrieval, each with the strings an answering passage states) over
data/sample + data/beats with the real MiniLM, and counts a lead as right when the answer's
first cited sentence holds one of those strings, case-insensitive: the golden report's own
definition of the lead (`qa.eval.runner.lead_of`), over the same throwaway index it builds. It also
counts the questions whose retrieved passages hold an answer string at all: the ceiling for the lead.

Run: `.venv/bin/python bench/lead_rate.py` (part of `make bench`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core import Settings  # noqa: E402
from index.embedders.minilm import MiniLMEmbedder  # noqa: E402
from qa.answering import answer_question  # noqa: E402
from qa.eval.cli import eval_services  # noqa: E402
from qa.eval.runner import contains_any, lead_of  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=Path, default=ROOT / "bench" / "beats_questions.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "lead_rate.json")
    parser.add_argument("--corpus", type=Path, action="append",
                        help="a folder of articles to index (repeatable); default data/sample and data/beats")
    args = parser.parse_args()
    questions = yaml.safe_load(args.questions.read_text(encoding="utf-8"))["questions"]
    rows = []
    corpus = args.corpus or [ROOT / "data" / "sample", ROOT / "data" / "beats"]
    with eval_services(Settings(), mode="extractive", corpus=corpus, embedder=MiniLMEmbedder()) as services:
        for item in questions:
            answer = answer_question(item["question"], services=services)
            lead = lead_of(answer)
            rows.append({"question": item["question"], "lead": lead,
                         "holds_answer": contains_any(lead, item["answer"]),
                         "passages_hold_answer": any(contains_any(p.text, item["answer"]) for p in answer.passages)})
    right = sum(r["holds_answer"] for r in rows)
    reachable = sum(r["passages_hold_answer"] for r in rows)
    result = {"questions": len(rows), "lead_holds_answer": right, "lead_rate": round(right / len(rows), 3),
              "passages_hold_answer": reachable, "answers": rows}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    for row in rows:
        if not row["holds_answer"]:
            where = "in the passages" if row["passages_hold_answer"] else "not retrieved"
            print(f"  miss ({where}): {row['question']}\n        lead: {row['lead'][:140]}")
    print(f"lead rate {result['lead_rate']} ({right} of {len(rows)} leads hold an answer string; "
          f"the retrieved passages hold one for {reachable})")


if __name__ == "__main__":
    main()

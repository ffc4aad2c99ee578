"""Run a golden file against the answering pipeline and judge every case.

Metrics (over the cases that ran):
- pass rate: cases whose every expectation held;
- retrieval recall@k: of the articles a case expects to be cited, the share among the passages
  the answerer was given;
- citation precision and recall, ALCE's definitions as judged by the citation checker: a
  citation is precise when its passage supports the sentence citing it; a sentence is recalled
  when its citations together support it;
- refusal accuracy: the answer refused exactly when the case expects a refusal;
- lead rate: of the cases with `lead_contains_any`, the share whose first cited sentence holds
  one of those strings (the answer comes first, not three quotes down);
- answers-question accuracy: of the cases with `answers_question`, the share whose
  `verification.answers_question` matches;
- latency: median and 90th percentile of the whole answer, in ms.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from core.errors import ModelError

from qa.answering import answer_question
from qa.eval.golden import GoldenCase, GoldenSet
from qa.models import Answer
from qa.retrieval import SearchOptions
from qa.services import Services


@dataclass
class CaseResult:
    case: GoldenCase
    status: str  # "pass", "fail", "skip", or for a known failure "xfail" (still failing) / "xpass" (now passing)
    reasons: list[str] = field(default_factory=list)
    answer: Answer | None = None
    latency_ms: float = 0.0
    retrieval_recall: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.case.id,
            "question": self.case.question,
            "status": self.status,
            "reasons": self.reasons,
            "latency_ms": round(self.latency_ms, 1),
            "retrieval_recall": self.retrieval_recall,
            "answer": self.answer.to_dict() if self.answer else None,
        }


@dataclass
class EvalReport:
    golden: str
    mode: str
    model: str
    results: list[CaseResult]

    @property
    def ran(self) -> list[CaseResult]:
        return [r for r in self.results if r.status != "skip"]

    @property
    def failed(self) -> list[CaseResult]:
        return [r for r in self.results if r.status == "fail"]

    def metrics(self) -> dict[str, Any]:
        ran = self.ran
        answers = [r.answer for r in ran if r.answer is not None]
        totals = {k: sum(a.verification.get(k, 0) for a in answers) for k in ("claims", "supported", "citations", "precise")}
        recalls = [r.retrieval_recall for r in ran if r.retrieval_recall is not None]
        judged = [r for r in ran if r.answer is not None]
        latencies = [r.latency_ms for r in ran]
        leads = [r for r in judged if r.case.expect.lead_contains_any]
        directs = [r for r in judged if r.case.expect.answers_question is not None]
        return {
            "cases": len(self.results),
            "ran": len(ran),
            "skipped": len(self.results) - len(ran),
            "passed": sum(r.status in ("pass", "xpass") for r in ran),
            "failed": len(self.failed),
            "known_failures": sum(r.status == "xfail" for r in ran),
            "pass_rate": _ratio(sum(r.status in ("pass", "xpass") for r in ran), len(ran)),
            "retrieval_recall_at_k": _ratio(sum(recalls), len(recalls)),
            "citation_precision": _ratio(totals["precise"], totals["citations"]),
            "citation_recall": _ratio(totals["supported"], totals["claims"]),
            "refusal_accuracy": _ratio(
                sum(bool(r.case.expect.refused) == r.answer.refused for r in judged if r.answer), len(judged)
            ),
            "lead_rate": _ratio(sum(_lead_holds(r.case, r.answer) for r in leads if r.answer), len(leads)),
            "answers_question_accuracy": _ratio(
                sum(r.answer.verification.get("answers_question") == r.case.expect.answers_question for r in directs if r.answer),
                len(directs),
            ),
            "latency_ms_median": round(statistics.median(latencies), 1) if latencies else None,
            "latency_ms_p90": round(_p90(latencies), 1) if latencies else None,
            **totals,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "golden": self.golden,
            "mode": self.mode,
            "model": self.model,
            "metrics": self.metrics(),
            "cases": [r.to_dict() for r in self.results],
        }


def run_golden(golden: GoldenSet, services: Services) -> EvalReport:
    """Answer every case that applies to the services' answer mode and judge it."""
    mode = services.answerer.mode
    results = []
    for case in golden.cases:
        if not case.applies_to(mode):
            results.append(CaseResult(case, "skip", [f"only for {', '.join(case.modes)}"]))
            continue
        result = run_case(case, services)
        if case.known_failure_in(mode):
            result.status = "xfail" if result.status == "fail" else "xpass"
        results.append(result)
    return EvalReport(golden=str(golden.path), mode=mode, model=services.answerer.model, results=results)


def run_case(case: GoldenCase, services: Services) -> CaseResult:
    options = SearchOptions.parse(filters=case.filters, default_mode=services.settings.retrieval_mode)
    started = time.perf_counter()
    try:
        # The draft of a refused answer is kept: a regression report needs the sentences that failed.
        answer = answer_question(
            case.question, services=services, top_k=case.top_k, options=options, history=case.history,
            include_draft=True,
        )
    except ModelError as exc:
        elapsed = (time.perf_counter() - started) * 1000
        return CaseResult(case, "fail", [f"{exc.code}: {exc.message}"], latency_ms=elapsed)
    elapsed = (time.perf_counter() - started) * 1000
    reasons = judge(case, answer)
    given = {p.article_id for p in answer.passages} | {a["article_id"] for p in answer.passages for a in p.also_in}
    recall = _ratio(sum(aid in given for aid in case.expect.cites), len(case.expect.cites)) if case.expect.cites else None
    return CaseResult(case, "fail" if reasons else "pass", reasons, answer, elapsed, recall)


def judge(case: GoldenCase, answer: Answer) -> list[str]:
    """Why the answer does not meet the case's expectations (empty when it does)."""
    expect, reasons = case.expect, []
    text = answer.text.casefold()
    if expect.refused is not None and answer.refused != expect.refused:
        if expect.refused:
            reasons.append("expected a refusal, but it answered")
        else:
            reasons.append(f"expected an answer, but it refused ({answer.refusal_reason})")
    missing = [s for s in expect.contains_all if s.casefold() not in text]
    if missing:
        reasons.append(f"answer lacks {', '.join(repr(s) for s in missing)}")
    if expect.contains_any and not contains_any(text, expect.contains_any):
        reasons.append(f"answer contains none of {', '.join(repr(s) for s in expect.contains_any)}")
    present = [s for s in expect.not_contains if s.casefold() in text]
    if present:
        reasons.append(f"answer contains {', '.join(repr(s) for s in present)}")
    cited = {c.article_id for c in answer.citations} | {a["article_id"] for c in answer.citations for a in c.also_in}
    uncited = [case.cite_labels.get(aid, aid) for aid in expect.cites if aid not in cited]
    if uncited:
        reasons.append(f"does not cite {', '.join(uncited)}")
    if expect.min_citations is not None and len(answer.citations) < expect.min_citations:
        reasons.append(f"{len(answer.citations)} citation(s), expected at least {expect.min_citations}")
    if expect.lead_contains_any and not _lead_holds(case, answer):
        reasons.append(
            f"first cited sentence {lead_of(answer)[:80]!r} holds none of "
            f"{', '.join(repr(s) for s in expect.lead_contains_any)}"
        )
    if expect.answers_question is not None and answer.verification.get("answers_question") != expect.answers_question:
        reasons.append(f"answers_question is {answer.verification.get('answers_question')}, expected {expect.answers_question}")
    if expect.supported:
        unsupported = [c.text for c in answer.claims if c.supported is False]
        if unsupported or not answer.claims:
            reasons.append(f"unsupported: {unsupported[0][:80]!r}" if unsupported else "no claims to support")
    return reasons


def lead_of(answer: Answer) -> str:
    """The answer's first sentence that cites a passage ("" when none does)."""
    return next((c.text for c in answer.claims if c.citations), "")


def contains_any(text: str, strings: Sequence[str]) -> bool:
    """Whether the text holds one of the strings, case-insensitive (how golden cases and benchmarks check answers)."""
    folded = text.casefold()
    return any(s.casefold() in folded for s in strings)


def _lead_holds(case: GoldenCase, answer: Answer) -> bool:
    return contains_any(lead_of(answer), case.expect.lead_contains_any)


def _ratio(part: float, whole: float) -> float | None:
    return round(part / whole, 3) if whole else None


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1] if len(values) > 1 else values[0]

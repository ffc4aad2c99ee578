"""Calibrate the answering thresholds on the sample golden set, and measure citation quality.

Run: `make calibrate` (real MiniLM, a PersistentClient in a temp dir, data/sample/).

1. Relevance (`NEWSDESK_MIN_SCORE`): the best retrieval score of answerable and unanswerable
   golden questions; the threshold is the middle of the widest gap between the two groups.
2. Support (`SUPPORT_SIMILARITY`, `SUPPORT_OVERLAP` in core/settings.py): the hand-labelled claims in
   bench/support_claims.yaml, judged against their cited article's retrieved passages; a grid
   search reports the most accurate pair next to the configured one.
3. Citation quality of the extractive answerer on the answerable golden questions, with ALCE's
   definitions as judged by the citation checker: recall = supported sentences / sentences,
   precision = precise citations / citations; plus how often the expected article is cited.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core import Settings  # noqa: E402
from index import ingest  # noqa: E402
from index.embedders.minilm import MiniLMEmbedder  # noqa: E402
from index.ids import article_id_for  # noqa: E402
from qa import answer_question, build_services, retrieve  # noqa: E402
from qa.answering import closest_sentence  # noqa: E402
from qa.support import SupportJudge  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--golden", type=Path, default=ROOT / "data" / "sample" / "golden.yaml")
    parser.add_argument("--claims", type=Path, default=ROOT / "bench" / "support_claims.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "calibration.json")
    args = parser.parse_args()
    # Filters and conversation history change what is searched; the thresholds are calibrated on plain questions.
    cases = [c for c in yaml.safe_load(args.golden.read_text())["cases"] if not c.get("filters") and not c.get("history")]
    claims = yaml.safe_load(args.claims.read_text())["claims"]
    settings = Settings()

    embedder = MiniLMEmbedder().load()
    with tempfile.TemporaryDirectory() as tmp:
        services = build_services(settings.replace(chroma_path=Path(tmp) / "chroma"), embedder=embedder)
        ingest([ROOT / "data" / "sample"], store=services.index.store, embedder=embedder, chunker=services.index.chunker)
        result = {
            "relevance": relevance(cases, services),
            "support": support(claims, services),
            "citations": citation_quality(cases, services),
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    report(result, settings)


def relevance(cases: list[dict], services) -> dict:  # type: ignore[no-untyped-def]
    scored, closest_by_question = [], {}
    for case in cases:
        passages = retrieve(case["question"], retriever=services.retriever, top_k=services.settings.top_k)
        answerable = not case.get("expect", {}).get("refused", False)
        # The gate refuses when no passage reaches the threshold, so the best score decides.
        scored.append((max((p.score for p in passages), default=0.0), answerable, case["question"]))
        closest_by_question[case["question"]] = closest_sentence(case["question"], passages, services)
    answerable = sorted(s for s, a, _ in scored if a)
    unanswerable = sorted(s for s, a, _ in scored if not a)
    candidates = sorted({round(s, 3) for s, _, _ in scored})
    thresholds = [(a + b) / 2 for a, b in zip(candidates, candidates[1:])] or [0.0]
    best = max(thresholds, key=lambda t: (_accuracy(scored, t), -abs(t - 0.35)))
    configured = services.settings.min_score
    return {
        "answerable_min": round(answerable[0], 3) if answerable else None,
        "unanswerable_max": round(unanswerable[-1], 3) if unanswerable else None,
        "best_threshold": round(best, 3),
        "best_accuracy": round(_accuracy(scored, best), 3),
        "configured": configured,
        "configured_accuracy": round(_accuracy(scored, configured), 3),
        "misjudged_at_configured": [q for s, a, q in scored if (s >= configured) != a],
        "cases": len(scored),
        # The second way past the gate, a close sentence, must not let the questions the passage
        # score refuses (off-topic ones) back in.
        "gated_sentence_max": round(max((closest_by_question[q] for s, a, q in scored if s < configured and not a), default=0.0), 3),
        "answerable_sentence_min": round(min((closest_by_question[q] for s, a, q in scored if a), default=0.0), 3),
        "configured_sentence": services.settings.min_sentence_score,
    }


def _accuracy(scored: list[tuple[float, bool, str]], threshold: float) -> float:
    return sum((s >= threshold) == a for s, a, _ in scored) / len(scored)


def support(claims: list[dict], services) -> dict:  # type: ignore[no-untyped-def]
    rows = []
    probe = SupportJudge(services.index.embedder, min_similarity=0.0, min_overlap=0.0)
    for item in claims:
        article = article_id_for(url=item["cites"], title="", body="")
        passages = [
            p for p in retrieve(item["question"], retriever=services.retriever, top_k=10)
            if p.article_id == article
        ]
        evidence = probe.evidence([item["claim"]], passages)[0] if passages else {}
        rows.append((item, list(evidence.values()), passages))

    def accuracy(similarity: float, overlap: float) -> tuple[float, list[str]]:
        judge = SupportJudge(services.index.embedder, min_similarity=similarity, min_overlap=overlap)
        wrong = [item["claim"] for item, ev, ps in rows if judge.supports(item["claim"], ev, ps) != item["supported"]]
        return 1 - len(wrong) / len(rows), wrong

    grid = [(s / 100, o / 100) for s in range(30, 91, 5) for o in range(30, 91, 10)]
    best = max(grid, key=lambda pair: accuracy(*pair)[0])
    configured = (services.settings.support_similarity, services.settings.support_overlap)
    acc, wrong = accuracy(*configured)
    judge = SupportJudge(services.index.embedder, min_similarity=configured[0], min_overlap=configured[1])
    truths = [(item["supported"], judge.supports(item["claim"], ev, ps)) for item, ev, ps in rows]
    return {
        "claims": len(rows),
        "best": {"similarity": best[0], "overlap": best[1], "accuracy": round(accuracy(*best)[0], 3)},
        "configured": {"similarity": configured[0], "overlap": configured[1], "accuracy": round(acc, 3)},
        "configured_false_support": sum(1 for t, j in truths if j and not t),
        "configured_missed_support": sum(1 for t, j in truths if t and not j),
        "misjudged_at_configured": wrong,
    }


def citation_quality(cases: list[dict], services) -> dict:  # type: ignore[no-untyped-def]
    totals = {"claims": 0, "supported": 0, "citations": 0, "precise": 0}
    expected_cited = answerable = refused_right = unanswerable = 0
    answered_unanswerable, missed_article = [], []
    for case in cases:
        expect = case.get("expect", {})
        answer = answer_question(case["question"], services=services)
        if expect.get("refused"):
            unanswerable += 1
            refused_right += answer.refused
            if not answer.refused:
                answered_unanswerable.append(case["question"])
            continue
        answerable += 1
        for key in totals:
            totals[key] += answer.verification.get(key, 0)
        wanted = {article_id_for(url=u, title="", body="") for u in expect.get("cites", [])}
        found = bool(wanted) and wanted <= {c.article_id for c in answer.citations}
        expected_cited += found
        if wanted and not found:
            missed_article.append(case["question"])
    return {
        "mode": services.answerer.mode,
        "answerable": answerable,
        "citation_recall": round(totals["supported"] / totals["claims"], 3) if totals["claims"] else None,
        "citation_precision": round(totals["precise"] / totals["citations"], 3) if totals["citations"] else None,
        "expected_article_cited": round(expected_cited / answerable, 3) if answerable else None,
        "unanswerable": unanswerable,
        "refused_correctly": refused_right,
        **totals,
        "answered_unanswerable": answered_unanswerable,
        "expected_article_missed": missed_article,
    }


def report(result: dict, settings: Settings) -> None:
    rel, sup, cit = result["relevance"], result["support"], result["citations"]
    print(f"relevance over {rel['cases']} golden questions: answerable scores >= {rel['answerable_min']}, "
          f"unanswerable <= {rel['unanswerable_max']}")
    print(f"  best NEWSDESK_MIN_SCORE {rel['best_threshold']} (accuracy {rel['best_accuracy']}); "
          f"configured {rel['configured']} (accuracy {rel['configured_accuracy']})")
    for question in rel["misjudged_at_configured"]:
        print(f"    misjudged: {question}")
    print(f"  closest sentence: questions the passage score refuses reach <= {rel['gated_sentence_max']}, answerable "
          f">= {rel['answerable_sentence_min']}; NEWSDESK_MIN_SENTENCE_SCORE {rel['configured_sentence']}")
    print(f"support over {sup['claims']} labelled claims: best similarity {sup['best']['similarity']} / overlap "
          f"{sup['best']['overlap']} (accuracy {sup['best']['accuracy']}); configured {sup['configured']['similarity']} / "
          f"{sup['configured']['overlap']} (accuracy {sup['configured']['accuracy']}, "
          f"{sup['configured_false_support']} false support, {sup['configured_missed_support']} missed)")
    print(f"citations ({cit['mode']}, {cit['answerable']} answerable questions): precision {cit['citation_precision']}, "
          f"recall {cit['citation_recall']}, expected article cited {cit['expected_article_cited']}; "
          f"refused {cit['refused_correctly']}/{cit['unanswerable']} unanswerable")
    for question in cit["answered_unanswerable"]:
        print(f"    answered although unanswerable: {question}")
    for question in cit["expected_article_missed"]:
        print(f"    expected article not cited: {question}")


if __name__ == "__main__":
    main()

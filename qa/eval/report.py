"""An EvalReport for people (a terminal table) and for tools (JSON, JUnit XML)."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from qa.eval.runner import EvalReport

_MARK = {"pass": "PASS", "fail": "FAIL", "skip": "skip", "xfail": "XFAIL", "xpass": "XPASS"}


def render_table(report: EvalReport, *, width: int | None = None) -> str:
    """One line per case (result, id, question, why it failed), then the metrics."""
    width = width or shutil.get_terminal_size((120, 20)).columns
    question_width = max(30, min(70, width - 40))
    lines = [f"{report.golden} — {report.mode} ({report.model})", ""]
    for r in report.results:
        question = r.case.question if len(r.case.question) <= question_width else r.case.question[: question_width - 1] + "\u2026"
        lines.append(f"{_MARK[r.status]:<5} {r.case.id:<14} {question:<{question_width}} {r.latency_ms:>7.0f} ms")
        if r.status in ("fail", "xfail"):
            lines.extend(f"      \u2192 {reason}" for reason in r.reasons)
        if r.status in ("xfail", "xpass"):
            lines.append(f"      known failure: {r.case.known_failure}" + (" (it passes now: drop the mark)" if r.status == "xpass" else ""))
    m = report.metrics()
    lines += [
        "",
        f"passed {m['passed']}/{m['ran']} (pass rate {_pct(m['pass_rate'])}), known failures {m['known_failures']},"
        f" skipped {m['skipped']}",
        f"retrieval recall@k {_pct(m['retrieval_recall_at_k'])}   citation precision {_pct(m['citation_precision'])}"
        f"   citation recall {_pct(m['citation_recall'])}   refusal accuracy {_pct(m['refusal_accuracy'])}",
        f"latency median {m['latency_ms_median']} ms, p90 {m['latency_ms_p90']} ms",
    ]
    return "\n".join(lines)


def write_json(report: EvalReport, path: str | Path) -> None:
    Path(path).write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_junit(report: EvalReport, path: str | Path) -> None:
    """JUnit XML: one testcase per golden case, so CI systems show failures by question."""
    m = report.metrics()
    total_s = sum(r.latency_ms for r in report.results) / 1000
    suite = ET.Element(
        "testsuite",
        name=f"newsdesk-eval-{report.mode}",
        tests=str(m["cases"]),
        failures=str(m["failed"]),
        skipped=str(m["skipped"]),
        errors="0",
        time=f"{total_s:.3f}",
    )
    for r in report.results:
        case = ET.SubElement(
            suite, "testcase", classname=f"golden.{report.mode}", name=f"{r.case.id}: {r.case.question}",
            time=f"{r.latency_ms / 1000:.3f}",
        )
        if r.status == "fail":
            failure = ET.SubElement(case, "failure", message="; ".join(r.reasons)[:1000])
            failure.text = "\n".join(r.reasons) + (f"\n\nanswer:\n{r.answer.text}" if r.answer else "")
        elif r.status == "skip":
            ET.SubElement(case, "skipped", message="; ".join(r.reasons))
        elif r.status == "xfail":
            ET.SubElement(case, "skipped", message=f"known failure: {r.case.known_failure}; " + "; ".join(r.reasons))
    properties = ET.Element("properties")
    for key, value in m.items():
        ET.SubElement(properties, "property", name=key, value=str(value))
    suite.insert(0, properties)
    ET.ElementTree(suite).write(path, encoding="utf-8", xml_declaration=True)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"

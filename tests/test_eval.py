"""`python -m qa eval`: golden files, cassettes (record/replay), judging, reports, and the pytest plugin."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from qa import build_services
from core.errors import CassetteError, CassetteMiss, GoldenFileError
from qa.eval.cassettes import Cassette, RecordingChatModel, ReplayChatModel, call_key
from qa.eval.report import render_table, write_json, write_junit
from qa.eval.runner import judge, run_golden
from qa.eval.golden import load_golden
from qa.models import Answer, Citation, Claim, Message
from tests.conftest import SAMPLE
from tests.fakes import FakeChatModel

ROOT = Path(__file__).resolve().parent.parent
KRAKEN = "https://harborft.example/crypto/2023/02/09/kraken-staking-settlement"


def golden_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "golden.yaml"
    path.write_text(textwrap.dedent(text))
    return path


# ---------------------------------------------------------------- the golden file


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("cases: [\n", "not valid YAML"),
        ("questions: []\n", "non-empty list under 'cases'"),
        ("cases:\n  - expect: {refused: true}\n", "case 1: 'question' must be a non-empty string"),
        ("cases:\n  - question: Q?\n", "case 1 ('Q?'): 'expect' must be a mapping"),
        ("cases:\n  - question: Q?\n    expect: {contains: [x]}\n", "unknown expectation 'contains'"),
        ("cases:\n  - question: Q?\n    expect: {cites: 3}\n", "expect.cites must be a list of non-empty strings"),
        ("cases:\n  - question: Q?\n    expect: {refused: maybe}\n", "expect.refused must be true or false"),
        ("cases:\n  - question: Q?\n    expect: {min_citations: -1}\n", "expect.min_citations"),
        ("cases:\n  - question: Q?\n    filters: {published_after: soon}\n    expect: {refused: true}\n",
         "filters.published_after"),
        ("cases:\n  - question: Q?\n    history: [{role: system, content: x}]\n    expect: {refused: true}\n",
         "history[0].role"),
        ("cases:\n  - question: Q?\n    modes: [gpt]\n    expect: {refused: true}\n", "'modes' must be a list"),
        ("cases:\n  - {question: A, id: x, expect: {refused: true}}\n  - {question: B, id: x, expect: {refused: true}}\n",
         "case 2: id 'x' is used twice"),
        ("cases:\n  - question: Q?\n    colour: red\n    expect: {refused: true}\n", "unknown key 'colour'"),
        ("cases:\n  - question: Q?\n    known_failure: ''\n    expect: {refused: true}\n", "'known_failure' must say why"),
    ],
)
def test_a_malformed_golden_file_names_the_case_and_field(tmp_path, text, message):
    path = golden_file(tmp_path, text)
    with pytest.raises(GoldenFileError) as caught:
        load_golden(path)
    assert str(path) in caught.value.message and message in caught.value.message


def test_the_project_golden_file_is_valid_and_big_enough():
    golden = load_golden(SAMPLE / "golden.yaml")
    cases = golden.cases
    assert len(cases) >= 40
    assert sum(bool(c.expect.refused) for c in cases) >= 8
    assert sum(bool(c.history) for c in cases) >= 5
    assert sum(bool(c.filters) for c in cases) >= 5
    assert sum(c.id.startswith("conflict") for c in cases) >= 5


def cited_answer(text: str, *, refused: bool = False, article_ids=("a1",), supported=(True,)) -> Answer:
    citations = tuple(
        Citation(n=i, chunk_id=f"c{i}", article_id=aid, title="t", url=None, source="s", published_at=None, quote="q",
                 quote_start=0, quote_end=1, passage="p", score=0.5, supported=True)
        for i, aid in enumerate(article_ids, start=1)
    )
    claims = tuple(Claim(text=f"claim {i}", citations=(1,), supported=s) for i, s in enumerate(supported))
    return Answer(text=text, citations=citations, refused=refused, mode="llm", model="m", claims=claims)


def test_each_expectation_gives_its_own_reason(tmp_path):
    path = golden_file(tmp_path, f"""
        cases:
          - question: What did Kraken pay?
            expect:
              contains_all: [Kraken, "$30 million"]
              contains_any: [settle, resolve]
              not_contains: [Binance]
              cites: [{KRAKEN}]
              min_citations: 2
              refused: false
              supported: true
    """)
    (case,) = load_golden(path).cases
    good = cited_answer("Kraken paid $30 million to settle [1][2].", article_ids=(case.expect.cites[0], "other"))
    assert judge(case, good) == []
    bad = cited_answer("Binance paid [1].", article_ids=("other",), supported=(False,))
    reasons = judge(case, bad)
    assert reasons == [
        "answer lacks 'Kraken', '$30 million'",
        "answer contains none of 'settle', 'resolve'",
        "answer contains 'Binance'",
        f"does not cite {KRAKEN}",
        "1 citation(s), expected at least 2",
        "unsupported: 'claim 0'",
    ]
    assert judge(case, cited_answer("No.", refused=True)) [0] == "expected an answer, but it refused (None)"


# ---------------------------------------------------------------- cassettes


def test_recorded_replies_replay_offline_and_a_changed_prompt_names_the_question(tmp_path):
    path = tmp_path / "c.jsonl"
    inner = FakeChatModel("gpt-test").enqueue("Kraken paid $30 million [1].")
    recorder = RecordingChatModel(inner, Cassette(path))
    prompt = [Message("system", "rules"), Message("user", "Passages...\nQuestion: What did Kraken pay?\nAnswer...")]
    assert recorder.complete(prompt).text == "Kraken paid $30 million [1]."
    line = json.loads(path.read_text())
    assert line["question"] == "What did Kraken pay?" and line["key"] == call_key("gpt-test", prompt)
    assert line["reply"]["text"] == "Kraken paid $30 million [1]."

    replay = ReplayChatModel(Cassette(path), name="gpt-test")
    assert replay.complete(prompt).text == "Kraken paid $30 million [1]."
    assert "".join(replay.stream(prompt)) == "Kraken paid $30 million [1]."
    changed = [prompt[0], Message("user", "Passages (edited)\nQuestion: What did Kraken pay?\nAnswer...")]
    with pytest.raises(CassetteMiss, match="no recorded reply for 'What did Kraken pay\\?'"):
        replay.complete(changed)


def test_write_missing_leaves_a_skeleton_a_person_can_fill_in(tmp_path):
    path = tmp_path / "c.jsonl"
    replay = ReplayChatModel(Cassette(path), name="gpt-test", write_missing=True)
    prompt = [Message("user", "P\nQuestion: Who?\nA")]
    with pytest.raises(CassetteMiss):
        replay.complete(prompt)
    entry = json.loads(path.read_text())
    assert entry["reply"] is None and entry["messages"][0]["content"].startswith("P")
    entry["reply"] = {"text": "Someone [1].", "finish_reason": "stop", "usage": {}}
    path.write_text(json.dumps(entry) + "\n")
    assert ReplayChatModel(Cassette(path), name="gpt-test").complete(prompt).text == "Someone [1]."


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json\n", "c.jsonl:1: not valid JSON"), ('{"reply": null}\n', "c.jsonl:1: each line must be an object"),
     ('\n{"key": "k", "reply": {"txt": 1}}\n', "c.jsonl:2: 'reply' must be null or an object")],
)
def test_a_broken_cassette_names_the_line(tmp_path, content, message):
    path = tmp_path / "c.jsonl"
    path.write_text(content)
    with pytest.raises(CassetteError, match=message.replace("(", "\\(")):
        Cassette(path)


# ---------------------------------------------------------------- runs and reports


KRAKEN_GOLDEN = f"""
    cases:
      - id: kraken
        question: What did Kraken agree to pay the SEC over its staking service?
        expect: {{cites: [{KRAKEN}], contains_any: ["30 million"], refused: false}}
      - id: mars
        question: What is the weather on Mars?
        expect: {{refused: true}}
      - id: llm-only
        question: Did Gensler advise FTX?
        modes: [llm]
        expect: {{refused: true}}
"""


def test_a_golden_run_with_replayed_replies_passes_and_reports(tmp_path, services):
    golden = load_golden(golden_file(tmp_path, KRAKEN_GOLDEN))
    cassette_path = tmp_path / "c.jsonl"
    recorder_model = FakeChatModel("gpt-test")
    recorder_model.enqueue("Kraken agreed to pay $30 million to settle SEC charges over its staking program [1].",
                           "The provided articles do not answer this question.",
                           "The provided articles do not answer this question.")
    recording = build_services(services.settings, embedder=services.index.embedder, store=services.index.store,
                               chat_model=RecordingChatModel(recorder_model, Cassette(cassette_path)))
    assert not run_golden(golden, recording).failed

    replaying = build_services(services.settings, embedder=services.index.embedder, store=services.index.store,
                               chat_model=ReplayChatModel(Cassette(cassette_path), name="gpt-test"))
    report = run_golden(golden, replaying)
    assert [r.status for r in report.results] == ["pass", "pass", "pass"], [r.reasons for r in report.results]
    metrics = report.metrics()
    assert metrics["pass_rate"] == 1.0 and metrics["refusal_accuracy"] == 1.0 and metrics["retrieval_recall_at_k"] == 1.0
    assert metrics["citation_precision"] == 1.0 and metrics["citation_recall"] == 1.0

    write_json(report, tmp_path / "r.json")
    write_junit(report, tmp_path / "r.xml")
    assert json.loads((tmp_path / "r.json").read_text())["metrics"]["passed"] == 3
    suite = ET.parse(tmp_path / "r.xml").getroot()
    assert suite.get("tests") == "3" and suite.get("failures") == "0"
    extractive = run_golden(golden, services)
    assert [r.status for r in extractive.results] == ["pass", "pass", "skip"]
    assert "skip  llm-only" in render_table(extractive)


def test_a_known_failure_is_reported_but_does_not_fail_the_run(tmp_path, services):
    golden = load_golden(golden_file(tmp_path, f"""
        cases:
          - id: still-broken
            question: What did Kraken agree to pay the SEC?
            known_failure: the figure is in another article
            expect: {{contains_any: ["40 million"]}}
          - id: fixed-now
            question: What did Kraken agree to pay the SEC?
            known_failure: used to miss the article
            expect: {{cites: [{KRAKEN}]}}
    """))
    report = run_golden(golden, services)
    assert [r.status for r in report.results] == ["xfail", "xpass"] and report.failed == []
    table = render_table(report)
    assert "XFAIL still-broken" in table and "known failure: the figure is in another article" in table
    assert "it passes now: drop the mark" in table
    assert report.metrics()["known_failures"] == 1


def test_a_known_failure_named_for_one_answer_mode_holds_in_that_mode_only(tmp_path, services):
    golden = load_golden(golden_file(tmp_path, f"""
        cases:
          - id: broken-when-extractive
            question: What did Kraken agree to pay the SEC?
            known_failure: "extractive: the figure is in another article"
            expect: {{contains_any: ["40 million"]}}
          - id: broken-with-a-model
            question: What did Kraken agree to pay the SEC?
            known_failure: "llm: the model misreads the figure"
            expect: {{cites: [{KRAKEN}]}}
          - id: broken-with-a-model-only
            question: What did Kraken agree to pay the SEC?
            known_failure: "llm: the model misreads the figure"
            expect: {{contains_any: ["40 million"]}}
    """))
    report = run_golden(golden, services)
    assert report.mode == "extractive"
    # Passing in the other mode is no news ("it passes now" would be wrong), failing here is a failure.
    assert [r.status for r in report.results] == ["xfail", "pass", "fail"]


def test_a_broken_retrieval_fails_the_eval_with_a_clear_reason(tmp_path, services):
    golden = load_golden(golden_file(tmp_path, f"""
        cases:
          - id: two-sides
            question: Did Gensler advise Binance?
            expect: {{min_citations: 2}}
          - id: kraken
            question: What did Kraken agree to pay the SEC?
            expect: {{cites: [{KRAKEN}]}}
    """))
    assert not run_golden(golden, services).failed
    broken = build_services(services.settings.replace(top_k=1, max_per_article=1), embedder=services.index.embedder,
                            store=services.index.store)
    broken.retriever.lexical.search = lambda *a, **k: []  # keyword search gone too
    report = run_golden(golden, broken)
    reasons = [reason for r in report.failed for reason in r.reasons]
    assert any("expected at least 2" in reason for reason in reasons), reasons


def test_a_changed_prompt_fails_replay_naming_the_question(tmp_path, services, monkeypatch):
    golden = load_golden(golden_file(tmp_path, KRAKEN_GOLDEN))
    cassette_path = tmp_path / "c.jsonl"
    model = FakeChatModel("gpt-test").enqueue("Kraken agreed to pay $30 million [1].", "x", "y")
    recording = build_services(services.settings, embedder=services.index.embedder, store=services.index.store,
                               chat_model=RecordingChatModel(model, Cassette(cassette_path)))
    run_golden(golden, recording)
    monkeypatch.setattr("qa.prompts.SYSTEM_RULES", "You are a pirate. Answer in rhyme.")
    replaying = build_services(services.settings, embedder=services.index.embedder, store=services.index.store,
                               chat_model=ReplayChatModel(Cassette(cassette_path), name="gpt-test"))
    report = run_golden(golden, replaying)
    kraken = report.results[0]
    assert kraken.status == "fail"
    assert kraken.reasons[0].startswith("cassette_miss: no recorded reply for 'What did Kraken agree to pay the SEC over its staking service?'")


def test_the_cli_prints_a_table_writes_reports_and_exits_1_on_failure(tmp_path, services, monkeypatch, capsys):
    import qa.__main__ as cli
    import qa.eval.cli as eval_cli

    real_build = eval_cli.build_services
    monkeypatch.setattr(eval_cli, "build_services", lambda settings, **kw: real_build(
        settings, **{**kw, "embedder": services.index.embedder, "store": services.index.store}))
    good = golden_file(tmp_path, KRAKEN_GOLDEN)
    assert cli.main(["eval", str(good), "--mode", "extractive", "--report", str(tmp_path / "r.json"),
                     "--junit", str(tmp_path / "r.xml")], environ={}) == 0
    out = capsys.readouterr().out
    assert "PASS  kraken" in out and "passed 2/2" in out and "citation precision" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text(KRAKEN_GOLDEN.replace('contains_any: ["30 million"]', 'contains_any: ["40 million"]'))
    assert cli.main(["eval", str(bad), "--mode", "extractive"], environ={}) == 1
    assert "answer contains none of '40 million'" in capsys.readouterr().out
    broken = tmp_path / "broken.yaml"
    broken.write_text("cases: {}\n")
    assert cli.main(["eval", str(broken)], environ={}) == 2
    assert "non-empty list under 'cases'" in capsys.readouterr().err


# ---------------------------------------------------------------- follow-ups


def test_a_follow_up_is_searched_with_the_question_before_it(services, chat):
    from qa import answer_question

    llm = build_services(services.settings, embedder=services.index.embedder, store=services.index.store, chat_model=chat)
    chat.enqueue("Kraken agreed to pay $30 million [1].")
    history = [Message("user", "What did Kraken agree with the SEC over its staking service?"), Message("assistant", "It settled [1].")]
    answer = answer_question("How much did it pay?", services=llm, history=history)
    assert any("Kraken" in p.title for p in answer.passages[:2])
    sent = chat.history[-1]
    assert [m.role for m in sent] == ["system", "user", "assistant", "user"]
    assert "[1]" not in sent[2].content, "an old answer's marks must not read as citations of new passages"
    assert sent[-1].content.rstrip().endswith("citing them as [n].") and "How much did it pay?" in sent[-1].content


def test_the_api_takes_history_and_names_a_bad_turn(llm_client, chat):
    chat.enqueue("Kraken agreed to pay $30 million [1].")
    ok = llm_client.post("/api/v1/ask", json={"question": "How much did it pay?",
                                              "history": [{"role": "user", "content": "What did Kraken agree with the SEC?"}]})
    assert ok.status_code == 200
    bad = llm_client.post("/api/v1/ask", json={"question": "And then?", "history": [{"role": "robot", "content": "x"}]})
    assert bad.status_code == 400 and bad.get_json()["error"]["field"] == "history[0].role"


# ---------------------------------------------------------------- the project's own set, with the real model


@pytest.mark.model
@pytest.mark.parametrize("mode_args", [["--mode", "extractive"], ["--replay", str(ROOT / "data" / "cassettes" / "sample.jsonl")]])
def test_the_project_golden_set_passes_in_both_modes(tmp_path, mode_args):
    result = subprocess.run(
        [sys.executable, "-m", "qa", "eval", str(SAMPLE / "golden.yaml"), *mode_args, "--corpus", str(SAMPLE),
         "--report", str(tmp_path / "r.json")],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={"PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"},
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    metrics = json.loads((tmp_path / "r.json").read_text())["metrics"]
    assert metrics["ran"] >= 40 and metrics["failed"] == 0
    assert metrics["passed"] + metrics["known_failures"] == metrics["ran"]


@pytest.mark.model
def test_the_pytest_plugin_runs_a_golden_file_as_tests(tmp_path):
    golden = golden_file(tmp_path, KRAKEN_GOLDEN)
    bad = tmp_path / "bad.yaml"
    bad.write_text(KRAKEN_GOLDEN.replace('contains_any: ["30 million"]', 'contains_any: ["40 million"]'))
    common = [sys.executable, "-m", "pytest", "-p", "qa.eval.pytest_plugin", "--newsdesk-mode", "extractive",
              "--newsdesk-corpus", str(SAMPLE / "kraken-staking-settlement.md"), str(SAMPLE / "paxos-busd-halt.md"),
              "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path), "-c", "/dev/null"]
    env = {"PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT), "ANONYMIZED_TELEMETRY": "False"}
    passed = subprocess.run([*common, "--newsdesk-golden", str(golden)], cwd=tmp_path, capture_output=True, text=True,
                            env=env, timeout=600)
    assert passed.returncode == 0, passed.stdout[-3000:]
    assert "2 passed, 1 skipped" in passed.stdout
    failed = subprocess.run([*common, "--newsdesk-golden", str(bad)], cwd=tmp_path, capture_output=True, text=True,
                            env=env, timeout=600)
    assert failed.returncode == 1 and "answer contains none of '40 million'" in failed.stdout

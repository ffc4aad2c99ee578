"""Hybrid search's last step: among the passages found, those that state what a typed question asks for first."""

from __future__ import annotations

from core import Settings
from qa import SearchOptions, build_services
from qa.answer_rank import rerank
from qa.shaping import Candidate, PassageGroup
from index.records import StoredChunk
from tests.test_retrieval import article, publish

NOT_ANSWERING = ("Kestrel Labs job cuts: Kestrel Labs announced job cuts at Kestrel Labs on Monday, and Kestrel Labs "
                 "staff heard about the Kestrel Labs cuts at a meeting.")
ANSWERING = "Kestrel Labs will cut 2,300 jobs by March, the company said."


def test_a_passage_that_states_the_asked_number_is_ranked_first_among_the_best_candidates(settings, embedder, store):
    services = build_services(settings, embedder=embedder, store=store)
    publish(services,
            article("Kestrel Labs cuts", NOT_ANSWERING, url="https://a.example/cuts"),
            article("Kestrel memo", ANSWERING, url="https://b.example/memo"))
    question = "How many jobs is Kestrel Labs cutting?"
    plain = build_services(settings.replace(answer_weight=0.0), embedder=embedder, store=store)
    assert plain.retriever.retrieve(question, top_k=2).passages[0].url == "https://a.example/cuts"
    ranked = services.retriever.retrieve(question, top_k=2).passages
    assert ranked[0].url == "https://b.example/memo"
    # The single searches are left as they are: the ranking joins the hybrid fusion only.
    lexical = services.retriever.retrieve(question, top_k=2, options=SearchOptions(mode="lexical")).passages
    assert lexical[0].url == "https://a.example/cuts"


def _group(chunk_id: str, text: str, fused: float) -> PassageGroup:
    chunk = StoredChunk(chunk_id=chunk_id, article_id=chunk_id, version="v", seq=0, text=text, start=0, end=len(text),
                        title="t", url=None, source="s", published_at=None, published_ts=None)
    candidate = Candidate(chunk, fused=fused)
    return PassageGroup(candidate, [candidate])


def test_only_the_first_passages_are_reordered_and_only_for_typed_questions():
    question = "How many jobs is Kestrel Labs cutting?"
    # Fused scores as reciprocal-rank fusion gives them (k = 60): first of both lists down to fifth.
    top = [_group(f"c{i}", NOT_ANSWERING, fused=fused) for i, fused in enumerate((0.0328, 0.0322, 0.0317))]
    answering = _group("answering", ANSWERING, fused=0.0297)
    assert rerank(question, top + [answering], weight=0.5, k=60, depth=4)[0] is answering
    assert rerank(question, top + [answering], weight=0.5, k=60, depth=3)[-1] is answering
    assert rerank("Why is Kestrel Labs cutting jobs?", top + [answering], weight=0.5, k=60, depth=4)[0] is top[0]
    assert rerank(question, top + [answering], weight=0.0, k=60, depth=4)[0] is top[0]


def test_a_figure_about_someone_else_is_not_promoted():
    question = "How many jobs is Kestrel Labs cutting?"
    other = _group("other", "Harbor Trust will cut 900 jobs by March, the bank said.", fused=0.0322)
    assert rerank(question, [_group("c", NOT_ANSWERING, fused=0.0328), other], weight=0.5, k=60, depth=5)[0] is not other


def test_the_shipped_settings_use_it():
    assert Settings().answer_weight > 0 and Settings().answer_depth >= 1

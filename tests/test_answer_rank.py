"""Hybrid search's last step: the passage an answer would quote first goes first."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from core import Settings
from qa import SearchOptions, build_services
from qa.answer_rank import rerank
from qa.answering import answer_question
from qa.lead import LeadScorer
from qa.question_types import classify
from qa.shaping import Candidate, PassageGroup, to_passage
from qa.vectors import embedded_vectors
from index.records import StoredChunk
from tests.test_retrieval import article, publish

NOT_ANSWERING = ("Kestrel Labs job cuts: Kestrel Labs announced job cuts at Kestrel Labs on Monday, and Kestrel Labs "
                 "staff heard about the Kestrel Labs cuts at a meeting.")
ANSWERING = "Kestrel Labs will cut 2,300 jobs by March, the company said."
QUESTION = "How many jobs is Kestrel Labs cutting?"


def test_the_passage_an_answer_would_lead_with_is_the_first_search_result(settings, embedder, store):
    settings = settings.replace(answer_depth=Settings().answer_depth)
    services = build_services(settings, embedder=embedder, store=store)
    publish(services,
            article("Kestrel Labs cuts", NOT_ANSWERING, url="https://a.example/cuts"),
            article("Kestrel memo", ANSWERING, url="https://b.example/memo"))
    plain = build_services(settings.replace(answer_depth=0), embedder=embedder, store=store)
    assert plain.retriever.retrieve(QUESTION, top_k=2).passages[0].url == "https://a.example/cuts"
    ranked = services.retriever.retrieve(QUESTION, top_k=2).passages
    assert [p.url for p in ranked] == ["https://b.example/memo", "https://a.example/cuts"]
    assert [p.n for p in ranked] == [1, 2]
    # The answerer scores with search's scorer, so it reuses the scores search kept.
    assert services.answerer.scorer is services.retriever.lead_scorer
    # The answer quotes the first search result first, so it cites [1].
    answer = answer_question(QUESTION, services=services)
    assert "2,300 jobs" in answer.claims[1].text and answer.claims[1].citations == (1,)
    # A client asking for recency keeps recency's order (the scorer reads no dates); here both are as new.
    latest = services.retriever.retrieve(QUESTION, top_k=2, options=SearchOptions(recency=True)).passages
    assert latest[0].url == "https://a.example/cuts"
    # Recency guessed from the question's words does not turn the ranking off.
    guessed = services.retriever.retrieve("How many jobs is Kestrel Labs cutting now?", top_k=2).passages
    assert guessed[0].url == "https://b.example/memo"
    # The single searches are left as they are: the ranking is hybrid search's last step only.
    lexical = services.retriever.retrieve(QUESTION, top_k=2, options=SearchOptions(mode="lexical")).passages
    assert lexical[0].url == "https://a.example/cuts"


def _group(chunk_id: str, text: str, fused: float) -> PassageGroup:
    chunk = StoredChunk(chunk_id=chunk_id, article_id=chunk_id, version="v", seq=0, text=text, start=0, end=len(text),
                        title="t", url=None, source="s", published_at=None, published_ts=None)
    candidate = Candidate(chunk, fused=fused)
    return PassageGroup(candidate, [candidate])


def _scorer(embedder) -> LeadScorer:
    return LeadScorer(embedded_vectors(embedder), embedder.embed_query)


def test_only_the_first_passages_are_considered_and_the_others_keep_their_order(embedder):
    top = [_group(f"c{i}", NOT_ANSWERING, fused=fused) for i, fused in enumerate((0.0328, 0.0322, 0.0317))]
    answering = _group("answering", ANSWERING, fused=0.0297)
    scorer = _scorer(embedder)
    assert rerank(QUESTION, top + [answering], scorer=scorer, depth=4) == [answering] + top
    assert rerank(QUESTION, top + [answering], scorer=scorer, depth=3) == top + [answering]
    assert rerank(QUESTION, top + [answering], scorer=scorer, depth=0) == top + [answering]


def test_a_follow_up_is_ranked_for_what_it_asks_not_for_the_question_before_it(embedder):
    chief = _group("chief", "Kestrel Labs is led by chief executive Dana Morrow, who told staff on Monday.", fused=0.0328)
    answering = _group("answering", ANSWERING, fused=0.0322)
    scorer = _scorer(embedder)
    assert rerank("Who leads Kestrel Labs?", [chief, answering], scorer=scorer, depth=5)[0] is chief
    follow_up = "Who leads Kestrel Labs?\nHow many jobs is it cutting?"  # as qa.conversation.search_text joins them
    assert rerank(follow_up, [chief, answering], scorer=scorer, depth=5)[0] is answering


def test_a_lead_within_the_margin_of_the_first_passages_leaves_fusions_order(embedder):
    top = [_group(f"c{i}", NOT_ANSWERING, fused=fused) for i, fused in enumerate((0.0328, 0.0322, 0.0317))]
    answering = _group("answering", ANSWERING, fused=0.0297)
    scorer = _scorer(embedder)
    passages = [to_passage(n, group) for n, group in enumerate(top + [answering], start=1)]
    sentences = scorer.candidates(QUESTION, QUESTION, classify(QUESTION), passages)
    gap = max(s.lead for s in sentences) - max(s.lead for s in sentences if s.passage.n == 1)
    assert gap > 0
    assert rerank(QUESTION, top + [answering], scorer=scorer, depth=4, margin=gap * 0.9)[0] is answering
    assert rerank(QUESTION, top + [answering], scorer=scorer, depth=4, margin=gap * 1.1) == top + [answering]


def test_between_two_figures_the_one_about_what_the_question_names_goes_first(embedder):
    other = _group("other", "Harbor Trust will cut 900 jobs by March, the bank said.", fused=0.0328)
    kestrel = _group("kestrel", ANSWERING, fused=0.0322)
    assert rerank(QUESTION, [other, kestrel], scorer=_scorer(embedder), depth=5) == [kestrel, other]


def test_the_shipped_settings_use_it():
    assert Settings().answer_depth >= 2


def test_search_and_answer_score_the_same_passages_once_whatever_their_order(embedder):
    asked_for = []
    stored = embedded_vectors(embedder)

    class CountingVectors:
        def vectors(self, texts):
            asked_for.append(list(texts))
            return stored.vectors(texts)

    scorer = LeadScorer(CountingVectors(), embedder.embed_query)
    kestrel, memo = _group("c", NOT_ANSWERING, fused=0.0328), _group("answering", ANSWERING, fused=0.0297)
    in_search = scorer.candidates(QUESTION, QUESTION, classify(QUESTION), [to_passage(1, kestrel), to_passage(2, memo)])
    given = [to_passage(1, memo), to_passage(2, kestrel)]
    in_answer = scorer.candidates(QUESTION, QUESTION, classify(QUESTION), given)
    assert len(asked_for) == 1
    # The answerer's list follows its own passages, each sentence with the score search gave it.
    assert [s.passage for s in in_answer] == [given[0]] * 1 + [given[1]] * (len(in_answer) - 1)
    assert sorted((s.text, s.lead) for s in in_answer) == sorted((s.text, s.lead) for s in in_search)
    # A passage given twice has its sentences listed twice, as when they were scored apiece.
    twice = scorer.candidates(QUESTION, QUESTION, classify(QUESTION), [given[0], to_passage(2, memo)])
    assert [s.text for s in twice] == [ANSWERING, ANSWERING] and twice[0].lead == twice[1].lead


class _Vectors:
    """Unit vectors by text, for reading a sentence with its headline without a model's opinions."""

    def __init__(self, by_text):
        self.by_text = by_text

    def vectors(self, texts):
        return np.array([self.by_text[t] for t in texts], dtype=np.float32)


def test_a_sentence_is_read_with_its_headline_unless_the_headline_is_its_own_first_words(monkeypatch):
    # "It was the club's first title since 1987" says nothing of rowing alone; under its headline it does.
    question, sentence = "When did Harlow Rowing Club last win a national title?", "It was the club's first national title since 1987."
    headline, untitled = "Harlow Rowing Club wins national eights", "It was the club's first national title"
    vectors = _Vectors({headline: [1, 0, 0], untitled: [1, 0, 0], sentence: [0, 1, 0]})

    def lead(title: str) -> float:
        scorer = LeadScorer(vectors, lambda text: [1, 0, 0])
        passage = replace(to_passage(1, _group("c", sentence, fused=0.03)), title=title)
        [scored] = scorer.candidates(question, question, classify(question), [passage])
        return scored.lead

    with_headline, with_own_words = lead(headline), lead(untitled)
    monkeypatch.setattr("qa.lead.IN_CONTEXT_WEIGHT", 0.0)
    # Alone the sentence is orthogonal to the question; with the headline's vector, cos = 1 / sqrt(2).
    assert with_headline - lead(headline) == pytest.approx(2**-0.5, abs=1e-4)
    # An untitled item's title is its own opening words: no headline to read it with.
    assert with_own_words == pytest.approx(lead(untitled))

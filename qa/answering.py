"""`answer_question`: retrieve, draft, check citations, and say plainly when the articles do not answer."""

from __future__ import annotations

import time

from index.errors import InvalidRequest, ModelError

from qa.citations import check_citations
from qa.models import Answer, Passage
from qa.prompts import NOT_IN_SOURCES, is_refusal
from qa.retrieval import retrieve
from qa.services import Services


def validate_question(question: object, *, max_chars: int) -> str:
    """The question stripped of surrounding space, or InvalidRequest saying what is wrong with it."""
    if not isinstance(question, str):
        raise InvalidRequest("'question' must be a string", field="question")
    question = question.strip()
    if not question:
        raise InvalidRequest("'question' is empty; ask something, e.g. 'Did Gensler advise Binance?'", field="question")
    if len(question) > max_chars:
        raise InvalidRequest(f"'question' is {len(question)} characters; the limit is {max_chars}", field="question")
    return question


def validate_top_k(top_k: object, *, max_top_k: int) -> int:
    """`top_k` as an int in 1..max_top_k, or InvalidRequest naming the field."""
    if isinstance(top_k, bool) or not isinstance(top_k, int):
        raise InvalidRequest(f"'top_k' must be a whole number from 1 to {max_top_k}", field="top_k")
    if not 1 <= top_k <= max_top_k:
        raise InvalidRequest(f"'top_k' must be from 1 to {max_top_k}, not {top_k}", field="top_k")
    return top_k


def answer_question(question: str, *, services: Services, top_k: int | None = None) -> Answer:
    """Answer from the indexed articles, citing only passages that were retrieved.

    No model is called when nothing relevant was retrieved. A model failure is raised
    as a ModelError carrying the retrieved `passages`, so callers can still show sources.
    """
    settings = services.settings
    question = validate_question(question, max_chars=settings.max_question_chars)
    top_k = validate_top_k(settings.top_k if top_k is None else top_k, max_top_k=settings.max_top_k)
    timings: dict[str, float] = {}
    started = time.perf_counter()

    passages = retrieve(question, store=services.index.store, embedder=services.index.embedder, top_k=top_k)
    timings["retrieve"] = _ms_since(started)
    relevant = [p for p in passages if p.score >= settings.min_score]
    answerer = services.answerer
    if not relevant:
        timings["total"] = _ms_since(started)
        return Answer(
            text=_nothing_found(question, passages, services.index.store.article_count()),
            citations=(),
            refused=True,
            mode=answerer.mode,
            model=answerer.model,
            passages=tuple(passages),
            timings_ms=timings,
        )

    drafting = time.perf_counter()
    try:
        completion = answerer.draft(question, relevant)
    except ModelError as exc:
        exc.passages = tuple(relevant)
        raise
    timings["generate"] = _ms_since(drafting)

    checking = time.perf_counter()
    refused = is_refusal(completion.text)
    if refused:
        text, citations, warnings = NOT_IN_SOURCES, (), ()
    else:
        checked = check_citations(completion.text, relevant, services.index.embedder)
        text, citations, warnings = checked.text, checked.citations, checked.warnings
    timings["verify"] = _ms_since(checking)
    timings["total"] = _ms_since(started)
    return Answer(
        text=text,
        citations=citations,
        refused=refused,
        mode=answerer.mode,
        model=completion.model,
        passages=tuple(relevant),
        timings_ms=timings,
        usage=completion.usage,
        warnings=warnings,
    )


def _nothing_found(question: str, passages: list[Passage], articles: int) -> str:
    if articles == 0:
        return "The knowledge base has no articles to search yet; ingest some first."
    if not passages:
        return f"Nothing in the {articles} indexed articles matched \u201c{question}\u201d."
    return (
        f"The indexed articles do not seem to cover this: nothing retrieved for \u201c{question}\u201d "
        "was close enough to answer from. The nearest passages are listed so you can see what was searched."
    )


def _ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000

"""Answering: retrieve, fit the context, draft, check every citation, and refuse plainly when it must.

`answer_question` returns one Answer; `stream_answer` yields the same Answer as the last of
a series of events (passages, then text deltas), so streamed and non-streamed answers carry
exactly the same citations.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from core.errors import InvalidRequest, ModelError

from qa.first_sentence import first_sentence_answers
from qa.recase import recase
from qa.budget import fit_passages
from qa.citations import check_citations
from qa.conversation import search_text
from qa.deadline import Deadline, deadline_scope
from qa.mentions import names_every_name
from qa.models import Answer, Claim, Completion, Message, Passage
from qa.prompts import is_refusal, passage_block
from qa.retrieval import SearchOptions
from index.sentences import split_sentences
from qa.services import Services

NO_PASSAGES = "no_passages"
LOW_RELEVANCE = "low_relevance"
MODEL_DECLINED = "model_declined"
NO_SUPPORTED_CLAIMS = "no_supported_claims"


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
    """`top_k` as an int in 1..max_top_k, or InvalidRequest naming the field.

    A whole float (5.0) counts as its int: JSON does not tell them apart.
    """
    if isinstance(top_k, float) and top_k.is_integer():
        top_k = int(top_k)
    if isinstance(top_k, bool) or not isinstance(top_k, int):
        raise InvalidRequest(f"'top_k' must be a whole number from 1 to {max_top_k}", field="top_k")
    if not 1 <= top_k <= max_top_k:
        raise InvalidRequest(f"'top_k' must be from 1 to {max_top_k}, not {top_k}", field="top_k")
    return top_k


@dataclass
class _Context:
    """Everything known before the answerer is asked: what was retrieved and what the model will see."""

    question: str
    started: float
    retrieved: list[Passage]
    history: tuple[Message, ...]
    given: list[Passage]
    refusal: Answer | None
    deadline: Deadline
    include_draft: bool = False
    search: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StreamEvent:
    """One server-sent event: `passages`, `delta`, `answer` or `error`."""

    event: str
    data: dict[str, Any]


def answer_question(
    question: object,
    *,
    services: Services,
    top_k: int | None = None,
    options: SearchOptions | None = None,
    history: Sequence[Message] = (),
    include_draft: bool = False,
) -> Answer:
    """Answer from the indexed articles, citing only passages that were retrieved and given to the model.

    No model is called when nothing relevant was retrieved. A model failure, or the answer
    outrunning NEWSDESK_ANSWER_DEADLINE, is raised as a ModelError carrying the retrieved
    `passages`, so callers can still show sources. A draft that is refused is withheld (it may
    echo the rules or an injected text) unless `include_draft` asks for it.
    """
    deadline = Deadline.after(services.settings.answer_deadline)
    context = _prepare(question, services, top_k, options, history, deadline, include_draft)
    if context.refusal is not None:
        return context.refusal
    drafting = time.perf_counter()
    try:
        deadline.check("asking the model")
        with deadline_scope(deadline):
            completion = services.answerer.draft(context.question, context.given, context.history)
    except ModelError as exc:
        exc.passages = tuple(context.given)
        raise
    context.timings["generate"] = _ms_since(drafting)
    return _finish(context, completion, services)


def stream_answer(
    question: object,
    *,
    services: Services,
    top_k: int | None = None,
    options: SearchOptions | None = None,
    history: Sequence[Message] = (),
    include_draft: bool = False,
) -> Iterator[StreamEvent]:
    """Validate and retrieve now (so a bad request fails before streaming starts), then stream the answer.

    Events: `passages` (what the model is given), `delta` (text as generated), then `answer`
    (the final verified Answer, the same as `answer_question` returns) or, if the model fails
    part-way or the deadline passes, `error` with the partial text marked incomplete. Nothing
    is retried silently. Unless `include_draft`, deltas are held back until the draft has passed
    the citation check: a refused draft is never sent, not even piece by piece.
    """
    deadline = Deadline.after(services.settings.answer_deadline)
    context = _prepare(question, services, top_k, options, history, deadline, include_draft)
    return _stream(context, services)


def _stream(context: _Context, services: Services) -> Iterator[StreamEvent]:
    yield StreamEvent("passages", {"passages": [p.to_dict() for p in (context.given or context.retrieved)]})
    if context.refusal is not None:
        yield StreamEvent("answer", context.refusal.to_dict())
        return
    drafting = time.perf_counter()
    pieces: list[str] = []
    try:
        context.deadline.check("asking the model")
        with deadline_scope(context.deadline):
            for piece in services.answerer.stream(context.question, context.given, context.history):
                pieces.append(piece)
                if context.include_draft:
                    yield StreamEvent("delta", {"text": piece})
    except ModelError as exc:
        yield StreamEvent(
            "error",
            {
                "error": {"code": exc.code, "message": exc.message},
                "partial": "".join(pieces) if context.include_draft else "",
                "incomplete": True,
                "passages": [p.to_dict() for p in context.given],
            },
        )
        return
    context.timings["generate"] = _ms_since(drafting)
    completion = Completion(text="".join(pieces), model=services.answerer.model)
    answer = _finish(context, completion, services)
    if not context.include_draft and not answer.refused:
        yield from (StreamEvent("delta", {"text": piece}) for piece in pieces)
    yield StreamEvent("answer", answer.to_dict())


def _prepare(
    question: object,
    services: Services,
    top_k: int | None,
    options: SearchOptions | None,
    history: Sequence[Message],
    deadline: Deadline,
    include_draft: bool,
) -> _Context:
    settings = services.settings
    text = validate_question(question, max_chars=settings.max_question_chars)
    k = validate_top_k(settings.top_k if top_k is None else top_k, max_top_k=settings.max_top_k)
    options = options or SearchOptions(mode=settings.retrieval_mode)
    started = time.perf_counter()
    history = tuple(history)
    query = search_text(text, history)
    retrieval = services.retriever.retrieve(query, top_k=k, options=options)
    retrieved = retrieval.passages
    context = _Context(
        question=text, started=started, retrieved=retrieved, history=history, given=[], refusal=None,
        deadline=deadline, include_draft=include_draft,
    )
    context.search = {"query": query, "search_mode": retrieval.mode, "recency": retrieval.recency, "filters": retrieval.filter.to_dict()}
    context.warnings.extend(retrieval.warnings)
    context.timings["retrieve"] = _ms_since(started)
    relevant = retrieved if _relevant(text, query, retrieved, services) else []
    if not relevant:
        reason = NO_PASSAGES if not retrieved else LOW_RELEVANCE
        message = _nothing_found(text, retrieved, services.index.store.article_count(), filtered=not retrieval.filter.is_empty)
        context.refusal = _refusal(context, services, reason, message)
        return context
    budget = services.answerer.context_tokens
    if budget is None:
        context.given = relevant
    else:
        context.given, dropped = fit_passages(relevant, budget, passage_block)
        if dropped:
            context.warnings.append(
                f"passage(s) {', '.join(f'[{p.n}]' for p in dropped)} left out to fit the model's "
                f"{budget}-token context budget (lowest-ranked first)"
            )
        if not context.given:
            context.given = relevant[:1]
    return context


def _relevant(question: str, query: str, retrieved: Sequence[Passage], services: Services) -> bool:
    """The gate: whether anything retrieved is close enough in meaning to answer from.

    A passage is when its vector is close to the question's, or when it names every name the
    question names, or when one of its sentences is close: a long passage's vector is its
    topic's, and a question about one of its sentences ("When are the follow-up study's results
    expected?") can be far from it. Past the gate, keyword hits that embeddings rate low stay in:
    finding the names and figures that embeddings blur is why they were searched for.
    """
    settings = services.settings
    if any(p.score >= settings.min_score or names_every_name(question, p) for p in retrieved):
        return True
    return closest_sentence(query, retrieved, services) >= settings.min_sentence_score


def closest_sentence(query: str, passages: Sequence[Passage], services: Services) -> float:
    """The highest cosine similarity of any sentence of the passages to the query (0 with none); stored vectors."""
    sentences = [s.text for p in passages for s in split_sentences(p.text)]
    if not sentences:
        return 0.0
    vector = np.asarray(services.retriever.embed_query(query), dtype=np.float32)
    return float((services.judge.sentences.vectors(sentences) @ vector).max()) / (float(np.linalg.norm(vector)) or 1.0)


def _finish(context: _Context, completion: Completion, services: Services) -> Answer:
    checking = time.perf_counter()
    warnings = list(context.warnings)
    if completion.finish_reason == "length":
        warnings.append("the model stopped at its output token limit; the answer may be cut short")
    if is_refusal(completion.text):
        # The agreed sentence, plus at most the one reason given after it: a language model's
        # reason is its draft, shown only when asked for (it may echo the rules or an injection).
        shown = 2 if context.include_draft or services.answerer.mode != "llm" else 1
        reason = " ".join(s.text for s in split_sentences(completion.text)[:shown])
        return _refusal(context, services, MODEL_DECLINED, reason, completion=completion, warnings=warnings)
    checked = check_citations(completion.text, context.given, services.judge)
    context.timings["verify"] = _ms_since(checking)
    warnings.extend(checked.warnings)
    if checked.supported_claims == 0:
        message = (
            "The drafted answer could not be verified against the retrieved articles, so it is not given as an "
            "answer; ask with include_draft to see its sentences, each marked unsupported."
        )
        return _refusal(
            context,
            services,
            NO_SUPPORTED_CLAIMS,
            message,
            completion=completion,
            warnings=warnings,
            claims=checked.claims if context.include_draft else (),
            verification=checked.verification(),
        )
    verification = {**checked.verification(), "answers_question": _answers_question(context, checked.text, services)}
    context.timings["total"] = _ms_since(context.started)
    return Answer(
        text=checked.text,
        citations=checked.citations,
        refused=False,
        mode=services.answerer.mode,
        model=completion.model,
        claims=checked.claims,
        verification=verification,
        passages=tuple(context.given),
        as_of=_newest(c.published_at for c in checked.citations),
        search=context.search,
        timings_ms=context.timings,
        usage=completion.usage,
        warnings=tuple(warnings),
    )


def _refusal(
    context: _Context,
    services: Services,
    reason: str,
    message: str,
    *,
    completion: Completion | None = None,
    warnings: list[str] | None = None,
    claims: tuple[Claim, ...] = (),
    verification: dict[str, int] | None = None,
) -> Answer:
    context.timings["total"] = _ms_since(context.started)
    verification = {**(verification or {}), "answers_question": False}
    return Answer(
        text=message,
        citations=(),
        refused=True,
        refusal_reason=reason,
        mode=services.answerer.mode,
        model=completion.model if completion else services.answerer.model,
        claims=claims,
        verification=verification,
        passages=tuple(context.given or context.retrieved),
        search=context.search,
        timings_ms=context.timings,
        usage=completion.usage if completion else {},
        warnings=tuple(warnings or context.warnings),
    )


def _answers_question(context: _Context, text: str, services: Services) -> bool:
    """Whether the answer's first sentence states what was asked, or only talks around it."""
    return first_sentence_answers(
        recase(context.question, [p.text for p in context.given]),
        text,
        _similarity_to(context, services),
        written=services.answerer.mode == "llm",
        titles={p.n: p.title for p in context.given},
    )


def _similarity_to(context: _Context, services: Services) -> Callable[[str], float]:
    """Cosine similarity of a sentence to the question (stored sentence vectors, the cached question vector)."""

    def similarity(sentence: str) -> float:
        question = np.asarray(services.retriever.embed_query(search_text(context.question, context.history)), dtype=np.float32)
        vector = services.judge.sentences.vectors([sentence])[0]
        return float(vector @ question / (np.linalg.norm(question) or 1.0))

    return similarity


def _nothing_found(question: str, passages: list[Passage], articles: int, *, filtered: bool) -> str:
    if articles == 0:
        return "The knowledge base has no articles to search yet; ingest some first."
    if not passages:
        within = " within the filters" if filtered else ""
        return f"Nothing in the {articles} indexed articles matched \u201c{question}\u201d{within}."
    return (
        f"The indexed articles do not seem to cover this: nothing retrieved for \u201c{question}\u201d "
        "was close enough to answer from. The nearest passages are listed so you can see what was searched."
    )


def _newest(dates: Iterable[str | None]) -> str | None:
    """The latest of some ISO 8601 UTC dates: what an answer is "as of"."""
    known = [d for d in dates if d]
    return max(known) if known else None


def _ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000

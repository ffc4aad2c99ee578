"""`build_services(settings)`: the one place that picks the real adapters for answering."""

from __future__ import annotations

from dataclasses import dataclass

from core import Settings
from index import ChromaStore, Embedder, IndexServices, build_index

from qa.chat import Answerer, ChatModel, ExtractiveAnswerer, LLMAnswerer
from qa.retrieval import Retriever, build_retriever
from qa.support import SupportJudge


@dataclass(frozen=True)
class Services:
    settings: Settings
    index: IndexServices
    answerer: Answerer
    judge: SupportJudge
    retriever: Retriever


def build_services(
    settings: Settings,
    *,
    embedder: Embedder | None = None,
    store: ChromaStore | None = None,
    chat_model: ChatModel | None = None,
) -> Services:
    """Embedder, store and answerer for `settings`; tests pass fakes for any of them."""
    index = build_index(settings, embedder=embedder, store=store)
    if chat_model is None and settings.uses_llm:
        from qa.chat.openai import OpenAIChatModel

        chat_model = OpenAIChatModel(settings)
    retriever = build_retriever(index.store, index.embedder, settings, sentences=index.sentences)
    answerer: Answerer = (
        LLMAnswerer(chat_model, context_tokens=settings.context_tokens)
        if chat_model is not None
        else extractive_answerer(index, retriever)
    )
    judge = SupportJudge(
        index.embedder,
        min_similarity=settings.support_similarity,
        min_overlap=settings.support_overlap,
        sentences=index.sentences,
    )
    return Services(settings=settings, index=index, answerer=answerer, judge=judge, retriever=retriever)


def extractive_answerer(index: IndexServices, retriever: Retriever) -> ExtractiveAnswerer:
    """The answerer that quotes instead of generating, scoring sentences as `retriever` does (stored vectors, shared scores)."""
    return ExtractiveAnswerer(index.embedder, scorer=retriever.lead_scorer)

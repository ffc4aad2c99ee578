"""Answering: retrieve passages, ask a model (or quote extractively), verify the citations."""

from qa.answering import StreamEvent, answer_question, stream_answer, validate_question, validate_top_k
from qa.chat import Answerer, ChatModel, ExtractiveAnswerer, LLMAnswerer
from qa.citations import check_citations, parse_marks
from qa.models import Answer, Citation, Claim, Completion, Message, Passage
from qa.prompts import build_prompt
from qa.retrieval import Retrieval, Retriever, SearchOptions, build_retriever, retrieve
from qa.services import Services, build_services

__all__ = [
    "Answer",
    "Answerer",
    "ChatModel",
    "Citation",
    "Claim",
    "Completion",
    "ExtractiveAnswerer",
    "LLMAnswerer",
    "Message",
    "Passage",
    "Retrieval",
    "Retriever",
    "SearchOptions",
    "Services",
    "StreamEvent",
    "answer_question",
    "build_prompt",
    "build_retriever",
    "build_services",
    "check_citations",
    "parse_marks",
    "retrieve",
    "stream_answer",
    "validate_question",
    "validate_top_k",
]

"""Answering: retrieve passages, ask a model (or quote extractively), verify the citations."""

from qa.answering import answer_question, validate_question, validate_top_k
from qa.chat import Answerer, ChatModel, ExtractiveAnswerer, LLMAnswerer
from qa.citations import check_citations, parse_marks
from qa.models import Answer, Citation, Completion, Message, Passage
from qa.prompts import build_prompt
from qa.retrieval import retrieve
from qa.services import Services, build_services

__all__ = [
    "Answer",
    "Answerer",
    "ChatModel",
    "Citation",
    "Completion",
    "ExtractiveAnswerer",
    "LLMAnswerer",
    "Message",
    "Passage",
    "Services",
    "answer_question",
    "build_prompt",
    "build_services",
    "check_citations",
    "parse_marks",
    "retrieve",
    "validate_question",
    "validate_top_k",
]

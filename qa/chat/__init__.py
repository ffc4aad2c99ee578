"""Answerers and chat models: LLM-written answers or extractive quotes."""

from qa.chat.base import Answerer, ChatModel
from qa.chat.extractive import ExtractiveAnswerer
from qa.chat.llm import LLMAnswerer

__all__ = ["Answerer", "ChatModel", "ExtractiveAnswerer", "LLMAnswerer"]

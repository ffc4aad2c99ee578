"""Answers written by a language model from the prompt in `qa/prompts.py`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from qa.chat.base import ChatModel
from qa.models import Completion, Message, Passage
from qa.prompts import build_prompt


class LLMAnswerer:
    """Asks a ChatModel to answer from the passages with [n] citations."""

    mode = "llm"

    def __init__(self, chat_model: ChatModel, *, context_tokens: int) -> None:
        self.chat_model = chat_model
        self.model = chat_model.name
        self.context_tokens: int | None = context_tokens

    def draft(self, question: str, passages: Sequence[Passage], history: Sequence[Message] = ()) -> Completion:
        return self.chat_model.complete(build_prompt(question, passages, history))

    def stream(self, question: str, passages: Sequence[Passage], history: Sequence[Message] = ()) -> Iterator[str]:
        return self.chat_model.stream(build_prompt(question, passages, history))

"""The two roles of answering: a ChatModel (an LLM) and an Answerer (what drafts an answer)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, runtime_checkable

from qa.models import Completion, Message, Passage


@runtime_checkable
class ChatModel(Protocol):
    name: str

    def complete(self, messages: Sequence[Message]) -> Completion:
        """The model's whole reply to `messages`."""
        ...

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        """The reply as it is generated, in text pieces; raises ModelError if it stops before finishing."""
        ...


@runtime_checkable
class Answerer(Protocol):
    """Drafts an answer with [n] marks from numbered passages; the citation checker verifies it.

    `context_tokens` is the passage budget of a model with a context window (None: no limit);
    `history` holds the earlier turns when the question is a follow-up.
    """

    mode: str
    model: str
    context_tokens: int | None

    def draft(self, question: str, passages: Sequence[Passage], history: Sequence[Message] = ()) -> Completion: ...

    def stream(self, question: str, passages: Sequence[Passage], history: Sequence[Message] = ()) -> Iterator[str]: ...

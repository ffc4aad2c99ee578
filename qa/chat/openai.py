"""A ChatModel for OpenAI and any OpenAI-compatible server (Ollama, vLLM, llama.cpp) via `base_url`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from openai.types.chat import ChatCompletion, ChatCompletionChunk

from core.errors import ModelError, ModelUnavailable
from core.openai_client import call_with_retries, make_openai_client, translate_openai_errors
from core.settings import Settings

from qa.deadline import current_deadline
from qa.models import Completion, Message

_NOT_A_COMPLETION = "the language model's server answered with something that is not a chat completion"


class OpenAIChatModel:
    """Chat completions at temperature 0; every attempt and retry fits inside the answer's deadline."""

    def __init__(self, settings: Settings) -> None:
        self._client = make_openai_client(settings)
        self._timeout = settings.openai_timeout
        self._retries = settings.openai_max_retries
        self.name = settings.openai_model

    def _create(self, messages: Sequence[Message], **options: Any) -> Any:
        deadline = current_deadline()

        def attempt(timeout: float) -> Any:
            client = self._client.with_options(timeout=timeout, max_retries=0)
            return client.chat.completions.create(
                model=self.name, messages=[m.to_dict() for m in messages], temperature=0, **options
            )

        return call_with_retries(
            attempt,
            what="language model",
            timeout=self._timeout,
            max_retries=self._retries,
            remaining=deadline.remaining if deadline else None,
        )

    def complete(self, messages: Sequence[Message]) -> Completion:
        response = self._create(messages)
        try:
            return _completion(response, self.name)
        except (AttributeError, TypeError, IndexError, KeyError, ValueError):
            # The client builds its objects without validating them: a body of the wrong shape
            # shows up only when it is read.
            raise ModelError(_NOT_A_COMPLETION) from None

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        deadline = current_deadline()
        finish_reason = None
        chunks = self._create(messages, stream=True)
        with translate_openai_errors("language model"):
            for chunk in chunks:
                if deadline is not None:
                    # A server that trickles tokens never trips the read timeout; the deadline stops it.
                    deadline.check("the language model finished its answer")
                piece, finished = _piece(chunk)
                if piece:
                    yield piece
                finish_reason = finished or finish_reason
        if finish_reason is None:
            # The connection closed cleanly but the model never said it was done: the answer is cut.
            raise ModelUnavailable("the language model's stream ended before the answer was finished")


def _completion(response: Any, model: str) -> Completion:
    # A proxy's HTML error page with status 200 comes back as a plain string, not a completion.
    if not isinstance(response, ChatCompletion):
        raise ModelError(_NOT_A_COMPLETION)
    if not response.choices:
        raise ModelError("the language model returned no answer")
    choice = response.choices[0]
    text = choice.message.content or ""
    if not isinstance(text, str):
        raise TypeError("content is not text")
    usage = response.usage
    return Completion(
        text=text,
        model=response.model if isinstance(response.model, str) and response.model else model,
        finish_reason=choice.finish_reason,
        usage={
            "prompt_tokens": usage.prompt_tokens,
            "completion_tokens": usage.completion_tokens,
            "total_tokens": usage.total_tokens,
        }
        if usage
        else {},
    )


def _piece(chunk: Any) -> tuple[str, str | None]:
    """A stream chunk's text and finish reason, or ModelError when it is not a chunk at all."""
    try:
        if not isinstance(chunk, ChatCompletionChunk):
            raise TypeError("not a chunk")
        if not chunk.choices:
            return "", None
        choice = chunk.choices[0]
        text = choice.delta.content if choice.delta else None
        if text is not None and not isinstance(text, str):
            raise TypeError("content is not text")
        return text or "", choice.finish_reason
    except (AttributeError, TypeError, IndexError, KeyError):
        raise ModelError(_NOT_A_COMPLETION) from None

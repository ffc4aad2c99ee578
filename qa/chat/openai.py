"""A ChatModel for OpenAI and any OpenAI-compatible server (Ollama, vLLM, llama.cpp) via `base_url`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from core.errors import ModelError, ModelUnavailable
from core.openai_client import make_openai_client, translate_openai_errors
from core.settings import Settings

from qa.models import Completion, Message


class OpenAIChatModel:
    """Chat completions at temperature 0, with the timeout and retries the settings give."""

    def __init__(self, settings: Settings) -> None:
        self._client = make_openai_client(settings)
        self.name = settings.openai_model

    def complete(self, messages: Sequence[Message]) -> Completion:
        with translate_openai_errors("language model"):
            response = self._client.chat.completions.create(
                model=self.name, messages=[m.to_dict() for m in messages], temperature=0
            )
        if not response.choices:
            raise ModelError("the language model returned no answer")
        usage = response.usage
        return Completion(
            text=response.choices[0].message.content or "",
            model=response.model or self.name,
            finish_reason=response.choices[0].finish_reason,
            usage={
                "prompt_tokens": usage.prompt_tokens,
                "completion_tokens": usage.completion_tokens,
                "total_tokens": usage.total_tokens,
            }
            if usage
            else {},
        )

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        finish_reason = None
        with translate_openai_errors("language model"):
            chunks = self._client.chat.completions.create(
                model=self.name, messages=[m.to_dict() for m in messages], temperature=0, stream=True
            )
            for chunk in chunks:
                if not chunk.choices:
                    continue
                choice = chunk.choices[0]
                if choice.delta and choice.delta.content:
                    yield choice.delta.content
                finish_reason = choice.finish_reason or finish_reason
        if finish_reason is None:
            # The connection closed cleanly but the model never said it was done: the answer is cut.
            raise ModelUnavailable("the language model's stream ended before the answer was finished")

"""An OpenAI chat-completions request body, read as a Newsdesk question with its history.

The last user message is the question; earlier user and assistant turns are the history (the
"Sources:" block Newsdesk appended to its own replies is cut off again, and only the latest
turns are kept, so a long chat never fails for its length). System and developer messages
are ignored: Newsdesk's own rules decide how it answers. OpenAI's tuning fields (temperature,
max_tokens, user, ...) are accepted and ignored, and so is any field this version does not know,
as OpenAI clients add fields faster than servers do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.errors import InvalidRequest
from core.settings import Settings
from qa import Message, SearchOptions, validate_top_k
from qa.conversation import MAX_TURN_CHARS, MAX_TURNS

ROLES = ("system", "developer", "user", "assistant", "tool", "function")
SOURCES_HEADING = "\n\nSources:\n"
NEWSDESK_FIELDS = ("top_k", "search_mode", "filters", "recency")


@dataclass(frozen=True)
class ChatRequest:
    model: str
    question: str
    history: tuple[Message, ...]
    stream: bool
    include_usage: bool
    top_k: int
    options: SearchOptions


def parse_chat_request(data: Mapping[str, Any], settings: Settings) -> ChatRequest:
    """Validate a /v1/chat/completions body, or raise InvalidRequest naming the field (OpenAI's `param`)."""
    model = data.get("model")
    if not isinstance(model, str) or not model:
        raise InvalidRequest("'model' is required: use an id from GET /v1/models, e.g. 'newsdesk'", field="model")
    turns = _turns(data.get("messages"))
    if not turns or turns[-1].role != "user":
        raise InvalidRequest("the last message must be the user's question", field="messages")
    if data.get("n") is not None and (isinstance(data["n"], bool) or data["n"] != 1):
        raise InvalidRequest("only n=1 is supported: Newsdesk gives one answer per question", field="n")
    stream = data.get("stream", False)
    if stream is None:
        stream = False
    if not isinstance(stream, bool):
        raise InvalidRequest("'stream' must be true or false", field="stream")
    top_k, options = _newsdesk_options(data.get("newsdesk"), settings)
    return ChatRequest(
        model=model,
        question=turns[-1].content,
        history=tuple(turns[:-1][-MAX_TURNS:]),
        stream=stream,
        include_usage=_include_usage(data.get("stream_options")),
        top_k=top_k,
        options=options,
    )


def _turns(messages: object) -> list[Message]:
    if not isinstance(messages, list) or not messages:
        raise InvalidRequest("'messages' must be a non-empty list of {role, content} objects", field="messages")
    turns = []
    for i, message in enumerate(messages):
        if not isinstance(message, Mapping) or message.get("role") not in ROLES:
            raise InvalidRequest(
                f"messages[{i}] must be an object whose role is one of {', '.join(ROLES)}", field=f"messages[{i}]"
            )
        if message["role"] not in ("user", "assistant"):
            continue
        text = _text(message.get("content"), field=f"messages[{i}].content")
        if message["role"] == "assistant":
            text = text.split(SOURCES_HEADING, 1)[0]
        if text.strip():
            turns.append(Message(message["role"], text.strip()[:MAX_TURN_CHARS]))
    return turns


def _text(content: object, *, field: str) -> str:
    """A message's text: a string, or the text parts of a list of content parts (images are ignored)."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [p.get("text") for p in content if isinstance(p, Mapping) and p.get("type") == "text"]
        if all(isinstance(p, str) for p in parts):
            return "\n".join(parts)  # type: ignore[arg-type]
    raise InvalidRequest("message content must be a string or a list of {type: 'text', text} parts", field=field)


def _include_usage(options: object) -> bool:
    if options is None:
        return False
    if not isinstance(options, Mapping) or not isinstance(options.get("include_usage", False), bool):
        raise InvalidRequest("'stream_options' must be an object like {\"include_usage\": true}", field="stream_options")
    return bool(options.get("include_usage", False))


def _newsdesk_options(extra: object, settings: Settings) -> tuple[int, SearchOptions]:
    """Newsdesk's own search settings, sent as `newsdesk: {top_k, search_mode, filters, recency}` (optional)."""
    if extra is None:
        extra = {}
    if not isinstance(extra, Mapping):
        raise InvalidRequest(f"'newsdesk' must be an object with any of {', '.join(NEWSDESK_FIELDS)}", field="newsdesk")
    unknown = sorted(set(extra) - set(NEWSDESK_FIELDS))
    if unknown:
        raise InvalidRequest(f"unknown field newsdesk.{unknown[0]}; accepted: {', '.join(NEWSDESK_FIELDS)}", field="newsdesk")
    top_k = validate_top_k(extra.get("top_k", settings.top_k), max_top_k=settings.max_top_k)
    options = SearchOptions.parse(
        mode=extra.get("search_mode"),
        filters=extra.get("filters"),
        recency=extra.get("recency"),
        default_mode=settings.retrieval_mode,
        filter_prefix="newsdesk.filters.",
    )
    return top_k, options

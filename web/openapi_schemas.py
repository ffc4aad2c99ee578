"""JSON Schemas of Newsdesk's request and response bodies, for the OpenAPI document.

Kept next to the code they describe by tests: the request schemas' fields are the parsers'
accepted fields (tests/test_openapi.py), and schemathesis checks every response against them.
"""

from __future__ import annotations

from typing import Any

from qa.retrieval import MODES

STR, INT, NUM, BOOL = {"type": "string"}, {"type": "integer"}, {"type": "number"}, {"type": "boolean"}
NULLABLE_STR = {"type": ["string", "null"]}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict[str, Any], *, required: tuple[str, ...] | None = None, closed: bool = True) -> dict[str, Any]:
    """An object schema; all properties required unless `required` says otherwise; `closed`: no others."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties if required is None else required),
        "additionalProperties": not closed,
    }


def array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


DATE = {"type": "string", "anyOf": [{"format": "date"}, {"format": "date-time"}], "description": "ISO 8601 date or time"}
FILTERS = obj(
    {
        "source": {"oneOf": [STR, array(STR)], "description": "only these outlets"},
        "published_after": DATE,
        "published_before": DATE,
    },
    required=(),
)

SEARCH_MODE = {"type": "string", "enum": list(MODES), "description": "the search method (default NEWSDESK_RETRIEVAL_MODE)"}
ASK_PROPERTIES: dict[str, Any] = {
    "question": {**STR, "minLength": 1, "example": "Did Gensler advise Binance?"},
    "top_k": {**INT, "minimum": 1, "description": "passages to retrieve (1 to NEWSDESK_MAX_TOP_K)"},
    "stream": {**BOOL, "description": "answer as server-sent events (also with Accept: text/event-stream)"},
    "filters": ref("Filters"),
    "search_mode": SEARCH_MODE,
    "mode": {**SEARCH_MODE, "deprecated": True, "description": "old name of search_mode; the answer's warnings say so"},
    "recency": {"type": ["boolean", "null"], "description": "favour recent articles (absent: decided from the question)"},
    "history": {**array(ref("Turn")), "maxItems": 20, "description": "earlier turns, oldest first, for follow-ups"},
    "include_draft": {**BOOL, "description": "with a refusal after drafting, also return the withheld draft"},
}

PASSAGE = obj(
    {
        "n": INT, "chunk_id": STR, "article_id": STR, "title": STR, "url": NULLABLE_STR, "source": STR,
        "published_at": NULLABLE_STR, "text": STR, "start": INT, "end": INT, "score": NUM,
        "chunk_ids": array(STR), "scores": {"type": "object"}, "also_in": array({"type": "object"}),
    }
)
CITATION = obj(
    {
        "n": INT, "chunk_id": STR, "article_id": STR, "title": STR, "url": NULLABLE_STR, "source": STR,
        "published_at": NULLABLE_STR, "quote": STR, "quote_start": INT, "quote_end": INT, "passage": STR,
        "score": NUM, "supported": BOOL, "also_in": array({"type": "object"}), "quotes": array({"type": "object"}),
    }
)
ANSWER = obj(
    {
        "answer": {**STR, "description": "the answer with [n] citation marks, or why it was refused"},
        "citations": array(ref("Citation")),
        "refused": BOOL,
        "refusal_reason": {"type": ["string", "null"], "description": "no_passages, low_relevance, model_declined, ..."},
        "claims": array(obj({"text": STR, "citations": array(INT), "supported": {"type": ["boolean", "null"]}})),
        "verification": {
            "type": "object",
            "description": "counts of claims, supported claims, citation marks and precise marks; and whether the answer's first sentence states what was asked",
            "properties": {"answers_question": {"type": "boolean"}},
            "additionalProperties": INT,
        },
        "answerer": {"type": "string", "enum": ["extractive", "llm"], "description": "what wrote the answer"},
        "model": STR,
        "passages": array(ref("Passage")),
        "as_of": NULLABLE_STR,
        "search": obj({"query": STR, "search_mode": STR, "recency": {"type": ["boolean", "null"]}, "filters": {"type": "object"}}),
        "timings_ms": {"type": "object", "additionalProperties": NUM},
        "usage": {"type": "object", "additionalProperties": INT},
        "warnings": array(STR),
    }
)
ERROR = obj(
    {
        "error": obj(
            {"code": STR, "message": STR, "field": STR, "request_id": STR},
            required=("code", "message", "request_id"),
        ),
        "passages": array(ref("Passage")),
    },
    required=("error",),
    closed=False,
)
OPENAI_ERROR = obj(
    {
        "error": obj(
            {"message": STR, "type": STR, "param": NULLABLE_STR, "code": STR, "request_id": STR, "partial": STR},
            required=("message", "type", "param", "code", "request_id"),
        )
    },
    required=("error",),
    closed=False,
)
CONTENT = {"oneOf": [{"type": ["string", "null"]}, array({"type": "object"})]}
CHAT_REQUEST = obj(
    {
        "model": {**STR, "enum": ["newsdesk", "newsdesk-extractive"]},
        "messages": {
            **array(obj({"role": {"type": "string", "enum": ["system", "developer", "user", "assistant", "tool", "function"]}, "content": CONTENT}, required=("role",), closed=False)),
            "minItems": 1,
        },
        "stream": {"type": ["boolean", "null"]},
        "stream_options": {"type": ["object", "null"], "properties": {"include_usage": BOOL}},
        "n": {"type": ["integer", "null"], "enum": [1, None]},
        "newsdesk": obj(
            {"top_k": {**INT, "minimum": 1}, "search_mode": SEARCH_MODE, "filters": ref("Filters"), "recency": {"type": ["boolean", "null"]}},
            required=(),
        ),
    },
    required=("model", "messages"),
    closed=False,
)
USAGE = obj({"prompt_tokens": INT, "completion_tokens": INT, "total_tokens": INT})
CHAT_COMPLETION = obj(
    {
        "id": STR, "object": {"const": "chat.completion"}, "created": INT, "model": STR, "system_fingerprint": {"type": "null"},
        "choices": array(
            obj(
                {
                    "index": INT,
                    "message": obj({"role": {"const": "assistant"}, "content": STR, "refusal": {"type": "null"}, "newsdesk": ref("Answer")}),
                    "logprobs": {"type": "null"},
                    "finish_reason": {"type": "string", "enum": ["stop", "length"]},
                }
            )
        ),
        "usage": ref("Usage"),
    }
)
MODEL = obj({"id": STR, "object": {"const": "model"}, "created": INT, "owned_by": STR, "newsdesk": obj({"answerer": STR, "model": STR})})
ARTICLE = obj({"id": STR, "title": STR, "url": NULLABLE_STR, "source": STR, "published_at": NULLABLE_STR, "authors": array(STR), "chunks": INT}, closed=False)
ARTICLE_IN = obj(
    {"title": STR, "body": STR, "url": STR, "source": STR, "published_at": STR, "authors": array(STR)},
    required=("title", "body"),
    closed=False,
)
INGEST_REPORT = obj(
    {"added": INT, "updated": INT, "unchanged": INT, "failed": array(obj({"location": STR, "reason": STR})), "chunks_written": INT},
    closed=False,
)

SCHEMAS: dict[str, Any] = {
    "Filters": FILTERS,
    "Turn": obj({"role": {"type": "string", "enum": ["user", "assistant"]}, "content": {**STR, "minLength": 1}}),
    "AskRequest": obj(ASK_PROPERTIES, required=("question",)),
    "Passage": PASSAGE,
    "Citation": CITATION,
    "Answer": ANSWER,
    "SearchResponse": obj(
        {"query": STR, "search_mode": STR, "recency": {"type": ["boolean", "null"]}, "filters": {"type": "object"},
         "passages": array(ref("Passage")), "warnings": array(STR)}
    ),
    "Error": ERROR,
    "OpenAIError": OPENAI_ERROR,
    "ChatCompletionRequest": CHAT_REQUEST,
    "ChatCompletion": CHAT_COMPLETION,
    "Usage": USAGE,
    "Model": MODEL,
    "ModelList": obj({"object": {"const": "list"}, "data": array(ref("Model"))}),
    "Article": ARTICLE,
    "ArticleList": obj({"articles": array(ref("Article")), "total": INT, "limit": INT, "offset": INT}),
    "ArticleIn": ARTICLE_IN,
    "AddArticles": {
        "type": "object",
        "properties": {"article": ref("ArticleIn"), "articles": array(ref("ArticleIn")), "url": STR, "source": STR},
        "description": "exactly one of article, articles or url",
    },
    "IngestReport": INGEST_REPORT,
    # /mcp answers the SDK's own errors as JSON-RPC, and the guards' (key, rate limit) as Error.
    "McpError": {
        "anyOf": [
            ref("Error"),
            obj({"jsonrpc": {"const": "2.0"}, "id": {"type": ["string", "integer", "null"]}, "error": obj({"code": INT, "message": STR}, required=("code", "message"), closed=False)},
                required=("jsonrpc", "error"), closed=False),
        ]
    },
}

"""The one place Newsdesk reads its configuration: `Settings.from_env(os.environ)`.

Every variable is listed in the README's configuration table; tests build
`Settings(...)` directly instead of touching the environment.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from index.errors import ConfigError

EMBEDDERS = ("minilm", "openai")
ANSWER_MODES = ("auto", "extractive", "llm")
RETRIEVAL_MODES = ("hybrid", "dense", "lexical")
# MiniLM reads at most 256 wordpieces including [CLS], [SEP] and the title we prefix.
MINILM_MAX_TOKENS = 256
TITLE_TOKEN_ALLOWANCE = 40
SPECIAL_TOKENS = 2


@dataclass(frozen=True)
class Settings:
    chroma_path: Path = Path("var/chroma")
    chroma_url: str | None = None
    collection: str = "articles"
    embedder: str = "minilm"
    openai_api_key: str | None = dataclasses.field(default=None, repr=False)
    openai_base_url: str | None = None
    openai_model: str = "gpt-4o-mini"
    openai_embedding_model: str = "text-embedding-3-small"
    openai_timeout: float = 30.0
    openai_max_retries: int = 2
    answer_mode: str = "auto"
    top_k: int = 5
    max_top_k: int = 20
    min_score: float = 0.32
    support_similarity: float = 0.75
    support_overlap: float = 0.7
    context_tokens: int = 3000
    retrieval_mode: str = "hybrid"
    candidates: int = 40
    rrf_k: int = 10
    dense_weight: float = 0.7
    lexical_weight: float = 1.0
    max_per_article: int = 2
    duplicate_threshold: float = 0.6
    recency_half_life_days: float = 30.0
    recency_weight: float = 0.5
    query_cache_size: int = 1024
    lexical_refresh_seconds: float = 1.0
    chunk_tokens: int = 160
    chunk_overlap: int = 32
    max_question_chars: int = 1000
    max_body_bytes: int = 64 * 1024
    max_upload_bytes: int = 5 * 1024 * 1024
    fetch_timeout: float = 15.0
    fetch_max_bytes: int = 5 * 1024 * 1024
    api_fetch_private: str = "no"
    api_keys: str = dataclasses.field(default="", repr=False)
    host: str = "127.0.0.1"
    port: int = 5000
    rate_limit: str = "60 per minute"
    redis_url: str | None = dataclasses.field(default=None, repr=False)
    require_keys_for_reads: str = "no"
    cors_origins: str = ""
    log_format: str = "text"
    metrics_dir: Path | None = None

    def __post_init__(self) -> None:
        if self.embedder not in EMBEDDERS:
            raise ConfigError(f"NEWSDESK_EMBEDDER must be one of {', '.join(EMBEDDERS)}, not {self.embedder!r}")
        if self.answer_mode not in ANSWER_MODES:
            raise ConfigError(
                f"NEWSDESK_ANSWER_MODE must be one of {', '.join(ANSWER_MODES)}, not {self.answer_mode!r}"
            )
        if self.answer_mode == "llm" and not self.openai_api_key:
            raise ConfigError("NEWSDESK_ANSWER_MODE=llm needs OPENAI_API_KEY (any value for a local server)")
        if self.embedder == "openai" and not self.openai_api_key:
            raise ConfigError("NEWSDESK_EMBEDDER=openai needs OPENAI_API_KEY")
        if not 1 <= self.top_k <= self.max_top_k:
            raise ConfigError(f"NEWSDESK_TOP_K must be between 1 and NEWSDESK_MAX_TOP_K ({self.max_top_k})")
        if not (math.isfinite(self.min_score) and 0.0 <= self.min_score <= 1.0):
            raise ConfigError("NEWSDESK_MIN_SCORE must be between 0 and 1")
        for name, value in (("NEWSDESK_SUPPORT_SIMILARITY", self.support_similarity), ("NEWSDESK_SUPPORT_OVERLAP", self.support_overlap)):
            if not (math.isfinite(value) and 0.0 <= value <= 1.0):
                raise ConfigError(f"{name} must be between 0 and 1")
        if self.retrieval_mode not in RETRIEVAL_MODES:
            raise ConfigError(
                f"NEWSDESK_RETRIEVAL_MODE must be one of {', '.join(RETRIEVAL_MODES)}, not {self.retrieval_mode!r}"
            )
        if not 1 <= self.candidates <= 1000:
            raise ConfigError("NEWSDESK_CANDIDATES must be between 1 and 1000")
        if self.rrf_k < 0:
            raise ConfigError("NEWSDESK_RRF_K must be 0 or more")
        for name, value in (("NEWSDESK_DENSE_WEIGHT", self.dense_weight), ("NEWSDESK_LEXICAL_WEIGHT", self.lexical_weight)):
            if not (math.isfinite(value) and 0.0 <= value <= 10.0):
                raise ConfigError(f"{name} must be between 0 and 10")
        if self.max_per_article < 1:
            raise ConfigError("NEWSDESK_MAX_PER_ARTICLE must be at least 1")
        if not (math.isfinite(self.duplicate_threshold) and 0.0 < self.duplicate_threshold <= 1.0):
            raise ConfigError("NEWSDESK_DUPLICATE_THRESHOLD must be above 0 and at most 1")
        if not (math.isfinite(self.recency_half_life_days) and self.recency_half_life_days > 0):
            raise ConfigError("NEWSDESK_RECENCY_HALF_LIFE_DAYS must be a positive number of days")
        if not (math.isfinite(self.recency_weight) and 0.0 <= self.recency_weight <= 1.0):
            raise ConfigError("NEWSDESK_RECENCY_WEIGHT must be between 0 (off) and 1")
        if not (math.isfinite(self.lexical_refresh_seconds) and self.lexical_refresh_seconds >= 0):
            raise ConfigError("NEWSDESK_LEXICAL_REFRESH_SECONDS must be 0 or more")
        if self.query_cache_size < 0:
            raise ConfigError("NEWSDESK_QUERY_CACHE_SIZE must be 0 (off) or more")
        if self.context_tokens < 200:
            raise ConfigError("NEWSDESK_CONTEXT_TOKENS must be at least 200 (one passage needs room)")
        limit = MINILM_MAX_TOKENS - TITLE_TOKEN_ALLOWANCE - SPECIAL_TOKENS
        if not 16 <= self.chunk_tokens <= limit:
            raise ConfigError(f"NEWSDESK_CHUNK_TOKENS must be between 16 and {limit} (MiniLM reads 256 tokens)")
        if not 0 <= self.chunk_overlap < self.chunk_tokens // 2:
            raise ConfigError("NEWSDESK_CHUNK_OVERLAP must be at least 0 and under half of NEWSDESK_CHUNK_TOKENS")
        if not (math.isfinite(self.openai_timeout) and self.openai_timeout > 0):
            raise ConfigError("OPENAI_TIMEOUT must be a positive number of seconds")
        if self.max_question_chars < 1:
            raise ConfigError("NEWSDESK_MAX_QUESTION_CHARS must be at least 1")
        if not (math.isfinite(self.fetch_timeout) and self.fetch_timeout > 0):
            raise ConfigError("NEWSDESK_FETCH_TIMEOUT must be a positive number of seconds")
        if self.fetch_max_bytes < 1024:
            raise ConfigError("NEWSDESK_FETCH_MAX_BYTES must be at least 1024")
        if self.api_fetch_private not in ("yes", "no"):
            raise ConfigError("NEWSDESK_API_FETCH_PRIVATE must be yes or no")
        if self.max_upload_bytes < self.max_body_bytes:
            raise ConfigError("NEWSDESK_MAX_UPLOAD_BYTES must be at least NEWSDESK_MAX_BODY_BYTES")
        if any(len(k) < 16 for k in self.api_key_set):
            raise ConfigError("every key in NEWSDESK_API_KEYS must be at least 16 characters (comma-separated)")
        if self.max_body_bytes < 1024:
            raise ConfigError("NEWSDESK_MAX_BODY_BYTES must be at least 1024")
        if self.openai_max_retries < 0:
            raise ConfigError("OPENAI_MAX_RETRIES must be 0 or more")
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{1,400}[A-Za-z0-9]", self.collection):
            raise ConfigError(
                "NEWSDESK_COLLECTION must be 3-402 characters of letters, digits, '.', '_' or '-',"
                " starting and ending with a letter or digit"
            )
        self._check_guards()
        if self.chroma_url:
            parts = urlsplit(self.chroma_url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ConfigError(f"CHROMA_URL must look like http://host:8000, not {self.chroma_url!r}")

    def _check_guards(self) -> None:
        if self.rate_limit:
            from limits import parse_many

            try:
                parse_many(self.rate_limit)
            except ValueError:
                raise ConfigError(
                    f"NEWSDESK_RATE_LIMIT must look like '60 per minute' or '10/second;500/hour', not {self.rate_limit!r}"
                ) from None
        if self.redis_url and urlsplit(self.redis_url).scheme not in ("redis", "rediss", "redis+unix"):
            raise ConfigError("REDIS_URL must look like redis://host:6379/0")
        if self.require_keys_for_reads not in ("yes", "no"):
            raise ConfigError("NEWSDESK_REQUIRE_KEYS_FOR_READS must be yes or no")
        if self.require_keys_for_reads == "yes" and not self.api_key_set:
            raise ConfigError("NEWSDESK_REQUIRE_KEYS_FOR_READS=yes needs NEWSDESK_API_KEYS")
        if self.log_format not in ("text", "json"):
            raise ConfigError(f"NEWSDESK_LOG_FORMAT must be text or json, not {self.log_format!r}")
        for origin in self.cors_origin_list:
            if origin != "*" and not re.fullmatch(r"https?://[^/\s]+", origin):
                raise ConfigError(
                    f"NEWSDESK_CORS_ORIGINS takes comma-separated origins such as https://chat.example.org "
                    f"(scheme and host, no path) or *, not {origin!r}"
                )

    @property
    def cors_origin_list(self) -> tuple[str, ...]:
        """The origins browsers may call the API from (NEWSDESK_CORS_ORIGINS, comma-separated; empty: none)."""
        return tuple(o.strip() for o in self.cors_origins.split(",") if o.strip())

    @property
    def api_key_set(self) -> frozenset[str]:
        """The keys that may call write endpoints (NEWSDESK_API_KEYS, comma-separated)."""
        return frozenset(k.strip() for k in self.api_keys.split(",") if k.strip())

    @property
    def uses_llm(self) -> bool:
        """True when answers come from the OpenAI-compatible model rather than extraction."""
        if self.answer_mode == "auto":
            return bool(self.openai_api_key)
        return self.answer_mode == "llm"

    def replace(self, **changes: object) -> Settings:
        """A copy with some fields changed (validated again)."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        """Build settings from environment variables; unset or empty ones take the defaults."""
        env = {k: v for k, v in environ.items() if v.strip() != ""}
        defaults = cls.__dataclass_fields__
        values: dict[str, object] = {}
        for field_name, var in _VARIABLES.items():
            if var not in env:
                continue
            raw = env[var].strip()
            kind = defaults[field_name].type
            values[field_name] = _convert(var, raw, kind)
        return cls(**values)


_VARIABLES = {
    "chroma_path": "CHROMA_PATH",
    "chroma_url": "CHROMA_URL",
    "collection": "NEWSDESK_COLLECTION",
    "embedder": "NEWSDESK_EMBEDDER",
    "openai_api_key": "OPENAI_API_KEY",
    "openai_base_url": "OPENAI_BASE_URL",
    "openai_model": "OPENAI_MODEL",
    "openai_embedding_model": "OPENAI_EMBEDDING_MODEL",
    "openai_timeout": "OPENAI_TIMEOUT",
    "openai_max_retries": "OPENAI_MAX_RETRIES",
    "answer_mode": "NEWSDESK_ANSWER_MODE",
    "top_k": "NEWSDESK_TOP_K",
    "max_top_k": "NEWSDESK_MAX_TOP_K",
    "min_score": "NEWSDESK_MIN_SCORE",
    "support_similarity": "NEWSDESK_SUPPORT_SIMILARITY",
    "support_overlap": "NEWSDESK_SUPPORT_OVERLAP",
    "context_tokens": "NEWSDESK_CONTEXT_TOKENS",
    "retrieval_mode": "NEWSDESK_RETRIEVAL_MODE",
    "candidates": "NEWSDESK_CANDIDATES",
    "rrf_k": "NEWSDESK_RRF_K",
    "dense_weight": "NEWSDESK_DENSE_WEIGHT",
    "lexical_weight": "NEWSDESK_LEXICAL_WEIGHT",
    "max_per_article": "NEWSDESK_MAX_PER_ARTICLE",
    "duplicate_threshold": "NEWSDESK_DUPLICATE_THRESHOLD",
    "recency_half_life_days": "NEWSDESK_RECENCY_HALF_LIFE_DAYS",
    "recency_weight": "NEWSDESK_RECENCY_WEIGHT",
    "query_cache_size": "NEWSDESK_QUERY_CACHE_SIZE",
    "lexical_refresh_seconds": "NEWSDESK_LEXICAL_REFRESH_SECONDS",
    "chunk_tokens": "NEWSDESK_CHUNK_TOKENS",
    "chunk_overlap": "NEWSDESK_CHUNK_OVERLAP",
    "max_question_chars": "NEWSDESK_MAX_QUESTION_CHARS",
    "max_body_bytes": "NEWSDESK_MAX_BODY_BYTES",
    "max_upload_bytes": "NEWSDESK_MAX_UPLOAD_BYTES",
    "api_keys": "NEWSDESK_API_KEYS",
    "fetch_timeout": "NEWSDESK_FETCH_TIMEOUT",
    "fetch_max_bytes": "NEWSDESK_FETCH_MAX_BYTES",
    "api_fetch_private": "NEWSDESK_API_FETCH_PRIVATE",
    "host": "HOST",
    "port": "PORT",
    "rate_limit": "NEWSDESK_RATE_LIMIT",
    "redis_url": "REDIS_URL",
    "require_keys_for_reads": "NEWSDESK_REQUIRE_KEYS_FOR_READS",
    "cors_origins": "NEWSDESK_CORS_ORIGINS",
    "log_format": "NEWSDESK_LOG_FORMAT",
    "metrics_dir": "PROMETHEUS_MULTIPROC_DIR",
}


def _convert(var: str, raw: str, kind: object) -> object:
    kind_name = kind if isinstance(kind, str) else getattr(kind, "__name__", str(kind))
    try:
        if kind_name == "int":
            return int(raw)
        if kind_name == "float":
            return float(raw)
    except ValueError:
        raise ConfigError(f"{var} must be a number, not {raw!r}") from None
    if kind_name in ("Path", "Path | None"):
        return Path(raw)
    return raw

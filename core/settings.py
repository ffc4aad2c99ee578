"""The one place Newsdesk reads its configuration: `Settings.from_env(os.environ)`.

Every environment variable is documented once, in docs/configuration.md; tests build
`Settings(...)` directly instead of touching the environment. The fields are grouped by concern;
`VARIABLES` maps each operator-facing field to its variable and the rule its value must meet, and
`_check_combinations` holds the few rules that involve two fields. Values tuned on the project's
benchmarks are named constants below, not variables: an operator has no reason to change them,
and a bench script that explores them passes `Settings(...)` with other values.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from core.errors import ConfigError

EMBEDDERS = ("minilm", "openai")
ANSWER_MODES = ("auto", "extractive", "llm")
RETRIEVAL_MODES = ("hybrid", "dense", "lexical")
# MiniLM reads at most 256 wordpieces including [CLS], [SEP] and the title we prefix.
MINILM_MAX_TOKENS = 256
TITLE_TOKEN_ALLOWANCE = 40
SPECIAL_TOKENS = 2
MAX_CHUNK_TOKENS = MINILM_MAX_TOKENS - TITLE_TOKEN_ALLOWANCE - SPECIAL_TOKENS

# Chosen by 2-fold cross-validation over 149 labelled questions on two corpora (bench/fusion_cv.py,
# docs/benchmarks.md): candidates each search contributes, the reciprocal-rank-fusion constant and
# the weight of each ranking. Plain RRF(k=60) with equal weights won hit@1 on both held-out halves;
# the former dense 0.7 / k 10 (tuned on the crypto questions alone) lost one question in each.
CANDIDATES = 40
RRF_K = 60
DENSE_WEIGHT = 1.0
LEXICAL_WEIGHT = 1.0
# Hybrid search's last step (qa/answer_rank.py): of the first ANSWER_DEPTH passages, the one
# holding the sentence an answer would lead with goes first (0: off), if its lead scores more than
# ANSWER_MARGIN above the first passage's. Chosen by 2-fold cross-validation (bench/fusion_cv.py,
# bench/snippets.py; docs/benchmarks.md).
ANSWER_DEPTH = 5
ANSWER_MARGIN = 0.1
# Diversity: passages one article may contribute, and the share of word 3-grams above which two
# articles' passages are one wire story (checked on the sample's syndicated copies).
MAX_PER_ARTICLE = 2
DUPLICATE_THRESHOLD = 0.6
# "Latest state" questions: a story this many days older than the newest candidate keeps
# 1 - RECENCY_WEIGHT / 2 of its score.
RECENCY_HALF_LIFE_DAYS = 30.0
RECENCY_WEIGHT = 0.5
# The most accurate pair on the 85 hand-labelled claims of bench/support_claims.yaml (`make calibrate`).
SUPPORT_SIMILARITY = 0.75
SUPPORT_OVERLAP = 0.7
# Question vectors kept per process: a few MB, and repeated questions cost no model call.
QUERY_CACHE_SIZE = 1024


@dataclass(frozen=True)
class Settings:
    # The store
    chroma_path: Path = Path("var/chroma")
    chroma_url: str | None = None
    collection: str = "articles"
    lexical_refresh_seconds: float = 1.0
    # The models
    embedder: str = "minilm"
    openai_api_key: str | None = dataclasses.field(default=None, repr=False)
    openai_base_url: str | None = None
    openai_model: str = "gpt-4o-mini"
    openai_embedding_model: str = "text-embedding-3-small"
    openai_timeout: float = 30.0
    openai_max_retries: int = 2
    # Answering under load (docs/architecture.md, "Slow clients and load")
    answer_deadline: float = 45.0
    max_inflight: int = 4
    queue_wait: float = 1.0
    # Answering
    answer_mode: str = "auto"
    top_k: int = 5
    max_top_k: int = 20
    min_score: float = 0.32
    min_sentence_score: float = 0.40
    context_tokens: int = 3000
    support_similarity: float = SUPPORT_SIMILARITY
    support_overlap: float = SUPPORT_OVERLAP
    # Retrieval
    retrieval_mode: str = "hybrid"
    candidates: int = CANDIDATES
    rrf_k: int = RRF_K
    dense_weight: float = DENSE_WEIGHT
    lexical_weight: float = LEXICAL_WEIGHT
    answer_depth: int = ANSWER_DEPTH
    answer_margin: float = ANSWER_MARGIN
    max_per_article: int = MAX_PER_ARTICLE
    duplicate_threshold: float = DUPLICATE_THRESHOLD
    recency_half_life_days: float = RECENCY_HALF_LIFE_DAYS
    recency_weight: float = RECENCY_WEIGHT
    query_cache_size: int = QUERY_CACHE_SIZE
    # Ingest
    chunk_tokens: int = 160
    chunk_overlap: int = 32
    fetch_timeout: float = 15.0
    fetch_max_bytes: int = 5 * 1024 * 1024
    # The web surface
    max_question_chars: int = 1000
    max_body_bytes: int = 64 * 1024
    max_upload_bytes: int = 5 * 1024 * 1024
    api_fetch_private: bool = False
    api_keys: str = dataclasses.field(default="", repr=False)
    secret_key: str | None = dataclasses.field(default=None, repr=False)
    host: str = "127.0.0.1"
    port: int = 5000
    # The guards
    rate_limit: str = "60 per minute"
    redis_url: str | None = dataclasses.field(default=None, repr=False)
    require_keys_for_reads: bool = False
    cors_origins: str = ""
    log_format: str = "text"
    metrics_dir: Path | None = None

    def __post_init__(self) -> None:
        for variable in VARIABLES:
            variable.check(getattr(self, variable.field))
        _check_combinations(self)

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
        values = {}
        for variable in VARIABLES:
            raw = environ.get(variable.name, "").strip()
            if raw:
                values[variable.field] = variable.parse(raw)
        return cls(**values)


@dataclass(frozen=True)
class Variable:
    """One environment variable: the field it sets, how its text is read and the rule it must meet."""

    field: str
    name: str
    kind: Callable[[str], object] = str
    rule: Callable[[object], bool] | None = None
    requirement: str = ""

    def parse(self, raw: str) -> object:
        if self.kind is bool:
            return _boolean(self.name, raw)
        try:
            return self.kind(raw)
        except ValueError:
            raise ConfigError(f"{self.name} must be a number, not {raw!r}") from None

    def check(self, value: object) -> None:
        if value is not None and self.rule is not None and not self.rule(value):
            raise ConfigError(f"{self.name} {self.requirement}, not {value!r}")


def _boolean(name: str, raw: str) -> bool:
    words = {"yes": True, "true": True, "1": True, "on": True, "no": False, "false": False, "0": False, "off": False}
    if raw.lower() not in words:
        raise ConfigError(f"{name} must be yes or no, not {raw!r}")
    return words[raw.lower()]


def _between(low: float, high: float) -> Callable[[object], bool]:
    return lambda value: math.isfinite(value) and low <= value <= high  # type: ignore[arg-type]


def _positive(value: object) -> bool:
    return math.isfinite(value) and value > 0  # type: ignore[arg-type, operator]


def _one_of(choices: tuple[str, ...]) -> tuple[Callable[[object], bool], str]:
    return (lambda value: value in choices), f"must be one of {', '.join(choices)}"


def _web_address(value: object) -> bool:
    parts = urlsplit(str(value))
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _limit_or_off(raw: str) -> str:
    return "" if raw.lower() in ("off", "no", "none") else raw


def _rate_limit(value: object) -> bool:
    from limits import parse_many

    try:
        return not value or bool(parse_many(str(value)))
    except ValueError:
        return False


_ORIGIN = re.compile(r"\*|https?://[^/\s,]+")
_COLLECTION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,400}[A-Za-z0-9]")
_FRACTION = (_between(0.0, 1.0), "must be between 0 and 1")
_SECONDS = (_positive, "must be a positive number of seconds")

VARIABLES: tuple[Variable, ...] = (
    # The store
    Variable("chroma_path", "CHROMA_PATH", Path),
    Variable("chroma_url", "CHROMA_URL", str, _web_address, "must look like http://host:8000"),
    Variable(
        "collection", "NEWSDESK_COLLECTION", str, lambda v: bool(_COLLECTION_NAME.fullmatch(str(v))),
        "must be 3-402 characters of letters, digits, '.', '_' or '-', starting and ending with a letter or digit",
    ),
    Variable("lexical_refresh_seconds", "NEWSDESK_LEXICAL_REFRESH_SECONDS", float, _between(0.0, math.inf), "must be 0 or more"),
    # The models
    Variable("embedder", "NEWSDESK_EMBEDDER", str, *_one_of(EMBEDDERS)),
    Variable("openai_api_key", "OPENAI_API_KEY"),
    Variable("openai_base_url", "OPENAI_BASE_URL"),
    Variable("openai_model", "OPENAI_MODEL"),
    Variable("openai_embedding_model", "OPENAI_EMBEDDING_MODEL"),
    Variable("openai_timeout", "OPENAI_TIMEOUT", float, *_SECONDS),
    Variable("openai_max_retries", "OPENAI_MAX_RETRIES", int, lambda v: v >= 0, "must be 0 or more"),  # type: ignore[operator]
    # Answering under load
    Variable("answer_deadline", "NEWSDESK_ANSWER_DEADLINE", float, _between(1.0, 600.0), "must be between 1 and 600 seconds"),
    Variable("max_inflight", "NEWSDESK_MAX_INFLIGHT", int, _between(1, 256), "must be between 1 and 256 answers per worker"),
    Variable("queue_wait", "NEWSDESK_QUEUE_WAIT", float, _between(0.0, 10.0), "must be between 0 and 10 seconds"),
    # Answering
    Variable("answer_mode", "NEWSDESK_ANSWER_MODE", str, *_one_of(ANSWER_MODES)),
    Variable("top_k", "NEWSDESK_TOP_K", int),
    Variable("max_top_k", "NEWSDESK_MAX_TOP_K", int, lambda v: v >= 1, "must be at least 1"),  # type: ignore[operator]
    Variable("min_score", "NEWSDESK_MIN_SCORE", float, *_FRACTION),
    Variable("min_sentence_score", "NEWSDESK_MIN_SENTENCE_SCORE", float, *_FRACTION),
    Variable(
        "context_tokens", "NEWSDESK_CONTEXT_TOKENS", int, lambda v: v >= 200,  # type: ignore[operator]
        "must be at least 200 (one passage needs room)",
    ),
    # Retrieval
    Variable("retrieval_mode", "NEWSDESK_RETRIEVAL_MODE", str, *_one_of(RETRIEVAL_MODES)),
    # Ingest
    Variable(
        "chunk_tokens", "NEWSDESK_CHUNK_TOKENS", int, _between(16, MAX_CHUNK_TOKENS),
        f"must be between 16 and {MAX_CHUNK_TOKENS} (MiniLM reads 256 tokens)",
    ),
    Variable("chunk_overlap", "NEWSDESK_CHUNK_OVERLAP", int),
    Variable("fetch_timeout", "NEWSDESK_FETCH_TIMEOUT", float, *_SECONDS),
    Variable("fetch_max_bytes", "NEWSDESK_FETCH_MAX_BYTES", int, lambda v: v >= 1024, "must be at least 1024"),  # type: ignore[operator]
    # The web surface
    Variable("max_question_chars", "NEWSDESK_MAX_QUESTION_CHARS", int, lambda v: v >= 1, "must be at least 1"),  # type: ignore[operator]
    Variable("max_body_bytes", "NEWSDESK_MAX_BODY_BYTES", int, lambda v: v >= 1024, "must be at least 1024"),  # type: ignore[operator]
    Variable("max_upload_bytes", "NEWSDESK_MAX_UPLOAD_BYTES", int),
    Variable("api_fetch_private", "NEWSDESK_API_FETCH_PRIVATE", bool),
    Variable("api_keys", "NEWSDESK_API_KEYS"),
    Variable(
        "secret_key", "NEWSDESK_SECRET_KEY", str, lambda v: len(str(v)) >= 32,
        "must be at least 32 characters (python -c 'import secrets; print(secrets.token_hex(32))')",
    ),
    Variable("host", "HOST"),
    Variable("port", "PORT", int, _between(0, 65535), "must be a port number"),
    # The guards
    Variable("rate_limit", "NEWSDESK_RATE_LIMIT", _limit_or_off, _rate_limit, "must look like '60 per minute' or '10/second;500/hour'"),
    Variable(
        "redis_url", "REDIS_URL", str, lambda v: urlsplit(str(v)).scheme in ("redis", "rediss", "unix"),
        "must look like redis://host:6379/0",
    ),
    Variable("require_keys_for_reads", "NEWSDESK_REQUIRE_KEYS_FOR_READS", bool),
    Variable(
        "cors_origins", "NEWSDESK_CORS_ORIGINS", str,
        lambda v: all(_ORIGIN.fullmatch(o.strip()) for o in str(v).split(",") if o.strip()),
        "must be comma-separated origins such as https://chat.example.org (scheme and host, no path), or *",
    ),
    Variable("log_format", "NEWSDESK_LOG_FORMAT", str, *_one_of(("text", "json"))),
    Variable("metrics_dir", "PROMETHEUS_MULTIPROC_DIR", Path),
)

# Tuned values are checked too, so a bench script exploring them cannot run on nonsense.
_TUNED_RULES: tuple[tuple[str, Callable[[object], bool], str], ...] = (
    ("support_similarity", *_FRACTION),
    ("support_overlap", *_FRACTION),
    ("candidates", _between(1, 1000), "must be between 1 and 1000"),
    ("rrf_k", _between(0, math.inf), "must be 0 or more"),
    ("dense_weight", _between(0.0, 10.0), "must be between 0 and 10"),
    ("lexical_weight", _between(0.0, 10.0), "must be between 0 and 10"),
    ("max_per_article", _between(1, math.inf), "must be at least 1"),
    ("duplicate_threshold", lambda v: math.isfinite(v) and 0.0 < v <= 1.0, "must be above 0 and at most 1"),  # type: ignore[arg-type, operator]
    ("recency_half_life_days", _positive, "must be a positive number of days"),
    ("recency_weight", *_FRACTION),
    ("query_cache_size", _between(0, math.inf), "must be 0 (off) or more"),
)


def _check_combinations(settings: Settings) -> None:
    for field, rule, requirement in _TUNED_RULES:
        if not rule(getattr(settings, field)):
            raise ConfigError(f"{field} {requirement}")
    if settings.answer_mode == "llm" and not settings.openai_api_key:
        raise ConfigError("NEWSDESK_ANSWER_MODE=llm needs OPENAI_API_KEY (any value for a local server)")
    if settings.embedder == "openai" and not settings.openai_api_key:
        raise ConfigError("NEWSDESK_EMBEDDER=openai needs OPENAI_API_KEY")
    if not 1 <= settings.top_k <= settings.max_top_k:
        raise ConfigError(f"NEWSDESK_TOP_K must be between 1 and NEWSDESK_MAX_TOP_K ({settings.max_top_k})")
    if not 0 <= settings.chunk_overlap < settings.chunk_tokens // 2:
        raise ConfigError("NEWSDESK_CHUNK_OVERLAP must be at least 0 and under half of NEWSDESK_CHUNK_TOKENS")
    if settings.max_upload_bytes < settings.max_body_bytes:
        raise ConfigError("NEWSDESK_MAX_UPLOAD_BYTES must be at least NEWSDESK_MAX_BODY_BYTES")
    if settings.require_keys_for_reads and not settings.api_key_set:
        raise ConfigError("NEWSDESK_REQUIRE_KEYS_FOR_READS=yes needs NEWSDESK_API_KEYS")
    if any(len(k) < 16 for k in settings.api_key_set):
        raise ConfigError("every key in NEWSDESK_API_KEYS must be at least 16 characters (comma-separated)")

"""Every error Newsdesk raises on purpose, each with an HTTP status and a stable code.

The web layer and the CLIs turn these into responses and messages in one place
(`web/errors.py`, `index/__main__.py`, `qa/__main__.py`, `qa/eval/cli.py`); nothing else formats them.

    NewsdeskError                      500 internal          base class, never raised itself
    ├── ConfigError                    500 bad_config        an environment variable has a bad value
    ├── InvalidRequest                 400 invalid_request   a question or parameter a caller sent is unusable
    ├── Unauthorized                   401 unauthorized      a write call without a valid API key
    ├── WritesDisabled                 403 writes_disabled   write calls while no API key is configured
    ├── ArticleNotFound                404 article_not_found no article with that id
    ├── SourceError                    422 unreadable_source one file, line or item could not become an Article
    ├── Busy                           503 busy              every answer slot is taken; carries retry_after
    ├── StoreUnavailable               503 store_unavailable Chroma cannot be opened, read or written
    │   └── StoreBusy                  503 store_busy        another process holds the embedded store for writing
    ├── WarmingUp                      503 warming_up        the server is still loading its model or index; carries retry_after
    ├── EmbedderMismatch               503 embedder_mismatch the collection was built by another embedder
    ├── EvaluationError                500 evaluation_error  a golden run cannot be made (base of the two below)
    │   ├── GoldenFileError            500 bad_golden_file   a golden file names a bad case or field
    │   └── CassetteError              500 bad_cassette      a cassette line cannot be read
    └── ModelError                     502 model_error       the language or embedding model failed
        ├── ModelAuthError             502 model_auth_failed the model server rejected the API key (never retried)
        ├── ModelRateLimited           503 model_rate_limited the model server said 429; carries retry_after
        ├── ModelTimeout               504 model_timeout     no reply inside OPENAI_TIMEOUT (after retries)
        │   └── AnswerDeadlineExceeded 504 deadline_exceeded the answer outran NEWSDESK_ANSWER_DEADLINE
        ├── ModelUnavailable           503 model_unavailable the model server could not be reached
        └── CassetteMiss               502 cassette_miss     replay has no recorded reply for this exact call
"""

from __future__ import annotations

from collections.abc import Sequence


class NewsdeskError(Exception):
    """Base class: `status` is the HTTP status, `code` a stable machine-readable name."""

    status = 500
    code = "internal"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigError(NewsdeskError):
    """Raised at start-up when an environment variable cannot be used as given."""

    code = "bad_config"


class InvalidRequest(NewsdeskError):
    """Raised when a caller's question or parameter is unusable; `field` names it."""

    status = 400
    code = "invalid_request"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class Unauthorized(NewsdeskError):
    """Raised when a write call has no valid `Authorization: Bearer <key>`."""

    status = 401
    code = "unauthorized"


class WritesDisabled(NewsdeskError):
    """Raised for write calls while NEWSDESK_API_KEYS is empty: writing is off until keys are set."""

    status = 403
    code = "writes_disabled"


class ArticleNotFound(NewsdeskError):
    """Raised when an article id names nothing in the store."""

    status = 404
    code = "article_not_found"


class SourceError(NewsdeskError):
    """Raised when one source (file, line, item) cannot become an Article; others go on.

    `field` names the article field at fault, when one is.
    """

    status = 422
    code = "unreadable_source"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class Busy(NewsdeskError):
    """Raised when every answer slot of this worker stayed taken for the bounded wait: shed, retry later."""

    status = 503
    code = "busy"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class StoreUnavailable(NewsdeskError):
    """Raised when the Chroma store cannot be opened, read or written."""

    status = 503
    code = "store_unavailable"


class StoreBusy(StoreUnavailable):
    """Raised when another process holds the embedded store's write lock (see index/ownership.py)."""

    code = "store_busy"


class WarmingUp(NewsdeskError):
    """Raised while the server is still loading its model, store or keyword index; retry after `retry_after` s."""

    status = 503
    code = "warming_up"

    def __init__(self, message: str, *, retry_after: int = 5) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class EmbedderMismatch(NewsdeskError):
    """Raised when a collection built by one embedder is opened with another."""

    status = 503
    code = "embedder_mismatch"


class EvaluationError(NewsdeskError):
    """Raised when a golden run cannot be made as asked (its files or its configuration)."""

    code = "evaluation_error"


class GoldenFileError(EvaluationError):
    """Raised for a golden file that cannot be used as written; the message names the case and field."""

    code = "bad_golden_file"


class CassetteError(EvaluationError):
    """Raised for a cassette file that cannot be read; the message names the file and line."""

    code = "bad_cassette"


class ModelError(NewsdeskError):
    """Raised when a language or embedding model call fails for a reason not covered below.

    `passages` holds what was retrieved before the failure, so a caller can still show sources.
    """

    status = 502
    code = "model_error"
    passages: tuple[object, ...] = ()


class ModelAuthError(ModelError):
    """Raised when the model server rejects the API key; retrying cannot help."""

    code = "model_auth_failed"


class ModelRateLimited(ModelError):
    """Raised when the model server keeps answering 429 after the allowed retries."""

    status = 503
    code = "model_rate_limited"

    def __init__(self, message: str, *, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ModelTimeout(ModelError):
    """Raised when the model does not answer within the configured timeout."""

    status = 504
    code = "model_timeout"


class AnswerDeadlineExceeded(ModelTimeout):
    """Raised when retrieval plus every model attempt would outrun NEWSDESK_ANSWER_DEADLINE."""

    code = "deadline_exceeded"


class ModelUnavailable(ModelError):
    """Raised when the model server cannot be reached at all."""

    status = 503
    code = "model_unavailable"


class CassetteMiss(ModelError):
    """Raised when replay is asked for a call the cassette does not hold (the prompt changed, or it was never recorded)."""

    code = "cassette_miss"

    def __init__(self, message: str, *, key: str, messages: Sequence[object]) -> None:
        super().__init__(message)
        self.key = key
        self.messages = tuple(messages)

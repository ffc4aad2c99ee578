"""The one seam to OpenAI-compatible servers: a configured client, and its errors translated once."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

import openai

from core.errors import (
    AnswerDeadlineExceeded,
    ModelAuthError,
    ModelError,
    ModelRateLimited,
    ModelTimeout,
    ModelUnavailable,
)
from core.settings import Settings

T = TypeVar("T")
_MAX_PAUSE = 8.0


def make_openai_client(settings: Settings) -> openai.OpenAI:
    """A client with an explicit timeout and retry budget; the library's own default waits 600 s."""
    return openai.OpenAI(
        api_key=settings.openai_api_key,
        base_url=settings.openai_base_url,
        timeout=settings.openai_timeout,
        max_retries=settings.openai_max_retries,
    )


def call_with_retries(
    call: Callable[[float], T],
    *,
    what: str,
    timeout: float,
    max_retries: int,
    remaining: Callable[[], float] | None = None,
) -> T:
    """`call(attempt_timeout)` up to 1 + max_retries times, with errors translated to ModelError.

    The client's own retries would give every attempt the full timeout (3 x 45 s once made one
    answer take 137 s), so the caller builds its request with `max_retries=0` and this loop
    retries instead: each attempt's timeout, and each pause between attempts, is cut to what
    `remaining()` (the answer's deadline) still allows; once it is spent, AnswerDeadlineExceeded.
    Only failures that another attempt may cure are retried: timeouts, unreachable, 429 and 5xx.
    """
    for attempt in range(max_retries + 1):
        budget = timeout if remaining is None else min(timeout, remaining())
        if budget <= 0:
            raise AnswerDeadlineExceeded(f"the answer deadline ran out before the {what} answered")
        try:
            with translate_openai_errors(what):
                return call(budget)
        except ModelError as exc:
            left = None if remaining is None else remaining()
            if left is not None and left <= 0 and isinstance(exc, ModelTimeout):
                raise AnswerDeadlineExceeded(f"the {what} did not answer within the answer deadline") from exc
            pause = _pause(exc, attempt)
            if attempt == max_retries or pause is None or (left is not None and pause >= left):
                raise
            time.sleep(pause)
    raise AssertionError("unreachable: the last attempt returns or raises")


def _pause(exc: ModelError, attempt: int) -> float | None:
    """Seconds to wait before retrying after `exc`, or None when retrying cannot help."""
    if isinstance(exc, ModelRateLimited):
        return float(exc.retry_after) if exc.retry_after else min(_MAX_PAUSE, 0.5 * 2**attempt)
    status = getattr(exc.__cause__, "status_code", None)
    if isinstance(exc, (ModelTimeout, ModelUnavailable)) or (status is not None and status >= 500):
        return min(_MAX_PAUSE, 0.5 * 2**attempt)
    return None


@contextlib.contextmanager
def translate_openai_errors(what: str) -> Iterator[None]:
    """Re-raise `openai` errors as ModelError subclasses whose messages never echo the key or reply body."""
    try:
        yield
    except openai.AuthenticationError as exc:
        raise ModelAuthError(f"the {what} rejected the API key (HTTP {exc.status_code}); check OPENAI_API_KEY") from exc
    except openai.PermissionDeniedError as exc:
        raise ModelAuthError(f"the {what} refused access (HTTP {exc.status_code}); check the key's permissions") from exc
    except openai.RateLimitError as exc:
        raise ModelRateLimited(
            f"the {what} is rate limiting requests (HTTP 429); try again later",
            retry_after=_retry_after(exc.response.headers.get("retry-after")),
        ) from exc
    except openai.APITimeoutError as exc:
        raise ModelTimeout(f"the {what} did not answer in time; raise OPENAI_TIMEOUT or try again") from exc
    except openai.APIConnectionError as exc:
        raise ModelUnavailable(f"the {what} could not be reached; check OPENAI_BASE_URL and that the server is up") from exc
    except openai.NotFoundError as exc:
        raise ModelError(f"the {what} does not know this model or endpoint (HTTP 404); check OPENAI_MODEL") from exc
    except openai.APIStatusError as exc:
        raise ModelError(f"the {what} failed with HTTP {exc.status_code}") from exc
    except openai.OpenAIError as exc:
        raise ModelError(f"the {what} returned something unusable ({type(exc).__name__})") from exc
    except ValueError as exc:  # a body that is not JSON although its Content-Type says so
        raise ModelError(f"the {what} returned something unusable ({type(exc).__name__})") from exc


def _retry_after(value: str | None) -> int | None:
    try:
        return max(1, int(float(value))) if value else None
    except ValueError:
        return None

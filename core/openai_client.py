"""The one seam to OpenAI-compatible servers: a configured client, and its errors translated once."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import openai

from core.errors import ModelAuthError, ModelError, ModelRateLimited, ModelTimeout, ModelUnavailable
from core.settings import Settings


def make_openai_client(settings: Settings) -> openai.OpenAI:
    """A client with an explicit timeout and retry budget; the library's own default waits 600 s."""
    return openai.OpenAI(
        api_key=settings.openai_api_key,
        base_url=settings.openai_base_url,
        timeout=settings.openai_timeout,
        max_retries=settings.openai_max_retries,
    )


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


def _retry_after(value: str | None) -> int | None:
    try:
        return max(1, int(float(value))) if value else None
    except ValueError:
        return None

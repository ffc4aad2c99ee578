"""Start-up in the background: the server answers /healthz at once and questions once it can answer them well.

Loading the model, opening the store and reading every chunk into the keyword index take
seconds. Done before the app exists, a cold start blocks every request; done lazily by the
first requests, several raced one another and a few searched an index that was not loaded
yet, answering a confident "nothing matched". So a background thread does it all, in order,
and a request arriving meanwhile waits for it (at most WAIT_SECONDS) or gets 503
`warming_up` with Retry-After. `/readyz` says which stage is running, or why start-up failed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from core.errors import NewsdeskError, StoreUnavailable, WarmingUp
from core.settings import Settings
from qa import Services

WAIT_SECONDS = 10.0
RETRY_AFTER = 5
log = logging.getLogger("newsdesk.web")


class Warmup:
    """Holds the services once they are built; `services()` is what every request goes through."""

    def __init__(self, settings: Settings) -> None:
        # Known before start-up finishes, so views that need only settings never wait.
        self.settings = settings
        self._done = threading.Event()
        self._services: Services | None = None
        self._error: NewsdeskError | None = None
        self.stage = "starting"

    @classmethod
    def ready(cls, services: Services) -> Warmup:
        """Services built by the caller (tests, scripts): ready at once."""
        warmup = cls(services.settings)
        warmup._services = services
        warmup.stage = "ready"
        warmup._done.set()
        return warmup

    @classmethod
    def start(cls, settings: Settings, build: Callable[[Settings], Services]) -> Warmup:
        """Build, load and index on a background thread."""
        warmup = cls(settings)
        threading.Thread(target=warmup._run, args=(build,), name="newsdesk-warmup", daemon=True).start()
        return warmup

    def _run(self, build: Callable[[Settings], Services]) -> None:
        try:
            self.stage = "opening the store and the model"
            services = build(self.settings)
            self.stage = "loading the embedding model"
            services.retriever.embed_query("warm-up")
            services.retriever.clear_cache()
            self.stage = "building the keyword index"
            services.retriever.lexical.refresh(force=True)
            self._services, self.stage = services, "ready"
            log.info("ready: %s", services.index.store.location)
        except NewsdeskError as exc:
            self._error, self.stage = exc, "failed"
            log.error("start-up failed: %s (%s)", exc.code, exc.message)
        except Exception as exc:  # anything else must not leave requests waiting for ever
            self._error, self.stage = StoreUnavailable(f"start-up failed: {type(exc).__name__}"), "failed"
            log.exception("start-up failed")
        finally:
            self._done.set()

    def services(self, *, wait: float | None = None) -> Services:
        """The services, waiting up to `wait` s (WAIT_SECONDS) for start-up; WarmingUp if it is still running, its error if it failed."""
        if not self._done.wait(WAIT_SECONDS if wait is None else wait):
            raise WarmingUp(f"Newsdesk is starting ({self.stage}); try again in a few seconds", retry_after=RETRY_AFTER)
        if self._error is not None:
            raise self._error
        assert self._services is not None
        return self._services

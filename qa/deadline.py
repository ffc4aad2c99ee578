"""One deadline per answer (NEWSDESK_ANSWER_DEADLINE), shared by retrieval and every model attempt.

`answer_question` opens it with `deadline_scope`; a chat model asks `current_deadline()` how long
its next attempt may take, so timeouts and retries fit inside what is left instead of adding up
(three attempts of 45 s each once made one answer take 137 s). A context variable carries it
because the ChatModel protocol is about messages, and each request runs in its own context.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from core.errors import AnswerDeadlineExceeded


@dataclass(frozen=True)
class Deadline:
    """A point on the monotonic clock, and the budget it was set with (for messages)."""

    at: float
    seconds: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        return cls(at=time.monotonic() + seconds, seconds=seconds)

    def remaining(self) -> float:
        return max(0.0, self.at - time.monotonic())

    def check(self, stage: str) -> None:
        """Raise AnswerDeadlineExceeded when the budget is spent (`stage` says what would come next)."""
        if self.remaining() <= 0:
            raise AnswerDeadlineExceeded(
                f"no answer within {self.seconds:g} s (NEWSDESK_ANSWER_DEADLINE) before {stage}; "
                "the retrieved passages are included"
            )


_current: ContextVar[Deadline | None] = ContextVar("newsdesk_answer_deadline", default=None)


def current_deadline() -> Deadline | None:
    """The deadline of the answer being worked on in this context, if any."""
    return _current.get()


@contextlib.contextmanager
def deadline_scope(deadline: Deadline) -> Iterator[Deadline]:
    """Make `deadline` the current one for the code inside the block."""
    token = _current.set(deadline)
    try:
        yield deadline
    finally:
        _current.reset(token)

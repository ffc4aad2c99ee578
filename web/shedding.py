"""Load shedding: at most NEWSDESK_MAX_INFLIGHT answers per worker; past that, 503 `busy` fast.

An answer may hold a thread for the whole answer deadline while the model thinks, so without
a cap a burst of questions took every thread and a 10 ms search waited a minute behind them.
A request waits at most NEWSDESK_QUEUE_WAIT for a slot, and only as many wait as there are
slots: the rest are refused at once, so a full house answers 503 in about the wait, not a queue.
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections.abc import Iterator

from core.errors import Busy


class AnswerSlots:
    """A counting semaphore with a bounded wait and a bounded waiting room."""

    def __init__(self, slots: int, *, wait: float, retry_after: int) -> None:
        self._free = threading.BoundedSemaphore(slots)
        self._lock = threading.Lock()
        self._waiting = 0
        self._max_waiting = slots
        self.wait = wait
        self.retry_after = retry_after

    def acquire(self) -> None:
        """Take a slot, or raise Busy after the bounded wait (at once when the waiting room is full)."""
        if self._free.acquire(blocking=False):
            return
        with self._lock:
            if self._waiting >= self._max_waiting:
                raise self._busy()
            self._waiting += 1
        try:
            if not self._free.acquire(timeout=self.wait):
                raise self._busy()
        finally:
            with self._lock:
                self._waiting -= 1

    def release(self) -> None:
        self._free.release()

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """A slot for the duration of the block."""
        self.acquire()
        try:
            yield
        finally:
            self.release()

    def _busy(self) -> Busy:
        return Busy(
            f"every answer slot is taken; try again in {self.retry_after} s (search stays available)",
            retry_after=self.retry_after,
        )


def answer_slots(max_inflight: int, *, wait: float, answer_deadline: float) -> AnswerSlots:
    """Slots for one worker; Retry-After is a fraction of the deadline, which bounds how long one is held."""
    return AnswerSlots(max_inflight, wait=wait, retry_after=max(1, math.ceil(answer_deadline / 4)))

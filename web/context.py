"""What a view needs from the running app: the Services that `create_app` built or was given."""

from __future__ import annotations

from flask import current_app

from qa import Services
from web.shedding import AnswerSlots


def services() -> Services:
    """This app's services (store, models, retriever), once start-up has built them (see web/warmup.py).

    During start-up this waits a bounded time, then raises WarmingUp (503 with Retry-After).
    """
    return current_app.extensions["newsdesk"].services()


def answer_slots() -> AnswerSlots:
    """This worker's answer slots (NEWSDESK_MAX_INFLIGHT), shared by every view that answers."""
    return current_app.extensions["newsdesk.answer_slots"]

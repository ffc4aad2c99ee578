"""Answer slots shed load fast; model retries fit inside one deadline; gunicorn's timeout stays above it."""

from __future__ import annotations

import importlib.util
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from core.errors import AnswerDeadlineExceeded, Busy, ModelAuthError, ModelTimeout, ModelUnavailable
from core.openai_client import call_with_retries
from qa.deadline import Deadline
from web.shedding import AnswerSlots

ROOT = Path(__file__).resolve().parent.parent


def test_a_request_past_the_slots_waits_the_bounded_time_then_is_busy():
    slots = AnswerSlots(1, wait=0.2, retry_after=7)
    slots.acquire()
    started = time.monotonic()
    with pytest.raises(Busy) as busy:
        slots.acquire()
    assert 0.2 <= time.monotonic() - started < 1.0 and busy.value.retry_after == 7


def test_a_waiting_request_gets_a_slot_freed_in_time():
    slots = AnswerSlots(1, wait=2.0, retry_after=1)
    slots.acquire()
    threading.Timer(0.1, slots.release).start()
    slots.acquire()  # does not raise


def test_when_the_waiting_room_is_full_the_next_request_is_refused_at_once():
    slots = AnswerSlots(1, wait=5.0, retry_after=1)
    slots.acquire()
    waiting = threading.Thread(target=slots.acquire)  # gets the slot once it is released below
    waiting.start()
    deadline = time.monotonic() + 2
    while slots._waiting == 0 and time.monotonic() < deadline:  # noqa: SLF001 - observing the waiting room
        time.sleep(0.01)
    started = time.monotonic()
    with pytest.raises(Busy):
        slots.acquire()
    assert time.monotonic() - started < 0.5
    slots.release()
    waiting.join()


def test_each_attempt_gets_only_what_is_left_of_the_deadline():
    deadline = Deadline.after(1.0)
    budgets: list[float] = []

    def hangs(timeout: float) -> None:
        budgets.append(timeout)
        time.sleep(timeout)
        raise ModelTimeout("no reply")

    started = time.monotonic()
    with pytest.raises(AnswerDeadlineExceeded):
        call_with_retries(hangs, what="model", timeout=30.0, max_retries=5, remaining=deadline.remaining)
    assert time.monotonic() - started < 1.5
    assert budgets[0] <= 1.0 and all(b <= 1.0 for b in budgets)


def test_a_rejected_key_is_not_retried():
    calls: list[float] = []

    def rejected(timeout: float) -> None:
        calls.append(timeout)
        raise ModelAuthError("bad key")

    with pytest.raises(ModelAuthError):
        call_with_retries(rejected, what="model", timeout=5.0, max_retries=3)
    assert len(calls) == 1


def test_an_unreachable_model_is_retried_while_time_allows():
    calls: list[float] = []

    def unreachable(timeout: float) -> str:
        calls.append(timeout)
        if len(calls) < 2:
            raise ModelUnavailable("down")
        return "ok"

    assert call_with_retries(unreachable, what="model", timeout=5.0, max_retries=2) == "ok"
    assert len(calls) == 2


def load_gunicorn_conf(monkeypatch, **env: str):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("gunicorn_conf_under_test", ROOT / "gunicorn.conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_the_worker_timeout_follows_a_long_answer_deadline(monkeypatch):
    conf = load_gunicorn_conf(monkeypatch, NEWSDESK_ANSWER_DEADLINE="200")
    assert conf.timeout > 200
    conf.on_starting(SimpleNamespace(cfg=SimpleNamespace(timeout=conf.timeout, workers=1)))  # does not raise


def test_a_worker_timeout_an_answer_could_outlast_stops_start_up(monkeypatch):
    conf = load_gunicorn_conf(monkeypatch, NEWSDESK_ANSWER_DEADLINE="45")
    with pytest.raises(SystemExit, match="NEWSDESK_ANSWER_DEADLINE"):
        conf.on_starting(SimpleNamespace(cfg=SimpleNamespace(timeout=50, workers=1)))


def test_the_request_line_limit_fits_the_longest_question_in_any_script(monkeypatch):
    conf = load_gunicorn_conf(monkeypatch, NEWSDESK_MAX_QUESTION_CHARS="1000")
    assert conf.worker_class.max_request_line >= len("GET /api/v1/search?q=" + "%F0%9F%98%80" * 1000 + "&top_k=20 HTTP/1.1")
    assert conf.limit_request_line == 0

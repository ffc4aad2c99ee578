"""The real app with the fake embedder, for tests that run Newsdesk as a separate server process.

    gunicorn --config gunicorn.conf.py "tests.fake_server:create_app()"

Configuration comes from the environment as in production; only the embedder is swapped (and
the relevance thresholds set for it, as tests/conftest.py does), through create_app's `build`.
"""

from __future__ import annotations

import os

from flask import Flask

from core import Settings
from qa import Services, build_services
from tests.fakes import FakeEmbedder
from web import create_app as create_real_app


def build(settings: Settings) -> Services:
    return build_services(settings, embedder=FakeEmbedder())


def create_app() -> Flask:
    settings = Settings.from_env(os.environ).replace(min_score=0.15, support_similarity=0.3)
    return create_real_app(settings, build=build)

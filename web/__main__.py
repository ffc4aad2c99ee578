"""`python -m web`: the development server (use gunicorn in production, see the README)."""

from __future__ import annotations

import os

from core.settings import Settings
from web import create_app

if __name__ == "__main__":
    settings = Settings.from_env(os.environ)
    create_app(settings).run(host=settings.host, port=settings.port, threaded=True)

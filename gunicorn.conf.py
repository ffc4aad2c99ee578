"""Gunicorn settings for `make serve` (gunicorn reads ./gunicorn.conf.py on its own).

HOST, PORT and WORKERS come from the environment, as the Makefile passes them.
"""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
workers = int(os.environ.get("WORKERS", "1"))
threads = 4
timeout = 120


def on_starting(server):  # noqa: ANN001 - gunicorn's hook signature
    """Refuse several workers on the embedded store before any starts (each would open it as a writer)."""
    if server.cfg.workers > 1 and not os.environ.get("CHROMA_URL", "").strip():
        server.log.error(
            "refusing to start %d workers on the embedded Chroma store: it allows one writing process. "
            "Run a Chroma server (`make chroma`, or `chroma run --path var/chroma-server --port 8000`) and set "
            "CHROMA_URL=http://127.0.0.1:8000, or serve with WORKERS=1",
            server.cfg.workers,
        )
        raise SystemExit(3)

"""Gunicorn settings for `make serve` (gunicorn reads ./gunicorn.conf.py on its own).

HOST, PORT and WORKERS come from the environment, as the Makefile passes them.
"""

import math
import os

from core.settings import Settings
from web.worker import HeadBufferingWorker

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
workers = int(os.environ.get("WORKERS", "1"))
# Gunicorn 25+ opens a control socket for `gunicornc` at one path per user ($HOME/.gunicorn), so
# a second server (another port, a benchmark, the test suite's servers) would take it over.
# Newsdesk never uses it.
control_socket_disable = True

# Slow clients, slow models and load shedding (docs/architecture.md, "Slow clients and load"):
# request heads are read on the worker's event loop, so a slow client holds no thread; answers
# hold at most NEWSDESK_MAX_INFLIGHT threads plus as many waiting for a slot, and health and
# search have their own threads. The request line fits any question under the length cap in
# any script (percent-encoded UTF-8 is up to 12 bytes a character); the worker enforces it,
# with a JSON error, so gunicorn's own HTML-answering limit is switched off.
_newsdesk = Settings.from_env(os.environ)
worker_class = HeadBufferingWorker.configured(
    max_request_line=max(8190, _newsdesk.max_question_chars * 12 + 4096),
    max_buffered_body=_newsdesk.max_upload_bytes + 64 * 1024,
)
# Two threads beyond the answers and their waiting room, so a request to shed never waits for one.
threads = 2 * _newsdesk.max_inflight + 2
limit_request_line = 0
keepalive = 5
# gthread's worker timeout is a heartbeat of the event loop, not a per-request limit; it stays
# above the answer deadline anyway so no setting could let a worker be killed mid-answer.
timeout = max(120, math.ceil(_newsdesk.answer_deadline) + 30)


# Metrics across workers (web/metrics.py): prometheus-client's multiprocess mode keeps every
# worker's counts in files in one directory, which /metrics adds up. The variable must be set
# before a worker imports the client, and the directory emptied as the server starts, or a
# previous run's counts would be added in. (No metric is a live gauge, so an exiting worker
# leaves nothing to mark dead: its counts rightly stay in the totals.)
_metrics_dir = os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", os.path.abspath("var/prometheus"))


def _empty_metrics_dir() -> None:
    os.makedirs(_metrics_dir, exist_ok=True)
    for name in os.listdir(_metrics_dir):
        if name.endswith(".db"):
            os.remove(os.path.join(_metrics_dir, name))


def on_starting(server):  # type: ignore[no-untyped-def]
    """Refuse what cannot be served safely: several workers on the embedded store, or a worker
    timeout (e.g. --timeout on the command line) that an answer could outlast."""
    if server.cfg.workers > 1 and not _newsdesk.chroma_url:
        # Each worker would open the embedded store as a writer (docs/architecture.md).
        server.log.error(
            "refusing to start %d workers on the embedded Chroma store: it allows one writing process. "
            "Run a Chroma server (`make chroma`, or `chroma run --path var/chroma-server --port 8000`) and set "
            "CHROMA_URL=http://127.0.0.1:8000, or serve with WORKERS=1",
            server.cfg.workers,
        )
        raise SystemExit(3)
    if server.cfg.timeout <= _newsdesk.answer_deadline + 10:
        raise SystemExit(
            f"gunicorn --timeout {server.cfg.timeout} must exceed NEWSDESK_ANSWER_DEADLINE "
            f"({_newsdesk.answer_deadline:g} s) by more than 10 s"
        )
    _empty_metrics_dir()

"""Gunicorn settings for `make serve` (gunicorn reads ./gunicorn.conf.py on its own).

HOST, PORT and WORKERS come from the environment, as the Makefile passes them.
"""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
workers = int(os.environ.get("WORKERS", "1"))
threads = 4
timeout = 120

# Metrics across workers (web/metrics.py): prometheus-client's multiprocess mode keeps every
# worker's counts in files in one directory, which /metrics adds up. The variable must be set
# before a worker imports the client, and the directory emptied as the server starts, or a
# previous run's counts would be added in. (No metric is a live gauge, so an exiting worker
# leaves nothing to mark dead: its counts rightly stay in the totals.)
_metrics_dir = os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", os.path.abspath("var/prometheus"))


def on_starting(server):
    os.makedirs(_metrics_dir, exist_ok=True)
    for name in os.listdir(_metrics_dir):
        if name.endswith(".db"):
            os.remove(os.path.join(_metrics_dir, name))

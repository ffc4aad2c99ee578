"""Gunicorn settings for `make serve` (gunicorn reads ./gunicorn.conf.py on its own).

HOST, PORT and WORKERS come from the environment, as the Makefile passes them.
"""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
workers = int(os.environ.get("WORKERS", "1"))
threads = 4
timeout = 120

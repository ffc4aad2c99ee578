"""Log lines that carry the request id, as text or as JSON (NEWSDESK_LOG_FORMAT=json).

The request id is stamped onto every log record by a record factory, not a handler filter,
so it reaches every handler (gunicorn's, pytest's) and every library's logger alike.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from flask import g, has_request_context

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"
_installed = False


def current_request_id() -> str:
    """The id of the request being served, or '-' outside a request."""
    return g.get("request_id", "-") if has_request_context() else "-"


def _install_record_factory() -> None:
    global _installed
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        record.request_id = current_request_id()
        return record

    logging.setLogRecordFactory(factory)
    _installed = True


class JSONFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, request_id, message (and the traceback, if any)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(log_format: str) -> None:
    """Install the request-id stamp and one root handler in the chosen format (idempotent)."""
    _install_record_factory()
    formatter: logging.Formatter = JSONFormatter() if log_format == "json" else logging.Formatter(TEXT_FORMAT)
    root = logging.getLogger()
    ours = [h for h in root.handlers if getattr(h, "newsdesk", False)]
    handler = ours[0] if ours else logging.StreamHandler()
    handler.newsdesk = True  # type: ignore[attr-defined]
    handler.setFormatter(formatter)
    if not ours:
        root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)

"""Server-sent events for a streamed answer."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from flask import Response, stream_with_context

from qa import StreamEvent


def sse_response(events: Iterable[StreamEvent]) -> Response:
    """`text/event-stream` of the events, flushed one by one (proxies told not to buffer)."""

    def encode() -> Iterator[str]:
        for event in events:
            yield f"event: {event.event}\ndata: {json.dumps(event.data, ensure_ascii=False)}\n\n"

    response = Response(stream_with_context(encode()), mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"
    return response

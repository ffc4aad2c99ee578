"""The reader's page: the answer to `/?q=...` rendered on the server (no JavaScript needed), with filters.

With JavaScript the page streams answers from /api/v1/ask instead and asks `POST /answer/view`
to render each finished answer with the same template, so both paths show the same thing.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, render_template, request
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from core.errors import InvalidRequest, NewsdeskError
from qa import SearchOptions, answer_question
from web import present
from web.context import services
from web.requests import json_body

blueprint = Blueprint("form", __name__)

FILTER_ARGS = ("source", "published_after", "published_before")


def outlets() -> list[str]:
    """The outlets in the index, for the filter's choice list."""
    lexical = services().retriever.lexical
    try:
        lexical.refresh()
    except NewsdeskError:  # the page still renders (and says what failed) when the store is down
        return []
    return sorted(lexical.sources(), key=str.casefold)


def page_filters(args: MultiDict[str, str]) -> dict[str, Any]:
    """The filters in the page's query string, as the API's `filters` object (empty values dropped)."""
    filters: dict[str, Any] = {}
    chosen = [s.strip() for s in args.getlist("source") if s.strip()]
    if chosen:
        filters["source"] = chosen
    for name in FILTER_ARGS[1:]:
        if args.get(name, "").strip():
            filters[name] = args[name].strip()
    return filters


def page_context(question: str = "", **extra: Any) -> dict[str, Any]:
    """What every render of the page needs: the question, the chosen filters and the outlets to choose from."""
    return {"q": question, "filters": page_filters(request.args), "outlets": outlets(), "present": present, **extra}


@blueprint.get("/")
def index() -> str:
    """The form; with `?q=...` it also shows the answer and its sources, so a link can be shared."""
    question = request.args.get("q", "")
    answer = None
    if question.strip():
        filters = page_filters(request.args)
        options = SearchOptions.parse(
            filters=filters or None, default_mode=services().settings.retrieval_mode, filter_prefix=""
        )
        answer = answer_question(question, services=services(), options=options).to_dict()
    return render_template("index.html", **page_context(question, answer=answer))


@blueprint.post("/answer/view")
def answer_view() -> Response | str:
    """One finished answer (the API's JSON) rendered as the page shows it; used by the page's script."""
    # An answer carries its passages' text twice (passages and citations): more than a question's limit.
    request.max_content_length = services().settings.max_upload_bytes
    body = json_body(request)
    answer, question, turn = body.get("answer"), body.get("question"), body.get("turn")
    if not isinstance(answer, dict) or not isinstance(question, str):
        raise InvalidRequest("send {\"answer\": {...}, \"question\": \"...\", \"turn\": n}")
    if isinstance(turn, bool) or not isinstance(turn, int) or not 1 <= turn <= 1000:
        raise InvalidRequest("'turn' must be a whole number from 1 to 1000", field="turn")
    return render_template("_answer.html", answer=answer, question=question, turn=turn, present=present)


@blueprint.get("/favicon.ico")
def favicon() -> Response:
    """Browsers ask for /favicon.ico whatever the page links; send the SVG icon."""
    return current_app.send_static_file("favicon.svg")


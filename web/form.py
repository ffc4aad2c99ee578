"""The reader's page: a question form whose answer is rendered on the server (no JavaScript needed)."""

from __future__ import annotations

import re

from flask import Blueprint, render_template, request
from markupsafe import Markup, escape

from index.fetch import is_web_address
from qa import answer_question
from qa.models import Answer
from web.context import services

blueprint = Blueprint("form", __name__)

_MARK = re.compile(r"\[(\d{1,4})\]")


@blueprint.get("/")
def index() -> str:
    """The form; with `?q=...` it also shows the answer and its sources, so a link can be shared."""
    question = request.args.get("q", "")
    answer = None
    if question.strip():
        answer = answer_question(question, services=services())
    return render_template("index.html", q=question, answer=answer)


@blueprint.app_template_filter("with_citation_links")
def with_citation_links(text: str, answer: Answer) -> Markup:
    """Text, escaped, with each [n] that the answer cites turned into a link to its source entry."""
    cited = {c.n for c in answer.citations}
    escaped = str(escape(text))

    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return f'<a class="mark" href="#source-{n}">[{n}]</a>' if n in cited else ""

    # Safe: the text is escaped first, and the only markup added holds integers we generated.
    return Markup(_MARK.sub(link, escaped).replace("\n", "<br>\n"))


@blueprint.app_template_filter("http_url")
def http_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a javascript: or data: link is never rendered."""
    if url and is_web_address(url):
        return url
    return None

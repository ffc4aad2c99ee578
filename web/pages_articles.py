"""The collection's pages: `/articles` (list, filter by outlet, search by title, paged) and one article's text and chunks."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, render_template, request

from index.store import StoredArticle, StoredChunk
from web.context import services
from web.form import outlets
from web.present import http_url

blueprint = Blueprint("pages", __name__)

PAGE_SIZE = 20


@dataclass(frozen=True)
class Listing:
    articles: list[StoredArticle]
    total: int
    page: int
    pages: int


def listing(outlet: str, title_words: str, page: int) -> Listing:
    """The articles matching an outlet and words of the title, newest first, one page of them."""
    found = services().index.store.all_articles()
    if outlet:
        found = [a for a in found if a.source.casefold() == outlet.casefold()]
    words = title_words.casefold().split()
    if words:
        found = [a for a in found if all(w in a.title.casefold() for w in words)]
    found.sort(key=lambda a: (a.published_at or "", a.title), reverse=True)
    pages = max(1, -(-len(found) // PAGE_SIZE))
    page = min(max(page, 1), pages)
    return Listing(found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE], len(found), page, pages)


def _page_arg() -> int:
    raw = request.args.get("page", "1")
    return int(raw) if raw.isdigit() and len(raw) < 7 else 1


@blueprint.get("/articles")
def list_articles() -> str:
    """What is indexed: title, outlet and date, a page at a time."""
    outlet = request.args.get("source", "").strip()
    title_words = request.args.get("title", "").strip()[:200]
    found = listing(outlet, title_words, _page_arg())
    return render_template(
        "articles.html", listing=found, outlet=outlet, title_words=title_words, outlets=outlets(), http_url=http_url
    )


def article_text(chunks: list[StoredChunk]) -> str:
    """The article's body put back together from its chunks, which overlap and know where they start."""
    chars = ["\n"] * max((c.start + len(c.text) for c in chunks), default=0)
    for chunk in chunks:
        # What lies between two chunks is whitespace the splitter dropped: a line break reads right.
        chars[chunk.start : chunk.start + len(chunk.text)] = chunk.text
    return "".join(chars)


@blueprint.get("/articles/<article_id>")
def show_article(article_id: str) -> str:
    """One article: its fields, its text, and the chunks the search works on."""
    store = services().index.store
    stored = store.article(article_id) if len(article_id) <= 64 else None
    if stored is None:
        abort(404, description="There is no article with this address. It may have been removed.")
    chunks = store.chunks_of([stored])
    return render_template("article.html", article=stored, chunks=chunks, text=article_text(chunks), http_url=http_url)

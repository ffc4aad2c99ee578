"""Turn an RSS or Atom feed into Articles: each entry's own page, or the entry itself when the
page cannot be had.

A feed lists stories; the full text is on the pages it links to. When a page fails (an error
status, a timeout, too big, no main text, less text than the entry: a paywall) the entry's
content or summary stands in, so a feed still yields what it says about the story; only an
entry with neither becomes a LoadProblem.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import feedparser

from core.errors import SourceError
from index.article_fields import LoadProblem, article_from_fields
from index.fetch import DEFAULT_LIMITS, FetchLimits, fetch, is_web_address
from index.html_pages import article_from_html, fragment_text
from index.models import Article

FEED_MEDIA_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
# After an optional byte-order mark, XML declaration, comments, stylesheet instructions and
# doctype, the root element is <rss>, <feed> (Atom) or <rdf:RDF> (RSS 1.0). One character per
# step, never `\s+` inside the loop, so a page of whitespace cannot make the match backtrack.
_FEED_ROOT = re.compile(rb"(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:[\w.-]+:)?(?:rss|feed|rdf)[\s/>]", re.S | re.I)
_SNIFF_BYTES = 4096
# As in loaders._guard: out-of-range dates and absurd values cost this entry only, never the run.
_UNUSABLE = (SourceError, ValueError, OverflowError, RecursionError)


def looks_like_feed(content: bytes, content_type: str = "") -> bool:
    """True when the server calls it a feed or its root element is <rss>, <feed> or <rdf:RDF>."""
    head = content[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf")
    return content_type.lower() in FEED_MEDIA_TYPES or bool(_FEED_ROOT.match(head))


def articles_from_feed(
    content: bytes,
    *,
    location: str,
    content_type: str = "application/xml",
    default_source: str | None = None,
    limits: FetchLimits = DEFAULT_LIMITS,
) -> Iterator[Article | LoadProblem]:
    """Yield an Article (or a LoadProblem) for each entry of the feed read from `location`.

    `location` also resolves relative entry links; `content_type` is the one the server sent
    (with its charset), which feedparser needs to pick the encoding. A document that is not a
    feed, or a broken one with no entries, yields one LoadProblem.
    """
    parsed = feedparser.parse(
        io.BytesIO(content), response_headers={"content-location": location, "content-type": content_type}
    )
    problem = parsed.get("bozo_exception")
    if not parsed.get("version") and not parsed.entries:
        why = f"{problem}" if problem else "its root element is not <rss>, <feed> or <rdf:RDF>"
        yield LoadProblem(location, f"not an RSS or Atom feed ({why})")
        return
    if not parsed.entries and parsed.bozo:
        yield LoadProblem(location, f"the feed cannot be read: {problem}")
        return
    feed_title = " ".join(str(parsed.feed.get("title") or "").split()) or None
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_article(entry, f"{location}#{number}", feed_title, default_source, limits)


def _entry_article(
    entry: Any, where: str, feed_title: str | None, default_source: str | None, limits: FetchLimits
) -> Article | LoadProblem:
    link = str(entry.get("link") or "").strip()
    known = {
        "title": entry.get("title"),
        "published_at": _entry_date(entry),
        "authors": _entry_authors(entry),
        "source": default_source or feed_title,
    }
    body = fragment_text(_entry_html(entry))
    if not link:
        page_problem = "the entry has no link"
    elif not is_web_address(link):
        page_problem = f"the entry's link {link[:80]!r} is not an http(s) address"
    else:
        where = link
        try:
            page = fetch(link, limits)
            article = article_from_html(page.decoded(), url=page.url, default_source=default_source, fallback=known)
            # A page with less text than the entry itself is a paywall or a consent wall, not the story.
            if len(article.body) >= len(body):
                return article
            page_problem = "the page has less text than the feed entry"
        except _UNUSABLE as exc:
            page_problem = _reason(exc)
    if not body:
        return LoadProblem(where, f"{page_problem}, and the feed entry has no summary or content of its own")
    try:
        return article_from_fields(
            {**known, "body": body, "url": link if is_web_address(link) else None}, default_source=default_source
        )
    except _UNUSABLE as exc:
        return LoadProblem(where, f"{page_problem}, and the feed entry cannot stand in: {_reason(exc)}")


def _reason(exc: Exception) -> str:
    return exc.message if isinstance(exc, SourceError) else f"unreadable value: {type(exc).__name__}: {str(exc)[:120]}"


def _entry_html(entry: Any) -> str:
    # Atom <content> and RSS <content:encoded> usually hold the whole story, <summary> and
    # <description> a teaser; take whichever says most.
    candidates = [str(part.get("value") or "") for part in entry.get("content") or []]
    candidates.append(str(entry.get("summary") or ""))
    return max(candidates, key=len)


def _entry_date(entry: Any) -> datetime | None:
    # feedparser gives both as UTC. Atom requires <updated> but not <published>, so an entry
    # with only the former is dated by it rather than left undated.
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime(*parsed[:6], tzinfo=timezone.utc) if parsed else None


def _entry_authors(entry: Any) -> list[str]:
    names = [str(author.get("name") or "").strip() for author in entry.get("authors") or []]
    names = [name for name in names if name]
    if not names and entry.get("author"):
        names = [str(entry.get("author")).strip()]
    return names

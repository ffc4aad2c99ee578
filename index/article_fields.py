"""Building an Article from loose fields: what the loaders, pages and feeds share.

A news item may lack a title, an outlet or a date; defaults fill them. A field of the wrong kind
is a SourceError naming it, which the caller turns into a LoadProblem for that item alone.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from core.errors import SourceError
from index.fetch import is_web_address
from index.ids import article_id_for, clean_url
from index.models import Article

MAX_TITLE_CHARS = 500
_FIELD_ALIASES = {
    "body": ("body", "text", "content"),
    "published_at": ("published_at", "published", "date"),
    "source": ("source", "outlet"),
    "authors": ("authors", "author"),
}
_HUMAN_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")


@dataclass(frozen=True)
class LoadProblem:
    """Something that could not be read: `location` is `path`, `path:line` or `path#item`."""

    location: str
    reason: str

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


def article_from_fields(fields: object, *, default_source: str | None = None) -> Article:
    """Build an Article from a mapping of fields, with defaults for what a news item may lack."""
    if not isinstance(fields, Mapping):
        raise SourceError(f"an article must be an object with title and body, not {type(fields).__name__}")
    body = _text_field(fields, "body").strip()
    if not body:
        raise SourceError("article has no body text")
    url = _text_field(fields, "url").strip() or None
    if url is not None:
        if not is_web_address(url) or not urlsplit(url).hostname:
            raise SourceError(f"url must be an http(s) address, not {url[:80]!r}")
        url = clean_url(url)
    title = " ".join(_text_field(fields, "title").split()) or _title_from_body(body)
    if len(title) > MAX_TITLE_CHARS:
        title = title[: MAX_TITLE_CHARS - 1] + "…"
    source = " ".join(_text_field(fields, "source").split()) or default_source or _host(url) or "unknown"
    return Article(
        id=article_id_for(url=url, title=title, body=body),
        title=title,
        body=body,
        url=url,
        source=source,
        published_at=parse_date(_raw_field(fields, "published_at")),
        authors=_authors(_raw_field(fields, "authors")),
    )


def _raw_field(fields: Mapping[Any, Any], name: str) -> Any:
    for key in _FIELD_ALIASES.get(name, (name,)):
        if key in fields and fields[key] is not None:
            return fields[key]
    return None


def _text_field(fields: Mapping[Any, Any], name: str) -> str:
    value = _raw_field(fields, name)
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise SourceError(f"{name} must be text, not {type(value).__name__}")


def _title_from_body(body: str) -> str:
    first_line = body.strip().split("\n", 1)[0]
    words = first_line.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


def _authors(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(name.strip() for name in re.split(r",| and ", value) if name.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise SourceError("authors must be a name or a list of names")


def parse_date(value: Any) -> datetime | None:
    """Accept ISO 8601, RFC 2822 and 'March 6, 2023'; a naive time is taken as UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        parsed = _parse_date_text(value.strip())
    else:
        raise SourceError(f"published_at must be a date, not {type(value).__name__}")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    try:
        return parsed.astimezone(timezone.utc)
    except OverflowError:
        raise SourceError(f"published_at {value!s:.40} is out of range") from None


def _parse_date_text(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _HUMAN_DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise SourceError(f"published_at {text[:40]!r} is not a date; use ISO 8601 such as 2023-03-06T14:30:00Z")

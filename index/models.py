"""The knowledge base's domain: an Article and the Chunks it is split into."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from index.ids import normalize_url


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    body: str
    url: str | None = None
    source: str = "unknown"
    published_at: datetime | None = None
    authors: tuple[str, ...] = ()

    @property
    def version(self) -> str:
        """A hash of everything a reader sees, so an edited article is recognised as changed."""
        # The URL in its canonical form: reaching the same story through a tracking link is no change.
        url = normalize_url(self.url) if self.url else None
        payload = json.dumps(
            [self.title, self.body, url, self.source, self.published_iso, list(self.authors)],
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    @property
    def published_iso(self) -> str | None:
        return self.published_at.isoformat().replace("+00:00", "Z") if self.published_at else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published_at": self.published_iso,
            "authors": list(self.authors),
        }


@dataclass(frozen=True)
class Chunk:
    """A piece of an article's body; `start`/`end` are its character offsets in `Article.body`."""

    id: str
    article_id: str
    seq: int
    text: str
    start: int
    end: int

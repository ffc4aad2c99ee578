"""Search filters: which outlets, and which publication dates, a search may return.

One `SearchFilter` is applied inside both searches: as a Chroma `where` clause for the dense
search, and as a mask over the lexical index's own copy of the metadata. Dates are compared
as Unix seconds (`published_ts` in Chroma metadata), because Chroma's range operators work on
numbers only. An article without a publication date never passes a date filter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from core.errors import InvalidRequest

FILTER_FIELDS = ("source", "published_after", "published_before")


@dataclass(frozen=True)
class SearchFilter:
    """Outlet names (any of them; empty means all) and an inclusive publication-time range."""

    sources: tuple[str, ...] = ()
    published_after: datetime | None = None
    published_before: datetime | None = None

    @property
    def is_empty(self) -> bool:
        return not self.sources and self.published_after is None and self.published_before is None

    @property
    def after_ts(self) -> int | None:
        return int(self.published_after.timestamp()) if self.published_after else None

    @property
    def before_ts(self) -> int | None:
        return int(self.published_before.timestamp()) if self.published_before else None

    def where(self) -> dict[str, Any] | None:
        """The Chroma `where` clause for this filter (None when it admits everything)."""
        clauses: list[dict[str, Any]] = []
        if self.sources:
            clauses.append({"source": {"$in": list(self.sources)}})
        if self.after_ts is not None:
            clauses.append({"published_ts": {"$gte": self.after_ts}})
        if self.before_ts is not None:
            clauses.append({"published_ts": {"$lte": self.before_ts}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def with_sources(self, sources: Iterable[str]) -> SearchFilter:
        return SearchFilter(tuple(sources), self.published_after, self.published_before)

    def to_dict(self) -> dict[str, Any]:
        def iso(moment: datetime | None) -> str | None:
            return moment.isoformat().replace("+00:00", "Z") if moment else None

        return {
            "source": list(self.sources),
            "published_after": iso(self.published_after),
            "published_before": iso(self.published_before),
        }

    @classmethod
    def parse(cls, raw: object, *, prefix: str = "filters.") -> SearchFilter:
        """A filter from a request's JSON object (or query parameters), or InvalidRequest naming the field.

        `source` is an outlet name or a list of them; `published_after` / `published_before` are
        ISO 8601 dates or date-times, both ends inclusive (a bare date before means the end of that day).
        """
        if raw is None:
            return cls()
        if not isinstance(raw, Mapping):
            raise InvalidRequest("'filters' must be an object such as {\"source\": \"Ledger Daily\"}", field="filters")
        unknown = sorted(set(raw) - set(FILTER_FIELDS))
        if unknown:
            raise InvalidRequest(
                f"unknown filter {unknown[0]!r}; filters are {', '.join(FILTER_FIELDS)}", field=f"{prefix}{unknown[0]}"
            )
        sources = _sources(raw.get("source"), field=f"{prefix}source")
        after = _moment(raw.get("published_after"), field=f"{prefix}published_after", end_of_day=False)
        before = _moment(raw.get("published_before"), field=f"{prefix}published_before", end_of_day=True)
        if after and before and after > before:
            raise InvalidRequest("'published_after' is later than 'published_before'", field=f"{prefix}published_after")
        return cls(sources, after, before)


def _sources(value: object, *, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values or not all(isinstance(v, str) and v.strip() for v in values):
        raise InvalidRequest("'source' must be an outlet name or a non-empty list of them", field=field)
    if len(values) > 50:
        raise InvalidRequest("'source' may name at most 50 outlets", field=field)
    return tuple(dict.fromkeys(v.strip() for v in values))


def _moment(value: object, *, field: str, end_of_day: bool) -> datetime | None:
    if value is None:
        return None
    name = field.rsplit(".", 1)[-1]
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequest(f"'{name}' must be an ISO 8601 date such as 2023-03-06", field=field)
    text = value.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            moment = datetime.combine(day, time.min, tzinfo=UTC)
            # "before 2023-03-06" reads as "up to the end of that day".
            return moment + timedelta(days=1, seconds=-1) if end_of_day else moment
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidRequest(
            f"'{name}' must be an ISO 8601 date or date-time such as 2023-03-06 or 2023-03-06T12:00:00Z, not {text[:40]!r}",
            field=field,
        ) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)

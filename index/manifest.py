"""The manifest protocol: which version of each article is published, and who changed what when.

Three small collections sit beside the chunks:
- `<name>__manifest`: one entry per article naming its published version; switching an entry
  is what makes a new version visible, in one step;
- `<name>__state`: one record whose token changes on every publish or delete, so another
  process can tell with one small read that it is behind;
- `<name>__changes`: a log of (article id, time) written after each manifest change, so a
  process that is behind reads only what changed since it last looked instead of the whole
  manifest (a full read is seconds at 100,000 chunks; one new article should cost milliseconds).
  Entries older than CHANGE_RETENTION are pruned; a reader further behind than that reads
  everything again.

Chroma stores no vector-less records, so each entry carries the vector [1.0]; none is searched.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from index.connection import guarded
from index.models import Article
from index.records import StoredArticle, manifest_metadata, stored_article

CHANGE_RETENTION = 3600.0
# A change is logged with its writer's clock a moment before it commits; readers look back this far.
CLOCK_MARGIN = 10.0
EVERYTHING = "*"
_PAGE = 500


class Manifest:
    """Published versions of a collection's articles, with a generation token and a change log."""

    def __init__(self, client: Any, collection: str, location: str) -> None:
        self._client, self._name, self._location = client, collection, location
        self.local_changes = 0
        self._entries, self._state, self._changes = self._open()
        self._batch = max(1, int(self._guard("open", lambda: client.get_max_batch_size())))

    def _open(self) -> tuple[Any, Any, Any]:
        return tuple(  # type: ignore[return-value]
            self._guard("open", lambda n=name: self._client.get_or_create_collection(n, embedding_function=None))
            for name in self.collection_names[1:]
        )

    @property
    def collection_names(self) -> tuple[str, str, str, str]:
        """The chunk collection's name and the three beside it."""
        return (self._name, f"{self._name}__manifest", f"{self._name}__state", f"{self._name}__changes")

    def _guard(self, action: str, call: Any) -> Any:
        return guarded(self._location, action, call)

    def get(self, article_ids: Iterable[str]) -> dict[str, StoredArticle]:
        """The entries of these articles (those published), by id."""
        found: dict[str, StoredArticle] = {}
        unique = sorted(set(article_ids))
        for start in range(0, len(unique), _PAGE):
            batch = unique[start : start + _PAGE]
            result = self._guard("read", lambda batch=batch: self._entries.get(ids=batch, include=["metadatas"]))
            found.update({aid: stored_article(aid, meta) for aid, meta in zip(result["ids"], result["metadatas"])})
        return found

    def page(self, *, limit: int, offset: int) -> list[StoredArticle]:
        """Entries in the store's order."""
        found = self._guard("read", lambda: self._entries.get(include=["metadatas"], limit=limit, offset=offset))
        return [stored_article(aid, meta) for aid, meta in zip(found["ids"], found["metadatas"])]

    def all(self) -> list[StoredArticle]:
        """Every entry, read a page at a time."""
        page, offset, everything = 1000, 0, []
        while batch := self.page(limit=page, offset=offset):
            everything.extend(batch)
            offset += page
        return everything

    def count(self) -> int:
        return self._guard("count", lambda: self._entries.count())

    def write(self, entries: Sequence[tuple[Article, int]], *, clean: bool, visible: bool = True) -> None:
        """Upsert entries; `visible` False when only the bookkeeping flag changes (no reader needs to know)."""
        if not entries:
            return
        for start in range(0, len(entries), self._batch):
            part = entries[start : start + self._batch]
            self._guard(
                "write the manifest",
                lambda part=part: self._entries.upsert(
                    ids=[a.id for a, _ in part],
                    embeddings=[[1.0]] * len(part),
                    metadatas=[manifest_metadata(a, n, clean=clean) for a, n in part],
                ),
            )
        if visible:
            self.announce([a.id for a, _ in entries])

    def delete(self, article_id: str) -> None:
        self._guard("delete", lambda: self._entries.delete(ids=[article_id]))
        self.announce([article_id])

    def announce(self, article_ids: Sequence[str]) -> None:
        """Log that these articles changed, then change the generation token (in that order: see `changes_since`)."""
        now = time.time()
        self._guard(
            "log the change",
            lambda: self._changes.upsert(
                ids=[uuid.uuid4().hex for _ in article_ids],
                embeddings=[[1.0]] * len(article_ids),
                metadatas=[{"article_id": aid, "at": now} for aid in article_ids],
            ),
        )
        self._guard("prune the change log", lambda: self._changes.delete(where={"at": {"$lt": now - CHANGE_RETENTION}}))
        self.local_changes += 1
        token = uuid.uuid4().hex
        self._guard(
            "write the state", lambda: self._state.upsert(ids=["generation"], embeddings=[[1.0]], metadatas=[{"token": token}])
        )

    def generation(self) -> str:
        """A token that changes whenever any article is published, replaced or deleted (by any process)."""
        found = self._guard("read", lambda: self._state.get(ids=["generation"], include=["metadatas"]))
        return str(found["metadatas"][0]["token"]) if found["ids"] else ""

    def changes_since(self, since: float) -> set[str] | None:
        """Ids of articles changed at or after `since` (wall clock); None when the log may not reach back that far.

        The token is written after the log, so a reader that saw a token also finds every log
        entry written before it; a reader may see an entry twice, which costs a comparison only.
        """
        if time.time() - since > CHANGE_RETENTION - CLOCK_MARGIN:
            return None
        found = self._guard(
            "read the change log", lambda: self._changes.get(where={"at": {"$gte": since - CLOCK_MARGIN}}, include=["metadatas"])
        )
        changed = {str(meta["article_id"]) for meta in found["metadatas"]}
        return None if EVERYTHING in changed else changed

    def reset(self) -> None:
        """Drop every entry and the log; readers elsewhere are told to read everything again."""
        for name in self.collection_names[1:]:
            self._guard("reset", lambda name=name: self._client.delete_collection(name))
        self._entries, self._state, self._changes = self._open()
        self.announce([EVERYTHING])

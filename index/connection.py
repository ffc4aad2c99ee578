"""Opening Chroma: an HttpClient when CHROMA_URL is set, else a PersistentClient at CHROMA_PATH."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from core.errors import NewsdeskError, StoreUnavailable
from core.settings import Settings

T = TypeVar("T")
# What Chroma 1.5 says when its local HNSW files were torn by a killed writer (chroma-core/chroma#7678).
_DAMAGED = re.compile(r"apply logs to the hnsw|loading hnsw index|hnsw segment (reader|writer)", re.IGNORECASE)


def open_chroma_client(settings: Settings) -> Any:
    """A Chroma client for `settings`; StoreUnavailable (naming the place, never a credential) if it fails."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    # Chroma's telemetry would phone home; Newsdesk runs offline.
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        parts = urlsplit(settings.chroma_url)
        connect: Callable[[], Any] = lambda: chromadb.HttpClient(  # noqa: E731
            host=parts.hostname, port=parts.port or (443 if parts.scheme == "https" else 8000), ssl=parts.scheme == "https",
            settings=chroma_settings,
        )
    else:
        path = Path(settings.chroma_path)
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(f"cannot create the Chroma folder {path}: {exc.strerror}; set CHROMA_PATH") from None
        connect = lambda: chromadb.PersistentClient(path=str(path), settings=chroma_settings)  # noqa: E731
    try:
        return connect()
    except Exception as exc:
        raise StoreUnavailable(f"cannot open the Chroma store at {store_location(settings)}: {exc}") from exc


def store_location(settings: Settings) -> str:
    """Where the store is, fit for messages and logs: the folder, or the server's URL without credentials."""
    if not settings.chroma_url:
        return str(settings.chroma_path)
    parts = urlsplit(settings.chroma_url)
    host = f"{parts.hostname}:{parts.port}" if parts.port else (parts.hostname or "")
    return f"{parts.scheme}://{host}{parts.path}"


def guarded(location: str, action: str, call: Callable[[], T]) -> T:
    """Run a Chroma call, turning any failure but Newsdesk's own into StoreUnavailable."""
    try:
        return call()
    except NewsdeskError:
        raise
    except Exception as exc:
        if _DAMAGED.search(str(exc)):
            # Chroma rewrites its local HNSW files in place; a process killed mid-write can leave
            # them unreadable, and no later write repairs them (index/vector_tables.py).
            raise StoreUnavailable(
                f"Chroma's vector index at {location} is damaged ({exc}); this follows a process killed while"
                " writing it. Run `python -m index reset --yes` (or set CHROMA_PATH to a new folder) and ingest the articles again"
            ) from exc
        raise StoreUnavailable(f"Chroma store at {location} failed to {action}: {exc}") from exc

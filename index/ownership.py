"""Who writes an embedded store: one process at a time, and the serving one while a server runs.

Chroma's embedded PersistentClient is not safe for two writing processes on one folder, and a
process does not see vectors another one added (its index is cached per path): a server beside
a CLI ingest answered "Error finding id" and missed new articles until restarted. So:

- a process that writes the folder first takes an exclusive lock on a file inside it
  (`fcntl.flock`, released by the kernel when the process ends, even after `kill -9`);
- a server holding the lock also leaves a handoff file beside it (its loopback URL and a
  random credential, mode 0600, removed at exit), so `python -m index ingest|delete|stats`
  can hand its work to the server over the articles API instead of opening the store;
- with nobody holding the lock, the CLI takes it and writes directly, and a server starting
  meanwhile is refused with a message saying what to do.

A Chroma server (CHROMA_URL, `make chroma`) needs none of this: it is built for many clients.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from core.errors import StoreBusy, StoreUnavailable

LOCK_FILE = "newsdesk.lock"
HANDOFF_FILE = "newsdesk-server.json"


@dataclass(frozen=True)
class Handoff:
    """How to reach the server that holds the store: its loopback URL and a credential only it issued."""

    url: str
    token: str
    pid: int

    @classmethod
    def load(cls, path: Path) -> Handoff | None:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(url=str(raw["url"]), token=str(raw["token"]), pid=int(raw["pid"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None


class StoreLock:
    """The exclusive right to write the embedded store in folder `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / LOCK_FILE
        self.handoff_path = self.folder / HANDOFF_FILE
        self._fd: int | None = None
        self._handoff: Handoff | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, role: str) -> bool:
        """Take the lock for this process (`role` says who, for other processes' messages); False if taken."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StoreUnavailable(f"cannot lock the Chroma folder {self.folder}: {exc.strerror}; set CHROMA_PATH") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{role} (pid {os.getpid()})\n".encode())
        self._fd = fd
        return True

    def holder(self) -> str:
        """Who holds the lock, as its holder described itself."""
        with contextlib.suppress(OSError):
            return self.path.read_text(encoding="utf-8").strip() or "another process"
        return "another process"

    def publish_handoff(self, url: str) -> Handoff:
        """Write the handoff file for this (serving) process; only the owner can read it."""
        handoff = Handoff(url=url, token=secrets.token_urlsafe(32), pid=os.getpid())
        partial = self.handoff_path.with_suffix(".tmp")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"url": handoff.url, "token": handoff.token, "pid": handoff.pid}, out)
        os.replace(partial, self.handoff_path)
        self._handoff = handoff
        return handoff

    def handoff(self) -> Handoff | None:
        """The live server's handoff, if the lock's holder left one."""
        found = Handoff.load(self.handoff_path)
        return found if found is not None and f"(pid {found.pid})" in self.holder() else None

    def release(self) -> None:
        """Remove this process's handoff file and give the lock up."""
        if self._handoff is not None and Handoff.load(self.handoff_path) == self._handoff:
            with contextlib.suppress(OSError):
                self.handoff_path.unlink()
        self._handoff = None
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def busy_message(lock: StoreLock, doing: str) -> str:
    """Why `doing` cannot go ahead on a locked store, and what to do instead."""
    return (
        f"cannot {doing}: {lock.holder()} is writing the embedded Chroma store at {lock.folder}. "
        "Wait for it to finish or stop it; for several processes or workers run a Chroma server "
        "(`make chroma`) and set CHROMA_URL=http://127.0.0.1:8000 for every process"
    )


def require_lock(lock: StoreLock, role: str, doing: str) -> None:
    """Take the lock or raise StoreBusy explaining who has it."""
    if not lock.acquire(role):
        raise StoreBusy(busy_message(lock, doing))

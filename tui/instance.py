"""Notices when a second app window opens the same library.

The first app holds an flock on `.cache/app.lock` for as long as it runs (the kernel drops it if
the app dies, so a crash leaves nothing stale) and writes its pid into it. A second app finds the
lock taken and tells its user. Both keep working: every write to the library (articles, tags,
reading state) is atomic and made under the library's writer lock, and each window re-reads
what it shows, so two windows never corrupt each other's data.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class InstanceLock:
    def __init__(self, cache_dir: Path):
        self.path = Path(cache_dir) / "app.lock"
        self._fd: int | None = None
        self.other_pid: int | None = None

    def acquire(self) -> bool:
        """True if this is the only app on the library; otherwise `other_pid` says who else is."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return True  # a read-only library folder: nobody can be writing through an app lock
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.other_pid = _read_pid(fd)
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def message(self) -> str:
        who = f" (process {self.other_pid})" if self.other_pid else ""
        return f"Also open in another Cuttings window{who}; both save safely."


def _read_pid(fd: int) -> int | None:
    try:
        return int(os.pread(fd, 32, 0).decode().strip() or 0) or None
    except (OSError, ValueError):
        return None


def claim_library(app) -> InstanceLock:
    """Take the library for this app, or tell the user (header and a notification) that
    another window has it too."""
    lock = InstanceLock(app.library.cache_dir)
    if not lock.acquire():
        app.title += " · also open in another window"
        app.notify(lock.message(), title="Shared library", severity="warning", timeout=5, markup=False)  # the header keeps saying it
    return lock

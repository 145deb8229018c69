"""Safe file writes and the library's writer lock.

Every write is atomic (temp file in the same folder, fsync, rename), so a crash leaves either
the old file or the new one, never half of either. Writers that read-modify-write a shared file
hold the library lock, so the app and a script writing at once lose nothing.
"""

from __future__ import annotations

import errno
import fcntl
import os
import tempfile
import time
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Iterator


_UMASK = os.umask(0)
os.umask(_UMASK)


class LockTimeout(RuntimeError):
    """Another process held the library lock for longer than we were willing to wait."""


def atomic_write(
    path: Path, data: str | bytes, tmp_dir: Path | None = None, sync_dir: bool = True, durable: bool = True
) -> None:
    """Replace `path` with `data` all at once. `tmp_dir` (same file system) holds the temp file
    when the target folder is large: creating a file in a folder of many thousands is slow.
    A batch of writes into one folder may pass `sync_dir=False` and call `fsync_dir` once.
    Derived data (caches) passes `durable=False`: still all-or-nothing, but no fsync, since a
    cache lost to a power cut is recomputed and an fsync per file costs the disk's latency."""
    path = Path(path)
    try:
        _write_and_rename(path, data, tmp_dir, durable)
    except OSError as exc:
        raise write_error(path, exc) from exc
    if durable and sync_dir:
        fsync_dir(path.parent)


def _write_and_rename(path: Path, data: str | bytes, tmp_dir: Path | None, durable: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if tmp_dir is not None:
        Path(tmp_dir).mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=tmp_dir or path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp makes 0600; a library file is an ordinary file
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with _ignore_missing():
            os.unlink(tmp)
        raise


class WriteError(OSError):
    """A file could not be written (a full disk, a read-only folder); says which, in one line."""

    def __str__(self) -> str:
        return f"cannot write {self.filename}: {_reason(self)}"


def write_error(path: Path | str, exc: OSError) -> WriteError:
    """`exc` (from writing `path` or a file in it) as a WriteError naming `path`."""
    if isinstance(exc, WriteError):
        return exc
    return WriteError(exc.errno, exc.strerror or str(exc), str(path))


# Failures that can only come from writing, whatever the operation was
_WRITING = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG}


def explain(exc: OSError) -> str:
    """One line for a failed file operation: "cannot write F: no space left on device"."""
    if isinstance(exc, WriteError):
        return str(exc)
    verb = "cannot write" if exc.errno in _WRITING else "cannot use"
    where = f" {exc.filename}" if exc.filename else ""
    return f"{verb}{where}: {_reason(exc)}"


def _reason(exc: OSError) -> str:
    text = exc.strerror or (os.strerror(exc.errno) if exc.errno else "") or type(exc).__name__
    return text[:1].lower() + text[1:]


def fsync_dir(folder: Path) -> None:
    """Make the rename itself durable."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def _ignore_missing() -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        if exc.errno != errno.ENOENT:
            raise


@contextmanager
def file_lock(lock_path: Path, timeout: float = 10.0) -> Iterator[None]:
    """An exclusive advisory lock (flock) that the kernel drops if the holder dies,
    so a killed process never leaves a stale lock behind. The holder writes its process id
    into the file, so whoever waits in vain can say which process to look at."""
    lock_path = Path(lock_path)
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(f"{lock_path.parent}: {_holder(fd)} is writing this library; try again") from None
                time.sleep(0.02)
        with suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _holder(fd: int) -> str:
    try:
        pid = int(os.pread(fd, 32, 0).decode("ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        return "another cuttings process"
    return f"another cuttings process (pid {pid})"


LEFTOVER_AGE = 15 * 60  # seconds: a temp file this old belongs to a write that was killed


def sweep_leftovers(*folders: Path, age: float = LEFTOVER_AGE) -> None:
    """Delete temp files (`.NAME.XXXX.tmp`) that killed writes left in these folders. Only old
    ones: a young one may be another process's write in progress."""
    cutoff = time.time() - age
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if not (entry.name.startswith(".") and entry.name.endswith(".tmp")):
                continue
            with suppress(OSError):
                if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                    os.unlink(entry.path)

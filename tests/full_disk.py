"""Run `cuttings` on a disk that is full below one folder, for tests: `python -m tests.full_disk
FOLDER CUTTINGS-ARGS...`. Creating a file there still works but writing a byte to it raises
ENOSPC, as on a full disk (a real one needs a small file system, which needs root to mount).
Only this child process is affected; the test's own files are written normally."""

from __future__ import annotations

import builtins
import errno
import io
import os
import sys

FULL = os.path.realpath(sys.argv[1])


class FullDiskFile:
    """A file open for writing on the full disk: every write fails, the rest is the file's."""

    def __init__(self, handle):
        self._handle = handle

    def write(self, data):
        if len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return 0

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._handle.close()

    def __iter__(self):
        return iter(self._handle)

    def __getattr__(self, name):
        return getattr(self._handle, name)


def _on_full_disk(where, mode) -> bool:
    if not any(flag in mode for flag in "wax+"):
        return False
    if isinstance(where, int):
        where = os.readlink(f"/proc/self/fd/{where}")
    path = os.path.realpath(os.fspath(where))
    return path == FULL or path.startswith(FULL + os.sep)


def _wrapping(opener):
    def opened(file, mode="r", *args, **kwargs):
        handle = opener(file, mode, *args, **kwargs)
        return FullDiskFile(handle) if _on_full_disk(file, mode) else handle

    return opened


def _write(fd, data, _write=os.write):
    if len(data) and _on_full_disk(fd, "w"):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return _write(fd, data)


builtins.open = io.open = _wrapping(io.open)
os.fdopen = _wrapping(os.fdopen)
os.write = _write

if __name__ == "__main__":
    from tui.cli import main

    sys.exit(main(sys.argv[2:]))

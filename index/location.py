"""Where the index lives: `<library>/.index/current`, a symbolic link to one finished build.

A rebuild writes a whole new index into a fresh `build-*` folder and then swaps the link in one
atomic rename, so searches keep working during a rebuild, and a rebuild that is killed half way
leaves the previous index in place instead of a half-filled one. Folders of abandoned builds
(their process is gone) are removed the next time a build starts.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path


class IndexLocation:
    def __init__(self, library_root: Path):
        self.base = Path(library_root) / ".index"
        self.link = self.base / "current"

    def current(self) -> Path | None:
        """The folder of the index in use, or None when there is none."""
        if self.link.is_symlink() and self.link.is_dir():
            return self.link.resolve()
        return None

    def new_build(self) -> Path:
        self.base.mkdir(parents=True, exist_ok=True)
        self.remove_abandoned()
        folder = self.base / f"build-{time.time_ns()}-{os.getpid()}"
        folder.mkdir()
        return folder

    def publish(self, folder: Path) -> None:
        """Make `folder` the index in use, then delete the builds it replaces."""
        temporary = self.base / f".link-{os.getpid()}"
        if temporary.is_symlink():
            temporary.unlink()
        temporary.symlink_to(folder.name)
        if self.link.is_dir() and not self.link.is_symlink():  # a folder put in the link's place
            shutil.rmtree(self.link)
        os.replace(temporary, self.link)
        for other in self.base.iterdir():
            if other != folder and other.name.startswith("build-") and not _builder_alive(other):
                shutil.rmtree(other, ignore_errors=True)

    def build_running(self) -> bool:
        """Is a rebuild writing a new index now? What changes meanwhile must wait for it."""
        current = self.current()
        try:
            folders = list(self.base.iterdir())
        except OSError:
            return False
        return any(f.name.startswith("build-") and (current is None or f.name != current.name)
                   and (f.name.endswith(f"-{os.getpid()}") or _builder_alive(f)) for f in folders)

    def remove_abandoned(self) -> None:
        """Delete builds whose process is gone, and files of older index layouts."""
        current = self.current()
        for other in self.base.iterdir():
            if other == self.link or other == current or (other.name.startswith("build-") and _builder_alive(other)):
                continue
            if other.is_dir() and not other.is_symlink():
                shutil.rmtree(other, ignore_errors=True)
            else:
                other.unlink(missing_ok=True)

    def remove_all(self) -> None:
        """Delete everything here (a layout this version does not know); the index is derived data."""
        if self.base.is_symlink() or self.base.is_file():
            self.base.unlink()
        elif self.base.exists():
            shutil.rmtree(self.base, ignore_errors=True)


def _builder_alive(folder: Path) -> bool:
    """Is the process that is writing this build folder still running (other than us)?"""
    try:
        pid = int(folder.name.rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

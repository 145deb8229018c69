"""The app's one search index, shared by the search screen, the reindex job and whatever
keeps the index in step (tags, imports, files edited by hand), so a process opens it once.

It opens on first use, off the UI thread (opening may build or repair it). Until then, a
change to the library goes through `index.sync`, which opens and closes the index itself.
"""

from __future__ import annotations

import threading

from index import SearchIndex, open_index

from .sync import app_changed, not_updated


class LibrarySearch:
    def __init__(self, library) -> None:
        self.library = library
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()
        self._told = 0  # how many of the index's notices were handed out

    def index(self) -> SearchIndex:
        """The open index (opened, and built or repaired if need be, on the first call)."""
        with self._lock:
            if self._index is None:
                self._index = open_index(self.library)
            return self._index

    def notices(self) -> list[str]:
        """What opening, repairing or updating the index has to say that was not said yet."""
        with self._lock:
            said = self._index.notices[self._told :] if self._index else []
            self._told += len(said)
            return said

    def sync(self, changed=(), removed=()) -> list[str]:
        """After articles changed: the index takes them in (and the library's backlog)."""
        with self._lock:
            opened = self._index
        if opened is None:
            return app_changed(self.library, changed, removed)
        try:
            opened.update(changed, removed)
        except OSError as exc:  # the change is saved; the next `check --fix` or rebuild indexes it
            return [*self.notices(), not_updated(exc)]
        return self.notices()

    def rebuild(self, progress=None) -> int:
        """A new index from the article files; the number of articles in it."""
        return self.index().rebuild(progress=progress)

    def close(self) -> None:
        with self._lock:
            if self._index is not None:
                self._index.close()
                self._index = None

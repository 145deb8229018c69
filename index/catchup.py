"""Bringing the index in use up to date with the library's backlog of changed articles.

Writers list each changed article in the backlog (library/backlog.py) before writing it, so
the index never depends on the writer living long enough to update it. Whoever next updates
the index takes in the whole backlog, and drops from it only what reached the index in use:
not while a rebuild runs (the new index may have read an article before it changed; the
rebuild catches up after its swap), and not if the index was replaced meanwhile.

The backlog is read under the library lock: a writer holds it from listing an id until its
write is done, so every listed article is on disk in its new state when it is indexed.
"""

from __future__ import annotations

from typing import Iterable

from whoosh import index as whoosh_index

from library.backlog import Snapshot
from library.fileio import LockTimeout

from .documents import DocumentMaker
from .location import IndexLocation
from .writer import BUSY, update

def backlog_now(library) -> Snapshot | None:
    """The backlog with every write it lists finished (None if the library lock is busy)."""
    try:
        with library.lock():
            return library.backlog.snapshot()
    except LockTimeout:
        return None


def catch_up(ix, library, changed: Iterable[str] = (), removed: Iterable[str] = (), maker: DocumentMaker | None = None,
             covered: Snapshot | None = None) -> list[str]:
    """Re-index the backlog and these articles in `ix` (the index in use); returns notices.
    A failed write (a full disk) raises OSError, naming the index folder; the articles stay
    listed, so whichever command comes next takes them in. `covered`: the backlog as it was
    when a rebuild started, whose articles the rebuild read anyway."""
    location = IndexLocation(library.root)
    folder = location.current()
    library.entries()  # a catalogue read now lists the files edited by hand since it was saved
    taken = backlog_now(library)  # None: index what is listed, but drop nothing, a write may be under way
    listed = taken.ids if taken else library.backlog.snapshot().ids
    if taken and covered and taken.raw.startswith(covered.raw):
        listed = Snapshot.of(taken.raw[len(covered.raw):]).ids
    try:
        update(ix, maker or DocumentMaker(library), [*listed, *changed, *removed])
    except whoosh_index.LockError:
        return [BUSY]
    if taken is not None and taken.ids:
        try:
            with library.lock():
                if location.current() == folder and not location.build_running():
                    library.backlog.settle(taken)
        except (LockTimeout, OSError):
            pass  # still listed: the next update takes them in again, which does no harm
    return []


"""Keeping the index in step after the library changed: the one call every writer makes.

Articles added, edited, tagged or removed are re-indexed with whatever earlier commands left
in the library's backlog; a library without an index yet gets one built, so its first search
is quick and nothing is stale.
"""

from __future__ import annotations

from typing import Iterable

from whoosh import index as whoosh_index

from .catchup import catch_up
from .location import IndexLocation
from .repair import Unusable, notice, open_checked, rebuild_if_still_unusable
from .writer import BUSY

BUILT = "search index built ({count} articles)"


def sync(library, changed: Iterable[str] = (), removed: Iterable[str] = ()) -> list[str]:
    """Re-index these articles and the backlog, building the index if there is none; returns
    one-line notices (the index busy, built, repaired). An index that cannot be written (a
    full disk) raises OSError; the change itself is kept in the library."""
    try:
        ix = open_checked(IndexLocation(library.root))
    except Unusable as problem:
        if not library.entries():
            return []
        try:
            ix, rebuilt = rebuild_if_still_unusable(library)
        except whoosh_index.LockError:
            return [BUSY]
        if not rebuilt:
            return catch_up(ix, library, changed, removed)
        built = str(problem) == "was missing"
        return [BUILT.format(count=ix.doc_count()) if built else notice(str(problem), library)]
    return catch_up(ix, library, changed, removed)


def exists(library) -> bool:
    """Whether the library has an index in use (a missing one is built by whoever needs it)."""
    return IndexLocation(library.root).current() is not None

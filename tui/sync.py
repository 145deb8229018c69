"""Keeps derived data (the search index) in step after a command changes the library."""

from __future__ import annotations


def library_changed(library, changed=(), removed=()) -> list[str]:
    """Called after articles are added, edited, tagged or removed: re-indexes those articles
    only, if a search index exists (otherwise the next search builds it). Returns notices."""
    from index.writer import update_if_built

    return update_if_built(library, changed, removed)

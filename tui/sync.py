"""Keeps derived data (the search index) in step after a command changes the library."""

from __future__ import annotations


def library_changed(library, changed=(), removed=()) -> list[str]:
    """Called after articles are added, edited, tagged or removed: re-indexes those articles
    and whatever earlier commands left in the library's backlog, building the index if there
    is none yet. Returns one-line notices (the index busy, built, repaired) to show."""
    from index.catchup import keep_in_step

    return keep_in_step(library, changed, removed)

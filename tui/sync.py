"""Keeps derived data (the search index) in step after a command changes the library."""

from __future__ import annotations


def library_changed(library, changed=(), removed=()) -> None:
    """Called after articles are added, edited or removed. (The index issue fills this in.)"""

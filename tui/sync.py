"""Keeps derived data (the search index) in step after a command changes the library."""

from __future__ import annotations

from .console import CommandError


def library_changed(library, changed=(), removed=()) -> list[str]:
    """Called after articles are added, edited, tagged or removed: re-indexes those articles
    only, if a search index exists (otherwise the next search builds it). Returns notices.
    An index that cannot be written (a full disk) raises OSError; the change itself is kept."""
    from index.writer import update_if_built

    return update_if_built(library, changed, removed)


def not_updated(exc: OSError) -> str:
    """The notice for an index update that failed on a write."""
    from library.fileio import explain

    return f"search index not updated ({explain(exc)}); run `cuttings check --fix`"


def app_changed(library, changed=(), removed=()) -> list[str]:
    """`library_changed` for the app: an index update that fails is one more notice."""
    try:
        return library_changed(library, changed, removed)
    except OSError as exc:  # the change is saved; the next `check --fix` or rebuild indexes it
        return [not_updated(exc)]


def command_changed(library, kept: str, changed=(), removed=()) -> list[str]:
    """`library_changed` for a command whose change is saved: an index update that fails
    fails the command in one line saying what was `kept` ("tag saved")."""
    try:
        return library_changed(library, changed, removed)
    except OSError as exc:
        raise CommandError(f"{kept}; {not_updated(exc)}") from None

"""Keeps derived data (the search index) in step after a command changes the library."""

from __future__ import annotations

from .console import CommandError, error_console


def library_changed(library, changed=(), removed=()) -> list[str]:
    """Called after articles are added, edited, tagged or removed: re-indexes those articles
    and whatever earlier commands left in the library's backlog, building the index if there
    is none yet. Returns one-line notices (the index busy, built, repaired) to show. An index
    that cannot be written (a full disk) raises OSError; the change itself is kept."""
    from index.catchup import keep_in_step

    return keep_in_step(library, changed, removed)


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


def command_changed(library, kept: str, changed=(), removed=()) -> None:
    """`library_changed` for a command whose change is saved: its notices go to stderr, and
    an index update that fails fails the command in one line saying what was `kept`."""
    try:
        notices = library_changed(library, changed, removed)
    except OSError as exc:
        raise CommandError(f"{kept}; {not_updated(exc)}") from None
    for line in notices:
        error_console.print(line, markup=False, soft_wrap=True)

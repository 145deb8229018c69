"""The notices of `index.sync` for the app and for the command line, after a change to the library."""

from __future__ import annotations

from .console import CommandError, error_console


def not_updated(exc: OSError) -> str:
    """The notice for an index update that failed on a write."""
    from library.fileio import explain

    return f"search index not updated ({explain(exc)}); run `cuttings check --fix`"


def app_changed(library, changed=(), removed=()) -> list[str]:
    """`index.sync` for the app: an index update that fails is one more notice."""
    from index import sync

    try:
        return sync(library, changed, removed)
    except OSError as exc:  # the change is saved; the next `check --fix` or rebuild indexes it
        return [not_updated(exc)]


def command_changed(library, kept: str, changed=(), removed=()) -> None:
    """`index.sync` for a command whose change is saved: its notices go to stderr, and
    an index update that fails fails the command in one line saying what was `kept`."""
    from index import sync

    try:
        notices = sync(library, changed, removed)
    except OSError as exc:
        raise CommandError(f"{kept}; {not_updated(exc)}") from None
    for line in notices:
        error_console.print(line, markup=False, soft_wrap=True)

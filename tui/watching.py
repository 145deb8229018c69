"""Article files edited by hand while the app runs reach the list, the tags and the index.

The app trusts its catalogue while the articles folder is unchanged, which an edit in place
does not change; so a worker watches the folder (watchfiles: the platform's own file events,
without polling every file) and, after each batch of changes and once at the start for edits
made while the app was closed, compares every file with the catalogue. What changed goes into
the library's backlog, the index takes it in (tags re-anchor on the way), and the app hears
about it through `LibraryUpdated`.
"""

from __future__ import annotations

import asyncio

from textual.app import App
from textual.worker import Worker
from watchfiles import awatch

import index

from .workers import LibraryUpdated


def start_watching(app: App) -> Worker:
    return app.run_worker(_watch(app), name="watch articles", group="watch", exit_on_error=False)


async def _watch(app: App) -> None:
    library = app.library
    await _settle(app, ())
    library.ensure()
    async for changes in awatch(library.articles_dir, recursive=False, debounce=400):
        ids = tuple(sorted({_article_id(path) for _, path in changes} - {None}))
        if ids:
            await _settle(app, ids)


async def _settle(app: App, ids: tuple[str, ...]) -> None:
    # an import or reindex of the app's own is writing these files: it updates the index when it ends
    own_work = any(w.group == "library" and not w.is_finished for w in app.workers)
    changed, notices = await asyncio.to_thread(_sync, app, not own_work)
    if changed or ids:
        app.post_message(LibraryUpdated(ids))
    for line in notices:
        app.notify(line, markup=False)


def _sync(app: App, index_too: bool) -> tuple[bool, list[str]]:
    """Read changed files again (they go into the backlog) and bring an existing index in
    step (a missing one is built by the first search, not behind the user's first keys).
    Whether the catalogue changed, and the index's notices."""
    library = app.library
    before = library.entries()
    changed = library.verify() != before
    index_too = index_too and index.exists(library)
    return changed, (app.library_search.sync() if index_too and library.backlog.snapshot().ids else [])


def _article_id(path: str) -> str | None:
    name = path.rsplit("/", 1)[-1]
    return name[:-3] if name.endswith(".md") and not name.startswith(".") else None

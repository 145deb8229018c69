"""Import and reindex in thread workers, with a progress bar, so the app keeps answering keys.

The thread only does library and index work; everything it shows goes through
`call_from_thread`. Each failed file becomes its own notification naming the file, and when
the job ends the app gets `LibraryUpdated` with the ids that changed so panes can reload.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Label, ProgressBar
from textual.worker import Worker

from index import open_index
from index.writer import READING
from library.importing import NOT_ARTICLE, count_files, import_paths

from .sync import app_changed


class LibraryUpdated(Message):
    """Articles were added or changed by background work; lists and counts should reload."""

    def __init__(self, changed: tuple[str, ...], show: str | None = None) -> None:
        super().__init__()
        self.changed = changed
        self.show = show  # an article to open once the list has reloaded


class JobProgress(Horizontal):
    """One line above the footer: what runs, how far it is, on which file."""

    DEFAULT_CSS = """
    JobProgress { height: 1; padding: 0 1; background: $boost; }
    JobProgress > Label { width: 1fr; }
    JobProgress > ProgressBar { width: auto; }
    """

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title
        self.label = Label(title, markup=False)
        self.bar = ProgressBar(total=None, show_eta=False)

    def compose(self) -> ComposeResult:
        yield self.label
        yield self.bar

    def step(self, done: int, total: int, detail: str = "") -> None:
        """(Works before the panel is mounted: the job may report first.)"""
        self.bar.update(total=total, progress=done)
        self.label.update(f"{self.title} {done}/{total}" + (f": {detail}" if detail else ""))


def _running(app: App, name: str) -> bool:
    if any(w.name == name and not w.is_finished for w in app.workers):
        app.notify(f"{name.capitalize()} is already running; it shows its progress at the bottom.", timeout=4)
        return True
    return False


def _start(app: App, name: str, title: str, job: Callable[[JobProgress], None]) -> Worker | None:
    """Run `job` in a thread with a progress line on the main screen; None if one runs already."""
    if _running(app, name):
        return None
    panel = JobProgress(title)
    app.screen_stack[0].mount(panel)

    def work() -> None:
        try:
            job(panel)
        except Exception as exc:  # the library is untouched by a failed job; say what happened
            app.call_from_thread(app.notify, f"{title} stopped: {exc}", severity="error", markup=False)
        finally:
            app.call_from_thread(panel.remove)

    return app.run_worker(work, name=name, group="library", thread=True, exit_on_error=False)


def start_import(app: App, library, paths: Sequence[Path]) -> Worker | None:
    """Import files and folders; one notification per bad file, a summary at the end."""

    def job(panel: JobProgress) -> None:
        total = count_files(paths)
        app.call_from_thread(panel.step, 0, total)
        counts: Counter[str] = Counter()
        changed: list[str] = []

        def progress(done: int, path: Path) -> None:
            app.call_from_thread(panel.step, done, total, Path(path).name)

        for outcome in import_paths(library, paths, on_progress=progress):
            counts[outcome.status] += 1
            if outcome.status == "error":
                app.call_from_thread(app.notify, f"{outcome.path}: {outcome.error}", title="Import failed", severity="error", markup=False, timeout=12)
            elif outcome.status in ("imported", "updated"):
                changed.append(outcome.id)
        notices = app_changed(library, changed=changed) if changed else []
        app.call_from_thread(app.post_message, LibraryUpdated(tuple(changed)))
        for line in [_summary(counts), *notices]:
            app.call_from_thread(app.notify, line, title="Import finished", markup=False)

    return _start(app, "import", "Importing", job)


def start_add(app: App, library, request) -> Worker | None:
    """Store what the Add dialog was given, then show it: the list reloads and selects it."""

    def job(panel: JobProgress) -> None:
        from library.importing import import_text

        from .screens.add import PASTED

        app.call_from_thread(panel.step, 0, 1)
        outcomes = list(import_text(library, request.value, PASTED))
        changed = [o.id for o in outcomes if o.status in ("imported", "updated")]
        notices = app_changed(library, changed=changed) if changed else []
        app.call_from_thread(app.post_message, LibraryUpdated(tuple(changed), show=_shown(outcomes)))
        for outcome in outcomes:
            severity = "error" if outcome.status == "error" else "information"
            what = outcome.error if outcome.status == "error" else outcome.title
            app.call_from_thread(app.notify, f"{what}", title=_ADD_TITLES[outcome.status], severity=severity, markup=False)
        for line in notices:
            app.call_from_thread(app.notify, line, markup=False)

    return _start(app, "add", "Saving", job)


_ADD_TITLES = {
    "imported": "Saved",
    "updated": "Saved as a new version",
    "duplicate": "Already in the library",
    "saved": "Links saved to fetch",
    "error": "Not saved",
}


def _shown(outcomes) -> str | None:
    """The article to open after adding: the first one stored or found already there."""
    return next((o.id for o in outcomes if o.id), None)


def start_reindex(app: App, library) -> Worker | None:
    """Rebuild the search index from the article files."""

    def job(panel: JobProgress) -> None:
        index = open_index(library)
        def progress(done: int, total: int, stage: str) -> None:
            app.call_from_thread(panel.step, done, total, "" if stage == READING else stage)

        count = index.rebuild(progress=progress)
        index.close()
        app.call_from_thread(app.notify, f"Search index rebuilt: {count} article{'s' * (count != 1)}.", title="Reindex")

    return _start(app, "reindex", "Reindexing", job)


def _summary(counts: Counter[str]) -> str:
    parts = [f"{counts[s]} {s}" for s in ("imported", "updated", "duplicate") if counts[s]]
    if counts["error"]:
        parts.append(f"{counts['error']} failed")
    if counts["skipped"]:
        parts.append(f"{counts['skipped']} skipped: {NOT_ARTICLE}")
    return ", ".join(parts) or "nothing to import"

"""Import and reindex in thread workers, with a progress bar, so the app keeps answering keys.

The thread only does library and index work; what it shows goes back as messages (its
progress to the panel, `LibraryUpdated` to the app) and notifications, both thread-safe
(tui/background.py). Each failed file becomes its own notification naming the file, and when
the job ends the app gets `LibraryUpdated` with the ids that changed so panes can reload.
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Label, ProgressBar
from textual.worker import Worker

from index import READING
from library.importing import NOT_ARTICLE, count_files, import_paths


class LibraryUpdated(Message):
    """Articles were added or changed by background work; lists and counts should reload."""

    def __init__(self, changed: tuple[str, ...], show: str | None = None, feeds_changed: bool = False) -> None:
        super().__init__()
        self.changed = changed
        self.show = show  # an article to open once the list has reloaded
        self.feeds_changed = feeds_changed  # a feed list on screen reads the feeds again


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
        self.stop = threading.Event()  # set when the panel goes (the app quits): a job may stop early

    def on_unmount(self) -> None:
        self.stop.set()

    def compose(self) -> ComposeResult:
        yield self.label
        yield self.bar

    class Step(Message):
        def __init__(self, done: int, total: int, detail: str) -> None:
            super().__init__()
            self.done, self.total, self.detail = done, total, detail

    class Finished(Message):
        pass

    def step(self, done: int, total: int, detail: str = "") -> None:
        """From the job's thread (also before the panel is mounted: the job may report first)."""
        self.post_message(self.Step(done, total, detail))

    def on_job_progress_step(self, step: Step) -> None:
        self.bar.update(total=step.total, progress=step.done)
        self.label.update(f"{self.title} {step.done}/{step.total}" + (f": {step.detail}" if step.detail else ""))

    def on_job_progress_finished(self) -> None:
        self.remove()


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
            app.notify(f"{title} stopped: {exc}", severity="error", markup=False)
        finally:
            panel.post_message(JobProgress.Finished())

    return app.run_worker(work, name=name, group="library", thread=True, exit_on_error=False)


def start_import(app: App, library, paths: Sequence[Path]) -> Worker | None:
    """Import files and folders; one notification per bad file, a summary at the end."""

    def job(panel: JobProgress) -> None:
        total = count_files(paths)
        panel.step(0, total)
        counts: Counter[str] = Counter()
        changed: list[str] = []

        def progress(done: int, path: Path) -> None:
            panel.step(done, total, Path(path).name)

        for outcome in import_paths(library, paths, on_progress=progress):
            counts[outcome.status] += 1
            if outcome.status == "error":
                app.notify(f"{outcome.path}: {outcome.error}", title="Import failed", severity="error", markup=False, timeout=12)
            elif outcome.status in ("imported", "updated"):
                changed.append(outcome.id)
        notices = app.library_search.sync(changed) if changed else []
        app.post_message(LibraryUpdated(tuple(changed)))
        for line in [_summary(counts), *notices]:
            app.notify(line, title="Import finished", markup=False)

    return _start(app, "import", "Importing", job)


def start_add(app: App, library, request) -> Worker | None:
    """Store what the Add dialog was given (pasted text, or a page fetched by its address),
    then show it: the list reloads and selects it."""

    def job(panel: JobProgress) -> None:
        panel.step(0, 1)
        outcomes = _added(library, request)
        changed = [o.id for o in outcomes if o.status in ("imported", "updated")]
        notices = app.library_search.sync(changed) if changed else []
        app.post_message(LibraryUpdated(tuple(changed), show=_shown(outcomes)))
        for outcome in outcomes:
            severity = "error" if outcome.status == "error" else "information"
            what = outcome.error if outcome.status == "error" else outcome.title or outcome.id
            app.notify(f"{what}", title=_ADD_TITLES[outcome.status], severity=severity, markup=False)
        for line in notices:
            app.notify(line, markup=False)

    return _start(app, "add", "Saving" if request.kind == "text" else "Fetching the page", job)


def _added(library, request) -> list:
    if request.kind == "address":
        from library.web.saving import save_pages

        return list(save_pages(library, [request.value], keep_originals=_keep_originals()))
    from library.importing import import_text

    from .screens.add import PASTED

    return list(import_text(library, request.value, PASTED))


def _keep_originals() -> bool:
    from .config import keep_originals

    return keep_originals()[0]


def start_refresh(app: App, library, names: list[str] | None = None) -> Worker | None:
    """Fetch the feeds (all, or those named) and, with all, the saved links; new articles
    appear in the list unread. One notification per feed or link that failed, then a summary."""

    def job(panel: JobProgress) -> None:
        from library.savedlinks import SavedLinks
        from library.web.later import fetch_saved_links
        from library.web.refresh import refresh_feeds
        from library.web.subscriptions import load_feeds

        feeds = len(names) if names else len(load_feeds(library))
        links = 0 if names else len(SavedLinks(library).pending())
        if not feeds and not links:
            app.notify("No feeds to fetch yet: W opens the Feeds screen, where a follows one.", markup=False)
            return
        new: list[str] = []
        failed = 0

        def on_feed(done: int, total: int, report) -> None:
            nonlocal failed
            new.extend(report.new)
            failed += report.status == "failed"
            panel.step(done, feeds + links, report.name)
            if report.status in ("failed", "gone", "waiting"):
                app.notify(f"{report.name}: {report.error}", title=f"Feed {report.status}", severity="error" if report.status == "failed" else "warning", markup=False, timeout=12)

        def on_link(done: int, total: int, outcome) -> None:
            nonlocal failed
            if outcome.status == "imported":
                new.append(outcome.id)
            failed += outcome.status == "error"
            panel.step(feeds + done, feeds + links, outcome.url)
            if outcome.status == "error":
                app.notify(outcome.error, title="Saved link not fetched", severity="error", markup=False, timeout=12)

        try:
            if feeds:
                refresh_feeds(library, names, keep_originals=_keep_originals(), on_progress=on_feed, stop=panel.stop)
            if links and not panel.stop.is_set():
                fetch_saved_links(library, keep_originals=_keep_originals(), on_progress=on_link, stop=panel.stop)
        finally:
            notices = app.library_search.sync(new) if new else []
            app.post_message(LibraryUpdated(tuple(new), feeds_changed=True))
            summary = f"{len(new)} new article{'s' * (len(new) != 1)}" + (f", {failed} failed" if failed else "")
            for line in [summary, *notices]:
                app.notify(line, title="Fetch finished", markup=False)

    return _start(app, "fetch", "Fetching", job)


def start_follow(app: App, library, url: str) -> Worker | None:
    """Follow a feed given its address or a page linking to it (one request to check it)."""

    def job(panel: JobProgress) -> None:
        from library.web.client import FetchError
        from library.web.subscribe import SubscribeError, subscribe
        from library.web.subscriptions import FeedsFileError

        panel.step(0, 1)
        try:
            feed = subscribe(library, url)
        except (FetchError, SubscribeError, FeedsFileError) as exc:
            app.notify(str(exc), title="Not followed", severity="error", markup=False, timeout=12)
            return
        app.post_message(LibraryUpdated((), feeds_changed=True))
        app.notify(f"{feed.name}: R fetches its articles", title="Following", markup=False)

    return _start(app, "follow", "Checking the feed", job)


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
        def progress(done: int, total: int, stage: str) -> None:
            panel.step(done, total, "" if stage == READING else stage)

        count = app.library_search.rebuild(progress)
        app.notify(f"Search index rebuilt: {count} article{'s' * (count != 1)}.", title="Reindex")

    return _start(app, "reindex", "Reindexing", job)


def _summary(counts: Counter[str]) -> str:
    parts = [f"{counts[s]} {s}" for s in ("imported", "updated", "duplicate") if counts[s]]
    if counts["error"]:
        parts.append(f"{counts['error']} failed")
    if counts["skipped"]:
        parts.append(f"{counts['skipped']} skipped: {NOT_ARTICLE}")
    return ", ".join(parts) or "nothing to import"

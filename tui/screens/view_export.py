"""The save keys of the views (s: CSV, S: JSON): what the screen shows, written to the
library's exports/ folder in a worker, and one line saying where (`notify` is thread-safe;
the screens mix in `ReportsFailures` for anything else that goes wrong)."""

from __future__ import annotations

from typing import Callable


def save_view_from(screen, name: str, fmt: str, table: Callable[[], tuple], data: Callable[[], object]) -> None:
    """`table()` gives (columns, rows) for CSV, `data()` the JSON value; both run in the worker."""

    def save() -> None:
        from library.export.views import csv_text, json_text, save_view

        try:
            text = csv_text(*table()) if fmt == "csv" else json_text(data())
            path = save_view(screen.app.library.root, name, fmt, text)
        except OSError as exc:  # a WriteError names the file and the reason
            screen.notify(f"Not saved: {exc}", severity="error", markup=False)
            return
        screen.notify(f"Saved {fmt.upper()} to {path}", markup=False, timeout=8)

    screen.run_worker(save, thread=True, group="save-view", exit_on_error=False, name="saving the view")

"""Background work, one way: thread workers report back by posting typed messages
(`post_message` and `notify` are thread-safe in Textual), the screen that started them
handles those in one place, and a worker that fails is told in one line by `ReportsFailures`.
"""

from __future__ import annotations

from textual.worker import Worker, WorkerState


def failure_line(worker: Worker) -> str:
    """A failed worker in one line: what stopped and why (no traceback)."""
    error = worker.error
    reason = f"{type(error).__name__}: {str(error).splitlines()[0]}" if error and str(error) else type(error).__name__
    return f"{(worker.name or 'background work').capitalize()} stopped ({reason})"


class ReportsFailures:
    """Mixed into the app and the screens that start workers (`exit_on_error=False`): a
    worker that raises is one error notice, and the app keeps running."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(failure_line(event.worker), severity="error", markup=False)

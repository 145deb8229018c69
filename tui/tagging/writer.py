"""Tag files are written one job at a time, in the order the keys were pressed, off the UI
thread: the screen never waits on the library lock and an undo never overtakes the edit it
undoes.

No Textual here: the controller starts the drain as a Textual thread worker and delivers with
`App.call_from_thread`. That delivery must return only once the callback has run, so a job's
result (an edit in the undo history, say) is in place before the next job starts.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Callable


class SerialWriter:
    def __init__(self, start: Callable[[Callable[[], None]], object], deliver: Callable[..., object]) -> None:
        self._start = start  # runs the drain on a thread
        self._deliver = deliver  # deliver(callback, value): callback(value) on the UI thread, waited for
        self._jobs: deque = deque()
        self._lock = threading.Lock()
        self._draining = False

    def submit(self, work: Callable[[], object], done: Callable[[object], None],
               failed: Callable[[Exception], None]) -> None:
        """Run work() after every job submitted before it; then done(result), or failed(error)."""
        with self._lock:
            self._jobs.append((work, done, failed))
            start, self._draining = not self._draining, True
        if start:
            self._start(self._drain)

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._jobs:
                    self._draining = False
                    return
                work, done, failed = self._jobs.popleft()
            try:
                outcome = (done, work())
            except Exception as exc:  # AnnotationError, OSError, or a bug: say it, keep the queue going
                outcome = (failed, exc)
            try:
                self._deliver(*outcome)
            except Exception:  # the app closed meanwhile: keep writing what was asked, skip the screen
                continue

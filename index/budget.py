"""Ranking that stops early: when a time budget runs out, or when the caller says stop.

A word in most of a large library matches tens of thousands of articles, and each match is
scored in Python; live search (a search per pause in typing) cannot wait for all of them. With
a budget it ranks the matches it reached in time and says that it stopped, and the caller ranks
them all afterwards in the background, where a `stop` (the user typed on) ends that work too.
"""

from __future__ import annotations

import time
from typing import Callable

from whoosh.collectors import WrappingCollector

CHECK_EVERY = 128  # matches between looks at the clock: a look costs more than a match


class Budgeted(WrappingCollector):
    """Wraps a Whoosh collector; `stopped` tells whether some matches were never reached."""

    def __init__(self, child, seconds: float | None = None, stop: Callable[[], bool] = lambda: False) -> None:
        super().__init__(child)
        self.seconds, self.stop = seconds, stop
        self.deadline = float("inf")
        self.stopped = False

    def prepare(self, top_searcher, q, context) -> None:
        super().prepare(top_searcher, q, context)
        self.stopped = False
        self.deadline = float("inf") if self.seconds is None else time.perf_counter() + self.seconds

    def _out_of_time(self) -> bool:
        self.stopped = self.stopped or time.perf_counter() > self.deadline or self.stop()
        return self.stopped

    def set_subsearcher(self, subsearcher, offset) -> None:
        if not self._out_of_time():  # making a segment's matcher can cost (a date range's terms)
            super().set_subsearcher(subsearcher, offset)

    def collect_matches(self) -> None:
        if self.stopped:
            return
        collect = self.child.collect
        for seen, docnum in enumerate(self.child.matches(), 1):
            collect(docnum)
            if seen % CHECK_EVERY == 0 and self._out_of_time():
                return

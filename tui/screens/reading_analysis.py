"""The main screen's analysis workers: the open article's entities, issues and quotes follow
its text (`Analysed`), and the whole library's list marks and filter facts fill in while the
user reads (`FactsArrived`). Part of `ReadingScreen` (see reading_panes.py).
"""

from __future__ import annotations

import time

from textual import on, work
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from library.safetext import visible

from ..widgets.sidebar import Sidebar
from .reading_quotes import QuotesPart

FACTS_EVERY = 1.0  # seconds between list updates while the library is analysed


class AnalysisPart(QuotesPart):
    """Needs `library`, `facts` and `open_id` from the screen."""

    class Analysed(Message):
        """An article's analysis, from the worker that made it."""

        def __init__(self, article_id: str, analysis) -> None:
            super().__init__()
            self.article_id, self.analysis = article_id, analysis

    class FactsArrived(Message):
        """More of the library's articles have their list marks and filter facts."""

    @work(thread=True, exclusive=True, group="article-analysis", exit_on_error=False, name="analysing the article")
    def analyse_article(self, article) -> None:
        try:
            analysis = self.facts.analyse(article)
        except Exception as exc:  # analysis is an extra: the text stays readable
            self.notify(f"{article.id}: analysis failed ({exc})", severity="error", markup=False)
            return
        self.post_message(self.Analysed(article.id, analysis))

    @on(Analysed)
    def _analysed(self, message: Analysed) -> None:
        self._show_analysis(message.article_id, message.analysis)

    def _show_analysis(self, article_id: str, analysis) -> None:
        if article_id != self.open_id or self._shutting_down():
            return
        reader = self.reader
        reader.aliases_of = self.facts.aliases_of
        reader.set_analysis(analysis.entities)
        self.query_one(Sidebar).show_analysis(analysis)
        self.shown_analysis = analysis
        self._show_quotes(article_id)
        self.article_list.refresh_entry(article_id)
        self._explain_marks()

    @work(thread=True, exclusive=True, group="library-analysis", exit_on_error=False, name="analysing the library")
    def analyse_library(self) -> None:
        """Fill in issue marks and filter facts for every article, newest first."""
        facts = self.facts
        worker = get_current_worker()
        shown = time.monotonic()
        for entry in self.library.entries():
            if worker.is_cancelled:
                return
            if entry.id in facts.known:
                continue
            try:
                facts.analyse_entry(entry)
            except Exception:  # an unreadable article was already reported by the catalogue
                continue
            if time.monotonic() - shown > FACTS_EVERY:  # by time: refiltering costs the whole list
                self.post_message(self.FactsArrived())
                shown = time.monotonic()
        self.post_message(self.FactsArrived())
        for warning in facts.warnings:
            self.notify(warning, severity="warning", markup=False, timeout=8)

    @on(FactsArrived)
    def _facts_arrived(self) -> None:
        if self._shutting_down():
            return
        self.article_list.refresh()
        self.article_list.refilter()
        self._explain_marks()

    def _explain_marks(self) -> None:
        """The legend under the list: what the highlighted article's issue marks stand for."""
        entry = self.article_list.current
        marks = self.facts.marks_explained(entry.id) if entry else ()
        self.query_one("#list-legend", Static).update(" · ".join(f"{mark} {visible(label)}" for mark, label in marks))

"""The main screen's quotes: the open article's quotes in the sidebar's Quotes tab and marked
in the reader, Enter on one goes to it, and a wrong speaker is corrected in a dialog (kept in
the library by tui/quoting.py). Part of `ReadingScreen` (see reading_panes.py).
"""

from __future__ import annotations

from textual import on

from ..widgets.quotes_tab import QuoteOptions
from ..widgets.sidebar import Sidebar
from .reading_filter import FilterPart


class QuotesPart(FilterPart):
    """Needs `library` and `open_id` from the screen."""

    shown_analysis = None  # the open article's analysis, once it is shown

    def _show_quotes(self, article_id: str) -> None:
        from ..quoting import shown_quotes

        quotes, problem = shown_quotes(self.library, article_id, self.shown_analysis.quotes)
        self.query_one(Sidebar).show_quotes(quotes)
        spans: dict[int, list[tuple[int, int]]] = {}
        for q in quotes:
            spans.setdefault(q.block, []).append((q.start, q.end))
        self.reader.set_ranges("said", spans)
        if problem:
            self.notify(problem, severity="warning", markup=False, timeout=8)

    @on(QuoteOptions.Chosen)
    def _jump_to_quote(self, event: QuoteOptions.Chosen) -> None:
        self.reader.goto(event.quote.block, event.quote.start, event.quote.end)
        self.focus_pane("reader")

    @on(QuoteOptions.Correct)
    def _correct_speaker(self, event: QuoteOptions.Correct) -> None:
        from ..quoting import keep_correction
        from .speaker import SpeakerScreen, candidates

        article_id, quote = self.open_id, event.quote
        if article_id is None or self.shown_analysis is None:
            return

        def chosen(speaker: str | None) -> None:
            if speaker is None or article_id != self.open_id or not keep_correction(self.app, article_id, quote, speaker):
                return
            self.notify(f"Speaker: {speaker or 'nobody named'}", markup=False)
            self._show_quotes(article_id)

        self.app.push_screen(SpeakerScreen(quote, candidates(quote, self.shown_analysis.entities)), chosen)

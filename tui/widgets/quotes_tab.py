"""The sidebar's Quotes tab: who said what in the open article, in reading order.

Enter puts the reader's cursor on the quote; `s` corrects its speaker (the correction is kept
in the library's quotes.yaml and outlives re-analysis).
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from library.safetext import visible

from .vim_options import VimOptionList

EMPTY = "No quotes found in this article"
SHOWN = 160  # characters of a quote shown in the list


class QuoteOptions(VimOptionList):
    HELP_TITLE = "Quotes of this article"
    BINDINGS = [Binding("s", "correct", "Correct speaker", id="sidebar.correct_speaker")]

    class Chosen(Message):
        def __init__(self, quote) -> None:
            super().__init__()
            self.quote = quote

    class Correct(Message):
        def __init__(self, quote) -> None:
            super().__init__()
            self.quote = quote

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.quotes: list = []

    def show_quotes(self, quotes, message: str = EMPTY) -> None:
        self.quotes = list(quotes)
        highlighted = self.highlighted
        self.clear_options()
        if not self.quotes:
            self.add_option(Option(Text(message, "dim"), disabled=True))
            return
        for q in self.quotes:
            line = Text(visible(q.speaker) if q.speaker else "(speaker unknown)", "bold" if q.speaker else "italic", end="")
            if q.said_by and q.said_by != q.speaker:
                line.append(f"  “{visible(q.said_by)}”", "dim")
            if q.corrected:
                line.append("  corrected", "italic")
            text = visible(" ".join(q.text.split()))
            line.append("\n" + (text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"), "dim" if q.kind == "indirect" else "")
            self.add_option(Option(line))
        self.highlighted = min(highlighted or 0, len(self.quotes) - 1)

    def _quote(self, index: int | None):
        return self.quotes[index] if index is not None and index < len(self.quotes) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        quote = self._quote(event.option_index)
        if quote:
            self.post_message(self.Chosen(quote))

    def action_correct(self) -> None:
        quote = self._quote(self.highlighted)
        if quote:
            self.post_message(self.Correct(quote))

"""ctrl+r in the search bar: search the past queries, pin the ones asked again and again.

Typing narrows the list (pinned queries first, then newest first); Enter puts the chosen query
in the search bar and runs it; ctrl+s pins or unpins it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from library.safetext import visible


class HistorySearchScreen(ModalScreen[str | None]):
    HELP_TITLE = "Past searches"
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="history.close"),
        Binding("down", "move(1)", "Down", show=False, id="history.down"),
        Binding("up", "move(-1)", "Up", show=False, id="history.up"),
        Binding("ctrl+s", "pin", "Pin/unpin", id="history.pin"),
    ]
    DEFAULT_CSS = """
    HistorySearchScreen { align: center middle; }
    HistorySearchScreen > Vertical { width: 90%; max-width: 100; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1; }
    HistorySearchScreen OptionList { height: auto; max-height: 20; border: none; }
    """

    def __init__(self, history) -> None:
        super().__init__()
        self.history = history
        self.found: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Past searches: type to narrow · enter searches again · ctrl+s pins", markup=False)
            yield Input(placeholder="part of a past query", id="history-filter")
            yield OptionList(id="history-list")

    def on_mount(self) -> None:
        self._show()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show()

    def _show(self, keep: str | None = None) -> None:
        self.found = self.history.search(self.query_one(Input).value)
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options([Option(f"{'★' if q in self.history.pinned else ' '} {visible(q)}") for q in self.found])
        if self.found:
            listing.highlighted = self.found.index(keep) if keep in self.found else 0

    def _current(self) -> str | None:
        index = self.query_one(OptionList).highlighted
        return self.found[index] if index is not None and index < len(self.found) else None

    def action_move(self, delta: int) -> None:
        listing = self.query_one(OptionList)
        if self.found:
            listing.highlighted = max(0, min(len(self.found) - 1, (listing.highlighted or 0) + delta))

    def action_pin(self) -> None:
        query = self._current()
        if query:
            self.history.pin(query, query not in self.history.pinned)
            self._show(keep=query)

    def on_input_submitted(self) -> None:
        self.dismiss(self._current())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.found[event.option_index])

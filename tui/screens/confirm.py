"""A yes/no question before a change that touches many files (a tag renamed across the
library): the question says what changes and how much, and nothing happens without `y`."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool]):
    HELP_TITLE = "Confirm"
    BINDINGS = [
        Binding("y,enter", "dismiss(True)", "Yes", id="confirm.yes"),
        Binding("escape,n", "dismiss(False)", "No", id="confirm.no"),
    ]
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: 72; max-width: 96%; height: auto; border: round $warning; background: $surface; padding: 0 1;
    }
    ConfirmScreen .hint { color: $text-muted; }
    """

    def __init__(self, title: str, question: str) -> None:
        super().__init__()
        self.title_text, self.question = title, question

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            yield Static(self.question, id="confirm-question", markup=False)
            yield Static("y or enter: yes · n or esc: no", classes="hint", markup=False)

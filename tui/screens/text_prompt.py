"""A one-line question in a small dialog (a feed's address, its new name, a path to import).

A subclass checks the answer in `answer()`; a ValueError's message is shown under the input and
the dialog stays, so a typo is caught before any work starts.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static


class TextPrompt(ModalScreen):
    """Answers with `answer(text typed)`, or None on Escape or when left empty."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]
    DEFAULT_CSS = """
    TextPrompt { align: center middle; }
    TextPrompt > Vertical {
        width: 80%; max-width: 90; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    TextPrompt #prompt-error { color: $error; height: auto; }
    """

    def __init__(self, title: str, value: str = "", placeholder: str = "", suggester: Suggester | None = None) -> None:
        super().__init__()
        self.title_text, self.value, self.placeholder, self.suggester = title, value, placeholder, suggester

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, markup=False)
            yield Input(self.value, placeholder=self.placeholder, suggester=self.suggester)
            yield Static("", id="prompt-error", markup=False)

    def answer(self, text: str):
        return text or None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            self.dismiss(self.answer(event.value.strip()))
        except ValueError as problem:
            self.query_one("#prompt-error", Static).update(str(problem))

    def action_cancel(self) -> None:
        self.dismiss(None)

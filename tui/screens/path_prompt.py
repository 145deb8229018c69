"""A one-line prompt for a file or folder path, with completion from the file system.

Used by "Import a file or folder" in the command palette. It answers with an existing path
(`~` expanded) or None when the user presses Escape; a path that does not exist is refused
on the spot with a message, so the import never starts on a typo.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static


class PathCompleter(Suggester):
    """Completes the last part of a path with the first matching entry in its folder."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        head, sep, stem = value.rpartition(os.sep)
        base = Path(os.path.expanduser(head + sep or "."))
        try:
            names = sorted(n for n in os.listdir(base) if n.startswith(stem) and not n.startswith("."))
        except OSError:
            return None
        if not names:
            return None
        return head + sep + names[0] + (os.sep if (base / names[0]).is_dir() else "")


class PathPrompt(ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]
    DEFAULT_CSS = """
    PathPrompt { align: center middle; }
    PathPrompt > Vertical {
        width: 80%; max-width: 90; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    PathPrompt #path-error { color: $error; height: auto; }
    """

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, markup=False)
            yield Input(placeholder="~/Downloads/articles  (right arrow takes the completion)", suggester=PathCompleter())
            yield Static("", id="path-error", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        raw = event.value.strip()
        path = Path(os.path.expanduser(raw)) if raw else None
        if path is None or not path.exists():
            self.query_one("#path-error", Static).update(f"No such file or folder: {raw or '(empty)'}")
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)

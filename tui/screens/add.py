"""The Add dialog: paste text copied from a page, or type a web address, and see what will be
stored before saving it.

The preview runs the same importers as `cuttings import -`, in a thread (an HTML page takes a
moment to extract), a short while after the last keystroke or paste. The dialog only answers
with what to add; the app does the storing, so the dialog never touches the library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Label, Static, TextArea

from library.safetext import visible

from ..background import ReportsFailures

PASTED = Path("pasted text")
PREVIEW_BLOCKS = 3
_ADDRESS = re.compile(r"^https?://\S+$")


@dataclass(frozen=True)
class AddRequest:
    kind: str  # "text" | "address"
    value: str


def request_for(typed: str) -> AddRequest | None:
    """A single web address is fetched; anything else is pasted text; blank is nothing."""
    stripped = typed.strip()
    if not stripped:
        return None
    if _ADDRESS.match(stripped):
        return AddRequest("address", stripped)
    return AddRequest("text", typed)


class AddScreen(ReportsFailures, ModalScreen[AddRequest | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, id="add.save"),
        Binding("escape", "cancel", "Cancel", id="add.cancel"),
    ]
    DEFAULT_CSS = """
    AddScreen { align: center middle; }
    AddScreen > Vertical {
        width: 90%; max-width: 110; height: 90%; max-height: 40;
        border: round $accent; background: $surface; padding: 0 1;
    }
    AddScreen TextArea { height: 1fr; min-height: 4; }
    AddScreen #add-preview { height: auto; max-height: 50%; border-top: solid $panel; padding: 0 1; }
    AddScreen #add-preview.-problem { color: $error; }
    AddScreen #add-keys { color: $text-muted; }
    """
    preview_wait = 0.3

    def __init__(self) -> None:
        super().__init__()
        self._timer: Timer | None = None
        self._previewed: str | None = None  # the text the preview and problem are about
        self._problem: str | None = None
        self._save_when_read = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Add an article: paste its text, or type its web address", markup=False)
            yield TextArea(id="add-text", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="add-preview", markup=False)
            yield Label("ctrl+s save   esc cancel", id="add-keys", markup=False)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    @on(TextArea.Changed)
    def _typed(self) -> None:
        if self._timer:
            self._timer.stop()
        self._timer = self.set_timer(self.preview_wait, self._refresh_preview)

    def _refresh_preview(self) -> None:
        request = request_for(self.query_one(TextArea).text)
        if request is None:
            self._show(None, "Nothing to save yet.")
        elif request.kind == "address":
            self._show(Text(f"A web address: ctrl+s fetches the page and saves its article.\n{visible(request.value)}"), None)
        else:
            self._parse(request.value)

    @work(thread=True, exclusive=True, group="add-preview", exit_on_error=False, name="reading the text")
    def _parse(self, text: str) -> None:
        from library.importers import ImportFailure, parse_articles, sniff_format
        from library.importers.decoding import MAX_BYTES

        try:
            if len(text.encode("utf-8", "replace")) > MAX_BYTES:
                raise ImportFailure(PASTED, f"the text is over the {MAX_BYTES // 1024 // 1024} MB limit")
            articles = parse_articles(text, sniff_format(PASTED, text), PASTED)
        except ImportFailure as exc:
            self.post_message(self.Parsed(text, None, f"Cannot save this: {exc.reason}"))
        except (ValueError, LookupError, RecursionError) as exc:
            self.post_message(self.Parsed(text, None, f"Cannot save this: {type(exc).__name__}: {exc}"))
        else:
            self.post_message(self.Parsed(text, _preview(articles), None))

    class Parsed(Message):
        """The preview of `text` (or the one-line problem), from the `_parse` worker."""

        def __init__(self, text: str, preview: Text | None, problem: str | None) -> None:
            super().__init__()
            self.text, self.preview, self.problem = text, preview, problem

    def on_add_screen_parsed(self, parsed: Parsed) -> None:
        text, preview, problem = parsed.text, parsed.preview, parsed.problem
        if text != self.query_one(TextArea).text:
            return  # typing went on; a newer preview is on its way
        self._previewed = text
        self._show(preview, problem)
        if self._save_when_read:
            self._save_when_read = False
            self.action_save()

    def _show(self, preview: Text | None, problem: str | None) -> None:
        self._problem = problem
        box = self.query_one("#add-preview", Static)
        box.set_class(problem is not None, "-problem")
        box.update(Text(visible(problem)) if problem else preview)

    def action_save(self) -> None:
        request = request_for(self.query_one(TextArea).text)
        if request is None:
            self.notify("Nothing to save yet: paste an article or type its address.", severity="warning")
        elif request.kind == "text" and request.value != self._previewed:
            self._save_when_read = True  # saved as soon as its preview says it can be
            if self._timer:
                self._timer.stop()
            self._parse(request.value)
        elif request.kind == "text" and self._problem:
            self.notify(visible(self._problem), severity="warning", markup=False)
        else:
            self.dismiss(request)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _preview(articles) -> Text:
    """The article as it will be stored: title, what is known about it, its first blocks."""
    preview = Text()
    for article in articles[:2]:
        preview.append(visible(article.title) + "\n", style="bold")
        facts = [article.date.isoformat() if article.date else "no date", article.source, article.author]
        preview.append(visible(" · ".join(f for f in facts if f)) + f" · {article.word_count} words\n", style="dim")
        for block in article.blocks[:PREVIEW_BLOCKS]:
            preview.append(visible(block.text[:300]) + "\n")
    if len(articles) > 2:
        preview.append(f"… and {len(articles) - 2} more articles\n", style="dim")
    preview.rstrip()
    return preview

"""`s` on a quote: who said it, chosen from the people and organisations of the article.

Returns the chosen canonical name, "" for nobody named, or None when cancelled. The names are
the article's own, people first, the nearest before the quote at the top: the speaker is
almost always one of them.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from library.safetext import visible

NOBODY = "\0nobody"


def candidates(quote, mentions) -> list[str]:
    """The article's people, then its organisations, each group nearest-before-the-quote first."""
    def distance(m) -> tuple:
        before = (m.block, m.start) <= (quote.block, quote.start)
        return (not before, -m.block if before else m.block, -m.start if before else m.start)

    names: list[str] = []
    for kind in ("person", "org"):
        for m in sorted((m for m in mentions if m.kind == kind), key=distance):
            if m.canonical not in names:
                names.append(m.canonical)
    return names


class SpeakerScreen(ModalScreen[str | None]):
    HELP_TITLE = "Correct the speaker"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="speaker.cancel")]
    DEFAULT_CSS = """
    SpeakerScreen { align: center middle; }
    #speaker-pick { width: 70; max-width: 95%; height: auto; max-height: 90%; padding: 1 2;
                    border: round $accent; background: $surface; }
    #speaker-pick OptionList { height: auto; max-height: 16; margin-top: 1; }
    #speaker-pick .hint { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, quote, names: list[str]) -> None:
        super().__init__()
        self.quote, self.names = quote, names

    def compose(self) -> ComposeResult:
        with Vertical(id="speaker-pick"):
            about = Text("Who said this?", "bold")
            text = visible(" ".join(self.quote.text.split()))
            about.append("\n“" + (text if len(text) <= 200 else text[:199] + "…") + "”", "italic")
            about.append("\nnow: ").append(visible(self.quote.speaker) or "nobody named", "bold")
            yield Static(about)
            options = [Option(visible(name), id=name) for name in self.names]
            options.append(Option(Text("Nobody named in the article", "italic"), id=NOBODY))
            yield OptionList(*options, id="speaker-options")
            yield Static("enter: choose · esc: cancel", classes="hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if self.quote.speaker in self.names:
            options.highlighted = min(len(self.names), self.names.index(self.quote.speaker) + 1)  # the next guess

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss("" if event.option.id == NOBODY else event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

"""`x` in the reader: correct the entity recogniser for this library.

"Not an entity" stops a text being highlighted; "add as ..." teaches a name the gazetteer
missed. Both go to the library's own entities.yaml, so the shipped lists stay untouched and
the correction survives updates.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..reader import KIND_NAMES
from library.safetext import visible


class EntityEditScreen(ModalScreen[tuple | None]):
    """Returns ("ignore", text, "") or ("add", name, kind); None when cancelled. Given `aliases`
    (an entity page's), it asks for them too and returns ("add", name, kind, aliases)."""

    HELP_TITLE = "Correct entities"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="entity_edit.cancel")]

    def __init__(self, mention, suggestion: str, aliases: list[str] | None = None) -> None:
        super().__init__()
        self.mention = mention
        self.suggestion = suggestion
        self.aliases = aliases

    def compose(self) -> ComposeResult:
        with Vertical(id="entity-edit"):
            about = Text("Correct entities" if self.aliases is None else "Kind and other spellings (kept in entities.yaml)", "bold")
            if self.mention:
                about.append(f"\nSelected: “{visible(self.mention.text)}” = ")
                about.append(visible(self.mention.canonical), "bold")
                about.append(f" ({KIND_NAMES.get(self.mention.kind, self.mention.kind)})")
            yield Static(about)
            yield Input(visible(self.suggestion)[:80], placeholder="name as written in the text", id="entity-name")
            if self.aliases is not None:
                yield Input(", ".join(visible(a) for a in self.aliases), placeholder="other spellings, comma-separated", id="entity-aliases")
            options = [] if self.aliases is not None else [Option("Not an entity: never highlight this text", id="ignore")]
            options += [Option(f"Add as {name}", id=kind) for kind, name in KIND_NAMES.items()]
            yield OptionList(*options, id="entity-actions")
            yield Static("enter: choose · tab: edit the name · esc: cancel", classes="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_input_submitted(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        name = " ".join(self.query_one("#entity-name", Input).value.split())
        if not name:
            self.notify("Type the name first", severity="warning")
            self.query_one("#entity-name", Input).focus()
            return
        action = event.option.id
        if self.aliases is not None:
            aliases = [" ".join(a.split()) for a in self.query_one("#entity-aliases", Input).value.split(",")]
            self.dismiss(("add", name, action, tuple(a for a in aliases if a and a != name)))
            return
        self.dismiss(("ignore", name, "") if action == "ignore" else ("add", name, action))

    def action_cancel(self) -> None:
        self.dismiss(None)

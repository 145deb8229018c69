"""`d` on a tagged passage: which tag to take off, as a confirmation the user must give."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from library.safetext import shorten, visible


class RemoveTagScreen(ModalScreen[list[str] | None]):
    """Dismisses with the tags to remove (all of them for the last option), None to keep."""

    HELP_TITLE = "Remove a tag"
    BINDINGS = [
        Binding("escape,n", "dismiss(None)", "Keep", id="tag_remove.keep"),
        Binding("y", "confirm", "Remove", id="tag_remove.confirm"),
    ]
    DEFAULT_CSS = """
    RemoveTagScreen { align: center middle; }
    RemoveTagScreen > Vertical {
        width: 64; max-width: 96%; height: auto; border: round $error; background: $surface; padding: 0 1;
    }
    RemoveTagScreen OptionList { height: auto; max-height: 10; border: none; padding: 0; }
    RemoveTagScreen .hint { color: $text-muted; }
    """

    def __init__(self, passage) -> None:
        super().__init__()
        self.passage = passage
        tags = list(passage.tags)
        self.options = [[t] for t in tags] + ([tags] if len(tags) > 1 else [])

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Remove a tag"
            yield Static(Text(f"“{shorten(self.passage.quote, 151)}”", "italic"))
            yield OptionList(*[Option(self._label(tags)) for tags in self.options])
            yield Static("enter or y: remove · esc or n: keep", classes="hint", markup=False)

    def _label(self, tags: list[str]) -> Text:
        if len(tags) == len(self.passage.tags):
            note = " and the note" if self.passage.note else ""
            what = f"all {len(tags)} tags" if len(tags) > 1 else f"tag {visible(tags[0])}"
            return Text(f"Remove {what}{note}")
        return Text(f"Remove tag {visible(tags[0])}")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.options[event.option_index])

    def action_confirm(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None:
            self.dismiss(self.options[index])

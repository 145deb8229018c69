"""Orphaned passages: tags whose words could not be found again after their article changed
(or was removed). They are kept with their quote, never dropped; here the user sees them,
opens the article to tag the words anew, or removes them (after a confirmation).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from .lines import passage_lines
from .messages import PassageChosen, TagRemoveRequested, TagsChanged


class OrphansScreen(Screen):
    HELP_TITLE = "Orphaned passages"
    BINDINGS = [
        Binding("escape,q", "close", "Back", id="orphans.close"),
        Binding("d", "remove", "Remove", id="orphans.remove"),
    ]
    DEFAULT_CSS = """
    OrphansScreen #orphans-note { height: auto; padding: 0 1; color: $text-muted; }
    OrphansScreen #orphans { height: 1fr; border: none; }
    OrphansScreen #orphans > .option-list--option { padding: 0 1; }
    """

    def __init__(self, tagging) -> None:
        super().__init__()
        self.tagging = tagging  # controller.py: reads the tags in turn with its writes
        self.orphans: list = []
        self.entries: dict = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading the tags…", id="orphans-note", markup=False)
        yield OptionList(id="orphans")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.load()

    def load(self) -> None:
        self.tagging.read_library(self._fill, orphans=True)

    def _fill(self, orphans, entries) -> None:
        self.orphans, self.entries = orphans, entries
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([Option(passage_lines(p, entries.get(p.article_id))) for p in orphans])
        if orphans:
            options.highlighted = min(highlighted or 0, len(orphans) - 1)
        count = len(orphans)
        note = (
            f"{count} orphaned passage{'s' * (count != 1)}: their words are no longer in the article."
            " enter: open the article · d: remove · esc: back"
            if orphans else "No orphaned passages: every tag is on its words."
        )
        self.query_one("#orphans-note", Static).update(note)

    def _current(self):
        index = self.query_one(OptionList).highlighted
        return self.orphans[index] if index is not None and index < len(self.orphans) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        passage = self.orphans[event.option_index]
        if passage.article_id not in self.entries:
            self.notify("Its article is no longer in the library; the quote above is what is left", timeout=4)
            return
        self.post_message(PassageChosen(passage))

    def action_remove(self) -> None:
        passage = self._current()
        if passage:
            self.post_message(TagRemoveRequested(passage))

    def on_tags_changed(self, message: TagsChanged) -> None:
        self.load()

    def action_close(self) -> None:
        self.app.pop_screen()

"""The sidebar's Tags tab: this article's tagged passages in reading order.

Enter puts the reader's cursor on the passage; `t` edits its tags and note; `f` narrows the
article list to articles with the passage's first tag; `d` removes a tag (after a confirmation).
Each posts a message (messages.py) for the app to act on.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from .lines import tab_lines
from .messages import FilterByTag, PassageChosen, TagEditRequested, TagRemoveRequested

EMPTY = "No tagged passages yet. In the reader: ) or } to move, v to select, t to tag."


class TagsTab(OptionList):
    HELP_TITLE = "Tags of this article"
    BINDINGS = [
        Binding("f", "filter", "Filter list by tag", id="sidebar.filter_tag"),
        Binding("d", "remove", "Remove tag", id="sidebar.remove_tag"),
        Binding("t", "edit", "Edit tags and note", id="sidebar.edit_tags"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.passages: list = []

    def on_mount(self) -> None:
        self.show_passages([])

    def show_passages(self, passages) -> None:
        self.passages = list(passages)
        highlighted = self.highlighted
        self.clear_options()
        if not self.passages:
            self.add_option(Option(Text(EMPTY, "dim"), disabled=True))
            return
        self.add_options([Option(tab_lines(passage)) for passage in self.passages])
        self.highlighted = min(highlighted or 0, len(self.passages) - 1)

    def _passage(self, index: int | None):
        return self.passages[index] if index is not None and index < len(self.passages) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        passage = self._passage(event.option_index)
        if passage is None:
            return
        if passage.orphan:
            self.notify("This passage's words are no longer in the article; its quote is kept here", timeout=4)
            return
        self.post_message(PassageChosen(passage))

    def action_filter(self) -> None:
        passage = self._passage(self.highlighted)
        if passage:
            self.post_message(FilterByTag(passage.tags[0]))

    def action_edit(self) -> None:
        passage = self._passage(self.highlighted)
        if passage:
            self.post_message(TagEditRequested(passage))

    def action_remove(self) -> None:
        passage = self._passage(self.highlighted)
        if passage:
            self.post_message(TagRemoveRequested(passage))

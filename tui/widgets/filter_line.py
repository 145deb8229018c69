"""The list's filter line: the query the list is narrowed to, in the search language.

A filter chosen from the sidebar, the palette or a collection writes its query here, where the
user can edit it; Enter applies the line (an empty one clears the filter), Esc goes back to the
list. It is shown while a filter is on or the line is being edited.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

PLACEHOLDER = "filter: issue:taiwan is:unread date:7d.. (Enter applies, Esc back)"


class FilterLine(Input):
    HELP_TITLE = "Filter line"
    BINDINGS = [Binding("escape", "leave", "Back to the list", id="filter_line.leave")]

    class Left(Message):
        """The user went back to the list without applying the line."""

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder=PLACEHOLDER, select_on_focus=False, **kwargs)

    def action_leave(self) -> None:
        self.post_message(self.Left())

"""An option list that also moves with j/k and g/G, like the article list and the reader.

Shared by every list of choices (sidebar tabs, search results), so one keymap entry
(`options.down`, ...) remaps them all.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class VimOptionList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="options.down"),
        Binding("k", "cursor_up", "Up", show=False, id="options.up"),
        Binding("g", "first", "First", show=False, id="options.first"),
        Binding("G", "last", "Last", show=False, id="options.last"),
    ]

"""The main screen's panes: article list | reader | sidebar, their widths at each terminal
width, and which one shows and has focus when they do not all fit.

The first part of `ReadingScreen` (tui/screens/reading.py); the parts are Screen subclasses
in a chain, because Textual registers `@on` handlers only on its own message-pump classes.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ..background import ReportsFailures
from ..reader import Reader, ReaderPane
from ..widgets.article_list import ArticleList
from ..widgets.filter_line import FilterLine
from ..widgets.pinned_line import PinnedLine
from ..widgets.sidebar import Sidebar

WIDE, NARROW = 120, 80
LIST_MIN, READER_GOAL = 30, 74  # columns: a list that still shows titles; a reader of ~70 columns of text
PANES = ("list", "reader", "sidebar")


def pane_widths(width: int) -> tuple[int, int]:
    """(list, sidebar) columns at a terminal width of 80 or more; the reader takes the rest.
    Reading is the point: the reader gets READER_GOAL columns as soon as the list keeps
    LIST_MIN, and never less than half of what the sidebar leaves. Focus never changes them."""
    sidebar = 0 if width < WIDE else 26 if width < 150 else 30 if width < 180 else 34
    room = width - sidebar
    reader = max(min(room - LIST_MIN, READER_GOAL), room // 2 + 1)
    return room - reader, sidebar


class PanesPart(ReportsFailures, Screen):
    sidebar_shown = False  # in the 80-119 column layout

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield PinnedLine(id="list-pinned")
                yield Static(id="list-header", markup=False)
                yield FilterLine(id="list-filter")
                yield ArticleList(id="article-list")
                yield Static(id="list-legend", markup=False)
            yield ReaderPane(id="reader-pane")
            yield Sidebar(id="sidebar")
        yield Footer(compact=True, show_command_palette=False)  # every shown key fits at 80 columns (^p: in ? and the header)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    def _shutting_down(self) -> bool:
        """True once the app is shutting down: late worker results are dropped."""
        return not (self.query(Reader) and self.query(ArticleList))

    def on_resize(self, event) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        self.set_class(width >= WIDE, "-wide")
        self.set_class(NARROW <= width < WIDE, "-medium")
        self.set_class(width < NARROW, "-narrow")
        self.set_class(self.sidebar_shown, "-sidebar-shown")
        listing, sidebar = pane_widths(width) if width >= NARROW else (None, None)
        self.query_one("#list-pane").styles.width = listing
        self.query_one("#sidebar").styles.width = sidebar or listing  # from 80 to 119 it takes the list's place
        self._show_focused_pane()

    def _pane_of(self, widget) -> str:
        node = widget
        while node is not None:
            if node.id in ("list-pane", "reader-pane", "sidebar"):
                return {"list-pane": "list", "reader-pane": "reader", "sidebar": "sidebar"}[node.id]
            node = node.parent
        return "list"

    def focus_pane(self, pane: str) -> None:
        """Focus a pane, making it visible: from 80 to 119 columns the sidebar takes the
        list's place (and gives it back); below 80 the focused pane is the only one shown."""
        if self.has_class("-medium") and pane != "reader":
            self.sidebar_shown = pane == "sidebar"
            self.set_class(self.sidebar_shown, "-sidebar-shown")
        target = {
            "list": self.article_list,
            "reader": self.reader,
            "sidebar": self.query_one("#sidebar-tabs").active_pane.query_one("OptionList"),
        }[pane]
        target.focus()
        self._show_focused_pane(pane)

    def _show_focused_pane(self, pane: str | None = None) -> None:
        pane = pane or (self._pane_of(self.focused) if self.focused else "list")
        for name in PANES:
            self.set_class(pane == name, f"-show-{name}")

    def action_pane(self, delta: int) -> None:
        here = self._pane_of(self.focused) if self.focused else "list"
        self.focus_pane(PANES[(PANES.index(here) + delta) % len(PANES)])

    def action_toggle_sidebar(self) -> None:
        here = self._pane_of(self.focused) if self.focused else "list"
        if self.has_class("-medium") and self.sidebar_shown:
            self.sidebar_shown = False
            self.remove_class("-sidebar-shown")
            self.focus_pane("list" if here == "list" else "reader")
        else:
            self.focus_pane("reader" if here == "sidebar" else "sidebar")

"""The Feeds screen: what the library follows, how each feed's last fetch went, and keys to
follow, rename, stop following and refresh feeds.

Network work (checking a new feed, refreshing) runs in the app's workers: this screen posts
what it wants (its messages FollowFeed, FetchFeeds, ShowFeed) and reads the list again when the app
says feeds changed (`load`).
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from library.readstate import ReadState
from library.safetext import visible
from library.web.subscriptions import FeedsFileError, feed_summary, load_feeds, remove_feed, rename_feed

from ..background import ReportsFailures
from .text_prompt import TextPrompt

COLUMNS = ("Feed", "Last fetch", "Status", "Articles", "Unread", "Tags", "Address")


class FeedsScreen(ReportsFailures, Screen):
    HELP_TITLE = "Feeds"
    BINDINGS = [
        Binding("escape,q", "close", "Back", id="feeds.close"),
        Binding("a", "follow", "Follow…", id="feeds.follow"),
        Binding("r", "rename", "Rename…", id="feeds.rename"),
        Binding("d", "remove", "Stop following", id="feeds.remove"),
        Binding("f", "refresh_one", "Fetch this", id="feeds.refresh_one"),
        Binding("R", "refresh_all", "Fetch all", id="feeds.refresh_all"),
    ]
    DEFAULT_CSS = """
    FeedsScreen #feeds-note { height: auto; padding: 0 1; color: $text-muted; }
    FeedsScreen DataTable { height: 1fr; }
    """

    class FollowFeed(Message):
        def __init__(self, url: str) -> None:
            super().__init__()
            self.url = url

    class FetchFeeds(Message):
        def __init__(self, names: list[str] | None) -> None:
            super().__init__()
            self.names = names  # None: every feed, and the saved links

    class ShowFeed(Message):
        """The list should show this feed's articles."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self, library) -> None:
        super().__init__()
        self.library = library
        self.names: list[str] = []
        self._removing: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading the feeds…", id="feeds-note", markup=False)
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        table.focus()
        self.load()

    @work(thread=True, exclusive=True, group="feeds-screen", exit_on_error=False, name="reading the feeds")
    def load(self) -> None:
        library = self.library
        try:
            rows = [feed_summary(library, ReadState(library), feed) for feed in load_feeds(library)]
        except FeedsFileError as exc:
            self.post_message(self.Loaded([], str(exc)))
            return
        self.post_message(self.Loaded(rows, None))

    class Loaded(Message):
        """The feeds file read by `load` (its rows, or the one-line problem)."""

        def __init__(self, rows: list[dict], problem: str | None) -> None:
            super().__init__()
            self.rows, self.problem = rows, problem

    def on_feeds_screen_loaded(self, loaded: Loaded) -> None:
        rows, problem = loaded.rows, loaded.problem
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        self.names = [row["name"] for row in rows]
        for row in rows:
            status = row["status"] + (f": {row['error']}" if row["error"] else "")
            table.add_row(
                *(Text(visible(str(cell))) for cell in (
                    row["name"], (row["checked"] or "never")[:16].replace("T", " "), status,
                    row["articles"], row["new"], ", ".join(row["tags"]), row["url"],
                )),
                key=row["name"],
            )
        if rows:
            table.move_cursor(row=min(keep, len(rows) - 1))
        self.query_one("#feeds-note", Static).update(visible(problem) if problem else _note(len(rows)))

    def _current(self) -> str | None:
        row = self.query_one(DataTable).cursor_row
        return self.names[row] if self.names and 0 <= row < len(self.names) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter: the list shows this feed's articles."""
        name = self._current()
        if name:
            self.post_message(self.ShowFeed(name))

    def action_follow(self) -> None:
        prompt = TextPrompt("Follow a feed: its address, or a page that links to one", placeholder="https://")
        self.app.push_screen(prompt, lambda url: url and self.post_message(self.FollowFeed(url)))

    def action_rename(self) -> None:
        name = self._current()
        if name:
            self.app.push_screen(TextPrompt(f"New name for {name}", value=name), lambda new: new and self._change(rename_feed, name, new))

    def action_remove(self) -> None:
        """Pressed twice: the second press confirms, so one stray key never drops a feed."""
        name = self._current()
        if not name:
            return
        if self._removing != name:
            self._removing = name
            self.notify(f"Press d again to stop following {visible(name)} (its articles stay)", markup=False, timeout=4)
            return
        self._removing = None
        self._change(remove_feed, name)

    def _change(self, change, *args) -> None:
        try:
            change(self.library, *args)
        except (FeedsFileError, OSError) as exc:
            self.notify(visible(str(exc)), severity="error", markup=False)
        self.load()

    def action_refresh_one(self) -> None:
        name = self._current()
        if name:
            self.post_message(self.FetchFeeds([name]))

    def action_refresh_all(self) -> None:
        self.post_message(self.FetchFeeds(None))

    def action_close(self) -> None:
        self.app.pop_screen()


def _note(count: int) -> str:
    if not count:
        return "No feeds yet. a: follow one (its address, or a page that links to it)"
    return f"{count} feed{'s' * (count != 1)} · enter: show its articles in the list"

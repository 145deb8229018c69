"""`c`: the collections switcher; smart collections with live counts (unread / all), pinned first.

Counts are worked out in a thread worker, so the list shows at once and fills in; Enter puts a
collection's query in the list's filter line. A collection that cannot run (its query no longer
parses, its tag was removed) says why on its own line and the others still work.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from library.safetext import visible
from library.smartcollections import Collection, Collections, CollectionsError

from ..background import ReportsFailures
from ..list_query import Count


def counts_text(count: Count | None) -> str:
    if count is None:
        return "…"
    return "?" if count.problem and not count.total else f"{count.unread}/{count.total}"


class CollectionsScreen(ReportsFailures, ModalScreen[Collection | None]):
    HELP_TITLE = "Collections"
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Close", id="collections.close"),
        Binding("j", "cursor(1)", "Down", show=False, id="collections.down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="collections.up"),
        Binding("p", "pin", "Pin/unpin", id="collections.pin"),
        Binding("d", "remove", "Remove", id="collections.remove"),
    ]
    DEFAULT_CSS = """
    CollectionsScreen { align: center middle; }
    CollectionsScreen > Vertical { width: 90%; max-width: 100; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1; }
    CollectionsScreen OptionList { height: auto; max-height: 20; border: none; }
    CollectionsScreen #collections-note { color: $text-muted; height: auto; }
    """

    def __init__(self, queries) -> None:
        super().__init__()
        self.queries = queries
        self.store = Collections(queries.library)
        self.found: list[Collection] = []
        self.counts: dict[str, Count] = {}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Collections: enter shows one · p pins · d removes · C on the list saves its filter", markup=False)
            yield OptionList(id="collections-list")
            yield Static("", id="collections-note", markup=False)

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        try:
            self.found = self.store.load()
        except CollectionsError as exc:
            self.found = []
            self.query_one("#collections-note", Static).update(str(exc))
            self.notify(str(exc), severity="error", markup=False, timeout=8)
        else:
            note = "\n".join(self.store.problems) or ("" if self.found else f"No collections yet: filter the list (f), then press C to save it ({self.store.path})")
            self.query_one("#collections-note", Static).update(note)
        self._show()
        if self.found:
            self.count(list(self.found))

    def _show(self) -> None:
        listing = self.query_one(OptionList)
        keep = listing.highlighted_option.id if listing.highlighted_option else None
        listing.clear_options()
        width = max((len(c.name) for c in self.found), default=0)
        for collection in self.found:
            count = self.counts.get(collection.name)
            line = Text(f"{'★' if collection.pinned else ' '} {visible(collection.name).ljust(width)}  {counts_text(count):>11}  ")
            line.append(visible(count.problem if count and count.problem else collection.query), "dim" if not (count and count.problem) else "red")
            listing.add_option(Option(line, id=collection.name))
        if self.found:  # the cursor stays on its collection (pinning moves it to the top)
            names = [c.name for c in self.found]
            listing.highlighted = names.index(keep) if keep in names else 0

    class Counted(Message):
        def __init__(self, counted: list[Count]) -> None:
            super().__init__()
            self.counted = counted

    @work(thread=True, exclusive=True, group="collection-counts", exit_on_error=False, name="counting the collections")
    def count(self, collections: list[Collection]) -> None:
        self.post_message(self.Counted(self.queries.count(collections)))

    def on_collections_screen_counted(self, message: Counted) -> None:
        counted = message.counted
        self.counts = {c.collection.name: c for c in counted}
        for count in counted:
            if count.problem:
                self.notify(count.problem, severity="warning", markup=False, timeout=8)
        if self.is_attached:
            self._show()

    @property
    def current(self) -> Collection | None:
        index = self.query_one(OptionList).highlighted
        return self.found[index] if index is not None and 0 <= index < len(self.found) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.found[event.option_index])

    def action_cursor(self, delta: int) -> None:
        listing = self.query_one(OptionList)
        if delta > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_pin(self) -> None:
        chosen = self.current
        if chosen:
            self._change(lambda: self.store.pin(chosen.name, not chosen.pinned), f"{'Unpinned' if chosen.pinned else 'Pinned'} {chosen.name}")

    def action_remove(self) -> None:
        chosen = self.current
        if chosen:
            self._change(lambda: self.store.remove(chosen.name), f"Removed {chosen.name}")

    def _change(self, change, done: str) -> None:
        try:
            change()
        except (CollectionsError, OSError) as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.notify(done, markup=False, timeout=2)
        self.reload()


VIEW_QUERIES = {"unread": "is:unread", "starred": "is:starred"}


def current_query(listing) -> str:
    """What the list shows, as one query: its filter's and its view's (new has no query)."""
    parts = [listing.filter.query if listing.filter else "", VIEW_QUERIES.get(listing.view, "")]
    return " ".join(part for part in parts if part)


def save_collection(reading) -> None:
    """`C`: ask a name and save the list's current query under it in collections.yaml."""
    from .text_prompt import TextPrompt

    query = current_query(reading.article_list)
    if not query:
        reading.notify("Filter the list first (f, or a view such as U): a collection saves that query", severity="warning", timeout=4)
        return

    def save(name: str | None) -> None:
        if not name:
            return
        try:
            saved = Collections(reading.app.library).add(name, query)
        except (CollectionsError, OSError) as exc:
            reading.notify(str(exc), severity="error", markup=False)
            return
        reading.notify(f"Saved collection {saved.name}: {saved.query} (c lists collections)", markup=False, timeout=4)

    reading.app.push_screen(TextPrompt(f"Save {query} as a collection named:", placeholder="e.g. Taiwan this week"), save)

"""The main screen's list filter: the header that names it, the filter line that edits it, the
`filter_by_*` entry points the sidebar, palette and overviews use, collections and the
counts of the pinned ones above the list.

A query the catalogue can answer narrows the list at once; one with words to search runs in
a worker and comes back as `Searched`. Part of `ReadingScreen` (see reading_panes.py).
"""

from __future__ import annotations

from textual import on, work
from textual.message import Message
from textual.widgets import Static

from index import QueryError
from library import filters
from library.filters import Filter

from ..list_query import NeedsIndex
from ..widgets.article_list import SORT_NAMES, ArticleList
from ..widgets.filter_line import FilterLine
from ..widgets.pinned_line import PinnedLine
from .reading_panes import PanesPart


class FilterPart(PanesPart):
    """Needs `library`, `facts` and `queries` (tui/list_query.py) from the screen."""

    class Searched(Message):
        """The list filter a query found in the search index."""

        def __init__(self, text: str, found: Filter) -> None:
            super().__init__()
            self.text, self.found = text, found

    class PinnedCounted(Message):
        """How many articles each pinned collection holds, for the line above the list."""

        def __init__(self, counted) -> None:
            super().__init__()
            self.counted = counted

    @on(ArticleList.Changed)
    def _update_counts(self) -> None:
        listing = self.article_list
        shown = len(listing.rows)
        view = "" if listing.view == "all" else f" {listing.view}"
        by = f" · by {SORT_NAMES[listing.sort]}"
        text = f"{shown}{view or ' article' + 's' * (shown != 1)}{by}"
        narrowed = [listing.view] if view else []
        if listing.filter:  # first, so a narrow list shows it whole (the header wraps)
            narrowed.append(listing.filter.label)
            text = f"{listing.filter.label} · esc clears · {shown} of {listing.total}{view}{by}"
        if narrowed:
            self.app.sub_title = " · ".join([f"{shown} of {listing.total} articles", *narrowed])
        else:
            self.app.sub_title = f"{listing.total} articles"
        self.query_one("#list-header", Static).update(text)
        self._show_query()

    def _show_query(self) -> None:
        """The filter's query in the filter line, to edit; never over what the user is typing."""
        line, narrowing = self.query_one(FilterLine), self.article_list.filter
        if not line.has_focus:
            line.value = narrowing.query if narrowing else ""
            line.set_class(narrowing is not None, "-shown")

    def set_filter(self, list_filter: Filter | None) -> None:
        """Narrow the list; the filter's query goes into the filter line, to be edited."""
        self.article_list.set_filter(list_filter)
        self.focus_pane("list")
        self._show_query()
        if list_filter and not self.article_list.rows:
            self.notify(f"No articles match {list_filter.label}", severity="warning", markup=False)

    def action_clear_filter(self) -> None:
        self.set_filter(None)

    def action_edit_filter(self) -> None:
        line = self.query_one(FilterLine)
        line.add_class("-shown")
        self.set_focus(line)  # at once: Widget.focus waits behind keys already typed, which went to the list
        line.cursor_position = len(line.value)

    @on(FilterLine.Submitted)
    def _filter_submitted(self, event: FilterLine.Submitted) -> None:
        self.filter_query(event.value)

    @on(FilterLine.Left)
    def _filter_left(self) -> None:
        self.focus_pane("list")
        self._update_counts()

    def filter_query(self, text: str, label: str | None = None) -> None:
        """Narrow the list to a query in the search language: at once when the catalogue can
        answer it, from the search index (in a worker) when it has words to search."""
        text = text.strip()
        self.query_one(FilterLine).value = text
        if not text:
            self.set_filter(None)
            return
        try:
            self.set_filter(self.queries.from_catalogue(text).named(label or text))
        except QueryError as exc:
            self.notify(f"{text}: {exc}", severity="error", markup=False)
        except NeedsIndex:
            self.notify("Searching…", timeout=1)
            self._search_filter(text, label or text)

    @work(thread=True, exclusive=True, group="list-query", exit_on_error=False, name="filtering the list")
    def _search_filter(self, text: str, label: str) -> None:
        try:
            found = self.queries.from_index(text)
        except (QueryError, OSError) as exc:
            self.notify(f"{text}: {exc}", severity="error", markup=False)
            return
        self.post_message(self.Searched(text, found.named(label)))

    @on(Searched)
    def _searched(self, message: Searched) -> None:
        if not self._shutting_down() and self.query_one(FilterLine).value.strip() == message.text:
            self.set_filter(message.found)

    def filter_by_issue(self, issue_id: str, label: str) -> None:
        self.set_filter(filters.by_issue(issue_id, label, self.facts.issue_ids))

    def filter_by_entity(self, canonical: str, kind: str = "entity") -> None:
        self.set_filter(filters.by_entity(canonical, lambda article_id: self.facts.names(article_id, kind), kind))

    def filter_by_tag(self, tag: str, tags_of=None) -> None:
        """`tags_of(id)` when the caller has read the passage tags; else they are read now."""
        self.set_filter(filters.by_tag(tag, tags_of or self.queries.known().tags_of))

    def filter_by_feed(self, name: str) -> None:
        from library.web.subscriptions import FeedsFileError, load_feeds

        try:
            feeds = [feed for feed in load_feeds(self.library) if feed.name == name]
        except FeedsFileError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.set_filter(filters.by_feed(name, {i for feed in feeds for i in feed.seen.values() if i}))

    def filter_by_source(self, source: str) -> None:
        self.set_filter(filters.by_source(source))

    # -- collections ---------------------------------------------------------------------------
    def action_collections(self) -> None:
        from .collections import CollectionsScreen

        self.app.push_screen(CollectionsScreen(self.queries), self.show_collection)

    def show_collection(self, collection) -> None:
        """The list narrowed to a collection's query, named after it above the list."""
        self.count_pinned()  # pins may have changed
        if collection is not None:
            self.filter_query(collection.query, f"collection {collection.name}")

    def action_save_collection(self) -> None:
        from .collections import save_collection

        save_collection(self)

    @work(thread=True, exclusive=True, group="pinned-counts", exit_on_error=False, name="counting the pinned collections")
    def count_pinned(self) -> None:
        from library.smartcollections import Collections, CollectionsError

        try:
            pinned = [c for c in Collections(self.library).load() if c.pinned]
        except CollectionsError:
            return  # said in one line by the switcher and the command line
        counted = self.queries.count(pinned) if pinned else []
        self.post_message(self.PinnedCounted(counted))

    @on(PinnedCounted)
    def _pinned_counted(self, message: PinnedCounted) -> None:
        if not self._shutting_down():
            self.query_one(PinnedLine).show(message.counted)

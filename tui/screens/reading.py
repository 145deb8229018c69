"""The main screen: article list | reader | sidebar, and the wiring between them.

The widgets own their keys; this screen turns their messages into actions on the library
(read marks, stars, gazetteer corrections) and on each other (open, mark evidence, filter).
Analysis runs in thread workers, so opening an article shows its text at once and the
highlights follow.

The screen is built in parts, one concept each, as a chain of Screen subclasses (Textual
registers `@on` handlers only on its own message-pump classes): the panes
(reading_panes.py), the list filter and collections (reading_filter.py), quotes
(reading_quotes.py), the analysis workers (reading_analysis.py) and entities
(reading_entities.py). Here: the keys, opening articles and the list's and issues' messages.
"""

from __future__ import annotations

from typing import Sequence

from textual import on
from textual.binding import Binding

from library.articlefile import ArticleFileError
from library.readstate import ReadStateError
from library.store import ArticleNotFound

from ..list_query import ListQueries
from ..widgets.article_list import ArticleList
from ..widgets.sidebar import IssueOptions, Sidebar
from .reading_entities import EntitiesPart

PREVIEW_DELAY = 0.2
SAVE_POSITION_EVERY = 3.0
LIBRARY_ANALYSIS_DELAY = 0.5
START_HINT = "Move with j/k and press Enter to read. ? lists every key."
EMPTY_HINT = (
    "This library is empty.\nImport articles with ctrl+p → Import, or run `cuttings import PATH` "
    "in a shell.\nTo look around first, run `cuttings --demo`."
)


class ReadingScreen(EntitiesPart):
    HELP_TITLE = "Reading"
    BINDINGS = [
        Binding("tab", "pane(1)", "Next pane", show=False, id="reading.next_pane"),
        Binding("escape", "app.back_to_results", "Back to search results", show=False, priority=True, id="reading.back_to_results"),
        Binding("shift+tab", "pane(-1)", "Previous pane", show=False, id="reading.previous_pane"),
        Binding("J", "article(1)", "Next article", show=False, id="reading.next_article"),
        Binding("K", "article(-1)", "Previous article", show=False, id="reading.previous_article"),
        Binding("i", "toggle_sidebar", "Sidebar", id="reading.sidebar"),
        Binding("F", "clear_filter", "Clear filter", show=False, id="reading.clear_filter"),
        Binding("p", "entity_page", "Entity page", show=False, id="reading.entity_page"),
        Binding("f", "edit_filter", "Filter line", show=False, id="reading.edit_filter"),
        Binding("c", "collections", "Collections", show=False, id="reading.collections"),
        Binding("C", "save_collection", "Save filter as a collection", show=False, id="reading.save_collection"),
        # on this screen only, so a letter typed into a dialog that is still opening stays there
        Binding("a", "app.add", "Add", id="reading.add"),
        Binding("R", "app.refresh_feeds", "Fetch feeds", show=False, id="reading.refresh_feeds"),
        Binding("W", "app.feeds", "Feeds", show=False, id="reading.feeds"),
    ]

    def __init__(self, library, readstate, facts, search) -> None:
        super().__init__()
        self.library, self.readstate, self.facts, self.search = library, readstate, facts, search  # the app's services
        self.open_id: str | None = None
        self._preview_timer = None

    def on_mount(self) -> None:
        state = self.readstate
        listing = self.article_list
        listing.read, listing.starred, listing.marked = state.is_read, state.is_starred, state.marked
        self.queries = ListQueries(self.library, self.facts, state, self.search.index)
        listing.marks_of = self.facts.marks_of
        listing.set_entries(self.library.entries())
        self.query_one(Sidebar).clear("Open an article to see its issues and entities")
        self.reader.show_hint(EMPTY_HINT if not listing.rows else START_HINT)
        self._layout(self.size.width)
        self.set_interval(SAVE_POSITION_EVERY, self.remember_position)
        listing.focus()
        for warning in [*state.warnings, *self.library.problems]:
            self.notify(warning, severity="warning", markup=False, timeout=8)
        self.set_timer(LIBRARY_ANALYSIS_DELAY, self.analyse_library)  # after the first paint
        self.set_timer(LIBRARY_ANALYSIS_DELAY, self.count_pinned)

    # -- the list ----------------------------------------------------------------------------
    @on(ArticleList.Highlighted)
    def _preview(self, event: ArticleList.Highlighted) -> None:
        self._explain_marks()
        if self._preview_timer:
            self._preview_timer.stop()
        if event.entry and event.entry.id != self.open_id and not self.has_class("-narrow"):
            entry_id = event.entry.id
            self._preview_timer = self.set_timer(PREVIEW_DELAY, lambda: self._show_preview(entry_id))

    def _show_preview(self, entry_id: str) -> None:
        """Unless that article was opened meanwhile (enter came first): opening it again
        would move the reader back to its top under the user's keys."""
        if entry_id != self.open_id:
            self.open_article(entry_id, mark_read=False)

    @on(ArticleList.Selected)
    def _read(self, event: ArticleList.Selected) -> None:
        if self._preview_timer:
            self._preview_timer.stop()
        self.open_article(event.entry.id)
        self.focus_pane("reader")

    @on(ArticleList.StarToggled)
    def _star(self, event: ArticleList.StarToggled) -> None:
        self._save(lambda: self.readstate.set_starred(event.entry.id, event.starred))
        self.notify("Starred" if event.starred else "Star removed", timeout=1.5)

    @on(ArticleList.ReadToggled)
    def _toggle_read(self, event: ArticleList.ReadToggled) -> None:
        self._save(lambda: self.readstate.set_read(event.entry.id, event.read))

    def _save(self, change) -> None:
        try:
            change()
        except ReadStateError as exc:
            self.notify(str(exc), severity="error", markup=False)
        self.article_list.refresh()

    def reload_library(self, changed=()) -> None:
        """Articles were imported or changed: list them again and analyse what is new."""
        listing = self.article_list
        current = listing.current
        for article_id in changed:
            self.facts.known.pop(article_id, None)
        listing.set_entries(self.library.entries(), keep=current.id if current else None)
        if listing.rows and not self.reader.article:
            self.reader.show_hint(START_HINT)
        self.analyse_library()

    # -- the reader ---------------------------------------------------------------------------
    def open_at(self, article_id: str, block: int | None = None, start: int | None = None, end: int | None = None,
                terms: Sequence[str] | None = None) -> bool:
        """The one way to show an article at a place (a search hit, a tagged passage, an
        orphan): this screen on top, the article open (not again if it is), marked read and
        selected in the list, the reader focused. `terms` (None: keep those marked) are
        marked for n/N, and the cursor goes to the first at or after `block`; without terms
        to `start`..`end` in `block` (an `end` past the block stops at its end; no `end`: the
        sentence at `start`). False if the article cannot be read (said in a notice)."""
        while self.app.screen is not self:
            self.app.pop_screen()
        if self.open_id != article_id:
            if not self.open_article(article_id):
                return False
        else:
            self._save(lambda: self.readstate.set_read(article_id))  # opened as a preview, unmarked
        self.article_list.select_id(article_id)
        reader = self.reader
        if terms is not None:
            reader.set_terms(terms)
        if block is not None and terms and start is None:
            reader.goto_term(block)
        elif block is not None:
            limit = len(reader.article.blocks[block].text) if 0 <= block < len(reader.article.blocks) else 0
            reader.goto(block, start or 0, None if end is None else min(end, limit))
        self.focus_pane("reader")
        return True

    def open_article(self, article_id: str, mark_read: bool = True) -> bool:
        """Show an article now; its analysis follows from a worker."""
        self.remember_position()
        try:
            article = self.library.get(article_id)
        except (ArticleNotFound, ArticleFileError) as exc:
            self.notify(str(exc), severity="error", markup=False)
            return False
        self.open_id = article_id
        self.reader.show(article, self.readstate.get(article_id).position)
        self.app.tagging.article_shown(article)
        if mark_read:
            self._save(lambda: self.readstate.set_read(article_id))
        ready = self.facts.cached(article)
        if ready is not None:
            self._show_analysis(article_id, ready)
        else:
            self.query_one(Sidebar).clear("Analysing…")
            self.analyse_article(article)
        return True

    def remember_position(self) -> None:
        """Save where the open article is scrolled to (called on switching, quitting and
        every few seconds, so a crash loses little)."""
        if self.open_id and self.reader.article:
            position = self.reader.position
            if position:
                try:
                    self.readstate.set_position(self.open_id, *position)
                except ReadStateError:
                    pass  # the read-only case was reported when the mark failed

    def action_article(self, delta: int) -> None:
        listing = self.article_list
        if self.open_id and listing.current and listing.current.id != self.open_id:
            listing.select_id(self.open_id)
        entry = listing.step(delta)
        if entry is None:
            self.app.bell()
            return
        self.open_article(entry.id)

    # -- the sidebar's issues ---------------------------------------------------------------------
    @on(IssueOptions.Chosen)
    def _mark_issue(self, event: IssueOptions.Chosen) -> None:
        self.reader.show_issue(event.issue)
        self.focus_pane("reader")

    @on(IssueOptions.Pointed)
    def _point_issue(self, event: IssueOptions.Pointed) -> None:
        self.reader.pointed_issue = event.issue

    @on(IssueOptions.FilterBy)
    def _filter_issue(self, event: IssueOptions.FilterBy) -> None:
        self.filter_by_issue(event.issue.id, event.issue.label)

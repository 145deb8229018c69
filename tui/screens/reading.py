"""The main screen: article list | reader | sidebar, and the wiring between them.

The widgets own their keys; this screen turns their messages into actions on the library
(read marks, stars, gazetteer corrections) and on each other (open, mark evidence, filter).
Analysis runs in thread workers, so opening an article shows its text at once and the
highlights follow.
"""

from __future__ import annotations

import time
from typing import Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker

from index import QueryError
from library import filters
from library.articlefile import ArticleFileError
from library.filters import Filter
from library.readstate import ReadStateError
from library.safetext import visible
from library.store import ArticleNotFound

from ..background import ReportsFailures
from ..list_query import ListQueries, NeedsIndex
from ..reader import Reader, ReaderPane
from ..widgets.article_list import SORT_NAMES, ArticleList
from ..widgets.filter_line import FilterLine
from ..widgets.pinned_line import PinnedLine
from ..widgets.quotes_tab import QuoteOptions
from ..widgets.sidebar import EntityOptions, IssueOptions, Sidebar

WIDE, NARROW = 120, 80
LIST_MIN, READER_GOAL = 30, 74  # columns: a list that still shows titles; a reader of ~70 columns of text
PANES = ("list", "reader", "sidebar")
PREVIEW_DELAY = 0.2
SAVE_POSITION_EVERY = 3.0
LIBRARY_ANALYSIS_DELAY = 0.5
FACTS_EVERY = 1.0  # seconds between list updates while the library is analysed
START_HINT = "Move with j/k and press Enter to read. ? lists every key."
EMPTY_HINT = (
    "This library is empty.\nImport articles with ctrl+p → Import, or run `cuttings import PATH` "
    "in a shell.\nTo look around first, run `cuttings --demo`."
)


def pane_widths(width: int) -> tuple[int, int]:
    """(list, sidebar) columns at a terminal width of 80 or more; the reader takes the rest.
    Reading is the point: the reader gets READER_GOAL columns as soon as the list keeps
    LIST_MIN, and never less than half of what the sidebar leaves. Focus never changes them."""
    sidebar = 0 if width < WIDE else 26 if width < 150 else 30 if width < 180 else 34
    room = width - sidebar
    reader = max(min(room - LIST_MIN, READER_GOAL), room // 2 + 1)
    return room - reader, sidebar


class ReadingScreen(ReportsFailures, Screen):
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
        self.sidebar_shown = False  # in the 80-119 column layout
        self._preview_timer = None

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

    # -- layout ----------------------------------------------------------------------------
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

    # -- the list ----------------------------------------------------------------------------
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

    def _explain_marks(self) -> None:
        """The legend under the list: what the highlighted article's issue marks stand for."""
        entry = self.article_list.current
        marks = self.facts.marks_explained(entry.id) if entry else ()
        self.query_one("#list-legend", Static).update(" · ".join(f"{mark} {visible(label)}" for mark, label in marks))

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
        line.focus()
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

    class Searched(Message):
        """The list filter a query found in the search index."""

        def __init__(self, text: str, found: Filter) -> None:
            super().__init__()
            self.text, self.found = text, found

    class PinnedCounted(Message):
        def __init__(self, counted) -> None:
            super().__init__()
            self.counted = counted

    @work(thread=True, exclusive=True, group="list-query", exit_on_error=False, name="filtering the list")
    def _search_filter(self, text: str, label: str) -> None:
        try:
            found = self.queries.from_index(text)
        except (QueryError, OSError) as exc:
            self.notify(f"{text}: {exc}", severity="error", markup=False)
            return
        self.post_message(self.Searched(text, found.named(label)))

    def on_reading_screen_searched(self, message: Searched) -> None:
        if not self._shutting_down() and self.query_one(FilterLine).value.strip() == message.text:
            self.set_filter(message.found)

    def action_collections(self) -> None:
        from .collections import CollectionsScreen

        self.app.push_screen(CollectionsScreen(self.queries), self.show_collection)

    def show_collection(self, collection) -> None:
        """The list narrowed to a collection's query, named after it above the list."""
        self.count_pinned()  # pins may have changed
        if collection is not None:
            self.filter_query(collection.query, f"collection {collection.name}")

    @work(thread=True, exclusive=True, group="pinned-counts", exit_on_error=False, name="counting the pinned collections")
    def count_pinned(self) -> None:
        from library.smartcollections import Collections, CollectionsError

        try:
            pinned = [c for c in Collections(self.library).load() if c.pinned]
        except CollectionsError:
            return  # said in one line by the switcher and the command line
        counted = self.queries.count(pinned) if pinned else []
        self.post_message(self.PinnedCounted(counted))

    def on_reading_screen_pinned_counted(self, message: PinnedCounted) -> None:
        if not self._shutting_down():
            self.query_one(PinnedLine).show(message.counted)

    def action_save_collection(self) -> None:
        from .collections import save_collection

        save_collection(self)

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

    class Analysed(Message):
        """An article's analysis, from the worker that made it."""

        def __init__(self, article_id: str, analysis) -> None:
            super().__init__()
            self.article_id, self.analysis = article_id, analysis

    class FactsArrived(Message):
        """More of the library's articles have their list marks and filter facts."""

    @work(thread=True, exclusive=True, group="article-analysis", exit_on_error=False, name="analysing the article")
    def analyse_article(self, article) -> None:
        try:
            analysis = self.facts.analyse(article)
        except Exception as exc:  # analysis is an extra: the text stays readable
            self.notify(f"{article.id}: analysis failed ({exc})", severity="error", markup=False)
            return
        self.post_message(self.Analysed(article.id, analysis))

    def on_reading_screen_analysed(self, message: Analysed) -> None:
        self._show_analysis(message.article_id, message.analysis)

    def _shutting_down(self) -> bool:
        """True once the app is shutting down: late worker results are dropped."""
        return not (self.query(Reader) and self.query(ArticleList))

    def _show_analysis(self, article_id: str, analysis) -> None:
        if article_id != self.open_id or self._shutting_down():
            return
        reader = self.reader
        reader.aliases_of = self.facts.aliases_of
        reader.set_analysis(analysis.entities)
        self.query_one(Sidebar).show_analysis(analysis)
        self.shown_analysis = analysis
        self._show_quotes(article_id)
        self.article_list.refresh_entry(article_id)
        self._explain_marks()

    @work(thread=True, exclusive=True, group="library-analysis", exit_on_error=False, name="analysing the library")
    def analyse_library(self) -> None:
        """Fill in issue marks and filter facts for every article, newest first."""
        facts = self.facts
        worker = get_current_worker()
        shown = time.monotonic()
        for entry in self.library.entries():
            if worker.is_cancelled:
                return
            if entry.id in facts.known:
                continue
            try:
                facts.analyse_entry(entry)
            except Exception:  # an unreadable article was already reported by the catalogue
                continue
            if time.monotonic() - shown > FACTS_EVERY:  # by time: refiltering costs the whole list
                self.post_message(self.FactsArrived())
                shown = time.monotonic()
        self.post_message(self.FactsArrived())
        for warning in facts.warnings:
            self.notify(warning, severity="warning", markup=False, timeout=8)

    def on_reading_screen_facts_arrived(self) -> None:
        if self._shutting_down():
            return
        self.article_list.refresh()
        self.article_list.refilter()
        self._explain_marks()

    # -- the sidebar ----------------------------------------------------------------------------
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

    @on(EntityOptions.Chosen)
    def _jump_to_entity(self, event: EntityOptions.Chosen) -> None:
        self.reader.select_mention(event.mention)
        self.focus_pane("reader")

    @on(EntityOptions.FilterBy)
    def _filter_entity(self, event: EntityOptions.FilterBy) -> None:
        self.filter_by_entity(event.canonical)

    def action_entity_page(self) -> None:
        """The page of the entity under the reader's cursor (m steps through them)."""
        reader, cursor = self.reader, self.reader.cursor
        mention = reader.selected_mention or next(
            (m for m in reader.mentions if cursor and (m.block, m.start) <= (cursor.block, cursor.start) < (m.block, m.end)), None)
        if mention is None:
            self.notify("No entity under the cursor: m steps through the article's entities", timeout=3)
            return
        self.app.action_entity_page(mention.canonical)

    # -- quotes ------------------------------------------------------------------------------------
    shown_analysis = None  # the open article's analysis, once it is shown

    def _show_quotes(self, article_id: str) -> None:
        from ..quoting import shown_quotes

        quotes, problem = shown_quotes(self.library, article_id, self.shown_analysis.quotes)
        self.query_one(Sidebar).show_quotes(quotes)
        spans: dict[int, list[tuple[int, int]]] = {}
        for q in quotes:
            spans.setdefault(q.block, []).append((q.start, q.end))
        self.reader.set_ranges("said", spans)
        if problem:
            self.notify(problem, severity="warning", markup=False, timeout=8)

    @on(QuoteOptions.Chosen)
    def _jump_to_quote(self, event: QuoteOptions.Chosen) -> None:
        self.reader.goto(event.quote.block, event.quote.start, event.quote.end)
        self.focus_pane("reader")

    @on(QuoteOptions.Correct)
    def _correct_speaker(self, event: QuoteOptions.Correct) -> None:
        from ..quoting import keep_correction
        from .speaker import SpeakerScreen, candidates

        article_id, quote = self.open_id, event.quote
        if article_id is None or self.shown_analysis is None:
            return

        def chosen(speaker: str | None) -> None:
            if speaker is None or article_id != self.open_id or not keep_correction(self.app, article_id, quote, speaker):
                return
            self.notify(f"Speaker: {speaker or 'nobody named'}", markup=False)
            self._show_quotes(article_id)

        self.app.push_screen(SpeakerScreen(quote, candidates(quote, self.shown_analysis.entities)), chosen)

    # -- correcting entities -----------------------------------------------------------------------
    @on(Reader.EditEntity)
    def _edit_entity(self, event: Reader.EditEntity) -> None:
        from .entity_edit import EntityEditScreen

        self.app.push_screen(EntityEditScreen(event.mention, event.suggestion), self._apply_entity_edit)

    def _apply_entity_edit(self, edit) -> None:
        if not edit:
            return
        from library.entities import user

        action, text, kind = edit
        root = self.library.root
        try:
            if action == "ignore":
                user.ignore_text(root, text)
                self.notify(f"“{text}” will not be highlighted", markup=False)
            else:
                user.add_entity(root, text, kind)
                self.notify(f"Added “{text}” as {kind}", markup=False)
        except Exception as exc:  # a locked or read-only library: say so, change nothing
            self.notify(f"{root / 'entities.yaml'}: {exc}", severity="error", markup=False)
            return
        self.facts.reload()
        if self.reader.article:
            self.analyse_article(self.reader.article)
        self.analyse_library()

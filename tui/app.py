"""The Cuttings app: a thin shell that holds the library services and the screens.

Screens and widgets own their behaviour; the app holds what they share (the library, the read
state, the analysis facts) and the keys that work everywhere.
"""

from __future__ import annotations

from typing import Sequence

from textual import events, on
from textual.app import App
from textual.binding import Binding
from textual.filter import LineFilter

from library.readstate import ReadState
from library.store import Library

from .background import ReportsFailures
from .config import apply_user_config
from .facts import ArticleFacts
from .instance import claim_library
from .palette import LibraryCommands
from .screens.feeds import FeedsScreen
from .screens.help import HelpScreen
from .screens.reading import ReadingScreen
from .screen_filter import RemoveUnsafe
from .screens.search import SearchScreen, back_to_results, open_search
from .searching import LibrarySearch
from .tagging.controller import Tagging
from .tagging.routes import TaggingRoutes
from .typeahead import TypeAhead
from .watching import start_watching
from .workers import LibraryUpdated, start_add, start_follow, start_refresh

WATCH_DELAY = 0.5


class CuttingsApp(ReportsFailures, TaggingRoutes, App):
    CSS_PATH = "cuttings.tcss"
    COMMANDS = {LibraryCommands}  # Textual's system commands duplicate ours (theme, keys, quit)
    BINDINGS = [
        Binding("slash", "search", "Search", id="app.search"),
        Binding("question_mark", "help", "Keys", id="app.help"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("I", "overview('issues')", "All issues", show=False, id="app.issues"),
        Binding("E", "overview('entities')", "All entities", show=False, id="app.entities"),
        Binding("T", "tags", "All tags", show=False, id="app.tags"),
        Binding("V", "trends", "Issue trends", show=False, id="app.trends"),
        Binding("P", "workbench", "Passage workbench", show=False, id="app.workbench"),
    ]

    def __init__(self, library: Library, name: str | None = None) -> None:
        super().__init__()
        self.library = library
        self.readstate = ReadState(library)
        self.facts = ArticleFacts(library)
        self.library_search = LibrarySearch(library)  # the one open search index
        self.tagging = Tagging(self, library, self.library_search, lambda: self.reading)
        self.title = f"Cuttings — {name or library.root.name}"
        self._remove_unsafe = RemoveUnsafe()
        self.type_ahead = TypeAhead()

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), self._remove_unsafe]

    def get_default_screen(self) -> ReadingScreen:
        return ReadingScreen(self.library, self.readstate, self.facts, self.library_search)

    @property
    def reading(self) -> ReadingScreen:
        """The main screen (always at the bottom of the stack)."""
        return self.screen_stack[0]

    async def on_event(self, event: events.Event) -> None:
        self.type_ahead.arrived(self, event)
        if not self.type_ahead.pass_on(self, event):  # keys typed fast after `/` or `f` (tui/typeahead.py)
            await super().on_event(event)

    async def action_quit(self) -> None:
        self.reading.remember_position()
        self.exit()

    # -- passage tags (tui/tagging/: its messages land in TaggingRoutes)
    def action_tags(self) -> None:
        from .tagging.tags_screen import TagsScreen

        self.push_screen(TagsScreen(self.tagging))

    def action_workbench(self) -> None:
        from .screens.workbench import WorkbenchScreen

        self.push_screen(WorkbenchScreen(self.tagging))

    def action_codebook(self) -> None:
        from .screens.codebook import CodebookScreen

        self.push_screen(CodebookScreen(self.tagging))

    def action_overview(self, kind: str) -> None:
        from .screens.overview import OverviewScreen

        self.push_screen(OverviewScreen(kind, self.library, self.facts), self._show_chosen)

    def _show_chosen(self, chosen: tuple[str, str, str] | None) -> None:
        """The list narrowed to the issue or entity chosen on the overview (kind, value, label)."""
        if chosen:
            kind, value, label = chosen
            self.reading.filter_by_issue(value, label) if kind == "issue" else self.reading.filter_by_entity(value)

    # -- the beat: entity pages and issue trends (tui/screens/entity_page.py, trends.py)
    def action_entity_page(self, name: str) -> None:
        from .screens.entity_page import EntityPageScreen

        self.push_screen(EntityPageScreen(name))

    def action_trends(self) -> None:
        from .screens.trends import TrendsScreen

        self.push_screen(TrendsScreen())

    # -- search, help, config, background work (tui/screens/search.py, help.py, config.py, workers.py)
    @on(events.Mount)
    def _start_services(self) -> None:
        apply_user_config(self)
        self.instance = claim_library(self)
        self.install_screen(SearchScreen(self.library_search), "search")
        self.set_timer(WATCH_DELAY, lambda: start_watching(self))  # its first look at every file waits for the first paint

    @on(events.Unmount)
    def _release_library(self) -> None:
        self.library_search.close()
        self.instance.release()

    def action_search(self) -> None:
        open_search(self)

    def action_back_to_results(self) -> None:
        back_to_results(self)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.screen))

    def on_search_screen_open_hit(self, message: SearchScreen.OpenHit) -> None:
        """Open the hit's article in the reader, at the hit, with the query's words marked."""
        if self.reading.open_at(message.hit.id, message.hit.block, terms=message.terms):
            self.notify("n / N: next / previous match · escape: back to the results", timeout=4)

    def on_library_updated(self, message: LibraryUpdated) -> None:
        self.reading.reload_library(message.changed)
        if message.show and self.reading.open_article(message.show):
            self.reading.article_list.select_id(message.show)
        if message.feeds_changed and isinstance(self.screen, FeedsScreen):
            self.screen.load()

    # -- adding articles (tui/screens/add.py)
    def action_add(self) -> None:
        from .screens.add import AddScreen

        self.push_screen(AddScreen(), lambda request: request and start_add(self, self.library, request))

    # -- feeds (tui/screens/feeds.py; the network work in tui/workers.py)
    def action_feeds(self) -> None:
        self.push_screen(FeedsScreen(self.library))

    def action_refresh_feeds(self) -> None:
        start_refresh(self, self.library)

    def on_feeds_screen_fetch_feeds(self, message: FeedsScreen.FetchFeeds) -> None:
        start_refresh(self, self.library, message.names)

    def on_feeds_screen_follow_feed(self, message: FeedsScreen.FollowFeed) -> None:
        start_follow(self, self.library, message.url)

    def on_feeds_screen_show_feed(self, message: FeedsScreen.ShowFeed) -> None:
        while self.screen is not self.reading:
            self.pop_screen()
        self.reading.filter_by_feed(message.name)

"""`/`: live search over the library, results as you type, Enter to read at the hit.

Each keystroke restarts a short timer; when typing pauses the query runs in a thread worker,
so keys never wait for the index. Results that arrive for a query the user has already
changed are dropped. The screen is installed once and kept, so Escape from the article comes
back to the same query, results and selection.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.actions import SkipAction
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from index import QueryError, SearchResult, completions
from library.safetext import visible

from ..background import ReportsFailures
from ..history import QueryHistory
from ..searching import LibrarySearch
from ..widgets.query_bar import QueryBar
from ..widgets.vim_options import VimOptionList

DEBOUNCE = 0.15
LIMIT = 50
LIVE_BUDGET = 0.08  # seconds of ranking before the first screen of hits; the rest follows
PLACEHOLDER = 'words, "a phrase", entity:"Wang Yi", issue:taiwan, source:, date:2023-06'


class SearchScreen(ReportsFailures, Screen[None]):
    """The search bar, a status line (count, time, errors, "did you mean") and the hits."""

    HELP_TITLE = "Search"
    AUTO_FOCUS = "#search-bar"
    TAKES_TYPING = "#search-bar"  # keys typed before it is mounted go into it (tui/typeahead.py)
    BINDINGS = [
        Binding("escape", "close", "Close search", id="search.close"),
        Binding("up", "history(-1)", "Older query", show=False, id="search.history_older"),
        Binding("down", "history(1)", "Newer query", show=False, id="search.history_newer"),
        Binding("ctrl+r", "search_history", "Past searches", id="search.history_search"),
        Binding("tab", "complete", "Complete / results", id="search.complete"),
        Binding("ctrl+y", "use_suggestion", "Did you mean", id="search.suggestion"),
        Binding("ctrl+o", "toggle_sort", "Sort", id="search.sort"),
        Binding("slash", "focus_bar", "Edit query", show=False, id="search.edit"),
    ]
    COMPONENT_CLASSES = {"search--match", "search--meta", "search--title"}
    DEFAULT_CSS = """
    SearchScreen #search-bar { border: tall $accent; }
    SearchScreen #search-status { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    SearchScreen #search-status.-error { color: $error; }
    SearchScreen #search-results { height: 1fr; border: none; }
    SearchScreen #search-results > .option-list--option { padding: 0 1; }
    SearchScreen > .search--match { background: $warning 45%; text-style: bold; }
    SearchScreen > .search--meta { color: $text-muted; }
    SearchScreen > .search--title { text-style: bold; }
    """

    class OpenHit(Message):
        """The user chose a hit: the app opens its article at `hit.block`, terms highlighted."""

        def __init__(self, hit, terms: tuple[str, ...]) -> None:
            super().__init__()
            self.hit = hit
            self.terms = terms

    class IndexReady(Message):
        """The index is open (or `problem` says why it is not)."""

        def __init__(self, problem: str | None) -> None:
            super().__init__()
            self.problem = problem

    class Answered(Message):
        """A query's SearchResult, or its QueryError, from the search worker."""

        def __init__(self, query: str, outcome) -> None:
            super().__init__()
            self.query, self.outcome = query, outcome

    class Counted(Message):
        """How many articles match the query of a result shown with its first hits only."""

        def __init__(self, result, total: int) -> None:
            super().__init__()
            self.result, self.total = result, total

    def __init__(self, search: LibrarySearch, history: QueryHistory | None = None) -> None:
        super().__init__()
        self.search = search  # the app's one index
        self.history = history or QueryHistory()
        self.index = None  # once open: completions offer its names
        self.result = None  # the SearchResult shown
        self.shown: str | None = None  # the query whose answer (results or error) is shown
        self.sort = "relevance"
        self._timer = None
        self._open_when_ready = False
        self.resume_at_results = False  # Escape from the article comes back to the selection
        self.opened: str | None = None  # the article of the hit last opened

    def compose(self) -> ComposeResult:
        yield QueryBar(self.completions, placeholder=PLACEHOLDER, id="search-bar")
        yield Static(id="search-status", markup=False)
        yield VimOptionList(id="search-results")
        yield Footer()

    @property
    def bar(self) -> QueryBar:
        return self.query_one("#search-bar", QueryBar)

    def completions(self, typed: str) -> list[str]:
        """Field names, and once the index is open issue ids, tags and names of the field's kind."""
        return completions(typed, index=self.index)

    @property
    def results(self) -> VimOptionList:
        return self.query_one("#search-results", VimOptionList)

    def on_mount(self) -> None:
        self.query_one("#search-status", Static).update("Opening the search index…")
        self.run_worker(self._warm_up, thread=True, group="search-index", exit_on_error=False, name="opening the search index")

    def _warm_up(self) -> None:
        """Open (on first use, build) the index before the first query needs it."""
        try:
            self._open_index()
            problem = None
        except Exception as exc:  # e.g. a read-only library without an index: say so, keep running
            problem = f"search index unavailable: {exc}"
        self.post_message(self.IndexReady(problem))

    def on_search_screen_index_ready(self, ready: IndexReady) -> None:
        if self.shown is None:
            status = self.query_one("#search-status", Static)
            status.set_class(ready.problem is not None, "-error")
            status.update(ready.problem or "Type to search the library.")

    # -- running queries ---------------------------------------------------------------
    @on(Input.Changed, "#search-bar")
    def _typed(self) -> None:
        self._open_when_ready = False
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self.run_search)

    def run_search(self) -> None:
        query = self.bar.value.strip()
        if not query:
            self._show(query, None)
            return
        self.run_worker(lambda: self._search(query, self.sort), thread=True, exclusive=True, group="search", exit_on_error=False, name="searching")

    def _open_index(self):
        self.index = self.search.index()
        for notice in self.search.notices():
            self.notify(notice, title="Search index", markup=False)
        return self.index

    def _search(self, query: str, sort: str) -> None:
        """Runs in a thread: the first hits (or the one-line error) go back to the UI thread
        at once, ranked among the matches reached within LIVE_BUDGET; then, if the budget ran
        out, every match ranked and counted, or else, if there are more than shown, how many
        match in all. Typing on cancels the worker, which stops the ranking or the count."""
        try:
            outcome = self._open_index().search(query, limit=LIMIT, sort=sort, counted=False, budget=LIVE_BUDGET)
        except QueryError as exc:
            outcome = exc
        except Exception:  # a broken index must not take the app down, nor show its internals
            outcome = QueryError("Search failed on this query. Try other words; if it keeps failing, run `cuttings check --fix`.")
        self.post_message(self.Answered(query, outcome))
        if not isinstance(outcome, SearchResult) or outcome.total is not None:
            return
        worker = get_current_worker()
        try:
            if not outcome.complete:
                ranked = self.index.search(query, limit=LIMIT, sort=sort, stop=lambda: worker.is_cancelled)
                if ranked.complete:
                    self.post_message(self.Answered(query, ranked))
            elif (total := self.index.count(query, stop=lambda: worker.is_cancelled)) is not None:
                self.post_message(self.Counted(outcome, total))
        except Exception:  # the first hits are shown; only the full ranking or count is missing
            return

    def on_search_screen_answered(self, answer: Answered) -> None:
        self._show(answer.query, answer.outcome)

    def on_search_screen_counted(self, counted: Counted) -> None:
        if self.result is counted.result:  # still on screen: only the status changes
            self.result = replace(counted.result, total=counted.total)
            self.query_one("#search-status", Static).update(self._status_text(self.result))

    def _show(self, query: str, outcome) -> None:
        if query != self.bar.value.strip():
            return  # the user typed on; a newer search is coming
        self.shown = query
        status = self.query_one("#search-status", Static)
        status.set_class(isinstance(outcome, QueryError), "-error")
        before = self.result if self.result and self.result.query == query else None
        kept = before.hits[self.results.highlighted].id if before and self.results.highlighted else None
        self.result = None if outcome is None or isinstance(outcome, QueryError) else outcome
        self.results.clear_options()
        if outcome is None:
            status.update("Type to search the library.")
            return
        if isinstance(outcome, QueryError):
            status.update(str(outcome))
            return
        status.update(self._status_text(outcome))
        self.results.add_options(Option(self._hit_prompt(hit), id=str(i)) for i, hit in enumerate(outcome.hits))
        if outcome.hits:  # the full ranking of the same query keeps the hit the user moved to
            ids = [hit.id for hit in outcome.hits]
            self.results.highlighted = ids.index(kept) if kept in ids else 0
            if self._open_when_ready:
                self._open(0)
        self._open_when_ready = False

    def _status_text(self, result) -> Text:
        shown = len(result.hits)
        if not result.complete:
            count = f"best {shown} of the first matches (ranking every match…)"
        elif result.total is None:
            count = f"first {shown} results (counting…)"
        else:
            count = f"{result.total} result{'s' if result.total != 1 else ''}"
        if result.total is not None and shown < result.total:
            count += f" (first {shown})"
        text = Text(f"{count} · {result.took_ms:.0f} ms · by {self.sort}")
        if result.suggestion:
            text.append("   Did you mean ")
            text.append(result.suggestion, style="bold")
            text.append("?  ctrl+y")
        return text

    def _hit_prompt(self, hit) -> Text:
        """Title, date and source, then the snippet with the matched words marked.
        (Partial styles: the list's own background shows which hit is selected.)"""
        def get(name: str):
            return self.get_component_rich_style(name, partial=True)

        prompt = Text()
        prompt.append(visible(hit.title) or "(untitled)", style=get("search--title"))
        meta = " · ".join(part for part in (hit.date or "undated", visible(hit.source)) if part)
        prompt.append(f"  {meta}\n", style=get("search--meta"))
        snippet = Text(visible(hit.snippet))
        for start, end in hit.highlights:
            snippet.stylize(get("search--match"), start, end)
        prompt.append_text(snippet)
        return prompt

    # -- opening hits ------------------------------------------------------------------
    @on(Input.Submitted, "#search-bar")
    def _submitted(self) -> None:
        self.history.add(self.bar.value)  # every query asked, found or not, can be asked again
        if self.result is not None and self.result.query == self.bar.value.strip() and self.result.hits:
            self._open(self.results.highlighted or 0)
        else:
            if self._timer is not None:
                self._timer.stop()
            self._open_when_ready = True
            self.run_search()

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option_index)

    def _open(self, position: int) -> None:
        hit = self.result.hits[position]
        self.history.add(self.result.query)
        self.opened = hit.id
        self.app.pop_screen()
        self.app.post_message(self.OpenHit(hit, tuple(hit.terms)))

    def take_focus(self) -> None:
        """Right after the screen is pushed, not on its resume event: keys typed fast after `/`
        are already queued behind it, and must land in the bar, not in the list below. The
        first time, the bar is not there yet: it takes the focus when mounted (AUTO_FOCUS),
        and keys typed before are passed on to it (TAKES_TYPING)."""
        if not self.is_mounted:
            return
        if self.resume_at_results and self.result and self.result.hits:
            self.set_focus(self.results)
        else:
            self.set_focus(self.bar)
            self.bar.select_all()  # typing starts a new query; an arrow key keeps this one to edit
        self.resume_at_results = False

    # -- keys ------------------------------------------------------------------------------
    def action_close(self) -> None:
        self.app.pop_screen()

    def action_focus_bar(self) -> None:
        self.set_focus(self.bar)

    def action_history(self, step: int) -> None:
        query = self.history.older() if step < 0 else self.history.newer()
        if query is not None:
            self.bar.value = query
            self.bar.cursor_position = len(query)

    def action_search_history(self) -> None:
        from .history_search import HistorySearchScreen

        def chosen(query: str | None) -> None:
            if query:
                self.bar.value = query
                self.bar.cursor_position = len(query)
                self.set_focus(self.bar)
                self.run_search()

        self.app.push_screen(HistorySearchScreen(self.history), chosen)

    def action_complete(self) -> None:
        """Tab completes the word being typed (again: the next candidate), else moves to the results."""
        bar = self.bar
        if self.focused is bar and bar.complete():
            return
        self.set_focus(self.results if self.focused is bar else bar)  # at once: the next key goes there

    def action_use_suggestion(self) -> None:
        if self.result and self.result.suggestion:
            self.bar.value = self.result.suggestion
            self.bar.cursor_position = len(self.bar.value)
            self.set_focus(self.bar)

    def action_toggle_sort(self) -> None:
        self.sort = "date" if self.sort == "relevance" else "relevance"
        self.run_search()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """History keys belong to the bar; in the results list up/down move the selection."""
        if action == "history":
            return self.focused is self.bar
        if action == "use_suggestion":
            return bool(self.result and self.result.suggestion) or None
        return True


def open_search(app) -> None:
    """`/`: the search screen, with the last query and its results still there."""
    app.push_screen("search")
    app.get_screen("search").take_focus()


def back_to_results(app) -> None:
    """Escape in the reader after opening a hit: the results again, same selection.
    Anywhere else Escape keeps its own meaning (SkipAction passes the key on)."""
    search = app.get_screen("search")
    reading = app.reading
    focus = app.focused
    in_reader = focus is not None and focus is reading.reader
    if app.screen is not reading or not in_reader or search.result is None or reading.open_id != search.opened:
        raise SkipAction()
    if app.tagging.selection.range:  # the first Escape cancels a tag selection (tui/tagging/)
        raise SkipAction()
    search.resume_at_results = True
    app.push_screen(search)
    search.take_focus()

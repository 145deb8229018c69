"""One entity across the library: its kind and aliases, mentions over time, the entities and
issues seen with it more often than chance, and its articles (library/beat/entity_page.py).

Opened with `p` on the entity under the reader's cursor or on a row of the Entities overview,
or from the palette. The page is counted in a worker; Enter on a related entity opens its
page, on an issue filters the article list, on an article or a quote opens it there.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from library.safetext import shorten, visible

from ..background import ReportsFailures
from ..widgets.bars import columns, window
from ..reader import KIND_NAMES
from .entity_edit import EntityEditScreen
from .view_export import save_view_from

CHART_HEIGHT = 5
ARTICLE_ROWS = 1_000  # newest shown; a table of 50,000 rows would hold up the keys while it fills


class EntityPageScreen(ReportsFailures, Screen):
    HELP_TITLE = "Entity page"
    BINDINGS = [
        Binding("escape,q", "close", "Back", id="entity_page.close"),
        Binding("w", "by", "Week/month", id="entity_page.by"),
        Binding("f", "filter", "Filter list", id="entity_page.filter"),
        Binding("a", "edit", "Kind/aliases", id="entity_page.edit"),
        Binding("s", "save('csv')", "Save CSV", id="entity_page.save_csv"),
        Binding("S", "save('json')", "Save JSON", show=False, id="entity_page.save_json"),
        Binding("tab,l", "tab(1)", "Next list", show=False, id="entity_page.next_tab"),
        Binding("shift+tab,h", "tab(-1)", "Previous list", show=False, id="entity_page.previous_tab"),
        Binding("j", "cursor(1)", "Down", show=False, id="entity_page.down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="entity_page.up"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.wanted = name
        self.page = None
        self.by = "month"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(f"Counting {visible(self.wanted)} across the library…"), id="entity-head")
        yield Static(id="entity-chart")
        with TabbedContent(id="entity-tabs"):
            with TabPane("Seen with", id="related"):
                yield DataTable(id="entity-related", cursor_type="row", zebra_stripes=True)
            with TabPane("Articles", id="articles"):
                yield DataTable(id="entity-articles", cursor_type="row", zebra_stripes=True)
            with TabPane("Quotes", id="quotes"):
                yield DataTable(id="entity-quotes", cursor_type="row", zebra_stripes=True)
        yield Footer()

    class Counted(Message):
        """The entity's page, from the worker that counted it."""

        def __init__(self, page) -> None:
            super().__init__()
            self.page = page

    class Unknown(Message):
        """No entity by that name: the names close to it."""

        def __init__(self, close: list[str]) -> None:
            super().__init__()
            self.close = close

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, name="counting the entity page")
    def load(self) -> None:
        from library.beat.entity_page import UnknownEntity, entity_page

        try:
            page = entity_page(self.app.library, self.app.facts.analyser, self.wanted)
        except UnknownEntity as exc:
            self.post_message(self.Unknown(exc.close))
            return
        self.post_message(self.Counted(page))

    def on_entity_page_screen_unknown(self, message: Unknown) -> None:
        close = message.close
        line = f"No entity named “{visible(self.wanted)}” in the library."
        if close:
            line += " Did you mean " + ", ".join(f"“{visible(c)}”" for c in close) + "?  (enter opens one)"
        self.query_one("#entity-head", Static).update(Text(line, "bold"))
        table = self.query_one("#entity-related", DataTable)
        table.add_columns("Did you mean")
        for name in close:
            table.add_row(Text(visible(name)), key=f"entity\0{name}")
        table.focus()

    def on_entity_page_screen_counted(self, message: Counted) -> None:
        self.page = page = message.page
        head = Text(visible(page.name), "bold").append(f"  {KIND_NAMES.get(page.kind, page.kind)}", "cyan")
        head.append(f" · {len(page.articles)} article{'s' * (len(page.articles) != 1)}")
        if page.kinds:
            head.append("  (also " + ", ".join(f"{KIND_NAMES.get(k, k)} in {n}" for k, n in page.kinds.items() if k != page.kind) + ")", "dim")
        if page.aliases:
            head.append("\nalso written " + ", ".join(visible(a) for a in page.aliases), "dim")
        self.query_one("#entity-head", Static).update(head)
        self._chart()
        related = self.query_one("#entity-related", DataTable)
        related.clear(columns=True)
        related.add_columns("Name", "Kind", "Together", "Lift")
        for r in page.related:
            key = f"issue\0{r.name}" if r.kind == "issue" else f"entity\0{r.name}"
            related.add_row(Text(visible(r.name)), KIND_NAMES.get(r.kind, r.kind), f"{r.together} of {r.articles}", f"{r.lift:.1f}×", key=key)
        if not page.related:
            related.add_row(Text("nothing seen with it in two articles or more", "dim"), "", "", "")
        articles = self.query_one("#entity-articles", DataTable)
        articles.clear(columns=True)
        articles.add_columns("Date", "Title")
        for article_id, date, title in page.articles[:ARTICLE_ROWS]:
            articles.add_row(date or "undated", Text(visible(title)), key=f"article\0{article_id}")
        if len(page.articles) > ARTICLE_ROWS:
            articles.add_row("", Text(f"… {len(page.articles) - ARTICLE_ROWS} older: f shows them all in the list", "dim"))
        quotes = self.query_one("#entity-quotes", DataTable)
        quotes.clear(columns=True)
        quotes.add_columns("Said", "As", "Words")
        for n, (article_id, q) in enumerate(page.quotes[:ARTICLE_ROWS]):
            quotes.add_row(q.kind, Text(visible(q.said_by or "")), Text(shorten(q.text, 200)),
                           key=f"quote\0{article_id}\0{q.block}\0{q.start}\0{q.end}\0{n}")
        if not page.quotes:
            quotes.add_row("", "", Text("no quotes found", "dim"))
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("quotes").label = f"Quotes ({len(page.quotes)})"
        tabs.get_tab("related").label = f"Seen with ({len(page.related)})"
        tabs.get_tab("articles").label = f"Articles ({len(page.articles)})"
        self._table().focus()

    def _chart(self) -> None:
        page = self.page
        counts = page.months if self.by == "month" else page.weeks
        from library.beat.periods import UNDATED, period_range

        periods = period_range(set(counts), self.by)
        chart = self.query_one("#entity-chart", Static)
        if not periods:
            chart.update(Text("No dated mentions", "dim"))
            return
        shown = list(window(len(periods), max(10, self.size.width - 4), len(periods) - 1))
        values = [counts.get(periods[i], [0, 0])[0] for i in shown]
        title = Text(f"Articles by {self.by}, {periods[shown[0]]} … {periods[shown[-1]]} (most {max(values)})", "bold")
        if UNDATED in counts:
            title.append(f" · {counts[UNDATED][0]} undated", "dim")
        title.append("   w: by " + ("week" if self.by == "month" else "month"), "dim")
        chart.update(Text("\n").join([title, *columns(values, CHART_HEIGHT)]))

    def _table(self) -> DataTable:
        tabs = self.query_one(TabbedContent)
        return self.query_one(f"#entity-{tabs.active}", DataTable)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is None:
            return
        kind, value, *where = event.row_key.value.split("\0")
        reading = self.app.reading
        if kind == "quote":
            block, start, end = (int(x) for x in where[:3])
            reading.open_at(value, block, start, end)
        elif kind == "entity":
            self.app.switch_screen(EntityPageScreen(value))
        elif kind == "article":
            reading.open_at(value)
        else:
            while self.app.screen is not reading:
                self.app.pop_screen()
            issue = next((i for i in self.app.facts.analyser.taxonomy.issues if i.label == value), None)
            reading.filter_by_issue(issue.id if issue else value, value)

    def action_by(self) -> None:
        if self.page is not None:
            self.by = "week" if self.by == "month" else "month"
            self._chart()

    def action_filter(self) -> None:
        if self.page is not None:
            name = self.page.name
            reading = self.app.reading
            while self.app.screen is not reading:
                self.app.pop_screen()
            reading.filter_by_entity(name)

    def action_edit(self) -> None:
        if self.page is not None:
            self.app.push_screen(EntityEditScreen(None, self.page.name, aliases=self.page.aliases), self._apply_edit)

    def _apply_edit(self, edit) -> None:
        if not edit or edit[0] != "add":
            return
        from library.entities import user

        _, name, kind, aliases = edit
        root = self.app.library.root
        try:
            user.add_entity(root, name, kind, aliases)
        except Exception as exc:  # a locked or read-only library, a broken entities.yaml: say so
            self.notify(f"{root / 'entities.yaml'}: {exc}", severity="error", markup=False)
            return
        self.notify(f"{name}: saved as {KIND_NAMES.get(kind, kind)} in {root / 'entities.yaml'}", markup=False)
        self.app.facts.reload()
        self.app.reading.analyse_library()
        self.wanted = name
        self.load()

    def action_save(self, fmt: str) -> None:
        page = self.page
        if page is not None:
            save_view_from(self, f"entity {page.name}", fmt, lambda: (page.COLUMNS, page.table()), page.to_json)

    def action_tab(self, delta: int) -> None:
        tabs = self.query_one(TabbedContent)
        panes = ["related", "articles", "quotes"]
        tabs.active = panes[(panes.index(tabs.active) + delta) % len(panes)]
        self._table().focus()

    def action_cursor(self, delta: int) -> None:
        table = self._table()
        table.move_cursor(row=table.cursor_row + delta)

    def action_close(self) -> None:
        self.app.pop_screen()

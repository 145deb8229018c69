"""`V`: attention per issue over time (library/beat/trends.py), one chart line per issue;
Enter on an issue shows its outlets side by side, counted in articles or evidence passages.

h/l move the selected period; f lists the articles of the row's issue (and outlet) in that
period. Counting runs in a worker, so keys are never held up on a large library.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from library.safetext import visible

from ..background import ReportsFailures
from ..widgets.bars import sparkline, window
from .view_export import save_view_from

BYS = ("month", "week", "day")
NAME_WIDTH = 28  # longer issue and outlet names are cut
OTHER_COLUMNS = NAME_WIDTH + 30  # the name, two counts, the cell padding and the scroll bar


class TrendsScreen(ReportsFailures, Screen):
    HELP_TITLE = "Issue trends"
    BINDINGS = [
        Binding("escape,q", "back", "Back", id="trends.back"),
        Binding("h,left", "period(-1)", "Earlier", id="trends.earlier"),
        Binding("l,right", "period(1)", "Later", id="trends.later"),
        Binding("b", "by", "Day/week/month", id="trends.by"),
        Binding("c", "count", "Articles/passages", id="trends.count"),
        Binding("f", "list_period", "List period", id="trends.list"),
        Binding("s", "save('csv')", "Save CSV", id="trends.save_csv"),
        Binding("S", "save('json')", "Save JSON", show=False, id="trends.save_json"),
        Binding("j", "cursor(1)", "Down", show=False, id="trends.down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="trends.up"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.by = "month"
        self.issue: tuple[str, str] | None = None  # (id, label) when showing one issue's outlets
        self.rows = []  # the TrendRows shown
        self.periods: list[str] = []
        self.selected = 0  # index into periods
        self.passages = False  # count evidence passages instead of articles

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Counting issues across the library…", id="trends-note", markup=False)
        yield DataTable(id="trends-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    class Counted(Message):
        """The TrendRows counted by the worker."""

        def __init__(self, rows) -> None:
            super().__init__()
            self.rows = rows

    class PeriodListed(Message):
        """The list filter for an issue's (and outlet's) articles in a period; None if it has none."""

        def __init__(self, where: str, found) -> None:
            super().__init__()
            self.where, self.found = where, found

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.count()

    @work(thread=True, exclusive=True, exit_on_error=False, name="counting the trends")
    def count(self) -> None:
        from library.beat.trends import trends

        issues = [self.issue[0]] if self.issue else None
        rows = trends(self.app.library, self.app.facts.analyser, issues, by=self.by, split_sources=self.issue is not None)
        self.post_message(self.Counted(rows))

    def on_trends_screen_counted(self, message: Counted) -> None:
        keep = self.periods[self.selected] if self.periods else None
        self.rows = rows = message.rows
        self.periods = list(dict.fromkeys(r.period for r in rows))
        dated = [p for p in self.periods if p != "undated"]
        self.selected = self.periods.index(keep) if keep in self.periods else max(0, len(dated) - 1)
        self._draw()

    def _series(self) -> dict[str, list]:
        series: dict[str, list] = {}
        for row in self.rows:
            series.setdefault(row.source if self.issue else row.issue, []).append(row)
        return series

    def _draw(self) -> None:
        table = self.query_one(DataTable)
        row_at = table.cursor_row
        table.clear(columns=True)
        note = self.query_one("#trends-note", Static)
        if not self.rows:
            note.update(Text("No issues found in the library yet." if not self.issue else "No articles discuss this issue."))
            return
        series = self._series()
        shown = list(window(len(self.periods), max(8, self.size.width - OTHER_COLUMNS), self.selected))
        period = self.periods[self.selected]
        unit = "passages" if self.passages else "articles"
        value = (lambda r: r.passages) if self.passages else (lambda r: r.articles)
        top = max(value(r) for r in self.rows)
        table.add_columns("Outlet" if self.issue else "Issue", f"{self.periods[shown[0]]} … {self.periods[shown[-1]]}",
                          period, "Total")
        for key, found in sorted(series.items(), key=lambda item: -sum(value(r) for r in item[1])):
            line = sparkline([value(found[i]) for i in shown], top, self.selected - shown[0])
            name = visible(key if self.issue else found[0].label)
            name = name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"
            table.add_row(Text(name), line, str(value(found[self.selected])), str(sum(value(r) for r in found)),
                          key=key)
        table.move_cursor(row=min(row_at, table.row_count - 1))
        what = f"{visible(self.issue[1])} by outlet" if self.issue else "Attention per issue"
        back = "esc: all issues" if self.issue else "enter: outlets of an issue"
        note.update(Text(f"{what}, {unit} per {self.by} · period {period} (h/l) · f: its articles · {back}", end=""))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if self.issue is None and event.row_key.value is not None:
            found = self._series()[event.row_key.value]
            self.issue = (found[0].issue, found[0].label)
            self.count()

    def _row_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not self.rows or table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_list_period(self) -> None:
        key = self._row_key()
        if key is None:
            return
        issue, label = self.issue or (key, self._series()[key][0].label)
        source = key if self.issue else None
        self.list_articles(issue, label, self.periods[self.selected], source)

    @work(thread=True, exclusive=True, group="trend-articles", exit_on_error=False, name="listing the period's articles")
    def list_articles(self, issue: str, label: str, period: str, source: str | None) -> None:
        from library import filters
        from library.beat.periods import period_days
        from library.beat.trends import trend_articles

        found = trend_articles(self.app.library, self.app.facts.analyser, issue, period, self.by, source)
        where = f"{label}{f' in {source}' if source else ''}, {period}"
        days = period_days(period, self.by)
        query = " ".join([filters.field("issue", issue), *([f"date:{days[0]}..{days[1]}"] if days else []),
                          *([filters.field("source", source)] if source else [])])
        ids = frozenset(r[0] for r in found)
        self.post_message(self.PeriodListed(where, filters.by_ids(where, query, ids) if ids else None))

    def on_trends_screen_period_listed(self, message: PeriodListed) -> None:
        if message.found is None:
            self.notify(f"No articles on {message.where}", markup=False)
            return
        reading = self.app.reading
        while self.app.screen is not reading:
            self.app.pop_screen()
        reading.set_filter(message.found)

    def action_period(self, delta: int) -> None:
        if self.periods:
            self.selected = max(0, min(len(self.periods) - 1, self.selected + delta))
            self._draw()

    def action_by(self) -> None:
        self.by = BYS[(BYS.index(self.by) + 1) % len(BYS)]
        self.periods = []
        self.count()

    def action_count(self) -> None:
        self.passages = not self.passages
        self._draw()

    def action_save(self, fmt: str) -> None:
        from library.beat.trends import trend_table

        rows = self.rows
        name = f"trends {self.issue[0]} by outlet" if self.issue else "trends"
        save_view_from(self, f"{name} by {self.by}", fmt, lambda: trend_table(rows), lambda: [r.to_json() for r in rows])

    def action_cursor(self, delta: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + delta)

    def action_back(self) -> None:
        if self.issue is not None:
            self.issue = None
            self.count()
        else:
            self.app.pop_screen()

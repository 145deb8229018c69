"""`I` and `E`: the whole library's issues (with an issue-by-month sparkline) and entities.

Counts come from those kept beside the analysis cache (library/beat/counts.py), so a large
library opens at once; Enter narrows the article list to the chosen issue or entity.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from library.analysis import month_range
from library.beat.totals import entity_totals, issue_totals

from ..background import ReportsFailures
from ..reader import KIND_NAMES
from .view_export import save_view_from
from library.safetext import visible

BARS = "▁▂▃▄▅▆▇█"
MAX_SPARK = 40


def sparkline(counts: list[int]) -> str:
    """One character per month (months merged when there are more than MAX_SPARK)."""
    if len(counts) > MAX_SPARK:
        size = -(-len(counts) // MAX_SPARK)
        counts = [sum(counts[i : i + size]) for i in range(0, len(counts), size)]
    top = max(counts, default=0)
    if top == 0:
        return " " * len(counts)
    return "".join(" " if n == 0 else BARS[min(len(BARS) - 1, (n * len(BARS) - 1) // top)] for n in counts)


class OverviewScreen(ReportsFailures, Screen):
    BINDINGS = [
        Binding("escape,q", "close", "Back", id="overview.close"),
        Binding("j", "cursor(1)", "Down", show=False, id="overview.down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="overview.up"),
        Binding("p", "entity_page", "Entity page", id="overview.entity_page"),
        Binding("s", "save('csv')", "Save CSV", id="overview.save_csv"),
        Binding("S", "save('json')", "Save JSON", show=False, id="overview.save_json"),
    ]

    def __init__(self, kind: str, library, facts) -> None:
        super().__init__()
        self.kind = kind  # "issues" | "entities"
        self.export: tuple[list[str], list[tuple]] = ([], [])  # columns and rows for the save keys
        self.library, self.facts = library, facts
        self.HELP_TITLE = f"All {kind}"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"Counting {self.kind} across the library…", id="overview-note", markup=False)
        yield DataTable(id="overview-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.count()

    @work(thread=True, exclusive=True, exit_on_error=False, name="counting the library")
    def count(self) -> None:
        """Counting reads every article's cached analysis, so it runs off the UI thread."""
        analyser = self.facts.analyser
        library = self.library
        if self.kind == "issues":
            counts, months = issue_totals(library, analyser)
            labels = {issue.id: issue.label for issue in analyser.taxonomy.issues}
            self.post_message(self.IssuesCounted(counts, months, labels))
        else:
            self.post_message(self.EntitiesCounted(entity_totals(library, analyser)))

    class IssuesCounted(Message):
        def __init__(self, counts, months, labels) -> None:
            super().__init__()
            self.counts, self.months, self.labels = counts, months, labels

    class EntitiesCounted(Message):
        def __init__(self, counts) -> None:
            super().__init__()
            self.counts = counts

    def on_overview_screen_issues_counted(self, counted: IssuesCounted) -> None:
        counts, months, labels = counted.counts, counted.months, counted.labels
        span = month_range({m for found in months.values() for m in found if m != "undated"})
        table = self.query_one(DataTable)
        table.add_columns("Mark", "Issue", "Articles", f"by month {span[0]} … {span[-1]}" if span else "by month")
        for issue_id, count in counts.most_common():
            label = labels.get(issue_id, issue_id)
            line = sparkline([months.get(issue_id, {}).get(m, 0) for m in span])
            table.add_row(self.facts.codes.get(issue_id, ""), Text(visible(label)), count, Text(line, "bold"), key=f"issue\0{issue_id}\0{label}")
        self.export = (["issue", "label", "articles", *span],
                       [(i, labels.get(i, i), n, *(months.get(i, {}).get(m, 0) for m in span)) for i, n in counts.most_common()])
        self._note(len(counts))

    def on_overview_screen_entities_counted(self, counted: EntitiesCounted) -> None:
        counts = counted.counts
        table = self.query_one(DataTable)
        table.add_columns("Entity", "Kind", "Articles")
        for (canonical, kind), count in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
            table.add_row(Text(visible(canonical)), KIND_NAMES.get(kind, kind), count, key=f"entity\0{canonical}\0{kind}")
        self.export = (["entity", "kind", "articles"], [(c, k, n) for (c, k), n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))])
        self._note(len(counts))

    def _note(self, rows: int) -> None:
        articles = len(self.library.entries())
        self.query_one("#overview-note", Static).update(
            f"{rows} {self.kind} in {articles} articles · enter: show those articles in the list"
            + (" · p: entity page" if self.kind == "entities" else "") + " · s: save CSV · esc: back"
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        kind, value, detail = event.row_key.value.split("\0")  # detail: an issue's label, an entity's kind
        self.dismiss((kind, value, detail))

    def action_cursor(self, delta: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + delta)

    def check_action(self, action: str, parameters) -> bool | None:
        return self.kind == "entities" if action == "entity_page" else True

    def action_entity_page(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            _, canonical, _ = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value.split("\0")
            self.app.action_entity_page(canonical)

    def action_save(self, fmt: str) -> None:
        """What the table shows, with the counts per month behind an issue's sparkline."""
        columns, rows = self.export
        if rows:
            save_view_from(self, f"all {self.kind}", fmt, lambda: (columns, rows), lambda: [dict(zip(columns, r)) for r in rows])

    def action_close(self) -> None:
        self.app.pop_screen()

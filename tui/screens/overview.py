"""`I` and `E`: the whole library's issues (with an issue-by-month sparkline) and entities.

Counts come from each article's cached analysis; Enter narrows the article list to the
chosen issue or entity.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from library.analysis import issue_counts_by_month, library_entity_counts, library_issue_counts, month_range

from ..background import ReportsFailures
from ..reader import KIND_NAMES
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
    ]

    def __init__(self, kind: str, library, facts) -> None:
        super().__init__()
        self.kind = kind  # "issues" | "entities"
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
            counts = library_issue_counts(library, analyser)
            months = issue_counts_by_month(library, analyser)
            labels = {issue.id: issue.label for issue in analyser.taxonomy.issues}
            self.post_message(self.IssuesCounted(counts, months, labels))
        else:
            self.post_message(self.EntitiesCounted(library_entity_counts(library, analyser)))

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
        self._note(len(counts))

    def on_overview_screen_entities_counted(self, counted: EntitiesCounted) -> None:
        counts = counted.counts
        table = self.query_one(DataTable)
        table.add_columns("Entity", "Kind", "Articles")
        for (canonical, kind), count in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
            table.add_row(Text(visible(canonical)), KIND_NAMES.get(kind, kind), count, key=f"entity\0{canonical}\0{kind}")
        self._note(len(counts))

    def _note(self, rows: int) -> None:
        articles = len(self.library.entries())
        self.query_one("#overview-note", Static).update(
            f"{rows} {self.kind} in {articles} articles · enter: show those articles in the list · esc: back"
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        kind, value, detail = event.row_key.value.split("\0")  # detail: an issue's label, an entity's kind
        self.dismiss((kind, value, detail))

    def action_cursor(self, delta: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + delta)

    def action_close(self) -> None:
        self.app.pop_screen()

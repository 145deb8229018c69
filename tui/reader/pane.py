"""The reader pane: the reader and the status line under it, worded here from what the
reader marks (where the cursor is among hits and evidence, the selected entity, the legend)."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from library.safetext import visible

from .marks import KIND_NAMES, KINDS
from .widget import Reader


def status_line(reader: Reader) -> Text:
    """Where the cursor is among search hits and issue evidence (first, so a narrow status
    line still shows it), then the passage's tags, the selected entity with its aliases, or
    the highlight legend."""
    marks, style = reader.marks, reader.mark_style
    status = Text(end="")
    hits = marks.hits()
    if hits:
        number, count = marks.place(hits)
        status.append(f"hit {number} of {count}" if number else f"{count} hit{'s' * (count != 1)}", style("term"))
        status.append(" n/N   ", "dim")
    if marks.issue:
        number, count = marks.place(marks.evidence())
        status.append(f"evidence {number}/{count} ", style("evidence"))
        status.append(visible(marks.issue.label), style("evidence"))
        status.append(" ]/[   ", "dim")
    m = marks.selected_mention
    if reader.passage_info is not None:
        status.append_text(reader.passage_info)
    elif m and marks.highlights:
        count = sum(1 for x in marks.mentions if x.canonical == m.canonical)
        status.append(visible(m.canonical), style(m.kind if m.kind in KINDS else "entity"))
        status.append(f"  {KIND_NAMES.get(m.kind, m.kind)} · {count} mention{'s' * (count != 1)}")
        aliases = _aliases(reader, m.canonical)
        if aliases:
            status.append(" · also: " + ", ".join(visible(a) for a in aliases))
        status.append("  x: correct", "dim")
    elif not marks.highlights:
        status.append("highlights off (e shows them)", "dim")
    else:
        for kind in KINDS:
            status.append(f" {KIND_NAMES[kind]} ", style(kind))
            status.append(" ")
        status.append(" m: step through entities · ? keys", "dim")
    return status


def _aliases(reader: Reader, canonical: str) -> list[str]:
    written = {m.text for m in reader.marks.mentions if m.canonical == canonical}
    names = list(dict.fromkeys([*reader.aliases_of(canonical), *sorted(written)]))
    return [n for n in names if n != canonical]


class ReaderPane(Vertical):
    """The reader with its status line."""

    def compose(self):
        yield Reader(id="reader")
        yield Static(id="reader-status", markup=False)

    def on_reader_status_changed(self, event: Reader.StatusChanged) -> None:
        self.query_one("#reader-status", Static).update(status_line(event.reader))

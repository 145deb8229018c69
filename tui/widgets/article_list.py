"""The article list: one line per article, drawn line by line so 100,000 rows scroll smoothly.

Rows come from the library catalogue (no article bodies are read). Only visible lines are
rendered, so first paint and each key cost the same whatever the library size.
"""

from __future__ import annotations

from typing import Callable

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from library import filters
from library.filters import Filter
from library.inbox import newest_run
from library.model import CatalogueEntry

from library.safetext import visible

SORTS = ("date", "added", "title", "source")
SORT_NAMES = {"date": "date", "added": "date added", "title": "title", "source": "source"}
VIEWS = ("all", "unread", "starred", "new")
DATE_WIDTH = 10
SOURCE_WIDTH = 16
MIN_TITLE = 20


def _sort_key(sort: str) -> Callable[[CatalogueEntry], object]:
    """Title or source order (date order is the catalogue's own); a source's newest first."""
    if sort == "title":
        return lambda e: e.title.casefold()
    return lambda e: (e.source.casefold(), -_date_number(e.date))


def _by_date(rows: list[CatalogueEntry]) -> list[CatalogueEntry]:
    """Newest first, an undated article placed by the day it was added instead of sinking.
    Rows come in catalogue order (dated newest first, undated last): with no undated article
    they are already in order, and otherwise the sort has one run to merge in."""
    if not rows or rows[-1].date:
        return rows
    return sorted(rows, key=lambda e: e.date or e.imported[:10], reverse=True)


def _date_number(iso: str | None) -> int:
    return int(iso.replace("-", "")) if iso and iso[:4].isdigit() else 0


class ArticleList(ScrollView, can_focus=True, inherit_bindings=False):
    """Articles with read, star, date, source, title and issue marks; sortable and filterable."""

    HELP_TITLE = "Article list"

    BINDINGS = [
        Binding("j,down", "cursor(1)", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor(-1)", "Up", show=False, id="list.up"),
        Binding("g,home", "first", "First article", show=False, id="list.first"),
        Binding("G,end", "last", "Last article", show=False, id="list.last"),
        Binding("ctrl+d,pagedown", "page(1)", "Half page down", show=False, id="list.half_page_down"),
        Binding("ctrl+u,pageup", "page(-1)", "Half page up", show=False, id="list.half_page_up"),
        Binding("enter", "open", "Read", id="list.open"),
        Binding("s", "star", "Star", id="list.star"),
        Binding("u", "toggle_read", "Read/unread", show=False, id="list.toggle_read"),
        Binding("o", "cycle_sort", "Sort", id="list.sort"),
        # capitals, since 1-9 tag in the reader and a, s, u, R already act here
        Binding("A", "view('all')", "View all", show=False, id="list.view_all"),
        Binding("U", "view('unread')", "View unread", show=False, id="list.view_unread"),
        Binding("S", "view('starred')", "View starred", show=False, id="list.view_starred"),
        Binding("N", "view('new')", "View new since last fetch", show=False, id="list.view_new"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="list.clear_filter"),
    ]

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--unread",
        "article-list--star",
        "article-list--date",
        "article-list--source",
        "article-list--mark",
    }

    cursor = reactive(0, always_update=True, repaint=False)
    sort = reactive("date")
    view = reactive("all")

    class Highlighted(Message):
        def __init__(self, entry: CatalogueEntry | None) -> None:
            super().__init__()
            self.entry = entry

    class Selected(Message):
        def __init__(self, entry: CatalogueEntry) -> None:
            super().__init__()
            self.entry = entry

    class Changed(Message):
        """The rows shown changed (filter, sort or library); headers update their counts."""

    class StarToggled(Message):
        def __init__(self, entry: CatalogueEntry, starred: bool) -> None:
            super().__init__()
            self.entry, self.starred = entry, starred

    class ReadToggled(Message):
        def __init__(self, entry: CatalogueEntry, read: bool) -> None:
            super().__init__()
            self.entry, self.read = entry, read

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: list[CatalogueEntry] = []
        self.rows: list[CatalogueEntry] = []
        self.filter: Filter | None = None
        self.read: Callable[[str], bool] = lambda _id: False
        self.marked: Callable[[str], frozenset[str]] = lambda _flag: frozenset()  # ids read or starred
        self.starred: Callable[[str], bool] = lambda _id: False
        self.marks_of: Callable[[str], tuple[str, ...]] = lambda _id: ()  # issue marks, if known
        self._longest_source = 0

    # -- data ----------------------------------------------------------------------------
    def set_entries(self, entries: list[CatalogueEntry], keep: str | None = None) -> None:
        """Show these articles, given newest first as Library.entries() lists them (the
        current sort and filter apply); keep the cursor on `keep`."""
        self._entries = entries
        self._rebuild(keep)

    def set_filter(self, list_filter: Filter | None) -> None:
        current = self.current
        self.filter = list_filter
        self._rebuild(current.id if current else None)

    def refilter(self) -> None:
        """Run the filter again (what it tests for changed, e.g. analysis finished)."""
        if self.filter:
            self.set_filter(self.filter)

    def watch_sort(self) -> None:
        current = self.current
        self._rebuild(current.id if current else None)

    watch_view = watch_sort

    def _in_view(self) -> Filter | None:
        if self.view == "unread":
            return filters.unread(self.marked("read"))
        if self.view == "starred":
            return filters.starred(self.marked("starred"))
        if self.view == "new":
            return filters.by_ids("new", "", newest_run(self._entries))
        return None

    def _rebuild(self, keep: str | None) -> None:
        rows = self._entries
        for narrowing in (self._in_view(), self.filter):
            if narrowing:
                rows = narrowing.apply(rows)
        if self.sort == "date":
            rows = _by_date(list(rows))
        elif self.sort == "added":
            rows = sorted(rows, key=lambda e: e.imported, reverse=True)
        else:
            rows = sorted(rows, key=_sort_key(self.sort))
        self.rows = rows
        self._longest_source = max((cell_len(e.source) for e in self._entries[:5000]), default=0)
        self.virtual_size = Size(0, len(rows))
        index = next((i for i, e in enumerate(rows) if e.id == keep), 0) if keep else 0
        self.cursor = min(index, max(len(rows) - 1, 0))
        self.refresh()
        self.post_message(self.Changed())

    @property
    def total(self) -> int:
        """Articles in the library, before the filter."""
        return len(self._entries)

    @property
    def current(self) -> CatalogueEntry | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def refresh_entry(self, article_id: str) -> None:
        """Draw an article's row again if it is on screen (its issue marks just arrived)."""
        top = int(self.scroll_offset.y)
        for index in range(top, min(top + self.size.height, len(self.rows))):
            if self.rows[index].id == article_id:
                self.refresh_line(index)

    def select_id(self, article_id: str) -> bool:
        """Put the cursor on an article; False when it is not among the rows shown."""
        for index, entry in enumerate(self.rows):
            if entry.id == article_id:
                self.cursor = index
                return True
        return False

    def step(self, delta: int) -> CatalogueEntry | None:
        """Move to the next/previous article and return it (None at either end)."""
        target = self.cursor + delta
        if not 0 <= target < len(self.rows):
            return None
        self.cursor = target
        return self.current

    # -- cursor ----------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True, immediate=True)
        self.post_message(self.Highlighted(self.current))

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.size.height // 2)

    def action_open(self) -> None:
        if self.current:
            self.post_message(self.Selected(self.current))

    def action_star(self) -> None:
        if self.current:
            self.post_message(self.StarToggled(self.current, not self.starred(self.current.id)))
            self.refresh_line(self.cursor)

    def action_toggle_read(self) -> None:
        if self.current:
            self.post_message(self.ReadToggled(self.current, not self.read(self.current.id)))
            self.refresh_line(self.cursor)

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.notify(f"Sorted by {SORT_NAMES[self.sort]}", timeout=1.5)

    def action_view(self, view: str) -> None:
        self.view = view

    def action_clear_filter(self) -> None:
        if self.filter:
            self.set_filter(None)

    def on_click(self, event) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < len(self.rows):
            self.cursor = row
            if event.chain >= 2:
                self.action_open()

    # -- drawing -------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        row = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not 0 <= row < len(self.rows):
            return Strip.blank(width, base)
        entry = self.rows[row]
        style = base
        if row == self.cursor:
            style = base + self.get_component_rich_style("article-list--cursor")
        return Strip(self._row_segments(entry, width, style), width)

    def _columns(self, room: int, codes: tuple[str, ...]) -> tuple[int, str]:
        """Source width and issue marks that leave the title MIN_TITLE cells when they can:
        a narrow list gives up the source first (whole: a cut name reads badly), then marks;
        sorted by source, the source stays."""
        full = min(SOURCE_WIDTH, self._longest_source)
        steps = ((full, 3), (0, 3), (0, 2), (0, 1), (0, 0))
        if self.sort == "source":
            steps = ((full, 3), (full, 2), (full, 1), (full, 0))
        for source_width, count in steps:
            marks = " ".join(codes[:count])
            title = room - (cell_len(marks) + 1 if marks else 0) - (source_width + 1 if source_width else 0)
            if title >= MIN_TITLE:
                break
        return source_width, marks

    def _row_segments(self, entry: CatalogueEntry, width: int, style: Style) -> list[Segment]:
        get = self.get_component_rich_style
        unread = not self.read(entry.id)
        left = [
            Segment("●" if unread else " ", style + get("article-list--unread")),
            Segment("★" if self.starred(entry.id) else " ", style + get("article-list--star")),
            Segment(" "),
        ]
        room = width - 3
        if room - (DATE_WIDTH + 1) >= MIN_TITLE:  # a list too narrow for both shows the title
            left += [Segment((entry.date or "undated").ljust(DATE_WIDTH)[:DATE_WIDTH], style + get("article-list--date")), Segment(" ")]
            room -= DATE_WIDTH + 1
        source_width, marks = self._columns(room, self.marks_of(entry.id))
        room -= (cell_len(marks) + 1 if marks else 0) + (source_width + 1 if source_width else 0)
        segments = left
        if source_width:
            source = set_cell_size(visible(entry.source) or "—", source_width)
            segments += [Segment(source, style + get("article-list--source")), Segment(" ")]
        title_style = style + Style(bold=unread)
        segments.append(Segment(set_cell_size(visible(entry.title), max(room, 0)), title_style))
        if marks:
            segments += [Segment(" "), Segment(marks, style + get("article-list--mark"))]
        return [Segment(s.text, s.style or style) for s in segments]

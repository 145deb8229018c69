"""`P`: the passage workbench, every tagged passage and note of the library in one list.

Each passage shows with a line of context before and after; the filter line takes the search
language (which articles) plus `tag:` and `note:` (which passages); `e` adds the issues'
evidence passages. Enter opens the passage in its article; tags and notes are edited here, a
tag is renamed or merged across the library (after a confirm that counts the passages), and
the four exports write what is shown. Reading, filtering and writing run off the UI thread:
tag writes go through the app's tag writer, in turn with the reader's.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from library.annotations import Anchor, TaggedPassage
from library.annotations.worklist import SORTS, Filter, Item, gather, sort_items
from library.safetext import visible

from ..background import ReportsFailures
from ..tagging.messages import PassageChosen, TagEditRequested, TagsChanged
from .confirm import ConfirmScreen
from .text_prompt import TextPrompt

SORT_NAMES = {"date": "article date", "tag": "tag", "tagged": "time tagged"}


def item_lines(item: Item) -> Text:
    """Title and date, the context with the passage in bold, then its tags and note."""
    line = Text(visible(item.title), "bold", end="")
    line.append("  " + (item.date or "undated"), "dim")
    line.append("\n" + visible(item.before), "dim")
    line.append(visible(" ".join(item.quote.split())), "bold underline" if item.passage else "bold")
    line.append(visible(item.after), "dim")
    if item.passage:
        line.append("\n# " + ", ".join(visible(t) for t in item.tags), "italic")
        if item.passage.orphan:
            line.append("  orphaned: the words are gone from the article", "bold")
        if item.note:
            line.append("  " + visible(" ".join(item.note.split()))[:160], "italic")
    else:
        line.append("\nevidence: " + visible(item.issue), "italic dim")
    return line


class ExportPrompt(TextPrompt):
    """A file to write, its format from the extension."""

    def answer(self, text: str) -> Path | None:
        if not text:
            return None
        path = Path(text).expanduser()
        if path.suffix.lstrip(".").lower() not in ("md", "csv", "json", "qdpx"):
            raise ValueError("Name the file .md, .csv, .json or .qdpx")
        return path


class RenamePrompt(TextPrompt):
    """`old -> new`: a tag and its new name (an existing one merges)."""

    def answer(self, text: str) -> tuple[str, str] | None:
        if not text:
            return None
        old, arrow, new = text.replace("→", "->").partition("->")
        if not arrow or not old.strip() or not new.strip():
            raise ValueError("Write the tag, an arrow and its new name: trade -> commerce")
        return old.strip(), new.strip()


class WorkbenchScreen(ReportsFailures, Screen):
    HELP_TITLE = "Passage workbench"
    BINDINGS = [
        Binding("escape,q", "close", "Back", id="workbench.close"),
        Binding("slash", "filter", "Filter", id="workbench.filter"),
        Binding("s", "sort", "Sort", id="workbench.sort"),
        Binding("e", "evidence", "Evidence on/off", id="workbench.evidence"),
        Binding("t", "edit", "Edit tags and note", id="workbench.edit"),
        Binding("r", "rename", "Rename or merge a tag", id="workbench.rename"),
        Binding("u", "undo_rename", "Undo rename", id="workbench.undo"),
        Binding("x", "export", "Export shown", id="workbench.export"),
        Binding("c", "codebook", "Codebook", id="workbench.codebook"),
    ]
    DEFAULT_CSS = """
    WorkbenchScreen #workbench-query { height: 3; }
    WorkbenchScreen #workbench-note { height: auto; padding: 0 1; color: $text-muted; }
    WorkbenchScreen #workbench-items { height: 1fr; border: none; }
    WorkbenchScreen #workbench-items > .option-list--option { padding: 0 1; }
    """

    def __init__(self, tagging) -> None:
        """`tagging`: the app's tag controller, whose writer thread every read and write here
        goes through, in turn with the reader's tag edits."""
        super().__init__()
        self.tagging = tagging
        self.items: list[Item] = []  # every item read (passages, and evidence if on)
        self.shown: list[Item] = []
        self.sort = "date"
        self.evidence = False
        self.query_text = ""
        self.generation = 0  # of the filter: a slow filter's result never replaces a newer one
        self.shown_generation = 0

    @property
    def settled(self) -> bool:
        """Whether the list shows the last filter asked for (tests wait on it)."""
        return self.shown_generation == self.generation

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter: search words, issue:, entity:, date: … plus tag:T and note:WORD (enter)",
                    id="workbench-query")
        yield Static("Reading the tagged passages…", id="workbench-note", markup=False)
        yield OptionList(id="workbench-items")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.reload()

    # -- reading and showing -----------------------------------------------------------------
    def reload(self) -> None:
        """Read every passage in turn with the tag writes; the context and evidence are read
        on a worker of this screen, so a long read never holds up the reader's tag edits."""
        annotations = self.tagging.annotations
        self.tagging.submit(annotations.all_passages, self._gather)

    class Gathered(Message):
        """Every item read, with its context (and the evidence passages if asked)."""

        def __init__(self, items: list[Item]) -> None:
            super().__init__()
            self.items = items

    class Filtered(Message):
        """The items a filter keeps, sorted; or `problem`, why its query was refused."""

        def __init__(self, generation: int, shown: list[Item], problem: str = "") -> None:
            super().__init__()
            self.generation, self.shown, self.problem = generation, shown, problem

    @work(thread=True, exclusive=True, group="workbench-read", exit_on_error=False, name="reading the passages")
    def _gather(self, passages: list) -> None:
        library, found = self.app.library, None
        if self.evidence:
            from library.annotations.codes import evidence

            found = evidence(library, self.app.facts.analyser, [e.id for e in library.entries()])
        self.post_message(self.Gathered(gather(library, passages, found)))

    def on_workbench_screen_gathered(self, message: Gathered) -> None:
        self.items = message.items
        self.refilter()

    def refilter(self) -> None:
        self.generation += 1
        self._filter(Filter.parse(self.query_text), list(self.items), self.sort, self.generation)

    @work(thread=True, group="workbench-filter", exit_on_error=False, name="filtering the passages")
    def _filter(self, wanted: Filter, items: list[Item], sort: str, generation: int) -> None:
        articles = None
        if wanted.query:
            from index import QueryError

            try:
                articles = self.tagging.search.index().matching_ids(wanted.query)
            except QueryError as exc:
                self.post_message(self.Filtered(generation, [], f"{wanted.query}: {exc}"))
                return
        self.post_message(self.Filtered(generation, sort_items([i for i in items if wanted.keeps(i, articles)], sort)))

    def on_workbench_screen_filtered(self, message: Filtered) -> None:
        generation, shown = message.generation, message.shown
        if message.problem:
            self.shown_generation = generation
            self._note(message.problem)
            return
        if generation != self.generation:
            return
        self.shown_generation = generation
        options = self.query_one(OptionList)
        current = options.highlighted
        self.shown = shown
        options.clear_options()
        options.add_options([Option(item_lines(i)) for i in shown])
        if shown:
            options.highlighted = min(current or 0, len(shown) - 1)
        passages = sum(1 for i in shown if i.passage)
        note = f"{passages} tagged passage{'s' * (passages != 1)}"
        if self.evidence:
            note += f" · {len(shown) - passages} evidence passages"
        note += f" · sorted by {SORT_NAMES[self.sort]}"
        if not shown:
            note = ("Nothing matches this filter." if self.query_text else
                    "No tagged passages yet. In the reader: ) or } moves the cursor, v selects, t tags.") + f" ({note})"
        self._note(note + " · enter open · t edit · r rename · x export · c codebook")

    def _note(self, text: str) -> None:
        self.query_one("#workbench-note", Static).update(visible(text))

    @property
    def item(self) -> Item | None:
        index = self.query_one(OptionList).highlighted
        return self.shown[index] if index is not None and index < len(self.shown) else None

    # -- keys --------------------------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_text = event.value.strip()
        self.query_one(OptionList).focus()
        self.refilter()

    def action_filter(self) -> None:
        self.set_focus(self.query_one(Input))  # at once, so fast typing after / lands in the line

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refilter()

    def action_evidence(self) -> None:
        self.evidence = not self.evidence
        self._note("Reading the issues' evidence passages…" if self.evidence else "Leaving out the evidence passages…")
        self.reload()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        item = self.shown[event.option_index]
        if item.passage is not None and item.passage.orphan:
            self.notify("This passage's words are no longer in its article", timeout=4)
            return
        # an evidence passage goes as an untagged passage at its words; the app opens it with open_at
        self.post_message(PassageChosen(item.passage or _at_words(item)))

    def action_edit(self) -> None:
        item = self.item
        if item is None or item.passage is None:
            self.notify("Put the cursor on a tagged passage (evidence is tagged from the reader)", timeout=3)
            return
        self.post_message(TagEditRequested(item.passage))

    def on_tags_changed(self, message: TagsChanged) -> None:
        self.reload()

    def action_rename(self) -> None:
        item = self.item
        first = item.tags[0] if item is not None and item.tags else ""
        self.app.push_screen(RenamePrompt("Rename or merge a tag across the library: old -> new", f"{first} -> " if first else ""),
                             self._plan)

    def _plan(self, answer) -> None:
        if not answer:
            return
        from library.annotations.renaming import plan_rename

        annotations = self.tagging.annotations
        self.tagging.submit(lambda: plan_rename(annotations, *answer), self._confirm)

    def _confirm(self, plan) -> None:
        title = "Merge tags" if plan.merge else "Rename a tag"
        self.app.push_screen(ConfirmScreen(title, plan.describe() + "?  (u undoes it)"),
                             lambda yes: yes and self._rename(plan))

    def _rename(self, plan) -> None:
        from library.annotations.renaming import apply

        tagging = self.tagging
        articles = sorted({m.article_id for m in plan.moves})

        def done(changed: int) -> None:
            verb = "Merged" if plan.merge else "Renamed"
            self.notify(f"{verb} {plan.old} → {plan.new} on {changed} passages (u undoes it)", markup=False, timeout=5)
            self._renamed(articles)

        tagging.submit(lambda: apply(tagging.annotations, plan, confirmed=True), done)

    def action_undo_rename(self) -> None:
        from library.annotations.renaming import undo

        tagging = self.tagging

        def done(undone) -> None:
            self.notify(f"Undid {undone.old} → {undone.new}: {undone.restored} passages have their tags back",
                        markup=False, timeout=5)
            self._renamed(list(undone.articles))

        tagging.submit(lambda: undo(tagging.annotations), done)

    def _renamed(self, articles: list[str]) -> None:
        """After a rename: the index's tag: field, the tag picker's counts, and this list follow."""
        from ..tagging.state import QUICK

        tagging = self.tagging
        tagging.sync(articles)
        annotations = tagging.annotations
        tagging.submit(lambda: (annotations.tag_counts(), annotations.recent_tags(QUICK)), lambda found: tagging.tally.load(*found))
        self.reload()

    def action_export(self) -> None:
        ids = [i.passage.id for i in self.shown if i.passage is not None]
        if not ids:
            self.notify("No tagged passages shown to export", timeout=3)
            return
        self.app.push_screen(ExportPrompt(f"Export the {len(ids)} passages shown (.md, .csv, .json or .qdpx)",
                                          placeholder="~/passages.md"), lambda path: path and self._export(path, set(ids)))

    def _export(self, path: Path, ids: set[str]) -> None:
        from library.export import export_passages

        library, annotations = self.app.library, self.tagging.annotations

        def done(summary) -> None:
            self.notify(f"Exported {summary.passages} passages to {summary.path}", markup=False, timeout=5)

        self.tagging.submit(lambda: export_passages(library, path.suffix.lstrip(".").lower(), path, annotations=annotations,
                                                        only=ids), done)

    def action_codebook(self) -> None:
        from .codebook import CodebookScreen

        self.app.push_screen(CodebookScreen(self.tagging))

    def action_close(self) -> None:
        self.app.pop_screen()


def _at_words(item: Item) -> TaggedPassage:
    """An evidence passage as PassageChosen carries it: its words, with no tags."""
    return TaggedPassage("", item.article_id, (), "", "", "", Anchor(item.block, item.start, item.end, item.quote))

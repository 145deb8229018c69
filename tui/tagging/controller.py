"""Tagging in the reader: a selection made with the passage cursor or the mouse, the tag
picker, quick tags 1-9, removal, and undo/redo of the session's tag edits.

One controller per app, the Textual side of state.py: it turns keys (TagRequested, handed
over by routes.py) into changes of that state, writes through writer.py, and shows the result
on the reader, its status line and the Tags tab. The search index follows each change on a
worker.
"""

from __future__ import annotations

from typing import Callable

from rich.text import Text

from library.annotations import Annotations, Change, TaggedPassage
from library.filters import tags_by_article
from library.safetext import shorten

from ..reader import Reader, Span, sentence_spans
from .lines import passage_info, selection_info
from .messages import TagsChanged
from .picker import TagPicker
from .remove import RemoveTagScreen
from .state import QUICK, ArticlePassages, History, Nothing, Range, Selection, TagTally, describe
from .tab import TagsTab
from .writer import SerialWriter


def _in_body(span: Span | None) -> bool:
    """Whether the cursor is on the article's blocks: the title and standfirst (where it may
    rest on issue evidence) are not taggable."""
    return span is not None and span.block >= 0


def _unit(reader: Reader, span: Span) -> Range:
    """What the cursor stands for: a word-sized span (a search hit, a name) grows to its
    sentence; sentences, blocks and evidence passages stay as they are."""
    for start, end in sentence_spans(reader.article.blocks[span.block].text):
        if start <= span.start and span.end <= end and (start, end) != (span.start, span.end):
            return Range(span.block, start, span.block, end)
    return Range(span.block, span.start, span.block, span.end)


class Tagging:
    """`app` gives the UI (notices, screens, workers), `search` the app's one search index
    (tui/searching.py); `reading` returns the main screen."""

    def __init__(self, app, library, search, reading: Callable[[], object]) -> None:
        self.app = app
        self.library = library
        self.search = search
        self._reading = reading
        self.annotations = Annotations(library)
        self.selection = Selection()
        self.article = ArticlePassages()
        self.history = History()
        self.tally = TagTally()
        self.pending = 0  # jobs queued or running (tests and the benchmark wait on it)
        self._problems_told = 0  # how many of the tag files' problems were shown already
        self._loaded = False
        self.writer = SerialWriter(
            lambda drain: app.run_worker(drain, thread=True, group="tag-writer", exit_on_error=False),
            app.call_from_thread,  # not a message: it waits, so each job's result is in place before the next runs
        )

    # -- keys from the reader ---------------------------------------------------------------
    def run(self, reader: Reader, command: str, *args) -> None:
        actions: dict[str, Callable] = {
            "select": self.toggle_selection,
            "tag": self.tag,
            "quick": self.quick_tag,
            "remove": self.remove_here,
            "undo": lambda _reader: self.undo(),
            "redo": lambda _reader: self.redo(),
            "cancel": self.cancel,
            "copy": self.copy,
        }
        if reader.article is None:
            self.app.notify("Open an article first (Enter in the list)", timeout=3)
            return
        actions[command](reader, *args)

    def toggle_selection(self, reader: Reader) -> None:
        """`v`: start selecting at the cursor (movement then extends it); `v` again stops."""
        if self.selection.range and not self.selection.from_mouse:
            self.cancel(reader)
            return
        if not _in_body(reader.cursor):
            reader.action_sentence(1)
        if not _in_body(reader.cursor):
            return
        self.selection.start(_unit(reader, reader.cursor))
        self._show_selection(reader)

    def cancel(self, reader: Reader) -> None:
        self.selection.clear()
        self._show_selection(reader)
        if reader.screen.selections:
            reader.screen.clear_selection()

    def copy(self, reader: Reader) -> None:
        """ctrl+c: the selection's words to the clipboard (OSC 52, through the terminal)."""
        text = self.selection.range.text(reader.article.blocks)
        self.app.copy_to_clipboard(text)
        words = len(text.split())
        self.app.notify(f"Copied {words} word{'s' * (words != 1)} to the clipboard", timeout=3)

    def tag(self, reader: Reader) -> None:
        """`t`: the tag picker for the selection, or for the passage under the cursor (a
        search hit or an evidence passage too); words tagged already get their tags edited."""
        target = self._target(reader)
        if target is None:
            self._no_target()
            return
        existing = self.article.on(target)
        if existing:
            self.edit(existing)
            return
        article = reader.article
        picker = TagPicker(f"Tag “{shorten(target.text(article.blocks), 60)}”", self.tally.choices())
        self.app.push_screen(picker, lambda choice: choice and self._add(article.id, target, choice.tags, choice.note))

    def edit(self, passage: TaggedPassage) -> None:
        """The tag picker filled with a passage's tags and note, to change them."""
        picker = TagPicker(f"Edit tags of “{shorten(passage.quote, 60)}”", self.tally.choices(), passage.tags, passage.note)
        self.app.push_screen(picker, lambda choice: choice and self._edit(passage, choice))

    def quick_tag(self, reader: Reader, number: int) -> None:
        """1-9: the n-th most recent tag on the selection (or the passage under the cursor)."""
        if number > len(self.tally.recent):
            self.app.notify(f"No recent tag {number} yet: tag a passage with t first", timeout=3)
            return
        target = self._target(reader)
        if target is None:
            self._no_target()
            return
        self._add(reader.article.id, target, (self.tally.recent[number - 1],), "")

    def remove_here(self, reader: Reader) -> None:
        """`d`: take a tag off the passage under the cursor, after the user confirms which."""
        passage = self._passage_at(reader.cursor)
        if passage is None:
            self.app.notify("No tagged passage under the cursor", timeout=3)
            return
        self.remove(passage)

    def remove(self, passage: TaggedPassage) -> None:
        """Ask which tag to take off (or all), then do it."""

        def confirmed(tags) -> None:
            if tags:
                tag = tags[0] if len(tags) < len(passage.tags) else None
                self._change(lambda: self.annotations.untag(passage.id, tag), "edit")

        self.app.push_screen(RemoveTagScreen(passage), confirmed)

    def _target(self, reader: Reader) -> Range | None:
        if self.selection.range:
            return self.selection.range
        return _unit(reader, reader.cursor) if _in_body(reader.cursor) else None

    def _no_target(self) -> None:
        self.app.notify("Put the cursor on a passage first: ) next sentence, } next block, v to select", timeout=4)

    def _passage_at(self, span: Span | None) -> TaggedPassage | None:
        return self.article.at(span.block, span.start) if span is not None else None

    # -- the reader follows ------------------------------------------------------------------
    def article_shown(self, article) -> None:
        """The reader opened an article: mark its tagged passages once they are read."""
        self.article.show([])
        self.selection.clear()
        if not self._loaded:
            self._loaded = True
            self.submit(lambda: (self.annotations.tag_counts(), self.annotations.recent_tags(QUICK)),
                        lambda loaded: self.tally.load(*loaded))
        self.submit(lambda: self.annotations.for_article(article.id), lambda found: self._show_passages(article.id, found))

    def cursor_moved(self, span: Span | None) -> None:
        reader = self._reader()
        if reader is None or reader.article is None:
            return
        if self.selection.anchor and _in_body(span):
            self.selection.extend(_unit(reader, span))
            self._show_selection(reader)
        else:
            self._show_info(reader)

    def mouse_selected(self, reader: Reader, found) -> None:
        """Textual's mouse selection changed: it becomes the tag selection (exact words)."""
        if self.selection.mouse(Range(*found[0], *found[1]) if found else None):
            self._show_selection(reader)

    def _show_selection(self, reader: Reader) -> None:
        selection = self.selection.range
        reader.set_ranges("selection", selection.per_block(reader.article.blocks) if selection else {})
        self._show_info(reader)

    def _show_info(self, reader: Reader) -> None:
        """The status line: the selection and the quick tags, or the tags and note of the
        passage under the cursor."""
        if self.selection.range:
            words = len(self.selection.range.text(reader.article.blocks).split())
            reader.set_passage_info(selection_info(words, self.tally.recent))
            return
        passage = self._passage_at(reader.cursor)
        if passage is None:
            if reader.passage_info is not None:
                reader.set_passage_info(None)
            return
        reader.set_passage_info(passage_info(passage, editing=self._target(reader) == Range.of_passage(passage)))

    def _reader(self) -> Reader | None:
        try:
            return self._reading().reader
        except Exception:  # the main screen is not composed (yet)
            return None

    def _show_passages(self, article_id: str, passages: list[TaggedPassage]) -> None:
        """Mark the open article's tagged passages in the reader and list them in the Tags tab."""
        reader = self._reader()
        if reader is None or reader.article is None or reader.article.id != article_id:
            return
        self.article.show(passages)
        reader.set_ranges("tagged", self.article.marks(reader.article.blocks))
        self._show_info(reader)
        for tab in self._reading().query(TagsTab):
            tab.show_passages(passages)

    # -- changes, undo and redo --------------------------------------------------------------
    def _add(self, article_id: str, target: Range, tags, note: str) -> None:
        def work():
            return self.annotations.add(article_id, target.block, target.start, target.end, tags, note,
                                        end_block=target.end_block)

        self._change(work, "edit")

    def _edit(self, passage: TaggedPassage, choice) -> None:
        self._change(lambda: self.annotations.update(passage.id, tags=choice.tags, note=choice.note), "edit")

    def undo(self) -> None:
        self._change(lambda: self.history.undo(self.annotations.apply), "undo")

    def redo(self) -> None:
        self._change(lambda: self.history.redo(self.annotations.apply), "redo")

    def _change(self, work: Callable[[], Change], kind: str) -> None:
        """Queue a tag change; once it is on disk, record it, redraw and re-index."""

        def job():
            change = work()
            return change, self.annotations.for_article(change.article_id)

        reader = self._reader()
        if reader is not None and reader.article is not None:  # answer the key at once
            self.cancel(reader)
            reader.set_passage_info(Text("Saving…", "bold"))
        self.submit(job, lambda result: self._changed(*result, kind))

    def _changed(self, change: Change, passages: list[TaggedPassage], kind: str) -> None:
        if change.before == change.after:
            self.app.notify("That passage has these tags already", timeout=2)
        else:
            self.history.record(change, kind)
            self.tally.count(change, kind)
            self.app.notify(describe(change, kind), timeout=3, markup=False)
            self.sync([change.article_id])
        self._show_passages(change.article_id, passages)
        self._refilter()
        self.app.screen.post_message(TagsChanged(change.article_id))

    def sync(self, article_ids: list[str]) -> None:
        """Bring the search index's tag: field of these articles up to date, off the UI thread."""
        def work() -> None:
            for notice in self.search.sync(article_ids):
                self.app.notify(notice, severity="warning", markup=False)  # notify is thread-safe

        self.app.run_worker(work, thread=True, group="tag-sync", exit_on_error=False)

    # -- the list filter and the screens' reads ------------------------------------------------
    def filter_by_tag(self, tag: str) -> None:
        """Narrow the article list to the articles tagged `tag` (or below it), in their front
        matter or on a passage, read after the tag edits queued before."""
        self._tag_filter(lambda tags_of: self._reading().filter_by_tag(tag, tags_of))

    def _refilter(self) -> None:
        """A tag query on the list follows the tag changes."""
        reading = self._reading()
        current = reading.article_list.filter
        if current is not None and "tag:" in current.query:
            self.submit(lambda: None, lambda _: reading.article_list.filter is current and reading.filter_query(current.query))

    def _tag_filter(self, apply: Callable[[Callable], object]) -> None:
        def read() -> dict[str, set[str]]:
            return tags_by_article(self.library.entries(), self.annotations.all_passages())

        self.submit(read, lambda tags: apply(lambda article_id: tags.get(article_id, ())))

    def read_library(self, done: Callable[[list[TaggedPassage], dict], None], orphans: bool = False) -> None:
        """Every passage of the library (or the orphans only) and the catalogue entries by id,
        read in turn with the writes, for the Tags and Orphans screens."""
        def read():
            found = self.annotations.orphans() if orphans else self.annotations.all_passages()
            return found, {e.id: e for e in self.library.entries()}

        self.submit(read, lambda result: done(*result))

    # -- the writer ----------------------------------------------------------------------------
    def submit(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        """Run work() on the writer thread after every job queued before it; then done(result)
        on the UI thread. Errors become notifications."""
        self.pending += 1
        self.writer.submit(work, lambda result: self._finish(done, result), self._failed)

    def _failed(self, exc: Exception) -> None:
        severity = "information" if isinstance(exc, Nothing) else "error"
        self._finish(lambda message: self.app.notify(message, severity=severity, markup=False, timeout=4),
                     str(exc) or type(exc).__name__)

    def _finish(self, done: Callable[[object], None], result) -> None:
        self.pending -= 1
        problems = self.annotations.problems[self._problems_told:]  # a damaged tag file, say
        self._problems_told += len(problems)
        for problem in problems:
            self.app.notify(problem, severity="warning", markup=False, timeout=10)
        done(result)
        reader = self._reader()
        if reader is not None and reader.article is not None:
            self._show_info(reader)  # "Saving…" gives way to what is under the cursor now

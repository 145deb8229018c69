"""Tagging in the reader: a selection made with the passage cursor or the mouse, the tag
picker, quick tags 1-9, removal, and undo/redo of the session's tag edits.

One controller per app. Tag files are written on a background thread, one job at a time in
the order the keys were pressed, so the screen never waits on the library lock and an undo
never overtakes the edit it undoes. The search index follows each change on a worker.
"""

from __future__ import annotations

import threading
from collections import Counter, deque
from dataclasses import dataclass
from typing import Callable

from rich.text import Text

from library.annotations import Annotations, Change, TaggedPassage
from library.filters import articles_with_tag, tags_by_article

from .sync import app_changed
from .widgets.article_list import ListFilter
from .widgets.reader import Reader, Span, sentence_spans
from .widgets.tag_picker import TagPicker
from .widgets.tag_remove import RemoveTagScreen
from .widgets.tags_tab import TagsTab
from library.safetext import visible

QUICK = 9


@dataclass(frozen=True)
class Range:
    """Words from (block, start) to (end_block, end), end exclusive: a selection or a passage."""

    block: int
    start: int
    end_block: int
    end: int

    @classmethod
    def of_passage(cls, passage: TaggedPassage) -> Range:
        a = passage.anchor
        return cls(a.block, a.start, a.last_block, a.end)

    def hull(self, other: Range) -> Range:
        first = min((self.block, self.start), (other.block, other.start))
        last = max((self.end_block, self.end), (other.end_block, other.end))
        return Range(*first, *last)

    def contains(self, block: int, offset: int) -> bool:
        return (self.block, self.start) <= (block, offset) < (self.end_block, self.end)

    def per_block(self, blocks) -> dict[int, list[tuple[int, int]]]:
        """The range cut into (start, end) spans of each block it covers."""
        return {
            b: [(self.start if b == self.block else 0, self.end if b == self.end_block else len(blocks[b].text))]
            for b in range(self.block, self.end_block + 1)
        }

    def text(self, blocks) -> str:
        spans = self.per_block(blocks)
        return "\n".join(blocks[b].text[s:e] for b, [(s, e)] in spans.items())


def _in_body(span: Span | None) -> bool:
    """Whether the cursor is on the article's blocks: the title and standfirst (where it may
    rest on issue evidence) are not taggable."""
    return span is not None and span.block >= 0


def short(text: str, limit: int = 70) -> str:
    """A quote cut to fit one line, drawable as it is."""
    text = visible(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Nothing(Exception):
    """A key that has nothing to act on (undo with no history); said politely, not as an error."""


class Tagging:
    def __init__(self, app) -> None:
        self.app = app
        self.annotations = Annotations(app.library)
        self._problems_told = 0  # how many of the tag files' problems were shown already
        self.done: list[Change] = []  # undo history of this session, newest last
        self.undone: list[Change] = []  # redo history
        self.passages: list[TaggedPassage] = []  # the tagged passages of the article in the reader
        self.anchor: Range | None = None  # where `v` started
        self.selection: Range | None = None
        self.from_mouse = False
        self.counts: Counter[str] = Counter()  # passages per tag in the library
        self.recent: list[str] = []  # newest first; the 1-9 keys
        self.pending = 0  # jobs queued or running (tests and the benchmark wait on it)
        self._loaded = False
        self._jobs: deque = deque()
        self._jobs_lock = threading.Lock()
        self._draining = False

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
        if self.selection and not self.from_mouse:
            self.cancel(reader)
            return
        if not _in_body(reader.cursor):
            reader.action_sentence(1)
        if not _in_body(reader.cursor):
            return
        self.anchor = self._unit(reader, reader.cursor)
        self._select(reader, self.anchor, mouse=False)

    def cancel(self, reader: Reader) -> None:
        self.anchor = None
        self._select(reader, None, mouse=False)
        if reader.screen.selections:
            reader.screen.clear_selection()

    def copy(self, reader: Reader) -> None:
        """ctrl+c: the selection's words to the clipboard (OSC 52, through the terminal)."""
        text = self.selection.text(reader.article.blocks)
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
        article = reader.article
        existing = next((p for p in self.passages if Range.of_passage(p) == target), None)
        if existing:
            self.edit(existing)
            return
        picker = TagPicker(f"Tag “{short(target.text(article.blocks), 60)}”", self.choices())
        self.app.push_screen(picker, lambda choice: choice and self._add(article.id, target, choice.tags, choice.note))

    def edit(self, passage: TaggedPassage, then: Callable[[], object] = lambda: None) -> None:
        """The tag picker filled with a passage's tags and note, to change them; `then` runs
        once the change is saved."""
        picker = TagPicker(f"Edit tags of “{short(passage.quote, 60)}”", self.choices(), passage.tags, passage.note)
        self.app.push_screen(picker, lambda choice: choice and self._edit(passage, choice, then))

    def quick_tag(self, reader: Reader, number: int) -> None:
        """1-9: the n-th most recent tag on the selection (or the passage under the cursor)."""
        if number > len(self.recent):
            self.app.notify(f"No recent tag {number} yet: tag a passage with t first", timeout=3)
            return
        target = self._target(reader)
        if target is None:
            self._no_target()
            return
        self._add(reader.article.id, target, (self.recent[number - 1],), "")

    def remove_here(self, reader: Reader) -> None:
        """`d`: take a tag off the passage under the cursor, after the user confirms which."""
        passage = self.passage_at(reader.cursor)
        if passage is None:
            self.app.notify("No tagged passage under the cursor", timeout=3)
            return
        self.remove(passage)

    # -- what the keys act on -----------------------------------------------------------------
    def _unit(self, reader: Reader, span: Span) -> Range:
        """What the cursor stands for: a word-sized span (a search hit, a name) grows to its
        sentence; sentences, blocks and evidence passages stay as they are."""
        for start, end in sentence_spans(reader.article.blocks[span.block].text):
            if start <= span.start and span.end <= end and (start, end) != (span.start, span.end):
                return Range(span.block, start, span.block, end)
        return Range(span.block, span.start, span.block, span.end)

    def _target(self, reader: Reader) -> Range | None:
        if self.selection:
            return self.selection
        return self._unit(reader, reader.cursor) if _in_body(reader.cursor) else None

    def _no_target(self) -> None:
        self.app.notify("Put the cursor on a passage first: ) next sentence, } next block, v to select", timeout=4)

    def passage_at(self, span: Span | None) -> TaggedPassage | None:
        """The smallest tagged passage holding the cursor's start."""
        if span is None:
            return None
        holding = [p for p in self.passages if Range.of_passage(p).contains(span.block, span.start)]
        return min(holding, key=lambda p: len(p.quote), default=None)

    def choices(self) -> list[tuple[str, int]]:
        """Tags for the picker: the recent ones first (in 1-9 order), then by use."""
        rest = sorted((t for t in self.counts if t not in self.recent), key=lambda t: (-self.counts[t], t.casefold()))
        return [(t, self.counts[t]) for t in [*self.recent, *rest]]

    # -- the reader follows ------------------------------------------------------------------
    def article_shown(self, article) -> None:
        """The reader opened an article: mark its tagged passages once they are read."""
        self.passages = []
        self.anchor, self.selection, self.from_mouse = None, None, False
        if not self._loaded:
            self._loaded = True
            self.submit(lambda: (self.annotations.tag_counts(), self.annotations.recent_tags(QUICK)), self._tags_loaded)
        self.submit(lambda: self.annotations.for_article(article.id), lambda found: self._show_passages(article.id, found))

    def cursor_moved(self, span: Span | None) -> None:
        reader = self._reader()
        if reader is None or reader.article is None:
            return
        if self.anchor and _in_body(span):
            self._select(reader, self.anchor.hull(self._unit(reader, span)), mouse=False)
        else:
            self._show_info(reader)

    def mouse_selected(self, reader: Reader, found) -> None:
        """Textual's mouse selection changed: it becomes the tag selection (exact words)."""
        if found is None:
            if self.from_mouse:
                self._select(reader, None, mouse=False)
            return
        self.anchor = None
        self._select(reader, Range(*found[0], *found[1]), mouse=True)

    def _select(self, reader: Reader, selection: Range | None, mouse: bool) -> None:
        self.selection, self.from_mouse = selection, mouse and selection is not None
        reader.set_ranges("selection", selection.per_block(reader.article.blocks) if selection else {})
        self._show_info(reader)

    def _show_info(self, reader: Reader) -> None:
        """The status line: the selection and the quick tags, or the tags and note of the
        passage under the cursor."""
        if self.selection:
            words = len(self.selection.text(reader.article.blocks).split())
            info = Text(f"Selected {words} word{'s' * (words != 1)} · t tag · esc cancel", "bold")
            for number, tag in enumerate(self.recent, 1):
                info.append(f"  {number} ", "bold reverse")
                info.append(visible(tag))
            reader.set_passage_info(info)
            return
        passage = self.passage_at(reader.cursor)
        if passage is None:
            if reader.passage_info is not None:
                reader.set_passage_info(None)
            return
        info = Text("# " + ", ".join(visible(t) for t in passage.tags), "bold")
        if passage.note:
            info.append(f" · {short(passage.note, 80)}", "italic")
        editing = self._target(reader) == Range.of_passage(passage)
        info.append(f"   t {'edit' if editing else 'tag this'} · d remove", "dim")
        reader.set_passage_info(info)

    def _reader(self) -> Reader | None:
        try:
            return self.app.reading.reader
        except Exception:  # the main screen is not composed (yet)
            return None

    def _show_passages(self, article_id: str, passages: list[TaggedPassage]) -> None:
        """Mark the open article's tagged passages in the reader and list them in the Tags tab."""
        reader = self._reader()
        if reader is None or reader.article is None or reader.article.id != article_id:
            return
        self.passages = [p for p in passages if not p.orphan]
        blocks = reader.article.blocks
        marks: dict[int, list[tuple[int, int]]] = {}
        for passage in self.passages:
            for block, spans in Range.of_passage(passage).per_block(blocks).items():
                marks.setdefault(block, []).extend(spans)
        reader.set_ranges("tagged", marks)
        self._show_info(reader)
        for tab in self.app.reading.query(TagsTab):
            tab.show_passages(passages)

    # -- changes, undo and redo --------------------------------------------------------------
    def _add(self, article_id: str, target: Range, tags, note: str) -> None:
        def work():
            return self.annotations.add(article_id, target.block, target.start, target.end, tags, note,
                                        end_block=target.end_block)

        self._change(work, "edit")

    def _edit(self, passage: TaggedPassage, choice, then: Callable[[], object] = lambda: None) -> None:
        self._change(lambda: self.annotations.update(passage.id, tags=choice.tags, note=choice.note), "edit", then)

    def remove(self, passage: TaggedPassage, then: Callable[[], object] = lambda: None) -> None:
        """Ask which tag to take off (or all), then do it; `then` runs once it is done."""

        def confirmed(tags) -> None:
            if tags:
                tag = tags[0] if len(tags) < len(passage.tags) else None
                self._change(lambda: self.annotations.untag(passage.id, tag), "edit", then)

        self.app.push_screen(RemoveTagScreen(passage), confirmed)

    def undo(self) -> None:
        def work():
            if not self.done:
                raise Nothing("Nothing to undo")
            change = self.done.pop()
            applied = self.annotations.apply(change.inverse())
            self.undone.append(change)
            return applied

        self._change(work, "undo")

    def redo(self) -> None:
        def work():
            if not self.undone:
                raise Nothing("Nothing to redo")
            change = self.undone.pop()
            return self.annotations.apply(change)

        self._change(work, "redo")

    def _change(self, work: Callable[[], Change], kind: str, then: Callable[[], object] = lambda: None) -> None:
        """Queue a tag change; once it is on disk, record it, redraw and re-index.
        The histories are only touched on the writer thread or in callbacks it waits for."""

        def job():
            change = work()
            return change, self.annotations.for_article(change.article_id)

        reader = self._reader()
        if reader is not None and reader.article is not None:  # answer the key at once
            self.cancel(reader)
            reader.set_passage_info(Text("Saving…", "bold"))
        self.submit(job, lambda result: (self._changed(*result, kind), then()))

    def _changed(self, change: Change, passages: list[TaggedPassage], kind: str) -> None:
        if change.before == change.after:
            self.app.notify("That passage has these tags already", timeout=2)
        else:
            if kind == "edit":
                self.done.append(change)
                self.undone.clear()
            elif kind == "redo":
                self.done.append(change)
            self._count(change, kind)
            self.app.notify(describe(change, kind), timeout=3, markup=False)
            self._sync(change.article_id)
        self._show_passages(change.article_id, passages)
        self._refilter()

    def _count(self, change: Change, kind: str) -> None:
        before = change.before.tags if change.before else ()
        after = change.after.tags if change.after else ()
        self.counts.subtract(before)
        self.counts.update(after)
        self.counts = +self.counts  # drop tags no passage has any more
        if kind != "undo":
            fresh = [t for t in after if t not in before] or list(after)
            self.recent = [*fresh, *(t for t in self.recent if t not in fresh)][:QUICK]

    def reload_counts(self) -> None:
        """Read the library's tag counts again (after a rename across the library)."""
        self.submit(lambda: (self.annotations.tag_counts(), self.annotations.recent_tags(QUICK)), self._tags_loaded)

    def _tags_loaded(self, loaded) -> None:
        counts, recent = loaded
        self.counts, self.recent = Counter(counts), list(recent)

    def _sync(self, article_id: str) -> None:
        """Bring the search index's tag: field up to date, off the UI thread."""
        def work() -> None:
            for notice in app_changed(self.app.library, changed=[article_id]):
                self.app.call_from_thread(self.app.notify, notice, severity="warning", markup=False)

        self.app.run_worker(work, thread=True, group="tag-sync", exit_on_error=False)

    # -- the list filter and jumping --------------------------------------------------------------
    def filter_by_tag(self, tag: str) -> None:
        """Narrow the article list to the articles tagged `tag` (or below it), in their front
        matter or on a passage."""
        self._tag_filter(tag, self.app.reading.set_filter)

    def _refilter(self) -> None:
        """A tag filter on the list follows the tag changes."""
        listing = self.app.reading.article_list
        current = listing.filter
        if current is not None and current.kind == "tag":
            self._tag_filter(current.value, lambda new: listing.filter is current and listing.set_filter(new))

    def _tag_filter(self, tag: str, apply: Callable[[ListFilter], object]) -> None:
        def read() -> frozenset[str]:
            return articles_with_tag(tags_by_article(self.app.library.entries(), self.annotations.all_passages()), tag)

        self.submit(read, lambda ids: apply(ListFilter("tag", tag, tag, lambda e: e.id in ids)))

    def jump(self, passage: TaggedPassage) -> None:
        """Open the passage's article in the reader with the cursor on the passage."""
        reading = self.app.reading
        if not self.show(passage.article_id):
            return
        a = passage.anchor
        end = a.end if a.last_block == a.block else len(reading.reader.article.blocks[a.block].text)
        reading.reader.goto(a.block, a.start, end)

    def show(self, article_id: str) -> bool:
        """Open an article in the reader (unless it is open), selected in the list."""
        reading = self.app.reading
        if reading.open_id != article_id and not reading.open_article(article_id):
            return False
        reading.article_list.select_id(article_id)
        reading.focus_pane("reader")
        return True

    def read_library(self, done: Callable[[list[TaggedPassage], dict], None], orphans: bool = False) -> None:
        """Every passage of the library (or the orphans only) and the catalogue entries by id,
        read in turn with the writes, for the Tags and Orphans screens."""
        def read():
            found = self.annotations.orphans() if orphans else self.annotations.all_passages()
            return found, {e.id: e for e in self.app.library.entries()}

        self.submit(read, lambda result: done(*result))

    # -- the writer thread ---------------------------------------------------------------------
    def submit(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        """Run work() on the writer thread after every job queued before it; then done(result)
        on the UI thread. Errors become notifications."""
        self.pending += 1
        with self._jobs_lock:
            self._jobs.append((work, done))
            start, self._draining = not self._draining, True
        if start:
            self.app.run_worker(self._drain, thread=True, group="tag-writer", exit_on_error=False)

    def _drain(self) -> None:
        while True:
            with self._jobs_lock:
                if not self._jobs:
                    self._draining = False
                    return
                work, done = self._jobs.popleft()
            try:
                result = work()
            except Exception as exc:  # AnnotationError, OSError, or a bug: say it, keep the queue going
                message, severity = str(exc) or type(exc).__name__, "information" if isinstance(exc, Nothing) else "error"
                done, result = (lambda m: self.app.notify(m, severity=severity, markup=False, timeout=4)), message
            problems = self.annotations.problems[self._problems_told:]  # a damaged tag file, say
            self._problems_told += len(problems)
            try:
                self.app.call_from_thread(self._finish, done, result, problems)
            except Exception:  # the app closed meanwhile: keep writing what was asked, skip the screen
                continue

    def _finish(self, done: Callable[[object], None], result, problems: list[str]) -> None:
        self.pending -= 1
        for problem in problems:
            self.app.notify(problem, severity="warning", markup=False, timeout=10)
        done(result)
        reader = self._reader()
        if reader is not None and reader.article is not None:
            self._show_info(reader)  # "Saving…" gives way to what is under the cursor now


def describe(change: Change, kind: str) -> str:
    """One line saying what a change did, e.g. `Tagged “Xi warned…”: taiwan`."""
    quote = short(change.passage.quote, 50)
    if kind in ("undo", "redo"):
        return f"{kind.capitalize()}: {describe(change, 'edit')}"
    if change.after is None:
        return f"Removed the tags of “{quote}”"
    before = set(change.before.tags) if change.before else set()
    added = [t for t in change.after.tags if t not in before]
    removed = [t for t in before if t not in change.after.tags]
    if removed and not added:
        return f"Removed {', '.join(removed)} from “{quote}”"
    if added:
        return f"Tagged “{quote}”: {', '.join(added)}"
    return f"Note saved on “{quote}”"

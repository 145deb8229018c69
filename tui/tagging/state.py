"""What tagging remembers during a session, as plain objects: the words selected in the
reader, the open article's tagged passages, the undo and redo history, and the tag counts
with the recent tags behind the 1-9 keys.

No Textual here (tests/test_tagging_state.py drives it directly); controller.py applies it
to the reader and the screens.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable

from library.annotations import Change, TaggedPassage
from library.safetext import shorten

QUICK = 9  # recent tags on the 1-9 keys


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


class Nothing(Exception):
    """A key that has nothing to act on (undo with no history); said politely, not as an error."""


class Selection:
    """The words chosen for tagging: from `v` (an anchor the cursor then extends) or from a
    mouse selection (exact words, no anchor)."""

    def __init__(self) -> None:
        self.anchor: Range | None = None  # where `v` started
        self.range: Range | None = None
        self.from_mouse = False

    def start(self, unit: Range) -> None:
        self.anchor, self.range, self.from_mouse = unit, unit, False

    def extend(self, unit: Range) -> None:
        """Stretch a `v` selection (there is an anchor) to cover `unit`."""
        self.range = self.anchor.hull(unit)

    def mouse(self, found: Range | None) -> bool:
        """A mouse selection becomes the selection; its end clears only a mouse selection.
        True when the selection changed."""
        if found is None:
            if not self.from_mouse:
                return False
            self.clear()
            return True
        self.anchor, self.range, self.from_mouse = None, found, True
        return True

    def clear(self) -> None:
        self.anchor, self.range, self.from_mouse = None, None, False


class ArticlePassages:
    """The tagged passages of the article in the reader (orphans left out: they have no words)."""

    def __init__(self) -> None:
        self.passages: list[TaggedPassage] = []

    def show(self, passages: list[TaggedPassage]) -> None:
        self.passages = [p for p in passages if not p.orphan]

    def at(self, block: int, offset: int) -> TaggedPassage | None:
        """The smallest passage holding (block, offset)."""
        holding = [p for p in self.passages if Range.of_passage(p).contains(block, offset)]
        return min(holding, key=lambda p: len(p.quote), default=None)

    def on(self, target: Range) -> TaggedPassage | None:
        """The passage on exactly these words, if they are tagged already."""
        return next((p for p in self.passages if Range.of_passage(p) == target), None)

    def marks(self, blocks) -> dict[int, list[tuple[int, int]]]:
        """Every passage's spans per block, for the reader to mark."""
        marks: dict[int, list[tuple[int, int]]] = {}
        for passage in self.passages:
            for block, spans in Range.of_passage(passage).per_block(blocks).items():
                marks.setdefault(block, []).extend(spans)
        return marks


class History:
    """Undo and redo of the session's tag edits. undo() and redo() write (through `apply`) on
    the writer thread; record() runs once the change is on disk, before the next job starts."""

    def __init__(self) -> None:
        self.done: list[Change] = []  # newest last
        self.undone: list[Change] = []

    def undo(self, apply: Callable[[Change], Change]) -> Change:
        if not self.done:
            raise Nothing("Nothing to undo")
        change = self.done.pop()
        applied = apply(change.inverse())
        self.undone.append(change)
        return applied

    def redo(self, apply: Callable[[Change], Change]) -> Change:
        if not self.undone:
            raise Nothing("Nothing to redo")
        return apply(self.undone.pop())

    def record(self, change: Change, kind: str) -> None:
        """A new edit forgets what was undone; a redo can be undone again."""
        if kind == "edit":
            self.done.append(change)
            self.undone.clear()
        elif kind == "redo":
            self.done.append(change)


class TagTally:
    """Passages per tag in the library, and the recent tags (newest first) on the 1-9 keys."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.recent: list[str] = []

    def load(self, counts, recent) -> None:
        self.counts, self.recent = Counter(counts), list(recent)

    def count(self, change: Change, kind: str) -> None:
        """Follow a change; the tags it added (or, for an edit adding none, all its tags)
        become the most recent, except on undo."""
        before = change.before.tags if change.before else ()
        after = change.after.tags if change.after else ()
        self.counts.subtract(before)
        self.counts.update(after)
        self.counts = +self.counts  # drop tags no passage has any more
        if kind != "undo":
            fresh = [t for t in after if t not in before] or list(after)
            self.recent = [*fresh, *(t for t in self.recent if t not in fresh)][:QUICK]

    def choices(self) -> list[tuple[str, int]]:
        """Tags for the picker: the recent ones first (in 1-9 order), then by use."""
        rest = sorted((t for t in self.counts if t not in self.recent), key=lambda t: (-self.counts[t], t.casefold()))
        return [(t, self.counts[t]) for t in [*self.recent, *rest]]


def describe(change: Change, kind: str) -> str:
    """One line saying what a change did, e.g. `Tagged “Xi warned…”: taiwan`."""
    quote = shorten(change.passage.quote, 50)
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

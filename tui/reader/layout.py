"""Where an article's words go on the reader's lines: its parts (title, meta, blocks), their
word wrap at one width, and the way back from a drawn line and column to a text position.

Plain data with no Textual in it, so it is tested without an app. Widths are terminal cells
(`rich.cells.cell_len`, the measure the reader draws with), so a wide character takes two.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from rich.cells import cell_len

from library.model import STANDFIRST_BLOCK, TITLE_BLOCK, Article
from library.safetext import visible

MAX_TEXT_WIDTH = 96  # a comfortable measure; a wider reader centres nothing, it just stops here
GUTTER = 2  # the cursor and mark signs in the margin before every line
# (first line, following lines) drawn before a part's text
PREFIX = {
    "title": ("", ""),
    "meta": ("", ""),
    "link": ("", ""),
    "standfirst": ("", ""),
    "heading": ("", ""),
    "paragraph": ("", ""),
    "bullet": ("  • ", "    "),
    "quote": ("  ▌ ", "  ▌ "),
    "caption": ("  ", "  "),
}
_HEAD = ("meta", "link")  # lines that follow the title with no blank line between
_HEAD_BLOCKS = {"title": TITLE_BLOCK, "standfirst": STANDFIRST_BLOCK}
_WORD = re.compile(r"\S+\s*")  # a word and the spaces after it


class Part(NamedTuple):
    kind: str
    text: str
    block: int | None  # index into the article's blocks; None for the title and the header lines

    @property
    def position(self) -> int | None:
        """The block number of positions in this part: the title and standfirst have their own
        (issue evidence is found there too); the header lines have none."""
        return _HEAD_BLOCKS.get(self.kind, self.block)


class Line(NamedTuple):
    part: int  # -1 for a blank line
    start: int
    end: int


BLANK = Line(-1, 0, 0)


def article_parts(article: Article) -> list[Part]:
    """The title, a meta line (date · source · author), the original address, the standfirst
    and the blocks, in reading order."""
    meta = " · ".join(x for x in (article.date.isoformat() if article.date else "", article.source, article.author) if x)
    parts = [Part("title", article.title, None), Part("meta", meta or "undated", None)]
    if article.url:
        parts.append(Part("link", article.url, None))
    if article.standfirst:
        parts.append(Part("standfirst", article.standfirst, None))
    return parts + [Part(b.kind, b.text, i) for i, b in enumerate(article.blocks)]


def hint_parts(hint: str) -> list[Part]:
    """A hint shown in place of an article: one muted line per line of the hint."""
    return [Part("meta", line, None) for line in hint.split("\n")]


def text_width(room: int) -> int:
    """The measure text is wrapped to in a reader `room` cells wide (gutter and scroll bar off)."""
    return max(12, min(room - GUTTER - 1, MAX_TEXT_WIDTH))


def wrap(text: str, width: int) -> list[int]:
    """The start offsets of `text`'s lines word-wrapped to `width` cells: a line breaks before a
    word that does not fit, spaces after a word hang past the edge, and a word longer than a
    line is cut wherever the line is full."""
    starts = [0]
    used = cell_len(text[: len(text) - len(text.lstrip())])  # spaces before the first word
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        size = cell_len(word.rstrip())
        if used + size <= width:
            used += cell_len(word)
            continue
        if used:
            starts.append(start)
            used = 0
        if size <= width:
            used = cell_len(word)
            continue
        for offset, char in enumerate(word.rstrip(), start):  # cut the long word
            cells = cell_len(char)
            if used + cells > width and used:
                starts.append(offset)
                used = 0
            used += cells
        used += len(word) - len(word.rstrip())
    return starts


class Layout:
    """Parts wrapped at one text width: the reader's lines and how they map to positions."""

    def __init__(self, parts: list[Part], width: int) -> None:
        self.parts, self.width = parts, width
        self.lines: list[Line] = []
        self._part_lines: list[tuple[int, list[int]]] = []  # per part: its first line, line starts
        self._part_at = {part.position: i for i, part in enumerate(parts) if part.position is not None}
        previous = ""
        for index, part in enumerate(parts):
            if self.lines and part.kind not in _HEAD and not (part.kind == previous == "bullet"):
                self.lines.append(BLANK)
            first, rest = PREFIX[part.kind]
            starts = wrap(visible(part.text), max(8, width - max(cell_len(first), cell_len(rest))))
            self._part_lines.append((len(self.lines), starts))
            ends = [*starts[1:], len(part.text)]
            self.lines += [Line(index, a, b) for a, b in zip(starts, ends)]
            previous = part.kind
        self.lines.append(BLANK)

    def part_of(self, position: int) -> int:
        """The part holding a block number (the title and standfirst included)."""
        return self._part_at[position]

    def lines_of(self, position: int) -> range:
        """The line numbers a block (or the title, the standfirst) is drawn on."""
        first, starts = self._part_lines[self.part_of(position)]
        return range(first, first + len(starts))

    def line_of(self, position: int, offset: int) -> int:
        """The line a text position is drawn on."""
        first, starts = self._part_lines[self.part_of(position)]
        return first + bisect_right(starts, offset) - 1

    def prefix(self, line: Line) -> str:
        """What is drawn between the gutter and a line's text (a bullet, a quote bar)."""
        first, rest = PREFIX[self.parts[line.part].kind]
        return first if line.start == 0 else rest

    def top(self, y: int) -> tuple[int, int] | None:
        """(block, offset) of the first text at or below line y; None at the article's start."""
        for line in self.lines[y:]:
            if line.part >= 0:
                block = self.parts[line.part].block
                return None if block is None or y == 0 else (block, line.start)
        return None

    def text_position(self, x: int, y: int, end: bool) -> tuple[int, int] | None:
        """(block, offset) of column x on line y; off the body text (header, blank lines,
        gutter) a start snaps forward and an end snaps back to the nearest body text."""
        if not self.lines:
            return None
        y = max(0, min(y, len(self.lines) - 1))
        line = self.lines[y]
        if line.part < 0 or self.parts[line.part].block is None:
            steps = range(y - 1, -1, -1) if end else range(y + 1, len(self.lines))
            for other in steps:
                found = self.lines[other]
                if found.part >= 0 and self.parts[found.part].block is not None:
                    return self.text_position(10**6 if end else 0, other, end)
            return None
        column = x - GUTTER - len(self.prefix(line))
        return self.parts[line.part].block, line.start + max(0, min(column, line.end - line.start))

    def selected(self, start: tuple[int, int] | None, end: tuple[int, int] | None) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """The (block, offset) start and end of a selection between two (column, line) points
        (None: the text's start, its end); None if it holds no body text."""
        first = self.text_position(*start, end=False) if start else self.text_position(0, 0, False)
        last = self.text_position(*end, end=True) if end else self.text_position(10**6, len(self.lines), True)
        if first is None or last is None or first >= last:
            return None
        return first, last

    def text_between(self, start: tuple[int, int], end: tuple[int, int]) -> str:
        """The body text from one (block, offset) to another, a line break between blocks."""
        blocks = {part.block: part.text for part in self.parts if part.block is not None}
        (b1, s1), (b2, e2) = start, end
        if b1 == b2:
            return blocks[b1][s1:e2]
        return "\n".join([blocks[b1][s1:], *(blocks[b] for b in range(b1 + 1, b2)), blocks[b2][:e2]])

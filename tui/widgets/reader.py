"""The reader: one article, styled by block kind, with entity highlights, issue evidence,
search terms and a passage cursor.

Lines are laid out once per width (word wrap depends only on text and width) and drawn on
demand, so opening a long article costs a wrap pass and a screen of lines. Changing what is
highlighted restyles only the blocks concerned. Text is drawn from `Text` objects built from
the article's characters: markup in an article is never interpreted.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable, NamedTuple, Sequence

from rich._wrap import divide_line  # Rich's own word wrap, so wrapped lines match its measure
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.widgets import Static

from library.issues.passages import Sentences
from library.model import STANDFIRST_BLOCK, TITLE_BLOCK, Article

from library.safetext import visible

from ..contrast import readable_on
from ..tagging.messages import TagRequested, WordsSelected

MAX_TEXT_WIDTH = 96
KINDS = ("person", "org", "place")
KIND_NAMES = {"person": "person", "org": "organisation", "place": "place"}
# (first line, following lines) drawn before a block's text, and whether a blank line precedes it
_PREFIX = {
    "title": ("", ""),
    "meta": ("", ""),
    "standfirst": ("", ""),
    "heading": ("", ""),
    "paragraph": ("", ""),
    "bullet": ("  • ", "    "),
    "quote": ("  ▌ ", "  ▌ "),
    "caption": ("  ", "  "),
}


@dataclass(frozen=True)
class Span:
    """A passage in block coordinates: the reader's unit for cursor, evidence and hits."""

    block: int
    start: int
    end: int


class _Part(NamedTuple):
    kind: str
    text: str
    block: int | None  # index into the article's blocks; None for title, meta, standfirst

    @property
    def position(self) -> int | None:
        """The block number of positions in this part: the title and standfirst have their own
        (issue evidence is found there too); the meta line has none."""
        return _HEAD_BLOCKS.get(self.kind, self.block)


_HEAD_BLOCKS = {"title": TITLE_BLOCK, "standfirst": STANDFIRST_BLOCK}


class _Line(NamedTuple):
    part: int  # -1 for a blank line
    start: int
    end: int


BLANK = _Line(-1, 0, 0)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a block, trailing space left out; the same sentence
    rule that cuts issue evidence, so the cursor and the evidence agree."""
    starts = Sentences(text).starts
    ends = [*starts[1:], len(text)]
    spans = [(a, len(text[:b].rstrip())) for a, b in zip(starts, ends)]
    return [(a, b) for a, b in spans if b > a]


class Reader(ScrollView, can_focus=True, inherit_bindings=False):
    HELP_TITLE = "Reader"
    BINDINGS = [
        Binding("j,down", "scroll_lines(1)", "Scroll down", show=False, id="reader.down"),
        Binding("k,up", "scroll_lines(-1)", "Scroll up", show=False, id="reader.up"),
        Binding("g,home", "top", "Top", show=False, id="reader.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="reader.bottom"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="reader.half_page_down"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="reader.half_page_up"),
        Binding("space,pagedown", "half_page(2)", "Page down", show=False, id="reader.page_down"),
        Binding("b,pageup", "half_page(-2)", "Page up", show=False, id="reader.page_up"),
        Binding(")", "sentence(1)", "Next sentence", show=False, id="reader.next_sentence"),
        Binding("(", "sentence(-1)", "Previous sentence", show=False, id="reader.previous_sentence"),
        Binding("}", "block(1)", "Next block", show=False, id="reader.next_block"),
        Binding("{", "block(-1)", "Previous block", show=False, id="reader.previous_block"),
        Binding("m", "entity(1)", "Next entity", show=False, id="reader.next_entity"),
        Binding("M", "entity(-1)", "Previous entity", show=False, id="reader.previous_entity"),
        Binding("x", "edit_entity", "Correct entity", show=False, id="reader.edit_entity"),
        Binding("e", "toggle_highlights", "Highlights", show=False, id="reader.toggle_highlights"),
        Binding("]", "evidence(1)", "Next evidence", id="reader.next_evidence"),
        Binding("[", "evidence(-1)", "Previous evidence", show=False, id="reader.previous_evidence"),
        Binding("n", "term(1)", "Next hit", show=False, id="reader.next_hit"),
        Binding("N", "term(-1)", "Previous hit", show=False, id="reader.previous_hit"),
        Binding("escape", "clear_selection", "Clear selection", show=False, id="reader.clear_selection"),
        # tagging keys: tui/tagging/ does the work
        Binding("v", "tagging('select')", "Select", id="reader.select"),
        Binding("ctrl+c", "copy_selection", "Copy selection", show=False, id="reader.copy"),
        Binding("t", "tagging('tag')", "Tag…", id="reader.tag"),
        Binding("d", "tagging('remove')", "Remove tag", show=False, id="reader.remove_tag"),
        Binding("u", "tagging('undo')", "Undo tag edit", show=False, id="reader.undo_tag"),
        Binding("ctrl+r", "tagging('redo')", "Redo tag edit", show=False, id="reader.redo_tag"),
        *[Binding(str(n), f"tagging('quick', {n})", f"Apply recent tag {n}", show=False, id=f"reader.quick_tag_{n}")
          for n in range(1, 10)],
    ]

    COMPONENT_CLASSES = {
        "reader--title", "reader--meta", "reader--standfirst", "reader--heading",
        "reader--paragraph", "reader--bullet", "reader--quote", "reader--caption",
        "reader--person", "reader--org", "reader--place", "reader--selected-entity",
        "reader--evidence", "reader--cursor", "reader--term", "reader--gutter",
        "reader--tagged", "reader--selection",
    }

    class PassageMoved(Message):
        """The passage cursor moved (the tagging view acts on `reader.passage`)."""

        def __init__(self, span: Span | None) -> None:
            super().__init__()
            self.span = span

    class StatusChanged(Message):
        def __init__(self, status: Text) -> None:
            super().__init__()
            self.status = status

    class EditEntity(Message):
        """The user asked to correct entities here: `mention` is the selected one, if any."""

        def __init__(self, mention, suggestion: str) -> None:
            super().__init__()
            self.mention, self.suggestion = mention, suggestion

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.mentions: list = []
        self.highlights = True
        self.issue = None  # the IssueHit whose evidence is marked
        self.pointed_issue = None  # the issue highlighted in the sidebar: the one ] and [ use
        self.selected_mention = None
        self.cursor: Span | None = None
        self.terms: list[str] = []
        self.aliases_of: Callable[[str], Sequence[str]] = lambda canonical: ()
        self._parts: list[_Part] = []
        self._lines: list[_Line] = []
        self._part_lines: list[tuple[int, list[int]]] = []  # per part: first line, line starts
        self._layout_width = 0
        self._styled: dict[int, Text] = {}
        self._span_styles: dict[str, Style] = {}
        self._strips: dict[int, Strip] = {}
        self._term_spans: dict[int, list[tuple[int, int]]] = {}
        self._pending: Span | None = None  # where to scroll once the layout exists
        self.ranges: dict[str, dict[int, list[tuple[int, int]]]] = {}  # class name -> block -> spans
        self.passage_info: Text | None = None  # about the passage under the cursor (its tags)

    # -- content ---------------------------------------------------------------------------
    def show(self, article: Article, position: tuple[int, int] | None = None) -> None:
        """Display an article at once (without analysis); scroll to a remembered position."""
        self.article = article
        self.mentions, self.issue, self.selected_mention, self.cursor = [], None, None, None
        self.pointed_issue = None
        self.terms, self._term_spans = [], {}
        self.ranges, self.passage_info = {}, None
        meta = " · ".join(x for x in (article.date.isoformat() if article.date else "", article.source, article.author) if x)
        parts = [_Part("title", article.title, None), _Part("meta", meta or "undated", None)]
        if article.standfirst:
            parts.append(_Part("standfirst", article.standfirst, None))
        parts += [_Part(b.kind, b.text, i) for i, b in enumerate(article.blocks)]
        self._parts = parts
        self._layout_width = 0
        self._pending = Span(*position, position[1]) if position else None
        self._layout()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.call_after_refresh(self._scroll_to_pending)  # once the new height can be scrolled
        self._status()

    def show_hint(self, hint: str) -> None:
        """Text shown in place of an article (nothing opened yet, an empty library)."""
        self.article = None
        self.mentions, self.issue, self.selected_mention, self.cursor = [], None, None, None
        self._parts = [_Part("meta", line, None) for line in hint.split("\n")]
        self._layout_width = 0
        self._layout()
        self.refresh()

    def set_analysis(self, mentions: Sequence) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.block, m.start))
        self._restyle()
        self._status()

    def show_issue(self, issue) -> None:
        """Mark the evidence passages of an issue (None clears) and go to the first."""
        self.issue = issue
        self._restyle()
        if issue and issue.passages:
            self.cursor = None
            self.action_evidence(1)
        self._status()

    def set_terms(self, terms: Sequence[str]) -> None:
        """Highlight search terms (word starts, any case); n/N step through them."""
        self.terms = [t for t in terms if t.strip()]
        self._term_spans = {}
        if self.article and self.terms:
            pattern = re.compile("|".join(rf"\b{re.escape(t)}" for t in self.terms), re.IGNORECASE)
            for index, block in enumerate(self.article.blocks):
                found = [(m.start(), m.end()) for m in pattern.finditer(block.text)]
                if found:
                    self._term_spans[index] = found
        self._restyle()

    def goto(self, block: int, start: int, end: int | None = None) -> None:
        """Put the cursor on a passage (a hit, a mention) and bring it into view."""
        if not self.article or not 0 <= block < len(self.article.blocks):
            return
        if end is None:
            spans = sentence_spans(self.article.blocks[block].text) or [(0, 0)]
            start, end = next(((a, b) for a, b in spans if a <= start < b or start < a), spans[-1])
        self._move_cursor(Span(block, start, end), center=True)

    def goto_term(self, block: int) -> None:
        """Put the cursor on the first search term at or after a block (the hit's block)."""
        spans = [(b, a, e) for b, found in sorted(self._term_spans.items()) if b >= block for a, e in found]
        if spans:
            self.goto(*spans[0])
        else:
            self.goto(block, 0)

    @property
    def passage(self) -> tuple[Span, str] | None:
        """The passage under the cursor and its text."""
        if not self.cursor or not self.article:
            return None
        c = self.cursor
        return c, self.article.text_of(c.block)[c.start : c.end]

    @property
    def position(self) -> tuple[int, int] | None:
        """(block, offset) of the top line, or None at the article's start."""
        y = int(self.scroll_offset.y)
        for line in self._lines[y:]:
            if line.part >= 0:
                block = self._parts[line.part].block
                return None if block is None or y == 0 else (block, line.start)
        return None

    # -- layout and drawing ---------------------------------------------------------------------
    def _text_width(self) -> int:
        return max(12, min(self.scrollable_content_region.width - 3, MAX_TEXT_WIDTH))

    def _layout(self) -> None:
        width = self._text_width()
        if self.size.width <= 0 or width == self._layout_width:
            return
        self._layout_width = width
        lines: list[_Line] = []
        part_lines = []
        previous = ""
        for index, part in enumerate(self._parts):
            if lines and part.kind != "meta" and not (part.kind == previous == "bullet"):
                lines.append(BLANK)
            first, rest = _PREFIX[part.kind]
            starts = [0, *divide_line(part.text, max(8, width - max(len(first), len(rest))))]
            part_lines.append((len(lines), starts))
            ends = [*starts[1:], len(part.text)]
            lines += [_Line(index, a, b) for a, b in zip(starts, ends)]
            previous = part.kind
        lines.append(BLANK)
        self._lines, self._part_lines = lines, part_lines
        self._styled.clear()
        self._strips.clear()
        self.virtual_size = Size(0, len(lines))  # lines are wrapped: nothing to scroll sideways
        self.refresh()

    def on_resize(self) -> None:
        top = self.position
        self._strips.clear()  # drawn lines are cut to the old width
        self._layout()
        if top and self._pending is None:
            self._pending = Span(top[0], top[1], top[1])
        self._scroll_to_pending()

    def _scroll_to_pending(self) -> None:
        if self._pending and self._layout_width:
            line = self._line_of(self._pending.block, self._pending.start)
            self._pending = None
            self.scroll_to(0, line, animate=False, immediate=True)

    def _line_of(self, block: int, offset: int) -> int:
        first, starts = self._part_lines[self._part_of(block)]
        return first + bisect_right(starts, offset) - 1

    def _part_of(self, block: int) -> int:
        if block < 0:  # the title or standfirst
            return next(i for i, part in enumerate(self._parts) if part.position == block)
        return len(self._parts) - len(self.article.blocks) + block

    def render_line(self, y: int) -> Strip:
        index = y + int(self.scroll_offset.y)
        strip = self._strips.get(index)
        if strip is None:  # drawn once; scrolling reuses it until the line is restyled
            width = self.scrollable_content_region.width
            base = self.rich_style
            strip = self._render(index).apply_style(base).crop_extend(0, width, base).apply_offsets(0, index)
            self._strips[index] = strip
        return strip

    def notify_style_update(self) -> None:
        """A theme or CSS change: draw every line again with the new styles."""
        self._styled.clear()
        self._strips.clear()
        self._span_styles.clear()
        super().notify_style_update()

    def _render(self, index: int) -> Strip:
        if index >= len(self._lines) or self._lines[index].part < 0:
            return Strip([])
        line = self._lines[index]
        part = self._parts[line.part]
        text = self._styled.get(line.part)
        if text is None:
            text = self._styled[line.part] = self._style_part(part)
        first, rest = _PREFIX[part.kind]
        prefix = first if line.start == 0 else rest
        base = self.get_component_rich_style(f"reader--{part.kind}")
        segments = [Segment(self._gutter(part, line), self.get_component_rich_style("reader--gutter"))]
        if prefix:
            segments.append(Segment(prefix, base))
        segments += text[line.start : line.end].render(self.app.console, end="")
        return Strip(segments)

    # -- mouse selection: Textual reports (character, line) offsets, read back here -------------
    def text_position(self, x: int, y: int, end: bool) -> tuple[int, int] | None:
        """(block, offset) of a character offset on a drawn line; off the text (title, blank
        lines, gutter) a start snaps forward and an end snaps back to the nearest text."""
        if not self.article or not self._lines:
            return None
        y = max(0, min(y, len(self._lines) - 1))
        line = self._lines[y]
        part = self._parts[line.part] if line.part >= 0 else None
        if part is None or part.block is None:
            steps = range(y - 1, -1, -1) if end else range(y + 1, len(self._lines))
            for other in steps:
                found = self._lines[other]
                if found.part >= 0 and self._parts[found.part].block is not None:
                    return self.text_position(10**6 if end else 0, other, end)
            return None
        first, rest = _PREFIX[part.kind]
        column = x - 2 - len(first if line.start == 0 else rest)
        return part.block, line.start + max(0, min(column, line.end - line.start))

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected article text, for copying (ctrl+c)."""
        found = self.selected_range(selection)
        if found is None:
            return None
        (b1, s1), (b2, e2) = found
        blocks = [b.text for b in self.article.blocks]
        if b1 == b2:
            return blocks[b1][s1:e2], "\n"
        return "\n".join([blocks[b1][s1:], *blocks[b1 + 1 : b2], blocks[b2][:e2]]), "\n"

    def selected_range(self, selection: Selection) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """The (block, offset) start and end of a mouse selection; None if it holds no text."""
        start = self.text_position(*selection.start, end=False) if selection.start else self.text_position(0, 0, False)
        end = self.text_position(*selection.end, end=True) if selection.end else self.text_position(10**6, len(self._lines), True)
        if start is None or end is None or start >= end:
            return None
        return start, end

    def selection_updated(self, selection: Selection | None) -> None:
        self.post_message(WordsSelected(self, self.selected_range(selection) if selection else None))

    def _gutter(self, part: _Part, line: _Line) -> str:
        """A non-colour cue in the margin: › on the cursor passage, ┃ beside evidence."""
        block = part.position
        if block is None:
            return "  "
        c = self.cursor
        on_cursor = c is not None and c.block == block and c.start < line.end and c.end > line.start
        on_evidence = any(p.block == block and p.start < line.end and p.end > line.start for p in self._evidence())
        on_tagged = any(a < line.end and b > line.start for a, b in self.ranges.get("tagged", {}).get(part.block, ()))
        return ("›" if on_cursor else " ") + ("#" if on_tagged else "┃" if on_evidence else " ")

    def _style_part(self, part: _Part) -> Text:
        text = Text(visible(part.text), style=self.get_component_rich_style(f"reader--{part.kind}"), end="")
        position = part.position
        if position is None:
            return text
        style = self._span_style
        for p in self._evidence():
            if p.block == position:
                text.stylize(style("reader--evidence"), p.start, p.end)
        if position < 0:  # the title and standfirst show evidence and the cursor only
            if self.cursor and self.cursor.block == position:
                text.stylize(style("reader--cursor"), self.cursor.start, self.cursor.end)
            return text
        block = part.block
        if self.highlights:
            selected = self.selected_mention.canonical if self.selected_mention else None
            for m in self.mentions:
                if m.block == block:
                    kind_style = style(f"reader--{m.kind}") if m.kind in KINDS else Style(bold=True)
                    text.stylize(kind_style, m.start, m.end)
                    if m.canonical == selected:
                        text.stylize(style("reader--selected-entity"), m.start, m.end)
        for start, end in self._term_spans.get(block, ()):
            text.stylize(style("reader--term"), start, end)
        for name, ranges in self.ranges.items():
            for start, end in ranges.get(block, ()):
                text.stylize(style(f"reader--{name}"), start, end)
        if self.cursor and self.cursor.block == block:
            text.stylize(style("reader--cursor"), self.cursor.start, self.cursor.end)
        return text

    def set_ranges(self, name: str, ranges: dict[int, list[tuple[int, int]]]) -> None:
        """Mark spans per block with the style reader--{name} (tagged passages, the tag
        selection); only the blocks whose marks changed are drawn again."""
        old = self.ranges.get(name, {})
        if ranges == old:
            return
        self.ranges[name] = ranges
        if self.article and self._layout_width:
            self._restyle(sorted(set(old) | set(ranges)))

    def set_passage_info(self, info: Text | None) -> None:
        """What the status line says about the passage under the cursor (its tags and note)."""
        self.passage_info = info
        self._status()

    def _span_style(self, name: str) -> Style:
        """A component style alone (not merged with the widget's), to layer onto text.
        Textual's partial styles drop a background's alpha (`$accent 30%` came out solid
        accent), so the tint is blended onto the reader's background here; the cursor also
        picks its text colour, so what it covers reads at AA contrast in every theme (in the
        ANSI themes, whose colours the terminal decides, it is the terminal's text reversed)."""
        style = self._span_styles.get(name)
        if style is None:
            style = self.get_component_rich_style(name, partial=True)
            tint = self.get_component_styles(name).background
            if name == "reader--cursor" and tint.ansi is not None:  # the terminal's palette: unknown colours
                style = Style(color="default", bgcolor="default", reverse=True, dim=False)
            elif tint.a:
                _, _, ground, ink = self.colors
                tinted = ground + tint
                style += Style(bgcolor=tinted.rich_color)
                if name == "reader--cursor":
                    style += Style(color=readable_on(tinted, ink).rich_color, dim=False)
            self._span_styles[name] = style
        return style

    def _evidence(self) -> list:
        return list(self.issue.passages) if self.issue else []

    def _restyle(self, blocks: Sequence[int] | None = None) -> None:
        """Draw again the given blocks (all when None) after what is highlighted changed."""
        if blocks is None:
            self._styled.clear()
            self._strips.clear()
            self.refresh()
            return
        for block in blocks:
            part = self._part_of(block)
            self._styled.pop(part, None)
            first, starts = self._part_lines[part]
            for index in range(first, first + len(starts)):
                self._strips.pop(index, None)
            self.refresh_lines(first, len(starts))

    # -- moving --------------------------------------------------------------------------------
    def action_scroll_lines(self, delta: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + delta, animate=False, immediate=True)

    def action_half_page(self, halves: int) -> None:
        step = max(1, self.size.height // 2)
        self.scroll_to(y=self.scroll_offset.y + halves * step, animate=False, immediate=True)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def _move_cursor(self, span: Span | None, center: bool = False) -> None:
        old = self.cursor
        self.cursor = span
        self._restyle(sorted({s.block for s in (old, span) if s}))
        if span and self._layout_width:
            first = self._line_of(span.block, span.start)
            last = self._line_of(span.block, max(span.start, span.end - 1))
            region = Region(0, first, 1, last - first + 1)
            self.scroll_to_region(region, animate=False, center=center, force=True, immediate=True)
        self.post_message(self.PassageMoved(span))

    def _top_block(self) -> int:
        position = self.position
        return position[0] if position else TITLE_BLOCK

    def action_sentence(self, delta: int) -> None:
        if not self.article or not self.article.blocks:
            return
        spans = [
            Span(b, s, e)
            for b in range(len(self.article.blocks))
            for s, e in sentence_spans(self.article.blocks[b].text)
        ]
        self._step(spans, delta)

    def action_block(self, delta: int) -> None:
        if not self.article or not self.article.blocks:
            return
        spans = [Span(i, 0, len(b.text)) for i, b in enumerate(self.article.blocks) if b.text]
        self._step(spans, delta)

    def _step(self, spans: list[Span], delta: int) -> bool:
        """Move the cursor to the next/previous span after (before) where it is now."""
        if not spans:
            return False
        here = self.cursor or Span(self._top_block(), -1, -1)
        key = (here.block, here.start)
        if delta > 0:
            after = [s for s in spans if (s.block, s.start) > key]
            target = after[0] if after else None
        else:
            before = [s for s in spans if (s.block, s.start) < key]
            target = before[-1] if before else None
        if target is None:
            self.app.bell()
            return False
        self._move_cursor(target, center=False)
        return True

    def action_evidence(self, delta: int) -> None:
        pointed = self.pointed_issue
        if pointed is not None and pointed is not self.issue:
            self.show_issue(pointed)  # marks its evidence and goes to the first passage
            return
        if not self.issue:
            self.notify("No issues found in this article", timeout=2)
            return
        spans = sorted({Span(p.block, p.start, p.end) for p in self.issue.passages}, key=lambda s: (s.block, s.start))
        self._step(spans, delta)
        self._status()

    def action_term(self, delta: int) -> None:
        spans = [Span(b, s, e) for b, found in sorted(self._term_spans.items()) for s, e in found]
        self._step(spans, delta)

    def action_entity(self, delta: int) -> None:
        if not self.mentions:
            self.notify("No entities found in this article", timeout=2)
            return
        spans = [Span(m.block, m.start, m.end) for m in self.mentions]
        if self._step(spans, delta):
            c = self.cursor
            self.select_mention(next(m for m in self.mentions if (m.block, m.start) == (c.block, c.start)))

    def select_mention(self, mention) -> None:
        """Show this entity's name and aliases and highlight all its mentions."""
        self.selected_mention = mention
        if not self.highlights:
            self.highlights = True
        span = Span(mention.block, mention.start, mention.end)
        if self.cursor != span:
            self._move_cursor(span, center=True)
        self._restyle()
        self._status()

    def action_tagging(self, command: str, *args) -> None:
        """Selection and tag keys (v, t, d, u, ctrl+r, 1-9): tui/tagging/ acts on this reader."""
        self.post_message(TagRequested(self, command, *args))

    def action_copy_selection(self) -> None:
        if not (self.article and self.ranges.get("selection")):
            raise SkipAction()  # nothing selected: ctrl+c keeps its usual meaning
        self.action_tagging("copy")

    def action_clear_selection(self) -> None:
        if self.ranges.get("selection"):
            self.action_tagging("cancel")
            return
        if self.selected_mention or self.cursor:
            self.selected_mention = None
            self._move_cursor(None)
            self._restyle()
            self._status()

    def action_toggle_highlights(self) -> None:
        self.highlights = not self.highlights
        self._restyle()
        self._status()

    def action_edit_entity(self) -> None:
        if not self.article:
            return
        passage = self.passage
        suggestion = self.selected_mention.text if self.selected_mention else (passage[1] if passage else "")
        self.post_message(self.EditEntity(self.selected_mention, suggestion))

    # -- the status line ---------------------------------------------------------------------
    def _status(self) -> None:
        self.post_message(self.StatusChanged(self.status_text()))

    def status_text(self) -> Text:
        """The selected entity with its aliases, else the highlight legend; evidence position."""
        style = self._span_style
        status = Text(end="")
        m = self.selected_mention
        if self.issue:  # first, so a narrow status line still shows where the reader is
            passages = sorted({(p.block, p.start) for p in self.issue.passages})
            here = (self.cursor.block, self.cursor.start) if self.cursor else None
            number = passages.index(here) + 1 if here in passages else 0
            status.append(f"evidence {number}/{len(passages)} ", style("reader--evidence"))
            status.append(visible(self.issue.label), style("reader--evidence"))
            status.append(" ]/[   ", "dim")
        if self.passage_info is not None:
            status.append_text(self.passage_info)
        elif m and self.highlights:
            count = sum(1 for x in self.mentions if x.canonical == m.canonical)
            status.append(visible(m.canonical), style(f"reader--{m.kind}") if m.kind in KINDS else "bold")
            status.append(f"  {KIND_NAMES.get(m.kind, m.kind)} · {count} mention{'s' * (count != 1)}")
            aliases = self._aliases(m.canonical)
            if aliases:
                status.append(" · also: " + ", ".join(visible(a) for a in aliases))
            status.append("  x: correct", "dim")
        elif not self.highlights:
            status.append("highlights off (e shows them)", "dim")
        else:
            for kind in KINDS:
                status.append(f" {KIND_NAMES[kind]} ", style(f"reader--{kind}"))
                status.append(" ")
            status.append(" m: step through entities · ? keys", "dim")
        return status

    def _aliases(self, canonical: str) -> list[str]:
        written = {m.text for m in self.mentions if m.canonical == canonical}
        names = list(dict.fromkeys([*self.aliases_of(canonical), *sorted(written)]))
        return [n for n in names if n != canonical]


class ReaderPane(Vertical):
    """The reader with its status line (legend, selected entity, evidence position)."""

    def compose(self):
        yield Reader(id="reader")
        yield Static(id="reader-status", markup=False)

    def on_reader_status_changed(self, event: Reader.StatusChanged) -> None:
        self.query_one("#reader-status", Static).update(event.status)

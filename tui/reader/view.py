"""The article view: draws an article's `Layout` with its `Marks` and keeps the cursor in
sight; `Reader` (widget.py) adds the keys.

Lines are laid out once per width and drawn on demand, so opening a long article costs a wrap
pass and a screen of lines; a change of marks draws again only the blocks concerned. Text is
drawn from `Text` objects built from the article's characters: markup in an article is never
interpreted.
"""

from __future__ import annotations

from typing import Callable, Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from library.model import Article
from library.safetext import visible

from ..contrast import readable_on
from ..tagging.messages import WordsSelected
from .layout import PREFIX, Layout, Part, article_parts, hint_parts, text_width
from .marks import MARK_KINDS, Marks, Span, sentence_spans


class ArticleView(ScrollView):
    """Its messages are the reader's (on_reader_passage_moved ...), whichever class posts them."""

    COMPONENT_CLASSES = {f"reader--{name}" for name in (*PREFIX, "gutter", *(k.name for k in MARK_KINDS))}
    DEFAULT_CSS = "\n".join(f"ArticleView > .reader--{k.name} {{ {k.css} }}" for k in MARK_KINDS)

    class PassageMoved(Message, namespace="reader"):
        """The passage cursor moved (the tagging view acts on `reader.passage`)."""

        def __init__(self, span: Span | None) -> None:
            super().__init__()
            self.span = span

    class StatusChanged(Message, namespace="reader"):
        """What the status line says about the reader changed (ReaderPane words it)."""

        def __init__(self, reader: ArticleView) -> None:
            super().__init__()
            self.reader = reader

    class EditEntity(Message, namespace="reader"):
        """The user asked to correct entities here: `mention` is the selected one, if any."""

        def __init__(self, mention, suggestion: str) -> None:
            super().__init__()
            self.mention, self.suggestion = mention, suggestion


    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.marks = Marks(None)
        self.pointed_issue = None  # the issue highlighted in the sidebar: the one ] and [ use
        self.aliases_of: Callable[[str], Sequence[str]] = lambda canonical: ()
        self.passage_info: Text | None = None  # about the passage under the cursor (its tags)
        self._parts: list[Part] = []
        self.page = Layout([], 0)  # the lines at the current width (none until the first resize)
        self._styled: dict[int, Text] = {}  # part -> its styled text
        self._strips: dict[int, Strip] = {}  # line -> drawn
        self._span_styles: dict[str, Style] = {}
        self._pending: Span | None = None  # where to scroll once the layout exists

    # what the marks say, read by the screen, the tagging view and the status line
    cursor = property(lambda self: self.marks.cursor)
    mentions = property(lambda self: self.marks.mentions)
    selected_mention = property(lambda self: self.marks.selected_mention)
    issue = property(lambda self: self.marks.issue)
    highlights = property(lambda self: self.marks.highlights)

    # -- content ---------------------------------------------------------------------------
    def show(self, article: Article, position: tuple[int, int] | None = None) -> None:
        """Display an article at once (without analysis); scroll to a remembered position."""
        self.article, self.marks = article, Marks(article)
        self.pointed_issue, self.passage_info = None, None
        self._set_parts(article_parts(article))
        self._pending = Span(*position, position[1]) if position else None
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.call_after_refresh(self._scroll_to_pending)  # once the new height can be scrolled
        self._status()

    def show_hint(self, hint: str) -> None:
        """Text shown in place of an article (nothing opened yet, an empty library)."""
        self.article, self.marks = None, Marks(None)
        self._set_parts(hint_parts(hint))

    def set_analysis(self, mentions: Sequence) -> None:
        self._restyle(self.marks.set_mentions(mentions))
        self._status()

    def set_terms(self, terms: Sequence[str]) -> None:
        """Highlight search terms (word starts, any case); n/N step through them."""
        self._restyle(self.marks.set_terms(terms))
        self._status()

    def set_ranges(self, kind: str, ranges: dict[int, list[tuple[int, int]]]) -> None:
        """Mark spans per block with one of the kinds in marks.MARK_KINDS (tagged passages,
        the tag selection); only the blocks whose marks changed are drawn again."""
        self._restyle(self.marks.put(kind, ranges))

    def set_passage_info(self, info: Text | None) -> None:
        """What the status line says about the passage under the cursor (its tags and note)."""
        self.passage_info = info
        self._status()

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
        spans = [s for s in self.marks.hits() if s.block >= block]
        if spans:
            self.goto(spans[0].block, spans[0].start, spans[0].end)
        else:
            self.goto(block, 0)

    @property
    def passage(self) -> tuple[Span, str] | None:
        """The passage under the cursor and its text."""
        c = self.cursor
        if not c or not self.article:
            return None
        return c, self.article.text_of(c.block)[c.start : c.end]

    @property
    def position(self) -> tuple[int, int] | None:
        """(block, offset) of the top line, or None at the article's start."""
        return self.page.top(int(self.scroll_offset.y))

    # -- layout and drawing ---------------------------------------------------------------------
    def _text_width(self) -> int:
        return text_width(self.scrollable_content_region.width)

    def _set_parts(self, parts: list[Part]) -> None:
        self._parts = parts
        self.page = Layout([], 0)
        self._layout()
        self.refresh()

    def _layout(self) -> None:
        width = self._text_width()
        if self.size.width <= 0 or width == self.page.width:
            return
        self.page = Layout(self._parts, width)
        self._styled.clear()
        self._strips.clear()
        self.virtual_size = Size(0, len(self.page.lines))  # lines are wrapped: nothing to scroll sideways
        self.refresh()

    def on_resize(self) -> None:
        top = self.position
        self._strips.clear()  # drawn lines are cut to the old width
        self._layout()
        if top and self._pending is None:
            self._pending = Span(top[0], top[1], top[1])
        self._scroll_to_pending()

    def _scroll_to_pending(self) -> None:
        if self._pending and self.page.width:
            line = self.page.line_of(self._pending.block, self._pending.start)
            self._pending = None
            self.scroll_to(0, line, animate=False, immediate=True)

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
        lines = self.page.lines
        if index >= len(lines) or lines[index].part < 0:
            return Strip([])
        line = lines[index]
        part = self._parts[line.part]
        text = self._styled.get(line.part)
        if text is None:
            text = self._styled[line.part] = self._style_part(part)
        block = part.position
        gutter = "  " if block is None else self.marks.gutter(block, line.start, line.end)
        segments = [Segment(gutter, self.get_component_rich_style("reader--gutter"))]
        prefix = self.page.prefix(line)
        if prefix:
            segments.append(Segment(prefix, self.get_component_rich_style(f"reader--{part.kind}")))
        segments += text[line.start : line.end].render(self.app.console, end="")
        return Strip(segments)

    def _style_part(self, part: Part) -> Text:
        text = Text(visible(part.text), style=self.get_component_rich_style(f"reader--{part.kind}"), end="")
        if part.position is not None:
            for kind, start, end in self.marks.styles_in(part.position):
                text.stylize(self.mark_style(kind), start, end)
        return text

    def mark_style(self, kind: str) -> Style:
        """A mark's style alone (not merged with the widget's), to layer onto text.
        Textual's partial styles drop a background's alpha (`$accent 30%` came out solid
        accent), so the tint is blended onto the reader's background here; the cursor also
        picks its text colour, so what it covers reads at AA contrast in every theme (in the
        ANSI themes, whose colours the terminal decides, it is the terminal's text reversed)."""
        style = self._span_styles.get(kind)
        if style is None:
            name = f"reader--{kind}"
            style = self.get_component_rich_style(name, partial=True)
            tint = self.get_component_styles(name).background
            if kind == "cursor" and tint.ansi is not None:  # the terminal's palette: unknown colours
                style = Style(color="default", bgcolor="default", reverse=True, dim=False)
            elif tint.a:
                _, _, ground, ink = self.colors
                tinted = ground + tint
                style += Style(bgcolor=tinted.rich_color)
                if kind == "cursor":
                    style += Style(color=readable_on(tinted, ink).rich_color, dim=False)
            self._span_styles[kind] = style
        return style

    def _restyle(self, blocks: set[int]) -> None:
        """Draw again the given blocks after what is marked in them changed."""
        if not self.article or not self.page.width:
            return
        for block in blocks:
            self._styled.pop(self.page.part_of(block), None)
            lines = self.page.lines_of(block)
            for index in lines:
                self._strips.pop(index, None)
            self.refresh_lines(lines.start, len(lines))

    # -- mouse selection: Textual reports (character, line) offsets, read back here -------------
    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected article text, for copying (ctrl+c)."""
        found = self.selected_range(selection)
        return (self.page.text_between(*found), "\n") if found else None

    def selected_range(self, selection: Selection) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """The (block, offset) start and end of a mouse selection; None if it holds no text."""
        return self.page.selected(selection.start, selection.end) if self.article else None

    def selection_updated(self, selection: Selection | None) -> None:
        self.post_message(WordsSelected(self, self.selected_range(selection) if selection else None))

    def _move_cursor(self, span: Span | None, center: bool = False) -> None:
        self._restyle(self.marks.set_cursor(span))
        if span and self.page.width:
            first = self.page.line_of(span.block, span.start)
            last = self.page.line_of(span.block, max(span.start, span.end - 1))
            region = Region(0, first, 1, last - first + 1)
            self.scroll_to_region(region, animate=False, center=center, force=True, immediate=True)
        self.post_message(self.PassageMoved(span))
        self._status()

    def _status(self) -> None:
        self.post_message(self.StatusChanged(self))

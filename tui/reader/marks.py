"""What is marked in the open article: entity mentions, the evidence of one issue, search
hits, tagged passages, the tag selection and the passage cursor, each as spans per block.

Plain data with no Textual in it, so it is tested without an app. Every setter answers with
the blocks whose marks changed, so the reader draws only those again.

Adding a kind of highlight is one change here: add a `MarkKind` to `MARK_KINDS` (its place in
the tuple is its drawing order, its `css` the look the reader gets by default, its `sign` an
optional cue in the margin), then put its spans with `Marks.put(name, {block: [(start, end)]})`
(from the screen: `Reader.set_ranges(name, ...)`). The reader's styles and margin follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from library.issues.passages import Sentences
from library.model import Article

KINDS = ("person", "org", "place")
KIND_NAMES = {"person": "person", "org": "organisation", "place": "place"}

Spans = dict[int, list[tuple[int, int]]]  # block -> (start, end) spans in it


@dataclass(frozen=True)
class MarkKind:
    name: str  # the reader draws it with its component class reader--{name}
    css: str  # the default look
    sign: str = ""  # shown in the margin beside the lines it marks (a cue that needs no colour)


MARK_KINDS = (  # drawing order: a later kind is drawn over an earlier one
    MarkKind("evidence", "background: $primary 30%;", "┃"),
    MarkKind("said", "text-style: italic;", "“"),  # quotes (who said what); "quote" is a block kind
    MarkKind("person", "color: $text-warning; text-style: bold;"),
    MarkKind("org", "color: $text-success; text-style: underline;"),
    MarkKind("place", "color: $text-primary; text-style: italic;"),
    MarkKind("entity", "text-style: bold;"),  # a mention of another kind
    MarkKind("selected-entity", "text-style: reverse;"),
    MarkKind("term", "background: $warning 45%; text-style: bold;"),
    MarkKind("tagged", "background: $success 20%; text-style: underline;", "#"),
    MarkKind("selection", "background: $secondary 60%;"),
    MarkKind("cursor", "background: $accent 30%;"),  # its sign › has a column of its own
)
_ENTITY_KINDS = (*KINDS, "entity", "selected-entity")
_NAMES = {kind.name for kind in MARK_KINDS}


@dataclass(frozen=True)
class Span:
    """A passage in block coordinates: the reader's unit for cursor, evidence and hits."""

    block: int
    start: int
    end: int


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a block, trailing space left out; the same sentence
    rule that cuts issue evidence, so the cursor and the evidence agree."""
    starts = Sentences(text).starts
    ends = [*starts[1:], len(text)]
    spans = [(a, len(text[:b].rstrip())) for a, b in zip(starts, ends)]
    return [(a, b) for a, b in spans if b > a]


def next_span(spans: Sequence[Span], here: Span, delta: int) -> Span | None:
    """The first span after `here` (delta > 0) or the last one before it; None at the end."""
    key = (here.block, here.start)
    if delta > 0:
        return next((s for s in spans if (s.block, s.start) > key), None)
    return next((s for s in reversed(spans) if (s.block, s.start) < key), None)


class Marks:
    """The marks of one article (none yet: `Marks(None)` for a hint)."""

    def __init__(self, article: Article | None) -> None:
        self.article = article
        self.mentions: list = []
        self.highlights = True  # whether entity mentions are shown
        self.selected_mention = None
        self.issue = None  # the IssueHit whose evidence is marked
        self.terms: list[str] = []
        self.cursor: Span | None = None
        self.spans: dict[str, Spans] = {}  # mark kind -> its spans

    def put(self, kind: str, spans: Spans) -> set[int]:
        """Mark these spans (and no others) with one kind; the blocks that changed."""
        if kind not in _NAMES:
            raise ValueError(f"unknown mark kind {kind!r}: add it to MARK_KINDS")
        old = self.spans.get(kind, {})
        self.spans[kind] = spans
        return {b for b in old.keys() | spans.keys() if old.get(b) != spans.get(b)}

    def styles_in(self, block: int) -> Iterator[tuple[str, int, int]]:
        """(kind, start, end) of every mark in a block, in drawing order."""
        for kind in MARK_KINDS:
            for start, end in self.spans.get(kind.name, {}).get(block, ()):
                yield kind.name, start, end

    def gutter(self, block: int, start: int, end: int) -> str:
        """The margin of a line holding [start, end) of a block: › beside the cursor, then the
        sign of the topmost signed kind on the line."""

        def on(kind: str) -> bool:
            return any(a < end and b > start for a, b in self.spans.get(kind, {}).get(block, ()))

        sign = next((k.sign for k in reversed(MARK_KINDS) if k.sign and on(k.name)), " ")
        return ("›" if on("cursor") else " ") + sign

    # -- what the reader shows --------------------------------------------------------------
    def set_mentions(self, mentions: Sequence) -> set[int]:
        """A fresh analysis: its mentions, none selected."""
        self.mentions = sorted(mentions, key=lambda m: (m.block, m.start))
        self.selected_mention = None
        return self._mark_entities()

    def select_mention(self, mention) -> set[int]:
        """Mark every mention of this one's entity (highlights come back on); None: no entity."""
        self.selected_mention = mention
        self.highlights = self.highlights or mention is not None
        return self._mark_entities()

    def set_highlights(self, on: bool) -> set[int]:
        self.highlights = on
        return self._mark_entities()

    def _mark_entities(self) -> set[int]:
        found: dict[str, Spans] = {kind: {} for kind in _ENTITY_KINDS}
        selected = self.selected_mention.canonical if self.selected_mention else None
        for m in self.mentions if self.highlights else ():
            kind = m.kind if m.kind in KINDS else "entity"
            found[kind].setdefault(m.block, []).append((m.start, m.end))
            if m.canonical == selected:
                found["selected-entity"].setdefault(m.block, []).append((m.start, m.end))
        return set().union(*(self.put(kind, spans) for kind, spans in found.items()))

    def set_issue(self, issue) -> set[int]:
        """Mark the evidence passages of an issue (None clears)."""
        self.issue = issue
        spans: Spans = {}
        for p in issue.passages if issue else ():
            spans.setdefault(p.block, []).append((p.start, p.end))
        return self.put("evidence", spans)

    def set_terms(self, terms: Sequence[str]) -> set[int]:
        """Mark search terms where a word starts with them, in any case."""
        self.terms = [t for t in terms if t.strip()]
        spans: Spans = {}
        if self.article and self.terms:
            pattern = re.compile("|".join(rf"\b{re.escape(t)}" for t in self.terms), re.IGNORECASE)
            for index, block in enumerate(self.article.blocks):
                found = [(m.start(), m.end()) for m in pattern.finditer(block.text)]
                if found:
                    spans[index] = found
        return self.put("term", spans)

    def set_cursor(self, span: Span | None) -> set[int]:
        self.cursor = span
        return self.put("cursor", {span.block: [(span.start, span.end)]} if span else {})

    # -- what the cursor steps through ----------------------------------------------------------
    def sentences(self) -> list[Span]:
        blocks = self.article.blocks if self.article else ()
        return [Span(b, s, e) for b, block in enumerate(blocks) for s, e in sentence_spans(block.text)]

    def blocks(self) -> list[Span]:
        blocks = self.article.blocks if self.article else ()
        return [Span(i, 0, len(b.text)) for i, b in enumerate(blocks) if b.text]

    def evidence(self) -> list[Span]:
        passages = self.issue.passages if self.issue else ()
        return sorted({Span(p.block, p.start, p.end) for p in passages}, key=lambda s: (s.block, s.start))

    def hits(self) -> list[Span]:
        return [Span(b, s, e) for b, found in sorted(self.spans.get("term", {}).items()) for s, e in found]

    def entities(self) -> list[Span]:
        return [Span(m.block, m.start, m.end) for m in self.mentions]

    def place(self, spans: Sequence[Span]) -> tuple[int, int]:
        """(k, n): the cursor is on the k-th of n places where `spans` start; k is 0 when it
        is on none of them."""
        starts = sorted({(s.block, s.start) for s in spans})
        here = (self.cursor.block, self.cursor.start) if self.cursor else None
        return (starts.index(here) + 1 if here in starts else 0), len(starts)

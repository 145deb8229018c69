"""Turning selections into anchors, and finding an anchor's words again in a changed text.

All of this works on an article's plain text: its blocks joined by newlines. A passage that
spans blocks is then simply a longer stretch of that text, and the same offsets are what the
REFI-QDA export writes, so there is one coordinate system from the reader to QDA tools.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import replace
from typing import Sequence

from .fuzzy import approximate_matches
from .model import CONTEXT, Anchor, AnnotationError, TaggedPassage


class ArticleText:
    """An article's blocks as one text, with the way between block offsets and text offsets."""

    def __init__(self, blocks: Sequence[str]):
        self.blocks = list(blocks)
        self.text = "\n".join(self.blocks)
        self.starts: list[int] = []
        position = 0
        for block in self.blocks:
            self.starts.append(position)
            position += len(block) + 1

    @classmethod
    def of(cls, article) -> ArticleText:
        return cls([b.text for b in article.blocks])

    def selection(self, block: int, start: int, end: int, end_block: int | None = None) -> tuple[int, int]:
        """Text offsets of a selection in block coordinates, checked and with white space
        at its edges left out."""
        last = block if end_block is None else end_block
        for b in (block, last):
            if not 0 <= b < len(self.blocks):
                raise AnnotationError(f"block {b} does not exist; the article has blocks 0-{len(self.blocks) - 1}")
        if not 0 <= start <= len(self.blocks[block]):
            raise AnnotationError(f"start {start} is outside block {block} (0-{len(self.blocks[block])})")
        if not 0 <= end <= len(self.blocks[last]):
            raise AnnotationError(f"end {end} is outside block {last} (0-{len(self.blocks[last])})")
        lo, hi = self.starts[block] + start, self.starts[last] + end
        while lo < hi and self.text[lo].isspace():
            lo += 1
        while hi > lo and self.text[hi - 1].isspace():
            hi -= 1
        if lo >= hi:
            raise AnnotationError("the selection is empty")
        return lo, hi

    def anchor(self, lo: int, hi: int) -> Anchor:
        block = bisect.bisect_right(self.starts, lo) - 1
        last = bisect.bisect_right(self.starts, hi - 1) - 1
        return Anchor(
            block=block,
            start=lo - self.starts[block],
            end=hi - self.starts[last],
            exact=self.text[lo:hi],
            prefix=self.text[max(0, lo - CONTEXT) : lo],
            suffix=self.text[hi : hi + CONTEXT],
            end_block=None if last == block else last,
        )

    def span(self, anchor: Anchor) -> tuple[int, int] | None:
        """The anchor's offsets in this text, or None if its blocks are not here."""
        if anchor.last_block >= len(self.blocks) or anchor.block < 0:
            return None
        return self.starts[anchor.block] + anchor.start, self.starts[anchor.last_block] + anchor.end

    def holds(self, anchor: Anchor) -> bool:
        span = self.span(anchor)
        return span is not None and self.text[span[0] : span[1]] == anchor.exact

    def find_quote(self, quote: str) -> list[tuple[int, int]]:
        """Where a quote typed by a person occurs: any run of white space (a line break
        between blocks included) matches any other."""
        words = quote.split()
        if not words:
            raise AnnotationError("the quote is empty")
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        return [m.span() for m in pattern.finditer(self.text)]


def relocate(anchor: Anchor, text: ArticleText) -> Anchor | None:
    """The anchor in a changed text: the same place if its words are still there, else the
    exact quote where its context agrees best (nearest the old place on a tie), else the best
    approximate match scored on quote, prefix and suffix; None when nothing is close enough."""
    if text.holds(anchor):
        return text.anchor(*text.span(anchor))
    old = _old_offset(anchor, text)
    exact = []
    position = text.text.find(anchor.exact)
    while position >= 0:
        exact.append((position, position + len(anchor.exact)))
        position = text.text.find(anchor.exact, position + 1)
    if exact:
        lo, hi = max(exact, key=lambda s: (_context_agreement(anchor, text.text, *s), -abs(s[0] - old)))
        return text.anchor(lo, hi)
    best = _fuzzy(anchor, text, old)
    return text.anchor(*best) if best else None


def settle(passages: Sequence[TaggedPassage], text: ArticleText) -> list[TaggedPassage]:
    """Every passage re-anchored in the current text; those that cannot be placed become
    orphans, keeping their last anchor and quote so nothing is lost."""
    settled = []
    for passage in passages:
        anchor = relocate(passage.anchor, text)
        if anchor is None:
            settled.append(passage if passage.orphan else replace(passage, orphan=True))
        elif anchor != passage.anchor or passage.orphan:
            settled.append(replace(passage, anchor=anchor, orphan=False))
        else:
            settled.append(passage)
    return settled


def _old_offset(anchor: Anchor, text: ArticleText) -> int:
    if not text.blocks:
        return 0
    block = min(anchor.block, len(text.blocks) - 1)
    return text.starts[block] + min(anchor.start, len(text.blocks[block]))


def _context_agreement(anchor: Anchor, text: str, lo: int, hi: int) -> int:
    """How many characters of the stored prefix and suffix still stand next to lo..hi."""
    before = text[max(0, lo - len(anchor.prefix)) : lo]
    after = text[hi : hi + len(anchor.suffix)]
    agree = 0
    for a, b in zip(reversed(before), reversed(anchor.prefix)):
        if a != b:
            break
        agree += 1
    for a, b in zip(after, anchor.suffix):
        if a != b:
            break
        agree += 1
    return agree


def _fuzzy(anchor: Anchor, text: ArticleText, old: int) -> tuple[int, int] | None:
    """The best approximate match, looked for near the old place first (edits are mostly
    local), then in the whole text."""
    if len(anchor.exact) < 4:
        return None
    reach = 2_000 + 4 * len(anchor.exact)
    near = (max(0, old - reach), min(len(text.text), old + len(anchor.exact) + reach))
    best = _best_match(anchor, text.text, *near, old)
    if best is None and near != (0, len(text.text)):
        best = _best_match(anchor, text.text, 0, len(text.text), old)
    return best


def _best_match(anchor: Anchor, text: str, lo_limit: int, hi_limit: int, old: int) -> tuple[int, int] | None:
    quote = anchor.exact
    best, best_score = None, 0.6  # below this, a match is more likely wrong than right
    for lo, hi, errors in approximate_matches(quote, text[lo_limit:hi_limit], len(quote) // 4):
        lo, hi = lo + lo_limit, hi + lo_limit
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if lo >= hi:
            continue
        score = (
            0.5 * (1 - errors / len(quote))
            + 0.25 * _similarity(anchor.prefix, text[max(0, lo - len(anchor.prefix)) : lo])
            + 0.25 * _similarity(anchor.suffix, text[hi : hi + len(anchor.suffix)])
            - 0.05 * abs(lo - old) / max(1, len(text))
        )
        if score > best_score:
            best, best_score = (lo, hi), score
    return best


def _similarity(stored: str, found: str) -> float:
    if not stored:
        return 1.0 if not found else 0.5
    return difflib.SequenceMatcher(None, stored, found, autojunk=False).ratio()

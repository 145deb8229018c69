"""Evidence passages: the sentence (or, in a very long sentence, the clause) around a match.

A reader judges an issue by reading its evidence, so a passage must be a readable unit of
text, not a bare keyword and not a whole 1 MB paragraph.
"""

from __future__ import annotations

import bisect
import re

# Code points. Evidence is whole sentences, so this is high enough for nearly every sentence news
# prints (a 340-character sentence with a colon was cut in half at 320); only a longer one is cut
# down to the clauses around the match.
MAX_PASSAGE = 640

_ABBREVIATIONS = (
    "Mr Mrs Ms Dr Prof Gen Sen Rep St Jr Sr Lt Col Gov No vs e.g i.e U.S U.K U.N Inc Corp Co Ltd Adm"
    " Capt Sgt Maj Rev Hon Pres Amb Dept Jan Feb Aug Sept Oct Nov Dec a.m p.m"
).split()
# A sentence ends at . ! or ? (plus closing quotes) before a capital or digit, except after an
# abbreviation or an initial; the lookbehinds keep that whole test inside the regex engine.
_NOT_ABBREVIATION = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in _ABBREVIATIONS) + r"(?<!\b[A-Z]\.)"
_SENTENCE_END = re.compile(
    rf"[.!?]+{_NOT_ABBREVIATION}[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|[。！？]+"
)
_CLAUSE_END = re.compile(r"[;:—–]|\s-\s")
_COMMA = re.compile(r",\s")


class Sentences:
    """The sentences of one block, found once and reused for every match in it; the clause
    separators of a long sentence are likewise found once, so a 1 MB sentence with thousands
    of matches is scanned a few times, not once per match."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
        self._spans: dict[tuple[int, int], tuple[int, int]] = {}
        self._cuts: dict[tuple, tuple[list[int], list[int]]] = {}

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The trimmed span of the sentence holding [start, end), or its clause if too long."""
        i = bisect.bisect_right(self.starts, start) - 1
        j = bisect.bisect_left(self.starts, end)
        known = self._spans.get((i, j))
        if known:
            return known
        lo = self.starts[i]
        hi = self.starts[j] if j < len(self.starts) else len(self.text)
        if hi - lo > MAX_PASSAGE:
            return _trim(self.text, *self._clause(lo, hi, start, end))
        span = self._spans[(i, j)] = _trim(self.text, lo, hi)
        return span

    def _clause(self, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
        """Narrow a long sentence to the clauses around the match (cut at ; : and dashes, then
        at commas), and failing that to a window of words around it."""
        for separators in (_CLAUSE_END, _COMMA):
            lo, hi = self._clauses_around(separators, lo, hi, start, end)
            if hi - lo <= MAX_PASSAGE:
                return lo, hi
        return _window(self.text, lo, hi, start, end)

    def _clauses_around(self, separators: re.Pattern, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
        """As many whole clauses of text[lo:hi] around [start, end) as fit in a passage (at
        least the one holding the match), growing on both sides."""
        key = (separators.pattern, lo, hi)
        if key not in self._cuts:
            found = [(m.start(), m.end()) for m in separators.finditer(self.text, lo, hi)]
            self._cuts[key] = ([s for s, _ in found], [e for _, e in found])
        cut_starts, cut_ends = self._cuts[key]

        def left(a: int) -> int:  # where the clause after cut a begins
            return cut_ends[a] if a >= 0 else lo

        def right(b: int) -> int:  # where the clause before cut b ends
            return cut_starts[b] if b < len(cut_starts) else hi

        a = bisect.bisect_right(cut_ends, start) - 1
        b = bisect.bisect_left(cut_starts, end)
        grown = True
        while grown:
            grown = False
            if a >= 0 and right(b) - left(a - 1) <= MAX_PASSAGE:
                a, grown = a - 1, True
            if b < len(cut_starts) and right(b + 1) - left(a) <= MAX_PASSAGE:
                b, grown = b + 1, True
        return left(a), right(b)


def _window(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """A passage-sized window of whole words around the match."""
    half = max(0, (MAX_PASSAGE - (end - start)) // 2)
    w_lo, w_hi = max(lo, start - half), min(hi, end + half)
    if w_lo > lo:
        space = text.find(" ", w_lo, start)
        w_lo = space + 1 if space >= 0 else w_lo
    if w_hi < hi:
        space = text.rfind(" ", end, w_hi)
        w_hi = space if space >= 0 else w_hi
    return w_lo, w_hi


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi

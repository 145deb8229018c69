"""Find the quotes of an article and who said them, from its blocks and recognised names.

Reported speech in the news follows a few shapes, read here with regexes around speech verbs:

    “We are ready,” Xi said.  /  “...,” said Xi.  /  Xi said: “...”      direct
    Xi said (that) China hoped ...  /  Blinken told reporters (that) ...   indirect, clause after
    Progress is hard, he added.  /  ..., according to SCMP.             indirect, clause before

The speaker is the recognised name next to the verb, or who "he", "the minister" or an
apposition stands for (speakers.py); the regexes are in patterns.py. A quote without a verb of its own continues the quote before it (“A,” he said.
“B.”). Only blocks with a quotation mark or a speech verb are read, so the cost follows the
quotes, not the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from itertools import accumulate
from typing import Sequence

from ..entities import Mention
from .model import Quote
from .patterns import (ABBREVIATIONS, CLOSING, CUE, END, LAST_WORD, LEADS_IN, NEAR, NEEDS_THAT, NOT_CLAUSE, OBJECT,
                       PUNCTUATION, QUOTED, QUOTING_WORDS, SENTENCE_DONE, TO_COMMA, TOLD, WORD)
from .speakers import Antecedents, Speakers

INF = float("inf")
MIN_WORDS = 3  # a shorter quotation is a scare quote ("suppressing"), not a quote
LONE_WORDS = 8  # an unattributed quotation this long is still somebody's words


def find_quotes(texts: Sequence[str], mentions: Sequence[Mention]) -> list[Quote]:
    """The quotes of an article's blocks, in reading order, with offsets into the blocks."""
    by_block: dict[int, list[Mention]] = {}
    for m in mentions:
        by_block.setdefault(m.block, []).append(m)
    marks = {b: _quotation_marks(t) for b, t in enumerate(texts) if "“" in t or '"' in t}
    cues = _cues(texts)
    people = Antecedents(texts, [m for m in mentions if not _inside(marks.get(m.block, ()), m.start)])
    found: list[Quote] = []
    for b in sorted(marks.keys() | cues.keys()):
        reader = _Block(b, texts[b], marks.get(b, []), cues.get(b, []), by_block.get(b, []), people)
        found.extend(reader.quotes(found[-1] if found else None))
    return found


class _Cue:
    """A speech verb (or "according to") in a block; read like the regex match it came from."""

    __slots__ = ("at", "to", "word", "kind")

    def __init__(self, at: int, to: int, word: str) -> None:
        self.at, self.to, self.word = at, to, word
        self.kind = "according" if word[0] in "Aa" and word.endswith(" to") else "quoting" if word in QUOTING_WORDS else "speech"

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.to

    def group(self, kind: str | None = None) -> str | None:
        return self.word if kind is None or kind == self.kind else None


def _cues(texts: Sequence[str]) -> dict[int, list[_Cue]]:
    """Block -> its speech verbs, found in one pass over the article joined by newlines."""
    text = "\n".join(texts)
    starts = [0, *accumulate(len(t) + 1 for t in texts[:-1])]
    found: dict[int, list[_Cue]] = {}
    for m in CUE.finditer(text):
        b = bisect_right(starts, m.start()) - 1
        found.setdefault(b, []).append(_Cue(m.start() - starts[b], m.end() - starts[b], m.group()))
    return found


def _quotation_marks(text: str) -> list[tuple[int, int, int]]:
    """(content start, content end, end of the closing mark) of each quotation; one left open
    runs to the end of the block (a quote continued in the next paragraph)."""
    spans = []
    for m in QUOTED.finditer(text):
        group = 1 if m.group(1) is not None else 2
        spans.append((m.start(group), m.end(group), m.end()))
    return spans


def _inside(spans, pos: int) -> bool:
    """Whether `pos` is inside a quotation (spans in order, as found)."""
    i = bisect_right(spans, (pos, INF)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


class _Block:
    """One block's quotation marks, speech verbs and sentences."""

    def __init__(self, block: int, text: str, spans, cues: list[_Cue], mentions: list[Mention], people: Antecedents) -> None:
        self.block, self.text, self.spans = block, text, spans
        self.speaker = Speakers(block, text, mentions, people, self._sentence)
        self.cues = [c for c in cues if not _inside(spans, c.at)]
        self.cue_starts = [c.at for c in self.cues]

    def _cues(self, lo: int, hi: int) -> list[re.Match]:
        """The speech verbs starting in [lo, hi)."""
        return self.cues[bisect_left(self.cue_starts, lo):bisect_left(self.cue_starts, hi)]

    def quotes(self, last: Quote | None) -> list[Quote]:
        used: set[int] = set()  # cues that attributed a direct quote
        direct = []
        for start, end, close in self.spans:
            quote = self._direct(start, end, close, used)
            if quote is not None:
                direct.append(quote)
        indirect = [q for c in self.cues if c.start() not in used for q in [self._indirect(c)] if q is not None]
        indirect = _without_overlaps(indirect)
        clauses = [(i.start, i.end, i.end) for i in indirect]
        direct = [q for q in direct if not _inside(clauses, q.start)]
        quotes = sorted(direct + indirect, key=lambda q: q.start)
        out = []
        for q in quotes:  # an unattributed quotation continues the one before it
            opens = q.start <= 3 and self.text[:q.start].strip() in ("", "“", '"')
            previous = out[-1] if out else last if opens and last is not None and last.block == self.block - 1 else None
            if q.said_by == "" and q.kind == "direct":
                if previous is not None and previous.kind == "direct" and previous.speaker:
                    q = Quote(q.block, q.start, q.end, q.text, q.kind, previous.speaker, previous.said_by)
                elif len(WORD.findall(q.text)) < LONE_WORDS:
                    continue
            out.append(q)
        return out

    # -- direct quotes --------------------------------------------------------------------------
    def _direct(self, start: int, end: int, close: int, used: set[int]) -> Quote | None:
        text = self.text[start:end]
        if len(WORD.findall(text)) < MIN_WORDS:
            return None
        for cue in self._cues(close, close + NEAR + 1):  # the verb right after: “...,” Xi said / “...,” said Xi
            if cue.group("according") is None:
                speaker = self._after_quotation(close, cue)
                if speaker is not None:
                    used.add(cue.start())
                    return self._quote(start, end, "direct", speaker)
        for cue in reversed(self._cues(start - NEAR - 20, start)):  # the verb right before: Xi said: “...”
            if start - NEAR <= cue.end() < start and LEADS_IN.fullmatch(self.text, cue.end(), start):
                speaker = self.speaker.subject(cue.start()) if cue.group("according") is None else self.speaker.named_after(cue.end())
                if speaker is not None:
                    used.add(cue.start())
                    return self._quote(start, end, "direct", speaker)
        lo, hi = self._sentence(start)
        nearest = sorted(self._cues(lo, hi),
                         key=lambda c: min(abs(c.start() - close), abs(c.end() - start)))
        for cue in nearest:  # a verb elsewhere in the sentence: Wang accused the US of “...”
            speaker = self.speaker.named_after(cue.end()) if cue.group("according") else self.speaker.subject(cue.start())
            if speaker is not None:
                return self._quote(start, end, "direct", speaker)
        return self._quote(start, end, "direct", ("", ""))

    def _after_quotation(self, close: int, cue: re.Match):
        if self.text[close - 2:close - 1] == "." and not SENTENCE_DONE.match(self.text, cue.end()):
            return None  # “... theory.” He repeated that ...: a new sentence with its own clause
        between = self.text[close:cue.start()]
        if PUNCTUATION.fullmatch(between):
            return self.speaker.named_after(cue.end())
        speaker = self.speaker.subject(cue.start())
        if speaker is not None and PUNCTUATION.fullmatch(self.text, close, speaker[2]):
            return speaker
        return None

    # -- indirect quotes ------------------------------------------------------------------------
    def _indirect(self, cue: re.Match) -> Quote | None:
        lo, hi = self._sentence(cue.start())
        if cue.group("quoting"):
            return None
        if cue.group("according"):
            return self._according(cue, lo, hi)
        speaker = self.speaker.subject(cue.start())
        if speaker is None:  # "..., said Xi."
            named = self.speaker.named_after(cue.end())
            if named is None or not named[0] or not CLOSING.fullmatch(self.text, named[2], max(named[2], hi)):
                return None
            return self._clause_before(lo, cue.start(), named)
        if not speaker[0] and not speaker[1]:
            return None
        rest = self.text[cue.end():hi]
        if CLOSING.fullmatch(rest) or rest.lstrip().startswith(("according to", ",")):
            return self._clause_before(lo, speaker[2], speaker)  # "..., he added." / "..., Xi said, according to SCMP"
        skip = (TOLD if cue.group("speech") in ("told", "tells") else OBJECT).match(self.text, cue.end())
        begin = skip.end() if skip else cue.end()
        if NEEDS_THAT.fullmatch(cue.group()) and not self.text[cue.end():begin].rstrip().endswith("that"):
            return None  # "announced export controls": a thing announced, not words
        if self.text[begin:begin + 1] in "“\":" or NOT_CLAUSE.match(self.text, begin):
            return None  # a direct quote that did not pass as one, or no clause ("claims as its own")
        return self._clause(begin, hi, speaker)

    def _according(self, cue: re.Match, lo: int, hi: int) -> Quote | None:
        if any(c.group("speech") for c in self._cues(lo, hi)):
            return None  # "According to SCMP, Xi said ...": the speaker is the one who said
        named = self.speaker.named_after(cue.end())
        if named is None:
            return None
        comma = TO_COMMA.match(self.text, named[2])
        if self.text[lo:cue.start()].strip() == "" and comma:
            return self._clause(comma.end(), hi, named)
        return self._clause_before(lo, cue.start(), named)

    def _clause(self, begin: int, end: int, speaker) -> Quote | None:
        while end > begin and self.text[end - 1] in " .!?,;:”\"’)":
            end -= 1
        while begin < end and self.text[begin] in " “\"‘(":
            begin += 1
        if len(WORD.findall(self.text[begin:end])) < MIN_WORDS:
            return None
        return self._quote(begin, end, "indirect", speaker)

    def _clause_before(self, lo: int, at: int, speaker) -> Quote | None:
        begin = lo
        while begin < at and not self.text[begin].isalnum() and self.text[begin] not in "“\"":
            begin += 1
        if self.text[begin:begin + 1] in "“\"":
            return None  # a quotation: the direct reading has it
        return self._clause(begin, at, speaker)

    def _quote(self, start: int, end: int, kind: str, speaker) -> Quote:
        return Quote(self.block, start, end, self.text[start:end], kind, speaker[0], speaker[1])

    # -- sentences ------------------------------------------------------------------------------
    @cached_property
    def ends(self) -> list[int]:
        """Where the block's sentences end (computed when a quote first asks)."""
        ends = []
        for m in END.finditer(self.text):
            i = bisect_right(self.spans, (m.start(), INF)) - 1 if self.spans else -1
            if i >= 0 and m.end() < self.spans[i][2]:
                continue  # inside a quotation (a full stop closing one ends the sentence)
            at = m.start()
            if self.text[at - 3:at].islower() and self.text[at - 3:at].isalpha():
                ends.append(m.end())  # after a lower-case word: no abbreviation ("Mr.", "U.S.")
                continue
            word = LAST_WORD.search(self.text, max(0, at - 12), at + 1)
            if word and (word.group(1) in ABBREVIATIONS or len(word.group(1)) == 1 and word.group(1).isupper()):
                continue
            ends.append(m.end())
        return ends

    def _sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.ends, pos)
        return (self.ends[i - 1] if i else 0), (self.ends[i] if i < len(self.ends) else len(self.text))


def _without_overlaps(quotes: list[Quote]) -> list[Quote]:
    """One clause, one quote: the first verb of a sentence reports it ("Xi said ... and warned ..."),
    unless the clause reports another speaker's words ("the White House said Biden repeated that ...")."""
    out: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        if out and q.start < out[-1].end:
            if q.end <= out[-1].end and q.speaker:  # "The White House said Biden repeated that ...": Biden's
                out[-1] = q
            continue
        out.append(q)
    return out
